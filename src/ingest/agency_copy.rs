//! Parser for agency copy as plain text, the format of the seed article:
//!
//! ```text
//!  date 2025-12-02 BRÜSSEL (dpa-AFX) - First paragraph …
//!
//! More paragraphs …
//!
//! A subheading
//!
//! Last sentence./aha/DP/mis
//! ```
//!
//! The parser is lenient: stray spaces, a date line of its own, an en dash
//! instead of a hyphen, a missing date or dateline all still give an
//! article; what could not be found is returned as a warning.

use super::article::{first_sentence, Article};
use time::{Date, Month};

/// Agencies recognised in a dateline. Others are accepted too when they
/// look like an agency (a short word in parentheses before the dash).
const KNOWN_AGENCIES: &[&str] = &[
    "dpa-AFX",
    "dpa",
    "Reuters",
    "AFP",
    "KNA",
    "epd",
    "AP",
    "APA",
    "sda",
    "Bloomberg",
];

/// The result of parsing one text article.
#[derive(Debug)]
pub struct Parsed {
    pub article: Article,
    /// What could not be recognised, e.g. "no date line".
    pub warnings: Vec<String>,
}

/// Parses `text` (the whole file) into an article with the given id/path.
pub fn parse(text: &str, id: &str) -> Parsed {
    let mut warnings = Vec::new();
    let rest = text.trim_start();
    let (date, rest) = match take_date_line(rest) {
        Some((date, rest)) => (Some(date), rest),
        None => {
            warnings.push("no `date YYYY-MM-DD` at the start: indexed without a date".to_string());
            (None, rest)
        }
    };
    let (place, agency, rest) = match take_dateline(rest) {
        Some((place, agency, rest)) => (place, Some(agency), rest),
        None => {
            warnings.push(
                "no dateline `PLACE (agency) - ` found: indexed without agency and place".into(),
            );
            (None, None, rest)
        }
    };
    let mut paragraphs = split_paragraphs(rest);
    let signature = paragraphs.last_mut().and_then(take_signature);
    let subheadings = find_subheadings(&paragraphs);
    let body = paragraphs.join("\n\n");
    if body.is_empty() {
        warnings.push("no body text after the dateline".to_string());
    }
    let article = Article {
        id: id.to_string(),
        path: id.to_string(),
        date,
        agency,
        place,
        headline: first_sentence(&body),
        subheadings,
        body,
        signature,
        ..Article::default()
    };
    Parsed { article, warnings }
}

/// `date 2025-12-02` (also `date: 2025-12-02`, `Date 02.12.2025`) at the
/// start; returns the date and the text after it.
fn take_date_line(text: &str) -> Option<(Date, &str)> {
    let after_keyword = strip_prefix_ignore_case(text, "date")?;
    let after_keyword = after_keyword.strip_prefix(':').unwrap_or(after_keyword);
    let value_start = after_keyword.trim_start();
    let value_end = value_start
        .find(|c: char| c.is_whitespace())
        .unwrap_or(value_start.len());
    let date = parse_date(&value_start[..value_end])?;
    Some((date, value_start[value_end..].trim_start()))
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// Parses `YYYY-MM-DD` or `DD.MM.YYYY`.
pub fn parse_date(value: &str) -> Option<Date> {
    let numbers = |parts: Vec<&str>| -> Option<Vec<u32>> {
        parts.iter().map(|p| p.parse::<u32>().ok()).collect()
    };
    let (year, month, day) = if value.len() == 10 && value.as_bytes()[4] == b'-' {
        let n = numbers(value.split('-').collect())?;
        (*n.first()?, *n.get(1)?, *n.get(2)?)
    } else if value.len() == 10 && value.as_bytes()[2] == b'.' {
        let n = numbers(value.split('.').collect())?;
        (*n.get(2)?, *n.get(1)?, *n.first()?)
    } else {
        return None;
    };
    let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
    Date::from_calendar_date(i32::try_from(year).ok()?, month, u8::try_from(day).ok()?).ok()
}

/// `BRÜSSEL (dpa-AFX) - ` at the start of `text`; returns place (if any),
/// agency and the text after the dash.
fn take_dateline(text: &str) -> Option<(Option<String>, String, &str)> {
    let first_line_end = text.find('\n').unwrap_or(text.len());
    let open = text[..first_line_end].find('(')?;
    let close = open + text[open..first_line_end].find(')')?;
    let place = text[..open].trim();
    let agency = text[open + 1..close].trim();
    let after = text[close + 1..].trim_start_matches([' ', '\t']);
    let after = after
        .strip_prefix('-')
        .or_else(|| after.strip_prefix('–'))
        .or_else(|| after.strip_prefix('—'))?;
    if !is_place(place) || !is_agency(agency) {
        return None;
    }
    let place = (!place.is_empty()).then(|| place.to_string());
    Some((place, agency.to_string(), after.trim_start()))
}

/// A dateline place is written in capitals: `BRÜSSEL`, `FRANKFURT/BERLIN`,
/// `NEW YORK`, `DEN HAAG`.
fn is_place(place: &str) -> bool {
    place.chars().count() <= 60
        && place
            .chars()
            .all(|c| c.is_uppercase() || c.is_whitespace() || matches!(c, '/' | '-' | '.' | '\''))
}

fn is_agency(agency: &str) -> bool {
    KNOWN_AGENCIES
        .iter()
        .any(|a| a.eq_ignore_ascii_case(agency))
        || (!agency.is_empty()
            && agency.len() <= 20
            && agency
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | '.')))
}

