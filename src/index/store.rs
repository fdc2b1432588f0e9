//! Where an index lives on disk, and opening it.
//!
//! ```text
//! INDEX_DIR/
//!   ARCHIV-INDEX     the marker: written first, says the folder is archiv's
//!   GENERATIONS      every generation archiv created here, one name a line
//!   CURRENT          name of the live generation (replaced atomically)
//!   writer.lock      held by the one running `archiv index`
//!   gen-<stamp>/     a generation: tantivy's files + archiv.json
//! ```
//!
//! archiv writes, renames or removes nothing in a folder without the marker
//! ([`claim`]); it only ever creates a new folder, or marks an empty one.
//! A full rebuild writes a new generation beside the live one and swaps
//! `CURRENT` when it is complete, so searches never see a half-built index.
//! Generations that `GENERATIONS` names and `CURRENT` does not are leftovers
//! of a swap or an interrupted rebuild; the next `archiv index` removes
//! them. Nothing else is ever removed.

use super::schema::{self, Fields};
use crate::analysis;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};
use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{DirectoryLock, MmapDirectory};
use tantivy::Index;

/// File naming the live generation.
pub const CURRENT_FILE: &str = "CURRENT";
/// The writer lock file.
pub const LOCK_FILE: &str = "writer.lock";
/// Held shared by every process reading a generation.
pub const READERS_LOCK_FILE: &str = "readers.lock";
/// archiv's own description of a generation, beside tantivy's files.
pub const META_FILE: &str = "archiv.json";
/// The marker file: its presence makes a folder archiv's.
pub const MARKER_FILE: &str = "ARCHIV-INDEX";
/// The record of the generations archiv created in the folder.
pub const GENERATIONS_FILE: &str = "GENERATIONS";
/// Marks `archiv.json` and the marker as ours.
const FORMAT: &str = "archiv-index";
/// Version of the folder layout, recorded in the marker.
pub const FORMAT_VERSION: u32 = 1;

/// The content of [`MARKER_FILE`].
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Marker {
    format: String,
    format_version: u32,
    created: String,
}

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

/// The live generation's folder, if `index_dir` has one. A `CURRENT` that
/// does not name a generation the way archiv writes it is damage.
pub fn current_generation(index_dir: &Path) -> Result<Option<PathBuf>> {
    let pointer = index_dir.join(CURRENT_FILE);
    match std::fs::read(&pointer) {
        Ok(bytes) => {
            let name = std::str::from_utf8(&bytes).unwrap_or("").trim();
            if !is_generation_name(name) {
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
    open.readers_lock = readers_lock;
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

/// Runs `read` over an index's files, turning a panic inside it (tantivy
/// may panic on damaged bytes rather than return an error) into
/// [`Error::Corrupt`], without the panic's own message on stderr.
pub fn guard_damage<T>(index_dir: &Path, read: impl FnOnce() -> Result<T>) -> Result<T> {
    quiet_guarded_panics();
    GUARDED.with(|g| g.set(g.get() + 1));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(read));
    GUARDED.with(|g| g.set(g.get().saturating_sub(1)));
    match result {
        Ok(Err(Error::Index(err))) if is_damage(&err) => Err(Error::Corrupt {
            path: index_dir.to_path_buf(),
            reason: format!("its files cannot be read ({err})"),
        }),
        Ok(result) => result,
        Err(payload) => {
            let what = payload
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| payload.downcast_ref::<&str>().copied())
                .unwrap_or("unknown fault");
            Err(Error::Corrupt {
                path: index_dir.to_path_buf(),
                reason: format!("its files cannot be read ({what})"),
            })
        }
    }
}

/// Whether a tantivy error says the index's bytes are damaged (tantivy
/// reports most damage as I/O errors that no system call gave).
fn is_damage(err: &tantivy::TantivyError) -> bool {
    use std::io::ErrorKind;
    match err {
        tantivy::TantivyError::DataCorruption(_) => true,
        // An error the OS did not give is tantivy's own finding in the bytes.
        tantivy::TantivyError::IoError(io) => {
            io.raw_os_error().is_none()
                || matches!(io.kind(), ErrorKind::InvalidData | ErrorKind::UnexpectedEof)
        }
        tantivy::TantivyError::OpenReadError(_) | tantivy::TantivyError::OpenDirectoryError(_) => {
            false
        }
        tantivy::TantivyError::InternalError(_) => true,
        _ => false,
    }
}

thread_local! {
    /// How many [`guard_damage`] calls this thread is inside.
    static GUARDED: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Installs (once) a panic hook that stays silent for panics that
/// [`guard_damage`] turns into errors, and reports all others as before.
fn quiet_guarded_panics() {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    INSTALL.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if GUARDED.with(|g| g.get()) == 0 {
                default(info);
            }
        }));
    });
}

