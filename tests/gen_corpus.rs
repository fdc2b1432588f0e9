//! The benchmark corpus generator (`benches/gen-corpus`): deterministic,
//! writes the formats archiv reads, and its ground truth matches what it
//! wrote.

#[path = "../benches/gen-corpus/generator.rs"]
mod generator;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const ARTICLES: usize = 300;

/// Every file under `root` by relative path (with `/`), with its bytes.
fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut dirs: Vec<PathBuf> = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("read_dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                let rel = path.strip_prefix(root).expect("under root");
                let rel = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                files.insert(rel, std::fs::read(&path).expect("read"));
            }
        }
    }
    files
}

/// Generates an archive with its truth; returns (archive files, truth lines).
fn generate(dir: &Path, articles: usize, seed: u64) -> (BTreeMap<String, Vec<u8>>, Vec<String>) {
    let archive = dir.join("archive");
    let truth = dir.join("truth.jsonl");
    generator::generate(&archive, articles, seed, Some(&truth)).expect("generate");
    let truth = std::fs::read_to_string(truth).expect("truth");
    (tree(&archive), truth.lines().map(str::to_string).collect())
}

fn text_of(bytes: &[u8]) -> (String, bool) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), false),
        Err(_) => (generator::decode_windows_1252(bytes), true),
    }
}

#[test]
fn the_same_seed_gives_the_same_archive_and_another_seed_another() {
    let (a, b, c) = (
        tempfile::tempdir().expect("tmp"),
        tempfile::tempdir().expect("tmp"),
        tempfile::tempdir().expect("tmp"),
    );
    let first = generate(a.path(), ARTICLES, 7);
    let second = generate(b.path(), ARTICLES, 7);
    assert_eq!(first.0.len(), second.0.len());
    assert!(first.0 == second.0, "same seed, different files");
    assert_eq!(first.1, second.1, "same seed, different truth");
    let other = generate(c.path(), ARTICLES, 8);
    assert!(first.0 != other.0, "another seed, same files");
}

#[test]
fn a_smaller_archive_is_a_prefix_of_a_larger_one() {
    let (a, b) = (
        tempfile::tempdir().expect("tmp"),
        tempfile::tempdir().expect("tmp"),
    );
    let small = generate(a.path(), 100, 3);
    let large = generate(b.path(), ARTICLES, 3);
    assert_eq!(small.1[..], large.1[..100]);
    for (path, bytes) in small.0.iter().filter(|(p, _)| !p.starts_with("feeds/")) {
        assert_eq!(Some(bytes), large.0.get(path), "{path}");
    }
}

#[test]
fn text_files_are_agency_copy_mostly_utf8_some_windows_1252() {
    let dir = tempfile::tempdir().expect("tmp");
    let (files, _) = generate(dir.path(), 1200, 1);
    let (mut utf8, mut windows) = (0, 0);
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".txt")) {
        let (text, is_windows) = text_of(bytes);
        if is_windows {
            windows += 1;
            assert!(text.contains(['ä', 'ö', 'ü', 'ß', 'Ä', 'Ö', 'Ü']), "{path}");
            assert!(text.contains("\r\n"), "{path}: Windows files have CRLF");
        } else {
            utf8 += 1;
        }
        let first_line = text.lines().next().unwrap_or_default();
        let rest = first_line.trim_start().strip_prefix("date ").unwrap_or("");
        let date = rest.get(..10).unwrap_or("");
        assert!(
            date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-',
            "{path}: {first_line}"
        );
        assert!(
            first_line.contains(") - ") || first_line.contains(") – "),
            "{path}: no dateline `PLACE (Agency) - `"
        );
        assert!(!text.ends_with('\n'), "{path}: trailing newline");
        let chars = text.replace("\r\n", "\n").chars().count();
        assert!(chars <= generator::MAX_CHARS, "{path}: {chars} characters");
    }
    assert!(utf8 > 1000, "{utf8} UTF-8 text files");
    assert!((1..=5).contains(&windows), "{windows} Windows-1252 files");
}

