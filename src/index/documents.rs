//! Turning an article and what was extracted from it into index documents.

use super::schema::{doctype, Fields};
use crate::extract::statements::{kind_name, Statement};
use crate::ingest::Article;
use tantivy::{DateTime, TantivyDocument};

/// An article with its people and statements, ready to index.
#[derive(Debug, Clone)]
pub struct Enriched {
    pub article: Article,
    /// Canonical names: the input's own (JSON `people`) merged with the
    /// extracted ones, in order of first mention, without duplicates.
    pub people: Vec<String>,
    pub statements: Vec<Statement>,
}

/// Runs people and statement extraction over an article.
pub fn enrich(article: Article, extract: bool) -> Enriched {
    if !extract {
        let people = dedup(article.people.clone());
        return Enriched {
            article,
            people,
            statements: Vec::new(),
        };
    }
    let found = crate::extract::people::extract(&article.body);
    let statements = crate::extract::statements::extract(&article.body, &found);
    let mut people = article.people.clone();
    people.extend(found.names());
    Enriched {
        people: dedup(people),
        article,
        statements,
    }
}

fn dedup(names: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    names
        .into_iter()
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty() && seen.insert(n.clone()))
        .collect()
}

/// A `time::Date` as a tantivy date at midnight UTC.
pub fn to_datetime(date: time::Date) -> DateTime {
    DateTime::from_utc(date.midnight().assume_utc())
}

/// The article's own document.
/// Builds an article's document; `with_parts` fills the `parts` field.
pub fn article_doc(fields: &Fields, enriched: &Enriched, with_parts: bool) -> TantivyDocument {
    let a = &enriched.article;
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.doctype, doctype::ARTICLE);
    doc.add_text(fields.id, &a.id);
    doc.add_text(fields.path, &a.path);
    doc.add_text(fields.article_id, &a.id);
    add_shared(fields, &mut doc, a);
    add_text(fields, &mut doc, &a.headline, &a.body, with_parts);
    for name in &enriched.people {
        doc.add_text(fields.people, name);
        doc.add_text(fields.person, name);
    }
    if let Some(signature) = &a.signature {
        doc.add_text(fields.signature, signature);
    }
    if let Some(url) = &a.url {
        doc.add_text(fields.url, url);
    }
    doc
}

/// Headline and body, and their compound parts if asked for.
fn add_text(
    fields: &Fields,
    doc: &mut TantivyDocument,
    headline: &str,
    body: &str,
    with_parts: bool,
) {
    doc.add_text(fields.headline, headline);
    doc.add_text(fields.body, body);
    if with_parts {
        doc.add_text(fields.parts, headline);
        doc.add_text(fields.parts, body);
    }
}

/// Fields an article shares with its statements.
fn add_shared(fields: &Fields, doc: &mut TantivyDocument, a: &Article) {
    if let Some(date) = a.date {
        doc.add_date(fields.date, to_datetime(date));
    }
    if let Some(agency) = &a.agency {
        doc.add_text(fields.agency, agency);
    }
    if let Some(place) = &a.place {
        doc.add_text(fields.place, place);
    }
}

/// One document per statement, linked to the article.
pub fn statement_docs(
    fields: &Fields,
    enriched: &Enriched,
    with_parts: bool,
) -> Vec<TantivyDocument> {
    let a = &enriched.article;
    enriched
        .statements
        .iter()
        .enumerate()
        .map(|(n, statement)| {
            let mut doc = TantivyDocument::default();
            doc.add_text(fields.doctype, doctype::STATEMENT);
            doc.add_text(fields.id, format!("{}@{}", a.id, n + 1));
            doc.add_text(fields.path, &a.path);
            doc.add_text(fields.article_id, &a.id);
            add_shared(fields, &mut doc, a);
            add_text(fields, &mut doc, &a.headline, &statement.text, with_parts);
            if let Some(speaker) = &statement.speaker {
                doc.add_text(fields.people, speaker);
                doc.add_text(fields.person, speaker);
            }
            doc.add_text(fields.kind, kind_name(statement.kind));
            doc.add_u64(fields.span_start, statement.start as u64);
            doc.add_u64(fields.span_end, statement.end as u64);
            doc
        })
        .collect()
}

/// The manifest record of one source file.
pub fn source_doc(fields: &Fields, record: &SourceRecord) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.doctype, doctype::SOURCE);
    doc.add_text(fields.id, format!("source:{}", record.path));
    doc.add_text(fields.path, &record.path);
    doc.add_u64(fields.file_size, record.size);
    doc.add_i64(fields.file_mtime, record.mtime_ns);
    doc.add_text(fields.file_hash, &record.hash);
    doc
}

/// What the index remembers of a source file, to skip it when unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRecord {
    pub path: String,
    pub size: u64,
    pub mtime_ns: i64,
    pub hash: String,
}