/// Takes a shared lock on a generation's readers lock, so the writer does
/// not remove the generation while this process reads it. Where the index
/// cannot be written (a read-only mount, another user's shared index) the
/// lock file is opened read-only if it exists, and done without if not: no
/// writer can remove anything there either, and the open segment files
/// stay readable even if one does.
fn lock_for_reading(index_dir: &Path, generation: &Path) -> Result<Option<std::fs::File>> {
    let gone = |reason: String| Error::Corrupt {
        path: index_dir.to_path_buf(),
        reason,
    };
    let path = generation.join(READERS_LOCK_FILE);
    let opened = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path);
    let file = match opened {
        Ok(file) => file,
        Err(err) if is_no_write_access(&err) => match std::fs::File::open(&path) {
            Ok(file) => file,
            Err(_) if generation.join(META_FILE).exists() => return Ok(None),
            Err(err) => return Err(gone(format!("cannot open {}: {err}", path.display()))),
        },
        Err(err) => return Err(gone(format!("cannot open {}: {err}", path.display()))),
    };
    file.lock_shared()
        .map_err(|err| gone(format!("cannot lock {}: {err}", path.display())))?;
    // The writer may have removed the generation while we waited.
    if !generation.join(META_FILE).exists() {
        return Err(gone(format!("{} was removed", generation.display())));
    }
    Ok(Some(file))
}

/// Whether an error says the file system or the permissions do not let us
/// write (as opposed to a missing or damaged index).
fn is_no_write_access(err: &std::io::Error) -> bool {
    matches!(
        err.kind(),
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
    )
}

/// The error for a folder without `CURRENT`: empty (or only marked, the
/// first build not yet begun) means no index yet.
fn no_generation_error(index_dir: &Path) -> Error {
    let is_empty = std::fs::read_dir(index_dir)
        .map(|mut entries| entries.next().is_none())
        .unwrap_or(false);
    if is_empty || index_dir.join(MARKER_FILE).is_file() {
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

/// tantivy's directory for a generation, readable without write access:
/// where the lock tantivy takes while opening segments cannot be created
/// (read-only mount, another user's index), the lock file is locked
/// read-only if it exists, and done without if not; everything else is
/// tantivy's own [`MmapDirectory`].
#[derive(Debug, Clone)]
struct GenerationDirectory {
    inner: MmapDirectory,
    root: PathBuf,
}

impl tantivy::Directory for GenerationDirectory {
    fn get_file_handle(
        &self,
        path: &Path,
    ) -> Result<std::sync::Arc<dyn tantivy::directory::FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }
    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }
    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }
    fn open_write(&self, path: &Path) -> Result<tantivy::directory::WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }
    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }
    fn atomic_write(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
        self.inner.atomic_write(path, data)
    }
    fn sync_directory(&self) -> std::io::Result<()> {
        self.inner.sync_directory()
    }
    fn watch(
        &self,
        callback: tantivy::directory::WatchCallback,
    ) -> tantivy::Result<tantivy::directory::WatchHandle> {
        self.inner.watch(callback)
    }
    fn acquire_lock(&self, lock: &tantivy::directory::Lock) -> Result<DirectoryLock, LockError> {
        match self.inner.acquire_lock(lock) {
            Err(LockError::IoError(err)) if is_no_write_access(&err) => {
                match std::fs::File::open(self.root.join(&lock.filepath)) {
                    Ok(file) => {
                        // A shared lock is all a read-only descriptor may
                        // hold; it still keeps the owner's cleanup out.
                        file.lock_shared()
                            .map_err(|e| LockError::IoError(std::sync::Arc::new(e)))?;
                        Ok(DirectoryLock::from(Box::new(file)))
                    }
                    Err(_) => Ok(DirectoryLock::from(Box::new(()))),
                }
            }
            other => other,
        }
    }
}

