//! `archiv index`: one run over an archive, incremental by default.
//!
//! A run takes the writer lock, compares the archive with the manifest,
//! indexes new and changed files, deletes the documents of vanished files,
//! and commits every `commit_every` files, so a killed run loses at most one
//! batch and the next run completes it. A full rebuild (asked for, or needed
//! because the schema, the analysis or the archive root changed) writes a
//! new generation beside the live one and swaps it in at the end.

use super::documents::{self, SourceRecord};
use super::manifest::{self, Manifest};
use super::store::{self, IndexMeta, OpenIndex};
use crate::analysis::vocabulary::WordCounts;
use crate::error::{Error, Result};
use crate::ingest::{self, Encoding, Report, Severity, SourceFile};
use serde::Serialize;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::Instant;
use tantivy::{IndexWriter, TantivyDocument, Term};

/// What the caller asks of a run.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    pub archive: PathBuf,
    pub index_dir: PathBuf,
    /// Build a fresh index beside the live one and swap it in.
    pub rebuild: bool,
    /// Wait for another run's lock instead of failing at once.
    pub wait: bool,
    /// Commit after this many files.
    pub commit_every: usize,
    /// Run people and statement extraction.
    pub extract: bool,
    /// Split compounds into the `parts` field (learning the archive's
    /// words at a full build).
    pub decompound: bool,
    /// Memory for tantivy's indexing buffers, in bytes.
    pub writer_memory: usize,
}

/// Told about progress while a run works.
pub trait Progress {
    /// `total` files will be read.
    fn start(&self, total: u64);
    /// One more file is done.
    fn advance(&self);
    fn finish(&self);
}

/// A progress observer that shows nothing.
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _: u64) {}
    fn advance(&self) {}
    fn finish(&self) {}
}

/// What a run did: the summary line a log keeps.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RunSummary {
    /// `incremental` or `full`.
    pub mode: String,
    /// Why a full build ran, if it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_reason: Option<String>,
    pub added: usize,
    pub updated: usize,
    pub deleted: usize,
    pub unchanged: usize,
    /// Files that gave no article (skipped or unreadable).
    pub failed: usize,
    /// Warnings reported for indexed files (one file may have several),
    /// as many as `archiv index` prints.
    pub warned: usize,
    pub articles: usize,
    pub statements: usize,
    /// Files decoded as Windows-1252.
    pub windows_1252: usize,
    /// Files ignored for their extension.
    pub ignored: usize,
    pub duration_ms: u128,
    /// Every report, by path.
    #[serde(skip)]
    pub reports: Vec<Report>,
}

impl RunSummary {
    /// Whether any input file, or any line of one, was not indexed.
    pub fn has_failures(&self) -> bool {
        self.failed > 0 || self.reports.iter().any(|r| r.severity == Severity::Skipped)
    }
}

impl std::fmt::Display for RunSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "archiv index: {} run: {} added, {} updated, {} deleted, {} unchanged, {} failed, {} warnings; {} articles, {} statements; {} Windows-1252; {:.2}s",
            self.mode,
            self.added,
            self.updated,
            self.deleted,
            self.unchanged,
            self.failed,
            self.warned,
            self.articles,
            self.statements,
            self.windows_1252,
            self.duration_ms as f64 / 1000.0
        )?;
        if let Some(reason) = &self.full_reason {
            write!(f, " (full rebuild: {reason})")?;
        }
        Ok(())
    }
}

