//! Forgiving queries: pasted text searches as text, and a query that has
//! nothing searchable in it is refused with a reason.
//!
//! * A colon is query syntax only after a field name archiv knows
//!   (`headline:Gipfel`). Anywhere else it is part of the text and is
//!   escaped before tantivy's parser sees it: `2:1-Führung`,
//!   `Rutte: Frieden`, `Nato-Gipfel:Ergebnis`, a pasted URL. One exception
//!   keeps typos in field names visible: a lowercase ASCII name glued to a
//!   value (`ressort:politik`) is still read as a field, and refused as an
//!   unknown one.
//! * Half a quotation (an odd `"`) and a parenthesis without its partner
//!   are text too, so pasted copy does not fail on them.
//! * Words that the German analysis drops (stop words: `und`, `die`,
//!   `nicht` …) cannot be found. A query made only of them is refused and
//!   the words are named; a query with some of them says which were
//!   ignored.

use super::parse::USER_FIELDS;
use crate::analysis;
use crate::error::{Error, Result};
use tantivy::query_grammar::{UserInputAst, UserInputLeaf};
use tantivy::tokenizer::TextAnalyzer;

/// The query text with every character that is text, not syntax,
/// escaped (`\\:`, `\\"`, `\\(`), so tantivy reads it as part of a word.
pub fn as_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut last = 0;
    for at in text_syntax(text) {
        out.push_str(&text[last..at]);
        out.push('\\');
        last = at;
    }
    out.push_str(&text[last..]);
    out
}

/// The query text with every character that is text, not syntax,
/// replaced by `x`: byte offsets stay those of `text`, for pointing at a
/// syntax error that remains.
pub fn blank_text_syntax(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for at in text_syntax(text) {
        out.push_str(&text[last..at]);
        out.push('x');
        last = at + 1;
    }
    out.push_str(&text[last..]);
    out
}

/// Byte offsets of the characters in `text` that are text, not syntax:
/// colons that follow no field name, a `"` that no other closes, and
/// parentheses without their partner.
fn text_syntax(text: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let lone_quote = lone_quote(&chars);
    let mut found = Vec::new();
    let mut open_parens = Vec::new();
    let mut i = 0;
    let mut in_quotes = false;
    // Start of the current bare word (after whitespace, `(`, `+`, `-`).
    let mut word_start = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        i += 1;
        if c == '\\' {
            // An escape the user wrote: skip the escaped character.
            i += 1;
        } else if c == '"' && Some(at) == lone_quote {
            found.push(at);
        } else if c == '"' {
            in_quotes = !in_quotes;
            word_start = i;
        } else if in_quotes {
        } else if c == '(' {
            open_parens.push(at);
            word_start = i;
        } else if c == ')' {
            if open_parens.pop().is_none() {
                found.push(at);
            }
            word_start = i;
        } else if c.is_whitespace() || ((c == '+' || c == '-') && i - 1 == word_start) {
            word_start = i;
        } else if c == ':' {
            let name: String = chars[word_start..i - 1].iter().map(|&(_, ch)| ch).collect();
            let next = chars.get(i).map(|&(_, ch)| ch);
            if is_field_syntax(&name, next) {
                // A range after a field is skipped whole: its timestamps
                // have colons of their own.
                if let Some('[' | '{') = next {
                    i = chars[i..]
                        .iter()
                        .position(|&(_, ch)| ch == ']' || ch == '}')
                        .map_or(chars.len(), |p| i + p + 1);
                }
                word_start = i;
            } else {
                found.push(at);
            }
        }
    }
    found.extend(open_parens);
    found.sort_unstable();
    found
}

/// The last `"` when the unescaped quotes are odd in number: the one that
/// no other closes (half a quotation pasted).
fn lone_quote(chars: &[(usize, char)]) -> Option<usize> {
    let mut quotes = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i].1 {
            '\\' => i += 1,
            '"' => quotes.push(chars[i].0),
            _ => {}
        }
        i += 1;
    }
    (quotes.len() % 2 == 1)
        .then(|| quotes.last().copied())
        .flatten()
}

/// Whether `name:` (followed by `next`) is meant as a field.
fn is_field_syntax(name: &str, next: Option<char>) -> bool {
    if USER_FIELDS.contains(&name) {
        return true;
    }
    // `ressort:politik`: a lowercase name glued to a value looks like a
    // field; it is kept, so the unknown field is reported.
    let looks_like_a_field = !name.is_empty()
        && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
        && next.is_some_and(|n| n.is_alphanumeric() || n == '"' || n == '[' || n == '{');
    looks_like_a_field
}

/// At most `max_chars` characters of `text` around byte offset `at`, with
/// `…` where it was cut, and the column (in characters) of `at` in it.
pub fn excerpt(text: &str, at: usize, max_chars: usize) -> (String, usize) {
    let chars: Vec<char> = text.chars().collect();
    let at_char = text.get(..at).map_or(0, |p| p.chars().count());
    if chars.len() <= max_chars {
        return (text.to_string(), at_char);
    }
    let start = at_char.saturating_sub(max_chars / 2);
    let end = (start + max_chars).min(chars.len());
    let start = end.saturating_sub(max_chars);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    (out, at_char - start + usize::from(start > 0))
}

