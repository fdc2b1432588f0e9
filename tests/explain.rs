//! `archiv search --explain`: each hit says why it scored what it did, and
//! the parts add up to the score.

mod common;

use common::{archiv, indexed, json_lines, sample_corpus};

#[test]
fn explain_breaks_the_score_down_by_word_and_field() {
    let index = indexed(&sample_corpus());
    let output = archiv(index.path())
        .args([
            "search",
            "Rutte OR Frieden",
            "--explain",
            "--format",
            "json",
        ])
        .output()
        .expect("archiv runs");
    assert_eq!(output.status.code(), Some(0));
    let hits = json_lines(&output.stdout);
    assert!(!hits.is_empty(), "the query finds articles");
    for hit in &hits {
        let explain = &hit["explain"];
        let words = explain["words"].as_array().expect("words explained");
        assert!(!words.is_empty(), "a matching word: {explain}");
        let mut sum = explain["filters"].as_f64().expect("filters");
        for word in words {
            let fields = word["fields"].as_array().expect("fields");
            let by_field: f64 = fields.iter().filter_map(|f| f["score"].as_f64()).sum();
            let score = word["score"].as_f64().expect("word score");
            assert!((by_field - score).abs() < 1e-3, "fields add up: {word}");
            assert!(
                ["rutt", "fried"].contains(&word["word"].as_str().unwrap_or_default()),
                "the words as searched: {word}"
            );
            sum += score;
        }
        let score = hit["score"].as_f64().expect("score");
        assert!((sum - score).abs() < 1e-3, "{sum} adds up to {score}");
    }
}

#[test]
fn explain_in_text_output_and_only_when_asked() {
    let index = indexed(&sample_corpus());
    let with = archiv(index.path())
        .args([
            "search",
            "Rutte",
            "--explain",
            "--color",
            "never",
            "--limit",
            "1",
        ])
        .output()
        .expect("archiv runs");
    let text = String::from_utf8_lossy(&with.stdout);
    assert!(text.contains("why: rutt"), "{text}");
    assert!(text.contains("body"), "{text}");
    let without = archiv(index.path())
        .args(["search", "Rutte", "--format", "json", "--limit", "1"])
        .output()
        .expect("archiv runs");
    let hits = json_lines(&without.stdout);
    assert!(hits[0].get("explain").is_none(), "no explain unless asked");
}
