//! Scheduled runs: incremental updates, rebuild swaps under searching,
//! the writer lock, and recovery from a killed run.

mod common;
use common::*;
use std::path::Path;
use std::time::Duration;

fn counts(summary: &serde_json::Value) -> [u64; 5] {
    ["added", "updated", "deleted", "unchanged", "failed"]
        .map(|k| summary[k].as_u64().unwrap_or(99))
}

#[test]
fn runs_add_change_delete_rename_and_skip_unchanged_files() {
    let archive = tempfile::tempdir().expect("temp dir");
    let index = tempfile::tempdir().expect("temp dir");
    for (n, name) in ["a.txt", "b.txt", "c.txt", "sub/d.txt"].iter().enumerate() {
        write_article(archive.path(), name, n, "");
    }
    let first = index_summary(index.path(), archive.path(), &[]);
    assert_eq!(counts(&first), [4, 0, 0, 0, 0]);
    assert_eq!(first["mode"], "full");

    let again = index_summary(index.path(), archive.path(), &[]);
    assert_eq!(counts(&again), [0, 0, 0, 4, 0], "nothing changed: {again}");
    assert_eq!(again["mode"], "incremental");

    write_article(archive.path(), "a.txt", 0, "Neu: Wasserrohrbruch am Markt.");
    std::fs::remove_file(archive.path().join("c.txt")).expect("delete");
    std::fs::rename(
        archive.path().join("sub/d.txt"),
        archive.path().join("sub/e.txt"),
    )
    .expect("rename");
    write_article(archive.path(), "f.txt", 5, "");
    let changed = index_summary(index.path(), archive.path(), &[]);
    // added: e (renamed) and f; updated: a; deleted: c and d; unchanged: b.
    assert_eq!(counts(&changed), [2, 1, 2, 1, 0], "{changed}");
    assert_eq!(
        all_ids(index.path()),
        ["a.txt", "b.txt", "f.txt", "sub/e.txt"]
    );
    assert_eq!(search_paths(index.path(), &["Wasserrohrbruch"]), ["a.txt"]);
    assert_eq!(
        search_paths(index.path(), &["nummer2"]),
        Vec::<String>::new(),
        "c.txt is gone"
    );
}

#[test]
fn a_touched_file_with_the_same_bytes_counts_as_unchanged() {
    let archive = tempfile::tempdir().expect("temp dir");
    let index = tempfile::tempdir().expect("temp dir");
    write_article(archive.path(), "a.txt", 1, "");
    index_summary(index.path(), archive.path(), &[]);
    std::thread::sleep(Duration::from_millis(20));
    write_article(archive.path(), "a.txt", 1, ""); // same bytes, new mtime
    let touched = index_summary(index.path(), archive.path(), &[]);
    assert_eq!(counts(&touched), [0, 0, 0, 1, 0], "{touched}");
    assert_eq!(all_ids(index.path()), ["a.txt"]);
}

#[test]
fn a_new_archive_root_triggers_a_full_rebuild() {
    let one = tempfile::tempdir().expect("temp dir");
    let two = tempfile::tempdir().expect("temp dir");
    let index = tempfile::tempdir().expect("temp dir");
    write_article(one.path(), "a.txt", 1, "");
    write_article(two.path(), "b.txt", 2, "");
    index_summary(index.path(), one.path(), &[]);
    let moved = index_summary(index.path(), two.path(), &[]);
    assert_eq!(moved["full_reason"], "the archive root changed");
    assert_eq!(all_ids(index.path()), ["b.txt"]);
}

#[test]
fn searches_keep_answering_while_rebuilds_swap_in() {
    let index = indexed(&sample_corpus());
    let index_path = index.path().to_path_buf();
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stop = done.clone();
    let searcher = std::thread::spawn(move || {
        let mut failures = Vec::new();
        let mut searches = 0;
        while !stop.load(std::sync::atomic::Ordering::Relaxed) || searches < 20 {
            let output = archiv(&index_path)
                .args(["search", "Rutte"])
                .output()
                .expect("runs");
            if output.status.code() != Some(0) {
                failures.push(String::from_utf8_lossy(&output.stderr).into_owned());
            }
            searches += 1;
        }
        (searches, failures)
    });
    for _ in 0..8 {
        index_summary(index.path(), &sample_corpus(), &["--rebuild"]);
    }
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    let (searches, failures) = searcher.join().expect("search thread");
    assert!(
        failures.is_empty(),
        "{} of {searches} searches failed: {failures:?}",
        failures.len()
    );
    // Generations still open by a search are kept; the next run, with no
    // search running, removes every one but the live one.
    index_summary(index.path(), &sample_corpus(), &[]);
    let generations = std::fs::read_dir(index.path())
        .expect("list")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("gen-"))
        .count();
    assert_eq!(generations, 1, "old generations are cleaned up");
}

#[test]
fn wait_queues_behind_a_running_writer() {
    let index = indexed(&sample_corpus());
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .open(index.path().join("writer.lock"))
        .expect("lock file");
    assert!(lock.try_lock().is_ok(), "the test holds the lock");
    let mut waiting = std::process::Command::new(assert_cmd::cargo::cargo_bin("archiv"))
        .arg("--index")
        .arg(index.path())
        .args(["index", "--wait", "--quiet"])
        .arg(sample_corpus())
        .spawn()
        .expect("spawn");
    std::thread::sleep(Duration::from_millis(400));
    assert!(
        waiting.try_wait().expect("poll").is_none(),
        "it waits for the lock"
    );
    drop(lock);
    let status = waiting.wait().expect("wait");
    assert_eq!(status.code(), Some(0));
}

fn make_archive(dir: &Path, files: usize) -> Vec<String> {
    let mut names: Vec<String> = (0..files)
        .map(|n| format!("d{:02}/f{n:05}.txt", n % 17))
        .collect();
    for (n, name) in names.iter().enumerate() {
        write_article(dir, name, n, &"Weitere Einzelheiten folgen. ".repeat(n % 7));
    }
    names.sort();
    names
}

#[test]
fn a_killed_run_leaves_a_working_index_and_the_next_run_completes_it() {
    let archive = tempfile::tempdir().expect("temp dir");
    let index = tempfile::tempdir().expect("temp dir");
    let expected = make_archive(archive.path(), 3000);
    for delay_ms in [150, 400, 900] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("archiv"))
            .arg("--index")
            .arg(index.path())
            .args(["index", "--quiet", "--commit-every", "100"])
            .arg(archive.path())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        if index.path().join("CURRENT").exists() {
            let ids = all_ids(index.path());
            let mut unique = ids.clone();
            unique.dedup();
            assert_eq!(ids, unique, "no duplicates after a kill at {delay_ms} ms");
            assert!(
                ids.iter().all(|id| expected.contains(id)),
                "only real files"
            );
        }
    }
    let output = archiv(index.path())
        .args(["index", "--format", "json"])
        .arg(archive.path())
        .output()
        .expect("runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        all_ids(index.path()),
        expected,
        "complete, no duplicate, none missing"
    );
}
