//! Dates as users write them (`2025-12-01`) and as tantivy wants them.

use crate::error::{Error, Result};
use crate::ingest::agency_copy::parse_date;
use tantivy::DateTime;
use time::Date;

/// Parses a `--from`/`--to` value: `YYYY-MM-DD` (or `DD.MM.YYYY`).
pub fn parse_user_date(value: &str) -> Result<Date> {
    parse_date(value.trim()).ok_or_else(|| {
        Error::Usage(format!(
            "`{value}` is not a date: write it as YYYY-MM-DD, e.g. 2025-12-01"
        ))
    })
}

/// A stored date as `YYYY-MM-DD`.
pub fn format_day(date: DateTime) -> String {
    let d = date.into_utc().date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// Rewrites bare days in `date:` clauses (`date:2025-12-01`,
/// `date:[2025-12-01 TO 2025-12-31]`) to the RFC 3339 timestamps tantivy's
/// query parser wants (`2025-12-01T00:00:00Z`). Everything else is left as
/// typed.
pub fn expand_days(query: &str) -> String {
    let mut out = String::with_capacity(query.len() + 32);
    let mut rest = query;
    while let Some(at) = find_date_clause(rest) {
        let clause_start = at + "date:".len();
        out.push_str(&rest[..clause_start]);
        let clause = &rest[clause_start..];
        let clause_len = match clause.as_bytes().first() {
            Some(b'[' | b'{') => clause.find([']', '}']).map_or(clause.len(), |e| e + 1),
            _ => clause.find(char::is_whitespace).unwrap_or(clause.len()),
        };
        let value = &clause[..clause_len];
        if value.len() == 10 && is_day(value.as_bytes()) {
            // One day: a range from that day to itself (a bare timestamp
            // would need quoting in the query grammar).
            out.push_str(&format!("[{value}T00:00:00Z TO {value}T00:00:00Z]"));
        } else {
            out.push_str(&expand_in_clause(value));
        }
        rest = &clause[clause_len..];
    }
    out.push_str(rest);
    out
}

/// Byte offset of the next `date:` that starts a field clause.
fn find_date_clause(text: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find("date:") {
        let at = from + found;
        let starts_word = at == 0 || matches!(lower.as_bytes()[at - 1], b' ' | b'(' | b'+' | b'-');
        if starts_word {
            return Some(at);
        }
        from = at + 5;
    }
    None
}

/// Appends `T00:00:00Z` to every `YYYY-MM-DD` in a date clause.
fn expand_in_clause(clause: &str) -> String {
    let bytes = clause.as_bytes();
    let mut out = String::with_capacity(clause.len() + 24);
    let mut last = 0;
    let mut i = 0;
    while i + 10 <= bytes.len() {
        if is_day(&bytes[i..i + 10]) && bytes.get(i + 10) != Some(&b'T') {
            out.push_str(&clause[last..i + 10]);
            out.push_str("T00:00:00Z");
            last = i + 10;
            i += 10;
        } else {
            i += 1;
        }
    }
    out.push_str(&clause[last..]);
    out
}

fn is_day(candidate: &[u8]) -> bool {
    candidate.iter().enumerate().all(|(k, b)| {
        if k == 4 || k == 7 {
            *b == b'-'
        } else {
            b.is_ascii_digit()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::expand_days;

    #[test]
    fn expands_days_only_in_date_clauses() {
        assert_eq!(
            expand_days("nato date:[2025-12-01 TO 2025-12-31]"),
            "nato date:[2025-12-01T00:00:00Z TO 2025-12-31T00:00:00Z]"
        );
        assert_eq!(
            expand_days("2025-12-01 date:2025-12-02"),
            "2025-12-01 date:[2025-12-02T00:00:00Z TO 2025-12-02T00:00:00Z]"
        );
        assert_eq!(expand_days("Gipfel"), "Gipfel");
    }
}
