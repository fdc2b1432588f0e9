//! Ranking quality with and without compound parts, in one run: MRR and
//! recall@10 of `archiv search` over the judged queries in
//! `tests/fixtures/ranking/queries.tsv`, once with `--whole-words` (parts
//! off) and once as users search (parts on). Parts must raise both figures
//! and no query may lose a relevant hit it had in its top 10.

mod common;

use common::{archiv, fixture, ids, indexed, json_lines, sample_corpus};
use std::collections::BTreeSet;
use std::path::Path;

/// Hits looked at per query.
const DEPTH: usize = 10;

struct Judged {
    query: String,
    relevant: BTreeSet<String>,
    kind: String,
}

fn judged_queries() -> Vec<Judged> {
    let path = fixture("ranking").join("queries.tsv");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 3, "query<TAB>ids<TAB>kind: {line}");
            Judged {
                query: cols[0].to_string(),
                relevant: cols[1].split(',').map(|s| s.trim().to_string()).collect(),
                kind: cols[2].to_string(),
            }
        })
        .collect()
}

/// The ids of the top hits.
fn top(index: &Path, query: &str, whole_words: bool) -> Vec<String> {
    let mut cmd = archiv(index);
    cmd.arg("search").args(query.split_whitespace()).args([
        "--format",
        "json",
        "--limit",
        &DEPTH.to_string(),
    ]);
    if whole_words {
        cmd.arg("--whole-words");
    }
    let output = cmd.output().expect("archiv runs");
    assert!(
        matches!(output.status.code(), Some(0) | Some(1)),
        "search {query} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    ids(&json_lines(&output.stdout))
}

/// Reciprocal rank of the first relevant hit, and the relevant hits found.
fn judge(hits: &[String], relevant: &BTreeSet<String>) -> (f64, BTreeSet<String>) {
    let first = hits.iter().position(|id| relevant.contains(id));
    let found = hits
        .iter()
        .filter(|id| relevant.contains(*id))
        .cloned()
        .collect();
    (first.map_or(0.0, |rank| 1.0 / (rank as f64 + 1.0)), found)
}

#[derive(Default)]
struct Totals {
    reciprocal_ranks: f64,
    recall: f64,
    queries: usize,
}

impl Totals {
    fn add(&mut self, rr: f64, found: usize, relevant: usize) {
        self.reciprocal_ranks += rr;
        self.recall += found as f64 / relevant as f64;
        self.queries += 1;
    }
    fn mrr(&self) -> f64 {
        self.reciprocal_ranks / self.queries.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.recall / self.queries.max(1) as f64
    }
}

#[test]
fn compound_parts_raise_mrr_and_recall_and_lose_no_hit() {
    let queries = judged_queries();
    assert!(queries.len() >= 50, "50 judged queries or more");
    let index = indexed(&sample_corpus());
    let (mut off, mut on) = (Totals::default(), Totals::default());
    let mut by_kind: std::collections::BTreeMap<String, (Totals, Totals)> = Default::default();
    let mut lost = Vec::new();
    let mut report = Vec::new();
    for judged in &queries {
        let (rr_off, found_off) = judge(&top(index.path(), &judged.query, true), &judged.relevant);
        let (rr_on, found_on) = judge(&top(index.path(), &judged.query, false), &judged.relevant);
        let n = judged.relevant.len();
        off.add(rr_off, found_off.len(), n);
        on.add(rr_on, found_on.len(), n);
        let kind = by_kind.entry(judged.kind.clone()).or_default();
        kind.0.add(rr_off, found_off.len(), n);
        kind.1.add(rr_on, found_on.len(), n);
        for id in found_off.difference(&found_on) {
            lost.push(format!("{}: {id}", judged.query));
        }
        report.push(format!(
            "{:<28} {:<8} rr {:.2} -> {:.2}  found {}/{n} -> {}/{n}",
            judged.query,
            judged.kind,
            rr_off,
            rr_on,
            found_off.len(),
            found_on.len()
        ));
    }
    println!("{}", report.join("\n"));
    for (kind, (k_off, k_on)) in &by_kind {
        println!(
            "{kind:<8} {:>3} queries: MRR {:.3} -> {:.3}, recall@{DEPTH} {:.3} -> {:.3}",
            k_off.queries,
            k_off.mrr(),
            k_on.mrr(),
            k_off.recall(),
            k_on.recall()
        );
    }
    println!(
        "all      {:>3} queries: MRR {:.3} -> {:.3}, recall@{DEPTH} {:.3} -> {:.3} (parts off -> on)",
        off.queries,
        off.mrr(),
        on.mrr(),
        off.recall(),
        on.recall()
    );
    assert!(
        lost.is_empty(),
        "relevant hits lost with parts on: {lost:?}"
    );
    assert!(on.mrr() > off.mrr(), "MRR must rise with parts");
    assert!(on.recall() > off.recall(), "recall@10 must rise with parts");
}
