//! The daily tool, through the real binary: forgiving queries (pasted
//! text, stop words, empty queries), reading one article (`archiv show`),
//! regional compounds, the conventions (completions, man page, --version,
//! CSV, counts) and the small things (grammar, status, warnings, an index
//! path that is a file, the progress ETA). Exact results on
//! `sample-corpus/` and `tests/fixtures/daily/`.

mod common;
use common::*;
use predicates::prelude::*;
use std::sync::OnceLock;

const SEED: &str = "000_88151d1d0d9aa232.txt";
const BAYERN: &str = "0412_sid_muenchen_bayern.txt";

/// One index of the sample corpus for the tests that only read it.
fn sample() -> &'static std::path::Path {
    static INDEX: OnceLock<tempfile::TempDir> = OnceLock::new();
    INDEX.get_or_init(|| indexed(&sample_corpus())).path()
}

/// One index of the daily fixtures.
fn daily() -> &'static std::path::Path {
    static INDEX: OnceLock<tempfile::TempDir> = OnceLock::new();
    INDEX.get_or_init(|| indexed(&fixture("daily"))).path()
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

// --- forgiving queries -------------------------------------------------

#[test]
fn pasted_text_with_colons_half_quotes_and_parentheses_is_text() {
    for query in [
        "2:1-Führung",
        "Eine 2:1-Führung nach 38 Minuten",
        "Kompany sagte nach dem Spiel: \"Wir haben heute nicht unser bestes Spiel gemacht",
        "Kompany: Moral",
        "Bochum (Relegationsrang",
        "Tabellenplatz) Bochum",
    ] {
        assert_eq!(ids(&search_json(daily(), &[query])), [BAYERN], "{query}");
    }
    // A known field before a colon is still a field.
    assert_eq!(ids(&search_json(daily(), &["headline:Bayern"])), [BAYERN]);
    assert!(search_json(daily(), &["headline:Bochum"]).is_empty());
}

#[test]
fn a_long_pasted_query_with_an_error_quotes_only_the_wrong_part() {
    let pasted = format!("{} [ Ergebnis", "Im Spiel (dpa) gegen Bochum ".repeat(150));
    assert!(pasted.len() > 4000);
    let output = archiv(daily())
        .args(["search", &pasted])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(8));
    let stderr = stderr_of(&output);
    assert!(stderr.len() < 400, "{} bytes:\n{stderr}", stderr.len());
    assert!(stderr.contains("query syntax error"), "{stderr}");
    assert!(
        stderr.contains("…"),
        "the excerpt is marked as cut: {stderr}"
    );
    let lines: Vec<&str> = stderr.lines().collect();
    let excerpt = lines[1];
    let marker = lines[2];
    assert!(excerpt.ends_with("[ Ergebnis"), "{excerpt}");
    // The caret stands under the excerpt, within it.
    assert!(marker.trim_start().starts_with('^'));
    assert!(marker.chars().count() <= excerpt.chars().count() + 1);
}

