//! The words the compound splitter knows: the compiled-in lexicon, and the
//! nouns learned from an archive at a full build and stored with the index
//! (`words.tsv` in the generation), so that every later run and every query
//! splits the same way.

use super::compound::{Lexicon, Splitter};
use crate::error::{Error, Result};
use rustc_hash::FxHashMap;
use std::path::Path;

/// The lexicon files under `schema/lexicon/`, compiled in: nouns, the
/// other words (modifiers, verb stems, words that must stay whole), and
/// names of places and people.
const NOUNS: &str = include_str!("../../schema/lexicon/nouns.txt");
const OTHERS: &str = include_str!("../../schema/lexicon/modifiers.txt");
const NAMES: &str = include_str!("../../schema/lexicon/names.txt");
const LEXICON_FILES: &[&str] = &[NOUNS, OTHERS, NAMES];

/// File of learned words in a generation folder.
pub const WORDS_FILE: &str = "words.tsv";
const WORDS_HEADER: &str = "# archiv learned words: folded word<TAB>occurrences";

/// A learned word occurs at least this often…
const MIN_OCCURRENCES: u32 = 3;
/// …and is written capitalised (a noun) at least this share of the time.
const MIN_CAPITALISED_SHARE: f64 = 0.8;
/// Shortest learned word, in letters.
const MIN_LEARNED_CHARS: usize = 4;

/// The words of a lexicon file, lowercase, as written.
fn lexicon_words(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// A short fingerprint of the lexicon: an index split with another lexicon
/// must be rebuilt.
pub fn lexicon_fingerprint() -> String {
    let mut hasher = blake3::Hasher::new();
    for file in LEXICON_FILES {
        hasher.update(file.as_bytes());
    }
    hasher.finalize().to_hex()[..8].to_string()
}

/// The splitter of an index that learned `learned`.
pub fn splitter<'a>(learned: impl IntoIterator<Item = &'a str>) -> Splitter {
    Splitter::new(Lexicon::new(
        lexicon_words(NOUNS),
        lexicon_words(OTHERS).chain(lexicon_words(NAMES)),
        learned,
    ))
}

/// Word counts over an archive's text.
#[derive(Debug, Default)]
pub struct WordCounts {
    /// Lowercased word → (occurrences, capitalised occurrences).
    counts: FxHashMap<String, (u32, u32)>,
}

impl WordCounts {
    /// Counts the words of `text`.
    pub fn add_text(&mut self, text: &str) {
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            if word.chars().count() < MIN_LEARNED_CHARS || !word.chars().all(char::is_alphabetic) {
                continue;
            }
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            let lowered;
            let key = if word.chars().any(char::is_uppercase) {
                lowered = word.to_lowercase();
                lowered.as_str()
            } else {
                word
            };
            if !self.counts.contains_key(key) {
                self.counts.insert(key.to_string(), (0, 0));
            }
            let Some(entry) = self.counts.get_mut(key) else {
                continue;
            };
            entry.0 += 1;
            entry.1 += u32::from(capitalised);
        }
    }

    /// Adds another count (from another thread).
    pub fn merge(&mut self, other: WordCounts) {
        for (word, (all, capitalised)) in other.counts {
            let entry = self.counts.entry(word).or_default();
            entry.0 += all;
            entry.1 += capitalised;
        }
    }

    /// The words worth knowing: frequent nouns, folded, most frequent first.
    pub fn learned(&self) -> Vec<(String, u32)> {
        let mut folded: FxHashMap<String, u32> = FxHashMap::default();
        for (word, &(all, capitalised)) in &self.counts {
            if all >= MIN_OCCURRENCES
                && f64::from(capitalised) >= MIN_CAPITALISED_SHARE * f64::from(all)
            {
                *folded.entry(super::fold(word)).or_default() += all;
            }
        }
        let mut words: Vec<(String, u32)> = folded.into_iter().collect();
        words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        words
    }
}

/// Writes the learned words into a generation folder.
pub fn save(generation: &Path, words: &[(String, u32)]) -> Result<()> {
    let mut text = String::with_capacity(words.len() * 12 + WORDS_HEADER.len() + 1);
    text.push_str(WORDS_HEADER);
    text.push('\n');
    for (word, count) in words {
        text.push_str(word);
        text.push('\t');
        text.push_str(&count.to_string());
        text.push('\n');
    }
    crate::index::store::write_atomically(&generation.join(WORDS_FILE), text.as_bytes())
}

/// Reads the learned words of a generation folder (none if it has no file).
pub fn load(generation: &Path) -> Result<Vec<String>> {
    let path = generation.join(WORDS_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(Error::io("cannot read", path, err)),
    };
    Ok(text
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split('\t').next())
        .filter(|word| !word.is_empty())
        .map(str::to_string)
        .collect())
}