/// Opens a generation's tantivy index and registers the analyzers.
pub fn open_generation(index_dir: &Path, generation: &Path, meta: IndexMeta) -> Result<OpenIndex> {
    let directory = MmapDirectory::open(generation)
        .map(|inner| GenerationDirectory {
            inner,
            root: generation.to_path_buf(),
        })
        .map_err(|err| Error::Corrupt {
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
    let name = format!("gen-{stamp}");
    let generation = index_dir.join(&name);
    // Recorded before it exists, so cleanup knows it as ours even if this
    // run dies half-way.
    let mut records = read_generations(index_dir)?;
    records.push(name);
    write_generations(index_dir, &records)?;
    std::fs::create_dir(&generation).map_err(|err| Error::io("cannot create", &generation, err))?;
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

/// Removes the generations this index recorded ([`GENERATIONS_FILE`])
/// other than the live one: leftovers of earlier swaps and of interrupted
/// rebuilds. A folder the records do not name is never touched, and
/// nothing is removed while `CURRENT` cannot be read (which one is live is
/// then unknown). Call only while holding the writer lock.
pub fn remove_stale_generations(index_dir: &Path) -> Result<Vec<PathBuf>> {
    let Ok(Some(live)) = current_generation(index_dir) else {
        return Ok(Vec::new());
    };
    let records = read_generations(index_dir)?;
    let original = records.clone();
    let mut kept = Vec::new();
    let mut removed = Vec::new();
    for name in records {
        let path = index_dir.join(&name);
        if path == live {
            kept.push(name);
            continue;
        }
        if !path.is_dir() {
            continue; // already gone: drop the record
        }
        match lock_unused(&path) {
            Some(_unused) => {
                std::fs::remove_dir_all(&path)
                    .map_err(|err| Error::io("cannot remove", &path, err))?;
                removed.push(path);
            }
            None => kept.push(name), // being read: removed on a later run
        }
    }
    if !kept.iter().any(|n| index_dir.join(n) == live) {
        if let Some(name) = live.file_name().and_then(|n| n.to_str()) {
            kept.push(name.to_string());
        }
    }
    if kept != original {
        write_generations(index_dir, &kept)?;
    }
    Ok(removed)
}

/// The generation names recorded in [`GENERATIONS_FILE`] (none if absent).
fn read_generations(index_dir: &Path) -> Result<Vec<String>> {
    let path = index_dir.join(GENERATIONS_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(text
            .lines()
            .map(str::trim)
            .filter(|n| is_generation_name(n))
            .map(str::to_string)
            .collect()),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(err) => Err(Error::io("cannot read", path, err)),
    }
}

fn write_generations(index_dir: &Path, names: &[String]) -> Result<()> {
    let mut text = names.join("\n");
    text.push('\n');
    write_atomically(&index_dir.join(GENERATIONS_FILE), text.as_bytes())
}

/// A name archiv gives generations: `gen-` and digits, nothing that could
/// lead out of the folder.
fn is_generation_name(name: &str) -> bool {
    name.strip_prefix("gen-")
        .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()))
}

/// Makes sure `index_dir` is archiv's before anything is written there:
/// a missing folder is created (mode 0700), an empty one is marked, a
/// marked one is checked, and an unmarked index made by an earlier archiv
/// (its `CURRENT` names a generation whose `archiv.json` is archiv's) is
/// adopted. Any other folder is refused before a single change. With
/// `rebuild`, a damaged marker is written anew (the folder carries
/// archiv's marker name, so it is archiv's).
pub fn claim(index_dir: &Path, rebuild: bool) -> Result<()> {
    match std::fs::metadata(index_dir) {
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            create_private_dir(index_dir)?;
            return write_marker(index_dir);
        }
        Err(err) => return Err(Error::io("cannot read", index_dir, err)),
        Ok(meta) if !meta.is_dir() => {
            return Err(Error::NotAnIndex {
                path: index_dir.to_path_buf(),
                reason: "it is not a folder; archiv will not write over it".into(),
            })
        }
        Ok(_) => {}
    }
    let marker = index_dir.join(MARKER_FILE);
    match std::fs::read_to_string(&marker) {
        Ok(text) => return check_marker(index_dir, &marker, &text, rebuild),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
        Err(err) if err.kind() == std::io::ErrorKind::InvalidData && rebuild => {
            return write_marker(index_dir)
        }
        Err(err) if err.kind() == std::io::ErrorKind::InvalidData => {
            return Err(damaged_marker(index_dir, &marker, &err.to_string()))
        }
        Err(err) => return Err(Error::io("cannot read", marker, err)),
    }
    let mut entries =
        std::fs::read_dir(index_dir).map_err(|err| Error::io("cannot list", index_dir, err))?;
    if entries.next().is_none() {
        return write_marker(index_dir);
    }
    match legacy_generations(index_dir) {
        Some(generations) => {
            write_marker(index_dir)?;
            let mut records = read_generations(index_dir)?;
            for name in generations {
                if !records.contains(&name) {
                    records.push(name);
                }
            }
            write_generations(index_dir, &records)
        }
        None => Err(Error::NotAnIndex {
            path: index_dir.to_path_buf(),
            reason: format!(
                "the folder holds other files and no {MARKER_FILE} marker; archiv will not write over them"
            ),
        }),
    }
}

