//! Writing one whole article (`archiv show`): headline, date, agency,
//! place, people, the body with the query's words marked, its statements.

use super::output::{marked, Style, BOLD, DIM, PATH};
use crate::query::show::Article;
use std::io::{self, Write};

/// Writes the article for `style` (JSON: one object, one line).
pub fn write(out: &mut dyn Write, article: &Article, style: &Style) -> io::Result<()> {
    if *style == Style::Json {
        let line = serde_json::to_string(article).map_err(io::Error::other)?;
        return writeln!(out, "{line}");
    }
    let meta = [
        article.date.as_deref(),
        article.agency.as_deref(),
        article.place.as_deref(),
    ]
    .iter()
    .map(|v| v.unwrap_or("–"))
    .collect::<Vec<_>>()
    .join("  ");
    writeln!(out, "{}", style.paint(DIM, &meta))?;
    if article.headline_in_body {
        // The headline is the first sentence: shown once, in bold, where it
        // stands in the body.
        let cut = article.headline.len();
        let head: Vec<[usize; 2]> = article
            .body_highlights
            .iter()
            .filter(|r| r[1] <= cut)
            .copied()
            .collect();
        let rest: Vec<[usize; 2]> = article
            .body_highlights
            .iter()
            .filter(|r| r[0] >= cut)
            .map(|r| [r[0] - cut, r[1] - cut])
            .collect();
        let body_rest = article.body.get(cut..).unwrap_or("");
        writeln!(out)?;
        writeln!(
            out,
            "{}{}",
            marked(&article.headline, &head, style, BOLD),
            marked(body_rest, &rest, style, "")
        )?;
    } else {
        writeln!(
            out,
            "{}",
            marked(&article.headline, &article.headline_highlights, style, BOLD)
        )?;
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            marked(&article.body, &article.body_highlights, style, "")
        )?;
    }
    if let Some(signature) = &article.signature {
        writeln!(out, "{}", style.paint(DIM, signature))?;
    }
    writeln!(out)?;
    if !article.people.is_empty() {
        writeln!(
            out,
            "{}{}",
            style.paint(DIM, "people: "),
            article.people.join(", ")
        )?;
    }
    if let Some(url) = &article.url {
        writeln!(out, "{}{url}", style.paint(DIM, "url:    "))?;
    }
    writeln!(
        out,
        "{}{}",
        style.paint(DIM, "id:     "),
        style.paint(PATH, &article.id)
    )?;
    if !article.statements.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            style.paint(BOLD, &format!("statements ({})", article.statements.len()))
        )?;
        for statement in &article.statements {
            let speaker = statement.speaker.as_deref().unwrap_or("(unknown speaker)");
            writeln!(
                out,
                "  {} {}: {}",
                style.paint(DIM, &format!("{:<8}", statement.kind)),
                style.paint(BOLD, speaker),
                // Paragraph breaks as spaces: same byte length, so the
                // marks stay in place.
                marked(&statement.text, &statement.highlights, style, "").replace('\n', " ")
            )?;
        }
    }
    Ok(())
}
