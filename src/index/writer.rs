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
    /// Go on when the run would delete more than [`MASS_DELETE_SHARE`] of
    /// the indexed files (an empty or unmounted archive refuses otherwise).
    pub allow_mass_delete: bool,
    /// Files larger than this many bytes are reported, not read.
    pub max_file_size: u64,
    /// Follow symlinks that lead out of the archive root (by default they
    /// are reported and not followed).
    pub follow_outside_links: bool,
}

/// Articles with a longer body are indexed without people and statement
/// extraction (reported with a warning): extraction time grows faster than
/// the text, and one huge article must not stall a run.
pub const MAX_EXTRACT_BYTES: usize = 256 * 1024;

/// Default for [`IndexOptions::max_file_size`]: 64 MiB.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// A run that would delete more than this share of the indexed files is
/// refused unless [`IndexOptions::allow_mass_delete`] is set.
pub const MASS_DELETE_SHARE: f64 = 0.5;

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

/// Runs `archiv index`. A failure to write (disk full, permissions) names
/// the index; what the last commit holds stays live.
pub fn run(options: &IndexOptions, progress: &dyn Progress) -> Result<RunSummary> {
    run_unmapped(options, progress).map_err(|err| match err {
        Error::Index(source @ tantivy::TantivyError::IoError(_)) => Error::IndexWrite {
            path: options.index_dir.clone(),
            source,
        },
        other => other,
    })
}

