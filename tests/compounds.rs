//! Compound splitting, measured on the fixtures in `tests/fixtures/compounds`:
//! at least 95% exact agreement on the expected splits, and on the words that
//! must stay whole. Runs `archiv split` with the lexicon alone (no index),
//! which is what every index starts from.

mod common;

use common::{archiv, fixture};

/// The splits `archiv split` gives, word → parts (`None`: whole).
fn split(words: &[String]) -> Vec<(String, Option<Vec<String>>)> {
    let empty = tempfile::tempdir().expect("temp dir");
    let output = archiv(&empty.path().join("no-index"))
        .args(["split", "--format", "json", "-"])
        .write_stdin(words.join("\n"))
        .output()
        .expect("archiv runs");
    assert!(
        output.status.success(),
        "archiv split failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    common::json_lines(&output.stdout)
        .into_iter()
        .map(|v| {
            let parts = v["parts"].as_array().map(|parts| {
                parts
                    .iter()
                    .map(|p| p.as_str().unwrap_or_default().to_string())
                    .collect()
            });
            (v["word"].as_str().unwrap_or_default().to_string(), parts)
        })
        .collect()
}

fn fixture_lines(name: &str) -> Vec<String> {
    let path = fixture("compounds").join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// Share of agreeing words, and the misses as lines.
fn agreement(
    expected: &[(String, Option<Vec<String>>)],
    got: &[(String, Option<Vec<String>>)],
) -> (f64, Vec<String>) {
    assert_eq!(expected.len(), got.len(), "one answer per word");
    let mut misses = Vec::new();
    for ((word, want), (answered, have)) in expected.iter().zip(got) {
        assert_eq!(word, answered, "answers come in input order");
        if want != have {
            let show =
                |p: &Option<Vec<String>>| p.as_ref().map_or("(whole)".into(), |p| p.join("+"));
            misses.push(format!(
                "{word}: expected {}, got {}",
                show(want),
                show(have)
            ));
        }
    }
    let share = 1.0 - misses.len() as f64 / expected.len() as f64;
    (share, misses)
}

#[test]
fn compounds_split_as_expected() {
    let expected: Vec<(String, Option<Vec<String>>)> = fixture_lines("splits.tsv")
        .iter()
        .filter_map(|line| {
            let (word, parts) = line.split_once('\t')?;
            Some((
                word.to_string(),
                Some(parts.split('+').map(str::to_string).collect()),
            ))
        })
        .collect();
    assert!(
        expected.len() >= 300,
        "the fixture has 300 compounds or more"
    );
    let words: Vec<String> = expected.iter().map(|(w, _)| w.clone()).collect();
    let (share, misses) = agreement(&expected, &split(&words));
    println!(
        "compound splits: {:.1}% of {} exact; misses:\n{}",
        share * 100.0,
        expected.len(),
        misses.join("\n")
    );
    assert!(share >= 0.95, "{:.1}% < 95%", share * 100.0);
}

#[test]
fn words_that_must_stay_whole_do() {
    let words = fixture_lines("whole.txt");
    assert!(words.len() >= 300, "the fixture has 300 words or more");
    let expected: Vec<(String, Option<Vec<String>>)> =
        words.iter().map(|w| (w.clone(), None)).collect();
    let (share, misses) = agreement(&expected, &split(&words));
    println!(
        "whole words: {:.1}% of {} kept whole; split:\n{}",
        share * 100.0,
        expected.len(),
        misses.join("\n")
    );
    assert!(share >= 0.95, "{:.1}% < 95%", share * 100.0);
}

#[test]
fn a_query_and_the_index_split_alike() {
    // The index splits with what it learned; `archiv split` on that index
    // must answer the same for a word the archive taught it.
    let index = common::indexed(&common::sample_corpus());
    let output = archiv(index.path())
        .args(["split", "--format", "json", "Militärhilfe", "Verbraucher"])
        .output()
        .expect("archiv runs");
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("split as the index at"), "{stderr}");
    let lines = common::json_lines(&output.stdout);
    assert_eq!(lines[0]["parts"], serde_json::json!(["militär", "hilfe"]));
    assert_eq!(lines[1]["parts"], serde_json::Value::Null);
}

#[test]
fn the_index_learns_the_archive_nouns_and_splits_with_them() {
    // "Hyperloop" is in no lexicon; the fixture archive says it four times.
    let archive = fixture("learned");
    let split_text = |index: &std::path::Path| {
        let output = archiv(index)
            .args(["split", "Hyperloopstrecke"])
            .output()
            .expect("archiv runs");
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    };
    let empty = tempfile::tempdir().expect("temp dir");
    assert_eq!(
        split_text(&empty.path().join("none")),
        "Hyperloopstrecke\t(whole)"
    );
    let index = common::indexed(&archive);
    assert_eq!(
        split_text(index.path()),
        "Hyperloopstrecke\thyperloop + strecke"
    );
    // The word first, then the article that has it only inside a compound.
    let hits = common::ids(&common::search_json(index.path(), &["Hyperloop"]));
    assert_eq!(hits, ["2026-03-02_hyperloop.txt", "2026-03-09_strecke.txt"]);
    let hits = common::ids(&common::search_json(index.path(), &["Strecke"]));
    assert_eq!(hits, ["2026-03-11_bahn.txt", "2026-03-09_strecke.txt"]);
    let hits = common::ids(&common::search_json(
        index.path(),
        &["Strecke", "--whole-words"],
    ));
    assert_eq!(hits, ["2026-03-11_bahn.txt"]);
}

#[test]
fn an_index_without_parts_finds_whole_words_and_switching_rebuilds() {
    let archive = fixture("learned");
    let index = tempfile::tempdir().expect("temp dir");
    let run = |extra: &[&str]| {
        let output = archiv(index.path())
            .arg("index")
            .args(extra)
            .arg(&archive)
            .output()
            .expect("archiv runs");
        assert!(output.status.success());
        String::from_utf8_lossy(&output.stdout).to_string()
    };
    run(&["--no-decompound"]);
    let hits = common::ids(&common::search_json(index.path(), &["Hyperloop"]));
    assert_eq!(hits, ["2026-03-02_hyperloop.txt"]);
    let summary = run(&[]);
    assert!(
        summary.contains("full rebuild: compound splitting was switched on or off"),
        "{summary}"
    );
    let hits = common::ids(&common::search_json(index.path(), &["Hyperloop"]));
    assert_eq!(hits, ["2026-03-02_hyperloop.txt", "2026-03-09_strecke.txt"]);
}
