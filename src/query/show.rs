//! `archiv show ID`: one article whole, with its people, its statements
//! and, given a query, the query's words marked in headline and body.

use super::{build_query, dates, SearchRequest, Target};
use crate::error::Result;
use crate::index::schema::{doctype, Fields};
use crate::index::store::OpenIndex;
use crate::render::snippet::Snippets;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Searcher, TantivyDocument, Term};

/// An article as `archiv show` gives it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Article {
    pub id: String,
    pub path: String,
    pub date: Option<String>,
    pub agency: Option<String>,
    pub place: Option<String>,
    pub headline: String,
    /// Whether the headline is the body's first sentence (agency copy
    /// without a title): then text output shows it once.
    pub headline_in_body: bool,
    pub body: String,
    pub people: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Byte ranges of the query's words in `headline` and `body`.
    pub headline_highlights: Vec<[usize; 2]>,
    pub body_highlights: Vec<[usize; 2]>,
    pub statements: Vec<Statement>,
}

/// One statement of the article.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Statement {
    pub kind: String,
    /// Canonical name; `null` where archiv does not know who spoke.
    pub speaker: Option<String>,
    pub text: String,
    /// Byte range in the article body.
    pub span: Option<[u64; 2]>,
    /// Byte ranges of the query's words in `text`.
    pub highlights: Vec<[usize; 2]>,
}

/// The article with id `id`, its words of `query` marked (no marks for an
/// empty query); `None` if the index has no article with that id.
pub fn article(open: &OpenIndex, id: &str, query: &str) -> Result<Option<Article>> {
    let searcher = open.searcher()?;
    let fields = &open.fields;
    let Some(doc) = by_id(&searcher, fields, id)? else {
        return Ok(None);
    };
    let text = |field| {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let headline = text(fields.headline).unwrap_or_default();
    let body = text(fields.body).unwrap_or_default();
    let mut statements = statements(&searcher, fields, id)?;
    let (headline_highlights, body_highlights) = if query.trim().is_empty() {
        (Vec::new(), Vec::new())
    } else {
        super::forgiving::check(query)?;
        let request = SearchRequest {
            query: query.to_string(),
            ..SearchRequest::default()
        };
        let parsed = build_query(open, &request)?;
        let snippets = Snippets::new(open, &searcher, &*parsed, Target::Articles)?;
        for statement in &mut statements {
            statement.highlights = snippets.mark_all(&statement.text);
        }
        (snippets.mark_all(&headline), snippets.mark_all(&body))
    };
    Ok(Some(Article {
        id: text(fields.id).unwrap_or_default(),
        path: text(fields.path).unwrap_or_default(),
        date: doc
            .get_first(fields.date)
            .and_then(|v| v.as_datetime())
            .map(dates::format_day),
        agency: text(fields.agency),
        place: text(fields.place),
        headline_in_body: !headline.is_empty() && body.starts_with(headline.as_str()),
        headline,
        body,
        people: doc
            .get_all(fields.people)
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        signature: text(fields.signature),
        url: text(fields.url),
        headline_highlights,
        body_highlights,
        statements,
    }))
}

fn must(term: Term) -> (Occur, Box<dyn Query>) {
    (
        Occur::Must,
        Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
    )
}

/// The stored article document with this id.
fn by_id(searcher: &Searcher, fields: &Fields, id: &str) -> Result<Option<TantivyDocument>> {
    let query = BooleanQuery::new(vec![
        must(Term::from_field_text(fields.id, id)),
        must(Term::from_field_text(fields.doctype, doctype::ARTICLE)),
    ]);
    let top = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
    match top.first() {
        Some((_, address)) => Ok(Some(searcher.doc(*address)?)),
        None => Ok(None),
    }
}

/// The article's statements, in the order they stand in the body.
fn statements(searcher: &Searcher, fields: &Fields, id: &str) -> Result<Vec<Statement>> {
    let query = BooleanQuery::new(vec![
        must(Term::from_field_text(fields.article_id, id)),
        must(Term::from_field_text(fields.doctype, doctype::STATEMENT)),
    ]);
    let top = searcher.search(&query, &TopDocs::with_limit(10_000).order_by_score())?;
    let mut found = Vec::with_capacity(top.len());
    for (_, address) in top {
        let doc: TantivyDocument = searcher.doc(address)?;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let number = |field| doc.get_first(field).and_then(|v| v.as_u64());
        found.push(Statement {
            kind: text(fields.kind).unwrap_or_default(),
            speaker: text(fields.people),
            text: text(fields.body).unwrap_or_default(),
            span: number(fields.span_start)
                .zip(number(fields.span_end))
                .map(|(a, b)| [a, b]),
            highlights: Vec::new(),
        });
    }
    found.sort_by_key(|s| s.span.map_or(u64::MAX, |[start, _]| start));
    Ok(found)
}
