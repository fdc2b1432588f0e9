//! Writing hits: coloured on a terminal, plain with markers on a pipe, one
//! JSON object per line for scripts.

use super::snippet::Snippet;
use crate::query::Hit;
use std::borrow::Cow;
use std::io::{self, Write};

pub(crate) const BOLD: &str = "\x1b[1m";
const MATCH: &str = "\x1b[1;31m";
pub(crate) const DIM: &str = "\x1b[2m";
pub(crate) const PATH: &str = "\x1b[35m";
const RESET: &str = "\x1b[0m";

/// How hits are written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Style {
    /// ANSI colour and bold.
    Color,
    /// Plain text; highlighted words between the two markers.
    Plain { open: String, close: String },
    /// One JSON object per hit.
    Json,
}

impl Style {
    /// Wraps `text` (escaped) in an ANSI code when colouring.
    pub fn paint(&self, code: &str, text: &str) -> String {
        let text = escape_controls(text);
        match self {
            Style::Color => format!("{code}{text}{RESET}"),
            _ => text.into_owned(),
        }
    }
}

/// Whether `c` must not reach a terminal as it is: control characters
/// (escape sequences start with one) other than tab, and the bidirectional
/// overrides that make text show other than it reads.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\t') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every character that could drive a terminal shown escaped:
/// `\x1b`, `\x07`, `\u{9b}`, `\u{202e}`. Article text is shown this way
/// in text output, so an article cannot set the window title, clear the
/// screen or write to the clipboard.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !is_unsafe(c) {
            out.push(c);
        } else if u32::from(c) < 0x80 {
            out.push_str(&format!("\\x{:02x}", u32::from(c)));
        } else {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        }
    }
    Cow::Owned(out)
}

