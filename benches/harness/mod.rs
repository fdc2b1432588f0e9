//! The benchmark harness: measures one archive end to end and renders the
//! table of `BENCHMARKS.md`. Used by `cargo bench` (benches/archive.rs) at
//! full scale and by `tests/bench_harness.rs` at tiny scale.

pub mod bare_index;
pub mod query_bench;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

type BoxError = Box<dyn std::error::Error>;

/// What to measure, and with what.
pub struct Config {
    pub label: String,
    /// The archive; the 1%-change runs modify files in it.
    pub archive: PathBuf,
    /// Scratch space for indexes.
    pub work: PathBuf,
    /// The release `archiv` binary.
    pub archiv_bin: PathBuf,
    /// Repetitions of each timed run; the median is reported.
    pub runs: usize,
    pub query_rounds: usize,
}

/// The figures for one archive.
pub struct Figures {
    pub label: String,
    pub files: usize,
    pub articles: u64,
    pub raw_bytes: u64,
    pub bare_secs: f64,
    pub full_secs: f64,
    pub full_rss_mb: Option<f64>,
    pub index_bytes: u64,
    /// Full index without compound splitting (`--no-decompound`).
    pub whole_words_secs: f64,
    pub whole_words_index_bytes: u64,
    pub nochange_secs: f64,
    pub one_percent_secs: f64,
    pub one_percent_files: usize,
    pub queries: query_bench::QueryRun,
    pub cli_search_ms: f64,
    pub cli_search_rss_mb: Option<f64>,
    pub rg_ms: Option<f64>,
}

/// Runs every measurement on one archive.
pub fn measure(config: &Config) -> Result<Figures, BoxError> {
    std::fs::create_dir_all(&config.work)?;
    let files = input_files(&config.archive);
    let raw_bytes = files
        .iter()
        .filter_map(|f| f.metadata().ok())
        .map(|m| m.len())
        .sum();
    let mut bare = Vec::new();
    let mut articles = 0;
    for run in 0..config.runs {
        let dir = config.work.join(format!("bare-{run}"));
        let _ = std::fs::remove_dir_all(&dir);
        let result = bare_index::run(&config.archive, &dir)?;
        articles = result.articles;
        bare.push(result.seconds);
        let _ = std::fs::remove_dir_all(&dir);
    }
    let whole_words_index = config.work.join("index-whole-words");
    let mut whole_words = Vec::new();
    for _ in 0..config.runs {
        let _ = std::fs::remove_dir_all(&whole_words_index);
        let args = ["index", "--quiet", "--no-decompound"];
        whole_words.push(
            timed(
                &config.archiv_bin,
                &whole_words_index,
                &args,
                &config.archive,
            )?
            .0,
        );
    }
    let whole_words_index_bytes = archiv::index::store::disk_size(&whole_words_index);
    let _ = std::fs::remove_dir_all(&whole_words_index);
    let index = config.work.join("index");
    let mut full = Vec::new();
    let mut rss = Vec::new();
    for _ in 0..config.runs {
        let _ = std::fs::remove_dir_all(&index);
        let (secs, peak) = timed(
            &config.archiv_bin,
            &index,
            &["index", "--quiet"],
            &config.archive,
        )?;
        full.push(secs);
        rss.extend(peak);
    }
    let index_bytes = archiv::index::store::disk_size(&index);
    let mut nochange = Vec::new();
    for _ in 0..config.runs {
        nochange.push(
            timed(
                &config.archiv_bin,
                &index,
                &["index", "--quiet"],
                &config.archive,
            )?
            .0,
        );
    }
    let mut one_percent = Vec::new();
    let mut one_percent_files = 0;
    for run in 0..config.runs {
        one_percent_files = touch_one_percent(&files, run)?;
        one_percent.push(
            timed(
                &config.archiv_bin,
                &index,
                &["index", "--quiet"],
                &config.archive,
            )?
            .0,
        );
    }
    let queries = query_bench::run(&index, &config.archive, config.query_rounds)?;
    let words: Vec<String> = queries.one_term_queries.iter().take(20).cloned().collect();
    let (cli_search_ms, cli_search_rss_mb) = cli_search(config, &index, &words)?;
    let rg_ms = ripgrep(&config.archive, &words)?;
    Ok(Figures {
        label: config.label.clone(),
        files: files.len(),
        articles,
        raw_bytes,
        bare_secs: median(bare),
        full_secs: median(full),
        full_rss_mb: (!rss.is_empty()).then(|| median(rss)),
        index_bytes,
        whole_words_secs: median(whole_words),
        whole_words_index_bytes,
        nochange_secs: median(nochange),
        one_percent_secs: median(one_percent),
        one_percent_files,
        queries,
        cli_search_ms,
        cli_search_rss_mb,
        rg_ms,
    })
}

