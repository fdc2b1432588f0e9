//! Quality of people extraction on a fixture of fictional agency articles
//! written for this test (`tests/fixtures/people/*.txt`: 34 short ones
//! `NN.txt` and 36 full-length ones `NN_place_topic.txt`, with traps:
//! places, organisations, months, weekdays, nationalities and titles alone,
//! streets, person-shaped company names, `Sankt Martin`, articles without
//! people); expected names in `expected.json`. Micro-averaged precision and
//! recall over the sets of canonical names.

use archiv::extract::people;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/people");

fn expected() -> BTreeMap<String, Vec<String>> {
    let path = Path::new(FIXTURES).join("expected.json");
    let text = std::fs::read_to_string(&path).expect("expected.json is readable");
    serde_json::from_str(&text).expect("expected.json maps file name to a list of names")
}

#[test]
fn precision_and_recall_on_fixture() {
    let expected = expected();
    let mut files: Vec<_> = std::fs::read_dir(FIXTURES)
        .expect("fixture dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 30, "need at least 30 fixture articles");

    let (mut tp, mut fp, mut missed) = (0usize, 0usize, 0usize);
    for path in &files {
        let file = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let want: BTreeSet<String> = expected
            .get(file)
            .unwrap_or_else(|| panic!("{file} has no entry in expected.json"))
            .iter()
            .cloned()
            .collect();
        let text = std::fs::read_to_string(path).expect("fixture is UTF-8");
        let got: BTreeSet<String> = people::extract(&text).names().into_iter().collect();
        for name in got.difference(&want) {
            eprintln!("false hit  {file}: {name}");
        }
        for name in want.difference(&got) {
            eprintln!("miss       {file}: {name}");
        }
        tp += got.intersection(&want).count();
        fp += got.difference(&want).count();
        missed += want.difference(&got).count();
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + missed).max(1) as f64;
    eprintln!(
        "people: {} articles, {tp} right, {fp} false hits, {missed} misses: precision {precision:.3}, recall {recall:.3}",
        files.len()
    );
    assert!(precision >= 0.95, "precision {precision:.3} < 0.95");
    assert!(recall >= 0.90, "recall {recall:.3} < 0.90");
}

#[test]
fn seed_article_yields_exactly_its_six_people() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample-corpus/000_88151d1d0d9aa232.txt"
    ))
    .expect("seed article");
    let found = people::extract(&text);
    assert_eq!(
        found.names(),
        [
            "Mark Rutte",
            "Donald Trump",
            "Marco Rubio",
            "Jared Kushner",
            "Steve Witkoff",
            "Christopher Landau"
        ]
    );
    let rutte = found.person("Mark Rutte").expect("Rutte");
    assert!(rutte.roles.contains(&"nato-generalsekretär".to_string()));
    assert!(rutte.nationalities.contains(&"niederländer".to_string()));
    assert_eq!(
        found
            .resolve_descriptor("der Niederländer")
            .map(|p| p.name.as_str()),
        Some("Mark Rutte")
    );
    assert_eq!(
        found
            .resolve_descriptor("Der Nato-Generalsekretär")
            .map(|p| p.name.as_str()),
        Some("Mark Rutte")
    );
    // Every mention covers its own text: "Trumps" is a mention of Trump.
    let trumps = text.find("Trumps").expect("genitive in seed");
    let m = found.person_at(trumps).expect("mention at Trumps");
    assert_eq!(m.canonical, "Donald Trump");
    assert_eq!(&text[m.start..m.end], "Trumps");
    let rutte_mentions = found
        .mentions
        .iter()
        .filter(|m| m.canonical == "Mark Rutte")
        .count();
    assert!(
        rutte_mentions >= 8,
        "Rutte is named 9 times, found {rutte_mentions}"
    );
}

/// Manual check on real German news prose (not part of the project): the
/// most frequent names and every one-word name, to spot false hits.
/// `cargo test --release --test people_quality -- --ignored --nocapture`
#[test]
#[ignore]
fn real_prose_names_for_review() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpora/10kgnad-test.csv"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("{path} not found: nothing to check");
        return;
    };
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let started = std::time::Instant::now();
    let articles: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_once(';').map(|x| x.1))
        .collect();
    for article in &articles {
        for name in people::extract(article).names() {
            *counts.entry(name).or_default() += 1;
        }
    }
    let took = started.elapsed();
    let mut ranked: Vec<_> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    eprintln!("{} articles in {took:?}", articles.len());
    for (name, n) in ranked.iter().take(30) {
        eprintln!("{n:4} {name}");
    }
    let single: Vec<_> = ranked.iter().filter(|(n, _)| !n.contains(' ')).collect();
    eprintln!("one-word names: {single:?}");
}
