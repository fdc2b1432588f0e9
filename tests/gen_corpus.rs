//! The benchmark corpus generator is deterministic and writes the real
//! input formats.

#[path = "../benches/gen-corpus/generator.rs"]
mod generator;

use std::collections::BTreeMap;
use std::path::Path;

fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(root)
                .unwrap_or(e.path())
                .display()
                .to_string();
            (rel, std::fs::read(e.path()).unwrap_or_default())
        })
        .collect()
}

#[test]
fn the_same_seed_gives_the_same_archive_and_another_seed_another() {
    let (a, b, c) = (
        tempfile::tempdir().expect("tmp"),
        tempfile::tempdir().expect("tmp"),
        tempfile::tempdir().expect("tmp"),
    );
    generator::generate(a.path(), 600, 7, None).expect("generate");
    generator::generate(b.path(), 600, 7, None).expect("generate");
    generator::generate(c.path(), 600, 8, None).expect("generate");
    assert_eq!(tree(a.path()), tree(b.path()));
    assert_ne!(tree(a.path()), tree(c.path()));
}

#[test]
fn it_writes_agency_copy_jsonl_windows_1252_and_ground_truth() {
    let out = tempfile::tempdir().expect("tmp");
    let truth = out.path().join("truth.jsonl");
    let archive = out.path().join("archive");
    generator::generate(&archive, 1000, 1, Some(&truth)).expect("generate");
    let files = tree(&archive);
    let (mut text, mut latin1, mut json_lines) = (0, 0, 0);
    for (path, bytes) in &files {
        if path.ends_with(".txt") {
            text += 1;
            let content = match std::str::from_utf8(bytes) {
                Ok(s) => s.to_string(),
                Err(_) => {
                    latin1 += 1;
                    bytes.iter().map(|&b| char::from(b)).collect()
                }
            };
            let article = archiv::ingest::agency_copy::parse(&content, path);
            assert!(
                article.warnings.is_empty(),
                "{path}: {:?}",
                article.warnings
            );
            let chars = article.article.body.chars().count();
            assert!((250..=6000).contains(&chars), "{path}: {chars} characters");
        } else {
            for line in String::from_utf8_lossy(bytes).lines() {
                let value: serde_json::Value = serde_json::from_str(line).expect("JSON line");
                for key in [
                    "id", "date", "agency", "title", "people", "body", "place", "url",
                ] {
                    assert!(value.get(key).is_some(), "{key} missing");
                }
                json_lines += 1;
            }
        }
    }
    assert_eq!(text + json_lines, 1000);
    assert!(
        json_lines >= 40 && latin1 >= 1,
        "{json_lines} JSON lines, {latin1} Windows-1252 files"
    );
    let truth_lines = std::fs::read_to_string(&truth).expect("truth");
    assert_eq!(truth_lines.lines().count(), 1000);
    for line in truth_lines.lines().take(50) {
        let t: serde_json::Value = serde_json::from_str(line).expect("truth JSON");
        let path = t["path"].as_str().unwrap_or_default();
        let content = String::from_utf8_lossy(&files[path]).into_owned();
        for person in t["people"].as_array().into_iter().flatten() {
            let surname = person
                .as_str()
                .unwrap_or_default()
                .rsplit(' ')
                .next()
                .unwrap_or_default();
            assert!(content.contains(surname), "{path} names {person}");
        }
    }
}
