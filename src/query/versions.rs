//! Story versions: agency archives hold one story many times (the first
//! report, updates that add paragraphs, corrections, re-sends). Hits that
//! are versions of one story are grouped under the best-ranked one.
//!
//! Two articles are versions of one story when most word 3-shingles of the
//! shorter one are in the longer one: the *containment* |A ∩ B| / min(|A|,
//! |B|) is at least [`SAME_STORY`]. Containment rather than Jaccard, so an
//! update that doubles a story still counts as its version. Distinct
//! stories on one topic (the same summit, the same people, the same agency
//! phrases) share a few shingles, far below the threshold (measured in
//! `tests/versions.rs`).
//!
//! Written by hand: grouping runs on the few hundred hits of one query, so
//! exact shingle sets are cheap and need no approximation; the MinHash/LSH
//! crates solve the other problem (millions of documents, approximate).

use rustc_hash::FxHashSet;
use std::hash::{Hash, Hasher};

/// Words per shingle.
const SHINGLE_WORDS: usize = 3;

/// Containment from which two articles are versions of one story.
pub const SAME_STORY: f64 = 0.5;

/// The shingles of an article: hashes of every run of three consecutive
/// words (lowercased, letters and digits only) of headline and body.
#[derive(Debug, Clone, Default)]
pub struct Shingles(FxHashSet<u64>);

impl Shingles {
    pub fn of(text: &str) -> Shingles {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let mut set = FxHashSet::default();
        if words.len() < SHINGLE_WORDS {
            if !words.is_empty() {
                set.insert(hash(&words));
            }
            return Shingles(set);
        }
        for window in words.windows(SHINGLE_WORDS) {
            set.insert(hash(window));
        }
        Shingles(set)
    }

    /// |A ∩ B| / min(|A|, |B|); 0 when either is empty.
    pub fn containment(&self, other: &Shingles) -> f64 {
        let (small, large) = if self.0.len() <= other.0.len() {
            (&self.0, &other.0)
        } else {
            (&other.0, &self.0)
        };
        if small.is_empty() {
            return 0.0;
        }
        let shared = small.iter().filter(|s| large.contains(s)).count();
        shared as f64 / small.len() as f64
    }
}

fn hash(words: &[String]) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    words.hash(&mut hasher);
    hasher.finish()
}

/// Groups items given in rank order: each joins the group of the first
/// earlier group leader it is a version of, else leads a new group.
/// Returns the groups in the rank order of their leaders, members in rank
/// order, as indices into `items`.
pub fn group(items: &[Shingles]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, shingles) in items.iter().enumerate() {
        let home = groups
            .iter_mut()
            .find(|g| items[g[0]].containment(shingles) >= SAME_STORY);
        match home {
            Some(g) => g.push(i),
            None => groups.push(vec![i]),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_update_contains_its_first_version() {
        let first = Shingles::of("Der Rat der Stadt hat am Montag den Haushalt beschlossen.");
        let update = Shingles::of(
            "Der Rat der Stadt hat am Montag den Haushalt beschlossen. Die Opposition stimmte dagegen, weil die Schulden steigen.",
        );
        let other = Shingles::of("Der Rat der Gemeinde vertagte die Entscheidung über das Bad.");
        assert!(first.containment(&update) >= SAME_STORY);
        assert!(first.containment(&other) < SAME_STORY);
        let groups = group(&[first, other, update]);
        assert_eq!(groups, vec![vec![0, 2], vec![1]]);
    }
}
