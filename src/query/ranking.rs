//! How hits are scored: BM25 over headline, body and compound parts, with
//! the weights and the length normalisation chosen by measurement on real
//! news (the known-item set of `tests/real_ranking.rs`, development part;
//! figures in BENCHMARKS.md).

use tantivy::query::{Bm25StatisticsProvider, BooleanQuery, EnableScoring, Query};
use tantivy::schema::Field;
use tantivy::{DocAddress, Score, Searcher, Term};

/// Weight of a headline match, on top of the body match (1). Where the
/// input has no title the headline is the body's first sentence, so its
/// words already count in the body; at 1.5 (the weight before measuring)
/// an article whose lead merely mentions a query word outranked the one
/// the query was about (known-item dev MRR@10 0.985 → 0.997 at 0.1; the
/// first two words of each query alone: 0.799 → 0.915). A little weight is
/// kept for titles that are not in the body (JSON input).
pub const HEADLINE_BOOST: f32 = 0.1;

/// Average field lengths are taken this many times longer than they are.
/// tantivy's BM25 has k1 = 1.2 and b = 0.75 built in; a longer average
/// length gives the effect of k1 = 0.75, b = 0.6 (closer to Xapian's
/// k1 = 1, b = 0.5): long articles are penalised less, and a repeated word
/// saturates sooner (dev queries cut to their first two words: MRR@10
/// 0.915 → 0.923; three words: 0.967 → 0.971; whole queries unchanged).
pub const LENGTH_SCALE: u64 = 2;

/// BM25 statistics for archiv's queries: a term of the `parts` field counts
/// every document that has the word whole or as a part (alone, the `parts`
/// field makes a part rare, and a rare term weighs much:
/// `Friedensgespräche` would outweigh `Frieden` itself; with these counts
/// a part match weighs what the word weighs, times the part boost), and
/// the average field lengths are scaled by [`LENGTH_SCALE`].
pub struct Statistics<'a> {
    pub searcher: &'a Searcher,
    pub body: Field,
    pub parts: Field,
}

impl Bm25StatisticsProvider for Statistics<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        Ok(self
            .searcher
            .total_num_tokens(field)?
            .saturating_mul(LENGTH_SCALE))
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        self.searcher.total_num_docs()
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        let freq = self.searcher.doc_freq(term)?;
        if term.field() != self.parts {
            return Ok(freq);
        }
        let value = term.value();
        let Some(text) = value.as_str() else {
            return Ok(freq);
        };
        let as_word = self
            .searcher
            .doc_freq(&Term::from_field_text(self.body, text))?;
        Ok((freq + as_word).min(self.total_num_docs()?))
    }
}

/// Why a hit scored what it did: the score of each query word (a clause
/// of the user's query), split by field, and what the filters add.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Explanation {
    pub words: Vec<WordScore>,
    /// The rest of the score: the document-type and flag filters.
    pub filters: Score,
}

/// One query word's share of a hit's score.
#[derive(Debug, Clone, serde::Serialize)]
pub struct WordScore {
    /// The word's terms as searched (analysed: folded and stemmed).
    pub word: String,
    pub score: Score,
    /// The fields it matched in, with their share (boost included).
    pub fields: Vec<FieldScore>,
}

/// A query word's score in one field.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FieldScore {
    pub field: String,
    pub score: Score,
    /// Occurrences of the term in the field (single terms only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tf: Option<u32>,
    /// Documents with the term (single terms; for `parts`, as counted by
    /// [`Statistics`]: whole word or part).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub df: Option<u64>,
}

