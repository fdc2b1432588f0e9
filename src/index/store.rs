//! Where an index lives on disk, and opening it.
//!
//! ```text
//! INDEX_DIR/
//!   CURRENT          name of the live generation (replaced atomically)
//!   writer.lock      held by the one running `archiv index`
//!   gen-<stamp>/     a generation: tantivy's files + archiv.json
//! ```
//!
//! A full rebuild writes a new generation beside the live one and swaps
//! `CURRENT` when it is complete, so searches never see a half-built index.
//! Generations that `CURRENT` does not name are leftovers of a swap or an
//! interrupted rebuild; the next `archiv index` removes them.

use super::schema::{self, Fields};
use crate::analysis;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};
use tantivy::directory::MmapDirectory;
use tantivy::Index;

/// File naming the live generation.
pub const CURRENT_FILE: &str = "CURRENT";
/// The writer lock file.
pub const LOCK_FILE: &str = "writer.lock";
/// Held shared by every process reading a generation.
pub const READERS_LOCK_FILE: &str = "readers.lock";
/// archiv's own description of a generation, beside tantivy's files.
pub const META_FILE: &str = "archiv.json";
/// Marks `archiv.json` as ours.
const FORMAT: &str = "archiv-index";

/// What archiv records about a generation.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IndexMeta {
    pub format: String,
    pub schema_version: u32,
    /// Analysis settings the index was built with ([`analysis::settings`]).
    pub analysis: String,
    /// Whether compounds were split into the `parts` field.
    #[serde(default)]
    pub decompound: bool,
    /// Absolute path of the archive the index was built from.
    pub archive_root: String,
    /// When this generation was created (RFC 3339).
    pub created: String,
    /// Summary of the last `archiv index` run over it.
    #[serde(default)]
    pub last_run: Option<serde_json::Value>,
}

impl IndexMeta {
    pub fn new(archive_root: &Path, decompound: bool) -> Result<IndexMeta> {
        Ok(IndexMeta {
            format: FORMAT.to_string(),
            schema_version: schema::version()?,
            analysis: analysis::settings(),
            decompound,
            archive_root: archive_root.display().to_string(),
            created: now_rfc3339(),
            last_run: None,
        })
    }

    /// Whether an index with this meta can be searched by this binary.
    pub fn is_compatible(&self) -> Result<bool> {
        Ok(self.format == FORMAT
            && self.schema_version == schema::version()?
            && self.analysis == analysis::settings())
    }
}

/// The current time as RFC 3339 (UTC).
pub fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// An opened generation, ready to search or write.
pub struct OpenIndex {
    pub index: Index,
    pub fields: Fields,
    /// The generation folder.
    pub dir: PathBuf,
    pub meta: IndexMeta,
    /// The compound splitter the index was built with.
    pub splitter: analysis::Splitter,
    /// Opened with the index: it holds every segment file open, so a
    /// writer that later removes them (merges, stale generations) cannot
    /// pull them away from under a running search.
    reader: tantivy::IndexReader,
    /// Shared lock on the generation while searching (see [`READERS_LOCK_FILE`]).
    readers_lock: Option<std::fs::File>,
}

impl OpenIndex {
    /// A searcher over the index as of the moment it was opened.
    pub fn searcher(&self) -> Result<tantivy::Searcher> {
        Ok(self.reader.searcher())
    }
}

/// The live generation's folder, if `index_dir` has one.
pub fn current_generation(index_dir: &Path) -> Result<Option<PathBuf>> {
    let pointer = index_dir.join(CURRENT_FILE);
    match std::fs::read_to_string(&pointer) {
        Ok(name) => {
            let name = name.trim();
            if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
                return Err(Error::Corrupt {
                    path: index_dir.to_path_buf(),
                    reason: format!("{} names no valid generation", pointer.display()),
                });
            }
            Ok(Some(index_dir.join(name)))
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(Error::io("cannot read", pointer, err)),
    }
}

