//! From what the user typed (query text + flags) to a tantivy query, and
//! running it: ranked hits with snippets.

mod dates;
pub mod facets;
pub mod forgiving;
pub(crate) mod parse;
pub mod people;
pub mod ranking;
pub mod show;
pub mod versions;

pub use dates::parse_user_date;

use crate::analysis;
use crate::error::Result;
use crate::index::schema::{doctype, Fields};
use crate::index::store::OpenIndex;
use crate::render::snippet::{self, Snippet};
use std::ops::Bound;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, Score, Searcher, SegmentReader, TantivyDocument, Term};
use time::Date;

/// How hits are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// BM25 score, equal scores newest first.
    #[default]
    Relevance,
    /// Newest first, equal dates by score.
    Date,
}

/// Which documents a search returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Target {
    #[default]
    Articles,
    Statements,
}

/// A search as the user asked for it.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// Query text in tantivy's syntax; dates may be written `YYYY-MM-DD`.
    pub query: String,
    pub agency: Option<String>,
    /// Person (articles) or speaker (statements): full name, surname or alias.
    pub person: Option<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub limit: usize,
    pub offset: usize,
    pub sort: Sort,
    pub target: Target,
    /// Match whole words only: `Hilfe` does not find `Militärhilfe`.
    pub whole_words: bool,
    /// Show one hit per story, its other versions listed with it
    /// ([`versions`]); paging counts stories.
    pub group_versions: bool,
    /// Give each hit a score breakdown ([`ranking::Explanation`]).
    pub explain: bool,
}

/// One hit, with what is shown of it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Hit {
    pub rank: usize,
    pub score: f32,
    pub id: String,
    pub path: String,
    pub date: Option<String>,
    pub agency: Option<String>,
    pub place: Option<String>,
    pub headline: String,
    pub people: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Statements only: `direct` or `reported`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Statements only: the speaker's canonical name, `null` if unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Option<String>>,
    /// Statements only: the article the statement is from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article_id: Option<String>,
    /// Statements only: byte range in the article body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<[u64; 2]>,
    pub snippet: Snippet,
    /// Articles grouped by story (see [`versions`]): the ids of the other
    /// versions of this story among the hits, best-ranked first. Absent
    /// with `--all-versions` and for statements.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub versions: Option<Vec<String>>,
    /// With `explain`: why the hit scored what it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<ranking::Explanation>,
}

/// The answer to a search.
#[derive(Debug, Clone)]
pub struct SearchResults {
    /// Number of matching documents (not just those shown).
    pub total: usize,
    pub hits: Vec<Hit>,
    /// Things the user should know about the query (words left out).
    pub notes: Vec<String>,
}

/// Runs a search on an opened index, as the user asked for it: an empty
/// query without any filter, and a query of stop words only, are refused
/// ([`forgiving::check`]); words left out are noted in the results.
pub fn search(open: &OpenIndex, request: &SearchRequest) -> Result<SearchResults> {
    let note = forgiving::check_request(request)?;
    let mut results = search_with(open, &open.searcher()?, request)?;
    results.notes.extend(note);
    Ok(results)
}