impl Explanation {
    /// Explains the score `total` of the document at `address` for the
    /// user's query `user_query`.
    pub fn new(
        statistics: &Statistics<'_>,
        user_query: &dyn Query,
        address: DocAddress,
        total: Score,
    ) -> tantivy::Result<Explanation> {
        let searcher = statistics.searcher;
        let reader = searcher.segment_reader(address.segment_ord);
        let scoring = EnableScoring::enabled_from_statistics_provider(statistics, searcher);
        let score_of = |query: &dyn Query| -> tantivy::Result<Option<tantivy::query::Explanation>> {
            // A query that does not match the document is explained as an error.
            Ok(query.weight(scoring)?.explain(reader, address.doc_id).ok())
        };
        let words: Vec<&dyn Query> = match user_query.downcast_ref::<BooleanQuery>() {
            Some(boolean) => boolean.clauses().iter().map(|(_, q)| q.as_ref()).collect(),
            None => vec![user_query],
        };
        let mut explained = Vec::new();
        for word in words {
            let Some(word_score) = score_of(word)? else {
                continue;
            };
            let parts: Vec<&dyn Query> = match word.downcast_ref::<BooleanQuery>() {
                Some(boolean) => boolean.clauses().iter().map(|(_, q)| q.as_ref()).collect(),
                None => vec![word],
            };
            let mut fields = Vec::new();
            for part in parts {
                let Some(part_score) = score_of(part)? else {
                    continue;
                };
                let details = serde_json::to_value(&part_score).unwrap_or_default();
                let terms = terms_of(part);
                let field = terms
                    .first()
                    .map(|t| searcher.schema().get_field_name(t.field()).to_string())
                    .unwrap_or_default();
                let single = terms.len() == 1;
                fields.push(FieldScore {
                    field,
                    score: part_score.value(),
                    tf: single
                        .then(|| detail(&details, "freq,"))
                        .flatten()
                        .map(|v| v as u32),
                    df: match terms.first() {
                        Some(term) if single => Some(statistics.doc_freq(term)?),
                        _ => None,
                    },
                });
            }
            let label = terms_of(word)
                .iter()
                .filter_map(|t| t.value().as_str().map(str::to_string))
                .fold(Vec::<String>::new(), |mut seen, t| {
                    if !seen.contains(&t) {
                        seen.push(t);
                    }
                    seen
                })
                .join(" ");
            // tantivy's parser may give a word one clause per field: one
            // entry per word all the same.
            match explained
                .iter_mut()
                .find(|w: &&mut WordScore| w.word == label)
            {
                Some(same) => {
                    same.score += word_score.value();
                    same.fields.extend(fields);
                }
                None => explained.push(WordScore {
                    word: label,
                    score: word_score.value(),
                    fields,
                }),
            }
        }
        for word in &mut explained {
            word.fields.sort_by(|a, b| b.score.total_cmp(&a.score));
        }
        let words_total: Score = explained.iter().map(|w| w.score).sum();
        Ok(Explanation {
            words: explained,
            filters: total - words_total,
        })
    }
}

/// The terms a query searches, in order.
fn terms_of(query: &dyn Query) -> Vec<Term> {
    let mut terms = Vec::new();
    query.query_terms(&mut |term, _| terms.push(term.clone()));
    terms
}

/// The value of the first node of tantivy's explanation tree whose
/// description starts with `prefix`.
fn detail(node: &serde_json::Value, prefix: &str) -> Option<f64> {
    if node["description"]
        .as_str()
        .is_some_and(|d| d.starts_with(prefix))
    {
        return node["value"].as_f64();
    }
    node["details"]
        .as_array()?
        .iter()
        .find_map(|child| detail(child, prefix))
}

impl std::fmt::Display for Explanation {
    /// `kandidatur 5.10 = body 4.80 (tf 2, df 31) + headline 0.30; …`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, word) in self.words.iter().enumerate() {
            if i > 0 {
                write!(f, "; ")?;
            }
            write!(f, "{} {:.2} =", word.word, word.score)?;
            for (j, field) in word.fields.iter().enumerate() {
                let plus = if j > 0 { " +" } else { "" };
                write!(f, "{plus} {} {:.2}", field.field, field.score)?;
                if let (Some(tf), Some(df)) = (field.tf, field.df) {
                    write!(f, " (tf {tf}, df {df})")?;
                }
            }
        }
        if self.filters.abs() >= 0.005 {
            write!(f, "; filters {:.2}", self.filters)?;
        }
        Ok(())
    }
}
