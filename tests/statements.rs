//! `archiv statements` through the real binary on the sample corpus: what
//! a person said, found by name or by words, kept apart from articles, and
//! replaced when its article changes.

mod common;
use common::*;
use std::sync::OnceLock;

const SEED: &str = "000_88151d1d0d9aa232.txt";

fn index() -> &'static std::path::Path {
    static INDEX: OnceLock<tempfile::TempDir> = OnceLock::new();
    INDEX.get_or_init(|| indexed(&sample_corpus())).path()
}

fn statements(index: &std::path::Path, args: &[&str]) -> Vec<serde_json::Value> {
    let output = archiv(index)
        .arg("statements")
        .args(args)
        .args(["--format", "json", "--limit", "100"])
        .output()
        .expect("runs");
    assert!(
        matches!(output.status.code(), Some(0) | Some(1)),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    json_lines(&output.stdout)
}

fn text(hit: &serde_json::Value) -> &str {
    hit["snippet"]["text"].as_str().unwrap_or_default()
}

#[test]
fn the_seed_gives_eight_rutte_statements_by_surname_and_full_name() {
    let by_surname = statements(
        index(),
        &[
            "--by",
            "Rutte",
            "--from",
            "2025-12-02",
            "--to",
            "2025-12-02",
        ],
    );
    let by_name = statements(
        index(),
        &[
            "--by",
            "Mark Rutte",
            "--from",
            "2025-12-02",
            "--to",
            "2025-12-02",
        ],
    );
    // Same day, same score: in text order, the same on every index build.
    let in_order: Vec<String> = (1..=8).map(|n| format!("{SEED}@{n}")).collect();
    assert_eq!(ids(&by_surname), in_order);
    assert_eq!(ids(&by_surname), ids(&by_name));
    for hit in &by_surname {
        assert_eq!(hit["speaker"], "Mark Rutte");
        assert_eq!(hit["article_id"], SEED);
        assert_eq!(hit["agency"], "dpa-AFX");
    }
    let direct = by_surname.iter().filter(|h| h["kind"] == "direct").count();
    assert_eq!(direct, 3, "statements 1, 5 and 6 are quoted");
    assert!(by_surname
        .iter()
        .any(|h| text(h).starts_with("Es komme jetzt auf Moskau an. Man werde jetzt sehen")));
}

#[test]
fn words_narrow_a_speaker_and_find_statements_of_anyone() {
    // "Frieden" in two of Rutte's statements of the seed, none of his others.
    let peace = statements(index(), &["--by", "Rutte", "Frieden"]);
    assert_eq!(ids(&peace), [format!("{SEED}@1"), format!("{SEED}@6")]);
    let marked: Vec<&str> = peace[0]["snippet"]["highlights"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| text(&peace[0]).get(r[0].as_u64()? as usize..r[1].as_u64()? as usize))
        .collect();
    assert_eq!(marked, ["Frieden"]);
    let anyone = statements(index(), &["Zentimeter"]);
    assert_eq!(
        ids(&anyone),
        ["2026/1022_dpa-afx_bruessel_nato-rutte.txt@2"]
    );
    assert_eq!(anyone[0]["speaker"], "Mark Rutte");
}

#[test]
fn statements_never_show_up_as_articles() {
    assert_eq!(
        ids(&search_json(index(), &["Zentimeter"])),
        ["2026/1022_dpa-afx_bruessel_nato-rutte.txt"]
    );
    let all = search_json(index(), &["*"]);
    assert!(all.iter().all(|h| h.get("kind").is_none()));
}

#[test]
fn statements_need_a_speaker_or_words() {
    archiv(index()).arg("statements").assert().code(2);
}

#[test]
fn re_indexing_replaces_and_deleting_removes_an_articles_statements() {
    let archive = tempfile::tempdir().expect("temp dir");
    let index = tempfile::tempdir().expect("temp dir");
    let seed = archive.path().join(SEED);
    std::fs::copy(sample_corpus().join(SEED), &seed).expect("copy");
    index_summary(index.path(), archive.path(), &[]);
    assert_eq!(statements(index.path(), &["--by", "Rutte"]).len(), 8);
    // Keep only the first paragraph: statement 1 stays.
    let text = std::fs::read_to_string(&seed).expect("read");
    let first = text.split("\n\n").next().expect("a paragraph");
    std::fs::write(&seed, first).expect("write");
    index_summary(index.path(), archive.path(), &[]);
    let left = statements(index.path(), &["--by", "Rutte"]);
    assert_eq!(ids(&left), [format!("{SEED}@1")]);
    std::fs::remove_file(&seed).expect("delete");
    // The archive's only file: more than half the index, so allowed explicitly.
    index_summary(index.path(), archive.path(), &["--allow-mass-delete"]);
    assert!(statements(index.path(), &["--by", "Rutte"]).is_empty());
}
