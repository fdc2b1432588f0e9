//! Query latency of a warm index: a fixed, deterministic set of queries
//! (one term common and rare, two terms, phrases, person filter, date
//! ranges, statements by person) built from the archive's own text, each
//! returning 10 hits with snippets.

use archiv::index::store;
use archiv::query::{self, SearchRequest, Sort, Target};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::Instant;

type Queries = Vec<(&'static str, SearchRequest)>;

/// Latency of one class of queries.
pub struct ClassLatency {
    pub class: String,
    pub queries: usize,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub qps: f64,
}

/// The latencies per class (and `all`), and the one-term queries used.
pub struct QueryRun {
    pub classes: Vec<ClassLatency>,
    pub one_term_queries: Vec<String>,
}

/// Runs every query once to warm up, then `rounds` times timed.
pub fn run(
    index_dir: &Path,
    archive: &Path,
    rounds: usize,
) -> Result<QueryRun, Box<dyn std::error::Error>> {
    let rounds = rounds.max(1);
    let open = store::open_for_search(index_dir)?;
    let searcher = open.searcher()?;
    let people = archiv::people(index_dir, &SearchRequest::default(), None, 30)?;
    let queries = build_queries(archive, &people)?;
    for (_, request) in &queries {
        query::search_with(&open, &searcher, request)?;
    }
    let mut times: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for _ in 0..rounds {
        for (class, request) in &queries {
            let started = Instant::now();
            let results = query::search_with(&open, &searcher, request)?;
            std::hint::black_box(results);
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            times.entry(class).or_default().push(ms);
            times.entry("all").or_default().push(ms);
        }
    }
    let classes = times
        .into_iter()
        .map(|(class, mut ms)| {
            ms.sort_by(f64::total_cmp);
            let total: f64 = ms.iter().sum();
            ClassLatency {
                class: class.to_string(),
                queries: ms.len() / rounds,
                p50_ms: percentile(&ms, 0.50),
                p95_ms: percentile(&ms, 0.95),
                p99_ms: percentile(&ms, 0.99),
                qps: ms.len() as f64 / (total / 1000.0).max(1e-9),
            }
        })
        .collect();
    let one_term_queries = queries
        .iter()
        .filter(|(c, _)| c.starts_with("one-term"))
        .map(|(_, r)| r.query.clone())
        .collect();
    Ok(QueryRun {
        classes,
        one_term_queries,
    })
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or(0.0)
}

/// Words of the archive (a sample of up to 3000 text files), with the
/// number of sampled articles each occurs in, and adjacent word pairs.
struct Sample {
    doc_freq: HashMap<String, usize>,
    pairs: Vec<(String, String)>,
    co_occurring: Vec<(String, String)>,
}

fn sample(archive: &Path) -> Sample {
    let files: Vec<_> = walkdir::WalkDir::new(archive)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .collect();
    let step = (files.len() / 3000).max(1);
    let mut s = Sample {
        doc_freq: HashMap::new(),
        pairs: Vec::new(),
        co_occurring: Vec::new(),
    };
    for (n, entry) in files.iter().step_by(step).enumerate() {
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 5)
            .map(str::to_string)
            .collect();
        let mut seen = std::collections::HashSet::new();
        for w in &words {
            if seen.insert(w.clone()) {
                *s.doc_freq.entry(w.clone()).or_default() += 1;
            }
        }
        if let Some(pair) = words.windows(2).nth(n % 7 + 3) {
            s.pairs.push((pair[0].clone(), pair[1].clone()));
        }
        if words.len() > 40 {
            s.co_occurring
                .push((words[n % 20].clone(), words[20 + n % 20].clone()));
        }
    }
    s
}

fn request(query: String) -> SearchRequest {
    SearchRequest {
        query,
        limit: 10,
        ..SearchRequest::default()
    }
}

fn build_queries(
    archive: &Path,
    people: &[archiv::query::people::PersonCount],
) -> Result<Queries, Box<dyn std::error::Error>> {
    let s = sample(archive);
    let mut by_freq: Vec<(&String, &usize)> = s.doc_freq.iter().collect();
    by_freq.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let mut queries: Queries = Vec::new();
    for (word, _) in by_freq.iter().take(40) {
        queries.push(("one-term common", request(word.to_string())));
    }
    for (word, _) in by_freq.iter().rev().take(40) {
        queries.push(("one-term rare", request(word.to_string())));
    }
    for (a, b) in s.co_occurring.iter().take(40) {
        queries.push(("two terms", request(format!("{a} {b}"))));
    }
    for (a, b) in s.pairs.iter().take(40) {
        queries.push(("phrase", request(format!("\"{a} {b}\""))));
    }
    for person in people.iter().take(30) {
        let mut r = request(String::new());
        r.person = Some(person.name.clone());
        queries.push(("person filter", r));
    }
    for (i, (word, _)) in by_freq.iter().skip(40).take(30).enumerate() {
        let mut r = request(word.to_string());
        let year = 2019 + (i % 7) as i32;
        let month = time::Month::try_from((i % 12 + 1) as u8)?;
        r.from = time::Date::from_calendar_date(year, month, 1).ok();
        r.to = r.from.map(|d| d + time::Duration::days(90));
        r.sort = if i % 2 == 0 {
            Sort::Relevance
        } else {
            Sort::Date
        };
        queries.push(("date range", r));
    }
    for person in people.iter().take(30) {
        let mut r = request(String::new());
        r.person = Some(person.name.clone());
        r.target = Target::Statements;
        r.sort = Sort::Date;
        queries.push(("statements --by", r));
    }
    Ok(queries)
}