/// Opens the live generation for searching: refuses a missing, foreign or
/// incompatible index with an error that says what to do.
pub fn open_for_search(index_dir: &Path) -> Result<OpenIndex> {
    if index_dir.is_file() {
        return Err(Error::IndexIsAFile {
            path: index_dir.to_path_buf(),
        });
    }
    if !index_dir.is_dir() {
        return Err(Error::NoIndex {
            path: index_dir.to_path_buf(),
        });
    }
    let Some(generation) = current_generation(index_dir)? else {
        return Err(no_generation_error(index_dir));
    };
    let readers_lock = lock_for_reading(index_dir, &generation)?;
    let meta = read_meta(index_dir, &generation)?;
    if !meta.is_compatible()? {
        return Err(Error::Incompatible {
            path: index_dir.to_path_buf(),
            found: format!("{} (analysis {})", meta.schema_version, meta.analysis),
            expected: schema::version()?,
        });
    }
    let mut open = open_generation(index_dir, &generation, meta)?;
    open.readers_lock = Some(readers_lock);
    Ok(open)
}

/// Runs `read` (which opens the index and reads it) again when it failed
/// because a writer in another process changed the files under it: swapped
/// generations or merged segments between our reading `CURRENT` or
/// `meta.json` and opening what they name. The next attempt sees the new,
/// complete state.
pub fn with_retries<T>(mut read: impl FnMut() -> Result<T>) -> Result<T> {
    const ATTEMPTS: u64 = 5;
    let mut attempt = 1;
    loop {
        match read() {
            Err(Error::Corrupt { .. } | Error::Index(_)) if attempt < ATTEMPTS => {
                std::thread::sleep(std::time::Duration::from_millis(20 * attempt));
                attempt += 1;
            }
            result => return result,
        }
    }
}

/// Takes a shared lock on a generation's readers lock, so the writer does
/// not remove the generation while this process reads it.
fn lock_for_reading(index_dir: &Path, generation: &Path) -> Result<std::fs::File> {
    let gone = |reason: String| Error::Corrupt {
        path: index_dir.to_path_buf(),
        reason,
    };
    let path = generation.join(READERS_LOCK_FILE);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|err| gone(format!("cannot open {}: {err}", path.display())))?;
    file.lock_shared()
        .map_err(|err| gone(format!("cannot lock {}: {err}", path.display())))?;
    // The writer may have removed the generation while we waited.
    if !generation.join(META_FILE).exists() {
        return Err(gone(format!("{} was removed", generation.display())));
    }
    Ok(file)
}

/// The error for a folder without `CURRENT`: empty means no index yet.
fn no_generation_error(index_dir: &Path) -> Error {
    let is_empty = std::fs::read_dir(index_dir)
        .map(|mut entries| entries.next().is_none())
        .unwrap_or(false);
    if is_empty {
        Error::NoIndex {
            path: index_dir.to_path_buf(),
        }
    } else {
        Error::NotAnIndex {
            path: index_dir.to_path_buf(),
            reason: format!("it has no {CURRENT_FILE} file"),
        }
    }
}

/// Reads and checks a generation's `archiv.json`.
pub fn read_meta(index_dir: &Path, generation: &Path) -> Result<IndexMeta> {
    let path = generation.join(META_FILE);
    let text = std::fs::read_to_string(&path).map_err(|err| Error::Corrupt {
        path: index_dir.to_path_buf(),
        reason: format!("cannot read {}: {err}", path.display()),
    })?;
    let meta: IndexMeta = serde_json::from_str(&text).map_err(|err| Error::Corrupt {
        path: index_dir.to_path_buf(),
        reason: format!("{} is not valid: {err}", path.display()),
    })?;
    if meta.format != FORMAT {
        return Err(Error::NotAnIndex {
            path: index_dir.to_path_buf(),
            reason: format!("{} is not archiv's", path.display()),
        });
    }
    Ok(meta)
}

/// Writes a generation's `archiv.json` atomically (temp file + rename).
pub fn write_meta(generation: &Path, meta: &IndexMeta) -> Result<()> {
    let text = serde_json::to_string_pretty(meta)
        .map_err(|e| Error::Internal(format!("cannot serialise index meta: {e}")))?;
    write_atomically(&generation.join(META_FILE), text.as_bytes())
}

/// Writes `bytes` to `path` through a synced temp file and a rename, so a
/// reader sees the old or the new content, never a torn one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_extension("tmp");
    let write = || -> std::io::Result<()> {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)?;
        if let Some(parent) = path.parent() {
            // Make the rename itself durable.
            std::fs::File::open(parent)?.sync_all()?;
        }
        Ok(())
    };
    write().map_err(|err| Error::io("cannot write", path, err))
}

