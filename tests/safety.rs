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
                    .and(predicate::str::contains("will not write"))
                    .and(predicate::str::contains("choose another --index folder"))
                    .and(predicate::str::contains("--rebuild").not()),
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
        without_locks(snapshot(index.path())),
        without_locks(before),
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
fn an_unmounted_archive_share_does_not_wipe_the_index() {
    let Some(share) = Tmpfs::mount("16m") else {
        return;
    };
    for i in 0..3 {
        write_article(share.path(), &format!("a{i}.txt"), i, "");
    }
    let index = indexed(share.path());
    let mount_point = share.path().to_path_buf();
    drop(share); // unmounted: the mount point is an empty folder again
    std::fs::create_dir_all(&mount_point).expect("mount point");
    archiv(index.path())
        .arg("index")
        .arg(&mount_point)
        .assert()
        .code(10)
        .stderr(predicate::str::contains(
            "would delete 3 of the 3 indexed files",
        ));
    assert_eq!(all_ids(index.path()).len(), 3);
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
    let before = without_locks(snapshot(index));
    archiv(index)
        .arg("index")
        .arg(archive)
        .assert()
        .code(5)
        .stderr(predicate::str::contains("damaged").and(predicate::str::contains("--rebuild")));
    assert_eq!(
        without_locks(snapshot(index)),
        before,
        "nothing changed or deleted"
    );
}

/// A snapshot without the lock files (which runs create and leave).
fn without_locks(files: BTreeMap<PathBuf, Vec<u8>>) -> BTreeMap<PathBuf, Vec<u8>> {
    files
        .into_iter()
        .filter(|(path, _)| !path.to_string_lossy().ends_with(".lock"))
        .collect()
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

/// A tmpfs mounted on a temporary folder, unmounted when dropped; `None`
/// (the test then says it skipped) where mounting is not permitted.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().expect("temp dir");
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !mounted {
            eprintln!("skipped: cannot mount a tmpfs here (needs root)");
            return None;
        }
        Some(Tmpfs { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount(&self, options: &str) {
        let status = std::process::Command::new("mount")
            .args(["-o", &format!("remount,{options}")])
            .arg(self.path())
            .status()
            .expect("mount runs");
        assert!(status.success(), "remount {options}");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg(self.dir.path())
            .status();
    }
}

#[test]
fn a_read_only_index_can_be_searched_and_a_run_on_it_fails_cleanly() {
    let Some(fs) = Tmpfs::mount("64m") else {
        return;
    };
    let index = fs.path().join("index");
    archiv(&index)
        .arg("index")
        .arg(sample_corpus())
        .assert()
        .code(0);
    fs.remount("ro");
    archiv(&index)
        .args(["search", "Rutte"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Rutte"));
    archiv(&index).arg("status").assert().code(0);
    archiv(&index).args(["people", "Rutte"]).assert().code(0);
    archiv(&index)
        .arg("index")
        .arg(sample_corpus())
        .assert()
        .code(7)
        .stderr(predicate::str::contains("Read-only file system"));
    archiv(&index).args(["search", "Rutte"]).assert().code(0);
    fs.remount("rw");
}

/// Writes `n` articles of about `words` pseudo-random words each (so they
/// neither compress nor share terms), numbered from `first`.
fn write_noise(dir: &Path, first: usize, n: usize, words: usize) {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d ^ first as u64;
    for i in first..first + n {
        let mut text = String::new();
        for _ in 0..words {
            let mut word = String::new();
            for _ in 0..8 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                word.push(char::from(b'a' + (state % 26) as u8));
            }
            text.push_str(&word);
            text.push(' ');
        }
        write_article(dir, &format!("noise{i}.txt"), i, &text);
    }
}

#[test]
fn a_full_disk_fails_the_run_with_exit_7_and_the_next_run_completes() {
    let Some(fs) = Tmpfs::mount("1m") else {
        return;
    };
    let archive = archive_of(5);
    let index = fs.path().join("index");
    archiv(&index)
        .args(["index", "--no-extract", "--no-decompound"])
        .arg(archive.path())
        .assert()
        .code(0);
    write_noise(archive.path(), 0, 12, 10_000);
    let output = archiv(&index)
        .args([
            "index",
            "--no-extract",
            "--no-decompound",
            "--commit-every",
            "10",
        ])
        .arg(archive.path())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(7), "{stderr}");
    assert!(
        stderr.contains("cannot write the index at")
            && stderr.contains("No space left on device")
            && stderr.contains("run again"),
        "{stderr}"
    );
    // The live index still answers, with at least what it had.
    archiv(&index).args(["search", "Haushalt"]).assert().code(0);
    assert!(all_ids(&index).len() >= 5);
    fs.remount("size=256m");
    let summary = index_summary(&index, archive.path(), &["--no-extract", "--no-decompound"]);
    assert_eq!(summary["failed"], 0, "{summary}");
    assert_eq!(all_ids(&index).len(), 17);
}

/// Runs the archiv binary on `index` as a user without the power to read
/// every file: as `nobody` (via setpriv) when the tests run as root, else
/// as ourselves. `None` where that is not possible.
#[cfg(unix)]
fn unprivileged(index: &Path, args: &[&std::ffi::OsStr]) -> Option<std::process::Output> {
    use std::os::unix::fs::MetadataExt;
    let probe = tempfile::NamedTempFile::new().expect("temp file");
    let is_root = probe.as_file().metadata().expect("stat").uid() == 0;
    // As assert_cmd does: the variable at run time first.
    let bin = std::env::var_os("CARGO_BIN_EXE_archiv")
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_archiv").into());
    let mut cmd = if is_root {
        let mut cmd = std::process::Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        cmd
    } else {
        std::process::Command::new(&bin)
    };
    cmd.env_remove("ARCHIV_INDEX")
        .arg("--index")
        .arg(index)
        .args(args);
    match cmd.output() {
        Ok(output) if !(is_root && output.status.code() == Some(127)) => Some(output),
        _ => {
            eprintln!("skipped: cannot run archiv as an unprivileged user (setpriv)");
            None
        }
    }
}

/// Hands `dir` (and all below it) to `nobody` when running as root, so the
/// unprivileged run can use it.
#[cfg(unix)]
fn hand_over(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
        let _ = std::os::unix::fs::lchown(entry.path(), Some(65534), Some(65534));
        if entry.file_type().is_dir() {
            let _ = std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(0o755));
        }
    }
}