#[test]
fn json_files_and_feeds_have_the_keys_archiv_reads() {
    let dir = tempfile::tempdir().expect("tmp");
    let (files, truth) = generate(dir.path(), 1200, 2);
    let mut objects = 0;
    for (path, bytes) in files
        .iter()
        .filter(|(p, _)| p.ends_with(".json") || p.ends_with(".jsonl"))
    {
        let text = std::str::from_utf8(bytes).expect("JSON is UTF-8");
        for line in text.lines() {
            let value: serde_json::Value = serde_json::from_str(line).expect("valid JSON");
            for key in [
                "id", "date", "agency", "title", "people", "body", "place", "url",
            ] {
                assert!(value.get(key).is_some(), "{path}: `{key}` missing");
            }
            let date = value["date"].as_str().unwrap_or_default();
            assert_eq!(date.len(), 10, "{path}: date {date}");
            assert!(value["people"].is_array(), "{path}");
            objects += 1;
        }
    }
    let in_json = truth
        .iter()
        .filter(|l| l.contains("\"format\":\"json"))
        .count();
    assert_eq!(objects, in_json);
    assert!(objects > 40, "{objects} JSON articles of 1200");
    assert!(files.keys().any(|p| p == "feeds/feed_0000.jsonl"));
}

#[test]
fn the_truth_describes_every_article() {
    let dir = tempfile::tempdir().expect("tmp");
    let (files, truth) = generate(dir.path(), ARTICLES, 5);
    assert_eq!(truth.len(), ARTICLES);
    let mut statements = 0;
    for line in &truth {
        let t: serde_json::Value = serde_json::from_str(line).expect("truth JSON");
        let path = t["path"].as_str().expect("path");
        let body = article_body(&files, path, t["id"].as_str().expect("id"));
        let chars = t["chars"].as_u64().expect("chars") as usize;
        assert_eq!(chars, body.chars().count(), "{path}");
        assert!(
            (generator::MIN_CHARS..=generator::MAX_CHARS).contains(&chars),
            "{path}: {chars}"
        );
        for person in t["people"].as_array().expect("people") {
            let name = person.as_str().expect("name");
            assert!(body.contains(name), "{path} does not name {name}");
        }
        for s in t["statements"].as_array().expect("statements") {
            let text = s["text"].as_str().expect("text");
            let start: String = text.chars().take(25).collect();
            assert!(
                body.contains(&start),
                "{path}: statement `{text}` not in the text"
            );
            assert!(matches!(s["kind"].as_str(), Some("direct" | "reported")));
            statements += 1;
        }
    }
    assert!(
        statements > ARTICLES,
        "{statements} statements in {ARTICLES} articles"
    );
}

/// The body of the article `id` in `path`: the text after the dateline of
/// a text file, or the `body` of the JSON object.
fn article_body(files: &BTreeMap<String, Vec<u8>>, path: &str, id: &str) -> String {
    let bytes = files.get(path).expect("file of the truth");
    if path.ends_with(".txt") {
        let text = text_of(bytes).0.replace("\r\n", "\n");
        let dash = text
            .find(") - ")
            .or_else(|| text.find(") – "))
            .expect("dateline");
        let body = text[dash..].split_once(' ').map_or("", |x| x.1);
        let body = body.split_once(' ').map_or("", |x| x.1);
        // The signature (`/aha/DP/mis`) is glued to the last sentence.
        let kept = body.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '/');
        if body[kept.len()..].starts_with('/') {
            kept.to_string()
        } else {
            body.to_string()
        }
    } else {
        let line = match id.rsplit_once('#') {
            Some((_, n)) => n.parse::<usize>().expect("line number"),
            None => 1,
        };
        let text = std::str::from_utf8(bytes).expect("UTF-8");
        let json: serde_json::Value =
            serde_json::from_str(text.lines().nth(line - 1).expect("line")).expect("JSON");
        json["body"].as_str().expect("body").to_string()
    }
}

#[test]
fn archiv_reads_the_generated_agency_copy_without_warnings() {
    let dir = tempfile::tempdir().expect("tmp");
    let (files, _) = generate(dir.path(), ARTICLES, 9);
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".txt")) {
        let text = text_of(bytes).0;
        let parsed = archiv::ingest::agency_copy::parse(&text, path);
        assert!(parsed.warnings.is_empty(), "{path}: {:?}", parsed.warnings);
        let chars = parsed.article.body.chars().count();
        assert!(
            (generator::MIN_CHARS..=generator::MAX_CHARS).contains(&chars),
            "{path}: {chars}"
        );
    }
}
