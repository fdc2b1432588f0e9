//! The real-text development sets of `tests/fixtures/real/` (see its
//! README): article numbers and byte offsets into the articles of
//! `../shared/corpora/10kgnad-test.csv`, whose text is read from there and
//! never kept in the project.

use std::path::PathBuf;

/// Where the real articles are.
pub fn csv_path() -> PathBuf {
    super::project().join("../shared/corpora/10kgnad-test.csv")
}

/// The articles by number, read as `annotate.py` reads them; `None` (with
/// a message) where the shared corpus is absent, so the caller can skip.
pub fn articles() -> Option<Vec<String>> {
    let path = csv_path();
    let Ok(csv) = std::fs::read_to_string(&path) else {
        eprintln!(
            "skipped: {} not found (the real-text sets need ../shared)",
            path.display()
        );
        return None;
    };
    let articles = csv
        .split('\n')
        .map(|line| match line.split_once(';') {
            Some((_, text)) => text.trim().trim_matches('\'').replace("''", "'"),
            None => String::new(),
        })
        .collect();
    Some(articles)
}

/// Development or held back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Split {
    Dev,
    Held,
}

impl Split {
    pub fn name(self) -> &'static str {
        match self {
            Split::Dev => "dev",
            Split::Held => "held back",
        }
    }
}

/// The rows of a TSV file of `tests/fixtures/real/`, split at tabs,
/// without `#` comments.
pub fn rows(file: &str) -> Vec<Vec<String>> {
    let path = super::fixture("real").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

/// The articles of one set (`extraction` or `ranking`) in sample order.
pub fn sample(set: &str) -> Vec<(usize, Split)> {
    rows("sample.tsv")
        .into_iter()
        .filter(|r| r[1] == set)
        .map(|r| {
            let split = if r[2] == "held" {
                Split::Held
            } else {
                Split::Dev
            };
            (number(&r[0]), split)
        })
        .collect()
}

pub fn number(field: &str) -> usize {
    field
        .parse()
        .unwrap_or_else(|_| panic!("not a number in an annotation: {field:?}"))
}

/// A name compared as a reader would: case, umlaut spelling, accents and
/// hyphens do not matter.
pub fn fold(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().to_lowercase().chars() {
        match c {
            'ä' | 'á' | 'à' | 'â' | 'ã' | 'å' => out.push('a'),
            'ö' | 'ó' | 'ò' | 'ô' | 'õ' | 'ø' => out.push('o'),
            'ü' | 'ú' | 'ù' | 'û' => out.push('u'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'í' | 'ì' | 'î' | 'ï' => out.push('i'),
            'ß' => out.push_str("ss"),
            'ç' | 'č' | 'ć' => out.push('c'),
            'š' | 'ś' => out.push('s'),
            'ž' | 'ź' | 'ż' => out.push('z'),
            'ñ' | 'ń' => out.push('n'),
            'ł' => out.push('l'),
            'ř' => out.push('r'),
            '-' | '\u{2010}' | '\u{2011}' => out.push(' '),
            c => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Precision, recall and their counts, printed as one line.
pub fn figure(label: &str, right: usize, found: usize, wanted: usize) -> (f64, f64) {
    let precision = right as f64 / found.max(1) as f64;
    let recall = right as f64 / wanted.max(1) as f64;
    eprintln!(
        "{label}: precision {precision:.3} ({right}/{found}), recall {recall:.3} ({right}/{wanted})"
    );
    (precision, recall)
}
