//! Splitting German compounds into their parts: `Militärhilfe` →
//! `militär` + `hilfe`, `Unterstützungszusagen` → `unterstützung` +
//! `zusagen`, `Nato-Außenministertreffen` → … `außen` + `minister` +
//! `treffen`.
//!
//! The method is dictionary-based in the spirit of Koehn & Knight (2003):
//! a word is split where every part is a known word. Known words are the
//! compiled-in lexicon (`schema/lexicon/*.txt`, written for this project)
//! and the nouns an archive uses often enough, learned at a full build
//! ([`super::vocabulary`]) and stored with the index, so that a query is
//! split exactly as the documents were. Rules against nonsense splits:
//!
//! * every part has at least [`MIN_PART_CHARS`] letters (`Bundes·tag`,
//!   `Sicherheits·rat` stay whole);
//! * a lexicon word is never split (`Verbraucher` is not `Verb·raucher`),
//!   and no split may cut through a lexicon word inside a compound
//!   (`Wirtschaftskrise` is `Wirtschaft·s·krise`, never `Wirt·schaft·…`);
//! * a word with two readings whose cuts cross (`Stau·becken` /
//!   `Staub·ecken`) stays whole;
//! * otherwise the finest split wins (`Landes·haupt·stadt`).
//!
//! Non-final parts are given in dictionary form (linking element removed,
//! elided `e` restored: `Schul·buch` → `schule`); the last part as written.
//! Everything is compared in folded form ([`super::fold`]), so `Aussen`
//! and `Außen` meet.

use super::fold::{fold, fold_with_offsets};
use rustc_hash::FxHashSet;
use std::sync::Arc;

/// Shortest part, in letters.
pub const MIN_PART_CHARS: usize = 4;
/// Shortest word that is tried: two shortest parts.
const MIN_WORD_CHARS: usize = 2 * MIN_PART_CHARS;
/// Linking elements (Fugenelemente), longest first so that the shortest
/// dictionary form wins (`Glaubens` → `glaube` + `ns`).
const LINKS: &[&str] = &["ens", "es", "en", "er", "ns", "s", "n", "e"];
/// Segmentations looked at per word; real compounds have a handful.
const MAX_SEGMENTATIONS: usize = 64;

/// The words a [`Splitter`] knows, in folded form.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Possible parts: lexicon words and learned archive words.
    words: FxHashSet<String>,
    /// Stems of `words`: a last part may be any inflected form.
    word_stems: FxHashSet<String>,
    /// Lexicon words: never split, never cut through.
    whole: FxHashSet<String>,
    /// Stems of `whole`.
    whole_stems: FxHashSet<String>,
}

impl Lexicon {
    /// A lexicon of `whole` words (never split) and `learned` words (parts
    /// only). Both are folded here.
    pub fn new<'w, 'l>(
        whole: impl IntoIterator<Item = &'w str>,
        learned: impl IntoIterator<Item = &'l str>,
    ) -> Lexicon {
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::German);
        let mut lexicon = Lexicon::default();
        for word in whole {
            let folded = fold(&word.to_lowercase());
            lexicon
                .whole_stems
                .insert(stemmer.stem(&folded).into_owned());
            lexicon.whole.insert(folded);
        }
        for word in learned {
            lexicon.words.insert(fold(&word.to_lowercase()));
        }
        lexicon.words.extend(lexicon.whole.iter().cloned());
        lexicon.word_stems = lexicon
            .words
            .iter()
            .map(|w| stemmer.stem(w).into_owned())
            .collect();
        lexicon
    }

    /// Number of known words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Splits compounds with a [`Lexicon`]; cheap to clone and share.
#[derive(Clone)]
pub struct Splitter {
    lexicon: Arc<Lexicon>,
    stemmer: Arc<rust_stemmers::Stemmer>,
}

impl std::fmt::Debug for Splitter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Splitter({} words)", self.lexicon.len())
    }
}

/// One part of a segmentation, as byte ranges into the folded word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    start: usize,
    /// End of the part itself (before its linking element).
    core_end: usize,
    /// The dictionary form is the core plus an elided `e` (`schul` → `schule`).
    add_e: bool,
}

impl Splitter {
    pub fn new(lexicon: Lexicon) -> Splitter {
        Splitter {
            lexicon: Arc::new(lexicon),
            stemmer: Arc::new(rust_stemmers::Stemmer::create(
                rust_stemmers::Algorithm::German,
            )),
        }
    }

    /// The parts of a lowercased word (folded, non-final parts in
    /// dictionary form), or `None` where it stays whole.
    pub fn split(&self, word: &str) -> Option<Vec<String>> {
        let (written, pieces) = self.pieces(word)?;
        Some(dictionary_forms(word, &written, &pieces))
    }

    /// What a search should find a compound by: its parts, and every run of
    /// neighbouring parts short of the whole word, as written
    /// (`außenministertreffen` → `aussen`, `minister`, `treffen`,
    /// `aussenminister`, `ministertreffen`).
    pub fn search_parts(&self, word: &str) -> Option<Vec<String>> {
        let (written, pieces) = self.pieces(word)?;
        let mut parts = dictionary_forms(word, &written, &pieces);
        for a in 0..pieces.len() {
            for b in a + 1..pieces.len() {
                if a == 0 && b == pieces.len() - 1 {
                    continue;
                }
                parts.push(word[written[pieces[a].start]..written[pieces[b].core_end]].to_string());
            }
        }
        Some(parts)
    }

    /// The best segmentation of the folded word, and where each byte of the
    /// folded word is in `word` as written.
    fn pieces(&self, word: &str) -> Option<(Vec<usize>, Vec<Piece>)> {
        if word.chars().count() < MIN_WORD_CHARS || !word.chars().all(char::is_alphabetic) {
            return None;
        }
        let (folded, written) = fold_with_offsets(word);
        if self.is_whole(&folded, true) {
            return None;
        }
        let pieces = self.best_segmentation(&folded)?;
        Some((written, pieces))
    }