/// What the query's words give to search for.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Searchable {
    /// Words (or quoted phrases) that the analysis drops entirely.
    pub dropped: Vec<String>,
    /// Whether anything at all is left to match.
    pub anything: bool,
}

/// Which words of `text` (already through [`as_text`]) the German
/// analysis drops, and whether anything searchable is left.
pub fn searchable(text: &str) -> Searchable {
    let (ast, _) = tantivy::query_grammar::parse_query_lenient(text);
    let mut analyzer = analysis::german();
    let mut result = Searchable::default();
    visit(&ast, &mut analyzer, &mut result);
    result
}

fn visit(ast: &UserInputAst, analyzer: &mut TextAnalyzer, out: &mut Searchable) {
    match ast {
        UserInputAst::Clause(clauses) => {
            for (_, clause) in clauses {
                visit(clause, analyzer, out);
            }
        }
        UserInputAst::Boost(inner, _) => visit(inner, analyzer, out),
        UserInputAst::Leaf(leaf) => match leaf.as_ref() {
            UserInputLeaf::Literal(literal) => {
                let analysed = matches!(
                    literal.field_name.as_deref(),
                    None | Some("headline" | "body" | "parts")
                );
                if analysed
                    && !literal.prefix
                    && analysis::terms(analyzer, &literal.phrase).is_empty()
                {
                    // As the user wrote it, without the quotes and
                    // punctuation of pasted text.
                    let word = literal.phrase.trim_matches(|c: char| !c.is_alphanumeric());
                    if !word.is_empty() && !out.dropped.iter().any(|w| w == word) {
                        out.dropped.push(word.to_string());
                    }
                } else {
                    out.anything = true;
                }
            }
            _ => out.anything = true,
        },
    }
}

/// Refuses an empty query, and one whose words are all dropped by the
/// analysis; otherwise returns the note to show for dropped words, if any.
pub fn check(text: &str) -> Result<Option<String>> {
    if text.trim().is_empty() {
        return Err(Error::Usage(
            "the query is empty: give words to search for (`*` lists every article), or a filter such as --person".into(),
        ));
    }
    // tantivy's grammar recurses once per bracket: bound it before parsing.
    super::parse::check_nesting(text)?;
    let found = searchable(&as_text(text));
    let listed = list(&found.dropped);
    if !found.anything {
        return Err(Error::Usage(format!(
            "nothing to search for: {listed} {} not searchable (German stop words such as und, die, nicht are not indexed)",
            if found.dropped.len() == 1 { "is" } else { "are" }
        )));
    }
    Ok((!found.dropped.is_empty())
        .then(|| format!("not searchable, left out of the query (stop words): {listed}")))
}

/// [`check`] for a whole request: an empty query is fine where a filter
/// (person, agency, dates) says what to list.
pub fn check_request(request: &super::SearchRequest) -> Result<Option<String>> {
    let filtered = request.person.is_some()
        || request.agency.is_some()
        || request.from.is_some()
        || request.to.is_some();
    if filtered && request.query.trim().is_empty() {
        return Ok(None);
    }
    check(&request.query)
}

/// At most eight words, quoted.
fn list(words: &[String]) -> String {
    const SHOWN: usize = 8;
    let mut listed: Vec<String> = words.iter().take(SHOWN).map(|w| format!("`{w}`")).collect();
    if words.len() > SHOWN {
        listed.push(format!("and {} more", words.len() - SHOWN));
    }
    listed.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colons_that_follow_no_field_are_text() {
        assert_eq!(as_text("2:1-Führung"), "2\\:1-Führung");
        assert_eq!(as_text("Rutte: Frieden"), "Rutte\\: Frieden");
        assert_eq!(as_text("headline:Gipfel"), "headline:Gipfel");
        assert_eq!(as_text("-agency:dpa Nato"), "-agency:dpa Nato");
        assert_eq!(as_text("ressort:politik"), "ressort:politik");
        assert_eq!(as_text("\"Rutte: ja\" a:"), "\"Rutte: ja\" a\\:");
        assert_eq!(
            as_text("date:[2025-12-01T00:00:00Z TO 2025-12-02T00:00:00Z] 2:1"),
            "date:[2025-12-01T00:00:00Z TO 2025-12-02T00:00:00Z] 2\\:1"
        );
        assert_eq!(as_text("https://example.org/a"), "https\\://example.org/a");
    }

    #[test]
    fn lone_quotes_and_parentheses_are_text() {
        assert_eq!(as_text("sagte: \"Wir haben"), "sagte\\: \\\"Wir haben");
        assert_eq!(as_text("\"a b\" \"c"), "\"a b\" \\\"c");
        assert_eq!(as_text("(a OR b) c)"), "(a OR b) c\\)");
        assert_eq!(as_text("Ergebnis (vorläufig"), "Ergebnis \\(vorläufig");
        assert_eq!(blank_text_syntax("x (y: \"z"), "x xyx xz");
    }

    #[test]
    fn stop_words_are_named() {
        let found = searchable("und die");
        assert_eq!(found.dropped, ["und", "die"]);
        assert!(!found.anything);
        let found = searchable("Rutte und Frieden");
        assert_eq!(found.dropped, ["und"]);
        assert!(found.anything);
        assert!(searchable("*").anything);
        assert!(searchable("agency:dpa").anything);
    }
}
