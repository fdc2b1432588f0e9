//! Input: walking an archive folder and turning each file into articles.
//!
//! Every file that looks like input (`.txt`, `.json`, `.jsonl`) ends up
//! either as articles or as a [`Report`] saying why not; nothing here
//! panics on bad input.

pub mod agency_copy;
pub mod article;
pub mod decode;
pub mod json;

pub use article::Article;
pub use decode::Encoding;

use std::cell::RefCell;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// The input formats, told apart by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Agency copy as plain text (`.txt`).
    Text,
    /// One JSON article (`.json`).
    Json,
    /// One JSON article per line (`.jsonl`).
    JsonLines,
}

impl Format {
    fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Format::Text),
            "json" => Some(Format::Json),
            "jsonl" => Some(Format::JsonLines),
            _ => None,
        }
    }
}

/// One input file found in the archive.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub abs_path: PathBuf,
    /// Path relative to the archive root, `/`-separated.
    pub rel_path: String,
    pub format: Format,
    pub size: u64,
    /// Modification time, nanoseconds since the epoch (0 if unknown).
    pub mtime_ns: i64,
}

/// How serious a report is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Indexed, but something was missing or odd.
    Warning,
    /// Not indexed (the file, or one line of it).
    Skipped,
}

/// Something to tell the user about one input file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Report {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub severity: Severity,
    pub reason: String,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.severity {
            Severity::Warning => "warning",
            Severity::Skipped => "skipped",
        };
        // File names and reasons may carry what a terminal would obey.
        let path = crate::render::output::escape_controls(&self.path);
        let reason = crate::render::output::escape_controls(&self.reason);
        match self.line {
            Some(line) => write!(f, "{what}: {path}:{line}: {reason}"),
            None => write!(f, "{what}: {path}: {reason}"),
        }
    }
}

/// What walking the archive found.
#[derive(Debug, Default)]
pub struct Walk {
    pub files: Vec<SourceFile>,
    /// Entries that could not be read or followed (symlink loops, links out
    /// of the archive, permissions).
    pub reports: Vec<Report>,
    /// Relative paths that could not be read: what the index holds under
    /// them is kept, not taken for deleted.
    pub unreadable: Vec<String>,
    /// Files skipped because they are not `.txt`, `.json` or `.jsonl`.
    pub ignored: usize,
}

/// Walks `root` recursively: skips hidden files and folders, follows
/// symlinks that stay inside `root` (and, with `follow_outside_links`,
/// those that leave it) but reports loops and links out of the root, keeps
/// `.txt`, `.json` and `.jsonl` files, sorted by path.
pub fn walk(root: &Path, follow_outside_links: bool) -> Walk {
    let mut walk = Walk::default();
    let outside = RefCell::new(Vec::new());
    let entries = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() == 0 {
                return true;
            }
            if is_hidden(e.file_name()) {
                return false;
            }
            if follow_outside_links || !e.path_is_symlink() {
                return true;
            }
            match std::fs::canonicalize(e.path()) {
                Ok(target) if target.starts_with(root) => true,
                Ok(target) => {
                    // Reported where it might have been input; a link to,
                    // say, a logo outside counts as ignored.
                    let is_input = e.file_type().is_dir() || Format::of(e.path()).is_some();
                    outside.borrow_mut().push((
                        is_input,
                        Report {
                            path: relative_path(root, e.path()),
                            line: None,
                            severity: Severity::Skipped,
                            reason: format!(
                                "symlink leads out of the archive (to {}): not followed (--follow-outside-links follows it)",
                                target.display()
                            ),
                        },
                    ));
                    false
                }
                Err(_) => true, // a broken link: the walk reports it
            }
        });
    for entry in entries {
        match entry {
            Ok(entry) if entry.file_type().is_file() => match source_file(root, &entry) {
                Some(file) => walk.files.push(file),
                None => walk.ignored += 1,
            },
            Ok(_) => {}
            Err(err) => {
                let mut report = walk_error_report(root, &err);
                if err.loop_ancestor().is_none() {
                    // Depth 0: the archive folder itself, so all of it.
                    let under = if err.depth() == 0 {
                        String::new()
                    } else {
                        report.path.clone()
                    };
                    walk.unreadable.push(under);
                }
                if report.path.is_empty() {
                    // The archive folder itself.
                    report.path = root.display().to_string();
                }
                walk.reports.push(report);
            }
        }
    }
    for (is_input, report) in outside.into_inner() {
        if is_input {
            walk.reports.push(report);
        } else {
            walk.ignored += 1;
        }
    }
    walk
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

