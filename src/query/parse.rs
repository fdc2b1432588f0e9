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

/// Parses the query text: all terms must match unless `OR` says otherwise;
/// words without a field search headline and body, a headline match
/// counting a little more, and (unless `whole_words`) the parts of
/// compounds, counting less.
pub fn user_query(open: &OpenIndex, text: &str, whole_words: bool) -> Result<Box<dyn Query>> {
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
    let expanded = expand_days(text);
    parser
        .parse_query(&expanded)
        .map_err(|err| to_error(text, &expanded, err))
}

fn to_error(text: &str, expanded: &str, err: QueryParserError) -> Error {
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
            let position = syntax_position(expanded).filter(|_| expanded == text);
            syntax(text, position, other.to_string())
        }
    }
}

/// Where tantivy's grammar first fails, as a byte offset.
fn syntax_position(text: &str) -> Option<usize> {
    let (_, errors) = tantivy::query_grammar::parse_query_lenient(text);
    errors.first().map(|e| e.pos.min(text.len()))
}

fn syntax(text: &str, position: Option<usize>, message: String) -> Error {
    let marker = match position {
        Some(pos) => format!(
            "{}^",
            " ".repeat(text.get(..pos).map_or(0, |p| p.chars().count()))
        ),
        None => String::new(),
    };
    Error::QuerySyntax {
        query: text.to_string(),
        marker,
        message,
    }
}
