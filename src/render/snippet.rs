//! Snippets: the best passage of a hit's text with the matching words
//! marked, inflected forms included (the snippet re-analyses the text with
//! the body's German analyzer, so `Angriff` marks `Angriffe`).

use crate::ingest::article::truncate_chars;
use crate::query::Target;
use tantivy::query::Query;
use tantivy::schema::{Field, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Searcher, TantivyDocument};

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
    field: Field,
    max_chars: usize,
}

impl Snippets {
    pub fn new(
        searcher: &Searcher,
        query: &dyn Query,
        field: Field,
        target: Target,
    ) -> tantivy::Result<Snippets> {
        let max_chars = match target {
            Target::Articles => ARTICLE_SNIPPET_CHARS,
            Target::Statements => STATEMENT_SNIPPET_CHARS,
        };
        let mut generator = SnippetGenerator::create(searcher, query, field)?;
        generator.set_max_num_chars(max_chars);
        Ok(Snippets {
            generator,
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

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` trimmed, and how many bytes were cut from its start.
fn trim_with_shift(text: &str) -> (&str, usize) {
    let start_trimmed = text.trim_start();
    let shift = text.len() - start_trimmed.len();
    (start_trimmed.trim_end(), shift)
}