    /// Whether `folded` is a lexicon word (as a last part: in any form).
    fn is_whole(&self, folded: &str, last: bool) -> bool {
        self.lexicon.whole.contains(folded)
            || (last
                && self
                    .lexicon
                    .whole_stems
                    .contains(self.stem(folded).as_str()))
    }

    fn stem(&self, folded: &str) -> String {
        self.stemmer.stem(folded).into_owned()
    }

    /// The finest segmentation that cuts through no lexicon word, or `None`
    /// where there is none or two readings cross.
    fn best_segmentation(&self, folded: &str) -> Option<Vec<Piece>> {
        let bounds: Vec<usize> = folded
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(folded.len()))
            .collect();
        let mut found = Vec::new();
        self.segment(folded, &bounds, 0, &mut Vec::new(), &mut found);
        found.retain(|pieces: &Vec<Piece>| !self.cuts_through_whole_word(folded, pieces));
        let cuts: Vec<Vec<usize>> = found
            .iter()
            .map(|pieces| pieces.iter().map(|p| p.start).skip(1).collect())
            .collect();
        for (i, a) in cuts.iter().enumerate() {
            for b in &cuts[i + 1..] {
                if !is_subset(a, b) && !is_subset(b, a) {
                    return None;
                }
            }
        }
        found.into_iter().max_by_key(Vec::len)
    }

    /// Collects every segmentation of `folded[bounds[from]..]` into known
    /// parts, `so_far` being the parts before.
    fn segment(
        &self,
        folded: &str,
        bounds: &[usize],
        from: usize,
        so_far: &mut Vec<Piece>,
        found: &mut Vec<Vec<Piece>>,
    ) {
        let n = bounds.len() - 1;
        let start = bounds[from];
        if !so_far.is_empty() && n - from >= MIN_PART_CHARS && self.is_last_part(&folded[start..]) {
            let mut pieces = so_far.clone();
            pieces.push(Piece {
                start,
                core_end: folded.len(),
                add_e: false,
            });
            found.push(pieces);
        }
        // The next part starts at `next`, leaving room for a last one.
        for next in (from + MIN_PART_CHARS)..=n.saturating_sub(MIN_PART_CHARS) {
            if found.len() >= MAX_SEGMENTATIONS {
                return;
            }
            let Some(piece) = self.non_final_piece(folded, bounds, from, next) else {
                continue;
            };
            so_far.push(piece);
            self.segment(folded, bounds, next, so_far, found);
            so_far.pop();
        }
    }

    /// A last part: a known word in any inflected form.
    fn is_last_part(&self, folded: &str) -> bool {
        self.lexicon.words.contains(folded)
            || self.lexicon.word_stems.contains(self.stem(folded).as_str())
    }

    /// The part from `bounds[from]` up to `bounds[next]`, where the next
    /// part starts: a known word, perhaps followed by a linking element.
    /// Lexicon words win over learned ones; the part as written over a
    /// shorter form; then the shortest form (`bundes` → `bund` + `es`).
    fn non_final_piece(
        &self,
        folded: &str,
        bounds: &[usize],
        from: usize,
        next: usize,
    ) -> Option<Piece> {
        let (start, end) = (bounds[from], bounds[next]);
        let surface = &folded[start..end];
        let mut with_e = String::with_capacity(surface.len() + 1);
        for known in [&self.lexicon.whole, &self.lexicon.words] {
            for link in std::iter::once(0).chain(link_lengths(surface)) {
                let core_end = end - link;
                if folded[start..core_end].chars().count() < MIN_PART_CHARS {
                    continue;
                }
                let core = &folded[start..core_end];
                let piece = |add_e| Piece {
                    start,
                    core_end,
                    add_e,
                };
                if known.contains(core) {
                    return Some(piece(false));
                }
                // `schul·buch`, `grenz·kontrolle`, `hilf·s·paket`: an elided `e`.
                with_e.clear();
                with_e.push_str(core);
                with_e.push('e');
                if known.contains(&with_e) {
                    return Some(piece(true));
                }
            }
        }
        None
    }

    /// Whether a run of neighbouring parts spells a lexicon word: the
    /// segmentation cuts through it (`wirt·schaft` in `Wirtschaftskrise`).
    fn cuts_through_whole_word(&self, folded: &str, pieces: &[Piece]) -> bool {
        for a in 0..pieces.len() {
            for b in a + 1..pieces.len() {
                let last = b == pieces.len() - 1;
                let span = &folded[pieces[a].start..pieces[b].core_end];
                if self.is_whole(span, last) {
                    return true;
                }
            }
        }
        false
    }
}

/// Lengths of the linking elements `surface` may end with, longest first.
fn link_lengths(surface: &str) -> impl Iterator<Item = usize> + '_ {
    LINKS
        .iter()
        .filter(move |link| surface.ends_with(**link))
        .map(|link| link.len())
}

/// The parts of a segmentation in dictionary form, as `word` writes them
/// (`written` maps folded offsets to `word`'s).
fn dictionary_forms(word: &str, written: &[usize], pieces: &[Piece]) -> Vec<String> {
    pieces
        .iter()
        .map(|p| {
            let mut part = word[written[p.start]..written[p.core_end]].to_string();
            if p.add_e {
                part.push('e');
            }
            part
        })
        .collect()
}

/// Whether sorted `a` is contained in sorted `b`.
fn is_subset(a: &[usize], b: &[usize]) -> bool {
    a.iter().all(|x| b.binary_search(x).is_ok())
}
