//! Retrieval on the sample corpus through the real binary: exact expected
//! hits for German matching (inflection, umlaut and ß spellings, hyphenated
//! parts), phrases, boolean syntax, every filter and both sort orders.
//! The expected lists were worked out from the articles' text (see the
//! comment on each), not copied from the program's output.

mod common;
use common::*;
use std::sync::OnceLock;

const SEED: &str = "000_88151d1d0d9aa232.txt";

/// One index of the sample corpus for all tests in this file.
fn index() -> &'static std::path::Path {
    static INDEX: OnceLock<tempfile::TempDir> = OnceLock::new();
    INDEX.get_or_init(|| indexed(&sample_corpus())).path()
}

fn hits(args: &[&str]) -> Vec<String> {
    ids(&search_json(index(), args))
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn rutte_frieden_finds_the_seed_with_a_highlighted_snippet() {
    // As whole words, only the seed has both "Rutte" and "Frieden".
    let found = search_json(index(), &["Rutte", "Frieden", "--whole-words"]);
    assert_eq!(ids(&found), [SEED]);
    let snippet = &found[0]["snippet"];
    assert!(!snippet["highlights"]
        .as_array()
        .is_some_and(|h| h.is_empty()));
    // With compound parts, the December preview's "Friedensgespräche"
    // (Rutte warns against high hopes for them) counts too.
    assert_eq!(
        sorted(hits(&["Rutte", "Frieden"])),
        [SEED, "2025/1201_dpa-afx_bruessel_nato-vorbereitung.txt"]
    );
}

#[test]
fn whole_word_matches_rank_above_part_only_matches() {
    // "Zusagen" as a word in four articles; the seed only has
    // "Unterstützungszusagen": found, but last.
    let found = search_json(index(), &["Zusage"]);
    let ids = ids(&found);
    assert_eq!(
        sorted(ids.clone()),
        [
            SEED,
            "2024/0425_dpa_berlin_baerbock_klimadialog.txt",
            "2025/0624_dpa_den-haag_nato-gipfel.txt",
            "2025/1201_dpa-afx_bruessel_nato-vorbereitung.txt",
            "2025/1203_dpa-afx_bruessel_aussenminister.txt",
        ]
    );
    assert_eq!(ids.last().map(String::as_str), Some(SEED));
    // The compound itself finds its article first (here: only it).
    assert_eq!(hits(&["Unterstützungszusagen"]), [SEED]);
}

#[test]
fn a_part_match_highlights_the_whole_compound() {
    let found = search_json(
        index(),
        &[
            "Frieden",
            "agency:dpa-afx",
            "--from",
            "2025-12-01",
            "--to",
            "2025-12-01",
        ],
    );
    assert_eq!(
        ids(&found),
        ["2025/1201_dpa-afx_bruessel_nato-vorbereitung.txt"]
    );
    let marked = highlighted_words(&found[0]);
    assert_eq!(marked, ["Friedensgespräche"]);
}

#[test]
fn inflected_forms_find_each_other() {
    // "Angriffe" (seed, Kiew), "Angriffen" (Kiew), "Angriff" (Oct 2026).
    let expected = sorted(vec![
        SEED.into(),
        "2025/0422_afp_kiew_angriffe.txt".into(),
        "2026/1022_dpa-afx_bruessel_nato-rutte.txt".into(),
    ]);
    assert_eq!(sorted(hits(&["Angriffe"])), expected);
    assert_eq!(sorted(hits(&["Angriff"])), expected);
    // The Kiew article says it twice ("Angriffen", "Angriffe"), the 2026
    // article once, in its first sentence, which is also its headline: the
    // headline copies the body's first sentence and weighs little on top
    // of it (src/query/ranking.rs), so the Kiew article ranks first.
    assert_eq!(
        hits(&["Angriff"])[..2],
        [
            "2025/0422_afp_kiew_angriffe.txt",
            "2026/1022_dpa-afx_bruessel_nato-rutte.txt"
        ]
    );
}

#[test]
fn umlaut_and_sharp_s_spellings_find_each_other() {
    assert_eq!(hits(&["Rueckzug"]), ["2025/1209_dpa_berlin_rueckzug.txt"]);
    assert_eq!(hits(&["Muller"]), ["2026/0915_dpa_wiesbaden_mueller.txt"]);
    assert_eq!(
        hits(&["Waermepumpenfoerderung"]),
        ["2025/0318_dpa_berlin_waermepumpen.txt"]
    );
    // Straße/Straßen: the Stuttgart road article, and the flood ("Häuser und Straßen").
    let streets = [
        "2026/0410_dpa_stuttgart_strassenbau.txt",
        "2026/1006_ap_dresden_hochwasser.txt",
    ];
    assert_eq!(hits(&["Strasse"]), streets);
    assert_eq!(hits(&["Straßen"]), streets);
}

#[test]
fn hyphenated_words_are_found_by_their_parts_and_as_a_phrase() {
    // Every article with "Nato-Generalsekretär" or "Generalsekretär" alone (Dec 1).
    let by_part = sorted(hits(&["Generalsekretär"]));
    assert_eq!(
        by_part,
        sorted(vec![
            SEED.into(),
            "2025/0624_dpa_den-haag_nato-gipfel.txt".into(),
            "2025/1201_dpa-afx_bruessel_nato-vorbereitung.txt".into(),
            "2025/1203_dpa-afx_bruessel_aussenminister.txt".into(),
            "2026/0213_dpa_muenchen_sicherheitskonferenz.txt".into(),
            "2026/1022_dpa-afx_bruessel_nato-rutte.txt".into(),
            "feeds/reuters_wire.jsonl#3".into(),
        ])
    );
    // The phrase excludes Dec 1, which writes "Generalsekretär Mark Rutte".
    let phrase = sorted(hits(&["\"Nato-Generalsekretär\""]));
    let mut expected = by_part.clone();
    expected.retain(|id| id != "2025/1201_dpa-afx_bruessel_nato-vorbereitung.txt");
    assert_eq!(phrase, expected);
    assert_eq!(hits(&["500-Millionen-Dollar-Paket"]), [SEED]);
    assert_eq!(hits(&["G7"]), ["2025/1211_dpa-afx_frankfurt_ezb.txt"]);
}

#[test]
fn phrases_and_boolean_syntax() {
    assert_eq!(hits(&["\"zivile Infrastruktur\""]), [SEED]);
    assert_eq!(hits(&["\"Infrastruktur zivile\""]), Vec::<String>::new());
    assert_eq!(
        sorted(hits(&["Orgelweihe OR Opernball"])),
        [
            "2024/0209_dpa_wien_opernball_latin1.txt",
            "2024/0903_kna_koeln_orgelweihe.txt"
        ]
    );
    // Lagarde and the word Zinsen: only the March 2024 article. December
    // 2025 has "Leitzinsen": found through the compound's part, ranked below.
    assert_eq!(
        hits(&["Lagarde", "Zinsen", "--whole-words"]),
        ["2024/0305_dpa-afx_frankfurt-berlin_zinsen.txt"]
    );
    assert_eq!(
        hits(&["Lagarde", "Zinsen"]),
        [
            "2024/0305_dpa-afx_frankfurt-berlin_zinsen.txt",
            "2025/1211_dpa-afx_frankfurt_ezb.txt"
        ]
    );
    // Nato articles in Brussels not naming Rutte: only AFP's of Dec 3.
    assert_eq!(
        hits(&["Nato -Rutte place:brüssel"]),
        ["2025/1203_afp_bruessel_nato.txt"]
    );
}

/// Every article mentioning Nato in December 2025, by agency.
const NATO_DEC_2025_DPA_AFX: [&str; 4] = [
    SEED,
    "2025/1201_dpa-afx_bruessel_nato-vorbereitung.txt",
    "2025/1203_dpa-afx_bruessel_aussenminister.txt",
    "2025/1218_dpa-afx_duesseldorf_ruestung.txt",
];
const NATO_DEC_2025_OTHERS: [&str; 4] = [
    "2025/1203_afp_bruessel_nato.txt",
    "2025/1205_reuters_moskau_kreml.txt",
    "2025/1230_ap_kiew_neujahr.txt",
    "feeds/reuters_wire.jsonl#3",
];

#[test]
fn agency_and_date_flags_filter() {
    let found = sorted(hits(&[
        "--agency",
        "dpa-AFX",
        "--from",
        "2025-12-01",
        "--to",
        "2025-12-31",
        "Nato",
    ]));
    assert_eq!(
        found,
        sorted(NATO_DEC_2025_DPA_AFX.map(String::from).to_vec())
    );
    let lower_case_agency = sorted(hits(&[
        "--agency",
        "DPA-afx",
        "--from",
        "2025-12-01",
        "--to",
        "2025-12-31",
        "Nato",
    ]));
    assert_eq!(lower_case_agency, found);
}

#[test]
fn date_range_and_field_syntax_filter() {
    let mut all: Vec<String> = NATO_DEC_2025_DPA_AFX
        .iter()
        .chain(&NATO_DEC_2025_OTHERS)
        .map(|s| s.to_string())
        .collect();
    all.sort();
    assert_eq!(sorted(hits(&["date:[2025-12-01 TO 2025-12-31] Nato"])), all);
    assert_eq!(
        sorted(hits(&[
            "agency:reuters date:[2025-12-01 TO 2025-12-31] Nato"
        ])),
        [
            "2025/1205_reuters_moskau_kreml.txt",
            "feeds/reuters_wire.jsonl#3"
        ]
    );
    assert_eq!(hits(&["date:2025-12-02"]), [SEED]);
    assert_eq!(
        hits(&["place:\"new york\""]),
        ["2025/0210_reuters_new-york_boerse.txt"]
    );
    assert_eq!(
        hits(&["place:frankfurt/berlin"]),
        ["2024/0305_dpa-afx_frankfurt-berlin_zinsen.txt"]
    );
}

#[test]
fn sort_by_date_puts_the_newest_first() {
    let found = hits(&["Nato", "--sort", "date", "--from", "2025-12-04"]);
    assert_eq!(
        found,
        [
            "2026/1022_dpa-afx_bruessel_nato-rutte.txt",
            "2026/0213_dpa_muenchen_sicherheitskonferenz.txt",
            "2025/1230_ap_kiew_neujahr.txt",
            "2025/1218_dpa-afx_duesseldorf_ruestung.txt",
            "2025/1205_reuters_moskau_kreml.txt",
            "feeds/reuters_wire.jsonl#3",
        ]
    );
}

#[test]
fn equal_scores_are_ordered_newest_first() {
    let ties = indexed(&fixture("ties"));
    assert_eq!(
        ids(&search_json(ties.path(), &["Gleichstand"])),
        [
            "gleich_2025-05-02.txt",
            "gleich_2024-05-02.txt",
            "gleich_2023-05-02.txt"
        ]
    );
}

#[test]
fn windows_1252_and_json_articles_are_searchable() {
    let opera = search_json(index(), &["Ringstraße"]);
    assert_eq!(ids(&opera), ["2024/0209_dpa_wien_opernball_latin1.txt"]);
    assert!(opera[0]["snippet"]["text"]
        .as_str()
        .is_some_and(|t| t.contains("Hödlmoser")));
    let json = search_json(index(), &["Bürokratieabbau"]);
    assert_eq!(ids(&json), ["feeds/reuters_wire.jsonl#1"]);
    assert_eq!(
        json[0]["headline"],
        "Bundesregierung beschließt Bürokratieabbau"
    );
    assert_eq!(
        json[0]["url"],
        "https://example.org/rtr/2025/11/20/buerokratie"
    );
    assert_eq!(hits(&["Sparhaushalt"]), ["feeds/afp_single.json"]);
}
