//! The one type every input format is parsed into.

use time::Date;

/// One news article, as parsed from its source file, before extraction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// Stable document id: the path relative to the archive root, plus
    /// `#LINE` for an article from a JSONL file. Re-indexing replaces by id.
    pub id: String,
    /// Path of the source file relative to the archive root.
    pub path: String,
    pub date: Option<Date>,
    /// Agency as written in the dateline or the JSON, e.g. `dpa-AFX`.
    pub agency: Option<String>,
    /// Dateline place as written, e.g. `BRÜSSEL`, `FRANKFURT/BERLIN`.
    pub place: Option<String>,
    /// Headline for display: the title where the input has one, else the
    /// first sentence of the body.
    pub headline: String,
    /// Subheadings (short lines standing alone between paragraphs); they
    /// stay in the body too.
    pub subheadings: Vec<String>,
    /// Body paragraphs joined by a blank line, signature removed.
    pub body: String,
    /// Editor signature such as `/aha/DP/mis`, removed from the body.
    pub signature: Option<String>,
    /// People named by the input itself (JSON `people`).
    pub people: Vec<String>,
    /// Source URL (JSON `url`).
    pub url: Option<String>,
}

/// The first sentence of `text`, for use as a headline; at most about
/// 200 characters.
pub fn first_sentence(text: &str) -> String {
    const MAX_CHARS: usize = 200;
    let mut end = text.len();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | '!' | '?') {
            if let Some(&(_, ' ')) = chars.peek() {
                let after = &text[i + 2.min(text.len() - i)..];
                let next_upper = after
                    .trim_start_matches(['"', '„', '»', '‚', '\''])
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_uppercase());
                if next_upper && !ends_with_abbreviation(&text[..i]) {
                    end = i + c.len_utf8();
                    break;
                }
            }
        }
        if c == '\n' {
            end = i;
            break;
        }
    }
    truncate_chars(text[..end].trim(), MAX_CHARS)
}

/// Abbreviations after which a period does not end a sentence.
fn ends_with_abbreviation(before: &str) -> bool {
    let last_word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    matches!(
        last_word,
        "Mio" | "Mrd" | "Dr" | "Prof" | "St" | "Nr" | "bzw" | "z.B" | "u.a" | "ca" | "etc" | "vgl"
    ) || last_word.chars().all(|c| c.is_ascii_digit()) && !last_word.is_empty()
}

/// `text` cut to at most `max` characters, with an ellipsis where cut.
pub fn truncate_chars(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_sentence_stops_at_sentence_end_not_abbreviations() {
        assert_eq!(
            first_sentence("Ein Paket (431 Mio. Euro) kommt. Danach mehr."),
            "Ein Paket (431 Mio. Euro) kommt."
        );
        assert_eq!(
            first_sentence("Am 3. Dezember tagt die Nato. Weiter"),
            "Am 3. Dezember tagt die Nato."
        );
    }
}
