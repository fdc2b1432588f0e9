//! People extraction: finds the persons named in German news text and
//! resolves every mention to one canonical full name.
//!
//! The rules read text the way agency copy names people:
//!
//! 1. **First name + surname**: a first name from `schema/first-names.txt`
//!    (hyphenated ones part by part), optionally more first names, name
//!    particles (`von der`, `de`, `van`) and a capitalised surname that is
//!    not an ordinary word (`Mark Rutte`, `Ursula von der Leyen`,
//!    `Annegret Kramp-Karrenbauer`).
//! 2. **Role + name**: a word that is or ends with a role from
//!    `schema/person-roles.txt` (`Nato-Generalsekretär`, `Kremlchef`,
//!    `Sondergesandte`) followed by two capitalised name words, even when the
//!    first name is unknown; the role is kept for the person.
//! 3. **Gazetteer**: `schema/people.json` names people by alias where the
//!    rules cannot (`Lula`, `Selenskyj` alone), with roles and nationality.
//! 4. **Later mentions**: within the article a surname alone (`Rutte`) or
//!    in the genitive (`Putins`, `Merz'`) refers to the full name given
//!    earlier or later. Full names that differ only by a genitive `s`
//!    (`Donald Trumps Regierung`) are folded into the base name.
//!
//! Capitalised nouns are not people by themselves: a name needs a first
//! name, a role, or a gazetteer entry. Role nouns alone (`der Kanzler`) and
//! nationalities (`der Niederländer`) are left to the statements extractor,
//! which resolves them with [`ArticlePeople::resolve_descriptor`].

use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

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

    /// The person a mention at `byte` refers to.
    pub fn person_at(&self, byte: usize) -> Option<&Mention> {
        self.mentions
            .iter()
            .find(|m| m.start <= byte && byte < m.end)
    }

    /// The one person a descriptor such as `Niederländer`, `der
    /// Nato-Generalsekretär` or `Ministerin` fits, by role (a role ending
    /// with the descriptor) or nationality; `None` if nobody or several fit.
    pub fn resolve_descriptor(&self, descriptor: &str) -> Option<&Person> {
        let key = descriptor_key(descriptor)?;
        let mut fitting = self.persons.iter().filter(|p| {
            p.nationalities.contains(&key)
                || p.roles
                    .iter()
                    .any(|r| r == &key || r.ends_with(&key) || key.ends_with(r.as_str()))
        });
        let first = fitting.next()?;
        fitting.next().is_none().then_some(first)
    }

    /// The person a name written in the text refers to: a canonical name,
    /// a surname (also in the genitive) or a gazetteer alias.
    pub fn resolve_name(&self, name: &str) -> Option<&Person> {
        let name = strip_genitive_marks(name.trim());
        if let Some(p) = self.persons.iter().find(|p| p.name == name) {
            return Some(p);
        }
        let mut fitting = self
            .persons
            .iter()
            .filter(|p| surname_of(&p.name) == name || surname_of(&p.name) == strip_genitive(name));
        if let (Some(first), None) = (fitting.next(), fitting.next()) {
            return Some(first);
        }
        let known = GAZETTEER.by_alias.get(name)?;
        self.persons.iter().find(|p| &p.name == known)
    }
}

/// `der Nato-Generalsekretär` → `nato-generalsekretär`.
fn descriptor_key(descriptor: &str) -> Option<String> {
    let lower = descriptor.trim().to_lowercase();
    let word = lower.split_whitespace().last()?;
    Some(
        word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_string(),
    )
}

/// Finds the people named in `text`.
pub fn extract(text: &str) -> ArticlePeople {
    let tokens = tokenize(text);
    let mut found = Found::default();
    find_full_names(&tokens, &mut found);
    find_gazetteer_aliases(&tokens, &mut found);
    fold_genitive_names(&mut found);
    find_later_mentions(&tokens, &mut found);
    found.into_article_people()
}

// ---------------------------------------------------------------------------
// Lexicons

#[derive(Deserialize)]
struct GazetteerFile {
    people: Vec<GazetteerEntry>,
}

