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
//!   `Sicherheits·rat` stay whole); the last part is a noun, as written or
//!   inflected (`INFLECTIONS`), and not a suffix look-alike (`NOT_LAST`);
//! * a lexicon word is never split (`Verbraucher` is not `Verb·raucher`),
//!   and no split may cut through a lexicon word inside a compound
//!   (`Wirtschaftskrise` is `Wirtschaft·s·krise`, never `Wirt·schaft·…`);
//! * linking follows German: `-ung`, `-heit`… always link with `-s-`
//!   (`NEEDS_S_LINK`), `-ende` only follows a link (`Kriegs·ende`, not
//!   `Streik·ende`);
//! * of readings whose cuts cross, the one with fewest parts wins
//!   (`Hacker·angriff`, not `Hacke·rang·riff`); equally few (`Stau·becken`
//!   / `Staub·ecken`): the word stays whole;
//! * finer readings that refine it win (`Landes·haupt·stadt`).
//!
//! Non-final parts are given in dictionary form (linking element removed,
//! elided `e` restored: `Schul·buch` → `schule`); the last part as written.
//! Everything is compared in folded form ([`super::fold`]), so `Aussen`
//! and `Außen` meet.

use super::fold::{fold, fold_with_offsets};
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// Shortest part, in letters.
pub const MIN_PART_CHARS: usize = 4;
/// Shortest word that is tried: two shortest parts.
const MIN_WORD_CHARS: usize = 2 * MIN_PART_CHARS;
/// Linking elements (Fugenelemente) in the order they are tried: `-ns-`
/// before `-ens-` and `-n-` before `-en-`, so that a word in `-e` keeps it
/// (`Glaube·ns`, `Truppe·n`), `-es-` before `-s-` (`Land·es`); a bare
/// `-e-` last, after the part as written (`Kohle·kraftwerk`, `Hund·e`).
const LINKS: &[&str] = &["ns", "ens", "es", "n", "en", "er", "s"];
/// The `-e-` link, tried after the part as written.
const LINK_E: &str = "e";
/// Endings of an inflected last part (`Zusage·n`, `Angriff·e`,
/// `Kandidatin·nen`); umlaut plurals are lexicon words of their own.
const INFLECTIONS: &[&str] = &["", "s", "es", "e", "en", "n", "er", "ern", "nen", "ns"];
/// Nouns that look like a suffix at the end of a word and are never a last
/// part: `Hand·lung`, `Fahn·dung`, `Kontroll·eurin`, `Dokum·ente`.
/// Also `Ämter·s·amt`, `Bahn·steig`, `Außen·seiter`, `Wähle·rinnen`.
const NOT_LAST: &[&str] = &[
    "dung", "lung", "urin", "ente", "jung", "rung", "sung", "tung", "samt", "teig", "eiter",
    "rinne",
];
/// Endings after which German always links with `-s-` (`Ordnung·s·amt`,
/// `Gesundheit·s·system`): a part with such an ending is never followed
/// directly by the next.
const NEEDS_S_LINK: &[&str] = &[
    "ung", "heit", "keit", "schaft", "ion", "tat", "ling", "tum", "sicht",
];
/// Segmentations looked at per word; real compounds have a handful.
const MAX_SEGMENTATIONS: usize = 64;

/// What the lexicon knows of a folded word (bit flags).
mod kind {
    /// A lexicon noun: a possible last part; never split.
    pub const NOUN: u8 = 1;
    /// Another lexicon word (modifier, verb stem, name): never split.
    pub const OTHER: u8 = 2;
    /// A noun learned from the archive: a possible part, may be split.
    pub const LEARNED: u8 = 4;
    /// Written with an umlaut in the lexicon…
    pub const UMLAUT: u8 = 8;
    /// …or without one.
    pub const PLAIN: u8 = 16;
}

/// The words a [`Splitter`] knows, in folded form.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Folded word → its [`kind`] flags. One map, built with one fold per
    /// word: it is built in every process that opens an index.
    words: FxHashMap<String, u8>,
}

