//! People extraction: finds the persons named in German news text and
//! resolves every mention to one canonical full name.
//!
//! OWNER: people helper. Interface agreed with the indexer and statements:

/// One mention of a person in the text: where it is, and who it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Canonical full name, e.g. "Mark Rutte".
    pub canonical: String,
    /// Byte range of the mention in the text (the name itself, genitive included).
    pub start: usize,
    pub end: usize,
}

/// A person named in one article, with what the article says about them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Person {
    /// Canonical full name, e.g. "Mark Rutte".
    pub name: String,
    /// Roles the article (or the gazetteer) gives them, lowercased, e.g. "nato-generalsekretär".
    pub roles: Vec<String>,
    /// Nationality nouns, e.g. "niederländer".
    pub nationalities: Vec<String>,
}

/// Everyone named in one article, and every place they are named.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ArticlePeople {
    /// Distinct persons in order of first mention.
    pub persons: Vec<Person>,
    /// All mentions in text order.
    pub mentions: Vec<Mention>,
}

impl ArticlePeople {
    /// Canonical names in order of first mention.
    pub fn names(&self) -> Vec<String> {
        self.persons.iter().map(|p| p.name.clone()).collect()
    }
}

/// Finds the people named in `text`.
pub fn extract(text: &str) -> ArticlePeople {
    let _ = text;
    ArticlePeople::default()
}
