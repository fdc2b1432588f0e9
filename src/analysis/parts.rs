//! Compound parts as tokens: a token filter that puts the parts of a
//! German compound (`militärhilfe` → `militar`, `hilfe`) at the word's
//! position and with the word's offsets. Because the parts carry the whole
//! word's offsets, a highlighter marks the whole compound when one of its
//! parts matched.

use super::compound::Splitter;
use rustc_hash::FxHashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Put before a part's text by [`MarkParts`]: a term that matched a part
/// can then weigh less than one that matched the word.
pub const PART_MARK: char = '\u{1}';

/// Which tokens the filter lets through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// The word and, for a compound, its parts (for highlighting).
    WordAndParts,
    /// Only the parts of compounds (the `parts` index field).
    PartsOnly,
}

/// Token filter adding compound parts.
#[derive(Clone)]
pub struct CompoundParts {
    splitter: Splitter,
    keep: Keep,
    /// Tells this splitter's cached splits from another's.
    id: u64,
}

impl CompoundParts {
    pub fn new(splitter: Splitter, keep: Keep) -> CompoundParts {
        static NEXT_ID: AtomicU64 = AtomicU64::new(1);
        CompoundParts {
            splitter,
            keep,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// The search parts of `word`, from the thread's cache when it can:
    /// news repeats its words, and splitting is the costly step.
    fn parts(&self, word: &str) -> Option<Arc<[String]>> {
        if word.len() < MIN_WORD_BYTES {
            return None;
        }
        SPLIT_CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            if cache.0 != self.id || cache.1.len() >= SPLIT_CACHE_CAPACITY {
                cache.0 = self.id;
                cache.1.clear();
            }
            if let Some(parts) = cache.1.get(word) {
                return parts.clone();
            }
            let parts: Option<Arc<[String]>> = self.splitter.search_parts(word).map(Into::into);
            cache.1.insert(word.to_string(), parts.clone());
            parts
        })
    }
}

/// Shorter words are never split (two parts of four letters at least), and
/// most words are shorter: they skip the cache.
const MIN_WORD_BYTES: usize = 8;

/// Words kept per thread in the split cache (then it starts over).
const SPLIT_CACHE_CAPACITY: usize = 200_000;

type SplitCache = (u64, FxHashMap<String, Option<Arc<[String]>>>);

thread_local! {
    static SPLIT_CACHE: std::cell::RefCell<SplitCache> =
        std::cell::RefCell::new((0, FxHashMap::default()));
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
    type TokenStream<'a> = CompoundPartsStream<'a, T::TokenStream<'a>>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CompoundPartsStream {
            inner: self.inner.token_stream(text),
            config: &self.config,
            pending: None,
            next_part: 0,
            current: Token::default(),
        }
    }
}

pub struct CompoundPartsStream<'a, S> {
    inner: S,
    config: &'a CompoundParts,
    /// Parts of the current word, emitted from `next_part` on.
    pending: Option<Arc<[String]>>,
    next_part: usize,
    current: Token,
}

impl<S: TokenStream> CompoundPartsStream<'_, S> {
    /// The next part of the current word into `current`, if one is left.
    fn emit_part(&mut self) -> bool {
        let Some(part) = self
            .pending
            .as_ref()
            .and_then(|parts| parts.get(self.next_part))
        else {
            return false;
        };
        self.current.text.clone_from(part);
        self.next_part += 1;
        true
    }
}

impl<S: TokenStream> TokenStream for CompoundPartsStream<'_, S> {
    fn advance(&mut self) -> bool {
        if self.emit_part() {
            return true;
        }
        while self.inner.advance() {
            let word = self.inner.token();
            self.pending = self.config.parts(&word.text);
            self.next_part = 0;
            self.current.clone_from(word);
            match self.config.keep {
                Keep::WordAndParts => return true,
                Keep::PartsOnly => {
                    if self.emit_part() {
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

/// Token filter for highlighting: after [`CompoundParts`] (with
/// [`Keep::WordAndParts`]) and stemming, marks each part with
/// [`PART_MARK`], telling it from the word at the same position.
#[derive(Clone)]
pub struct MarkParts;

impl TokenFilter for MarkParts {
    type Tokenizer<T: Tokenizer> = MarkPartsFilter<T>;
    fn transform<T: Tokenizer>(self, tokenizer: T) -> MarkPartsFilter<T> {
        MarkPartsFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct MarkPartsFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for MarkPartsFilter<T> {
    type TokenStream<'a> = MarkPartsStream<T::TokenStream<'a>>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        MarkPartsStream {
            inner: self.inner.token_stream(text),
            last_position: None,
        }
    }
}

pub struct MarkPartsStream<S> {
    inner: S,
    last_position: Option<usize>,
}

impl<S: TokenStream> TokenStream for MarkPartsStream<S> {
    fn advance(&mut self) -> bool {
        if !self.inner.advance() {
            return false;
        }
        let token = self.inner.token_mut();
        if self.last_position == Some(token.position) {
            token.text.insert(0, PART_MARK);
        }
        self.last_position = Some(token.position);
        true
    }
    fn token(&self) -> &Token {
        self.inner.token()
    }
    fn token_mut(&mut self) -> &mut Token {
        self.inner.token_mut()
    }
}
