//! Parser for articles as JSON: one object per `.json` file or per line of
//! a `.jsonl` file.

use super::agency_copy::parse_date;
use super::article::{first_sentence, Article};
use serde::Deserialize;

/// The JSON shape of an article. Unknown keys (and `id`: the document id
/// is the file path, so re-indexing replaces) are ignored.
#[derive(Debug, Deserialize)]
struct JsonArticle {
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    agency: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    people: Vec<String>,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    place: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// Parses one JSON object into an article with document id `id`, or says
/// why it cannot. Warnings (bad date, missing agency) come back with it.
pub fn parse_object(json: &str, id: &str, path: &str) -> Result<(Article, Vec<String>), String> {
    let raw: JsonArticle =
        serde_json::from_str(json).map_err(|e| format!("not a valid JSON article: {e}"))?;
    let body = raw
        .body
        .as_deref()
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .ok_or("the article has no `body`")?
        .to_string();
    let mut warnings = Vec::new();
    let date = match raw.date.as_deref() {
        Some(value) => {
            let date = parse_date(value.get(..10).unwrap_or(value));
            if date.is_none() {
                warnings.push(format!(
                    "date `{value}` is not YYYY-MM-DD: indexed without a date"
                ));
            }
            date
        }
        None => {
            warnings.push("no `date`: indexed without a date".into());
            None
        }
    };
    if raw.agency.is_none() {
        warnings.push("no `agency`: indexed without one".into());
    }
    let headline = match raw.title.as_deref().map(str::trim) {
        Some(title) if !title.is_empty() => title.to_string(),
        _ => first_sentence(&body),
    };
    let article = Article {
        id: id.to_string(),
        path: path.to_string(),
        date,
        agency: non_empty(raw.agency),
        place: non_empty(raw.place),
        headline,
        subheadings: Vec::new(),
        body,
        signature: None,
        people: raw.people,
        url: non_empty(raw.url),
    };
    Ok((article, warnings))
}

fn non_empty(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_known_keys_and_ignores_others() {
        let (a, warnings) = parse_object(
            r#"{"id":"x1","date":"2025-12-03","agency":"Reuters","title":"T","people":["Mark Rutte"],"body":"B.","extra":1}"#,
            "f.jsonl#1",
            "f.jsonl",
        )
        .expect("valid article");
        assert!(warnings.is_empty());
        assert_eq!(a.headline, "T");
        assert_eq!(a.people, ["Mark Rutte"]);
        assert_eq!(a.agency.as_deref(), Some("Reuters"));
    }

    #[test]
    fn refuses_articles_without_body() {
        assert!(parse_object(r#"{"title":"T"}"#, "a", "a").is_err());
        assert!(parse_object("{not json", "a", "a").is_err());
    }
}