#[cfg(unix)]
#[test]
fn unreadable_input_is_reported_by_path_and_its_documents_kept() {
    use std::os::unix::fs::PermissionsExt;
    let archive = archive_of(3);
    write_article(archive.path(), "sub/b.txt", 9, "");
    let parent = tempfile::tempdir().expect("temp dir");
    let index = parent.path().join("index");
    hand_over(archive.path());
    hand_over(parent.path());
    let index_args = [std::ffi::OsStr::new("index"), archive.path().as_os_str()];
    let Some(first) = unprivileged(&index, &index_args) else {
        return;
    };
    assert_eq!(first.status.code(), Some(0), "{first:?}");

    // a1.txt changes and cannot be read; new.txt cannot be read; nor can sub/.
    write_article(archive.path(), "a1.txt", 1, "Neu: Rohrbruch.");
    write_article(archive.path(), "new.txt", 4, "");
    hand_over(archive.path());
    let no_access = std::fs::Permissions::from_mode(0o000);
    for name in ["a1.txt", "new.txt", "sub"] {
        std::fs::set_permissions(archive.path().join(name), no_access.clone()).expect("chmod");
    }
    for run in 0..2 {
        let output = unprivileged(&index, &index_args).expect("ran before");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(3), "run {run}: {stderr}");
        for expected in [
            "skipped: a1.txt: cannot read: Permission denied",
            "skipped: new.txt: cannot read: Permission denied",
            "skipped: sub: cannot read: Permission denied",
        ] {
            assert!(
                stderr.contains(expected),
                "run {run}: missing `{expected}` in:\n{stderr}"
            );
        }
    }
    let search = [
        std::ffi::OsStr::new("search"),
        "*".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
        "--all-versions".as_ref(),
    ];
    let found = unprivileged(&index, &search).expect("ran before");
    let mut found = ids(&json_lines(&found.stdout));
    found.sort();
    assert_eq!(
        found,
        ["a0.txt", "a1.txt", "a2.txt", "sub/b.txt"],
        "what was indexed stays"
    );
    let readable = std::fs::Permissions::from_mode(0o644);
    for name in ["a1.txt", "new.txt"] {
        std::fs::set_permissions(archive.path().join(name), readable.clone()).expect("chmod");
    }
    std::fs::set_permissions(
        archive.path().join("sub"),
        std::fs::Permissions::from_mode(0o755),
    )
    .expect("chmod");
    let last = unprivileged(&index, &index_args).expect("ran before");
    assert_eq!(last.status.code(), Some(0), "{last:?}");

    // The archive folder itself unreadable: reported, nothing deleted.
    std::fs::set_permissions(archive.path(), no_access).expect("chmod");
    let locked_out = unprivileged(&index, &index_args).expect("ran before");
    let stderr = String::from_utf8_lossy(&locked_out.stderr);
    std::fs::set_permissions(archive.path(), std::fs::Permissions::from_mode(0o755))
        .expect("chmod");
    assert_eq!(locked_out.status.code(), Some(3), "{stderr}");
    let expected = format!(
        "skipped: {}: cannot read: Permission denied",
        archive.path().display()
    );
    assert!(
        stderr.contains(&expected),
        "missing `{expected}` in:\n{stderr}"
    );
    let found = unprivileged(&index, &search).expect("ran before");
    assert_eq!(ids(&json_lines(&found.stdout)).len(), 5, "nothing deleted");
}