/// Paragraphs: separated by blank lines; whitespace inside a paragraph
/// (line breaks, doubled or stray spaces) is collapsed to single spaces.
fn split_paragraphs(text: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            push_paragraph(&mut paragraphs, &mut current);
            continue;
        }
        for word in line.split_whitespace() {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
    }
    push_paragraph(&mut paragraphs, &mut current);
    paragraphs
}

fn push_paragraph(paragraphs: &mut Vec<String>, current: &mut String) {
    if !current.is_empty() {
        paragraphs.push(std::mem::take(current));
    }
}

/// Removes an editor signature glued to the end of `paragraph`
/// (`… engagiere./aha/DP/mis`) and returns it. A signature is two to four
/// slash-led groups of letters, following punctuation or a space.
fn take_signature(paragraph: &mut String) -> Option<String> {
    let trimmed = paragraph.trim_end();
    let mut start = trimmed.len();
    let mut groups = 0;
    loop {
        let head = &trimmed[..start];
        let slash = head.rfind('/')?;
        let group = &head[slash + 1..];
        let group_ok = !group.is_empty()
            && group.len() <= 8
            && group.chars().all(|c| c.is_ascii_alphanumeric());
        if !group_ok {
            return None;
        }
        groups += 1;
        start = slash;
        let before = trimmed[..start].chars().next_back();
        let more_groups =
            before.is_some_and(|c| c.is_ascii_alphanumeric()) && trimmed[..start].contains('/');
        if more_groups && groups < 4 {
            continue;
        }
        let glued_after_text = before.is_none_or(|c| !c.is_alphanumeric() && c != '/');
        if groups >= 2 && glued_after_text {
            break;
        }
        return None;
    }
    let signature = trimmed[start..].to_string();
    paragraph.truncate(start);
    let kept = paragraph.trim_end().len();
    paragraph.truncate(kept);
    Some(signature)
}

/// Subheadings: short paragraphs after the first that do not end like a
/// sentence.
fn find_subheadings(paragraphs: &[String]) -> Vec<String> {
    paragraphs
        .iter()
        .skip(1)
        .filter(|p| is_subheading(p))
        .cloned()
        .collect()
}

fn is_subheading(paragraph: &str) -> bool {
    let ends_like_sentence = paragraph
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | ':' | '"' | '“' | '«' | '»' | ')'));
    paragraph.chars().count() <= 100 && !ends_like_sentence
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_dateline_and_signature() {
        let parsed = parse(
            " date 2025-12-02 BRÜSSEL (dpa-AFX) - Rutte spricht.\n\nZwischenzeile\n\nEnde gut./aha/DP/mis",
            "a.txt",
        );
        let a = parsed.article;
        assert!(parsed.warnings.is_empty());
        assert_eq!(
            a.date,
            Date::from_calendar_date(2025, Month::December, 2).ok()
        );
        assert_eq!(a.place.as_deref(), Some("BRÜSSEL"));
        assert_eq!(a.agency.as_deref(), Some("dpa-AFX"));
        assert_eq!(a.signature.as_deref(), Some("/aha/DP/mis"));
        assert_eq!(a.body, "Rutte spricht.\n\nZwischenzeile\n\nEnde gut.");
        assert_eq!(a.subheadings, ["Zwischenzeile"]);
        assert_eq!(a.headline, "Rutte spricht.");
    }

    #[test]
    fn accepts_en_dash_two_word_places_and_date_lines() {
        let a = parse("date: 2024-03-05\nNEW YORK (Reuters) – Text hier.", "b.txt").article;
        assert_eq!(a.place.as_deref(), Some("NEW YORK"));
        assert_eq!(a.agency.as_deref(), Some("Reuters"));
        assert_eq!(a.body, "Text hier.");
        assert_eq!(a.signature, None);
    }

    #[test]
    fn missing_fields_become_warnings() {
        let parsed = parse("Nur Text ohne Kopf. Und mehr.", "c.txt");
        assert_eq!(parsed.warnings.len(), 2);
        assert_eq!(parsed.article.body, "Nur Text ohne Kopf. Und mehr.");
    }

    #[test]
    fn urls_and_dates_at_the_end_are_not_signatures() {
        let mut p = "Mehr unter www.example.org/nachrichten/heute".to_string();
        assert_eq!(take_signature(&mut p), None);
        let mut p = "Kurs 1/2".to_string();
        assert_eq!(take_signature(&mut p), None);
        let mut p = "Ende. /jkr/DP/he".to_string();
        assert_eq!(take_signature(&mut p).as_deref(), Some("/jkr/DP/he"));
        assert_eq!(p, "Ende.");
    }
}
