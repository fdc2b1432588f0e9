//! archiv: full-text search for German news archives.
//!
//! The modules follow the data: files are walked and parsed ([`ingest`]),
//! people and statements are extracted ([`extract`]), text is analysed for
//! German ([`analysis`]) and indexed ([`index`]); a query is parsed and run
//! ([`query`]) and the hits are rendered ([`render`]).

pub mod analysis;
pub mod error;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod query;
pub mod render;

pub use error::{Error, Result};
pub use index::writer::{IndexOptions, RunSummary};
pub use query::{Hit, SearchRequest, SearchResults, Sort, Target};

use std::path::{Path, PathBuf};

/// Where the index lives when neither `--index` nor `$ARCHIV_INDEX` say:
/// `$XDG_DATA_HOME/archiv/index`, else `~/.local/share/archiv/index`, else
/// `.archiv-index` in the current folder.
pub fn default_index_dir() -> PathBuf {
    let data_home = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|home| PathBuf::from(home).join(".local/share"))
        });
    match data_home {
        Some(dir) => dir.join("archiv").join("index"),
        None => PathBuf::from(".archiv-index"),
    }
}

/// Indexes an archive (see [`index::writer::run`]).
pub fn index(options: &IndexOptions, progress: &dyn index::writer::Progress) -> Result<RunSummary> {
    index::writer::run(options, progress)
}

/// Searches the index at `index_dir`.
pub fn search(index_dir: &Path, request: &SearchRequest) -> Result<SearchResults> {
    index::store::with_retries(|| {
        index::store::guard_damage(index_dir, || {
            let open = index::store::open_for_search(index_dir)?;
            query::search(&open, request)
        })
    })
}

/// Counts the people named in the articles of the index at `index_dir`.
pub fn people(
    index_dir: &Path,
    filters: &SearchRequest,
    prefix: Option<&str>,
    top: usize,
) -> Result<Vec<query::people::PersonCount>> {
    index::store::with_retries(|| {
        index::store::guard_damage(index_dir, || {
            let open = index::store::open_for_search(index_dir)?;
            query::people::count(&open, filters, prefix, top)
        })
    })
}

/// The article with id `id` in the index at `index_dir`, the words of
/// `query` marked (see [`query::show`]); `None` if there is none.
pub fn show(index_dir: &Path, id: &str, query: &str) -> Result<Option<query::show::Article>> {
    index::store::with_retries(|| {
        let open = index::store::open_for_search(index_dir)?;
        query::show::article(&open, id, query)
    })
}

/// Counts the articles matching `request` by month and/or agency.
pub fn count(
    index_dir: &Path,
    request: &SearchRequest,
    by: &[query::facets::By],
) -> Result<Vec<query::facets::Facet>> {
    index::store::with_retries(|| {
        let open = index::store::open_for_search(index_dir)?;
        query::facets::count(&open, request, by)
    })
}

/// The version line: the program's version and the index format it reads
/// and writes (an index of another format is refused and rebuilt).
pub fn version_text() -> String {
    let schema = index::schema::version().map_or_else(|_| "?".to_string(), |v| v.to_string());
    format!(
        "{} (index format: schema {schema}, analysis {})",
        env!("CARGO_PKG_VERSION"),
        analysis::settings()
    )
}

/// How a word splits into compound parts (`None`: it stays whole).
#[derive(Debug, Clone, serde::Serialize)]
pub struct WordSplit {
    pub word: String,
    pub parts: Option<Vec<String>>,
}

/// Splits `words` as the index at `index_dir` does, or with the lexicon
/// alone where there is no index; also says which it was.
pub fn split_words(index_dir: &Path, words: &[String]) -> Result<(Vec<WordSplit>, String)> {
    let opened = index::store::guard_damage(index_dir, || index::store::open_for_search(index_dir));
    let (splitter, source) = match opened {
        Ok(open) => (
            open.splitter.clone(),
            format!("split as the index at {} does", index_dir.display()),
        ),
        Err(Error::NoIndex { .. }) => (
            analysis::vocabulary::splitter([]),
            format!(
                "no index at {}: split with the lexicon alone",
                index_dir.display()
            ),
        ),
        Err(err) => return Err(err),
    };
    let splits = words
        .iter()
        .map(|word| WordSplit {
            word: word.clone(),
            parts: split_hyphenated(&splitter, word),
        })
        .collect();
    Ok((splits, source))
}

/// Splits at hyphens and the like first, as the analyzer does, then each
/// piece into its compound parts: `Nato-Außenministertreffen` → `nato`,
/// `außen`, `minister`, `treffen`.
fn split_hyphenated(splitter: &analysis::Splitter, word: &str) -> Option<Vec<String>> {
    let lower = word.to_lowercase();
    let pieces: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
        .collect();
    let mut parts = Vec::new();
    let mut split_any = pieces.len() > 1;
    for piece in pieces {
        match splitter.split(piece) {
            Some(piece_parts) => {
                parts.extend(piece_parts);
                split_any = true;
            }
            None => parts.push(piece.to_string()),
        }
    }
    split_any.then_some(parts)
}