#[test]
fn a_query_of_stop_words_names_them_and_exits_2() {
    archiv(sample())
        .args(["search", "und"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "nothing to search for: `und` is not searchable",
        ));
    archiv(sample())
        .args(["search", "und die"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`und`, `die` are not searchable"));
    archiv(sample())
        .args(["search", "Rutte", "und", "Frieden", "--format", "json"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "left out of the query (stop words): `und`\n",
        ));
}

#[test]
fn an_empty_query_is_refused_with_exit_2() {
    for empty in ["", "   "] {
        archiv(sample())
            .args(["search", empty])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("the query is empty"));
    }
    // `*` still lists every article; a filter alone lists what it names.
    assert_eq!(all_ids(sample()).len(), 57);
    assert_eq!(search_json(sample(), &["", "--person", "Rutte"]).len(), 7);
}

// --- regional compounds ------------------------------------------------

#[test]
fn austrian_and_swiss_compounds_are_split() {
    assert_eq!(
        ids(&search_json(daily(), &["Asyl"])),
        ["0219_apa_wien_asyl.txt", "0220_apa_graz_asylwerber.txt"]
    );
    assert_eq!(
        ids(&search_json(daily(), &["Asyl", "--whole-words"])),
        ["0219_apa_wien_asyl.txt"]
    );
    assert_eq!(
        ids(&search_json(daily(), &["Nationalrat"])),
        ["0302_sda_bern_nationalrat.txt"]
    );
    let mut wahl = ids(&search_json(daily(), &["Wahl"]));
    wahl.sort();
    assert_eq!(
        wahl,
        ["0301_apa_wien_hofburg.txt", "0302_sda_bern_nationalrat.txt"]
    );
    archiv(daily())
        .args(["split", "Asylwerber", "Bundespräsidentenwahl", "Ständeratswahl"])
        .assert()
        .code(0)
        .stdout(
            "Asylwerber\tasyl + werber\nBundespräsidentenwahl\tbund + präsident + wahl\nStänderatswahl\tständerat + wahl\n",
        );
}

// --- archiv show -------------------------------------------------------

#[test]
fn show_gives_the_whole_article_its_people_and_statements_as_json() {
    let output = archiv(sample())
        .args(["show", SEED, "--query", "Frieden", "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let lines = json_lines(&output.stdout);
    assert_eq!(lines.len(), 1, "one object");
    let article = &lines[0];
    assert_eq!(article["id"], SEED);
    assert_eq!(article["date"], "2025-12-02");
    assert_eq!(article["agency"], "dpa-AFX");
    assert_eq!(article["place"], "BRÜSSEL");
    assert_eq!(article["signature"], "/aha/DP/mis");
    assert_eq!(article["headline_in_body"], true);
    assert_eq!(
        article["people"],
        serde_json::json!([
            "Mark Rutte",
            "Donald Trump",
            "Marco Rubio",
            "Jared Kushner",
            "Steve Witkoff",
            "Christopher Landau"
        ])
    );
    let body = article["body"].as_str().unwrap_or_default();
    assert!(body.ends_with("dass sich Rubio sehr für die Nato engagiere."));
    let marked: Vec<&str> = article["body_highlights"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| body.get(r[0].as_u64()? as usize..r[1].as_u64()? as usize))
        .collect();
    assert_eq!(marked, ["Frieden", "Frieden"]);
    // Its statements are the article's statements as `archiv statements`
    // finds them, in the order they stand in the body.
    let statements = article["statements"].as_array().expect("statements");
    let expected = statements_of(SEED);
    assert!(!expected.is_empty());
    let shown: Vec<(String, serde_json::Value, String)> = statements
        .iter()
        .map(|s| {
            (
                s["text"].as_str().unwrap_or_default().to_string(),
                s["speaker"].clone(),
                s["kind"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(shown, expected);
    assert!(shown.iter().any(|(text, speaker, kind)| text
        == "Ich bin zuversichtlich, dass diese anhaltenden Anstrengungen den Frieden in Europa irgendwann wiederherstellen werden"
        && speaker == "Mark Rutte"
        && kind == "direct"));
}

/// The statements of one article as `archiv statements` lists them, by
/// their place in the body: (text, speaker, kind).
fn statements_of(article_id: &str) -> Vec<(String, serde_json::Value, String)> {
    let output = archiv(sample())
        .args(["statements", "*", "--format", "json", "--limit", "100000"])
        .output()
        .expect("runs");
    let mut found: Vec<(u64, (String, serde_json::Value, String))> = json_lines(&output.stdout)
        .into_iter()
        .filter(|s| s["article_id"] == article_id)
        .map(|s| {
            (
                s["span"][0].as_u64().unwrap_or(u64::MAX),
                (
                    s["snippet"]["text"]
                        .as_str()
                        .unwrap_or_default()
                        .to_string(),
                    s["speaker"].clone(),
                    s["kind"].as_str().unwrap_or_default().to_string(),
                ),
            )
        })
        .collect();
    found.sort_by_key(|(start, _)| *start);
    found.into_iter().map(|(_, s)| s).collect()
}

#[test]
fn show_as_text_marks_the_query_and_shows_the_headline_once() {
    let output = archiv(sample())
        .args(["show", SEED, "-q", "Frieden"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("2025-12-02  dpa-AFX  BRÜSSEL\n"), "{text}");
    assert_eq!(
        text.matches("Mark Rutte ist optimistisch").count(),
        1,
        "the headline is the first sentence: shown once\n{text}"
    );
    let in_statements: usize = statements_of(SEED)
        .iter()
        .map(|(said, _, _)| said.matches("Frieden").count())
        .sum();
    assert!(in_statements >= 1);
    assert_eq!(
        text.matches("[Frieden]").count(),
        2 + in_statements,
        "twice in the body, and in the statements"
    );
    let count = statements_of(SEED).len();
    assert!(
        text.contains(&format!("\nstatements ({count})\n")),
        "{text}"
    );
    assert!(text.contains("people: Mark Rutte, Donald Trump"));
    assert!(!text.contains("\x1b["), "no colour on a pipe");
    archiv(sample())
        .args(["show", SEED, "-q", "Frieden", "--color", "always"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\x1b[1;31mFrieden\x1b[0m"));
    // On a terminal (`script` gives one): colour, unless NO_COLOR is set.
    let on_terminal = |no_color: bool| {
        let command = format!(
            "{} --index {} show {SEED} -q Frieden",
            assert_cmd::cargo::cargo_bin("archiv").display(),
            sample().display()
        );
        let mut script = std::process::Command::new("script");
        script.args(["-qec", &command, "/dev/null"]);
        if no_color {
            script.env("NO_COLOR", "1");
        } else {
            script.env_remove("NO_COLOR");
        }
        let output = script.output().expect("script runs");
        assert_eq!(output.status.code(), Some(0));
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    assert!(on_terminal(false).contains("\x1b[1;31mFrieden\x1b[0m"));
    let plain = on_terminal(true);
    assert!(
        plain.contains("[Frieden]") && !plain.contains("\x1b["),
        "{plain}"
    );
    archiv(sample())
        .args(["show", SEED, "--format", "csv"])
        .assert()
        .code(2);
    // An article with a title of its own shows it, then the body.
    archiv(sample())
        .args(["show", "feeds/reuters_wire.jsonl#2"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(
            "2025-11-21  Reuters  LONDON\nÖlpreise geben nach\n\nDie Ölpreise sind am Freitag gefallen.",
        ));
}

#[test]
fn show_of_an_unknown_id_exits_1_and_says_what_ids_are() {
    archiv(sample())
        .args(["show", "2025/no-such-article.txt"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            predicate::str::contains("no article with id `2025/no-such-article.txt`")
                .and(predicate::str::contains("what `archiv search` prints")),
        );
}

#[test]
fn search_hits_show_their_id_and_the_headline_once() {
    let output = archiv(sample())
        .args([
            "search",
            "Rutte",
            "Frieden",
            "--agency",
            "dpa-AFX",
            "--from",
            "2025-12-02",
            "--to",
            "2025-12-02",
        ])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        text.matches("ist optimistisch, dass die US-Initiative")
            .count(),
        1,
        "{text}"
    );
    assert!(text.contains("     Nato-Generalsekretär Mark [Rutte] ist optimistisch"));
    assert!(text.contains(&format!("     {SEED}\n")));
    assert!(stderr_of(&output).starts_with("1 article matches; showing 1 in "));
    // A JSONL hit shows the id that `archiv show` takes.
    archiv(sample())
        .args(["search", "Luftabwehr", "Patriot"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "     feeds/reuters_wire.jsonl#3\n",
        ));
}

// --- conventions -------------------------------------------------------

#[test]
fn completions_for_bash_zsh_and_fish() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (shell, marker) in [
        ("bash", "complete -F _archiv"),
        ("zsh", "#compdef archiv"),
        ("fish", "complete -c archiv"),
    ] {
        archiv(dir.path())
            .args(["completions", shell])
            .assert()
            .code(0)
            .stdout(
                predicate::str::contains(marker)
                    .and(predicate::str::contains("show"))
                    .and(predicate::str::contains("all-versions")),
            );
    }
    archiv(dir.path())
        .args(["completions", "tcsh"])
        .assert()
        .code(2);
}

#[test]
fn man_page_to_stdout_and_one_page_per_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    archiv(dir.path()).arg("man").assert().code(0).stdout(
        predicate::str::starts_with(".ie \\n(.g .ds Aq \\(aq")
            .and(predicate::str::contains(".TH archiv 1"))
            .and(predicate::str::contains("archiv\\-show(1)")),
    );
    let out = dir.path().join("man");
    archiv(dir.path())
        .args(["man", "--out"])
        .arg(&out)
        .assert()
        .code(0);
    for page in [
        "archiv.1",
        "archiv-search.1",
        "archiv-show.1",
        "archiv-count.1",
    ] {
        let text = std::fs::read_to_string(out.join(page)).expect(page);
        assert!(text.contains(".TH archiv"), "{page}");
    }
}

#[test]
fn version_names_the_index_format() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(project().join("schema/index.json")).expect("schema"),
    )
    .expect("json");
    let dir = tempfile::tempdir().expect("temp dir");
    archiv(dir.path())
        .arg("--version")
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(format!(
            "archiv {} (index format: schema {}, analysis de-",
            env!("CARGO_PKG_VERSION"),
            schema["version"]
        )));
}

/// Parses CSV output into its header and records.
fn csv_rows(stdout: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(stdout);
    let header = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("a record").iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

#[test]
fn csv_for_search_statements_people_and_count() {
    let output = archiv(sample())
        .args(["search", "Rutte", "--format", "csv", "--limit", "3"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let (header, rows) = csv_rows(&output.stdout);
    assert_eq!(
        header,
        [
            "rank", "score", "id", "date", "agency", "place", "headline", "people", "snippet",
            "versions"
        ]
    );
    let json = search_json(sample(), &["Rutte"]);
    let csv_ids: Vec<&str> = rows.iter().map(|r| r[2].as_str()).collect();
    let json_ids = ids(&json);
    assert_eq!(csv_ids, json_ids[..3]);
    assert_eq!(rows[0][0], "1");
    assert_eq!(
        rows[0][7],
        json[0]["people"][0].as_str().unwrap_or_default()
    );

    let output = archiv(sample())
        .args([
            "statements",
            "--by",
            "Rutte",
            "--format",
            "csv",
            "--limit",
            "2",
        ])
        .output()
        .expect("runs");
    let (header, rows) = csv_rows(&output.stdout);
    assert_eq!(
        header,
        [
            "rank",
            "date",
            "agency",
            "place",
            "kind",
            "speaker",
            "text",
            "article_id"
        ]
    );
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r[5] == "Mark Rutte"));

    let output = archiv(sample())
        .args(["people", "--format", "csv", "--top", "2"])
        .output()
        .expect("runs");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "name,articles\nMark Rutte,7\nDonald Trump,4\n"
    );
}

#[test]
fn count_by_month_and_agency() {
    let expected = "by month:\n       1  2025-06\n       1  2025-10\n       8  2025-12\n       1  2026-02\n       1  2026-10\n\nby agency:\n       5  dpa-AFX\n       3  dpa\n       2  Reuters\n       1  AFP\n       1  AP\n";
    archiv(sample())
        .args(["count", "Nato"])
        .assert()
        .code(0)
        .stdout(expected);
    // Queries are checked as in `archiv search`.
    archiv(sample())
        .args(["count", "und"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`und` is not searchable"));
    // The counts add up to the articles that match.
    assert_eq!(search_json(sample(), &["Nato"]).len(), 12);
    let output = archiv(sample())
        .args(["count", "Nato", "--by", "agency", "--format", "json"])
        .output()
        .expect("runs");
    let facets = json_lines(&output.stdout);
    assert_eq!(
        facets[0],
        serde_json::json!({"by": "agency", "value": "dpa-AFX", "articles": 5})
    );
    assert_eq!(facets.len(), 5);
    let output = archiv(sample())
        .args([
            "count",
            "--by",
            "month",
            "--from",
            "2026-01-01",
            "--format",
            "csv",
        ])
        .output()
        .expect("runs");
    let (header, rows) = csv_rows(&output.stdout);
    assert_eq!(header, ["by", "value", "articles"]);
    let total: usize = rows.iter().filter_map(|r| r[2].parse::<usize>().ok()).sum();
    let of_2026 = search_json(sample(), &["*", "--from", "2026-01-01"]);
    assert_eq!(of_2026.len(), 15);
    assert_eq!(total, 15, "the 15 articles of 2026");
    assert!(rows.iter().all(|r| r[1].starts_with("2026-")));
}

// --- small things ------------------------------------------------------

#[test]
fn match_counts_are_said_in_good_grammar() {
    archiv(sample())
        .args(["search", "Quantencomputer"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("0 articles match;"));
    archiv(sample())
        .args(["search", "Glasfaserausbau"])
        .assert()
        .code(0)
        .stderr(predicate::str::starts_with("1 article matches;"));
    archiv(sample())
        .args(["statements", "--by", "Rutte", "Zentimeter"])
        .assert()
        .code(0)
        .stderr(predicate::str::starts_with("1 statement matches;"));
}

#[test]
fn status_reads_as_text_without_a_json_blob() {
    let index = indexed(&sample_corpus());
    let output = archiv(index.path()).arg("status").output().expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(!text.contains('{') && !text.contains('"'), "{text}");
    let last = text
        .lines()
        .find(|l| l.starts_with("last run:"))
        .expect("a last run line");
    assert!(
        last.contains(
            ", full run: 53 added, 0 updated, 0 deleted, 0 unchanged, 0 failed, 0 warnings, "
        ),
        "{last}"
    );
    assert!(last.ends_with("(full rebuild: new index)"), "{last}");
}

#[test]
fn the_warning_count_is_the_number_of_warnings_printed() {
    let index = tempfile::tempdir().expect("temp dir");
    let output = archiv(index.path())
        .arg("index")
        .arg(fixture("broken"))
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(3));
    let printed = stderr_of(&output)
        .lines()
        .filter(|l| l.starts_with("archiv: warning:"))
        .count();
    assert_eq!(printed, 2);
    let summary = String::from_utf8_lossy(&output.stdout);
    assert!(summary.contains(", 2 warnings;"), "{summary}");
}

#[test]
fn an_index_path_that_is_a_file_is_named_as_such() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "not an index").expect("write");
    for args in [
        vec!["search", "Nato"],
        vec!["status"],
        vec!["index", "sample-corpus"],
    ] {
        archiv(&file)
            .current_dir(project())
            .args(&args)
            .assert()
            .code(2)
            .stderr(
                predicate::str::contains("notes.txt is a file, not an index folder")
                    .and(predicate::str::contains("build one there").not())
                    .and(predicate::str::contains("make one with").not()),
            );
    }
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        "not an index",
        "the file is left alone"
    );
}

#[test]
fn the_progress_bar_shows_no_eta_before_ten_files() {
    // `script` gives the run a terminal, so the progress bar draws.
    let dir = tempfile::tempdir().expect("temp dir");
    let bin = assert_cmd::cargo::cargo_bin("archiv");
    let command = format!(
        "{} --index {} index {}",
        bin.display(),
        dir.path().join("index").display(),
        sample_corpus().display()
    );
    let output = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env_remove("ARCHIV_INDEX")
        .output()
        .expect("script runs");
    assert_eq!(output.status.code(), Some(0));
    let screen = String::from_utf8_lossy(&output.stdout);
    let frames: Vec<&str> = screen
        .split(['\r', '\n'])
        .filter(|f| f.contains(" files "))
        .collect();
    assert!(!frames.is_empty(), "the bar was drawn: {screen:?}");
    for frame in frames {
        let done: u64 = frame
            .split_whitespace()
            .find_map(|w| w.split_once('/').and_then(|(n, _)| n.parse().ok()))
            .expect("a count");
        if done < 10 {
            assert!(frame.trim_end().ends_with("eta …"), "{frame:?}");
        } else {
            assert!(!frame.contains("eta …"), "{frame:?}");
        }
    }
}