fn source_file(root: &Path, entry: &walkdir::DirEntry) -> Option<SourceFile> {
    let format = Format::of(entry.path())?;
    let metadata = entry.metadata().ok();
    let mtime_ns = metadata
        .as_ref()
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
    Some(SourceFile {
        abs_path: entry.path().to_path_buf(),
        rel_path: relative_path(root, entry.path()),
        format,
        size: metadata.map_or(0, |m| m.len()),
        mtime_ns,
    })
}

/// `path` relative to `root`, with `/` separators on every platform. It is
/// exact, so two names are never one id: bytes that are not UTF-8 are
/// written `\xHH`, and a backslash in a name as `\\`.
pub fn relative_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| exact_name(c.as_os_str()))
        .collect::<Vec<_>>()
        .join("/")
}

/// A file name as text, exactly (see [`relative_path`]).
fn exact_name(name: &std::ffi::OsStr) -> String {
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(name);
    #[cfg(not(unix))]
    let lossy = name.to_string_lossy();
    #[cfg(not(unix))]
    let bytes = lossy.as_bytes();
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(&chunk.valid().replace('\\', "\\\\"));
        for byte in chunk.invalid() {
            out.push_str(&format!("\\x{byte:02x}"));
        }
    }
    out
}

fn walk_error_report(root: &Path, err: &walkdir::Error) -> Report {
    let path = err
        .path()
        .map_or_else(|| root.display().to_string(), |p| relative_path(root, p));
    let reason = if err.loop_ancestor().is_some() {
        "symlink loop: not followed".to_string()
    } else {
        match err.io_error() {
            Some(io) => format!("cannot read: {io}"),
            None => err.to_string(),
        }
    };
    Report {
        path,
        line: None,
        severity: Severity::Skipped,
        reason,
    }
}

/// Limits on what one file may take.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Files larger than this many bytes are reported, not read.
    pub max_file_size: u64,
}

/// Reads at most `max` bytes of `path`: `None` if the file holds more, so
/// memory stays bounded even when the file grows while it is read.
pub fn read_bounded(path: &Path, max: u64) -> std::io::Result<Option<Vec<u8>>> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= max).then_some(bytes))
}

/// Everything one input file gave.
#[derive(Debug, Default)]
pub struct FileContent {
    /// The file's size or modification time changed while it was read:
    /// what was read is indexed, and the file is read again next run.
    pub changed_while_read: bool,
    pub articles: Vec<Article>,
    pub reports: Vec<Report>,
    /// How the text was decoded (`None` if the file was not text).
    pub encoding: Option<Encoding>,
    /// BLAKE3 hash of the raw bytes, hex (empty if unreadable).
    pub hash: String,
}

/// Reads and parses one input file. Never fails: problems become reports.
pub fn read_file(file: &SourceFile, limits: &Limits) -> FileContent {
    let too_large = || FileContent {
        reports: vec![skipped(
            file,
            None,
            format!(
                "file is larger than the limit of {} (--max-file-size): not read",
                megabytes(limits.max_file_size)
            ),
        )],
        ..FileContent::default()
    };
    if file.size > limits.max_file_size {
        return too_large();
    }
    match read_bounded(&file.abs_path, limits.max_file_size) {
        Ok(Some(bytes)) => {
            let mut content = parse_bytes(file, &bytes);
            if changed_since_walk(file) {
                content.changed_while_read = true;
                content.reports.push(warning_report(
                    file,
                    None,
                    "the file changed while it was read: indexed as read, read again on the next run"
                        .into(),
                ));
            }
            content
        }
        Ok(None) => too_large(),
        Err(err) => FileContent {
            reports: vec![skipped(file, None, format!("cannot read: {err}"))],
            ..FileContent::default()
        },
    }
}

/// A byte count as MB (or bytes, if small), for messages.
fn megabytes(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MB", bytes / (1024 * 1024))
    } else {
        format!("{bytes} bytes")
    }
}

/// Whether the file's size or mtime differ from what the walk saw.
fn changed_since_walk(file: &SourceFile) -> bool {
    let Ok(metadata) = std::fs::metadata(&file.abs_path) else {
        return true;
    };
    let mtime_ns = metadata
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
    metadata.len() != file.size || mtime_ns != file.mtime_ns
}

/// Parses the bytes of one input file.
pub fn parse_bytes(file: &SourceFile, bytes: &[u8]) -> FileContent {
    let hash = blake3::hash(bytes).to_hex()[..32].to_string();
    let (text, encoding) = match decode::decode(bytes) {
        Ok(decoded) => decoded,
        Err(not_text) => {
            return FileContent {
                reports: vec![skipped(file, None, not_text.to_string())],
                hash,
                ..FileContent::default()
            }
        }
    };
    let mut content = match file.format {
        Format::Text => {
            // Agency copy is plain text: a stray control byte is noise.
            // (JSON's text is kept exactly; output escapes it.)
            let (text, removed) = decode::strip_controls(text);
            let mut content = parse_text(file, &text);
            if let Some(warning) = removed {
                content
                    .reports
                    .insert(0, warning_report(file, None, warning));
            }
            content
        }
        Format::Json => parse_json(file, &text),
        Format::JsonLines => parse_json_lines(file, &text),
    };
    content.encoding = Some(encoding);
    content.hash = hash;
    content
}

