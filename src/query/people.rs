//! `archiv people`: the persons named in the articles, with how many
//! articles name each.

use super::{build_query, SearchRequest};
use crate::analysis::fold;
use crate::error::Result;
use crate::index::store::OpenIndex;
use std::collections::HashMap;

/// One person and the number of articles naming them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PersonCount {
    pub name: String,
    pub articles: usize,
}

/// Counts the people of the articles matching `filters` (query text is
/// ignored; agency and dates apply), keeps those whose name or any part of
/// it starts with `prefix`, most frequent first, then by name.
pub fn count(
    open: &OpenIndex,
    filters: &SearchRequest,
    prefix: Option<&str>,
    top: usize,
) -> Result<Vec<PersonCount>> {
    let query = build_query(open, filters)?;
    let searcher = open.searcher()?;
    let by_segment = super::docs_by_segment(&searcher, &query)?;
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (segment_ord, doc_ids) in by_segment {
        let segment = searcher.segment_reader(segment_ord);
        let Some(column) = segment.fast_fields().str("person")? else {
            continue;
        };
        let mut per_ord: HashMap<u64, usize> = HashMap::new();
        for doc in doc_ids {
            for ord in column.term_ords(doc) {
                *per_ord.entry(ord).or_default() += 1;
            }
        }
        let terms = crate::index::manifest::column_terms(&column)?;
        for (ord, n) in per_ord {
            if let Some(name) = terms.get(ord as usize) {
                *counts.entry(name.clone()).or_default() += n;
            }
        }
    }
    let wanted = prefix.map(|p| fold(&p.to_lowercase()));
    let mut people: Vec<PersonCount> = counts
        .into_iter()
        .filter(|(name, _)| wanted.as_deref().is_none_or(|p| name_matches(name, p)))
        .map(|(name, articles)| PersonCount { name, articles })
        .collect();
    people.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.name.cmp(&b.name))
    });
    people.truncate(top);
    Ok(people)
}

/// Whether the whole name or one of its words starts with the folded prefix.
fn name_matches(name: &str, folded_prefix: &str) -> bool {
    let folded = fold(&name.to_lowercase());
    folded.starts_with(folded_prefix)
        || folded
            .split([' ', '-'])
            .any(|part| part.starts_with(folded_prefix))
}