/// Runs `archiv index`.
pub fn run(options: &IndexOptions, progress: &dyn Progress) -> Result<RunSummary> {
    let started = Instant::now();
    let archive = std::fs::canonicalize(&options.archive)
        .ok()
        .filter(|p| p.is_dir())
        .ok_or_else(|| Error::NoArchive {
            path: options.archive.clone(),
        })?;
    if options.index_dir.is_file() {
        return Err(Error::IndexIsAFile {
            path: options.index_dir.clone(),
        });
    }
    std::fs::create_dir_all(&options.index_dir)
        .map_err(|err| Error::io("cannot create", &options.index_dir, err))?;
    let _lock = lock(&options.index_dir, options.wait)?;
    store::remove_stale_generations(&options.index_dir)?;

    let walk = ingest::walk(&archive);
    let plan = plan(options, &archive, &walk.files)?;
    let mut summary = RunSummary {
        mode: if plan.full_reason.is_some() {
            "full"
        } else {
            "incremental"
        }
        .into(),
        full_reason: plan.full_reason.clone(),
        ..RunSummary::default()
    };
    let target = plan.target;
    let mut writer: IndexWriter<TantivyDocument> =
        target.index.writer(options.writer_memory.max(15_000_000))?;
    let known = if plan.swap_at_end || plan.fresh {
        Manifest::new()
    } else {
        manifest::load(&target.searcher()?)?
    };
    if plan.fresh && !plan.swap_at_end {
        // A first build becomes live at once, so its batch commits are
        // durable progress that the next run can resume from.
        store::swap_in(&options.index_dir, &target.dir)?;
    }

    summary.ignored = walk.ignored;
    summary.failed += walk.reports.len();
    summary.reports.extend(walk.reports);
    let (work, gone) = diff(&walk.files, &known, &mut summary);

    progress.start(work.len() as u64);
    let mut batch = 0;
    let mut failure = None;
    prepare_in_parallel(&work, options.extract, |prepared| {
        if failure.is_some() {
            return;
        }
        if let Err(err) = apply(&target, &mut writer, prepared, &mut summary) {
            failure = Some(err);
            return;
        }
        progress.advance();
        batch += 1;
        if batch >= options.commit_every.max(1) {
            if let Err(err) = writer.commit() {
                failure = Some(err.into());
            }
            batch = 0;
        }
    });
    if let Some(err) = failure {
        return Err(err);
    }
    for path in gone {
        writer.delete_term(Term::from_field_text(target.fields.path, &path));
        summary.deleted += 1;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    progress.finish();

    summary.duration_ms = started.elapsed().as_millis();
    let mut meta = target.meta.clone();
    meta.last_run = Some(serde_json::json!({
        "finished": store::now_rfc3339(),
        "summary": summary,
    }));
    store::write_meta(&target.dir, &meta)?;
    if plan.swap_at_end {
        store::swap_in(&options.index_dir, &target.dir)?;
    }
    Ok(summary)
}

/// Holds the writer lock while alive; the OS releases it if the process dies.
pub struct WriterLock(#[allow(dead_code)] File);

/// Takes the writer lock of `index_dir`, or says who holds it.
pub fn lock(index_dir: &Path, wait: bool) -> Result<WriterLock> {
    let path = index_dir.join(store::LOCK_FILE);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|err| Error::io("cannot open lock file", &path, err))?;
    if wait {
        file.lock()
            .map_err(|err| Error::io("cannot lock", &path, err))?;
        return Ok(WriterLock(file));
    }
    match file.try_lock() {
        Ok(()) => Ok(WriterLock(file)),
        Err(std::fs::TryLockError::WouldBlock) => Err(Error::Locked {
            path: index_dir.to_path_buf(),
            lock: path,
        }),
        Err(std::fs::TryLockError::Error(err)) => Err(Error::io("cannot lock", &path, err)),
    }
}

/// Which generation a run writes to, and whether it is a full build.
struct Plan {
    target: OpenIndex,
    full_reason: Option<String>,
    /// The target is a new generation (starts empty).
    fresh: bool,
    /// The target becomes live only when complete.
    swap_at_end: bool,
}

fn plan(options: &IndexOptions, archive: &Path, files: &[SourceFile]) -> Result<Plan> {
    let index_dir = &options.index_dir;
    let live = match store::current_generation(index_dir)? {
        Some(generation) => Some(generation),
        None if is_foreign(index_dir) => {
            return Err(Error::NotAnIndex {
                path: index_dir.clone(),
                reason: "the folder holds other files; archiv will not write over them".into(),
            })
        }
        None => None,
    };
    let fresh = |reason: &str, swap_at_end: bool| -> Result<Plan> {
        let learned = if options.decompound {
            learn_words(files)
        } else {
            Vec::new()
        };
        let meta = IndexMeta::new(archive, options.decompound)?;
        Ok(Plan {
            target: store::create_generation(index_dir, meta, &learned)?,
            full_reason: Some(reason.to_string()),
            fresh: true,
            swap_at_end,
        })
    };
    let Some(live) = live else {
        return fresh("new index", false);
    };
    if options.rebuild {
        return fresh("--rebuild", true);
    }
    let meta = match store::read_meta(index_dir, &live) {
        Ok(meta) => meta,
        Err(_) => return fresh("the live index is damaged", true),
    };
    if !meta.is_compatible()? {
        return fresh("schema or analysis settings changed", true);
    }
    if meta.decompound != options.decompound {
        return fresh("compound splitting was switched on or off", true);
    }
    if meta.archive_root != archive.display().to_string() {
        return fresh("the archive root changed", true);
    }
    match store::open_generation(index_dir, &live, meta) {
        Ok(target) => Ok(Plan {
            target,
            full_reason: None,
            fresh: false,
            swap_at_end: false,
        }),
        Err(_) => fresh("the live index cannot be opened", true),
    }
}

/// Threads for reading files: one per core.
fn worker_threads() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// The words of the archive that the compound splitter may use as parts
/// (see [`crate::analysis::vocabulary`]), counted on all cores.
fn learn_words(files: &[SourceFile]) -> Vec<(String, u32)> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let workers = worker_threads();
    let mut total = WordCounts::default();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut counts = WordCounts::default();
                    while let Some(file) =
                        files.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
                    {
                        // The decoded file as it is: parsing would cost more
                        // than it changes (datelines and JSON keys are few).
                        let text = std::fs::read(&file.abs_path)
                            .ok()
                            .and_then(|bytes| ingest::decode::decode(&bytes).ok());
                        if let Some((text, _)) = text {
                            counts.add_text(&text);
                        }
                    }
                    counts
                })
            })
            .collect();
        for handle in handles {
            // A worker that panicked counted nothing usable; the others still do.
            if let Ok(counts) = handle.join() {
                total.merge(counts);
            }
        }
    });
    total.learned()
}