#[test]
fn an_archive_that_vanishes_mid_run_loses_no_document() {
    let Some(share) = Tmpfs::mount("64m") else {
        return;
    };
    let n = 300;
    for i in 0..n {
        write_article(share.path(), &format!("a{i:03}.txt"), i, "");
    }
    let index = indexed(share.path());
    for i in 0..n {
        write_article(share.path(), &format!("a{i:03}.txt"), i, "Nachtrag.");
    }
    let bin = std::env::var_os("CARGO_BIN_EXE_archiv")
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_archiv").into());
    let run = std::process::Command::new(bin)
        .env_remove("ARCHIV_INDEX")
        .arg("--index")
        .arg(index.path())
        .args(["index", "--commit-every", "10"])
        .arg(share.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("archiv starts");
    // Lazily unmounted while the run works: whatever it has not opened yet
    // is gone. When exactly does not matter: no moment may lose a document.
    let unmounted = std::process::Command::new("umount")
        .arg("-l")
        .arg(share.path())
        .status()
        .expect("umount runs");
    assert!(unmounted.success());
    let output = run.wait_with_output().expect("archiv ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        matches!(output.status.code(), Some(0 | 3 | 10)),
        "finished, reported what it could not read, or refused: {stderr}"
    );
    assert_eq!(all_ids(index.path()).len(), n, "no document lost: {stderr}");
}

#[cfg(unix)]
#[test]
fn another_users_index_can_be_searched_without_write_access() {
    use std::os::unix::fs::PermissionsExt;
    let parent = tempfile::tempdir().expect("temp dir");
    let index = parent.path().join("index");
    archiv(&index)
        .arg("index")
        .arg(sample_corpus())
        .assert()
        .code(0);
    // The owner shares it read-only: folders r-x, files r-- for others.
    for entry in walkdir::WalkDir::new(parent.path()).into_iter().flatten() {
        let mode = if entry.file_type().is_dir() {
            0o755
        } else {
            0o644
        };
        std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(mode))
            .expect("chmod");
    }
    let before = without_locks(snapshot(&index));
    let search = [std::ffi::OsStr::new("search"), "Rutte".as_ref()];
    let Some(output) = unprivileged(&index, &search) else {
        return;
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("Rutte"));
    let status = [std::ffi::OsStr::new("status")];
    let status = unprivileged(&index, &status).expect("ran before");
    assert_eq!(status.status.code(), Some(0), "{status:?}");
    assert_eq!(without_locks(snapshot(&index)), before);
}