/// Opens a generation's tantivy index and registers the analyzers.
pub fn open_generation(index_dir: &Path, generation: &Path, meta: IndexMeta) -> Result<OpenIndex> {
    let directory = MmapDirectory::open(generation).map_err(|err| Error::Corrupt {
        path: index_dir.to_path_buf(),
        reason: format!("cannot open {}: {err}", generation.display()),
    })?;
    let index = Index::open(directory).map_err(|err| Error::Corrupt {
        path: index_dir.to_path_buf(),
        reason: format!("cannot open {}: {err}", generation.display()),
    })?;
    let splitter = analysis::vocabulary::splitter(
        analysis::vocabulary::load(generation)?
            .iter()
            .map(String::as_str),
    );
    analysis::register(index.tokenizers(), &splitter);
    let fields = Fields::new(&index.schema()).map_err(|_| Error::Incompatible {
        path: index_dir.to_path_buf(),
        found: format!("{} (fields differ)", meta.schema_version),
        expected: schema::version().unwrap_or(0),
    })?;
    let reader = manual_reader(&index)?;
    Ok(OpenIndex {
        index,
        fields,
        dir: generation.to_path_buf(),
        meta,
        splitter,
        reader,
        readers_lock: None,
    })
}

/// A reader that never reloads by itself: a CLI process answers from the
/// commit it opened.
fn manual_reader(index: &Index) -> Result<tantivy::IndexReader> {
    Ok(index
        .reader_builder()
        .reload_policy(tantivy::ReloadPolicy::Manual)
        .try_into()?)
}

/// Creates a new, empty generation folder with a fresh index in it, which
/// splits compounds with the lexicon and the `learned` words.
pub fn create_generation(
    index_dir: &Path,
    meta: IndexMeta,
    learned: &[(String, u32)],
) -> Result<OpenIndex> {
    let stamp = time::OffsetDateTime::now_utc().unix_timestamp_nanos();
    let generation = index_dir.join(format!("gen-{stamp}"));
    std::fs::create_dir_all(&generation)
        .map_err(|err| Error::io("cannot create", &generation, err))?;
    let directory = MmapDirectory::open(&generation).map_err(|err| Error::Corrupt {
        path: index_dir.to_path_buf(),
        reason: format!("cannot open {}: {err}", generation.display()),
    })?;
    let index = Index::create(directory, schema::build()?, Default::default())?;
    analysis::vocabulary::save(&generation, learned)?;
    let splitter = analysis::vocabulary::splitter(learned.iter().map(|(w, _)| w.as_str()));
    analysis::register(index.tokenizers(), &splitter);
    let fields = Fields::new(&index.schema())?;
    write_meta(&generation, &meta)?;
    let reader = manual_reader(&index)?;
    Ok(OpenIndex {
        index,
        fields,
        dir: generation,
        meta,
        splitter,
        reader,
        readers_lock: None,
    })
}

/// Makes `generation` the live one.
pub fn swap_in(index_dir: &Path, generation: &Path) -> Result<()> {
    let name = generation
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| Error::Internal(format!("bad generation path {}", generation.display())))?;
    write_atomically(&index_dir.join(CURRENT_FILE), name.as_bytes())
}

/// Removes generations other than the live one: leftovers of earlier swaps
/// and of interrupted rebuilds. Call only while holding the writer lock.
pub fn remove_stale_generations(index_dir: &Path) -> Result<Vec<PathBuf>> {
    let live = current_generation(index_dir)?;
    let entries =
        std::fs::read_dir(index_dir).map_err(|err| Error::io("cannot list", index_dir, err))?;
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let is_generation = entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with("gen-"));
        if is_generation && Some(&path) != live.as_ref() && path.is_dir() {
            if let Some(_unused) = lock_unused(&path) {
                std::fs::remove_dir_all(&path)
                    .map_err(|err| Error::io("cannot remove", &path, err))?;
                removed.push(path);
            }
        }
    }
    Ok(removed)
}

/// An exclusive lock on a generation's readers lock if no process is
/// reading it; `None` while one is (it is removed on a later run).
fn lock_unused(generation: &Path) -> Option<std::fs::File> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(generation.join(READERS_LOCK_FILE))
        .ok()?;
    file.try_lock().is_ok().then_some(file)
}

/// Total size in bytes of the files under `dir`.
pub fn disk_size(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}
