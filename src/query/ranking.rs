//! How hits are scored: BM25 over headline, body and compound parts, with
//! the weights and the length normalisation chosen by measurement on real
//! news (the known-item set of `tests/real_ranking.rs`, development part;
//! figures in BENCHMARKS.md).

use tantivy::query::Bm25StatisticsProvider;
use tantivy::schema::Field;
use tantivy::{Searcher, Term};

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
