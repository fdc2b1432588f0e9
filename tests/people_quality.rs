//! People extraction quality: precision and recall over a fixture of 34
//! articles (written for this test, with traps), and the seed's exact list.

use archiv::extract::people;
use std::collections::{BTreeMap, BTreeSet};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/people");

#[test]
fn the_seed_yields_exactly_its_six_people() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample-corpus/000_88151d1d0d9aa232.txt"
    );
    let text = std::fs::read_to_string(path).expect("seed");
    assert_eq!(
        people::extract(&text).names(),
        [
            "Mark Rutte",
            "Donald Trump",
            "Marco Rubio",
            "Jared Kushner",
            "Steve Witkoff",
            "Christopher Landau"
        ]
    );
}

#[test]
fn precision_and_recall_over_the_fixture() {
    let expected: BTreeMap<String, Vec<String>> = serde_json::from_str(
        &std::fs::read_to_string(format!("{FIXTURE}/expected.json")).expect("expected.json"),
    )
    .expect("valid JSON");
    assert!(expected.len() >= 30);
    let (mut hits, mut found_total, mut expected_total) = (0, 0, 0);
    for (file, names) in &expected {
        let text = std::fs::read_to_string(format!("{FIXTURE}/{file}")).expect("fixture article");
        let found: BTreeSet<String> = people::extract(&text).names().into_iter().collect();
        let wanted: BTreeSet<String> = names.iter().cloned().collect();
        for miss in wanted.difference(&found) {
            eprintln!("miss:      {file}: {miss}");
        }
        for false_hit in found.difference(&wanted) {
            eprintln!("false hit: {file}: {false_hit}");
        }
        hits += found.intersection(&wanted).count();
        found_total += found.len();
        expected_total += wanted.len();
    }
    let precision = hits as f64 / found_total.max(1) as f64;
    let recall = hits as f64 / expected_total.max(1) as f64;
    eprintln!("people: precision {precision:.3} ({hits}/{found_total}), recall {recall:.3} ({hits}/{expected_total})");
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(recall >= 0.90, "recall {recall:.3}");
}
