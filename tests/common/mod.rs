//! Helpers shared by the end-to-end tests: they drive the real `archiv`
//! binary on real folders.
#![allow(dead_code)]

pub mod real;

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The project's folder.
pub fn project() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The sample corpus.
pub fn sample_corpus() -> PathBuf {
    project().join("sample-corpus")
}

/// A fixture folder under `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    project().join("tests/fixtures").join(name)
}

/// `archiv --index INDEX`, with a clean environment.
pub fn archiv(index: &Path) -> Command {
    let mut cmd = Command::cargo_bin("archiv").expect("the archiv binary is built");
    cmd.env_remove("ARCHIV_INDEX")
        .env_remove("NO_COLOR")
        .arg("--index")
        .arg(index);
    cmd
}

/// Indexes `archive` into a new temporary index folder.
pub fn indexed(archive: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = archiv(dir.path())
        .arg("index")
        .arg(archive)
        .output()
        .expect("archiv runs");
    assert!(
        matches!(output.status.code(), Some(0) | Some(3)),
        "indexing failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    dir
}

/// Runs a search with `--format json` and returns the hits as JSON values:
/// every matching document, versions of one story each on its own
/// (`--all-versions`).
pub fn search_json(index: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    let mut with_all = args.to_vec();
    with_all.push("--all-versions");
    search_stories(index, &with_all)
}

/// Runs a search with `--format json` as a user does: one hit per story,
/// its other versions in `versions`.
pub fn search_stories(index: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    let output = archiv(index)
        .arg("search")
        .args(args)
        .args(["--format", "json", "--limit", "100"])
        .output()
        .expect("archiv runs");
    assert!(
        matches!(output.status.code(), Some(0) | Some(1)),
        "search {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    json_lines(&output.stdout)
}

/// Parses one JSON object per line.
pub fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is a JSON object"))
        .collect()
}

/// The ids of the hits, in order.
pub fn ids(hits: &[serde_json::Value]) -> Vec<String> {
    hits.iter()
        .map(|h| h["id"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The paths of the hits, in order.
pub fn search_paths(index: &Path, args: &[&str]) -> Vec<String> {
    search_json(index, args)
        .iter()
        .map(|h| h["path"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The ids of every article in the index, sorted.
pub fn all_ids(index: &Path) -> Vec<String> {
    let output = archiv(index)
        .args(["search", "*", "--format", "json", "--limit", "1000000"])
        .arg("--all-versions")
        .output()
        .expect("archiv runs");
    let mut ids = ids(&json_lines(&output.stdout));
    ids.sort();
    ids
}

/// Writes a small agency-copy article numbered `n` to `dir/name`.
pub fn write_article(dir: &Path, name: &str, n: usize, extra: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create folder");
    }
    let text = format!(
        " date 2025-03-{:02} BERLIN (dpa) - Meldung nummer{n} über den Haushalt der Stadt. {extra}\n\nDer Rat tagt erneut im Frühjahr./abc/DP/xy",
        n % 28 + 1
    );
    std::fs::write(path, text).expect("write article");
}

/// Runs `archiv index --format json` and returns the summary.
pub fn index_summary(index: &Path, archive: &Path, extra: &[&str]) -> serde_json::Value {
    let output = archiv(index)
        .args(["index", "--format", "json"])
        .args(extra)
        .arg(archive)
        .output()
        .expect("archiv runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "index failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("summary is JSON")
}

/// The highlighted words of a JSON hit's snippet.
pub fn highlighted_words(hit: &serde_json::Value) -> Vec<String> {
    let text = hit["snippet"]["text"].as_str().unwrap_or_default();
    hit["snippet"]["highlights"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| {
            let start = r[0].as_u64()? as usize;
            let end = r[1].as_u64()? as usize;
            text.get(start..end).map(str::to_string)
        })
        .collect()
}
