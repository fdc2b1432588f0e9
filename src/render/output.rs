//! Writing hits: coloured on a terminal, plain with markers on a pipe, one
//! JSON object per line for scripts.

use super::snippet::Snippet;
use crate::query::Hit;
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
    /// Wraps `text` in an ANSI code when colouring.
    fn paint(&self, code: &str, text: &str) -> String {
        match self {
            Style::Color => format!("{code}{text}{RESET}"),
            _ => text.to_string(),
        }
    }
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
        out.push_str(before);
        out.push_str(open);
        out.push_str(word);
        out.push_str(close);
        last = end;
    }
    out.push_str(snippet.text.get(last..).unwrap_or(""));
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
    .map(|v| v.unwrap_or("–"))
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
            hit.people.join(", ")
        )?;
    }
    writeln!(out, "     {}", style.paint(PATH, &hit.path))?;
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
    .map(|v| v.unwrap_or("–"))
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
    writeln!(out, "{line}")
}
