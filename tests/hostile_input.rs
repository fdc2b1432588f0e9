//! Hostile and odd input through the real binary: file names that are not
//! UTF-8, dates out of range, deep queries, escape sequences, stray control
//! bytes, symlinks, huge files. Each is indexed or reported, never a crash,
//! never a silent change.

mod common;
use common::*;
use predicates::prelude::*;
use std::path::Path;

/// `archiv index --format json ARCHIVE` with `extra` flags: (exit code,
/// summary, stderr).
fn run_index(index: &Path, archive: &Path, extra: &[&str]) -> (i32, serde_json::Value, String) {
    let output = archiv(index)
        .args(["index", "--format", "json"])
        .args(extra)
        .arg(archive)
        .output()
        .expect("archiv runs");
    let summary = serde_json::from_slice(&output.stdout).unwrap_or(serde_json::Value::Null);
    (
        output.status.code().unwrap_or(-1),
        summary,
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[cfg(unix)]
#[test]
fn two_non_utf8_names_with_the_same_lossy_form_are_two_documents() {
    use std::os::unix::ffi::OsStrExt;
    let archive = tempfile::tempdir().expect("temp dir");
    for (n, name) in [&b"caf\xe9.txt"[..], &b"caf\xe8.txt"[..]]
        .iter()
        .enumerate()
    {
        let name = std::ffi::OsStr::from_bytes(name);
        write_article(archive.path(), &name.to_string_lossy(), n, "");
        std::fs::rename(
            archive.path().join(name.to_string_lossy().as_ref()),
            archive.path().join(name),
        )
        .expect("rename to the raw name");
    }
    let index = tempfile::tempdir().expect("temp dir");
    let first = index_summary(index.path(), archive.path(), &[]);
    assert_eq!(first["added"], 2, "{first}");
    assert_eq!(all_ids(index.path()), ["caf\\xe8.txt", "caf\\xe9.txt"]);
    let again = index_summary(index.path(), archive.path(), &[]);
    assert_eq!(again["unchanged"], 2, "{again}");
    assert_eq!(again["updated"], 0, "{again}");
}

#[test]
fn dates_out_of_range_are_reported_not_changed() {
    let archive = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        archive.path().join("old.json"),
        r#"{"date":"0001-01-01","agency":"dpa","title":"Alt","body":"Ein Zeitreisebericht aus grauer Vorzeit."}"#,
    )
    .expect("write");
    std::fs::write(
        archive.path().join("future.txt"),
        " date 9999-12-31 BERLIN (dpa) - Ein Zeitreisebericht aus ferner Zukunft.",
    )
    .expect("write");
    let index = tempfile::tempdir().expect("temp dir");
    let (code, summary, stderr) = run_index(index.path(), archive.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(summary["articles"], 2, "{summary}");
    for expected in [
        "warning: old.json: date 0001-01-01 is outside the range the index can hold",
        "warning: future.txt: date 9999-12-31 is outside the range the index can hold",
    ] {
        assert!(
            stderr.contains(expected),
            "missing `{expected}` in:\n{stderr}"
        );
    }
    let hits = search_json(index.path(), &["Zeitreisebericht"]);
    assert_eq!(hits.len(), 2);
    for hit in &hits {
        assert!(hit["date"].is_null(), "no changed date is stored: {hit}");
    }
}

#[test]
fn deeply_nested_parentheses_are_a_syntax_error_not_a_crash() {
    let index = indexed(&sample_corpus());
    let deep = format!("{}Nato{}", "(".repeat(5000), ")".repeat(5000));
    archiv(index.path())
        .args(["search", &deep])
        .assert()
        .code(8)
        .stderr(predicate::str::contains("nested too deeply"));
    let fine = format!("{}Nato{}", "(".repeat(10), ")".repeat(10));
    archiv(index.path())
        .args(["search", &fine])
        .assert()
        .code(0);
}

/// An archive with an article whose text carries escape sequences: a
/// window title, a screen clear, a bell, and a C1 control.
fn archive_with_escapes() -> tempfile::TempDir {
    let archive = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        archive.path().join("evil.json"),
        r#"{"date":"2025-12-01","agency":"dpa\u001b[31m","place":"BERLIN","title":"Titel \u001b]0;pwned\u0007 Warnung","people":["Eve \u001b[2J"],"body":"Die Warnung kam \u001b[2J\u001b[H spät \u009b31m in der Nacht."}"#,
    )
    .expect("write");
    archive
}

#[test]
fn escape_sequences_from_articles_never_reach_the_terminal_raw() {
    let archive = archive_with_escapes();
    let index = indexed(archive.path());
    for color in ["never", "always"] {
        let output = archiv(index.path())
            .args(["search", "Warnung", "--color", color])
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(0));
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(!text.contains("\x1b]"), "no OSC sequence: {text:?}");
        assert!(!text.contains("\x1b[2J"), "no screen clear: {text:?}");
        assert!(!text.contains("\x07"), "no bell: {text:?}");
        assert!(!text.contains('\u{9b}'), "no C1 CSI: {text:?}");
        assert!(text.contains("\\x1b]0;pwned"), "shown escaped: {text:?}");
        if color == "never" {
            assert!(!text.contains('\x1b'), "plain output has no ESC at all");
        }
    }
    let output = archiv(index.path())
        .args(["search", "Warnung", "--format", "json"])
        .output()
        .expect("runs");
    let raw = String::from_utf8_lossy(&output.stdout);
    assert!(!raw.contains('\x1b') && !raw.contains('\u{9b}'), "{raw:?}");
    assert!(raw.contains("\\u001b"), "JSON escapes as JSON does: {raw}");
    let hits = json_lines(&output.stdout);
    assert!(
        hits[0]["headline"]
            .as_str()
            .is_some_and(|h| h.contains("\u{1b}]0;pwned")),
        "JSON keeps the text exactly: {}",
        hits[0]
    );
    let people = archiv(index.path())
        .args(["people"])
        .output()
        .expect("runs");
    let people = String::from_utf8_lossy(&people.stdout);
    assert!(!people.contains('\x1b'), "{people:?}");
}