/// Drops a date the index cannot hold (tantivy keeps dates as nanoseconds
/// in an i64: 1677-09-21 to 2262-04-11), saying so, rather than let it be
/// changed to the nearest date it can.
fn check_date(article: &mut Article) -> Option<String> {
    let date = article.date?;
    let nanos = date.midnight().assume_utc().unix_timestamp_nanos();
    if i64::try_from(nanos).is_ok() {
        return None;
    }
    article.date = None;
    Some(format!(
        "date {date} is outside the range the index can hold (1677-09-22 to 2262-04-11): indexed without a date"
    ))
}

fn parse_text(file: &SourceFile, text: &str) -> FileContent {
    let parsed = agency_copy::parse(text, &file.rel_path);
    let mut content = FileContent::default();
    for warning in parsed.warnings {
        content.reports.push(warning_report(file, None, warning));
    }
    let mut article = parsed.article;
    if article.body.is_empty() {
        content
            .reports
            .push(skipped(file, None, "no article text found".into()));
    } else {
        if let Some(warning) = check_date(&mut article) {
            content.reports.push(warning_report(file, None, warning));
        }
        content.articles.push(article);
    }
    content
}

fn parse_json(file: &SourceFile, text: &str) -> FileContent {
    let mut content = FileContent::default();
    add_json_article(&mut content, file, text, &file.rel_path, None);
    content
}

fn parse_json_lines(file: &SourceFile, text: &str) -> FileContent {
    let mut content = FileContent::default();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let number = index + 1;
        let id = format!("{}#{number}", file.rel_path);
        add_json_article(&mut content, file, line, &id, Some(number));
    }
    if content.articles.is_empty() && content.reports.is_empty() {
        content
            .reports
            .push(skipped(file, None, "no JSON lines in the file".into()));
    }
    content
}

fn add_json_article(
    content: &mut FileContent,
    file: &SourceFile,
    json: &str,
    id: &str,
    line: Option<usize>,
) {
    match json::parse_object(json, id, &file.rel_path) {
        Ok((mut article, warnings)) => {
            for warning in warnings {
                content.reports.push(warning_report(file, line, warning));
            }
            if let Some(warning) = check_date(&mut article) {
                content.reports.push(warning_report(file, line, warning));
            }
            content.articles.push(article);
        }
        Err(reason) => content.reports.push(skipped(file, line, reason)),
    }
}

fn skipped(file: &SourceFile, line: Option<usize>, reason: String) -> Report {
    Report {
        path: file.rel_path.clone(),
        line,
        severity: Severity::Skipped,
        reason,
    }
}

fn warning_report(file: &SourceFile, line: Option<usize>, reason: String) -> Report {
    Report {
        path: file.rel_path.clone(),
        line,
        severity: Severity::Warning,
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file whose size on disk is not what the walk saw: it changed
    /// between the walk and the read (no end-to-end test can time that).
    #[test]
    fn a_file_changed_since_the_walk_is_indexed_as_read_with_a_warning() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.txt");
        std::fs::write(&path, " date 2025-03-01 BERLIN (dpa) - Der Rat tagt.").expect("write");
        let walked = walk(dir.path(), false);
        let mut file = walked.files.into_iter().next().expect("one file");
        let limits = Limits {
            max_file_size: 1 << 20,
        };
        let unchanged = read_file(&file, &limits);
        assert!(!unchanged.changed_while_read, "{:?}", unchanged.reports);
        file.size += 1; // as if the walk had seen it before a write
        let changed = read_file(&file, &limits);
        assert!(changed.changed_while_read);
        assert_eq!(changed.articles.len(), 1, "indexed as read");
        assert!(changed
            .reports
            .iter()
            .any(|r| r.severity == Severity::Warning && r.reason.contains("changed while")));
    }

    #[test]
    fn ids_are_exact_for_backslashes_and_bytes_that_are_not_utf8() {
        let root = Path::new("/a");
        assert_eq!(relative_path(root, Path::new("/a/b/c.txt")), "b/c.txt");
        assert_eq!(relative_path(root, Path::new("/a/x\\y.txt")), "x\\\\y.txt");
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let raw = std::ffi::OsStr::from_bytes(b"/a/caf\xe9.txt");
            assert_eq!(relative_path(root, Path::new(raw)), "caf\\xe9.txt");
        }
    }
}
