//! Search through the real binary: ranking, German matching, filters,
//! output formats. Expected results are exact, on `sample-corpus/`.

mod common;
use common::*;
use predicates::prelude::*;

const SEED: &str = "000_88151d1d0d9aa232.txt";

#[test]
fn json_highlight_ranges_cover_the_matching_words_inflections_included() {
    let index = indexed(&sample_corpus());
    let hits = search_json(
        index.path(),
        &[
            "Angriff",
            "--agency",
            "dpa-AFX",
            "--from",
            "2025-12-02",
            "--to",
            "2025-12-02",
        ],
    );
    assert_eq!(ids(&hits), [SEED]);
    let words = highlighted_words(&hits[0]);
    assert!(!words.is_empty());
    assert!(words.iter().all(|w| w == "Angriffe"), "{words:?}");
}

#[test]
fn json_output_is_one_object_per_hit_and_nothing_else() {
    let index = indexed(&sample_corpus());
    let output = archiv(index.path())
        .args(["search", "Rutte", "--format", "json", "--limit", "3"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(!lines.is_empty() && lines.len() <= 3);
    for (i, line) in lines.iter().enumerate() {
        let hit: serde_json::Value = serde_json::from_str(line).expect("JSON");
        assert_eq!(hit["rank"], i + 1);
        for key in [
            "score", "id", "path", "date", "agency", "place", "headline", "people", "snippet",
        ] {
            assert!(hit.get(key).is_some(), "{key} missing in {line}");
        }
    }
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("match"),
        "summary on stderr"
    );
}

#[test]
fn colour_only_when_asked_and_never_with_no_color() {
    let index = indexed(&sample_corpus());
    archiv(index.path())
        .args(["search", "Rutte", "--limit", "1"])
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("\x1b[")
                .not()
                .and(predicate::str::contains("[Rutte]")),
        );
    archiv(index.path())
        .args(["search", "Rutte", "--limit", "1", "--color", "always"])
        .assert()
        .stdout(predicate::str::contains("\x1b[1;31mRutte\x1b[0m"));
    archiv(index.path())
        .env("NO_COLOR", "1")
        .args([
            "search",
            "Rutte",
            "--limit",
            "1",
            "--highlight-markers",
            "<<,>>",
        ])
        .assert()
        .stdout(predicate::str::contains("<<Rutte>>").and(predicate::str::contains("\x1b[").not()));
}

#[test]
fn paging_with_offset_continues_the_ranking() {
    let index = indexed(&sample_corpus());
    let all = search_paths(index.path(), &["Nato"]);
    let output = archiv(index.path())
        .args([
            "search", "Nato", "--format", "json", "--limit", "2", "--offset", "1",
        ])
        .output()
        .expect("runs");
    let page: Vec<String> = json_lines(&output.stdout)
        .iter()
        .map(|h| h["path"].as_str().unwrap_or_default().to_string())
        .collect();
    let expected: Vec<String> = all.iter().skip(1).take(2).cloned().collect();
    assert_eq!(page, expected);
}