fn run_unmapped(options: &IndexOptions, progress: &dyn Progress) -> Result<RunSummary> {
    let started = Instant::now();
    let archive = std::fs::canonicalize(&options.archive)
        .ok()
        .filter(|p| p.is_dir())
        .ok_or_else(|| Error::NoArchive {
            path: options.archive.clone(),
        })?;
    let index_dir = &options.index_dir;
    if index_dir.is_file() {
        return Err(Error::IndexIsAFile {
            path: index_dir.clone(),
        });
    }
    // Nothing is written before the folder is known to be archiv's.
    store::claim(index_dir, options.rebuild)?;
    let _lock = lock(index_dir, options.wait)?;
    store::remove_stale_generations(index_dir)?;

    let walk = ingest::walk(&archive, options.follow_outside_links);
    let decision = plan(options, &archive)?;
    let mut summary = RunSummary {
        ignored: walk.ignored,
        failed: walk.reports.len(),
        ..RunSummary::default()
    };
    summary.reports.extend(walk.reports);
    let unreadable = walk.unreadable;

    let (target, known, swap_at_end) = match decision {
        Decision::Incremental(target) => {
            summary.mode = "incremental".into();
            let known = store::guard_damage(index_dir, || manifest::load(&target.searcher()?))?;
            (*target, known, false)
        }
        Decision::Full {
            reason,
            swap_at_end,
            live,
        } => {
            summary.mode = "full".into();
            summary.full_reason = Some(reason);
            if let Some(live) = &live {
                check_mass_delete(options, &archive, live.lost(&walk.files), live.records)?;
            }
            let learned = if options.decompound {
                learn_words(&walk.files, options.max_file_size)
            } else {
                Vec::new()
            };
            let meta = IndexMeta::new(&archive, options.decompound)?;
            let target = store::create_generation(index_dir, meta, &learned)?;
            if !swap_at_end {
                // A first build becomes live at once, so its batch commits
                // are durable progress that the next run can resume from.
                store::swap_in(index_dir, &target.dir)?;
            }
            (target, Manifest::new(), swap_at_end)
        }
    };
    let (work, gone) = diff(&walk.files, &unreadable, &known, &mut summary);
    check_mass_delete(options, &archive, gone.len(), known.len())?;
    let mut writer: IndexWriter<TantivyDocument> =
        target.index.writer(options.writer_memory.max(15_000_000))?;

    progress.start(work.len() as u64);
    let mut batch = 0;
    let mut failure = None;
    let limits = ingest::Limits {
        max_file_size: options.max_file_size,
    };
    prepare_in_parallel(&work, options.extract, &limits, |prepared| {
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
    if swap_at_end {
        store::swap_in(index_dir, &target.dir)?;
    }
    Ok(summary)
}

/// Refuses a run that would delete more than [`MASS_DELETE_SHARE`] of the
/// `total` indexed files, unless the user allowed it.
fn check_mass_delete(
    options: &IndexOptions,
    archive: &Path,
    would_delete: usize,
    total: usize,
) -> Result<()> {
    if options.allow_mass_delete || total == 0 {
        return Ok(());
    }
    if would_delete as f64 > total as f64 * MASS_DELETE_SHARE {
        return Err(Error::MassDelete {
            index: options.index_dir.clone(),
            archive: archive.to_path_buf(),
            would_delete,
            total,
        });
    }
    Ok(())
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

/// What a run writes to.
enum Decision {
    /// Into the live generation.
    Incremental(Box<OpenIndex>),
    /// Into a new generation, made live at once (`swap_at_end` false: there
    /// is no live index) or when complete.
    Full {
        reason: String,
        swap_at_end: bool,
        /// What the live index holds, where it can be read.
        live: Option<LiveFiles>,
    },
}

/// The files a live index holds, to tell how many a full build would drop.
struct LiveFiles {
    manifest: Manifest,
    records: usize,
    /// Whether the live index was built from the same archive root.
    same_root: bool,
}

impl LiveFiles {
    /// How many indexed files a build from `files` would no longer hold:
    /// by path for the same archive, by count for a moved one.
    fn lost(&self, files: &[SourceFile]) -> usize {
        if self.same_root {
            let present: std::collections::HashSet<&str> =
                files.iter().map(|f| f.rel_path.as_str()).collect();
            self.manifest
                .keys()
                .filter(|p| !present.contains(p.as_str()))
                .count()
        } else {
            self.records.saturating_sub(files.len())
        }
    }
}

fn plan(options: &IndexOptions, archive: &Path) -> Result<Decision> {
    let index_dir = &options.index_dir;
    let live = match store::current_generation(index_dir) {
        Ok(live) => live,
        // A garbled CURRENT must not block the way out: nothing readable
        // is live, so the new generation is made live at once.
        Err(Error::Corrupt { .. }) if options.rebuild => {
            return Ok(Decision::Full {
                reason: "--rebuild (CURRENT was damaged)".into(),
                swap_at_end: false,
                live: None,
            })
        }
        Err(err) => return Err(err),
    };
    let full = |reason: &str, live: Option<LiveFiles>| Decision::Full {
        reason: reason.to_string(),
        swap_at_end: true,
        live,
    };
    let Some(live) = live else {
        return Ok(Decision::Full {
            reason: "new index".into(),
            swap_at_end: false,
            live: None,
        });
    };
    let meta = store::read_meta(index_dir, &live);
    if options.rebuild {
        // Whatever state the live index is in, --rebuild builds anew; what
        // it holds (where readable) only guards against a mass delete.
        let files = meta
            .ok()
            .and_then(|meta| live_files(index_dir, &live, meta, archive));
        return Ok(full("--rebuild", files));
    }
    let meta = meta?;
    if !meta.is_compatible()? {
        return Ok(full("schema or analysis settings changed", None));
    }
    if meta.decompound != options.decompound {
        let files = live_files(index_dir, &live, meta, archive);
        return Ok(full("compound splitting was switched on or off", files));
    }
    if meta.archive_root != archive.display().to_string() {
        let files = live_files(index_dir, &live, meta, archive);
        return Ok(full("the archive root changed", files));
    }
    Ok(Decision::Incremental(Box::new(store::open_generation(
        index_dir, &live, meta,
    )?)))
}

/// The source records of the live generation, if it can be read.
fn live_files(index_dir: &Path, live: &Path, meta: IndexMeta, archive: &Path) -> Option<LiveFiles> {
    let same_root = meta.archive_root == archive.display().to_string();
    let open = store::open_generation(index_dir, live, meta).ok()?;
    let manifest = store::guard_damage(index_dir, || manifest::load(&open.searcher()?)).ok()?;
    Some(LiveFiles {
        records: manifest.len(),
        manifest,
        same_root,
    })
}

/// Threads for reading files: one per core.
fn worker_threads() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// The words of the archive that the compound splitter may use as parts
/// (see [`crate::analysis::vocabulary`]), counted on all cores.
fn learn_words(files: &[SourceFile], max_file_size: u64) -> Vec<(String, u32)> {
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
                        if file.size > max_file_size {
                            continue; // reported when it is read
                        }
                        let text = ingest::read_bounded(&file.abs_path, max_file_size)
                            .ok()
                            .flatten()
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

/// Prefix of the hash in the source record of a file that was reported
/// (skipped, or lines of it): such a file is read, and reported, again on
/// every run until it is fixed.
const REPORTED: &str = "reported:";

/// Splits the walked files into work (new or possibly changed, or
/// reported last time, with the previous record) and the paths of files
/// that are gone. What lies under an `unreadable` path is not gone.
fn diff<'a>(
    files: &'a [SourceFile],
    unreadable: &[String],
    known: &Manifest,
    summary: &mut RunSummary,
) -> (Vec<(&'a SourceFile, Option<SourceRecord>)>, Vec<String>) {
    let mut work = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for file in files {
        seen.insert(file.rel_path.as_str());
        match known.get(&file.rel_path) {
            Some(record)
                if record.size == file.size
                    && record.mtime_ns == file.mtime_ns
                    && !record.hash.starts_with(REPORTED) =>
            {
                summary.unchanged += 1;
            }
            previous => work.push((file, previous.cloned())),
        }
    }
    let under_unreadable = |path: &str| {
        unreadable.iter().any(|u| {
            u.is_empty()
                || path == u
                || path
                    .strip_prefix(u.as_str())
                    .is_some_and(|rest| rest.starts_with('/'))
        })
    };
    let gone = known
        .keys()
        .filter(|path| !seen.contains(path.as_str()) && !under_unreadable(path))
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
    limits: &ingest::Limits,
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
                    .send(prepare(file, previous.clone(), extract, limits))
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

fn prepare(
    file: &SourceFile,
    previous: Option<SourceRecord>,
    extract: bool,
    limits: &ingest::Limits,
) -> Prepared {
    let mut content = ingest::read_file(file, limits);
    let articles = std::mem::take(&mut content.articles);
    let enriched = articles
        .into_iter()
        .map(|article| {
            let too_long = article.body.len() > MAX_EXTRACT_BYTES;
            if extract && too_long {
                content.reports.push(Report {
                    path: file.rel_path.clone(),
                    line: article
                        .id
                        .rsplit_once('#')
                        .and_then(|(_, n)| n.parse().ok()),
                    severity: Severity::Warning,
                    reason: format!(
                        "the article is {} KB, over {} KB: people and statements not extracted",
                        article.body.len() / 1024,
                        MAX_EXTRACT_BYTES / 1024
                    ),
                });
            }
            documents::enrich(article, extract && !too_long)
        })
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
    let reported = content
        .reports
        .iter()
        .any(|r| r.severity == Severity::Skipped);
    let record = SourceRecord {
        path: file.rel_path.clone(),
        size: file.size,
        // An mtime no file has: the next run reads it again.
        mtime_ns: if content.changed_while_read {
            i64::MIN
        } else {
            file.mtime_ns
        },
        hash: if reported {
            format!("{REPORTED}{}", content.hash)
        } else {
            content.hash.clone()
        },
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
    let same_content =
        previous.is_some_and(|p| p.hash.trim_start_matches(REPORTED) == content.hash);
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
