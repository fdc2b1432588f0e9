//! Writing hits: coloured on a terminal, plain with markers on a pipe, one
//! JSON object per line for scripts.

use super::snippet::Snippet;
use crate::query::Hit;
use std::borrow::Cow;
use std::io::{self, Write};

const BOLD: &str = "\x1b[1m";
const MATCH: &str = "\x1b[1;31m";
const DIM: &str = "\x1b[2m";
const PATH: &str = "\x1b[35m";
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
    fn paint(&self, code: &str, text: &str) -> String {
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
    writeln!(out, "     {}", style.paint(BOLD, &hit.headline))?;
    writeln!(out, "     {}", highlight(&hit.snippet, style))?;
    if !hit.people.is_empty() {
        writeln!(
            out,
            "     {}{}",
            style.paint(DIM, "people: "),
            escape_controls(&hit.people.join(", "))
        )?;
    }
    writeln!(out, "     {}", style.paint(PATH, &hit.path))?;
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
    writeln!(out, "     {}", style.paint(PATH, &hit.path))?;
    writeln!(out)
}

fn write_json(out: &mut dyn Write, hit: &Hit) -> io::Result<()> {
    let line = serde_json::to_string(hit).map_err(io::Error::other)?;
    writeln!(out, "{}", escape_json_line(line))
}
