//! German text analysis: the analyzers registered with every index.
//!
//! Three analyzers, each registered under a name the schema refers to:
//!
//! * [`GERMAN`] (`de`): for body and headline. Splits on every character
//!   that is not a letter or digit (so `Nato-Generalsekretär` becomes `nato`
//!   and `generalsekretär` at consecutive positions, which keeps the
//!   phrase `"Nato-Generalsekretär"` working), lowercases, drops German stop
//!   words, then folds umlauts and spelling variants ([`fold`]) and stems
//!   with Snowball German (rust-stemmers).
//! * [`NAME`] (`name`): for person names. Same splitting, lowercasing and
//!   folding, but no stop words (`von der Leyen` keeps `der`) and no stemming.
//! * [`KEYWORD`] (`keyword`): for agency and place. The whole value is one
//!   token, lowercased and folded, so `agency:DPA-AFX` finds `dpa-AFX`.
//! * [`PARTS`] (`de_parts`): for the `parts` field. Only the parts of
//!   compounds ([`compound`]), each at its word's position, folded and
//!   stemmed like `de`: `Militärhilfe` gives `militar` and `hilf`, so a
//!   search for `Hilfe` finds it. Queries on `parts` use the plain `de`
//!   analysis ([`query_tokenizers`]).
//! * [`MARKS`] (`de_marks`): the words and their parts, for highlighting
//!   the whole compound when a part matched.
//!
//! Analyzers are not stored in the index: [`register`] must run on every
//! opened index, or query parsing fails with `UnknownTokenizer`.

pub mod compound;
mod fold;
pub mod parts;
pub mod vocabulary;

pub use compound::Splitter;
pub use fold::fold;

use tantivy::tokenizer::{
    Language, LowerCaser, RawTokenizer, SimpleTokenizer, StopWordFilter, TextAnalyzer,
    TextAnalyzerBuilder, Token, TokenFilter, TokenStream, Tokenizer, TokenizerManager,
};

/// Version of the analysis rules. An index built with other settings
/// matches terms differently, so it is rebuilt; bump on every change here.
const RULES: &str = "de-2";

/// The analysis settings an index records: the rules and the lexicon.
pub fn settings() -> String {
    format!("{RULES};lexicon={}", vocabulary::lexicon_fingerprint())
}

/// Name of the German full-text analyzer.
pub const GERMAN: &str = "de";
/// Name of the person-name analyzer.
pub const NAME: &str = "name";
/// Name of the exact-value analyzer.
pub const KEYWORD: &str = "keyword";
/// Name of the compound-parts analyzer.
pub const PARTS: &str = "de_parts";
/// Name of the highlighting analyzer (words and their parts).
pub const MARKS: &str = "de_marks";

/// Registers the analyzers with an index's tokenizer manager; `splitter`
/// is the index's compound splitter.
pub fn register(manager: &TokenizerManager, splitter: &Splitter) {
    manager.register(GERMAN, german());
    manager.register(NAME, name());
    manager.register(KEYWORD, keyword());
    manager.register(PARTS, with_parts(splitter, parts::Keep::PartsOnly));
    manager.register(MARKS, marks(splitter));
}

/// The highlighting analyzer: words and their parts, parts marked with
/// [`parts::PART_MARK`].
pub fn marks(splitter: &Splitter) -> TextAnalyzer {
    words_without_stop_words()
        .filter_dynamic(parts::CompoundParts::new(
            splitter.clone(),
            parts::Keep::WordAndParts,
        ))
        .filter_dynamic(GermanStem::new())
        .filter_dynamic(parts::MarkParts)
        .build()
}

/// The analyzers for query text: as [`register`], except that a query word
/// is looked up in `parts` as it is (`Hilfe` → `hilf`).
pub fn query_tokenizers() -> TokenizerManager {
    let manager = TokenizerManager::default();
    manager.register(GERMAN, german());
    manager.register(NAME, name());
    manager.register(KEYWORD, keyword());
    manager.register(PARTS, german());
    manager.register(MARKS, german());
    manager
}

/// The German full-text analyzer.
pub fn german() -> TextAnalyzer {
    words_without_stop_words()
        .filter_dynamic(GermanStem::new())
        .build()
}

/// Splitting, lowercasing and stop words: the start of `de` and `de_parts`.
fn words_without_stop_words() -> TextAnalyzerBuilder {
    let builder = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .dynamic();
    // Stop words are matched before folding: the Snowball list holds "für"
    // and "über", which folding would turn into "fur" and "uber".
    match StopWordFilter::new(Language::German) {
        Some(stop_words) => builder.filter_dynamic(stop_words),
        None => builder,
    }
}

/// The German analyzer with compound parts added ([`parts`]).
pub fn with_parts(splitter: &Splitter, keep: parts::Keep) -> TextAnalyzer {
    words_without_stop_words()
        .filter_dynamic(parts::CompoundParts::new(splitter.clone(), keep))
        .filter_dynamic(GermanStem::new())
        .build()
}

/// The person-name analyzer.
pub fn name() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .filter(Fold)
        .build()
}

/// The exact-value analyzer.
pub fn keyword() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .filter(Fold)
        .build()
}

/// Runs `analyzer` over `text` and returns the terms it produces.
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut terms = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(token) = stream.next() {
        terms.push(token.text.clone());
    }
    terms
}

/// Token filter: German folding ([`fold`]), without stemming.
#[derive(Clone)]
pub struct Fold;

impl TokenFilter for Fold {
    type Tokenizer<T: Tokenizer> = MapTokens<T, Fold>;
    fn transform<T: Tokenizer>(self, tokenizer: T) -> MapTokens<T, Fold> {
        MapTokens {
            inner: tokenizer,
            map: self,
        }
    }
}

