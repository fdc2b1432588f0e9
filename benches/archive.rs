//! `cargo bench`: archiv at archive scale. Generates the benchmark corpus
//! (deterministic), measures it and, where `../shared/corpora` holds real
//! German news, that too; prints the Markdown table for `BENCHMARKS.md`.
//!
//! ```text
//! cargo bench -- [--articles 200000] [--seed 1] [--runs 3] [--work DIR]
//! ```

#[path = "gen-corpus/generator.rs"]
mod generator;
mod harness;

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let options = Options::parse()?;
    let archiv_bin = PathBuf::from(env!("CARGO_BIN_EXE_archiv"));
    let mut figures = Vec::new();
    let generated = options
        .work
        .join(format!("corpus-{}-{}", options.articles, options.seed));
    generate(&generated, options.articles, options.seed)?;
    figures.push(harness::measure(&harness::Config {
        label: format!("generated, {} articles", options.articles),
        archive: generated,
        work: options.work.join("run-generated"),
        archiv_bin: archiv_bin.clone(),
        runs: options.runs,
        query_rounds: 3,
    })?);
    match real_corpus(&options.work)? {
        Some(real) => figures.push(harness::measure(&harness::Config {
            label: "real text (10kGNAD test split)".into(),
            archive: real,
            work: options.work.join("run-real"),
            archiv_bin,
            runs: options.runs,
            query_rounds: 3,
        })?),
        None => {
            eprintln!("bench: ../shared/corpora/10kgnad-test.csv not found: real-text run skipped")
        }
    }
    println!("{}", harness::markdown(&figures, options.runs));
    Ok(())
}

struct Options {
    articles: usize,
    seed: u64,
    runs: usize,
    work: PathBuf,
}

impl Options {
    fn parse() -> Result<Options, Box<dyn std::error::Error>> {
        let mut options = Options {
            articles: 200_000,
            seed: 1,
            runs: 3,
            work: PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/target/bench")),
        };
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            let mut value = || args.next().ok_or(format!("{arg} needs a value"));
            match arg.as_str() {
                "--articles" => options.articles = value()?.parse()?,
                "--seed" => options.seed = value()?.parse()?,
                "--runs" => options.runs = value()?.parse()?,
                "--work" => options.work = PathBuf::from(value()?),
                "--bench" => {} // added by cargo bench
                other => return Err(format!("unknown argument {other}").into()),
            }
        }
        Ok(options)
    }
}

/// Writes the generated corpus unless a complete one is already there.
fn generate(
    out: &std::path::Path,
    articles: usize,
    seed: u64,
) -> Result<(), Box<dyn std::error::Error>> {
    let done = out.join(".complete");
    if done.exists() {
        return Ok(());
    }
    let _ = std::fs::remove_dir_all(out);
    generator::generate(out, articles, seed, None)?;
    std::fs::write(done, "")?;
    Ok(())
}

/// The real-text corpus as archiv input: each article of the 10kGNAD test
/// split (derStandard, no dates or datelines) becomes one `.txt` with a
/// neutral header, so the same parser runs on it.
fn real_corpus(work: &std::path::Path) -> Result<Option<PathBuf>, Box<dyn std::error::Error>> {
    let csv = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpora/10kgnad-test.csv"
    ));
    let Ok(text) = std::fs::read_to_string(&csv) else {
        return Ok(None);
    };
    let out = work.join("corpus-10kgnad");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out)?;
    for (n, line) in text.lines().enumerate() {
        let Some((_, body)) = line.split_once(';') else {
            continue;
        };
        let body = body.trim().trim_matches('\'').replace("''", "'");
        let article = format!(" date 2016-01-01 WIEN (APA) - {body}");
        std::fs::write(out.join(format!("{n:05}.txt")), article)?;
    }
    Ok(Some(out))
}
