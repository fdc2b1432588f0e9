//! People through the real binary on the sample corpus: `archiv people`,
//! `--person` and `people:` find exactly the articles naming a person.

mod common;
use common::*;
use std::sync::OnceLock;

fn index() -> &'static std::path::Path {
    static INDEX: OnceLock<tempfile::TempDir> = OnceLock::new();
    INDEX.get_or_init(|| indexed(&sample_corpus())).path()
}

fn people(args: &[&str]) -> Vec<(String, u64)> {
    let output = archiv(index())
        .arg("people")
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    json_lines(&output.stdout)
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap_or_default().to_string(),
                p["articles"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

fn sorted_hits(args: &[&str]) -> Vec<String> {
    let mut found = ids(&search_json(index(), args));
    found.sort();
    found
}

#[test]
fn the_most_named_people_come_first() {
    // Rutte: seed, Den Haag, Dec 1, Dec 3 (dpa-AFX), Munich, Oct 2026, Reuters wire #3.
    assert_eq!(
        people(&["--top", "5"]),
        [
            ("Mark Rutte".to_string(), 7),
            ("Donald Trump".to_string(), 4),
            ("Friedrich Merz".to_string(), 3),
            ("Heinrich Ostermann".to_string(), 3),
            ("Wolodymyr Selenskyj".to_string(), 3),
        ]
    );
}

#[test]
fn prefix_agency_and_dates_narrow_the_list() {
    assert_eq!(people(&["Rut"]), [("Mark Rutte".to_string(), 7)]);
    assert_eq!(people(&["wolo"]), [("Wolodymyr Selenskyj".to_string(), 3)]);
    assert_eq!(
        people(&[
            "--agency",
            "dpa-AFX",
            "--from",
            "2025-12-01",
            "--to",
            "2025-12-31",
            "--top",
            "3"
        ]),
        [
            ("Mark Rutte".to_string(), 3),
            ("Christopher Landau".to_string(), 2),
            ("Armin Papperger".to_string(), 1),
        ]
    );
}

#[test]
fn person_filter_takes_full_names_and_surnames() {
    let december = ["--from", "2025-12-01", "--to", "2025-12-31"];
    let expected = [
        "000_88151d1d0d9aa232.txt",
        "2025/1201_dpa-afx_bruessel_nato-vorbereitung.txt",
        "2025/1203_dpa-afx_bruessel_aussenminister.txt",
        "feeds/reuters_wire.jsonl#3",
    ];
    let by_surname = sorted_hits(&[&["--person", "Rutte", "*"], &december[..]].concat());
    assert_eq!(by_surname, expected);
    let by_full_name = sorted_hits(&[&["--person", "Mark Rutte", "*"], &december[..]].concat());
    assert_eq!(by_full_name, expected);
    assert_eq!(
        sorted_hits(&[&["people:\"mark rutte\""], &december[..]].concat()),
        expected
    );
    // Extracted people are shown with each hit.
    let seed = search_json(index(), &["--person", "Kushner", "*"]);
    assert_eq!(seed.len(), 1);
    assert_eq!(
        seed[0]["people"],
        serde_json::json!([
            "Mark Rutte",
            "Donald Trump",
            "Marco Rubio",
            "Jared Kushner",
            "Steve Witkoff",
            "Christopher Landau"
        ])
    );
}