impl Lexicon {
    /// A lexicon of `nouns` and `others` (never split) and `learned` words
    /// (parts only). All are folded here.
    pub fn new<'n, 'o, 'l>(
        nouns: impl IntoIterator<Item = &'n str>,
        others: impl IntoIterator<Item = &'o str>,
        learned: impl IntoIterator<Item = &'l str>,
    ) -> Lexicon {
        let mut lexicon = Lexicon::default();
        lexicon.words.reserve(16_384);
        for (words, flag) in [
            (nouns.into_iter().collect::<Vec<_>>(), kind::NOUN),
            (others.into_iter().collect(), kind::OTHER),
        ] {
            for word in words {
                let lower = word.to_lowercase();
                let spelling = if lower.contains(['ä', 'ö', 'ü']) {
                    kind::UMLAUT
                } else {
                    kind::PLAIN
                };
                *lexicon.words.entry(fold(&lower)).or_default() |= flag | spelling;
            }
        }
        for word in learned {
            *lexicon.words.entry(fold(&word.to_lowercase())).or_default() |= kind::LEARNED;
        }
        lexicon
    }

    fn flags(&self, folded: &str) -> u8 {
        self.words.get(folded).copied().unwrap_or(0)
    }

    /// A lexicon word: never split, never cut through.
    fn is_whole(&self, folded: &str) -> bool {
        self.flags(folded) & (kind::NOUN | kind::OTHER) != 0
    }

    /// A possible last part: a noun of the lexicon or the archive.
    fn is_head(&self, folded: &str) -> bool {
        self.flags(folded) & (kind::NOUN | kind::LEARNED) != 0
    }

    /// Number of known words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Where a part's dictionary form is looked up, in order: the lexicon's
/// nouns, its other words, then learned archive words.
const TIERS: [u8; 3] = [kind::NOUN, kind::OTHER, kind::LEARNED];

/// Splits compounds with a [`Lexicon`]; cheap to clone and share.
#[derive(Clone)]
pub struct Splitter {
    lexicon: Arc<Lexicon>,
}

impl std::fmt::Debug for Splitter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Splitter({} words)", self.lexicon.len())
    }
}