/// Runs a search with a searcher the caller keeps (for many queries in one
/// process, e.g. the benchmark). Runs the query as it is: no refusal of
/// empty or stop-word queries (see [`search`]).
pub fn search_with(
    open: &OpenIndex,
    searcher: &Searcher,
    request: &SearchRequest,
) -> Result<SearchResults> {
    let query = build_query(open, request)?;
    // A few more than shown, so that documents tied with the last shown one
    // are all there to be put in a stable order.
    let shown = request.limit.saturating_add(request.offset);
    let window = shown
        .saturating_add(TIE_SLACK)
        .saturating_add(if request.group_versions {
            shown.saturating_mul(VERSION_FACTOR).min(VERSION_SLACK_MAX)
        } else {
            0
        });
    let (total, mut top): (usize, Vec<(SortKey, DocAddress)>) = match request.sort {
        Sort::Relevance => {
            let collector = TopDocs::with_limit(window).tweak_score(by_score_then_date);
            let (total, top) = search_scored(open, searcher, &*query, &(Count, collector))?;
            let keyed = top
                .into_iter()
                .map(|((score, date), a)| {
                    (
                        SortKey {
                            primary: f64::from(score),
                            secondary: date as f64,
                            score,
                        },
                        a,
                    )
                })
                .collect();
            (total, keyed)
        }
        Sort::Date => {
            let collector = TopDocs::with_limit(window).tweak_score(by_date_then_score);
            let (total, top) = search_scored(open, searcher, &*query, &(Count, collector))?;
            let keyed = top
                .into_iter()
                .map(|((date, score), a)| {
                    (
                        SortKey {
                            primary: date as f64,
                            secondary: f64::from(score),
                            score,
                        },
                        a,
                    )
                })
                .collect();
            (total, keyed)
        }
    };
    top.truncate(window);
    let explain = explain_with(open, searcher, request)?;
    let mut explanations = std::collections::HashMap::new();
    let mut keyed_docs = top
        .into_iter()
        .map(|(key, address)| {
            let doc: TantivyDocument = searcher.doc(address)?;
            let id = stored_text(&doc, open.fields.id).unwrap_or_default();
            if let Some((statistics, user_query)) = &explain {
                let why = ranking::Explanation::new(statistics, &**user_query, address, key.score)?;
                explanations.insert(id.clone(), why);
            }
            Ok((key, id, doc))
        })
        .collect::<Result<Vec<_>>>()?;
    // Equal keys in document id order (`ID@2` before `ID@10`): the same
    // index always answers in the same order.
    keyed_docs.sort_by(|(a, id_a, _), (b, id_b, _)| {
        b.primary
            .total_cmp(&a.primary)
            .then(b.secondary.total_cmp(&a.secondary))
            .then_with(|| natural_id_order(id_a, id_b))
    });
    let groups: Vec<Vec<usize>> = if request.group_versions {
        let shingles: Vec<versions::Shingles> = keyed_docs
            .iter()
            .map(|(_, _, doc)| {
                let headline = stored_text(doc, open.fields.headline).unwrap_or_default();
                let body = stored_text(doc, open.fields.body).unwrap_or_default();
                versions::Shingles::of(&format!("{headline}\n{body}"))
            })
            .collect();
        versions::group(&shingles)
    } else {
        (0..keyed_docs.len()).map(|i| vec![i]).collect()
    };
    let snippets = snippet::Snippets::new(open, searcher, &*query, request.target)?;
    let mut hits = Vec::with_capacity(request.limit.min(groups.len()));
    for (i, group) in groups
        .iter()
        .skip(request.offset)
        .take(request.limit)
        .enumerate()
    {
        let (key, id, doc) = &keyed_docs[group[0]];
        let mut hit = load_hit(
            &open.fields,
            &snippets,
            request.offset + i + 1,
            key.score,
            doc,
        );
        hit.explain = explanations.remove(id);
        if request.group_versions {
            hit.versions = Some(
                group[1..]
                    .iter()
                    .map(|&m| keyed_docs[m].1.clone())
                    .collect(),
            );
        }
        hits.push(hit);
    }
    Ok(SearchResults {
        total,
        hits,
        notes: Vec::new(),
    })
}

fn stored_text(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

/// Runs `query` with archiv's BM25 statistics ([`ranking::Statistics`]).
fn search_scored<C: tantivy::collector::Collector>(
    open: &OpenIndex,
    searcher: &Searcher,
    query: &dyn Query,
    collector: &C,
) -> tantivy::Result<C::Fruit> {
    searcher.search_with_statistics_provider(query, collector, &statistics(open, searcher))
}

fn statistics<'a>(open: &OpenIndex, searcher: &'a Searcher) -> ranking::Statistics<'a> {
    ranking::Statistics {
        searcher,
        body: open.fields.body,
        parts: open.fields.parts,
    }
}

/// With `explain`: the statistics and the user's query (without the
/// filters) to explain each hit's score with.
fn explain_with<'a>(
    open: &OpenIndex,
    searcher: &'a Searcher,
    request: &SearchRequest,
) -> Result<Option<(ranking::Statistics<'a>, Box<dyn Query>)>> {
    let text = request.query.trim();
    if !request.explain || text.is_empty() {
        return Ok(None);
    }
    let user_query = parse::user_query(open, text, request.whole_words)?;
    Ok(Some((statistics(open, searcher), user_query)))
}

/// Hits fetched beyond the page, to order ties at its end.
const TIE_SLACK: usize = 10;
/// With story grouping, this many more hits per hit shown are fetched, so
/// a page is full after versions are folded in (at most
/// [`VERSION_SLACK_MAX`] more).
const VERSION_FACTOR: usize = 3;
const VERSION_SLACK_MAX: usize = 500;

/// What hits are ordered by: the sort's two keys, and the score to show.
#[derive(Debug, Clone, Copy)]
struct SortKey {
    primary: f64,
    secondary: f64,
    score: Score,
}

/// `a.txt@2` before `a.txt@10`: ids compared with their statement number
/// as a number.
fn natural_id_order(a: &str, b: &str) -> std::cmp::Ordering {
    let split = |id: &str| match id.rsplit_once('@') {
        Some((article, n)) => (article.to_string(), n.parse::<u64>().unwrap_or(0)),
        None => (id.to_string(), 0),
    };
    split(a).cmp(&split(b))
}

