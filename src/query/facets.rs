//! `archiv count`: how many articles match, by month and by agency.

use super::{build_query, SearchRequest};
use crate::error::Result;
use crate::index::store::OpenIndex;
use std::collections::BTreeMap;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};

/// What to count by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum By {
    /// `YYYY-MM` of the article's date; undated articles under `undated`.
    Month,
    /// The agency as written in the articles (`dpa-AFX`).
    Agency,
}

impl By {
    pub fn name(self) -> &'static str {
        match self {
            By::Month => "month",
            By::Agency => "agency",
        }
    }
}

/// One count.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Facet {
    pub by: &'static str,
    pub value: String,
    pub articles: usize,
}

/// Value for articles without a date or an agency.
pub const NONE: &str = "(none)";

/// Counts the articles matching `request` by each of `by`: months in
/// calendar order, agencies most articles first (then by name).
/// Queries are checked as `archiv search` checks them
/// ([`super::forgiving::check_request`]).
pub fn count(open: &OpenIndex, request: &SearchRequest, by: &[By]) -> Result<Vec<Facet>> {
    super::forgiving::check_request(request)?;
    let query = build_query(open, request)?;
    let mut facets = Vec::new();
    for &b in by {
        match b {
            By::Month => facets.extend(by_month(open, &*query)?),
            By::Agency => facets.extend(by_agency(open, &*query)?),
        }
    }
    Ok(facets)
}

fn by_month(open: &OpenIndex, query: &dyn Query) -> Result<Vec<Facet>> {
    let searcher = open.searcher()?;
    let by_segment = super::docs_by_segment(&searcher, query)?;
    let mut months: BTreeMap<String, usize> = BTreeMap::new();
    for (segment_ord, doc_ids) in by_segment {
        let column = searcher
            .segment_reader(segment_ord)
            .fast_fields()
            .date("date")
            .ok();
        for doc in doc_ids {
            let month = column
                .as_ref()
                .and_then(|c| c.first(doc))
                .map(|d| {
                    let day = d.into_utc().date();
                    format!("{:04}-{:02}", day.year(), u8::from(day.month()))
                })
                .unwrap_or_else(|| NONE.to_string());
            *months.entry(month).or_default() += 1;
        }
    }
    Ok(months
        .into_iter()
        .map(|(value, articles)| Facet {
            by: By::Month.name(),
            value,
            articles,
        })
        .collect())
}

fn by_agency(open: &OpenIndex, query: &dyn Query) -> Result<Vec<Facet>> {
    let searcher = open.searcher()?;
    let field = open.fields.agency;
    let mut values: Vec<Vec<u8>> = Vec::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted
            .terms()
            .stream()
            .map_err(|e| crate::Error::Index(e.into()))?;
        while stream.advance() {
            values.push(stream.key().to_vec());
        }
    }
    values.sort();
    values.dedup();
    let total = searcher.search(query, &Count)?;
    let mut facets = Vec::new();
    let mut counted = 0;
    for value in values {
        let term = Term::from_field_text(field, &String::from_utf8_lossy(&value));
        let with_agency = BooleanQuery::new(vec![
            (Occur::Must, query.box_clone()),
            (
                Occur::Must,
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn Query>,
            ),
        ]);
        let (articles, first) = searcher.search(
            &with_agency,
            &(Count, TopDocs::with_limit(1).order_by_score()),
        )?;
        if articles == 0 {
            continue;
        }
        // The agency as the articles write it, not as the index folds it.
        let written = match first.first() {
            Some((_, address)) => {
                let doc: TantivyDocument = searcher.doc(*address)?;
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            }
            None => None,
        };
        counted += articles;
        facets.push(Facet {
            by: By::Agency.name(),
            value: written.unwrap_or_else(|| String::from_utf8_lossy(&value).into_owned()),
            articles,
        });
    }
    if total > counted {
        facets.push(Facet {
            by: By::Agency.name(),
            value: NONE.to_string(),
            articles: total - counted,
        });
    }
    facets.sort_by(|a, b| b.articles.cmp(&a.articles).then(a.value.cmp(&b.value)));
    Ok(facets)
}