#[derive(Deserialize)]
struct GazetteerEntry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    nationality: Vec<String>,
}

struct Gazetteer {
    entries: HashMap<String, GazetteerEntry>,
    /// Alias (as written) → canonical name.
    by_alias: HashMap<String, String>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let file: GazetteerFile = serde_json::from_str(include_str!("../../schema/people.json"))
        .unwrap_or(GazetteerFile { people: Vec::new() });
    let mut by_alias = HashMap::new();
    let mut entries = HashMap::new();
    for entry in file.people {
        for alias in &entry.aliases {
            by_alias.insert(alias.clone(), entry.name.clone());
        }
        entries.insert(entry.name.clone(), entry);
    }
    Gazetteer { entries, by_alias }
});

static FIRST_NAMES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../../schema/first-names.txt")));

static ROLES: LazyLock<Vec<String>> = LazyLock::new(|| {
    word_list(include_str!("../../schema/person-roles.txt"))
        .into_iter()
        .map(str::to_lowercase)
        .collect()
});

fn word_list(text: &'static str) -> HashSet<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// Particles inside names: `Ursula von der Leyen`, `Thomas de Maizière`.
const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "du", "le", "la", "zu", "ten", "ter", "dos",
    "bin", "al", "el",
];

/// Capitalised words that follow a first name but are no surname:
/// sentence words, months, weekdays, organisations, places.
const NOT_SURNAMES: &[&str] = &[
    "Der",
    "Die",
    "Das",
    "Den",
    "Dem",
    "Des",
    "Ein",
    "Eine",
    "Und",
    "Oder",
    "Aber",
    "Auch",
    "Am",
    "Im",
    "In",
    "An",
    "Auf",
    "Aus",
    "Bei",
    "Mit",
    "Nach",
    "Vor",
    "Von",
    "Zu",
    "Zum",
    "Zur",
    "Für",
    "Über",
    "Unter",
    "Als",
    "Wie",
    "Sie",
    "Er",
    "Es",
    "Wir",
    "Ihr",
    "Ich",
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
    "Nato",
    "EU",
    "UN",
    "USA",
    "Kreml",
    "Bundestag",
    "Bundesrat",
    "Regierung",
    "Euro",
    "Dollar",
    "Prozent",
    "Millionen",
    "Milliarden",
    "Uhr",
    "The",
    "Of",
    "Man",
    "League",
    "Club",
    "City",
];

// ---------------------------------------------------------------------------
// Tokens

/// A word of the text with its byte range.
#[derive(Debug, Clone)]
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    /// Punctuation other than a comma stands between this and the word
    /// before (a comma allows `Regierungschef, Dick Schoof,`).
    after_break: bool,
}

impl Token<'_> {
    fn is_capitalized(&self) -> bool {
        let mut chars = self.text.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
    }
}

/// Words: runs of letters, digits, hyphens and apostrophes (for `Merz'`),
/// trimmed of hyphens.
fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let in_word = c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push_token(text, s, i, &mut tokens);
                start = None;
            }
            _ => {}
        }
    }
    tokens
}

fn push_token<'a>(text: &'a str, start: usize, end: usize, tokens: &mut Vec<Token<'a>>) {
    let word = &text[start..end];
    let trimmed = word.trim_matches(['-']);
    let lead = word.len() - word.trim_start_matches('-').len();
    if !trimmed.is_empty() && trimmed.chars().any(char::is_alphanumeric) {
        let s = start + lead;
        let gap_start = tokens.last().map_or(0, |t| t.end);
        let after_break = text
            .get(gap_start..s)
            .is_some_and(|gap| gap.chars().any(|c| !c.is_whitespace() && c != ','));
        tokens.push(Token {
            text: trimmed,
            start: s,
            end: s + trimmed.len(),
            after_break,
        });
    }
}

/// A name particle; `Van` and `De` are capitalised in some names
/// (`Alexander Van der Bellen`).
fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word) || PARTICLES.contains(&word.to_lowercase().as_str())
}