/// A word being segmented: folded, its char boundaries, and which folded
/// bytes were umlauts.
struct Word<'a> {
    folded: &'a str,
    bounds: &'a [usize],
    umlauts: &'a [bool],
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
    /// Number of words the splitter knows (lexicon and learned).
    pub fn known_words(&self) -> usize {
        self.lexicon.len()
    }

    pub fn new(lexicon: Lexicon) -> Splitter {
        Splitter {
            lexicon: Arc::new(lexicon),
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
        // Folded `a o u` that were `ä ö ü` (or `ae oe ue`): two bytes written.
        let umlauts: Vec<bool> = (0..folded.len())
            .map(|i| {
                matches!(folded.as_bytes()[i], b'a' | b'o' | b'u')
                    && written[i + 1] - written[i] == 2
            })
            .collect();
        let pieces = self.best_segmentation(&folded, &umlauts)?;
        Some((written, pieces))
    }

    /// Whether `folded` is a lexicon word (as a last part: in any form).
    fn is_whole(&self, folded: &str, last: bool) -> bool {
        self.lexicon.is_whole(folded)
            || (last
                && INFLECTIONS.iter().any(|ending| {
                    folded
                        .strip_suffix(ending)
                        .is_some_and(|base| !base.is_empty() && self.lexicon.is_whole(base))
                }))
    }

    /// The finest segmentation that cuts through no lexicon word, or `None`
    /// where there is none or two readings cross.
    fn best_segmentation(&self, folded: &str, umlauts: &[bool]) -> Option<Vec<Piece>> {
        let bounds: Vec<usize> = folded
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(folded.len()))
            .collect();
        let mut found = Vec::new();
        let word = Word {
            folded,
            bounds: &bounds,
            umlauts,
        };
        self.segment(&word, 0, &mut Vec::new(), &mut found);
        found.retain(|pieces: &Vec<Piece>| !self.cuts_through_whole_word(folded, pieces));
        // Of crossing readings, one that needs fewer bare `-e-` links wins
        // (`Bund·es·innen·minister`, not `Bund·e·sinnen·minister`).
        let fewest = found.iter().map(|p| bare_e_links(folded, p)).min()?;
        found.retain(|pieces| bare_e_links(folded, pieces) == fewest);
        // Of crossing readings, the one with the fewest parts wins
        // (`Hacker·angriff`, not `Hacke·rang·riff`); equally few: whole.
        let cuts = |pieces: &Vec<Piece>| -> Vec<usize> {
            pieces.iter().map(|p| p.start).skip(1).collect()
        };
        let fewest_parts = found.iter().map(Vec::len).min()?;
        let coarsest: Vec<Vec<usize>> = found
            .iter()
            .filter(|p| p.len() == fewest_parts)
            .map(cuts)
            .collect();
        if coarsest.iter().any(|c| *c != coarsest[0]) {
            return None;
        }
        // Finer readings refine the coarsest; they must agree among themselves.
        found.retain(|p| is_subset(&coarsest[0], &cuts(p)));
        let refined: Vec<Vec<usize>> = found.iter().map(cuts).collect();
        for (i, a) in refined.iter().enumerate() {
            for b in &refined[i + 1..] {
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
        word: &Word,
        from: usize,
        so_far: &mut Vec<Piece>,
        found: &mut Vec<Vec<Piece>>,
    ) {
        let (folded, bounds) = (word.folded, word.bounds);
        let n = bounds.len() - 1;
        let start = bounds[from];
        let linked = so_far.last().is_some_and(|p| p.core_end != start);
        if !so_far.is_empty()
            && n - from >= MIN_PART_CHARS
            && self.is_last_part(&folded[start..], linked)
        {
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
            let Some(piece) = self.non_final_piece(word, from, next) else {
                continue;
            };
            so_far.push(piece);
            self.segment(word, next, so_far, found);
            so_far.pop();
        }
    }

    /// A last part: a known noun in any inflected form. `linked`: a linking
    /// element comes before it; `-ende` needs one, or present participles
    /// split (`Streik·ende` is not `Streiks·ende`; `Kriegs·ende` is).
    fn is_last_part(&self, folded: &str, linked: bool) -> bool {
        if !linked && folded.starts_with("end") {
            return false;
        }
        INFLECTIONS.iter().any(|ending| {
            folded.strip_suffix(ending).is_some_and(|noun| {
                noun.chars().count() >= MIN_PART_CHARS
                    && !NOT_LAST.contains(&noun)
                    && self.lexicon.is_head(noun)
            })
        })
    }

    /// The part from `word.bounds[from]` up to `word.bounds[next]`, where the next
    /// part starts: a known word, perhaps followed by a linking element.
    /// A form as written wins over one with an elided `e` restored; then
    /// nouns over other lexicon words, and those over learned ones; then
    /// the links in [`LINKS`] order.
    fn non_final_piece(&self, word: &Word, from: usize, next: usize) -> Option<Piece> {
        let folded = word.folded;
        let (start, end) = (word.bounds[from], word.bounds[next]);
        let surface = &folded[start..end];
        // An umlaut marks a plural, kept as written (`Ärzte·kammer`, not
        // `Ärzt·e·kammer`); otherwise a linking element is cut off first
        // (`Kind·er·garten`, `Land·es·regierung`).
        let has_umlaut = word.umlauts[start..end].contains(&true);
        let mut links: Vec<usize> = link_lengths(surface).collect();
        let no_link = if has_umlaut { 0 } else { links.len() };
        links.insert(no_link, 0);
        if surface.ends_with(LINK_E) {
            links.push(LINK_E.len());
        }
        let mut with_e = String::with_capacity(surface.len() + 1);
        for add_e in [false, true] {
            for tier in TIERS {
                for &link in &links {
                    let core_end = end - link;
                    let core = &folded[start..core_end];
                    let chars = core.chars().count();
                    // `-er-` links only short words (`Kind·er·garten`, `Bild·er`),
                    // never agent nouns (`Verbraucher·preise`).
                    if chars < MIN_PART_CHARS || (surface[core.len()..] == *"er" && chars > 5) {
                        continue;
                    }
                    if link == 0 && !add_e && NEEDS_S_LINK.iter().any(|e| core.ends_with(e)) {
                        continue;
                    }
                    // `schul·buch`, `grenz·kontrolle`, `hilf·s·paket`: an elided `e`.
                    let form = if add_e {
                        with_e.clear();
                        with_e.push_str(core);
                        with_e.push('e');
                        with_e.as_str()
                    } else {
                        core
                    };
                    let flags = self.lexicon.flags(form);
                    // Known only with an umlaut (`banke` from `Bänke`): not a
                    // part written without one (`Bank·en·krise`).
                    let umlaut_only = flags & (kind::UMLAUT | kind::PLAIN) == kind::UMLAUT;
                    if flags & tier != 0 && (has_umlaut || !umlaut_only) {
                        return Some(Piece {
                            start,
                            core_end,
                            add_e,
                        });
                    }
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

/// How many parts of a segmentation are followed by a bare `-e-` link.
fn bare_e_links(folded: &str, pieces: &[Piece]) -> usize {
    pieces
        .windows(2)
        .filter(|pair| {
            let link = &folded[pair[0].core_end..pair[1].start];
            link == LINK_E && !pair[0].add_e
        })
        .count()
}

/// Whether sorted `a` is contained in sorted `b`.
fn is_subset(a: &[usize], b: &[usize]) -> bool {
    a.iter().all(|x| b.binary_search(x).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small lexicon: every rule of the module on words it knows.
    fn splitter() -> Splitter {
        let nouns = [
            "hilfe",
            "militär",
            "zusage",
            "unterstützung",
            "wirtschaft",
            "krise",
            "wirt",
            "verbraucher",
            "verb",
            "raucher",
            "preis",
            "stau",
            "staub",
            "becken",
            "ecken",
            "land",
            "haupt",
            "stadt",
            "schule",
            "buch",
            "kind",
            "garten",
            "ende",
            "krieg",
            "streik",
            "ärzte",
            "kammer",
            "bank",
            "bänke",
            "arzt",
        ];
        Splitter::new(Lexicon::new(nouns, ["groß"], ["schaft"]))
    }

    fn split(word: &str) -> Option<String> {
        splitter().split(word).map(|parts| parts.join("+"))
    }

    #[test]
    fn splits_into_dictionary_forms() {
        assert_eq!(split("militärhilfe").as_deref(), Some("militär+hilfe"));
        assert_eq!(
            split("unterstützungszusagen").as_deref(),
            Some("unterstützung+zusagen")
        );
        assert_eq!(
            split("landeshauptstadt").as_deref(),
            Some("land+haupt+stadt")
        );
        assert_eq!(split("schulbuch").as_deref(), Some("schule+buch"));
        assert_eq!(split("kindergarten").as_deref(), Some("kind+garten"));
        assert_eq!(split("ärztekammer").as_deref(), Some("ärzte+kammer"));
        assert_eq!(split("bankenkrise").as_deref(), Some("bank+krise"));
        assert_eq!(split("kriegsende").as_deref(), Some("krieg+ende"));
    }

    #[test]
    fn refuses_nonsense() {
        // A lexicon word stays whole, and is not cut through.
        assert_eq!(split("verbraucher"), None);
        assert_eq!(
            split("verbraucherpreise").as_deref(),
            Some("verbraucher+preise")
        );
        assert_eq!(
            split("wirtschaftskrise").as_deref(),
            Some("wirtschaft+krise")
        );
        // Two crossing readings: whole.
        assert_eq!(split("staubecken"), None);
        // A participle is no compound with `Ende`.
        assert_eq!(split("streikende"), None);
        // The last part must be a noun; short parts are not split off.
        assert_eq!(split("preisgroß"), None);
        assert_eq!(split("landtag"), None);
    }

    #[test]
    fn search_parts_add_the_runs_of_parts() {
        assert_eq!(
            splitter().search_parts("landeshauptstadt"),
            Some(vec![
                "land".to_string(),
                "haupt".into(),
                "stadt".into(),
                "landeshaupt".into(),
                "hauptstadt".into()
            ])
        );
    }
}