/// Token filter: German folding followed by Snowball German stemming.
#[derive(Clone)]
pub struct GermanStem {
    stemmer: std::sync::Arc<rust_stemmers::Stemmer>,
}

impl GermanStem {
    pub fn new() -> Self {
        GermanStem {
            stemmer: std::sync::Arc::new(rust_stemmers::Stemmer::create(
                rust_stemmers::Algorithm::German,
            )),
        }
    }
}

impl Default for GermanStem {
    fn default() -> Self {
        Self::new()
    }
}

impl TokenFilter for GermanStem {
    type Tokenizer<T: Tokenizer> = MapTokens<T, GermanStem>;
    fn transform<T: Tokenizer>(self, tokenizer: T) -> MapTokens<T, GermanStem> {
        MapTokens {
            inner: tokenizer,
            map: self,
        }
    }
}

/// A rewrite of one token's text; the shared machinery of our filters.
pub trait TokenMap: Clone + Send + Sync + 'static {
    fn map(&self, text: &mut String);
}

impl TokenMap for Fold {
    fn map(&self, text: &mut String) {
        let folded = fold(text);
        *text = folded;
    }
}

impl TokenMap for GermanStem {
    fn map(&self, text: &mut String) {
        // Word frequencies in news follow Zipf's law: a small cache of
        // analysed words saves most of the folding and stemming work.
        STEM_CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            if let Some(stem) = cache.get(text.as_str()) {
                text.clone_from(stem);
                return;
            }
            let stem = self.stem_uncached(text);
            if cache.len() >= STEM_CACHE_CAPACITY {
                cache.clear();
            }
            cache.insert(std::mem::replace(text, stem.clone()), stem);
        });
    }
}

/// Words kept per thread in the stem cache (then it starts over).
const STEM_CACHE_CAPACITY: usize = 200_000;

thread_local! {
    static STEM_CACHE: std::cell::RefCell<rustc_hash::FxHashMap<String, String>> =
        std::cell::RefCell::new(rustc_hash::FxHashMap::default());
}

impl GermanStem {
    fn stem_uncached(&self, word: &str) -> String {
        let folded = fold(word);
        // Numbers and mixed tokens (`g7`, `2025`, `a320`) are kept as they
        // are: the stemmer would cut `2025er`-like endings into nonsense.
        if folded.chars().any(|c| c.is_ascii_digit()) {
            folded
        } else {
            self.stemmer.stem(&folded).into_owned()
        }
    }
}

/// A tokenizer wrapped by a [`TokenMap`].
#[derive(Clone)]
pub struct MapTokens<T, M> {
    inner: T,
    map: M,
}

impl<T: Tokenizer, M: TokenMap> Tokenizer for MapTokens<T, M> {
    type TokenStream<'a> = MapTokenStream<'a, T::TokenStream<'a>, M>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        MapTokenStream {
            inner: self.inner.token_stream(text),
            map: &self.map,
        }
    }
}

pub struct MapTokenStream<'a, S, M> {
    inner: S,
    map: &'a M,
}

impl<S: TokenStream, M: TokenMap> TokenStream for MapTokenStream<'_, S, M> {
    fn advance(&mut self) -> bool {
        if !self.inner.advance() {
            return false;
        }
        self.map.map(&mut self.inner.token_mut().text);
        true
    }
    fn token(&self) -> &Token {
        self.inner.token()
    }
    fn token_mut(&mut self) -> &mut Token {
        self.inner.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn de(text: &str) -> Vec<String> {
        terms(&mut german(), text)
    }

    #[test]
    fn hyphenated_words_keep_their_parts() {
        assert_eq!(de("Nato-Generalsekretär"), ["nato", "generalsekretar"]);
        assert_eq!(
            de("500-Millionen-Dollar-Paket"),
            ["500", "million", "dollar", "paket"]
        );
    }

    #[test]
    fn spelling_variants_meet() {
        assert_eq!(de("Rueckzug"), de("Rückzug"));
        assert_eq!(de("Strasse"), de("Straße"));
        assert_eq!(de("Mueller"), de("Müller"));
        assert_eq!(de("Angriffe"), de("Angriff"));
    }

    #[test]
    fn stop_words_go_before_folding() {
        assert!(de("für über").is_empty());
        assert_eq!(de("G7 2025"), ["g7", "2025"]);
    }

    #[test]
    fn names_and_keywords_are_folded_not_stemmed() {
        assert_eq!(
            terms(&mut name(), "Ursula von der Leyen"),
            ["ursula", "von", "der", "leyen"]
        );
        assert_eq!(terms(&mut keyword(), "BRÜSSEL"), ["brussel"]);
        assert_eq!(terms(&mut keyword(), "dpa-AFX"), ["dpa-afx"]);
    }
}

/// The README's table of what the stemmer joins and what it does not.
#[cfg(test)]
mod readme_claims {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        terms(&mut german(), a) == terms(&mut german(), b)
    }

    #[test]
    fn joined_forms() {
        for (a, b) in [
            ("Angriff", "Angriffe"),
            ("Angriff", "Angriffen"),
            ("Angriff", "Angriffs"),
            ("Haus", "Häuser"),
            ("Haus", "Häusern"),
            ("Straße", "Straßen"),
            ("sagte", "sagten"),
        ] {
            assert!(same(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn forms_not_joined() {
        for (a, b) in [
            ("Ukrainer", "Ukrainerinnen"),
            ("spricht", "sprach"),
            ("Hilfe", "Militärhilfe"),
            ("Zins", "Zinsen"),
        ] {
            assert!(!same(a, b), "{a} / {b}");
        }
    }
}
