//! The benchmark harness runs end to end at tiny scale (not timed: it
//! only proves that `cargo bench` can produce its table).

#[path = "../benches/harness/mod.rs"]
mod harness;

#[test]
fn the_benchmark_harness_measures_a_tiny_archive() {
    let work = tempfile::tempdir().expect("temp dir");
    let archive = work.path().join("archive");
    std::fs::create_dir_all(&archive).expect("mkdir");
    for file in harness::input_files(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample-corpus"
    ))) {
        let name = file.file_name().expect("file name");
        std::fs::copy(&file, archive.join(name)).expect("copy");
    }
    let config = harness::Config {
        label: "sample".into(),
        archive,
        work: work.path().join("work"),
        archiv_bin: env!("CARGO_BIN_EXE_archiv").into(),
        runs: 1,
        query_rounds: 1,
    };
    let figures = harness::measure(&config).expect("the harness runs");
    assert!(figures.articles >= 1);
    assert!(figures.index_bytes > 0);
    let table = harness::markdown(&[figures], 1);
    for row in [
        "full index: articles/s",
        "incremental, nothing changed",
        "query one-term common",
        "bare tantivy",
    ] {
        assert!(table.contains(row), "row `{row}` missing:\n{table}");
    }
}
