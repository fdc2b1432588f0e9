//! German folding: the rules of Lucene's GermanNormalizationFilter
//! (Snowball "German2"), so that spellings without umlauts find the
//! umlaut spellings and back.

/// Folds a lowercased word: `ß`→`ss`; `ä ö ü`→`a o u`; `ae oe`→`a o`;
/// `ue`→`u` except after a vowel or `q` (`neue`, `Quelle` keep theirs).
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut prev: Option<char> = None;
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        let folded = match c {
            'ß' => {
                out.push_str("ss");
                prev = Some('s');
                continue;
            }
            'ä' => 'a',
            'ö' => 'o',
            'ü' => 'u',
            _ => c,
        };
        out.push(folded);
        if chars.peek() == Some(&'e') && drops_following_e(folded, prev) {
            chars.next();
        }
        prev = Some(folded);
    }
    out
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
    fn keeps_ue_after_vowels_and_q() {
        assert_eq!(fold("quelle"), "quelle");
        assert_eq!(fold("neue"), "neue");
        assert_eq!(fold("bauer"), "bauer");
    }
}
