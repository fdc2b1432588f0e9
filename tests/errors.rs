//! Bad input and every error path, through the real binary: each gets a
//! clear message and its own exit code.

mod common;
use common::*;
use predicates::prelude::*;

const SEED: &str = "000_88151d1d0d9aa232.txt";

#[test]
fn broken_inputs_are_reported_by_path_and_the_rest_is_indexed() {
    let index = tempfile::tempdir().expect("temp dir");
    let output = archiv(index.path())
        .args(["index", "--format", "json"])
        .arg(fixture("broken"))
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(3), "some files were reported");
    let stderr = String::from_utf8_lossy(&output.stderr);
    for expected in [
        "skipped: zip_renamed.txt: binary file",
        "skipped: empty.txt: empty file",
        "warning: no_header.txt: no `date YYYY-MM-DD`",
        "warning: no_header.txt: no dateline",
        "skipped: feed.jsonl:2: not a valid JSON article",
        "skipped: feed.jsonl:3: the article has no `body`",
    ] {
        assert!(
            stderr.contains(expected),
            "missing `{expected}` in:\n{stderr}"
        );
    }
    let summary: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("the summary is one JSON object");
    assert_eq!(summary["added"], 3, "files: {summary}");
    assert_eq!(summary["failed"], 2, "{summary}");
    assert_eq!(summary["articles"], 4, "{summary}");
    assert_eq!(summary["windows_1252"], 1, "{summary}");
    assert_eq!(summary["ignored"], 1, "notes.md: {summary}");

    let mut all = ids(&search_json(index.path(), &["*"]));
    all.sort();
    assert_eq!(
        all,
        [
            "feed.jsonl#1",
            "feed.jsonl#4",
            "no_header.txt",
            "sub/latin1_wien.txt"
        ],
        "hidden, binary and empty files are not indexed"
    );
}

#[test]
fn windows_1252_text_is_decoded_and_searchable() {
    let index = indexed(&fixture("broken"));
    let hits = search_json(index.path(), &["Strassenbahn"]);
    assert_eq!(ids(&hits), ["sub/latin1_wien.txt"]);
    assert_eq!(hits[0]["agency"], "APA");
    assert_eq!(hits[0]["place"], "WIEN");
    let snippet = hits[0]["snippet"]["text"].as_str().unwrap_or_default();
    assert!(snippet.contains("Straßenbahn fährt"), "{snippet}");
}

#[test]
fn jsonl_articles_keep_their_line_and_accept_german_dates() {
    let index = indexed(&fixture("broken"));
    let hits = search_json(index.path(), &["Hafenarbeiter"]);
    assert_eq!(ids(&hits), ["feed.jsonl#4"]);
    assert_eq!(hits[0]["date"], "2025-11-05");
    assert_eq!(hits[0]["headline"], "Hafenstreik");
    let hits = search_json(index.path(), &["--person", "Lagarde", "Leitzinsen"]);
    assert_eq!(ids(&hits), ["feed.jsonl#1"]);
}

#[test]
fn missing_index_exits_4_and_says_how_to_make_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    archiv(&dir.path().join("nothing-here"))
        .args(["search", "Nato"])
        .assert()
        .code(4)
        .stderr(
            predicate::str::contains("no archiv index at")
                .and(predicate::str::contains("archiv index --index")),
        );
}

#[test]
fn a_foreign_folder_is_refused_with_exit_5() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("meta.json"), "{}").expect("write");
    archiv(dir.path())
        .args(["search", "Nato"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains("is not an archiv index"));
    archiv(dir.path())
        .arg("index")
        .arg(sample_corpus())
        .assert()
        .code(5)
        .stderr(predicate::str::contains("will not write over"));
}

#[test]
fn an_incompatible_index_is_refused_by_search_and_rebuilt_by_index() {
    let index = indexed(&sample_corpus());
    let generation = std::fs::read_to_string(index.path().join("CURRENT")).expect("CURRENT");
    let meta_path = index.path().join(generation.trim()).join("archiv.json");
    let meta = std::fs::read_to_string(&meta_path).expect("archiv.json");
    let old = meta.replace("\"schema_version\": 2", "\"schema_version\": 0");
    assert_ne!(meta, old, "the test edits the version");
    std::fs::write(&meta_path, old).expect("write");
    archiv(index.path())
        .args(["search", "Nato"])
        .assert()
        .code(5)
        .stderr(
            predicate::str::contains("schema version 0").and(predicate::str::contains("--rebuild")),
        );
    archiv(index.path())
        .arg("index")
        .arg(sample_corpus())
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "full rebuild: schema or analysis settings changed",
        ));
    archiv(index.path())
        .args(["search", "Rutte"])
        .assert()
        .code(0);
}

#[test]
fn query_errors_have_their_own_exit_codes() {
    let index = indexed(&sample_corpus());
    archiv(index.path())
        .args(["search", "Nato AND ["])
        .assert()
        .code(8)
        .stderr(predicate::str::contains("query syntax error").and(predicate::str::contains("^")));
    archiv(index.path())
        .args(["search", "ressort:politik"])
        .assert()
        .code(9)
        .stderr(
            predicate::str::contains("unknown field `ressort`").and(predicate::str::contains(
                "known fields: body, headline, parts, people, agency, place, date",
            )),
        );
    archiv(index.path())
        .args(["search", "Nato", "--from", "2.12.25"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD"));
    archiv(index.path())
        .args(["search", "Quantencomputer"])
        .assert()
        .code(1)
        .stdout("");
}

#[test]
fn a_second_writer_exits_6_at_once() {
    let index = indexed(&sample_corpus());
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .open(index.path().join("writer.lock"))
        .expect("lock file exists");
    assert!(lock.try_lock().is_ok(), "the test holds the lock");
    archiv(index.path())
        .arg("index")
        .arg(sample_corpus())
        .assert()
        .code(6)
        .stderr(predicate::str::contains(
            "another `archiv index` is writing",
        ));
    // Searching goes on while the writer lock is held.
    archiv(index.path())
        .args(["search", "Rutte"])
        .assert()
        .code(0);
    drop(lock);
    archiv(index.path())
        .arg("index")
        .arg(sample_corpus())
        .assert()
        .code(0);
}

#[test]
fn the_seed_article_is_parsed_into_its_fields() {
    let index = indexed(&sample_corpus());
    let hits = search_json(index.path(), &["Rutte", "Frieden"]);
    let seed = hits
        .iter()
        .find(|h| h["id"] == SEED)
        .expect("the seed is found");
    assert_eq!(seed["date"], "2025-12-02");
    assert_eq!(seed["agency"], "dpa-AFX");
    assert_eq!(seed["place"], "BRÜSSEL");
    assert_eq!(seed["signature"], "/aha/DP/mis");
    assert!(seed["headline"].as_str().is_some_and(|h| h
        .starts_with("Nato-Generalsekretär Mark Rutte ist optimistisch")
        && h.ends_with("haben wird.")));
}
