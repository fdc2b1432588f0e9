//! Known-item ranking on real German news: the 240 hand-written queries of
//! `tests/fixtures/real/queries.tsv` against all 1,028 articles of
//! `../shared/corpora/10kgnad-test.csv`, words OR-ed, the article behind
//! each query the one right answer. MRR@10 and success@1 for the
//! development and the held-back part separately; per-query ranks are
//! printed for the development part only (held-back misses are never shown,
//! so nothing is tuned on them). Skips with a message where `../shared` is
//! absent.
//!
//! `REAL_RANKING_ARGS` (space-separated) adds flags to every search, e.g.
//! `--whole-words`, to compare variants; the floors hold for the default.

mod common;

use common::real::{self, Split};
use common::{archiv, ids, json_lines};
use std::collections::BTreeMap;
use std::path::Path;

/// Hits looked at per query.
const DEPTH: usize = 10;

/// Floors at the figures reached (see BENCHMARKS.md), so that a change
/// that loses ranking quality fails.
const FLOOR_DEV_MRR: f64 = 0.9958;
const FLOOR_HELD_MRR: f64 = 0.9812;

/// The real articles as agency copy, as `benches/archive.rs` writes them.
fn write_corpus(articles: &[String], dir: &Path) {
    for (n, body) in articles.iter().enumerate() {
        if body.is_empty() {
            continue;
        }
        let text = format!(" date 2016-01-01 WIEN (APA) - {body}");
        std::fs::write(dir.join(format!("{n:05}.txt")), text).expect("write article");
    }
}

/// The query's words OR-ed. A word with other characters than letters and
/// digits (`0:4`, `500-Euro-Schein`) is quoted, so that tantivy's syntax
/// does not read it as a field or an operator.
pub fn or_query(query: &str) -> String {
    query
        .split_whitespace()
        .map(|word| {
            if word.chars().all(char::is_alphanumeric) {
                word.to_string()
            } else {
                format!("\"{}\"", word.replace('"', ""))
            }
        })
        .collect::<Vec<_>>()
        .join(" OR ")
}

/// The ids of the top hits.
fn top(index: &Path, query: &str, extra: &[String]) -> Vec<String> {
    let output = archiv(index)
        .arg("search")
        .arg(or_query(query))
        .args(["--format", "json", "--limit", &DEPTH.to_string()])
        .args(extra)
        .output()
        .expect("archiv runs");
    assert!(
        matches!(output.status.code(), Some(0) | Some(1)),
        "search {query} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    ids(&json_lines(&output.stdout))
}

#[derive(Default)]
struct Totals {
    reciprocal_ranks: f64,
    first: usize,
    queries: usize,
}

impl Totals {
    fn mrr(&self) -> f64 {
        self.reciprocal_ranks / self.queries.max(1) as f64
    }
    fn success(&self) -> f64 {
        self.first as f64 / self.queries.max(1) as f64
    }
}

#[test]
fn known_item_mrr_on_real_news() {
    let Some(articles) = real::articles() else {
        return;
    };
    let splits: BTreeMap<usize, Split> = real::sample("ranking").into_iter().collect();
    let queries: Vec<(usize, String)> = real::rows("queries.tsv")
        .into_iter()
        .map(|row| (real::number(&row[0]), row[1].clone()))
        .collect();
    assert!(queries.len() >= 200, "200 queries or more");
    let extra: Vec<String> = std::env::var("REAL_RANKING_ARGS")
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_string)
        .collect();

    let corpus = tempfile::tempdir().expect("temp dir");
    write_corpus(&articles, corpus.path());
    let index = common::indexed(corpus.path());

    let mut totals: BTreeMap<Split, Totals> = BTreeMap::new();
    let mut dev_report = Vec::new();
    for (article, query) in &queries {
        let split = *splits
            .get(article)
            .unwrap_or_else(|| panic!("article {article} is not in the ranking sample"));
        let want = format!("{article:05}.txt");
        let hits = top(index.path(), query, &extra);
        let rank = hits.iter().position(|id| *id == want).map(|r| r + 1);
        let t = totals.entry(split).or_default();
        t.queries += 1;
        if let Some(rank) = rank {
            t.reciprocal_ranks += 1.0 / rank as f64;
            t.first += usize::from(rank == 1);
        }
        if split == Split::Dev {
            let shown = rank.map_or("-".to_string(), |r| r.to_string());
            let above = match rank {
                Some(1) => String::new(),
                _ => format!("  top: {}", hits.first().map_or("none", String::as_str)),
            };
            dev_report.push(format!("{article:>4} rank {shown:>2}  {query}{above}"));
        }
    }
    println!("dev queries (rank of the right article, `-` not in the top {DEPTH}):");
    println!("{}", dev_report.join("\n"));
    for (split, t) in &totals {
        println!(
            "{:<9} {:>3} queries: MRR@{DEPTH} {:.4}, success@1 {:.4} ({}/{})",
            split.name(),
            t.queries,
            t.mrr(),
            t.success(),
            t.first,
            t.queries
        );
    }
    if !extra.is_empty() {
        println!("(with {extra:?}: floors not checked)");
        return;
    }
    let mrr = |s| totals.get(&s).map_or(0.0, Totals::mrr);
    assert!(
        mrr(Split::Dev) >= FLOOR_DEV_MRR,
        "dev MRR@{DEPTH} {:.3} fell below {FLOOR_DEV_MRR}",
        mrr(Split::Dev)
    );
    assert!(
        mrr(Split::Held) >= FLOOR_HELD_MRR,
        "held-back MRR@{DEPTH} {:.3} fell below {FLOOR_HELD_MRR}",
        mrr(Split::Held)
    );
}
