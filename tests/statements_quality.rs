//! Statement extraction quality: precision and recall of (speaker,
//! statement) pairs over a fixture of 41 articles with 121 annotated
//! statements, written for this test (direct and reported speech, speakers
//! by name, pronoun and descriptor, unnamed sources, continuations, nested
//! quotes, and traps that are not statements).
//!
//! A found statement matches an annotated one when the speakers are equal
//! (both unknown counts as equal) and the texts agree: the word sets
//! (lowercased, punctuation dropped) have a Jaccard similarity of at least
//! 0.6, or the found text covers at least 90% of the annotated words while
//! being at most twice as long. Each annotation matches at most once.

use archiv::extract::{people, statements};
use std::collections::HashSet;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/statements");

#[derive(serde::Deserialize)]
struct Expected {
    file: String,
    speaker: Option<String>,
    kind: String,
    text: String,
}

fn words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn texts_agree(found: &str, expected: &str) -> bool {
    let (f, e) = (words(found), words(expected));
    let common = f.intersection(&e).count() as f64;
    let jaccard = common / f.union(&e).count().max(1) as f64;
    let coverage = common / e.len().max(1) as f64;
    jaccard >= 0.6 || (coverage >= 0.9 && f.len() <= 2 * e.len())
}

#[test]
fn precision_and_recall_over_the_fixture() {
    let expected: Vec<Expected> = serde_json::from_str(
        &std::fs::read_to_string(format!("{FIXTURE}/expected.json")).expect("expected.json"),
    )
    .expect("valid JSON");
    let files: std::collections::BTreeSet<&str> =
        expected.iter().map(|e| e.file.as_str()).collect();
    assert!(files.len() >= 30 && expected.len() >= 120);
    let (mut matched, mut found_total, mut kinds_right) = (0, 0, 0);
    for file in &files {
        let raw = std::fs::read_to_string(format!("{FIXTURE}/{file}")).expect("article");
        let body = archiv::ingest::agency_copy::parse(&raw, file).article.body;
        let found = statements::extract(&body, &people::extract(&body));
        found_total += found.len();
        let mut open: Vec<&Expected> = expected.iter().filter(|e| e.file == *file).collect();
        for statement in &found {
            let hit = open.iter().position(|e| {
                e.speaker == statement.speaker && texts_agree(&statement.text, &e.text)
            });
            match hit {
                Some(i) => {
                    let e = open.remove(i);
                    matched += 1;
                    if e.kind == statements::kind_name(statement.kind) {
                        kinds_right += 1;
                    }
                }
                None => eprintln!(
                    "false hit: {file}: {:?}: {}",
                    statement.speaker, statement.text
                ),
            }
        }
        for e in open {
            eprintln!("miss:      {file}: {:?}: {}", e.speaker, e.text);
        }
    }
    let precision = matched as f64 / found_total.max(1) as f64;
    let recall = matched as f64 / expected.len() as f64;
    eprintln!(
        "statements: precision {precision:.3} ({matched}/{found_total}), recall {recall:.3} ({matched}/{}), kind right {kinds_right}/{matched}",
        expected.len()
    );
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(recall >= 0.85, "recall {recall:.3}");
}