/// The archive's input files, sorted.
pub fn input_files(archive: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(archive)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e, "txt" | "json" | "jsonl"))
        })
        .collect();
    files.sort();
    files
}

/// Runs `archiv --index INDEX ARGS… ARCHIVE`; wall seconds and, where GNU
/// time is installed, peak RSS in MB.
fn timed(
    bin: &Path,
    index: &Path,
    args: &[&str],
    archive: &Path,
) -> Result<(f64, Option<f64>), BoxError> {
    let gnu_time = Path::new("/usr/bin/time");
    let mut cmd = if gnu_time.exists() {
        let mut c = Command::new(gnu_time);
        c.args(["-f", "%M"]).arg(bin);
        c
    } else {
        Command::new(bin)
    };
    cmd.arg("--index").arg(index).args(args).arg(archive);
    let started = Instant::now();
    let output = cmd.stdout(Stdio::null()).output()?;
    let secs = started.elapsed().as_secs_f64();
    if !matches!(output.status.code(), Some(0) | Some(3)) {
        return Err(format!(
            "archiv {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        )
        .into());
    }
    Ok((secs, peak_rss_mb(&output.stderr)))
}

/// GNU time's `%M` (KiB), the last line of stderr.
fn peak_rss_mb(stderr: &[u8]) -> Option<f64> {
    let text = String::from_utf8_lossy(stderr);
    let kib: f64 = text.lines().last()?.trim().parse().ok()?;
    Some(kib / 1024.0)
}

/// Appends a sentence to every 100th `.txt` file (a different 1% each
/// run); returns how many.
fn touch_one_percent(files: &[PathBuf], run: usize) -> Result<usize, BoxError> {
    use std::io::Write;
    let mut touched = 0;
    for (i, file) in files.iter().enumerate() {
        if !(i + run * 37).is_multiple_of(100) || file.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let mut f = std::fs::OpenOptions::new().append(true).open(file)?;
        write!(f, " Nachtrag {run}.")?;
        touched += 1;
    }
    Ok(touched)
}

/// Median wall time of `archiv search WORD` over `words`, as a user runs
/// it (process start, index open, 10 hits with snippets), and the peak RSS.
fn cli_search(
    config: &Config,
    index: &Path,
    words: &[String],
) -> Result<(f64, Option<f64>), BoxError> {
    let mut times = Vec::new();
    let mut rss = None;
    for word in words {
        let started = Instant::now();
        Command::new(&config.archiv_bin)
            .arg("--index")
            .arg(index)
            .args(["search", "--limit", "10", "--color", "never", word])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    if let Some(word) = words.first() {
        if Path::new("/usr/bin/time").exists() {
            let output = Command::new("/usr/bin/time")
                .args(["-f", "%M"])
                .arg(&config.archiv_bin)
                .arg("--index")
                .arg(index)
                .args(["search", "--limit", "10", word])
                .stdout(Stdio::null())
                .output()?;
            rss = peak_rss_mb(&output.stderr);
        }
    }
    Ok((median(times), rss))
}

/// Median wall time of `rg -i -l WORD ARCHIVE`, if ripgrep is installed.
fn ripgrep(archive: &Path, words: &[String]) -> Result<Option<f64>, BoxError> {
    let found = Command::new("rg")
        .arg("--version")
        .stdout(Stdio::null())
        .status();
    if !found.is_ok_and(|s| s.success()) {
        return Ok(None);
    }
    let mut times = Vec::new();
    for word in words {
        let started = Instant::now();
        Command::new("rg")
            .args(["-i", "-l", "--fixed-strings", word])
            .arg(archive)
            .stdout(Stdio::null())
            .status()?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    Ok(Some(median(times)))
}

pub fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

/// Cores, memory and CPU of this machine.
pub fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem_gib = meminfo
        .lines()
        .find(|l| l.starts_with("MemTotal:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0 / 1024.0);
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .map_or("unknown CPU", str::trim)
        .to_string();
    format!("{cores} cores, {mem_gib:.0} GiB, {cpu}")
}

/// The figures as a Markdown report.
pub fn markdown(all: &[Figures], runs: usize) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "Machine: {}. Each figure is the median of {runs} runs.\n\n",
        machine()
    ));
    out.push_str("| | ");
    out.push_str(
        &all.iter()
            .map(|f| f.label.as_str())
            .collect::<Vec<_>>()
            .join(" | "),
    );
    out.push_str(" |\n|---|");
    out.push_str(&"---|".repeat(all.len()));
    out.push('\n');
    let row = |out: &mut String, name: &str, value: &dyn Fn(&Figures) -> String| {
        out.push_str(&format!("| {name} | "));
        out.push_str(&all.iter().map(value).collect::<Vec<_>>().join(" | "));
        out.push_str(" |\n");
    };
    let mb = |b: u64| b as f64 / 1e6;
    row(&mut out, "input files / articles", &|f| {
        format!("{} / {}", f.files, f.articles)
    });
    row(&mut out, "raw text", &|f| {
        format!("{:.1} MB", mb(f.raw_bytes))
    });
    row(&mut out, "full index: wall time", &|f| {
        format!("{:.2} s", f.full_secs)
    });
    row(&mut out, "full index: articles/s", &|f| {
        format!("{:.0}", f.articles as f64 / f.full_secs)
    });
    row(&mut out, "full index: MB/s", &|f| {
        format!("{:.2}", mb(f.raw_bytes) / f.full_secs)
    });
    row(&mut out, "bare tantivy (ceiling): articles/s", &|f| {
        format!("{:.0}", f.articles as f64 / f.bare_secs)
    });
    row(&mut out, "full / bare throughput", &|f| {
        format!("{:.2}", f.bare_secs / f.full_secs)
    });
    row(&mut out, "full index without compound splitting", &|f| {
        format!(
            "{:.2} s, {:.0} articles/s; with / without: {:.2}",
            f.whole_words_secs,
            f.articles as f64 / f.whole_words_secs,
            f.whole_words_secs / f.full_secs
        )
    });
    let size =
        |bytes: u64, raw: u64| format!("{:.2} ({:.1} MB)", bytes as f64 / raw as f64, mb(bytes));
    row(&mut out, "index size without compound splitting", &|f| {
        size(f.whole_words_index_bytes, f.raw_bytes)
    });
    row(&mut out, "full index: peak RSS", &|f| {
        f.full_rss_mb
            .map_or("n/a (no GNU time)".into(), |m| format!("{m:.0} MB"))
    });
    row(&mut out, "index size / raw text", &|f| {
        size(f.index_bytes, f.raw_bytes)
    });
    row(&mut out, "incremental, nothing changed", &|f| {
        format!("{:.2} s", f.nochange_secs)
    });
    row(&mut out, "incremental, 1% changed", &|f| {
        format!(
            "{:.2} s ({} files)",
            f.one_percent_secs, f.one_percent_files
        )
    });
    for class in class_names(all) {
        row(
            &mut out,
            &format!("query {class}: p50 / p95 / p99 ms, qps"),
            &|f| {
                f.queries
                    .classes
                    .iter()
                    .find(|c| c.class == class)
                    .map_or("–".into(), |c| {
                        format!(
                            "{:.2} / {:.2} / {:.2}, {:.0} ({} queries)",
                            c.p50_ms, c.p95_ms, c.p99_ms, c.qps, c.queries
                        )
                    })
            },
        );
    }
    row(&mut out, "`archiv search WORD` process, median", &|f| {
        format!("{:.1} ms", f.cli_search_ms)
    });
    row(&mut out, "query process peak RSS", &|f| {
        f.cli_search_rss_mb
            .map_or("n/a".into(), |m| format!("{m:.0} MB"))
    });
    row(&mut out, "`rg -i -l WORD`, median", &|f| {
        f.rg_ms
            .map_or("rg not installed".into(), |ms| format!("{ms:.1} ms"))
    });
    row(&mut out, "rg / archiv (in-process p50 one-term)", &|f| {
        let p50 = f
            .queries
            .classes
            .iter()
            .find(|c| c.class == "one-term common")
            .map_or(0.0, |c| c.p50_ms);
        f.rg_ms.map_or("–".into(), |rg| {
            format!(
                "{:.0}× (process vs process: {:.0}×)",
                rg / p50.max(1e-6),
                rg / f.cli_search_ms.max(1e-6)
            )
        })
    });
    out
}

fn class_names(all: &[Figures]) -> Vec<String> {
    let mut names: Vec<String> = all
        .iter()
        .flat_map(|f| f.queries.classes.iter().map(|c| c.class.clone()))
        .collect();
    names.sort();
    names.dedup();
    names
}
