//! The user's query text through tantivy's query parser, with archiv's
//! defaults and errors that point at the problem.

use super::dates::expand_days;
use crate::error::{Error, Result};
use crate::index::store::OpenIndex;
use tantivy::query::{Query, QueryParser, QueryParserError};

/// Fields a user may name in a query, with what they hold (for errors).
pub const USER_FIELDS: &[&str] = &[
    "body", "headline", "parts", "people", "agency", "place", "date",
];

/// Weight of a match on a compound's part, against 1 for the whole word:
/// `Hilfe` ranks articles saying `Hilfe` above those saying only
/// `Militärhilfe`.
pub const PART_BOOST: f32 = 0.4;

/// Deepest nesting of brackets a query may have: tantivy's parser recurses
/// once per level, and thousands of levels overflow the stack.
pub const MAX_NESTING: usize = 32;

/// Parses the query text: all terms must match unless `OR` says otherwise;
/// words without a field search headline and body, a headline match
/// counting a little more, and (unless `whole_words`) the parts of
/// compounds, counting less.
pub fn user_query(open: &OpenIndex, text: &str, whole_words: bool) -> Result<Box<dyn Query>> {
    check_nesting(text)?;
    let fields = &open.fields;
    let mut default_fields = vec![fields.headline, fields.body];
    let with_parts = open.meta.decompound && !whole_words;
    if with_parts {
        default_fields.push(fields.parts);
    }
    let mut parser = QueryParser::new(
        open.index.schema(),
        default_fields,
        crate::analysis::query_tokenizers(),
    );
    parser.set_conjunction_by_default();
    parser.set_field_boost(fields.headline, super::ranking::HEADLINE_BOOST);
    parser.set_field_boost(fields.parts, PART_BOOST);
    let expanded = expand_days(&super::forgiving::as_text(text));
    parser
        .parse_query(&expanded)
        .map_err(|err| to_error(text, err))
}

fn to_error(text: &str, err: QueryParserError) -> Error {
    match err {
        QueryParserError::FieldDoesNotExist(field) => Error::UnknownField {
            field,
            known: USER_FIELDS.join(", "),
        },
        QueryParserError::AllButQueryForbidden => syntax(
            text,
            None,
            "a query cannot only exclude words: add a word to search for".into(),
        ),
        QueryParserError::DateFormatError(_) => syntax(
            text,
            text.find("date:"),
            "dates are written YYYY-MM-DD, ranges as date:[2025-12-01 TO 2025-12-31]".into(),
        ),
        other => {
            // Positions are found on the text as typed, its text colons
            // replaced one byte for one (tantivy's message would quote the
            // whole query).
            let shadow = super::forgiving::blank_text_syntax(text);
            let lenient = (expand_days(&shadow) == shadow)
                .then(|| first_syntax_error(&shadow))
                .flatten();
            match lenient {
                Some((position, message)) => syntax(text, Some(position), message),
                None => syntax(text, None, short_message(&other)),
            }
        }
    }
}

/// Refuses brackets nested deeper than [`MAX_NESTING`] (outside quotes),
/// pointing at the first bracket too many.
pub(crate) fn check_nesting(text: &str) -> Result<()> {
    let mut depth = 0usize;
    let mut quoted = false;
    for (i, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '(' | '[' | '{' if !quoted => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(syntax(
                        text,
                        Some(i),
                        format!("brackets nested too deeply (at most {MAX_NESTING} levels)"),
                    ));
                }
            }
            ')' | ']' | '}' if !quoted => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Where tantivy's grammar first fails, as a byte offset, and why.
fn first_syntax_error(text: &str) -> Option<(usize, String)> {
    let (_, errors) = tantivy::query_grammar::parse_query_lenient(text);
    errors
        .into_iter()
        .next()
        .map(|e| (e.pos.min(text.len()), e.message))
}

/// tantivy's message without the query it quotes.
fn short_message(err: &QueryParserError) -> String {
    match err {
        QueryParserError::SyntaxError(_) => "the query cannot be read".into(),
        other => {
            let text = other.to_string();
            super::forgiving::excerpt(&text, 0, EXCERPT_CHARS).0
        }
    }
}

/// Characters of the query an error quotes, around the wrong part.
const EXCERPT_CHARS: usize = 60;

fn syntax(text: &str, position: Option<usize>, message: String) -> Error {
    let (query, marker) = match position {
        Some(pos) => {
            let (excerpt, column) = super::forgiving::excerpt(text, pos, EXCERPT_CHARS);
            (excerpt, format!("{}^", " ".repeat(column)))
        }
        None => (
            super::forgiving::excerpt(text, 0, EXCERPT_CHARS).0,
            String::new(),
        ),
    };
    Error::QuerySyntax {
        query,
        marker,
        message,
    }
}