/// Seconds since the epoch of a document's date; undated documents last.
fn date_column(segment: &SegmentReader) -> impl Fn(tantivy::DocId) -> i64 {
    let column = segment.fast_fields().date("date").ok();
    move |doc| {
        column
            .as_ref()
            .and_then(|c| c.first(doc))
            .map_or(i64::MIN, |d| d.into_timestamp_secs())
    }
}

fn by_score_then_date(segment: &SegmentReader) -> impl Fn(tantivy::DocId, Score) -> (Score, i64) {
    let date = date_column(segment);
    move |doc, score| (score, date(doc))
}

fn by_date_then_score(segment: &SegmentReader) -> impl Fn(tantivy::DocId, Score) -> (i64, Score) {
    let date = date_column(segment);
    move |doc, score| (date(doc), score)
}

/// The user's query with the flags' filters and the document type.
pub(crate) fn build_query(open: &OpenIndex, request: &SearchRequest) -> Result<Box<dyn Query>> {
    let fields = &open.fields;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let text = request.query.trim();
    if !text.is_empty() {
        clauses.push((
            Occur::Must,
            parse::user_query(open, text, request.whole_words)?,
        ));
    }
    let kind = match request.target {
        Target::Articles => doctype::ARTICLE,
        Target::Statements => doctype::STATEMENT,
    };
    clauses.push((
        Occur::Must,
        term_query(Term::from_field_text(fields.doctype, kind)),
    ));
    if let Some(agency) = &request.agency {
        let value = analysis::terms(&mut analysis::keyword(), agency).join(" ");
        clauses.push((
            Occur::Must,
            term_query(Term::from_field_text(fields.agency, &value)),
        ));
    }
    if let Some(person) = &request.person {
        clauses.push((Occur::Must, person_query(fields, person)));
    }
    if request.from.is_some() || request.to.is_some() {
        clauses.push((Occur::Must, date_range(fields, request.from, request.to)));
    }
    if clauses.len() == 1 && text.is_empty() {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    Ok(Box::new(BooleanQuery::new(clauses)))
}

fn term_query(term: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(term, IndexRecordOption::Basic))
}

/// A person by any part of the canonical name: `Rutte`, `Mark Rutte`.
pub fn person_query(fields: &Fields, person: &str) -> Box<dyn Query> {
    let terms: Vec<Term> = analysis::terms(&mut analysis::name(), person)
        .iter()
        .map(|t| Term::from_field_text(fields.people, t))
        .collect();
    match terms.len() {
        0 => Box::new(BooleanQuery::new(Vec::new())),
        1 => term_query(terms[0].clone()),
        _ => Box::new(PhraseQuery::new(terms)),
    }
}

/// Dates from `from` to `to`, both days included.
fn date_range(fields: &Fields, from: Option<Date>, to: Option<Date>) -> Box<dyn Query> {
    let term = |d: Date| {
        Term::from_field_date_for_search(fields.date, crate::index::documents::to_datetime(d))
    };
    let lower = from.map_or(Bound::Unbounded, |d| Bound::Included(term(d)));
    let upper = to.map_or(Bound::Unbounded, |d| Bound::Included(term(d)));
    Box::new(RangeQuery::new(lower, upper))
}

fn load_hit(
    fields: &Fields,
    snippets: &snippet::Snippets,
    rank: usize,
    score: Score,
    doc: &TantivyDocument,
) -> Hit {
    let text = |field| stored_text(doc, field);
    let number = |field| doc.get_first(field).and_then(|v| v.as_u64());
    let date = doc
        .get_first(fields.date)
        .and_then(|v| v.as_datetime())
        .map(dates::format_day);
    let span = number(fields.span_start)
        .zip(number(fields.span_end))
        .map(|(a, b)| [a, b]);
    Hit {
        rank,
        score,
        id: text(fields.id).unwrap_or_default(),
        path: text(fields.path).unwrap_or_default(),
        date,
        agency: text(fields.agency),
        place: text(fields.place),
        headline: text(fields.headline).unwrap_or_default(),
        people: doc
            .get_all(fields.people)
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        signature: text(fields.signature),
        url: text(fields.url),
        kind: text(fields.kind),
        speaker: text(fields.kind).map(|_| text(fields.people)),
        article_id: span.and(text(fields.article_id)),
        span,
        snippet: snippets.for_doc(doc),
        versions: None,
        explain: None,
    }
}

/// The documents matching `query`, grouped by segment (doc ids in
/// segment order), for counting over fast fields.
fn docs_by_segment(
    searcher: &tantivy::Searcher,
    query: &dyn tantivy::query::Query,
) -> Result<std::collections::HashMap<u32, Vec<u32>>> {
    let docs = searcher.search(query, &tantivy::collector::DocSetCollector)?;
    let mut by_segment: std::collections::HashMap<u32, Vec<u32>> = Default::default();
    for address in docs {
        by_segment
            .entry(address.segment_ord)
            .or_default()
            .push(address.doc_id);
    }
    Ok(by_segment)
}
