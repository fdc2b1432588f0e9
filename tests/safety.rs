//! Never destroy what is not ours, and every fault leaves the index usable:
//! foreign folders, mass deletes, damaged indexes, hostile input and
//! failing disks, each through the real binary on temporary folders.

mod common;
use common::*;
use predicates::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every file under `dir` with its bytes (symlinks as their target).
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let bytes = std::fs::read(e.path()).expect("read");
            (e.path().to_path_buf(), bytes)
        })
        .collect()
}

/// A small archive of `n` articles.
fn archive_of(n: usize) -> tempfile::TempDir {
    let archive = tempfile::tempdir().expect("temp dir");
    for i in 0..n {
        write_article(archive.path(), &format!("a{i}.txt"), i, "");
    }
    archive
}

#[test]
fn a_foreign_folder_with_gen_subfolders_is_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let foreign = dir.path();
    std::fs::create_dir_all(foreign.join("gen-2019-fotos")).expect("mkdir");
    std::fs::write(foreign.join("gen-2019-fotos/img.jpg"), "x").expect("write");
    std::fs::write(foreign.join("notes.txt"), "y").expect("write");
    let before = snapshot(foreign);
    let names_before: Vec<_> = std::fs::read_dir(foreign)
        .expect("list")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    for extra in [&[][..], &["--rebuild"][..]] {
        archiv(foreign)
            .arg("index")
            .args(extra)
            .arg(sample_corpus())
            .assert()
            .code(5)
            .stderr(
                predicate::str::contains("is not an archiv index")
                    .and(predicate::str::contains("will not write")),
            );
    }
    assert_eq!(
        snapshot(foreign),
        before,
        "no byte of a foreign file changed"
    );
    let mut names_after: Vec<_> = std::fs::read_dir(foreign)
        .expect("list")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    let mut names_before = names_before;
    names_before.sort();
    names_after.sort();
    assert_eq!(names_after, names_before, "nothing added or removed");
}

#[test]
fn a_foreign_gen_folder_inside_an_index_is_never_cleaned_up() {
    let archive = archive_of(3);
    let index = indexed(archive.path());
    let stranger = index.path().join("gen-holiday");
    std::fs::create_dir_all(&stranger).expect("mkdir");
    std::fs::write(stranger.join("photo.jpg"), "mine").expect("write");
    for extra in [&[][..], &["--rebuild"][..], &[][..]] {
        archiv(index.path())
            .arg("index")
            .args(extra)
            .arg(archive.path())
            .assert()
            .code(0);
    }
    assert_eq!(
        std::fs::read(stranger.join("photo.jpg")).expect("still there"),
        b"mine"
    );
    // The index's own old generations are removed.
    let generations = std::fs::read_dir(index.path())
        .expect("list")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("gen-"))
        .count();
    assert_eq!(generations, 2, "the live one and the stranger");
}

#[test]
fn a_new_folder_and_an_empty_folder_become_indexes_with_a_marker() {
    let dir = tempfile::tempdir().expect("temp dir");
    let new = dir.path().join("new/index");
    archiv(&new)
        .arg("index")
        .arg(sample_corpus())
        .assert()
        .code(0);
    let marker = std::fs::read_to_string(new.join("ARCHIV-INDEX")).expect("marker");
    assert!(marker.contains("\"format\": \"archiv-index\""), "{marker}");
    assert!(marker.contains("\"format_version\": 1"), "{marker}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&new).expect("stat").permissions().mode();
        assert_eq!(mode & 0o777, 0o700, "the index folder is private");
    }
    let empty = tempfile::tempdir().expect("temp dir");
    archiv(empty.path())
        .arg("index")
        .arg(sample_corpus())
        .assert()
        .code(0);
    assert!(empty.path().join("ARCHIV-INDEX").is_file());
}

