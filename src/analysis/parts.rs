//! Compound parts as tokens: a token filter that adds the parts of a
//! German compound (`militärhilfe` → `militär`, `hilfe`) after the word,
//! at the word's position and with the word's offsets. Because the parts
//! carry the whole word's offsets, a highlighter marks the whole compound
//! when one of its parts matched.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Splits a lowercased word into its parts, or `None` to keep it whole.
pub type Splitter = fn(&str) -> Option<Vec<String>>;

/// Which tokens the filter lets through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// The word and, for a compound, its parts (for highlighting).
    WordAndParts,
    /// Only the parts of compounds (the `body_parts` index field).
    PartsOnly,
}

/// Token filter adding compound parts.
#[derive(Clone)]
pub struct CompoundParts {
    pub split: Splitter,
    pub keep: Keep,
}

impl TokenFilter for CompoundParts {
    type Tokenizer<T: Tokenizer> = CompoundPartsFilter<T>;
    fn transform<T: Tokenizer>(self, tokenizer: T) -> CompoundPartsFilter<T> {
        CompoundPartsFilter {
            inner: tokenizer,
            config: self,
        }
    }
}

#[derive(Clone)]
pub struct CompoundPartsFilter<T> {
    inner: T,
    config: CompoundParts,
}

impl<T: Tokenizer> Tokenizer for CompoundPartsFilter<T> {
    type TokenStream<'a> = CompoundPartsStream<T::TokenStream<'a>>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CompoundPartsStream {
            inner: self.inner.token_stream(text),
            config: self.config.clone(),
            pending: Vec::new(),
            current: Token::default(),
        }
    }
}

pub struct CompoundPartsStream<S> {
    inner: S,
    config: CompoundParts,
    /// Parts still to emit for the current word, last first.
    pending: Vec<String>,
    current: Token,
}

impl<S: TokenStream> TokenStream for CompoundPartsStream<S> {
    fn advance(&mut self) -> bool {
        if let Some(part) = self.pending.pop() {
            self.current.text = part;
            return true;
        }
        while self.inner.advance() {
            let word = self.inner.token();
            let parts = (self.config.split)(&word.text).unwrap_or_default();
            self.current = word.clone();
            self.pending = parts.into_iter().rev().collect();
            match self.config.keep {
                Keep::WordAndParts => return true,
                Keep::PartsOnly => {
                    if let Some(part) = self.pending.pop() {
                        self.current.text = part;
                        return true;
                    }
                }
            }
        }
        false
    }
    fn token(&self) -> &Token {
        &self.current
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.current
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, TextAnalyzer};

    fn test_split(word: &str) -> Option<Vec<String>> {
        (word == "militärhilfe").then(|| vec!["militär".into(), "hilfe".into()])
    }

    fn tokens(keep: Keep) -> Vec<(String, usize, usize, usize)> {
        let mut analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CompoundParts {
                split: test_split,
                keep,
            })
            .build();
        let mut stream = analyzer.token_stream("Mehr Militärhilfe jetzt");
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        out
    }

    #[test]
    fn parts_follow_the_word_at_its_position_and_offsets() {
        assert_eq!(
            tokens(Keep::WordAndParts),
            [
                ("mehr".into(), 0, 0, 4),
                ("militärhilfe".into(), 1, 5, 18),
                ("militär".into(), 1, 5, 18),
                ("hilfe".into(), 1, 5, 18),
                ("jetzt".into(), 2, 19, 24),
            ]
        );
        assert_eq!(
            tokens(Keep::PartsOnly),
            [("militär".into(), 1, 5, 18), ("hilfe".into(), 1, 5, 18)]
        );
    }
}
