//! German folding: the rules of Lucene's GermanNormalizationFilter
//! (Snowball "German2"), so that spellings without umlauts find the
//! umlaut spellings and back.

/// Folds a lowercased word: `ß`→`ss`; `ä ö ü`→`a o u`; `ae oe`→`a o`;
/// `ue`→`u` except after a vowel or `q` (`neue`, `Quelle` keep theirs).
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out, None);
    out
}

/// [`fold`], and for every byte boundary of the folded word the byte
/// offset in `word` it comes from (one more entry than bytes), so that a
/// piece of the folded word can be shown as written.
pub fn fold_with_offsets(word: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(word.len());
    let mut offsets = Vec::with_capacity(word.len() + 1);
    fold_into(word, &mut out, Some(&mut offsets));
    offsets.push(word.len());
    (out, offsets)
}

fn fold_into(word: &str, out: &mut String, mut offsets: Option<&mut Vec<usize>>) {
    let mut prev: Option<char> = None;
    let mut chars = word.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let folded = match c {
            'ß' => "ss",
            'ä' => "a",
            'ö' => "o",
            'ü' => "u",
            _ => "",
        };
        let before = out.len();
        if folded.is_empty() {
            out.push(c);
        } else {
            out.push_str(folded);
        }
        if let Some(offsets) = offsets.as_deref_mut() {
            offsets.extend(std::iter::repeat_n(at, out.len() - before));
        }
        let last = out.chars().next_back().unwrap_or(c);
        if c != 'ß'
            && chars.peek().map(|&(_, next)| next) == Some('e')
            && drops_following_e(last, prev)
        {
            chars.next();
        }
        prev = Some(if c == 'ß' { 's' } else { last });
    }
}

/// Whether the `e` after `c` is a spelled-out umlaut (`ae`, `oe`, `ue`).
fn drops_following_e(c: char, prev: Option<char>) -> bool {
    match c {
        'a' | 'o' => true,
        'u' => !matches!(prev, Some('a' | 'e' | 'i' | 'o' | 'u' | 'q')),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_umlauts_and_their_spellings() {
        assert_eq!(fold("rückzug"), "ruckzug");
        assert_eq!(fold("rueckzug"), "ruckzug");
        assert_eq!(fold("straße"), "strasse");
        assert_eq!(fold("schoen"), "schon");
        assert_eq!(fold("maerz"), "marz");
    }

    #[test]
    fn offsets_lead_back_to_the_written_word() {
        let (folded, offsets) = super::fold_with_offsets("außenmaerkte");
        assert_eq!(folded, "aussenmarkte");
        assert_eq!(offsets.len(), folded.len() + 1);
        // `aussen` is `außen` as written, `markte` is `maerkte`.
        assert_eq!(&"außenmaerkte"[offsets[0]..offsets[6]], "außen");
        assert_eq!(&"außenmaerkte"[offsets[6]..offsets[12]], "maerkte");
    }

    #[test]
    fn keeps_ue_after_vowels_and_q() {
        assert_eq!(fold("quelle"), "quelle");
        assert_eq!(fold("neue"), "neue");
        assert_eq!(fold("bauer"), "bauer");
    }
}