#[test]
fn an_index_without_a_marker_made_by_archiv_is_adopted() {
    let archive = archive_of(2);
    let index = indexed(archive.path());
    std::fs::remove_file(index.path().join("ARCHIV-INDEX")).expect("marker was written");
    archiv(index.path())
        .arg("index")
        .arg(archive.path())
        .assert()
        .code(0);
    assert!(index.path().join("ARCHIV-INDEX").is_file(), "adopted");
    assert_eq!(all_ids(index.path()), ["a0.txt", "a1.txt"]);
}

#[test]
fn an_empty_archive_does_not_wipe_the_index() {
    let archive = archive_of(4);
    let index = indexed(archive.path());
    let before = snapshot(index.path());
    for i in 0..4 {
        std::fs::remove_file(archive.path().join(format!("a{i}.txt"))).expect("rm");
    }
    for extra in [&[][..], &["--rebuild"][..]] {
        archiv(index.path())
            .arg("index")
            .args(extra)
            .arg(archive.path())
            .assert()
            .code(10)
            .stderr(
                predicate::str::contains("would delete 4 of the 4 indexed files")
                    .and(predicate::str::contains("--allow-mass-delete"))
                    .and(predicate::str::contains(archive.path().to_string_lossy())),
            );
    }
    assert_eq!(
        snapshot(index.path())
            .into_iter()
            .filter(|(p, _)| !p.ends_with("writer.lock"))
            .collect::<BTreeMap<_, _>>(),
        before
            .into_iter()
            .filter(|(p, _)| !p.ends_with("writer.lock"))
            .collect::<BTreeMap<_, _>>(),
        "the live index is untouched"
    );
    assert_eq!(all_ids(index.path()).len(), 4);
    let summary = index_summary(index.path(), archive.path(), &["--allow-mass-delete"]);
    assert_eq!(summary["deleted"], 4, "{summary}");
    assert!(all_ids(index.path()).is_empty());
}

#[test]
fn deleting_half_the_archive_is_allowed_more_is_refused() {
    let archive = archive_of(4);
    let index = indexed(archive.path());
    for i in 0..2 {
        std::fs::remove_file(archive.path().join(format!("a{i}.txt"))).expect("rm");
    }
    let summary = index_summary(index.path(), archive.path(), &[]);
    assert_eq!(summary["deleted"], 2, "half is not more than half");
    for i in 2..4 {
        std::fs::remove_file(archive.path().join(format!("a{i}.txt"))).expect("rm");
    }
    archiv(index.path())
        .arg("index")
        .arg(archive.path())
        .assert()
        .code(10)
        .stderr(predicate::str::contains(
            "would delete 2 of the 2 indexed files",
        ));
    assert_eq!(all_ids(index.path()), ["a2.txt", "a3.txt"]);
}

#[test]
fn a_vanished_archive_root_is_an_error_and_the_index_stays() {
    let archive = archive_of(3);
    let index = indexed(archive.path());
    let gone = archive.path().join("mounted-share");
    archiv(index.path())
        .arg("index")
        .arg(&gone)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does not exist"));
    assert_eq!(all_ids(index.path()).len(), 3);
}

/// The live generation's folder.
fn live_generation(index: &Path) -> PathBuf {
    let name = std::fs::read_to_string(index.join("CURRENT")).expect("CURRENT");
    index.join(name.trim())
}

/// Overwrites the middle third of every file of the live generation whose
/// name ends with one of `extensions` with 0xA5 bytes.
fn damage(index: &Path, extensions: &[&str]) -> usize {
    let mut damaged = 0;
    for entry in std::fs::read_dir(live_generation(index))
        .expect("list")
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !extensions.iter().any(|e| name.ends_with(e)) {
            continue;
        }
        let mut bytes = std::fs::read(entry.path()).expect("read");
        let (from, to) = (bytes.len() / 3, bytes.len() * 2 / 3);
        bytes[from..to].fill(0xA5);
        std::fs::write(entry.path(), bytes).expect("write");
        damaged += 1;
    }
    assert!(damaged > 0, "no file ending in {extensions:?}");
    damaged
}

