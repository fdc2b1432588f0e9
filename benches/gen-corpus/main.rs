//! `cargo run --release --example gen-corpus -- --articles N --seed S --out DIR [--truth FILE]`:
//! writes the deterministic benchmark archive (see `generator.rs`).

mod generator;

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (mut articles, mut seed, mut out, mut truth) = (1000usize, 1u64, None, None);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--articles" => articles = value()?.parse()?,
            "--seed" => seed = value()?.parse()?,
            "--out" => out = Some(PathBuf::from(value()?)),
            "--truth" => truth = Some(PathBuf::from(value()?)),
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let out = out.ok_or("--out DIR is required")?;
    let started = std::time::Instant::now();
    generator::generate(&out, articles, seed, truth.as_deref())?;
    eprintln!(
        "gen-corpus: {articles} articles in {:.1}s into {}",
        started.elapsed().as_secs_f64(),
        out.display()
    );
    Ok(())
}
