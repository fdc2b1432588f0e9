//! Writes the deterministic benchmark archive of German agency copy.
//!
//! ```text
//! cargo run --release --example gen-corpus -- --articles 200000 --seed 1 --out DIR [--truth FILE]
//! ```
//!
//! - `--articles N`: how many articles (default 1000);
//! - `--seed S`: the random seed (default 1); the same seed and count give
//!   byte-identical output, and fewer articles are a prefix of more;
//! - `--out DIR`: where to write the archive (required);
//! - `--truth FILE`: also write the ground truth, one JSON line per
//!   article: path, document id, format, topic, date, agency, place,
//!   body length, people and planted statements.
//!
//! Layout: `DIR/YYYY/MM/NNNNNNN_agency.txt` (agency copy like the seed
//! article; one in 500 in Windows-1252), `DIR/YYYY/MM/NNNNNNN_agency.json`
//! and `DIR/feeds/feed_NNNN.jsonl` (1,000 articles a file). See
//! `generator.rs` for the details.

mod generator;

use std::io;
use std::path::PathBuf;
use std::time::Instant;

struct Options {
    articles: usize,
    seed: u64,
    out: PathBuf,
    truth: Option<PathBuf>,
}

const USAGE: &str = "usage: gen-corpus --articles N --seed S --out DIR [--truth FILE]";

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, format!("{message}\n{USAGE}"))
}

fn parse_number<T: std::str::FromStr>(flag: &str, value: &str) -> io::Result<T> {
    value
        .parse()
        .map_err(|_| invalid(format!("{flag} needs a number, not `{value}`")))
}

fn parse_options(args: impl IntoIterator<Item = String>) -> io::Result<Options> {
    let (mut articles, mut seed, mut out, mut truth) = (1000, 1, None, None);
    let mut args = args.into_iter();
    while let Some(flag) = args.next() {
        if flag == "--help" || flag == "-h" {
            return Err(invalid("gen-corpus: the benchmark corpus generator".into()));
        }
        let value = args
            .next()
            .ok_or_else(|| invalid(format!("{flag} needs a value")))?;
        match flag.as_str() {
            "--articles" => articles = parse_number(&flag, &value)?,
            "--seed" => seed = parse_number(&flag, &value)?,
            "--out" => out = Some(PathBuf::from(value)),
            "--truth" => truth = Some(PathBuf::from(value)),
            _ => return Err(invalid(format!("unknown argument `{flag}`"))),
        }
    }
    let out = out.ok_or_else(|| invalid("--out DIR is required".into()))?;
    Ok(Options {
        articles,
        seed,
        out,
        truth,
    })
}

fn main() -> io::Result<()> {
    let options = parse_options(std::env::args().skip(1))?;
    let started = Instant::now();
    generator::generate(
        &options.out,
        options.articles,
        options.seed,
        options.truth.as_deref(),
    )?;
    eprintln!(
        "gen-corpus: {} articles (seed {}) in {:.1} s into {}",
        options.articles,
        options.seed,
        started.elapsed().as_secs_f64(),
        options.out.display()
    );
    Ok(())
}
