//! The README's crontab line and systemd service run exactly as written.

mod common;
use common::*;
use std::path::Path;

fn readme() -> String {
    std::fs::read_to_string(project().join("README.md")).expect("README.md")
}

/// A home folder with `news-archive/` holding the sample corpus.
fn home_with_archive() -> tempfile::TempDir {
    let home = tempfile::tempdir().expect("temp dir");
    let archive = home.path().join("news-archive");
    std::fs::create_dir_all(&archive).expect("mkdir");
    for entry in walkdir::WalkDir::new(sample_corpus()).into_iter().flatten() {
        let rel = entry.path().strip_prefix(sample_corpus()).expect("inside");
        let target = archive.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
    home
}

/// Runs `command` with `sh -c` the way cron or systemd would: `archiv` on
/// the PATH, HOME set, nothing else of ours in the environment.
fn run_as_scheduler(command: &str, home: &Path) -> std::process::Output {
    let bin = assert_cmd::cargo::cargo_bin("archiv");
    let bin_dir = bin.parent().expect("bin dir");
    std::process::Command::new("sh")
        .arg("-c")
        .arg(command)
        .env_clear()
        .env("HOME", home)
        .env("PATH", format!("{}:/usr/bin:/bin", bin_dir.display()))
        .output()
        .expect("sh runs")
}

fn assert_indexed(home: &Path) {
    let index = home.join(".local/share/archiv/index");
    let hits = search_json(&index, &["Rutte", "Frieden"]);
    assert!(ids(&hits).contains(&"000_88151d1d0d9aa232.txt".to_string()));
}

#[test]
fn the_crontab_line_runs_as_written() {
    let text = readme();
    let line = text
        .lines()
        .find(|l| l.starts_with("*/10 * * * * "))
        .expect("README has the crontab line");
    let command = line
        .splitn(6, ' ')
        .nth(5)
        .expect("a command after the schedule");
    let home = home_with_archive();
    let first = run_as_scheduler(command, home.path());
    assert_eq!(first.status.code(), Some(0), "{first:?}");
    let second = run_as_scheduler(command, home.path());
    assert_eq!(second.status.code(), Some(0), "{second:?}");
    let log = std::fs::read_to_string(home.path().join("archiv-index.log")).expect("the log");
    let summaries: Vec<&str> = log
        .lines()
        .filter(|l| l.starts_with("archiv index:"))
        .collect();
    assert_eq!(summaries.len(), 2, "one summary line per run:\n{log}");
    assert!(
        summaries[1].contains("incremental run: 0 added, 0 updated, 0 deleted"),
        "{log}"
    );
    assert_indexed(home.path());
}

#[test]
fn the_systemd_service_runs_as_written() {
    let text = readme();
    let exec = text
        .lines()
        .find_map(|l| l.strip_prefix("ExecStart="))
        .expect("README has an ExecStart line");
    let home = home_with_archive();
    let command = exec.replace("%h", &home.path().display().to_string());
    let output = run_as_scheduler(&command, home.path());
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_indexed(home.path());
    assert!(
        text.contains("OnCalendar=*:0/10"),
        "the timer is in the README"
    );
}
