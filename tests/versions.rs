//! Story versions through the real binary: updates, corrections and
//! re-sends of one story are one hit with "n more versions";
//! `--all-versions` shows each. The grouping's precision and recall are
//! measured on `tests/fixtures/versions/` (three stories in 2–3 versions,
//! six distinct stories on the same topics, two of them market closes
//! written from one template) and on the sample corpus (57 articles, no
//! two of them versions of one story).

mod common;
use common::*;
use predicates::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// The fixture's truth: file → story.
fn stories() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(fixture("versions").join("stories.tsv")).expect("stories");
    text.lines()
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .map(|(f, s)| (f.to_string(), s.to_string()))
        .collect()
}

/// The groups the binary shows for every article: leader, then versions.
fn groups(index: &std::path::Path) -> Vec<Vec<String>> {
    search_stories(index, &["*"])
        .iter()
        .map(|hit| {
            let mut group = vec![hit["id"].as_str().unwrap_or_default().to_string()];
            group.extend(
                hit["versions"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|v| v.as_str().map(str::to_string)),
            );
            group
        })
        .collect()
}

/// Unordered pairs of ids put in one group.
fn pairs(groups: &[Vec<String>]) -> BTreeSet<(String, String)> {
    let mut pairs = BTreeSet::new();
    for group in groups {
        for (i, a) in group.iter().enumerate() {
            for b in &group[i + 1..] {
                let (x, y) = if a < b { (a, b) } else { (b, a) };
                pairs.insert((x.clone(), y.clone()));
            }
        }
    }
    pairs
}

#[test]
fn versions_of_a_story_are_grouped_and_distinct_stories_on_its_topic_are_not() {
    let index = indexed(&fixture("versions"));
    let truth = stories();
    let found = groups(index.path());
    let mut as_sets: Vec<BTreeSet<String>> =
        found.iter().map(|g| g.iter().cloned().collect()).collect();
    as_sets.sort();
    let mut expected: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for (file, story) in &truth {
        expected.entry(story).or_default().insert(file.clone());
    }
    let mut expected: Vec<BTreeSet<String>> = expected.into_values().collect();
    expected.sort();
    assert_eq!(as_sets, expected);

    let predicted = pairs(&found);
    let true_pairs: BTreeSet<(String, String)> = pairs(
        &expected
            .iter()
            .map(|s| s.iter().cloned().collect())
            .collect::<Vec<_>>(),
    );
    let correct = predicted.intersection(&true_pairs).count();
    let precision = correct as f64 / predicted.len().max(1) as f64;
    let recall = correct as f64 / true_pairs.len().max(1) as f64;
    println!(
        "story grouping on tests/fixtures/versions: {} articles, {} predicted same-story pairs, {correct} correct: precision {precision:.3}, recall {recall:.3}",
        truth.len(),
        predicted.len()
    );
    assert_eq!(predicted.len(), 7);
    assert_eq!(correct, 7);
}

#[test]
fn the_sample_corpus_has_no_versions_and_none_are_made_up() {
    let index = indexed(&sample_corpus());
    let found = groups(index.path());
    let articles: usize = found.iter().map(Vec::len).sum();
    println!(
        "story grouping on the sample corpus: {articles} articles, {} groups, {} predicted same-story pairs (all distinct stories)",
        found.len(),
        pairs(&found).len()
    );
    assert_eq!(articles, 57);
    assert_eq!(found.len(), 57, "no two sample articles are one story");
}

#[test]
fn text_output_says_how_many_more_versions_and_all_versions_expands_them() {
    let index = indexed(&fixture("versions"));
    archiv(index.path())
        .args(["search", "Warnstreik", "Hamburg"])
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("2 more versions of this story (--all-versions)")
                .and(predicate::str::contains("  2. ").not()),
        )
        .stderr(predicate::str::starts_with(
            "3 articles match; showing 1 (and 2 more versions of them)",
        ));
    let all = search_json(index.path(), &["Warnstreik", "Hamburg"]);
    let mut ids = ids(&all);
    ids.sort();
    assert_eq!(
        ids,
        [
            "a1_hafen_streik.txt",
            "a2_hafen_streik_update.txt",
            "a3_hafen_streik_korrektur.txt"
        ]
    );
    assert!(all.iter().all(|h| h.get("versions").is_none()));
}

#[test]
fn paging_counts_stories() {
    let index = indexed(&fixture("versions"));
    let first = search_stories(index.path(), &["Leitzins"]);
    // The short first flash ranks best; the full story and its re-send
    // come with it.
    assert_eq!(
        ids(&first),
        ["b1_ezb_eilmeldung.txt", "e_ezb_lagarde_rede.txt"]
    );
    assert_eq!(
        first[0]["versions"],
        serde_json::json!(["b2_ezb_zinsentscheid.txt", "b3_ezb_wiederholung.txt"])
    );
    assert_eq!(first[1]["versions"], serde_json::json!([]));
    let output = archiv(index.path())
        .args(["search", "Leitzins", "--offset", "1", "--format", "json"])
        .output()
        .expect("runs");
    let page = json_lines(&output.stdout);
    assert_eq!(ids(&page), ["e_ezb_lagarde_rede.txt"]);
    assert_eq!(page[0]["rank"], 2);
}
