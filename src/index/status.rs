//! `archiv status`: what an index holds and how its last run went.

use super::schema::doctype;
use super::store;
use crate::error::Result;
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::Path;
use tantivy::collector::Count;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

/// The answer of `archiv status`.
#[derive(Debug, Serialize)]
pub struct Status {
    pub index: String,
    pub generation: String,
    pub schema_version: u32,
    pub analysis: String,
    /// Compound splitting on, and how many words the splitter knows.
    pub decompound: bool,
    pub splitter_words: usize,
    pub archive_root: String,
    pub articles: usize,
    pub statements: usize,
    pub source_files: usize,
    pub people: usize,
    pub size_bytes: u64,
    pub created: String,
    pub last_run: Option<serde_json::Value>,
}

/// Reads the status of the index at `index_dir`.
pub fn read(index_dir: &Path) -> Result<Status> {
    store::with_retries(|| store::guard_damage(index_dir, || read_once(index_dir)))
}

fn read_once(index_dir: &Path) -> Result<Status> {
    let open = store::open_for_search(index_dir)?;
    let searcher = open.searcher()?;
    let count = |kind: &str| -> Result<usize> {
        let query = TermQuery::new(
            Term::from_field_text(open.fields.doctype, kind),
            IndexRecordOption::Basic,
        );
        Ok(searcher.search(&query, &Count)?)
    };
    Ok(Status {
        index: index_dir.display().to_string(),
        generation: open
            .dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        schema_version: open.meta.schema_version,
        analysis: open.meta.analysis.clone(),
        decompound: open.meta.decompound,
        splitter_words: open.splitter.known_words(),
        archive_root: open.meta.archive_root.clone(),
        articles: count(doctype::ARTICLE)?,
        statements: count(doctype::STATEMENT)?,
        source_files: count(doctype::SOURCE)?,
        people: distinct_people(&searcher)?.len(),
        size_bytes: store::disk_size(&open.dir),
        created: open.meta.created.clone(),
        last_run: open.meta.last_run.clone(),
    })
}

/// Every canonical name held by a live document.
fn distinct_people(searcher: &Searcher) -> Result<BTreeSet<String>> {
    let mut names = BTreeSet::new();
    for segment in searcher.segment_readers() {
        let Some(column) = segment.fast_fields().str("person")? else {
            continue;
        };
        let terms = super::manifest::column_terms(&column)?;
        for doc in segment.doc_ids_alive() {
            for ord in column.term_ords(doc) {
                if let Some(name) = terms.get(ord as usize) {
                    names.insert(name.clone());
                }
            }
        }
    }
    Ok(names)
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "index:          {} ({})", self.index, self.generation)?;
        writeln!(f, "archive:        {}", self.archive_root)?;
        writeln!(f, "articles:       {}", self.articles)?;
        writeln!(f, "statements:     {}", self.statements)?;
        writeln!(f, "people:         {}", self.people)?;
        writeln!(f, "source files:   {}", self.source_files)?;
        writeln!(f, "size on disk:   {:.1} MB", self.size_bytes as f64 / 1e6)?;
        writeln!(
            f,
            "schema version: {} (analysis {})",
            self.schema_version, self.analysis
        )?;
        if self.decompound {
            writeln!(
                f,
                "compounds:      split ({} known words: lexicon and learned)",
                self.splitter_words
            )?;
        } else {
            writeln!(f, "compounds:      not split (built with --no-decompound)")?;
        }
        writeln!(f, "created:        {}", self.created)?;
        match &self.last_run {
            Some(run) => writeln!(
                f,
                "last run:       {}, {}",
                run["finished"].as_str().unwrap_or("?"),
                run_in_words(&run["summary"])
            ),
            None => writeln!(f, "last run:       none"),
        }
    }
}

/// A run summary as `archiv index` prints it, not as JSON: `full run: 53
/// added, 0 updated, …`.
fn run_in_words(summary: &serde_json::Value) -> String {
    let n = |key: &str| summary[key].as_u64().unwrap_or(0);
    let mut line = format!(
        "{} run: {} added, {} updated, {} deleted, {} unchanged, {} failed, {} warnings, {:.2}s",
        summary["mode"].as_str().unwrap_or("?"),
        n("added"),
        n("updated"),
        n("deleted"),
        n("unchanged"),
        n("failed"),
        n("warned"),
        n("duration_ms") as f64 / 1000.0
    );
    if let Some(reason) = summary["full_reason"].as_str() {
        line.push_str(&format!(" (full rebuild: {reason})"));
    }
    line
}