/// A JSON line with DEL and the C1 controls escaped too (`\u009b`): JSON
/// allows them raw, terminals read some as escape sequences.
pub fn escape_json_line(line: String) -> String {
    if !line.chars().any(|c| ('\u{7f}'..='\u{9f}').contains(&c)) {
        return line;
    }
    let mut out = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        if ('\u{7f}'..='\u{9f}').contains(&c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// The snippet with its highlighted words marked for `style`.
pub fn highlight(snippet: &Snippet, style: &Style) -> String {
    let (open, close) = match style {
        Style::Color => (MATCH, RESET),
        Style::Plain { open, close } => (open.as_str(), close.as_str()),
        Style::Json => ("", ""),
    };
    let mut out = String::with_capacity(snippet.text.len() + 16);
    let mut last = 0;
    for &[start, end] in &snippet.highlights {
        let (Some(before), Some(word)) =
            (snippet.text.get(last..start), snippet.text.get(start..end))
        else {
            continue;
        };
        out.push_str(&escape_controls(before));
        out.push_str(open);
        out.push_str(&escape_controls(word));
        out.push_str(close);
        last = end;
    }
    out.push_str(&escape_controls(snippet.text.get(last..).unwrap_or("")));
    out
}

/// `text` with the byte ranges `marks` highlighted for `style`, the rest
/// painted with `code` (empty: unpainted).
pub fn marked(text: &str, marks: &[[usize; 2]], style: &Style, code: &str) -> String {
    let (open, close) = match style {
        Style::Color => (MATCH, RESET),
        Style::Plain { open, close } => (open.as_str(), close.as_str()),
        Style::Json => ("", ""),
    };
    let paint = |part: &str| {
        if code.is_empty() || part.is_empty() {
            part.to_string()
        } else {
            style.paint(code, part)
        }
    };
    let mut out = String::with_capacity(text.len() + 16);
    let mut last = 0;
    for &[start, end] in marks {
        let (Some(before), Some(word)) = (text.get(last..start), text.get(start..end)) else {
            continue;
        };
        out.push_str(&paint(before));
        out.push_str(open);
        out.push_str(word);
        out.push_str(close);
        last = end;
    }
    out.push_str(&paint(text.get(last..).unwrap_or("")));
    out
}

/// The headline and the snippet as shown: where the snippet starts with
/// the headline (agency copy whose headline is its first sentence), the
/// headline is shown once, with its marks, and the snippet goes on after it.
fn headline_and_snippet(hit: &Hit, style: &Style) -> (String, Option<String>) {
    let snippet = &hit.snippet;
    let cut = hit.headline.len();
    if cut > 0 && snippet.text.starts_with(hit.headline.as_str()) {
        let in_headline: Vec<[usize; 2]> = snippet
            .highlights
            .iter()
            .filter(|r| r[1] <= cut)
            .copied()
            .collect();
        let rest = snippet.text.get(cut..).unwrap_or("");
        let trimmed = rest.trim_start();
        let shift = cut + rest.len() - trimmed.len();
        let in_rest: Vec<[usize; 2]> = snippet
            .highlights
            .iter()
            .filter(|r| r[0] >= shift)
            .map(|r| [r[0] - shift, r[1] - shift])
            .collect();
        let headline = marked(&hit.headline, &in_headline, style, BOLD);
        let rest = (!trimmed.is_empty()).then(|| marked(trimmed, &in_rest, style, ""));
        return (headline, rest);
    }
    (
        style.paint(BOLD, &hit.headline),
        Some(highlight(snippet, style)),
    )
}

/// Writes one article hit.
pub fn write_article(out: &mut dyn Write, hit: &Hit, style: &Style) -> io::Result<()> {
    if *style == Style::Json {
        return write_json(out, hit);
    }
    let meta = [
        hit.date.as_deref(),
        hit.agency.as_deref(),
        hit.place.as_deref(),
    ]
    .iter()
    .map(|v| escape_controls(v.unwrap_or("–")))
    .collect::<Vec<_>>()
    .join("  ");
    writeln!(
        out,
        "{:>3}. {}  {}",
        hit.rank,
        style.paint(DIM, &format!("{:6.2}", hit.score)),
        meta
    )?;
    let (headline, snippet) = headline_and_snippet(hit, style);
    writeln!(out, "     {headline}")?;
    if let Some(snippet) = snippet {
        writeln!(out, "     {snippet}")?;
    }
    if !hit.people.is_empty() {
        writeln!(
            out,
            "     {}{}",
            style.paint(DIM, "people: "),
            escape_controls(&hit.people.join(", "))
        )?;
    }
    // The id, so that `archiv show ID` opens the article.
    writeln!(out, "     {}", style.paint(PATH, &hit.id))?;
    if let Some(versions) = hit.versions.as_ref().filter(|v| !v.is_empty()) {
        let n = versions.len();
        writeln!(
            out,
            "     {}",
            style.paint(
                DIM,
                &format!(
                    "{n} more {} of this story (--all-versions): {}",
                    if n == 1 { "version" } else { "versions" },
                    versions.join(", ")
                )
            )
        )?;
    }
    if let Some(why) = &hit.explain {
        writeln!(out, "     {}{why}", style.paint(DIM, "why: "))?;
    }
    writeln!(out)
}

/// Writes one statement hit.
pub fn write_statement(out: &mut dyn Write, hit: &Hit, style: &Style) -> io::Result<()> {
    if *style == Style::Json {
        return write_json(out, hit);
    }
    let speaker = hit
        .people
        .first()
        .map_or("(unknown speaker)", String::as_str);
    let meta = [
        hit.date.as_deref(),
        hit.agency.as_deref(),
        hit.place.as_deref(),
        hit.kind.as_deref(),
    ]
    .iter()
    .map(|v| escape_controls(v.unwrap_or("–")))
    .collect::<Vec<_>>()
    .join("  ");
    writeln!(
        out,
        "{:>3}. {}  {}",
        hit.rank,
        meta,
        style.paint(BOLD, speaker)
    )?;
    writeln!(out, "     {}", highlight(&hit.snippet, style))?;
    let article = hit.article_id.as_deref().unwrap_or(&hit.path);
    writeln!(out, "     {}", style.paint(PATH, article))?;
    writeln!(out)
}

/// The CSV columns of `archiv search --format csv`.
pub const ARTICLE_CSV_HEADER: &[&str] = &[
    "rank", "score", "id", "date", "agency", "place", "headline", "people", "snippet", "versions",
];

/// The CSV columns of `archiv statements --format csv`.
pub const STATEMENT_CSV_HEADER: &[&str] = &[
    "rank",
    "date",
    "agency",
    "place",
    "kind",
    "speaker",
    "text",
    "article_id",
];

/// One article hit as a CSV record (lists joined with `; `).
pub fn article_record(hit: &Hit) -> Vec<String> {
    vec![
        hit.rank.to_string(),
        format!("{:.3}", hit.score),
        hit.id.clone(),
        hit.date.clone().unwrap_or_default(),
        hit.agency.clone().unwrap_or_default(),
        hit.place.clone().unwrap_or_default(),
        hit.headline.clone(),
        hit.people.join("; "),
        hit.snippet.text.clone(),
        hit.versions.as_deref().unwrap_or_default().join("; "),
    ]
}

/// One statement hit as a CSV record.
pub fn statement_record(hit: &Hit) -> Vec<String> {
    vec![
        hit.rank.to_string(),
        hit.date.clone().unwrap_or_default(),
        hit.agency.clone().unwrap_or_default(),
        hit.place.clone().unwrap_or_default(),
        hit.kind.clone().unwrap_or_default(),
        hit.people.first().cloned().unwrap_or_default(),
        hit.snippet.text.clone(),
        hit.article_id.clone().unwrap_or_default(),
    ]
}

fn write_json(out: &mut dyn Write, hit: &Hit) -> io::Result<()> {
    let line = serde_json::to_string(hit).map_err(io::Error::other)?;
    writeln!(out, "{}", escape_json_line(line))
}