fn is_first_name(word: &str) -> bool {
    FIRST_NAMES.contains(word)
        || (word.contains('-') && word.split('-').all(|p| FIRST_NAMES.contains(p)))
}

/// A word that can be (part of) a surname.
fn is_surname_word(token: &Token) -> bool {
    token.is_capitalized()
        && !NOT_SURNAMES.contains(&token.text)
        && !is_role(token.text)
        && !token.text.chars().any(|c| c.is_ascii_digit())
}

/// A word that is or ends with a role: `Kanzler`, `Nato-Generalsekretär`.
fn is_role(word: &str) -> bool {
    role_of(word).is_some()
}

fn role_of(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    ROLES
        .iter()
        .any(|role| lower.ends_with(role.as_str()))
        .then_some(lower)
}

fn strip_genitive_marks(name: &str) -> &str {
    name.trim_end_matches(['\'', '’'])
}

/// `Putins` → `Putin`; `Merz'` → `Merz`.
fn strip_genitive(word: &str) -> &str {
    let stripped = strip_genitive_marks(word);
    if stripped.len() < word.len() {
        return stripped;
    }
    word.strip_suffix('s').unwrap_or(word)
}

fn surname_of(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

// ---------------------------------------------------------------------------
// Finding

/// What the passes have found so far.
#[derive(Default)]
struct Found {
    /// Canonical names in order of first appearance, with roles.
    persons: Vec<Person>,
    mentions: Vec<Mention>,
}

impl Found {
    fn add(&mut self, name: &str, role: Option<String>, start: usize, end: usize) {
        let index = match self.persons.iter().position(|p| p.name == name) {
            Some(i) => i,
            None => {
                self.persons.push(new_person(name));
                self.persons.len() - 1
            }
        };
        if let Some(role) = role {
            if !self.persons[index].roles.contains(&role) {
                self.persons[index].roles.push(role);
            }
        }
        if !self.mentions.iter().any(|m| m.start < end && start < m.end) {
            self.mentions.push(Mention {
                canonical: name.to_string(),
                start,
                end,
            });
        }
    }

    fn into_article_people(mut self) -> ArticlePeople {
        self.mentions.sort_by_key(|m| m.start);
        let order: Vec<String> = self.mentions.iter().map(|m| m.canonical.clone()).collect();
        self.persons.sort_by_key(|p| {
            order
                .iter()
                .position(|n| *n == p.name)
                .unwrap_or(usize::MAX)
        });
        ArticlePeople {
            persons: self.persons,
            mentions: self.mentions,
        }
    }
}

/// A person with what the gazetteer knows of them.
fn new_person(name: &str) -> Person {
    let mut person = Person {
        name: name.to_string(),
        ..Person::default()
    };
    if let Some(entry) = GAZETTEER.entries.get(name) {
        person.roles = entry.roles.clone();
        person.nationalities = entry.nationality.clone();
    }
    person
}

/// Rules 1 and 2: full names after a first name or a role; after a role,
/// also a single name (`Papst Leo`, `Kanzler Merz`).
fn find_full_names(tokens: &[Token], found: &mut Found) {
    let mut i = 0;
    while i < tokens.len() {
        let role = i
            .checked_sub(1)
            .and_then(|p| tokens.get(p))
            .filter(|t| t.is_capitalized() && !tokens[i].after_break)
            .and_then(|t| role_of(t.text));
        if let Some(end) = gazetteer_name_at(tokens, i) {
            let name = name_text(&tokens[i..end]);
            found.add(&name, role, tokens[i].start, tokens[end - 1].end);
            i = end;
        } else if let Some(end) = full_name_at(tokens, i, role.is_some()) {
            let name = name_text(&tokens[i..end]);
            found.add(&name, role, tokens[i].start, tokens[end - 1].end);
            i = end;
        } else {
            if let (Some(role), Some(name)) = (role, single_name_after_role(tokens, i)) {
                found.add(&name, Some(role), tokens[i].start, tokens[i].end);
            }
            i += 1;
        }
    }
}

/// The end of a gazetteer person's full name written out at `i`.
fn gazetteer_name_at(tokens: &[Token], i: usize) -> Option<usize> {
    GAZETTEER.entries.keys().find_map(|name| {
        let words: Vec<&str> = name.split(' ').collect();
        let window = tokens.get(i..i + words.len())?;
        window
            .iter()
            .zip(&words)
            .all(|(t, w)| t.text == *w)
            .then_some(i + words.len())
    })
}

/// `Papst Leo`: one name word after a role, not followed by another; a
/// gazetteer alias gives the full name. Genitives of other words
/// (`Präsident Frankreichs`) are not names.
fn single_name_after_role(tokens: &[Token], i: usize) -> Option<String> {
    let token = tokens.get(i)?;
    if !is_surname_word(token) || looks_like_noun(token.text) {
        return None;
    }
    if let Some(name) = GAZETTEER
        .by_alias
        .get(token.text)
        .or_else(|| GAZETTEER.by_alias.get(strip_genitive(token.text)))
    {
        return Some(name.clone());
    }
    let followed_by_name = tokens.get(i + 1).is_some_and(|t| t.is_capitalized());
    let genitive_like = token.text.ends_with('s') || token.text.ends_with('\'');
    (!followed_by_name && !genitive_like).then(|| token.text.to_string())
}

/// Nouns by their German derivational endings: never surnames.
fn looks_like_noun(word: &str) -> bool {
    const NOUN_ENDINGS: &[&str] = &[
        "ung", "keit", "heit", "schaft", "tion", "ität", "ismus", "nis", "tum", "ungen",
    ];
    let lower = word.to_lowercase();
    NOUN_ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// The end (exclusive token index) of a full name starting at `i`.
fn full_name_at(tokens: &[Token], i: usize, after_role: bool) -> Option<usize> {
    let first = tokens.get(i)?;
    if !first.is_capitalized() || NOT_SURNAMES.contains(&first.text) {
        return None;
    }
    let mut j = i + 1;
    if is_first_name(first.text) {
        while tokens.get(j).is_some_and(|t| {
            is_first_name(t.text) && tokens.get(j + 1).is_some_and(is_surname_word)
        }) {
            j += 1;
        }
    } else if after_role && is_surname_word(first) {
        // Unknown first name after a role: take up to two more name words
        // (`Präsident Recep Tayyip Erdogan`).
        while j < i + 2
            && tokens
                .get(j + 1)
                .is_some_and(|t| is_surname_word(t) && !looks_like_noun(t.text))
            && tokens.get(j).is_some_and(is_surname_word)
        {
            j += 1;
        }
    } else {
        return None;
    }
    while tokens.get(j).is_some_and(|t| is_particle(t.text)) && tokens.get(j + 1).is_some() {
        j += 1;
    }
    let surname = tokens.get(j)?;
    // A name never runs across punctuation (`… sagte Heinrich. "Wer …`).
    if tokens[i + 1..=j].iter().any(|t| t.after_break) {
        return None;
    }
    // A particle must be followed by the surname; a plain first word by a
    // capitalised name word that is not an ordinary sentence word.
    let is_name = is_surname_word(surname) && !looks_like_noun(surname.text);
    let known_alone = !is_first_name(first.text) && GAZETTEER.by_alias.contains_key(first.text);
    (is_name && !known_alone && !is_first_name_only_context(tokens, i, j)).then_some(j + 1)
}

/// `Mark` after a number is the currency (`100 Mark Rente`).
fn is_first_name_only_context(tokens: &[Token], i: usize, _j: usize) -> bool {
    i.checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|t| t.text.chars().all(|c| c.is_ascii_digit() || c == '.'))
}

fn name_text(tokens: &[Token]) -> String {
    tokens.iter().map(|t| t.text).collect::<Vec<_>>().join(" ")
}

/// Rule 3: gazetteer aliases (one or more words) anywhere in the text.
fn find_gazetteer_aliases(tokens: &[Token], found: &mut Found) {
    for (alias, name) in &GAZETTEER.by_alias {
        let words: Vec<&str> = alias.split(' ').collect();
        for i in 0..tokens.len() {
            let Some(window) = tokens.get(i..i + words.len()) else {
                break;
            };
            let last = window.len() - 1;
            let matches = window.iter().enumerate().all(|(k, t)| {
                t.text == words[k] || (k == last && strip_genitive(t.text) == words[k])
            });
            if matches {
                found.add(name, None, window[0].start, window[last].end);
            }
        }
    }
}

/// `Donald Trumps` found as a name when `Donald Trump` is one too.
fn fold_genitive_names(found: &mut Found) {
    let names: Vec<String> = found.persons.iter().map(|p| p.name.clone()).collect();
    for name in &names {
        let base = strip_genitive(name);
        if base != name && names.iter().any(|n| n == base) {
            found.persons.retain(|p| &p.name != name);
            for mention in &mut found.mentions {
                if &mention.canonical == name {
                    mention.canonical = base.to_string();
                }
            }
        }
    }
}

/// Rule 4: surnames alone, also in the genitive, for the persons found.
fn find_later_mentions(tokens: &[Token], found: &mut Found) {
    let mut by_surname: HashMap<String, Vec<String>> = HashMap::new();
    for person in &found.persons {
        by_surname
            .entry(surname_of(&person.name).to_string())
            .or_default()
            .push(person.name.clone());
    }
    for token in tokens {
        let candidates = by_surname
            .get(token.text)
            .or_else(|| by_surname.get(strip_genitive(token.text)));
        if let Some([name]) = candidates.map(Vec::as_slice) {
            found.add(&name.clone(), None, token.start, token.end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        extract(text).names()
    }

    #[test]
    fn role_and_first_name_rules() {
        assert_eq!(
            names("Kremlchef Wladimir Putin und der Sondergesandte Steve Witkoff trafen Vorstandschef Markus Hallberg."),
            ["Wladimir Putin", "Steve Witkoff", "Markus Hallberg"]
        );
        assert_eq!(
            names("Kremlsprecher Dmitrij Peskowa sagte"),
            ["Dmitrij Peskowa"]
        );
    }

    #[test]
    fn particles_and_double_names() {
        assert_eq!(
            names("Ursula von der Leyen traf Thomas de Maizière und Annegret Kramp-Karrenbauer."),
            [
                "Ursula von der Leyen",
                "Thomas de Maizière",
                "Annegret Kramp-Karrenbauer"
            ]
        );
    }

    #[test]
    fn surnames_and_genitives_resolve_to_the_full_name() {
        let found = extract(
            "Putins Berater kam. Später sagte Kremlchef Wladimir Putin mehr. Merz' Antwort.",
        );
        assert_eq!(found.names(), ["Wladimir Putin", "Friedrich Merz"]);
        assert_eq!(found.mentions.len(), 3);
        assert_eq!(found.mentions[0].canonical, "Wladimir Putin");
    }

    #[test]
    fn nouns_places_and_dates_are_not_people() {
        assert!(names("Am Montag sagte die Nato in Brüssel, der Kanzler und der Niederländer seien in Moskau.").is_empty());
        assert!(names("Die Rente stieg um 100 Mark Rente.").is_empty());
    }

    #[test]
    fn descriptors_resolve_by_role_and_nationality() {
        let found = extract("Nato-Generalsekretär Mark Rutte und Außenminister Marco Rubio.");
        assert_eq!(
            found
                .resolve_descriptor("der Niederländer")
                .map(|p| p.name.as_str()),
            Some("Mark Rutte")
        );
        assert_eq!(
            found
                .resolve_descriptor("Der Nato-Generalsekretär")
                .map(|p| p.name.as_str()),
            Some("Mark Rutte")
        );
        assert_eq!(
            found
                .resolve_descriptor("der Außenminister")
                .map(|p| p.name.as_str()),
            Some("Marco Rubio")
        );
        assert_eq!(found.resolve_descriptor("die Ministerin"), None);
        assert_eq!(
            found.resolve_name("Rutte").map(|p| p.name.as_str()),
            Some("Mark Rutte")
        );
    }
}