#[test]
fn a_text_file_with_a_stray_control_byte_is_indexed_without_it() {
    let archive = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        archive.path().join("bell.txt"),
        " date 2025-03-01 BERLIN (dpa) - Der Stadtrat\x07 beschloss den Haushalt.",
    )
    .expect("write");
    let index = tempfile::tempdir().expect("temp dir");
    let (code, summary, stderr) = run_index(index.path(), archive.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(summary["added"], 1, "{summary}");
    assert!(
        stderr.contains("warning: bell.txt: removed 1 control character (0x07)"),
        "{stderr}"
    );
    let hits = search_json(index.path(), &["Stadtrat"]);
    assert_eq!(ids(&hits), ["bell.txt"]);
    let snippet = hits[0]["snippet"]["text"].as_str().unwrap_or_default();
    assert!(!snippet.contains('\x07'), "{snippet:?}");
}

#[test]
fn a_skipped_file_is_reported_again_on_every_run() {
    let archive = tempfile::tempdir().expect("temp dir");
    write_article(archive.path(), "good.txt", 1, "");
    std::fs::write(archive.path().join("zip.txt"), b"PK\x03\x04\x00\x00\x00").expect("write");
    let index = tempfile::tempdir().expect("temp dir");
    for run in 0..2 {
        let (code, summary, stderr) = run_index(index.path(), archive.path(), &[]);
        assert_eq!(code, 3, "run {run}: {stderr}");
        assert!(
            stderr.contains("skipped: zip.txt: binary file"),
            "run {run}: {stderr}"
        );
        assert_eq!(summary["failed"], 1, "run {run}: {summary}");
    }
    // Fixed, it is indexed and no longer reported.
    write_article(archive.path(), "zip.txt", 2, "");
    let (code, summary, stderr) = run_index(index.path(), archive.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(summary["failed"], 0, "{summary}");
    assert_eq!(all_ids(index.path()), ["good.txt", "zip.txt"]);
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_archive_are_reported_not_followed_and_loops_reported() {
    let outside = tempfile::tempdir().expect("temp dir");
    write_article(outside.path(), "secret.txt", 7, "Geheimsache Passwort.");
    let archive = tempfile::tempdir().expect("temp dir");
    write_article(archive.path(), "a.txt", 1, "");
    let link = |target: &Path, name: &str| {
        std::os::unix::fs::symlink(target, archive.path().join(name)).expect("symlink")
    };
    link(&outside.path().join("secret.txt"), "secret.txt");
    link(outside.path(), "elsewhere");
    link(&archive.path().join("a.txt"), "inside.txt");
    std::fs::create_dir(archive.path().join("sub")).expect("mkdir");
    std::os::unix::fs::symlink(archive.path(), archive.path().join("sub/loop")).expect("symlink");

    let index = tempfile::tempdir().expect("temp dir");
    let (code, _, stderr) = run_index(index.path(), archive.path(), &[]);
    assert_eq!(code, 3, "{stderr}");
    for expected in [
        "skipped: secret.txt: symlink leads out of the archive",
        "skipped: elsewhere: symlink leads out of the archive",
        "skipped: sub/loop: symlink loop",
    ] {
        assert!(
            stderr.contains(expected),
            "missing `{expected}` in:\n{stderr}"
        );
    }
    assert_eq!(all_ids(index.path()), ["a.txt", "inside.txt"]);
    assert!(search_json(index.path(), &["Geheimsache"]).is_empty());

    let (_, _, stderr) = run_index(index.path(), archive.path(), &["--follow-outside-links"]);
    assert!(!stderr.contains("leads out"), "{stderr}");
    assert_eq!(
        all_ids(index.path()),
        ["a.txt", "elsewhere/secret.txt", "inside.txt", "secret.txt"]
    );
}

#[test]
fn files_over_the_size_limit_are_reported_and_the_rest_indexed() {
    let archive = tempfile::tempdir().expect("temp dir");
    write_article(archive.path(), "small.txt", 1, "");
    write_article(
        archive.path(),
        "big.txt",
        2,
        &"Sehr lange Meldung. ".repeat(200),
    );
    let index = tempfile::tempdir().expect("temp dir");
    let (code, summary, stderr) =
        run_index(index.path(), archive.path(), &["--max-file-size", "1K"]);
    assert_eq!(code, 3, "{stderr}");
    assert!(
        stderr.contains(
            "skipped: big.txt: file is larger than the limit of 1024 bytes (--max-file-size)"
        ),
        "{stderr}"
    );
    assert_eq!(summary["added"], 1, "{summary}");
    assert_eq!(all_ids(index.path()), ["small.txt"]);
    archiv(index.path())
        .args(["index", "--max-file-size", "lots"])
        .arg(archive.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a size"));
}

#[test]
fn a_huge_article_is_indexed_without_extraction_and_says_so() {
    let archive = tempfile::tempdir().expect("temp dir");
    let long = "Der Rat tagte lange über den Haushalt der Stadt. ".repeat(6_000);
    write_article(archive.path(), "long.txt", 1, &long);
    write_article(archive.path(), "short.txt", 2, "");
    let index = tempfile::tempdir().expect("temp dir");
    let (code, summary, stderr) = run_index(index.path(), archive.path(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(summary["articles"], 2, "{summary}");
    assert!(
        stderr.contains("warning: long.txt: the article is 293 KB, over 256 KB: people and statements not extracted"),
        "{stderr}"
    );
    assert!(!stderr.contains("short.txt"), "{stderr}");
    let mut found = ids(&search_json(index.path(), &["Haushalt"]));
    found.sort();
    assert_eq!(found, ["long.txt", "short.txt"]);
}