/// A non-empty folder that archiv did not make.
fn is_foreign(index_dir: &Path) -> bool {
    std::fs::read_dir(index_dir)
        .map(|entries| {
            entries.flatten().any(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                name != store::LOCK_FILE && !name.starts_with("gen-")
            })
        })
        .unwrap_or(false)
}

/// Splits the walked files into work (new or possibly changed, with the
/// previous record) and the paths of files that are gone.
fn diff<'a>(
    files: &'a [SourceFile],
    known: &Manifest,
    summary: &mut RunSummary,
) -> (Vec<(&'a SourceFile, Option<SourceRecord>)>, Vec<String>) {
    let mut work = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for file in files {
        seen.insert(file.rel_path.as_str());
        match known.get(&file.rel_path) {
            Some(record) if record.size == file.size && record.mtime_ns == file.mtime_ns => {
                summary.unchanged += 1;
            }
            previous => work.push((file, previous.cloned())),
        }
    }
    let gone = known
        .keys()
        .filter(|path| !seen.contains(path.as_str()))
        .cloned()
        .collect();
    (work, gone)
}

/// One file read, parsed and enriched, ready to be written.
struct Prepared {
    file: SourceFile,
    previous: Option<SourceRecord>,
    content: ingest::FileContent,
    enriched: Vec<documents::Enriched>,
}

/// Reads, parses and extracts the files on all cores; `apply` receives
/// each file's result on the calling thread, in completion order.
fn prepare_in_parallel(
    work: &[(&SourceFile, Option<SourceRecord>)],
    extract: bool,
    mut apply: impl FnMut(Prepared),
) {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let workers = worker_threads();
    // A bounded queue keeps memory flat when writing is the slower side.
    let (sender, receiver) = std::sync::mpsc::sync_channel::<Prepared>(workers * 16);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let sender = sender.clone();
            let next = &next;
            scope.spawn(move || loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some((file, previous)) = work.get(i) else {
                    break;
                };
                if sender
                    .send(prepare(file, previous.clone(), extract))
                    .is_err()
                {
                    break;
                }
            });
        }
        drop(sender);
        for prepared in receiver {
            apply(prepared);
        }
    });
}

fn prepare(file: &SourceFile, previous: Option<SourceRecord>, extract: bool) -> Prepared {
    let mut content = ingest::read_file(file);
    let enriched = std::mem::take(&mut content.articles)
        .into_iter()
        .map(|article| documents::enrich(article, extract))
        .collect();
    Prepared {
        file: file.clone(),
        previous,
        content,
        enriched,
    }
}

/// Replaces one file's documents with the prepared ones; a changed mtime
/// with the same content counts as unchanged.
fn apply(
    target: &OpenIndex,
    writer: &mut IndexWriter<TantivyDocument>,
    prepared: Prepared,
    summary: &mut RunSummary,
) -> Result<()> {
    let Prepared {
        file,
        previous,
        content,
        enriched,
    } = prepared;
    let fields = &target.fields;
    if content.hash.is_empty() {
        // Unreadable: leave its old documents (if any) and retry next run.
        summary.failed += 1;
        summary.reports.extend(content.reports);
        return Ok(());
    }
    let record = SourceRecord {
        path: file.rel_path.clone(),
        size: file.size,
        mtime_ns: file.mtime_ns,
        hash: content.hash.clone(),
    };
    if let Some(previous) = &previous {
        // Replaces every document the file gave last time, statements too.
        writer.delete_term(Term::from_field_text(fields.path, &previous.path));
    }
    count_file(summary, &content, &enriched, previous.as_ref());
    for article in &enriched {
        let with_parts = target.meta.decompound;
        writer.add_document(documents::article_doc(fields, article, with_parts))?;
        summary.articles += 1;
        for doc in documents::statement_docs(fields, article, with_parts) {
            writer.add_document(doc)?;
            summary.statements += 1;
        }
    }
    writer.add_document(documents::source_doc(fields, &record))?;
    summary.reports.extend(content.reports);
    Ok(())
}

/// Counts a read file in the summary.
fn count_file(
    summary: &mut RunSummary,
    content: &ingest::FileContent,
    enriched: &[documents::Enriched],
    previous: Option<&SourceRecord>,
) {
    if content.encoding == Some(Encoding::Windows1252) {
        summary.windows_1252 += 1;
    }
    let same_content = previous.is_some_and(|p| p.hash == content.hash);
    if enriched.is_empty() {
        summary.failed += 1;
    } else if same_content {
        // Touched but not changed: re-adding from the same bytes keeps one
        // code path and gives identical documents.
        summary.unchanged += 1;
    } else if previous.is_some() {
        summary.updated += 1;
    } else {
        summary.added += 1;
    }
    summary.warned += content
        .reports
        .iter()
        .filter(|r| r.severity == Severity::Warning)
        .count();
}
