//! Snippets: the best passage of a hit's text with the matching words
//! marked, inflected forms included (the snippet re-analyses the text with
//! the body's German analysis, so `Angriff` marks `Angriffe`), and whole
//! compounds where a part matched (`Hilfe` marks `Militärhilfe`).

use crate::analysis;
use crate::index::store::OpenIndex;
use crate::ingest::article::truncate_chars;
use crate::query::parse::PART_BOOST;
use crate::query::Target;
use std::collections::BTreeMap;
use tantivy::query::Query;
use tantivy::schema::{Field, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use tantivy::{Score, Searcher, TantivyDocument};

/// Characters of an article passage.
const ARTICLE_SNIPPET_CHARS: usize = 240;
/// Statements are shown whole, up to this many characters.
const STATEMENT_SNIPPET_CHARS: usize = 2000;

/// A passage and the byte ranges of its highlighted words.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges into `text`, sorted, not overlapping.
    pub highlights: Vec<[usize; 2]>,
}

/// Makes snippets for the hits of one query.
pub struct Snippets {
    generator: SnippetGenerator,
    /// The terms to mark, as the highlighting analyzer writes them.
    terms: BTreeMap<String, Score>,
    analyzer: TextAnalyzer,
    field: Field,
    max_chars: usize,
}

impl Snippets {
    pub fn new(
        open: &OpenIndex,
        searcher: &Searcher,
        query: &dyn Query,
        target: Target,
    ) -> tantivy::Result<Snippets> {
        let max_chars = match target {
            Target::Articles => ARTICLE_SNIPPET_CHARS,
            Target::Statements => STATEMENT_SNIPPET_CHARS,
        };
        let field = open.fields.body;
        // The body is re-analysed into words and their parts, so a term
        // matched in `body` or in `parts` marks the word it came from.
        let mut terms: BTreeMap<String, Score> = BTreeMap::new();
        let mut failure = None;
        query.query_terms(&mut |term, _| {
            if term.field() != field && term.field() != open.fields.parts {
                return;
            }
            let value = term.value();
            let Some(text) = value.as_str() else {
                return;
            };
            match searcher.doc_freq(term) {
                Ok(0) => {}
                Ok(freq) => {
                    let weight = 1.0 / (1.0 + freq as Score);
                    if term.field() == field {
                        terms.insert(text.to_string(), weight);
                    } else {
                        // A part match marks the compound, and counts less
                        // when the passage is chosen.
                        let marked = format!("{}{text}", analysis::parts::PART_MARK);
                        terms.insert(marked, weight * PART_BOOST);
                    }
                }
                Err(err) => failure = Some(err),
            }
        });
        if let Some(err) = failure {
            return Err(err);
        }
        let analyzer = searcher
            .index()
            .tokenizers()
            .get(analysis::MARKS)
            .ok_or_else(|| tantivy::TantivyError::InvalidArgument("no de_marks analyzer".into()))?;
        let generator = SnippetGenerator::new(terms.clone(), analyzer.clone(), field, max_chars);
        Ok(Snippets {
            generator,
            terms,
            analyzer,
            field,
            max_chars,
        })
    }

    /// The snippet of one stored document; its opening where no word of the
    /// query is in it.
    pub fn for_doc(&self, doc: &TantivyDocument) -> Snippet {
        let text = doc
            .get_first(self.field)
            .and_then(|v| v.as_str())
            .unwrap_or("");
        let found = self.generator.snippet(text);
        if found.highlighted().is_empty() {
            return Snippet {
                text: truncate_chars(&one_line(text), self.max_chars),
                highlights: Vec::new(),
            };
        }
        let fragment = found.fragment();
        let (text, shift) = trim_with_shift(fragment);
        let highlights = found
            .highlighted()
            .iter()
            .map(|r| [r.start - shift, r.end - shift])
            .collect();
        // Paragraph breaks inside a passage become spaces (same byte length,
        // so the ranges stay valid).
        Snippet {
            text: text.replace('\n', " "),
            highlights,
        }
    }
}

impl Snippets {
    /// Byte ranges of every word of `text` that the query matches (a
    /// compound whole where a part matched), sorted, not overlapping: for
    /// showing a whole article with the query's words marked.
    pub fn mark_all(&self, text: &str) -> Vec<[usize; 2]> {
        let mut analyzer = self.analyzer.clone();
        let mut stream = analyzer.token_stream(text);
        let mut ranges: Vec<[usize; 2]> = Vec::new();
        while let Some(token) = stream.next() {
            if !self.terms.contains_key(&token.text) {
                continue;
            }
            let range = [token.offset_from, token.offset_to];
            match ranges.last_mut() {
                Some(last) if range[0] < last[1] => last[1] = last[1].max(range[1]),
                _ => ranges.push(range),
            }
        }
        ranges
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` trimmed, and how many bytes were cut from its start.
fn trim_with_shift(text: &str) -> (&str, usize) {
    let start_trimmed = text.trim_start();
    let shift = text.len() - start_trimmed.len();
    (start_trimmed.trim_end(), shift)
}