/// Asserts a search on the damaged index is refused with exit 5 and a
/// message naming `--rebuild`.
fn search_refused(index: &Path, query: &str) {
    archiv(index)
        .args(["search", query])
        .assert()
        .code(5)
        .stderr(predicate::str::contains("damaged").and(predicate::str::contains("--rebuild")));
}

/// Asserts an incremental run on the damaged index is refused with exit 5
/// and a message naming `--rebuild`.
fn index_refused(index: &Path, archive: &Path) {
    archiv(index)
        .arg("index")
        .arg(archive)
        .assert()
        .code(5)
        .stderr(predicate::str::contains("damaged").and(predicate::str::contains("--rebuild")));
}

/// Asserts `--rebuild` recovers the index from the archive.
fn rebuilt(index: &Path, archive: &Path, query: &str) {
    archiv(index)
        .args(["index", "--rebuild"])
        .arg(archive)
        .assert()
        .code(0);
    archiv(index).args(["search", query]).assert().code(0);
    archiv(index).arg("index").arg(archive).assert().code(0);
}

#[test]
fn damaged_postings_give_exit_5_and_rebuild_recovers() {
    let index = indexed(&sample_corpus());
    damage(index.path(), &[".idx", ".pos", ".term"]);
    search_refused(index.path(), "Rutte");
    // An incremental run with nothing to change reads no postings: it may
    // finish, or find the damage; it never crashes.
    archiv(index.path())
        .arg("index")
        .arg(sample_corpus())
        .assert()
        .code(predicate::in_iter([0, 5]));
    rebuilt(index.path(), &sample_corpus(), "Rutte");
}

#[test]
fn a_damaged_manifest_gives_exit_5_and_rebuild_recovers() {
    let index = indexed(&sample_corpus());
    damage(index.path(), &[".fast"]);
    index_refused(index.path(), &sample_corpus());
    rebuilt(index.path(), &sample_corpus(), "Rutte");
}

#[test]
fn damaged_stored_documents_give_exit_5_and_rebuild_recovers() {
    let index = indexed(&sample_corpus());
    damage(index.path(), &[".store"]);
    search_refused(index.path(), "Rutte");
    rebuilt(index.path(), &sample_corpus(), "Rutte");
}

#[test]
fn a_garbled_current_gives_exit_5_and_rebuild_recovers() {
    let index = indexed(&sample_corpus());
    std::fs::write(index.path().join("CURRENT"), b"\xff\xfe../../etc\n").expect("write");
    search_refused(index.path(), "Rutte");
    index_refused(index.path(), &sample_corpus());
    rebuilt(index.path(), &sample_corpus(), "Rutte");
}

#[test]
fn a_truncated_meta_gives_exit_5_and_rebuild_recovers() {
    let index = indexed(&sample_corpus());
    let meta = live_generation(index.path()).join("meta.json");
    let bytes = std::fs::read(&meta).expect("meta.json");
    std::fs::write(&meta, &bytes[..bytes.len() / 2]).expect("truncate");
    search_refused(index.path(), "Rutte");
    index_refused(index.path(), &sample_corpus());
    rebuilt(index.path(), &sample_corpus(), "Rutte");
}

#[test]
fn a_garbled_marker_gives_exit_5_and_rebuild_recovers() {
    let archive = archive_of(2);
    let index = indexed(archive.path());
    std::fs::write(index.path().join("ARCHIV-INDEX"), b"\x00\x01garbage").expect("write");
    archiv(index.path())
        .arg("index")
        .arg(archive.path())
        .assert()
        .code(5)
        .stderr(
            predicate::str::contains("ARCHIV-INDEX").and(predicate::str::contains("--rebuild")),
        );
    archiv(index.path())
        .args(["index", "--rebuild"])
        .arg(archive.path())
        .assert()
        .code(0);
    assert_eq!(all_ids(index.path()), ["a0.txt", "a1.txt"]);
}