fn check_marker(index_dir: &Path, marker: &Path, text: &str, rebuild: bool) -> Result<()> {
    match serde_json::from_str::<Marker>(text) {
        Ok(m) if m.format == FORMAT && m.format_version == FORMAT_VERSION => Ok(()),
        Ok(m) if m.format == FORMAT => Err(Error::Incompatible {
            path: index_dir.to_path_buf(),
            found: format!("(folder format {})", m.format_version),
            expected: FORMAT_VERSION,
        }),
        _ if rebuild => write_marker(index_dir),
        Ok(_) => Err(damaged_marker(index_dir, marker, "it names another format")),
        Err(err) => Err(damaged_marker(index_dir, marker, &err.to_string())),
    }
}

fn damaged_marker(index_dir: &Path, marker: &Path, why: &str) -> Error {
    Error::Corrupt {
        path: index_dir.to_path_buf(),
        reason: format!("the marker {} is not valid ({why})", marker.display()),
    }
}

fn write_marker(index_dir: &Path) -> Result<()> {
    let marker = Marker {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        created: now_rfc3339(),
    };
    let text = serde_json::to_string_pretty(&marker)
        .map_err(|e| Error::Internal(format!("cannot serialise the marker: {e}")))?;
    write_atomically(&index_dir.join(MARKER_FILE), text.as_bytes())
}

/// The generations of an unmarked index made by an earlier archiv: `CURRENT`
/// names a generation with archiv's `archiv.json`; every `gen-…` folder
/// holding archiv's `archiv.json` is one. `None` if the folder is not such
/// an index.
fn legacy_generations(index_dir: &Path) -> Option<Vec<String>> {
    let live = current_generation(index_dir).ok()??;
    let ours = |generation: &Path| {
        std::fs::read_to_string(generation.join(META_FILE))
            .ok()
            .and_then(|text| serde_json::from_str::<IndexMeta>(&text).ok())
            .is_some_and(|meta| meta.format == FORMAT)
    };
    if !ours(&live) {
        return None;
    }
    let mut names: Vec<String> = std::fs::read_dir(index_dir)
        .ok()?
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|name| is_generation_name(name) && ours(&index_dir.join(name)))
        .collect();
    names.sort();
    Some(names)
}

/// Creates `dir` (and its missing parents): the folder itself 0700 on Unix,
/// as an index may hold what the archive does not show to everyone.
fn create_private_dir(dir: &Path) -> Result<()> {
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|err| Error::io("cannot create", parent, err))?;
    }
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    match builder.create(dir) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        Err(err) => Err(Error::io("cannot create", dir, err)),
    }
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
