//! The ceiling for `archiv index`: a bare tantivy indexer with the same
//! German analyzer over the same files (a `.txt` whole, the `body` of each
//! JSON article), without parsing, people or statements.

use archiv::analysis;
use std::path::Path;
use std::time::Instant;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::{doc, Index, IndexWriter};

/// What the bare indexer did.
pub struct BareRun {
    pub articles: u64,
    pub seconds: f64,
}

/// Indexes every `.txt` file whole and every `.jsonl` line's body.
pub fn run(archive: &Path, index_dir: &Path) -> Result<BareRun, Box<dyn std::error::Error>> {
    let started = Instant::now();
    let mut schema = Schema::builder();
    let body = schema.add_text_field(
        "body",
        TextOptions::default().set_stored().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analysis::GERMAN)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        ),
    );
    std::fs::create_dir_all(index_dir)?;
    let index = Index::create_in_dir(index_dir, schema.build())?;
    analysis::register(index.tokenizers(), &analysis::vocabulary::splitter([]));
    let mut writer: IndexWriter = index.writer(200_000_000)?;
    let mut articles = 0u64;
    for entry in walkdir::WalkDir::new(archive).sort_by_file_name() {
        let entry = entry?;
        let path = entry.path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !entry.file_type().is_file() || !matches!(ext, "txt" | "json" | "jsonl") {
            continue;
        }
        let raw = std::fs::read(path)?;
        let Ok((text, _)) = archiv::ingest::decode::decode(&raw) else {
            continue;
        };
        if ext == "json" || ext == "jsonl" {
            // One object per `.json` file, one per line of a `.jsonl` file.
            for line in text
                .lines()
                .filter(|_| ext == "jsonl")
                .chain((ext == "json").then_some(text.as_str()))
            {
                let value: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
                if let Some(text) = value["body"].as_str() {
                    writer.add_document(doc!(body => text))?;
                    articles += 1;
                }
            }
        } else {
            writer.add_document(doc!(body => text))?;
            articles += 1;
        }
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(BareRun {
        articles,
        seconds: started.elapsed().as_secs_f64(),
    })
}
