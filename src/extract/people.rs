//! People extraction: finds the persons named in German news text and
//! resolves every mention to one canonical full name.
//!
//! German capitalises every noun, so "capitalised" says little. A run of
//! capitalised words is taken for a person only when one of these rules
//! vouches for it:
//!
//! 1. **Gazetteer** (`schema/people.json`): known names and multi-word
//!    aliases (`Kim Jong Un`, `von der Leyen`, `Lula da Silva`), and
//!    single-word aliases (`Lula`, `Putin`) for people whose full name the
//!    article may never give.
//! 2. **First name + surname**: a word from `schema/first-names.txt` or
//!    the broad list `schema/first-names-faker.txt` (Faker's first names of
//!    many languages, MIT; hyphenated ones too: `Jean-Claude`), optionally more first names or
//!    initials (`George W. Bush`), particles (`von der`, `de`, `van`), then
//!    one surname word (`Kramp-Karrenbauer`, `al-Assad`) and, for Iberian
//!    names, `da`/`dos` + another surname (`Lula da Silva`).
//! 3. **Role + name**: a word ending in a role from
//!    `schema/person-roles.txt` (`Nato-Generalsekretär`, `US-Außenminister`,
//!    `Kremlchef`, `Schwiegersohn`) followed by two name words whatever the
//!    first name (`Trainer Josep Guardiola`), unless the article uses one
//!    of them as an ordinary noun (`die Fotos`). One word after a role
//!    (`Präsident Selenskyj`, `Kanzler Merz`) only counts when it is the
//!    surname of someone the article names in full or a gazetteer alias,
//!    and after a monarch's title when it is a first name (`Papst Leo`):
//!    `Nutzer Fotos`, `Finanzminister Zynismus` are no people.
//!
//! 4. **Context**: capitalised words whatever the first name, where the
//!    context makes them a person: after a verb of saying (`sagte Ruben
//!    Granada`) or before one (`Huber sagte`), before a party, country
//!    code or minute in parentheses (`Huber (SPÖ)`, `Koskinen (FIN)`,
//!    `Ortega (27.)`), as an apposition after a role (`der Bürgermeister
//!    von Triest, Aldo Benvenuti,`), in a football line-up (`Rapid:
//!    K. Novak – Brandl, Osterhuber …`). A role or such a context before
//!    a single word keeps it as a surname alone (`Trainer Haberlandt`), and a
//!    word the article puts before that surname elsewhere becomes its
//!    first name (`Team um Ferka Lindqvor`).
//!
//! Rules 2 to 4 never accept words from the `not_people` lists of the
//! gazetteer (places, organisations, months, weekdays), role or
//! nationality nouns, words with noun endings (`-ung`, `-heit`, `-schaft`),
//! nor names right after `Sankt`, `Flughafen` … or before `Straße`, `AG` ….
//! Rule 4 also refuses nouns, places and companies of `schema/lexicon/`
//! (`laut Medienberichten`), words the article writes in lowercase at a
//! sentence start (`Während`), brands in camel case, media after verbs of
//! writing (only verbs of saying count), and a first name after a
//! determiner and a thing's noun (`den Zerstörer Henry Blake`).
//!
//! A second pass then finds every later (or earlier) surname-only mention
//! (`Rutte`, `de Maizière`) and genitive (`Putins`, `Merz'`, `Trumps`) and
//! resolves it to the person of this article with that surname, else to a
//! gazetteer alias. The stored name is always the canonical full name, so
//! the same full name is the same person across articles.
//!
//! Roles come from the role word before a name (`Präsident Donald Trump`)
//! or an apposition after it (`Mark Rutte, der Generalsekretär der Nato`),
//! and from the gazetteer when the text gives none; nationalities from a
//! nationality noun before the name (`der Franzose Emmanuel Macron`) and
//! from the gazetteer. A role or nationality noun on its own (`der
//! Niederländer`) is no person: [`ArticlePeople::resolve_descriptor`] lets
//! the statements extractor resolve it.

use serde::Deserialize;
// FxHash: lexicon lookups run for every word of every article; SipHash
// showed up in profiles.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

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

    /// The person with this canonical name.
    pub fn person(&self, name: &str) -> Option<&Person> {
        self.persons.iter().find(|p| p.name == name)
    }

    /// The person a name written in the text refers to: a canonical name,
    /// a surname (also in the genitive: `Ruttes`, `Merz'`) or a gazetteer
    /// alias (`Lula`). `None` when nobody or several people fit.
    pub fn resolve_name(&self, name: &str) -> Option<&Person> {
        let name = name.trim();
        let base = genitive_stem(name).unwrap_or(name);
        if let Some(p) = self.person(name).or_else(|| self.person(base)) {
            return Some(p);
        }
        let surname_is = |p: &&Person, s: &str| p.name.rsplit(' ').next() == Some(s);
        for form in [name, base] {
            let mut fitting = self.persons.iter().filter(|p| surname_is(p, form));
            if let (Some(first), None) = (fitting.next(), fitting.next()) {
                return Some(first);
            }
        }
        let lex = lexicon();
        let idx = lex.by_name.get(name).or_else(|| lex.by_name.get(base))?;
        let entry = lex.people.get(*idx)?;
        self.person(&entry.name)
    }

    /// The mention covering byte offset `byte`, if any.
    pub fn person_at(&self, byte: usize) -> Option<&Mention> {
        let after = self.mentions.partition_point(|m| m.start <= byte);
        let m = self.mentions.get(after.checked_sub(1)?)?;
        (byte < m.end).then_some(m)
    }

    /// The one person a descriptor stands for: a role or nationality noun
    /// ("der Niederländer", "Nato-Generalsekretär", "Kanzler", "Ministerin")
    /// or a surname ("Rutte"). `None` when nobody or more than one person
    /// fits. Exact matches win over scoped ones ("Kanzler" also fits a
    /// "bundeskanzler" but not a "vizekanzler").
    pub fn resolve_descriptor(&self, descriptor: &str) -> Option<&Person> {
        let word = descriptor.split_whitespace().last()?;
        let d = word
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_lowercase();
        if d.chars().count() < 2 {
            return None;
        }
        let by_surname = |p: &&Person| {
            p.name
                .rsplit(' ')
                .next()
                .is_some_and(|s| s.to_lowercase() == d)
        };
        let tiers: [&dyn Fn(&&Person) -> bool; 3] = [
            &by_surname,
            &|p| {
                p.roles
                    .iter()
                    .chain(&p.nationalities)
                    .any(|r| forms_match(r, &d, false))
            },
            &|p| {
                p.roles
                    .iter()
                    .chain(&p.nationalities)
                    .any(|r| forms_match(r, &d, true))
            },
        ];
        for tier in tiers {
            let mut hits = self.persons.iter().filter(|p| tier(p));
            if let Some(first) = hits.next() {
                return hits.next().is_none().then_some(first);
            }
        }
        None
    }
}

/// Finds the people named in `text`.
pub fn extract(text: &str) -> ArticlePeople {
    let toks = tokenize(text);
    Extractor::new(lexicon(), text, &toks).run()
}

// ---------------------------------------------------------------------------
// Descriptor matching

/// Prefixes that make a role a different one: a "Vizekanzler" is no
/// "Kanzler", an "Ex-Präsident" no "Präsident".
const NOT_THE_SAME_ROLE: &[&str] = &[
    "vize",
    "alt",
    "ex",
    "ehemalig",
    "früher",
    "stellvertretend",
    "unter",
    "co",
    "ko",
    "mit",
    "gegen",
    "minister",
    "schatten",
];

/// Whether role noun `a` and descriptor `b` name the same thing, allowing
/// declension and feminine endings, and (when `scoped`) a scope prefix on
/// either side ("nato-generalsekretär" ~ "generalsekretär").
fn forms_match(a: &str, b: &str, scoped: bool) -> bool {
    let fa = noun_forms(a);
    let fb = noun_forms(b);
    fa.iter().any(|x| {
        fb.iter()
            .any(|y| x == y || (scoped && (scoped_suffix(x, y) || scoped_suffix(y, x))))
    })
}

/// `long` is `short` with a scope prefix that keeps the role the same.
fn scoped_suffix(long: &str, short: &str) -> bool {
    if long.len() <= short.len() || !long.ends_with(short) {
        return false;
    }
    let prefix = long[..long.len() - short.len()].trim_end_matches('-');
    !NOT_THE_SAME_ROLE.iter().any(|n| prefix.starts_with(n))
}

/// A noun and its forms without inflection endings ("präsidentin" →
/// "präsident", "sondergesandten" → "sondergesandte").
fn noun_forms(w: &str) -> Vec<&str> {
    let mut out = vec![w];
    for ending in ["innen", "in", "en", "n", "s", "r", "e"] {
        if let Some(stem) = w.strip_suffix(ending) {
            if stem.chars().count() >= 3 {
                out.push(stem);
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Lexicons

const FIRST_NAMES: &str = include_str!("../../schema/first-names.txt");
/// The broad list from Faker's person providers (MIT, see
/// `schema/first-names-faker.LICENSE`), without German and English words.
const FIRST_NAMES_OPEN: &str = include_str!("../../schema/first-names-faker.txt");
const ROLES: &str = include_str!("../../schema/person-roles.txt");
const GAZETTEER: &str = include_str!("../../schema/people.json");
const NOUNS: &str = include_str!("../../schema/lexicon/nouns.txt");
const NAMES: &str = include_str!("../../schema/lexicon/names.txt");
const MODIFIERS: &str = include_str!("../../schema/lexicon/modifiers.txt");
const SPEECH_VERBS: &str = include_str!("../../schema/speech-verbs.txt");

/// Parties in parentheses after a politician's name (`Huber (SPÖ)`).
const PARTIES: &[&str] = &[
    "SPÖ",
    "ÖVP",
    "FPÖ",
    "Grüne",
    "Grünen",
    "Neos",
    "NEOS",
    "KPÖ",
    "BZÖ",
    "Team Stronach",
    "TS",
    "Liste Pilz",
    "SP",
    "VP",
    "FP",
    "CDU",
    "CSU",
    "SPD",
    "FDP",
    "Linke",
    "AfD",
    "BSW",
    "parteilos",
    "parteifrei",
    "SVP",
    "FDP",
    "PS",
    "PSOE",
    "PP",
    "Republikaner",
    "Demokrat",
    "Demokratin",
];

/// Speech verbs (lemmas of `schema/speech-verbs.txt`) whose subject is a
/// person far more often than a medium or an organisation.
const SAYING: &[&str] = &[
    "sagen",
    "betonen",
    "meinen",
    "ergänzen",
    "versichern",
    "bekräftigen",
    "erzählen",
    "sagte",
    "erklären",
    "kritisieren",
    "warnen",
];

/// Words that open the subject after a finite verb (`Zugleich sagte er`).
const SUBJECTS: &[&str] = &[
    "er", "sie", "es", "man", "der", "die", "das", "ein", "eine", "dieser", "diese", "auch",
];

/// Agencies and other capitals in parentheses that follow places, not people.
const AGENCIES: &[&str] = &[
    "APA", "AFP", "AP", "DPA", "SDA", "KNA", "EPD", "ORF", "BBC", "CNN", "USA", "EU", "UN", "UNO",
    "RED", "ZDF", "ARD", "SID", "ANP",
];

/// Roles whose holders are named by first name alone (`Papst Leo`,
/// `Pater Anselm`).
const REGNAL: &[&str] = &[
    "papst",
    "könig",
    "königin",
    "kaiser",
    "kaiserin",
    "prinz",
    "prinzessin",
    "kronprinz",
    "kronprinzessin",
    "fürst",
    "fürstin",
    "großherzog",
    "großherzogin",
    "herzog",
    "herzogin",
    "emir",
    "sultan",
    "scheich",
    // clergy of orders go by their religious name (`Pater Florian`)
    "pater",
    "frater",
    "abt",
];

/// Lowercase particles between first name and surname.
const PARTICLES: &[&str] = &[
    "von", "van", "vom", "zu", "zum", "zur", "der", "den", "de", "des", "del", "della", "di", "da",
    "du", "dos", "das", "do", "la", "le", "ten", "ter", "bin", "ibn", "al", "el", "y",
];

/// Particles that are German articles too: only after another particle.
const GERMAN_ARTICLE_PARTICLES: &[&str] = &["der", "den", "des", "das"];

/// Particles that may follow a surname and join a second one (`Lula da
/// Silva`, `García y Pérez`); German `von` is left out, since `Martin
/// Schulz von der SPD` is no name.
const LATE_PARTICLES: &[&str] = &["da", "dos", "de", "del", "di", "y"];

/// Lowercase words before which a surname-only word is a common noun
/// ("der Koch", "ein Fischer").
const DETERMINERS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
];

/// A determiner, possessive, demonstrative or contracted preposition
/// (`der`, `seine`, `diese`, `im`, `ins`): the next word is an ordinary noun.
fn is_marker(w: &str) -> bool {
    // A `match` compiles to a switch on length and bytes: this runs for
    // every word.
    matches!(
        w,
        "der"
            | "die"
            | "das"
            | "den"
            | "dem"
            | "des"
            | "ein"
            | "eine"
            | "einen"
            | "einem"
            | "einer"
            | "eines"
            | "kein"
            | "keine"
            | "keinen"
            | "keiner"
            | "sein"
            | "seine"
            | "seinen"
            | "seiner"
            | "ihr"
            | "ihre"
            | "ihren"
            | "ihrer"
            | "unser"
            | "unsere"
            | "diese"
            | "dieser"
            | "diesen"
            | "dieses"
            | "jede"
            | "jeder"
            | "jeden"
            | "alle"
            | "viele"
            | "mehr"
            | "neue"
            | "neuen"
            | "mehrere"
            | "einige"
            | "zum"
            | "zur"
            | "im"
            | "am"
            | "vom"
            | "beim"
            | "ins"
            | "ans"
            | "aufs"
            | "fürs"
            | "übers"
            | "durchs"
            | "eure"
    )
}

/// Endings of ordinary German nouns, never of a surname.
const NOUN_ENDINGS: &[&str] = &[
    "ungen",
    "heit",
    "keit",
    "schaft",
    "tion",
    "tionen",
    "ismus",
    "ität",
    "nahme",
    "politik",
    "gesetz",
    "ministerium",
    "verband",
    "konzern",
    "gruppe",
    "institut",
    "stiftung",
    "straße",
    "platz",
    "allee",
    "partei",
    "regierung",
];

#[derive(Deserialize, Default)]
struct GazFile {
    #[serde(default)]
    people: Vec<GazEntry>,
    #[serde(default)]
    not_people: NotPeople,
}

#[derive(Deserialize, Default, Clone)]
struct GazEntry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    nationalities: Vec<String>,
    /// Whether a one-word name is an alias on its own; `false` for names
    /// that are common first names (`Leo`: only `Papst Leo` is the pope).
    #[serde(default = "yes")]
    alone: bool,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize, Default)]
struct NotPeople {
    #[serde(default)]
    phrases: Vec<String>,
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    after: Vec<String>,
    #[serde(default)]
    surnames_too: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Role,
    Nationality,
    Title,
}

struct RoleWord {
    word: String,
    kind: Kind,
    /// Also a common surname (`Richter`, `König`): allowed as a surname
    /// when it stands alone, not in a compound.
    surname_too: bool,
}

/// A role or nationality word found in the text, normalised.
#[derive(Clone, Debug)]
struct RoleHit {
    norm: String,
    kind: Kind,
}

struct Lexicon {
    first_names: HashSet<String>,
    /// Spelling skeletons of the first names (`Claus` ~ `Klaus`).
    first_skeletons: HashSet<String>,
    roles: Vec<RoleWord>,
    /// Role words by their last three characters, for suffix matching.
    role_index: HashMap<String, Vec<usize>>,
    people: Vec<GazEntry>,
    /// Multi-word names and aliases by their first word (both cases of
    /// its first letter): word sequences and gazetteer index.
    phrases: HashMap<String, Vec<(Vec<String>, usize)>>,
    /// Single-word aliases and surnames of gazetteer people.
    single: HashMap<String, usize>,
    /// Full names and aliases (as written) to gazetteer index.
    by_name: HashMap<String, usize>,
    not_phrases: HashSet<String>,
    stop: HashSet<String>,
    /// Stop words that are also family names after a first name.
    surnames_too: HashSet<String>,
    before: HashSet<String>,
    after: HashSet<String>,
    /// Common nouns, places and companies of `schema/lexicon/`, lowercase:
    /// never a surname on its own.
    common: HashSet<String>,
    /// Places of `schema/lexicon/names.txt`, lowercase.
    places: HashSet<String>,
    /// Nouns of `schema/lexicon/nouns.txt` outside its sections on people.
    things: HashSet<String>,
    /// Surnames of `schema/lexicon/names.txt`, lowercase: a surname even
    /// when also a noun (`Fischer`).
    surnames: HashSet<String>,
    /// Finite speech verbs (`schema/speech-verbs.txt`).
    speech: HashSet<String>,
    /// First bytes of the speech verbs: most words need no lookup.
    speech_first: [bool; 256],
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::load)
}

/// The lines of a lexicon file that carry data.
fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

/// Both first-name lists.
fn first_name_lines() -> impl Iterator<Item = &'static str> {
    data_lines(FIRST_NAMES).chain(data_lines(FIRST_NAMES_OPEN))
}

fn last_chars(s: &str, n: usize) -> Option<&str> {
    let (i, _) = s.char_indices().rev().nth(n - 1)?;
    Some(&s[i..])
}

fn flip_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if f.is_uppercase() => f.to_lowercase().chain(c).collect(),
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

impl Lexicon {
    fn load() -> Lexicon {
        // A broken gazetteer must not stop indexing: the rules still work
        // without it (a unit test makes sure it parses).
        let gaz: GazFile = serde_json::from_str(GAZETTEER).unwrap_or_default();
        let mut lex = Lexicon {
            first_names: first_name_lines().map(str::to_string).collect(),
            first_skeletons: first_name_lines().map(skeleton).collect(),
            roles: Vec::new(),
            role_index: HashMap::default(),
            people: Vec::new(),
            phrases: HashMap::default(),
            single: HashMap::default(),
            by_name: HashMap::default(),
            not_phrases: gaz.not_people.phrases.into_iter().collect(),
            stop: gaz.not_people.words.into_iter().collect(),
            surnames_too: gaz.not_people.surnames_too.into_iter().collect(),
            before: gaz.not_people.before.into_iter().collect(),
            after: gaz.not_people.after.into_iter().collect(),
            common: HashSet::default(),
            things: HashSet::default(),
            places: HashSet::default(),
            surnames: HashSet::default(),
            speech: HashSet::default(),
            speech_first: [false; 256],
        };
        lex.load_words();
        lex.load_roles();
        for entry in gaz.people {
            lex.add_gazetteer(entry);
        }
        lex
    }

    fn load_words(&mut self) {
        self.common = data_lines(NOUNS)
            .chain(data_lines(MODIFIERS))
            .map(str::to_string)
            .collect();
        let mut people_section = false;
        for line in NOUNS.lines() {
            if let Some(head) = line.strip_prefix('#') {
                people_section = head.contains("people") || head.contains("derived");
                continue;
            }
            let word = line.trim();
            if !people_section && !word.is_empty() {
                self.things.insert(word.to_string());
            }
        }
        let mut section = "";
        for line in NAMES.lines() {
            if let Some(head) = line.strip_prefix('#') {
                section = head.trim();
                continue;
            }
            let word = line.trim();
            if word.is_empty() {
                continue;
            }
            if section.starts_with("surnames") || section.starts_with("public figures") {
                self.surnames.insert(word.to_string());
            } else if !section.starts_with("archiv") && !section.starts_with("Written") {
                self.common.insert(word.to_string());
                if !section.starts_with("companies") {
                    self.places.insert(word.to_string());
                }
            }
        }
        // Verbs of saying only: media and agencies write, report and
        // announce (`berichtete Reuters`, `schreibt Wired`).
        for line in data_lines(SPEECH_VERBS) {
            if let Some((lemma, forms)) = line.split_once(':') {
                if SAYING.contains(&lemma.trim()) {
                    for form in forms.split_whitespace() {
                        if let Some(&b) = form.as_bytes().first() {
                            self.speech_first[usize::from(b)] = true;
                        }
                        self.speech.insert(form.to_string());
                    }
                }
            }
        }
    }

    /// A common noun, place or company of the lexicon (also in a plural
    /// or genitive form, or as the tail of a compound: `Bildungsangebot`),
    /// unless it is a known surname.
    fn is_common_word(&self, w: &str) -> bool {
        let lower = w.to_lowercase();
        if self.surnames.contains(&lower) {
            return false;
        }
        let known = |w: &str| {
            self.common.contains(w)
                || ["s", "n", "en", "e", "er", "ern", "nen", "es"]
                    .iter()
                    .any(|e| {
                        w.strip_suffix(e).is_some_and(|stem| {
                            stem.chars().count() >= 3 && self.common.contains(stem)
                        })
                    })
        };
        if known(&lower) {
            return true;
        }
        // The tail of a compound (`Medienberichten`), six letters or more,
        // as it stands or without a plural ending.
        let tail_known = |w: &str| {
            self.common.contains(w)
                || ["n", "en", "s"].iter().any(|e| {
                    w.strip_suffix(e)
                        .is_some_and(|stem| self.common.contains(stem))
                })
        };
        lower
            .char_indices()
            .skip(1)
            .map(|(b, _)| &lower[b..])
            .take_while(|tail| tail.len() >= 6)
            .any(tail_known)
    }

    /// A place of `schema/lexicon/names.txt` (`Granada`).
    fn is_place(&self, w: &str) -> bool {
        self.places.contains(&w.to_lowercase())
    }

    /// A thing's noun (`Zerstörer`, `Stützpunkt`), or a compound ending in
    /// one; never a noun for people.
    fn is_thing(&self, w: &str) -> bool {
        let lower = w.to_lowercase();
        // `Gemeinderätin`: a feminine ending is a person's.
        // `Geologe`, `Jurist`, `Kandidat`: endings of nouns for people.
        let person_ending = ["in", "innen", "oge", "ist", "ent", "ant", "eur", "at", "ar"];
        if person_ending.iter().any(|e| lower.ends_with(e)) {
            return false;
        }
        lower
            .char_indices()
            .map(|(b, _)| &lower[b..])
            .take_while(|tail| tail.chars().count() >= 6)
            .any(|tail| self.things.contains(tail))
    }

    fn load_roles(&mut self) {
        let mut kind = Kind::Role;
        for line in data_lines(ROLES) {
            match line {
                "[roles]" => kind = Kind::Role,
                "[nationalities]" => kind = Kind::Nationality,
                "[titles]" => kind = Kind::Title,
                _ => {
                    let surname_too = line.ends_with('*');
                    let word = line.trim_end_matches('*').to_lowercase();
                    let Some(key) = last_chars(&word, 3) else {
                        continue;
                    };
                    self.role_index
                        .entry(key.to_string())
                        .or_default()
                        .push(self.roles.len());
                    self.roles.push(RoleWord {
                        word,
                        kind,
                        surname_too,
                    });
                }
            }
        }
    }

    fn add_gazetteer(&mut self, entry: GazEntry) {
        let idx = self.people.len();
        let mut forms = vec![entry.name.clone()];
        forms.extend(entry.aliases.iter().cloned());
        for form in &forms {
            let words: Vec<String> = form
                .split_whitespace()
                .map(|w| w.trim_end_matches('.').to_string())
                .collect();
            self.by_name.insert(words.join(" "), idx);
            match words.as_slice() {
                [] => {}
                [one] if entry.alone || *form != entry.name => {
                    self.single.insert(one.clone(), idx);
                }
                [_] => {}
                [first, ..] => {
                    for key in [first.clone(), flip_first(first)] {
                        self.phrases
                            .entry(key)
                            .or_default()
                            .push((words.clone(), idx));
                    }
                }
            }
        }
        for list in self.phrases.values_mut() {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        self.people.push(entry);
    }

    /// A spelling variant of a known first name (`Claus`, `Massud`,
    /// `Katerina`): enough after a role, never alone.
    fn first_name_like(&self, t: &str) -> bool {
        starts_upper(t) && self.first_skeletons.contains(&skeleton(t))
    }

    fn is_first_name(&self, t: &str) -> bool {
        starts_upper(t) && self.first_names.contains(t)
            || (t.contains('-') && t.split('-').all(|p| self.first_names.contains(p)))
    }

    /// The role, nationality or title `token` is or ends in, with the
    /// declension ending removed ("Präsidenten" → "präsident") and a
    /// feminine ending kept ("Ministerin"); and whether the word may still
    /// be a surname (`Mendelssohn` only ends in "sohn", `Richter` is both).
    fn role_of(&self, token: &str) -> Option<(RoleHit, bool)> {
        if !starts_upper(token) {
            return None;
        }
        let lower = token.to_lowercase();
        for ending in ["", "in", "innen", "n", "en", "s", "es", "r"] {
            let Some(stem) = lower.strip_suffix(ending) else {
                continue;
            };
            if let Some(rw) = self.role_ending(stem) {
                if rw.kind == Kind::Title && !matches!(ending, "" | "n") {
                    // `Frauen`, `Herren` are plurals, no titles.
                    continue;
                }
                let norm = match ending {
                    "in" => lower.clone(),
                    "innen" => format!("{stem}in"),
                    _ => stem.to_string(),
                };
                let compound = stem != rw.word;
                let hit = RoleHit {
                    norm,
                    kind: rw.kind,
                };
                return Some((hit, compound || rw.surname_too));
            }
        }
        None
    }

    /// The longest role word `stem` ends in.
    fn role_ending(&self, stem: &str) -> Option<&RoleWord> {
        let key = last_chars(stem, 3)?;
        self.role_index
            .get(key)?
            .iter()
            .filter_map(|&i| self.roles.get(i))
            .filter(|rw| stem.ends_with(&rw.word))
            .max_by_key(|rw| rw.word.len())
    }

    fn is_title(&self, token: &str) -> bool {
        self.role_of(token)
            .is_some_and(|(h, _)| h.kind == Kind::Title)
    }

    /// Whether `t` can be (part of) a surname: capitalised, not a known
    /// non-name, not a role or nationality, not an ordinary noun.
    fn is_name_word(&self, t: &str) -> bool {
        self.is_surname_word(t, false)
    }

    /// Like [`Lexicon::is_name_word`], but right after a first name or a
    /// particle, where a few company and place words are family names too
    /// (`Wolfgang Porsche`, `Werner von Siemens`): `family` allows those.
    fn is_surname_word(&self, t: &str, family: bool) -> bool {
        let core = genitive_stem(t).unwrap_or(t);
        let body = arabic_article(core).unwrap_or(core);
        let stopped = |w: &str| self.stop.contains(w) && !(family && self.surnames_too.contains(w));
        if !starts_upper(body)
            || body.chars().nth(1).is_none()
            || is_all_caps(body)
            || body.chars().any(|c| c.is_numeric())
            || stopped(core)
            || stopped(t)
        {
            return false;
        }
        let parts_ok = body
            .split('-')
            .all(|p| starts_upper(p) && !stopped(p) && !is_all_caps(p));
        if !parts_ok || has_noun_ending(body) {
            return false;
        }
        // Only a role word standing alone blocks a surname: `Mendelssohn`
        // ends in "sohn" but is a name.
        match self.role_of(t) {
            Some((_, may_be_surname)) => may_be_surname,
            None => true,
        }
    }
}

/// A name's spelling skeleton: lowercase, accents dropped, `c`/`k`,
/// `ph`/`f`, `th`/`t`, `y`/`i`, `w`/`v` and doubled letters merged, so
/// that transliteration variants meet.
fn skeleton(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let lower = name.to_lowercase().replace("ph", "f").replace("th", "t");
    for c in lower.chars() {
        let c = match c {
            'c' => 'k',
            'y' => 'i',
            'w' => 'v',
            'á' | 'à' | 'â' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'õ' => 'o',
            'ú' | 'ù' | 'û' => 'u',
            'ñ' => 'n',
            'ç' => 'k',
            c => c,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// `BRÜSSEL`, `US`, `DP`: datelines and abbreviations, no names.
fn is_all_caps(s: &str) -> bool {
    let mut letters = s.chars().filter(|c| c.is_alphabetic());
    let first = letters.next();
    let second = letters.next();
    first.is_some() && second.is_some() && s.chars().all(|c| !c.is_lowercase())
}

fn has_noun_ending(s: &str) -> bool {
    let lower = s.to_lowercase();
    let last = lower.rsplit('-').next().unwrap_or(&lower);
    NOUN_ENDINGS
        .iter()
        .any(|e| last.ends_with(e) && last.len() > e.len())
        || (last.ends_with("ung") && last.chars().count() > 7)
}

/// `al-Assad` → `Assad`: Arabic article before a capitalised surname.
fn arabic_article(s: &str) -> Option<&str> {
    ["al-", "el-", "as-", "ad-", "ar-", "at-", "an-", "asch-"]
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .filter(|rest| starts_upper(rest))
}

/// The base of a genitive: `Putins` → `Putin`, `Merz'` → `Merz`,
/// `Trump's` → `Trump`. `None` when `t` has no genitive ending.
fn genitive_stem(t: &str) -> Option<&str> {
    for apos in ["'s", "’s"] {
        if let Some(s) = t.strip_suffix(apos) {
            return Some(s);
        }
    }
    for apos in ['\'', '’'] {
        if let Some(s) = t.strip_suffix(apos) {
            return Some(s);
        }
    }
    let s = t.strip_suffix('s')?;
    (s.chars().count() >= 2 && !s.ends_with('s')).then_some(s)
}

// ---------------------------------------------------------------------------
// Tokens

/// What separates a word from the one before it. Names never span
/// anything but spaces, or a dot after an initial or a title (`Dr.`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Gap {
    Start,
    Space,
    Dot,
    Comma,
    Break,
}

#[derive(Debug)]
struct Tok<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    gap: Gap,
}

/// Splits `text` into words: letters and digits, joined by inner hyphens
/// and apostrophes (`Kramp-Karrenbauer`, `O'Brien`), plus a genitive
/// apostrophe at the end (`Merz'`).
fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::with_capacity(text.len() / 6);
    let mut sep = SepSeen::default();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !c.is_alphanumeric() {
            sep.see(c);
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut prev = c;
        while let Some(&(j, d)) = it.peek() {
            let next = text.get(j + d.len_utf8()..).and_then(|r| r.chars().next());
            let joins = d.is_alphanumeric()
                || (d == '-' && next.is_some_and(char::is_alphanumeric))
                || (matches!(d, '\'' | '’') && next.is_some_and(char::is_alphabetic));
            let genitive = matches!(d, '\'' | '’')
                && matches!(prev, 's' | 'z' | 'x' | 'ß')
                && !next.is_some_and(char::is_alphanumeric);
            if !(joins || genitive) {
                break;
            }
            end = j + d.len_utf8();
            prev = d;
            it.next();
            if genitive {
                break;
            }
        }
        let gap = if toks.is_empty() {
            Gap::Start
        } else {
            sep.gap()
        };
        toks.push(Tok {
            text: &text[i..end],
            start: i,
            end,
            gap,
        });
        sep = SepSeen::default();
    }
    toks
}

#[derive(Default)]
struct SepSeen {
    dots: u8,
    comma: bool,
    other: bool,
}

impl SepSeen {
    fn see(&mut self, c: char) {
        match c {
            '.' => self.dots = self.dots.saturating_add(1),
            ',' => self.comma = true,
            '\n' | '\r' => self.other = true,
            c if c.is_whitespace() => {}
            _ => self.other = true,
        }
    }

    fn gap(&self) -> Gap {
        match (self.other, self.dots, self.comma) {
            (true, _, _) | (_, 2.., _) | (_, 1, true) => Gap::Break,
            (_, 0, true) => Gap::Comma,
            (_, 1, false) => Gap::Dot,
            _ => Gap::Space,
        }
    }
}

// ---------------------------------------------------------------------------
// Extraction

/// Whether token `i` is joined to the one before it as part of a name.
fn joined_at(lex: &Lexicon, toks: &[Tok<'_>], i: usize) -> bool {
    let Some(t) = toks.get(i) else {
        return false;
    };
    match t.gap {
        Gap::Space => true,
        Gap::Dot => i
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| is_initial(p.text) || lex.is_title(p.text)),
        _ => false,
    }
}

/// Who a found name is, before resolution.
#[derive(Debug)]
enum Who {
    /// A full name from the rules; `surname` are the words after the
    /// first names; `folded` the same name without a genitive ending.
    Full {
        name: String,
        surname: Vec<String>,
        folded: Option<(String, Vec<String>)>,
    },
    /// A gazetteer person, by index.
    Gaz(usize),
    /// One word after a role, to resolve like a surname; `regnal` for
    /// monarchs named by first name (`Papst Leo`), who stay persons even
    /// when nothing else names them; `vouched` for a surname whose context
    /// makes it a person (`Trainer Haberlandt`, `sagte Huber`, `Huber (SPÖ)`),
    /// kept as that surname when the article gives no full name.
    Single { regnal: bool, vouched: bool },
}

#[derive(Debug)]
struct Found {
    first: usize,
    /// Exclusive token index.
    end: usize,
    who: Who,
    roles: Vec<RoleHit>,
}

struct Acc {
    name: String,
    roles: Vec<String>,
    nationalities: Vec<String>,
    gaz: Option<usize>,
}

struct Extractor<'a> {
    lex: &'a Lexicon,
    text: &'a str,
    toks: &'a [Tok<'a>],
    covered: Vec<bool>,
    persons: Vec<Acc>,
    by_name: HashMap<String, usize>,
    /// Surname word sequences by their first word: sequence, person.
    keys: HashMap<String, Vec<(Vec<String>, usize)>>,
    mentions: Vec<(usize, usize, usize)>,
    /// How often each capitalised word occurs in the article, and how
    /// often outside a run of capitalised words.
    counts: HashMap<&'a str, (usize, usize)>,
    /// Words the article puts an article or pronoun before (`die Fotos`).
    noun_used: HashSet<&'a str>,

    /// Persons known so far by a surname alone (`sagt Lindqvor`).
    surname_only: Vec<usize>,
}

impl<'a> Extractor<'a> {
    fn new(lex: &'a Lexicon, text: &'a str, toks: &'a [Tok<'a>]) -> Self {
        let capacity = toks.len() / 4;
        let mut counts: HashMap<&'a str, (usize, usize)> =
            HashMap::with_capacity_and_hasher(capacity, Default::default());
        let mut noun_used: HashSet<&'a str> = HashSet::default();
        for (k, t) in toks.iter().enumerate() {
            // Only capitalised words are ever counted or asked about.
            if !starts_upper(t.text) {
                continue;
            }
            let count = counts.entry(t.text).or_default();
            count.0 += 1;
            let marked =
                k > 0 && t.gap == Gap::Space && toks.get(k - 1).is_some_and(|p| is_marker(p.text));
            if marked {
                noun_used.insert(t.text);
            }
            let capital_at = |k: usize| toks.get(k).is_some_and(|t| starts_upper(t.text));
            let in_run = (k > 0 && capital_at(k - 1) && joined_at(lex, toks, k))
                || (capital_at(k + 1) && joined_at(lex, toks, k + 1));
            if !in_run {
                count.1 += 1;
            }
        }
        Extractor {
            counts,
            noun_used,
            surname_only: Vec::new(),
            lex,
            text,
            toks,
            covered: vec![false; toks.len()],
            persons: Vec::new(),
            by_name: HashMap::default(),
            keys: HashMap::default(),
            mentions: Vec::new(),
        }
    }

    fn run(mut self) -> ArticlePeople {
        let found = self.find_names();
        let (full, singles): (Vec<Found>, Vec<Found>) = found
            .into_iter()
            .partition(|f| !matches!(f.who, Who::Single { .. }));
        for f in &full {
            self.add_found(f);
        }
        for f in &singles {
            self.add_single(f);
        }
        self.first_names_by_evidence();
        self.lineups();
        self.surname_pass();
        self.finish()
    }

    fn tok(&self, i: usize) -> Option<&'a Tok<'a>> {
        self.toks.get(i)
    }

    /// Whether token `i` is joined to the one before it as part of a name.
    fn joined(&self, i: usize) -> bool {
        joined_at(self.lex, self.toks, i)
    }

    // -- pass 1: full names, gazetteer phrases, role + word ---------------

    fn find_names(&mut self) -> Vec<Found> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            if let Some(end) = self.blocked_run(i) {
                i = end;
                continue;
            }
            let found = self
                .gazetteer_at(i)
                .or_else(|| self.full_name_at(i))
                .or_else(|| self.role_single_at(i))
                .or_else(|| self.context_name_at(i));
            match found {
                Some(mut f) => {
                    if !matches!(f.who, Who::Single { .. }) {
                        f.roles = self.roles_before(f.first);
                    }
                    f.roles.extend(self.roles_after(f.end));
                    for c in &mut self.covered[f.first..f.end] {
                        *c = true;
                    }
                    i = f.end;
                    out.push(f);
                }
                None => i += 1,
            }
        }
        out
    }

    /// After `Sankt`, `Flughafen` …: the capitalised run that follows is a
    /// place or thing; returns where it ends so nothing in it is a name.
    fn blocked_run(&self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        if !self.lex.before.contains(t.text)
            || !(self.joined(i + 1) || self.tok(i + 1)?.gap == Gap::Dot)
        {
            return None;
        }
        let mut j = i + 1;
        while self.tok(j).is_some_and(|t| starts_upper(t.text)) && (j == i + 1 || self.joined(j)) {
            j += 1;
        }
        Some(j)
    }

    fn gazetteer_at(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        let list = self.lex.phrases.get(t.text)?;
        for (words, idx) in list {
            let n = words.len();
            let matches = words.iter().enumerate().all(|(k, w)| {
                let Some(tk) = self.tok(i + k) else {
                    return false;
                };
                let same = if k == 0 {
                    tk.text.eq_ignore_ascii_case(w) || tk.text == flip_first(w)
                } else if k + 1 == n {
                    tk.text == w || genitive_stem(tk.text) == Some(w.as_str())
                } else {
                    tk.text == w
                };
                same && (k == 0 || self.joined(i + k))
            });
            if matches {
                return Some(Found {
                    first: i,
                    end: i + n,
                    who: Who::Gaz(*idx),
                    roles: Vec::new(),
                });
            }
        }
        None
    }

    /// Rule 2: first name(s), particles, surname.
    fn full_name_at(&self, i: usize) -> Option<Found> {
        let t0 = self.tok(i)?;
        if !self.lex.is_first_name(t0.text) || self.thing_before(i) {
            return None;
        }
        let mut j = i + 1;
        // More first names and initials: `Frank Walter`, `George W.`.
        while j < i + 4 && self.joined(j) {
            let t = self.tok(j)?;
            let initial = is_initial(t.text) && self.tok(j + 1).is_some_and(|n| n.gap == Gap::Dot);
            if initial {
                j += 1;
                continue;
            }
            if !self.lex.is_first_name(t.text) {
                break;
            }
            if self.is_surname_here(j) {
                // `Bärbel Bas Zugeständnisse`: "Bas" is a first name too, but
                // the article uses it alone, so it is the surname.
                return self.make_full(i, j, j + 1);
            }
            j += 1;
        }
        let firsts_end = j;
        while self.is_particle_at(j) {
            j += 1;
        }
        let surname_start = j;
        // `Ian Tyler Kugelschreiber`: after two first names a common
        // noun is no surname; the second first name is.
        let noun_after_firsts = firsts_end > i + 1
            && surname_start == firsts_end
            && self
                .tok(j)
                .is_some_and(|t| t.text.chars().count() >= 10 && self.lex.is_thing(t.text));
        let end = if self.joined(j)
            && !noun_after_firsts
            && self
                .tok(j)
                .is_some_and(|t| self.lex.is_surname_word(t.text, true))
        {
            self.second_surname(j + 1)
        } else if firsts_end > i + 1 && self.lex.is_name_word(self.tok(firsts_end - 1)?.text) {
            // `Ina Paul`: the last "first name" is the surname.
            return self.make_full(i, firsts_end - 1, firsts_end);
        } else {
            return None;
        };
        self.make_full(i, surname_start, end)
    }

    /// `Raketenzerstörer Henry Blake`, `Kultfilm Tom Sawyer`: a common
    /// noun of the lexicon right before a name makes it a thing's name
    /// (roles, nationalities and titles are no such nouns).
    fn thing_before(&self, i: usize) -> bool {
        i > 1
            && self.joined(i)
            && self.joined(i - 1)
            && self
                .tok(i - 2)
                .is_some_and(|d| DETERMINERS.contains(&d.text))
            && self.tok(i - 1).is_some_and(|p| {
                starts_upper(p.text)
                    && self.lex.role_of(p.text).is_none()
                    && self.lex.is_thing(p.text)
            })
    }

    /// Whether the first-name word at `j` is rather a surname: a capitalised
    /// word follows that the article never repeats, while it repeats `j`.
    fn is_surname_here(&self, j: usize) -> bool {
        let (Some(t), Some(next)) = (self.tok(j), self.tok(j + 1)) else {
            return false;
        };
        self.joined(j + 1)
            && starts_upper(next.text)
            && !self.lex.is_first_name(next.text)
            && self.count_alone(t.text) > 1
            && self.count(next.text) <= 1
    }

    /// How often `word` stands in the article outside a longer run of
    /// capitalised words (`Santa Maria Novella` is no use of `Maria`).
    fn count_alone(&self, word: &str) -> usize {
        self.counts.get(word).map_or(0, |c| c.1)
    }

    /// Whether the word at `k` opens a sentence and the article also
    /// writes it in lowercase (`Während`, `Offiziell`): then it is no name.
    /// Only asked for sentence openers, so the scan stays rare.
    fn lowercase_opener(&self, k: usize) -> bool {
        let Some(t) = self.tok(k) else {
            return false;
        };
        if !matches!(t.gap, Gap::Start | Gap::Dot | Gap::Break) {
            return false;
        }
        let lower = t.text.to_lowercase();
        self.toks.iter().any(|o| o.text == lower)
    }

    /// How often `word` occurs in the article, as a whole word (only
    /// capitalised words are counted).
    fn count(&self, word: &str) -> usize {
        self.counts.get(word).map_or(0, |c| c.0)
    }

    /// A name particle at `j`: `von`, `de`, `van der`, and capitalised
    /// ones inside a name (`Alexander Van der Bellen`).
    fn is_particle_at(&self, j: usize) -> bool {
        let Some(t) = self.tok(j) else {
            return false;
        };
        if !self.joined(j) {
            return false;
        }
        if PARTICLES.contains(&t.text) {
            // `der`, `den`, `des`, `das` are German articles unless they
            // follow another particle (`von der Leyen`, `van den Berg`).
            return !GERMAN_ARTICLE_PARTICLES.contains(&t.text)
                || j.checked_sub(1)
                    .and_then(|p| self.tok(p))
                    .is_some_and(|p| PARTICLES.contains(&p.text.to_lowercase().as_str()));
        }
        let lower = t.text.to_lowercase();
        starts_upper(t.text)
            && PARTICLES.contains(&lower.as_str())
            && self.tok(j + 1).is_some_and(|n| {
                PARTICLES.contains(&n.text) || self.lex.is_surname_word(n.text, true)
            })
            && self.joined(j + 1)
    }

    /// After a surname: `Lula da Silva` (a Romance particle and a second
    /// surname), or `Núñez Feijóo` (a second surname the article uses on
    /// its own). Returns the end of the name.
    fn second_surname(&self, j: usize) -> usize {
        let particle = self.joined(j)
            && self
                .tok(j)
                .is_some_and(|t| LATE_PARTICLES.contains(&t.text));
        let name_after = |k: usize| {
            self.joined(k)
                && self.tok(k).is_some_and(|t| {
                    self.lex.is_name_word(t.text)
                        && !self.lex.is_first_name(t.text)
                        && !self.lex.after.contains(t.text)
                        && !self.noun_use(t.text)
                })
        };
        if particle && name_after(j + 1) {
            return j + 2;
        }
        let second = self.tok(j).map_or(0, |t| self.count(t.text));
        let first = self.tok(j - 1).map_or(usize::MAX, |t| self.count(t.text));
        if name_after(j) && second > 1 && first <= second {
            return j + 1;
        }
        j
    }

    fn make_full(&self, first: usize, surname_start: usize, end: usize) -> Option<Found> {
        if self.joined(end)
            && self
                .tok(end)
                .is_some_and(|t| self.lex.after.contains(t.text))
        {
            return None;
        }
        let words: Vec<&str> = (first..end)
            .filter_map(|k| self.tok(k).map(|t| t.text))
            .collect();
        let mut name = String::new();
        for (k, w) in words.iter().enumerate() {
            if k > 0 {
                name.push(' ');
            }
            name.push_str(w);
            if is_initial(w) {
                name.push('.');
            }
        }
        if self.lex.not_phrases.contains(&name) {
            return None;
        }
        let surname: Vec<String> = words[surname_start - first..]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let folded = words.last().and_then(|last| {
            let stem = genitive_stem(last)?;
            let fold_name = format!("{}{}", &name[..name.len() - last.len()], stem);
            let mut fold_sur = surname.clone();
            if let Some(l) = fold_sur.last_mut() {
                *l = stem.to_string();
            }
            Some((fold_name, fold_sur))
        });
        Some(Found {
            first,
            end,
            who: Who::Full {
                name,
                surname,
                folded,
            },
            roles: Vec::new(),
        })
    }

    /// Rule 3: a role word, then a two-word name (`Trainer Josep
    /// Guardiola`) or one word the article uses as a name (`Präsident
    /// Selenskyj`, `Kanzler Merz`). Returns the name without the role.
    fn role_single_at(&self, i: usize) -> Option<Found> {
        let next = self.tok(i + 1)?;
        if !self.joined(i + 1) || !starts_upper(next.text) {
            return None;
        }
        let (hit, _) = self.lex.role_of(self.tok(i)?.text)?;
        let j = i + 1;
        if self.gazetteer_at(j).is_some() || self.full_name_at(j).is_some() {
            return None;
        }
        let roles = if hit.kind == Kind::Title {
            Vec::new()
        } else {
            vec![hit.clone()]
        };
        // `Papst Leo`, `König Charles`: monarchs go by first name alone.
        let regnal = REGNAL.contains(&hit.norm.as_str()) && self.lex.is_first_name(next.text);
        if regnal && self.numeral_at(j + 1) {
            // `König Olaf VII.`
            return Some(Found {
                first: j,
                end: j + 2,
                who: Who::Single {
                    regnal,
                    vouched: false,
                },
                roles,
            });
        }
        if !regnal {
            if self.lex.is_first_name(next.text)
                || !self.lex.is_name_word(next.text)
                || self.lex.role_of(next.text).is_some()
                || self.is_place_genitive(next.text)
            {
                return None;
            }
            if self.two_word_name(j) {
                // `Präsident Abdel Fattah al-Sisi`: an Arabic surname may follow.
                let arabic = self.joined(j + 2)
                    && self
                        .tok(j + 2)
                        .is_some_and(|t| arabic_article(t.text).is_some());
                // `Dissident Tran Van Minh`: a third name word that ends the run.
                let third = self.joined(j + 2)
                    && self.plain_surname(j + 2)
                    && !(self.joined(j + 3)
                        && self.tok(j + 3).is_some_and(|t| starts_upper(t.text)));
                let end = if arabic || third { j + 3 } else { j + 2 };
                return self.make_full(j, end - 1, end).map(|mut f| {
                    f.roles = roles;
                    f
                });
            }
        }
        // `Topspieler Dario The Hammer Kovač`: a longer name we do not
        // understand is no surname alone.
        let longer = self.joined(j + 1) && self.tok(j + 1).is_some_and(|t| starts_upper(t.text));
        // `Versicherungs-Mutter Veltrax`: a company's parent or daughter.
        let company = ["mutter", "tochter"]
            .iter()
            .any(|r| hit.norm.ends_with(r) && hit.norm.len() > r.len());
        let vouched = !regnal && !longer && !company && self.plain_surname(j);
        Some(Found {
            first: j,
            end: j + 1,
            who: Who::Single { regnal, vouched },
            roles,
        })
    }

    /// Rule 4: capitalised words that the context makes a person's name
    /// whatever the first name: after a speech verb or `laut` (`sagte
    /// Ruben Granada`), before one (`Huber sagte`), before a party, a
    /// country code or a minute in parentheses (`Huber (SPÖ)`, `Koskinen
    /// (FIN)`, `Granada (57.)`), or as an apposition after a role
    /// (`der Bürgermeister von Triest, Aldo Benvenuti, …`). One word is
    /// kept as a surname.
    fn context_name_at(&self, i: usize) -> Option<Found> {
        let t = self.tok(i)?;
        if !starts_upper(t.text) {
            return None;
        }
        // Cheap test first: is there any context at all?
        let some_context = self.speech_before(i)
            || t.gap == Gap::Comma
            || (i + 1..=i + 3).any(|e| match self.tok(e) {
                Some(n) if n.gap == Gap::Space => !starts_upper(n.text) && self.speech_after(e),
                Some(n) if n.gap == Gap::Break => self.parenthesis_after(e),
                _ => false,
            });
        if !some_context || !self.lex.is_name_word(t.text) {
            return None;
        }
        let mut end = i + 1;
        while end < i + 3
            && self.joined(end)
            && self.tok(end).is_some_and(|t| {
                self.lex.is_name_word(t.text) && self.lex.role_of(t.text).is_none()
            })
        {
            end += 1;
        }
        let before = self.speech_before(i);
        // `Zugleich sagte er`: a word before the verb whose subject follows
        // it is no name.
        let subject_follows = self.tok(end + 1).is_some_and(|t| {
            t.gap == Gap::Space && (SUBJECTS.contains(&t.text) || starts_upper(t.text))
        });
        let after = (self.speech_after(end) && !subject_follows) || self.parenthesis_after(end);
        let apposition = end > i + 1 && self.apposition_at(i, end);
        if !(before || after || apposition) {
            return None;
        }
        // `Während Kaminski betont`: at the start of a sentence the first of
        // two words must be a first name.
        let opens_sentence = matches!(t.gap, Gap::Start | Gap::Dot | Gap::Break);
        if end > i + 1
            && opens_sentence
            && !before
            && !self.parenthesis_after(end)
            && !self.lex.is_first_name(t.text)
            && !self.lex.first_name_like(t.text)
        {
            return None;
        }
        let fits = |k: usize| {
            self.plain_surname(k)
                || (end > i + 1
                    && self.tok(k).is_some_and(|t| self.lex.is_place(t.text))
                    && self.plain_word(k))
        };
        if !(i..end).all(fits) {
            return None;
        }
        // `Klingbeils Parteifreunde`: a genitive before a noun.
        let genitive_inside = (i..end - 1).any(|k| {
            self.tok(k)
                .and_then(|t| genitive_stem(t.text))
                .is_some_and(|s| self.count(s) > 0)
        });
        if genitive_inside {
            return None;
        }
        if end > i + 1 {
            return self.make_full(i, end - 1, end);
        }
        Some(Found {
            first: i,
            end,
            who: Who::Single {
                regnal: false,
                vouched: true,
            },
            roles: Vec::new(),
        })
    }

    /// `sagte X`, `laut X`, `, so X`, `namens X`.
    fn speech_before(&self, i: usize) -> bool {
        let (Some(t), Some(p)) = (self.tok(i), i.checked_sub(1).and_then(|p| self.tok(p))) else {
            return false;
        };
        if t.gap != Gap::Space {
            return false;
        }
        match p.text {
            // `laut` and `namens` name media, studies and websites as
            // often as people: only with a first word that is no noun.
            "laut" | "Laut" | "namens" => self.tok(i + 1).is_some_and(|n| {
                self.joined(i + 1) && starts_upper(n.text) && self.lex.is_first_name(t.text)
            }),
            "so" => p.gap == Gap::Comma,
            w => self.singular_speech(w),
        }
    }

    /// A speech verb in the singular (`sagte`, not `sagten`: one person).
    fn singular_speech(&self, w: &str) -> bool {
        let first = w.as_bytes().first().copied().unwrap_or(0);
        self.lex.speech_first[usize::from(first)]
            && !w.ends_with('n')
            && self.lex.speech.contains(w)
    }

    /// `X sagte`, `X zufolge`.
    fn speech_after(&self, end: usize) -> bool {
        self.tok(end)
            .is_some_and(|t| t.gap == Gap::Space && self.singular_speech(t.text))
    }

    /// `X (SPÖ)`, `X (FIN)`, `X (57.)`: what derStandard puts after a
    /// politician's or player's name; not an abbreviation of the words
    /// before (`Internationale Energieagentur (IEA)`) nor an agency.
    fn parenthesis_after(&self, end: usize) -> bool {
        let Some(last) = end.checked_sub(1).and_then(|e| self.tok(e)) else {
            return false;
        };
        let Some(rest) = self.text.get(last.end..) else {
            return false;
        };
        let Some(inner) = rest.trim_start_matches(' ').strip_prefix('(') else {
            return false;
        };
        let Some((inside, _)) = inner.split_once(')') else {
            return false;
        };
        let inside = inside.trim();
        if PARTIES.contains(&inside) {
            return true;
        }
        if let Some(digits) = inside.strip_suffix('.') {
            // a minute `(57.)`
            return !digits.is_empty()
                && digits.len() <= 3
                && digits.chars().all(|c| c.is_ascii_digit());
        }
        let letters = inside.chars().count();
        (2..=3).contains(&letters)
            && inside.chars().all(char::is_uppercase)
            && !AGENCIES.contains(&inside)
            && !self.abbreviates(inside, end)
    }

    /// Whether the letters of `abbr` are, in order, initials of the words
    /// shortly before `end` (`Banca Nazionale del Lavoro (BNL)`).
    fn abbreviates(&self, abbr: &str, end: usize) -> bool {
        let mut letters = abbr.chars().rev().peekable();
        let mut k = end;
        while k > end.saturating_sub(8) && letters.peek().is_some() {
            k -= 1;
            let initial = self.tok(k).and_then(|t| t.text.chars().next());
            if initial.is_some_and(|c| c.is_uppercase() && Some(&c) == letters.peek()) {
                letters.next();
            }
        }
        letters.peek().is_none()
    }

    /// `der Bürgermeister von Triest, Aldo Benvenuti, …`: a name between
    /// commas after a role in the same sentence.
    fn apposition_at(&self, i: usize, end: usize) -> bool {
        if self.tok(i).is_none_or(|t| t.gap != Gap::Comma)
            || self.tok(end).is_none_or(|t| t.gap != Gap::Comma)
        {
            return false;
        }
        let mut k = i;
        for _ in 0..5 {
            let Some(prev) = k.checked_sub(1) else {
                return false;
            };
            if self
                .tok(prev)
                .and_then(|t| self.lex.role_of(t.text))
                .is_some_and(|(h, _)| h.kind == Kind::Role)
            {
                return true;
            }
            if self.tok(k).is_some_and(|t| {
                matches!(t.gap, Gap::Break | Gap::Start) || (k != i && t.gap != Gap::Space)
            }) {
                return false;
            }
            k = prev;
        }
        false
    }

    /// Whether the word at `k` may be a surname standing on its own: a name
    /// word that is no first name, no noun of the lexicon or of the
    /// article (`die Fotos`), no place, not written in capitals.
    /// Like [`Extractor::plain_surname`] without the lexicon test: for a
    /// place word inside a longer name (`Ruben Granada`).
    fn plain_word(&self, k: usize) -> bool {
        self.tok(k).is_some_and(|t| {
            self.lex.is_name_word(t.text)
                && !self.noun_use(t.text)
                && self.lex.role_of(t.text).is_none()
                && !self.lowercase_opener(k)
        })
    }

    fn plain_surname(&self, k: usize) -> bool {
        let Some(t) = self.tok(k) else {
            return false;
        };
        let w = t.text;
        let after_marker = self.joined(k)
            && k.checked_sub(1)
                .and_then(|p| self.tok(p))
                .is_some_and(|p| is_marker(p.text));
        // `UniCredit`: inner capitals make a brand (`McDonald` aside).
        let camel = w
            .char_indices()
            .skip(1)
            .any(|(b, c)| c.is_uppercase() && !w[..b].ends_with('-'))
            && !["Mc", "Mac", "De", "Di", "Da", "La", "Le", "O'", "Van"]
                .iter()
                .any(|p| w.starts_with(p));
        // `Während Kaminski`: a word the article also writes in lowercase
        // (asked last: it is the dearest test).
        let lowercase_too = || self.lowercase_opener(k);
        !after_marker
            && !camel
            && self.lex.is_name_word(w)
            && !self.noun_use(w)
            && !genitive_stem(w).is_some_and(|s| self.noun_use(s))
            && self.lex.role_of(w).is_none()
            && !self.lex.is_common_word(w)
            && !lowercase_too()
    }

    /// Whether the two words at `j` after a role are one name: the second
    /// is a name word too, neither is used as an ordinary noun, and the
    /// first is not the surname (a gazetteer alias, or repeated alone
    /// while the second is not).
    fn two_word_name(&self, j: usize) -> bool {
        let (Some(a), Some(b)) = (self.tok(j), self.tok(j + 1)) else {
            return false;
        };
        if !self.joined(j + 1)
            || !self.lex.is_name_word(b.text)
            || self.lex.role_of(b.text).is_some()
            || self.lex.single.contains_key(a.text)
            || self.noun_use(a.text)
            || self.noun_use(b.text)
        {
            return false;
        }
        // `GDL-Chef Claus Weselsky`: a spelling variant of a first name.
        self.lex.first_name_like(a.text) || !(self.count(a.text) > 1 && self.count(b.text) <= 1)
    }

    /// Whether the article puts an article or pronoun before `word`
    /// (`die Fotos`, `seine Kunden`): then it is an ordinary noun.
    fn noun_use(&self, word: &str) -> bool {
        self.noun_used.contains(word)
    }

    /// `Präsident Frankreichs`: the genitive of a place, no name.
    fn is_place_genitive(&self, t: &str) -> bool {
        genitive_stem(t).is_some_and(|s| self.lex.stop.contains(s))
    }

    /// Role and nationality words right before a name (skipping titles).
    fn roles_before(&self, first: usize) -> Vec<RoleHit> {
        let mut out = Vec::new();
        let mut k = first;
        while k > 0 && self.joined(k) && out.len() < 2 {
            k -= 1;
            let Some((hit, _)) = self.tok(k).and_then(|t| self.lex.role_of(t.text)) else {
                break;
            };
            if hit.kind != Kind::Title {
                out.push(hit);
            }
        }
        out
    }

    /// `Mark Rutte, der Generalsekretär der Nato`: the apposition's role.
    fn roles_after(&self, end: usize) -> Vec<RoleHit> {
        if self.tok(end).is_none_or(|t| t.gap != Gap::Comma) {
            return Vec::new();
        }
        let mut k = end;
        if self.tok(k).is_some_and(|t| DETERMINERS.contains(&t.text)) {
            k += 1;
            if !self.joined(k) {
                return Vec::new();
            }
        }
        match self.tok(k).and_then(|t| self.lex.role_of(t.text)) {
            Some((hit, _)) if hit.kind != Kind::Title => vec![hit],
            _ => Vec::new(),
        }
    }

    // -- resolution ------------------------------------------------------

    fn person_index(&mut self, name: &str, gaz: Option<usize>) -> usize {
        if let Some(&p) = self.by_name.get(name) {
            return p;
        }
        let p = self.persons.len();
        self.persons.push(Acc {
            name: name.to_string(),
            roles: Vec::new(),
            nationalities: Vec::new(),
            gaz,
        });
        self.by_name.insert(name.to_string(), p);
        p
    }

    fn add_key(&mut self, words: Vec<String>, p: usize) {
        let Some(first) = words.first() else {
            return;
        };
        // Under the first word as written and with its first letter's case
        // flipped (`von der Leyen`, `Von der Leyen`): lookups need no
        // lowercasing.
        for key in [first.clone(), flip_first(first)] {
            let list = self.keys.entry(key).or_default();
            if !list.iter().any(|(w, q)| *w == words && *q == p) {
                list.push((words.clone(), p));
                list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
            }
        }
    }

    /// Keys for later surname-only mentions: the whole surname (`de
    /// Maizière`) and its last word (`Maizière`); never a company or place
    /// word (`Porsche` alone is the carmaker, not Wolfgang Porsche).
    fn add_surname_keys(&mut self, surname: &[String], p: usize) {
        let family_word = |w: &String| self.lex.surnames_too.contains(w.as_str());
        let Some(last) = surname.last() else {
            return;
        };
        if family_word(last) {
            if surname.len() > 1 {
                self.add_key(surname.to_vec(), p);
            }
            return;
        }
        self.add_key(surname.to_vec(), p);
        if surname.len() > 1 {
            self.add_key(vec![last.clone()], p);
        }
    }

    fn gaz_person(&mut self, idx: usize) -> usize {
        let Some(entry) = self.lex.people.get(idx) else {
            return self.person_index("", None);
        };
        let p = self.person_index(&entry.name, Some(idx));
        let surname = entry.name.split_whitespace().last().map(str::to_string);
        // `Lee` for `Lee Jae Myung`: a family name written first is no
        // first name.
        let family_first = entry
            .name
            .split_whitespace()
            .next()
            .filter(|w| *w != entry.name && !self.lex.is_first_name(w))
            .map(str::to_string);
        for alias in entry
            .aliases
            .iter()
            .chain(surname.iter())
            .chain(family_first.iter())
        {
            let words: Vec<String> = alias.split_whitespace().map(str::to_string).collect();
            self.add_key(words, p);
        }
        p
    }

    fn add_found(&mut self, f: &Found) {
        let p = match &f.who {
            Who::Gaz(idx) => self.gaz_person(*idx),
            Who::Full {
                name,
                surname,
                folded,
            } => {
                let (name, surname) = match folded {
                    Some((fname, fsur)) if self.should_fold(name, fname, fsur, f.end) => {
                        (fname, fsur)
                    }
                    _ => (name, surname),
                };
                // `sagte Habben Jansen` after `Rolf Habben Jansen`: the
                // surname of someone already named, not a new person.
                let known_surname = self.match_key(f.first).filter(|&(_, end)| {
                    end == f.end && !self.lex.by_name.contains_key(name.as_str())
                });
                match self.lex.by_name.get(name.as_str()) {
                    Some(&idx) => self.gaz_person(idx),
                    None if known_surname.is_some() => known_surname.map_or(0, |(p, _)| p),
                    None => {
                        let p = self.person_index(name, None);
                        self.add_surname_keys(surname, p);
                        p
                    }
                }
            }
            Who::Single { .. } => return,
        };
        self.mention(f.first, f.end, p, &f.roles);
    }

    /// Whether `Wladimir Putins` is the genitive of `Wladimir Putin`: the
    /// base name is known, its surname stands alone in the text, or a
    /// noun follows (`Donald Trumps Regierung`).
    fn should_fold(&self, name: &str, fname: &str, fsur: &[String], end: usize) -> bool {
        if name.ends_with('\'')
            || name.ends_with('’')
            || name.ends_with("'s")
            || name.ends_with("’s")
        {
            return true;
        }
        let last = fsur.last().map(String::as_str).unwrap_or("");
        self.lex.by_name.contains_key(fname)
            || self.lex.single.contains_key(last)
            || self.count(last) > 0
            || (self.joined(end) && self.tok(end).is_some_and(|t| starts_upper(t.text)))
    }

    fn add_single(&mut self, f: &Found) {
        let Some(t) = self.tok(f.first) else {
            return;
        };
        let p = match self.match_key(f.first) {
            Some((p, _)) => p,
            None => {
                let stem = genitive_stem(t.text);
                let gaz = self
                    .lex
                    .single
                    .get(t.text)
                    .or_else(|| stem.and_then(|s| self.lex.single.get(s)));
                match (gaz, &f.who) {
                    (Some(&idx), _) => self.gaz_person(idx),
                    (None, Who::Single { regnal: true, .. }) => {
                        let name = self.regnal_name(f.first, f.end);
                        let p = self.person_index(&name, None);
                        self.add_key(vec![t.text.to_string()], p);
                        p
                    }
                    // `Trainer Haberlandt`, `sagte Huber`: a surname alone.
                    (None, Who::Single { vouched: true, .. }) => {
                        let name = genitive_stem(t.text)
                            .filter(|s| self.count(s) > 0)
                            .unwrap_or(t.text);
                        let p = self.person_index(name, None);
                        self.add_key(vec![name.to_string()], p);
                        if !self.surname_only.contains(&p) {
                            self.surname_only.push(p);
                        }
                        p
                    }
                    // `Nutzer Fotos`, `Finanzminister Zynismus`: a word after
                    // a role that nothing else names is no person.
                    _ => return,
                }
            }
        };
        self.mention(f.first, f.end, p, &f.roles);
    }

    /// Whether token `k` is a regnal number after a name (`VI`, `II`).
    fn numeral_at(&self, k: usize) -> bool {
        self.joined(k)
            && self.tok(k).is_some_and(|t| {
                t.text.len() <= 5
                    && t.text.len() >= 2
                    && t.text.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
            })
    }

    /// A monarch's name: the first name and a regnal number with its
    /// ordinal dot (`Olaf VII.`).
    fn regnal_name(&self, first: usize, end: usize) -> String {
        let mut name = String::new();
        for k in first..end {
            let Some(t) = self.tok(k) else { continue };
            if k > first {
                name.push(' ');
            }
            name.push_str(t.text);
            let dot = self.text.get(t.end..).is_some_and(|r| r.starts_with('.'));
            if k > first && dot {
                name.push('.');
            }
        }
        name
    }

    /// Team line-ups in sports reports: `Rapid: K. Novak – Brandl,
    /// Osterhuber, Wimmreuth – Trost (92. Kalupke), Lernhart …`. After a colon, at
    /// least six single names (an initial may stand before one) separated
    /// by commas and dashes, with substitutes in parentheses after the
    /// minute: each is a player, kept as a surname when the article names
    /// no one fuller.
    fn lineups(&mut self) {
        let mut k = 0;
        while k < self.toks.len() {
            let after_colon = k > 0
                && self
                    .tok(k - 1)
                    .and_then(|p| self.text.get(p.end..))
                    .is_some_and(|r| r.starts_with(": "));
            if !after_colon {
                k += 1;
                continue;
            }
            let (items, dashes, end) = self.lineup_at(k);
            if items.len() >= 6 && dashes >= 1 {
                for (first, last) in items {
                    self.lineup_player(first, last);
                }
                k = end.max(k + 1);
            } else {
                k += 1;
            }
        }
    }

    /// The players of a line-up starting at token `k`: (first, surname)
    /// token pairs, the number of dashes, and where it ends.
    fn lineup_at(&self, mut k: usize) -> (Vec<(usize, usize)>, usize, usize) {
        let mut items = Vec::new();
        let mut dashes = 0;
        loop {
            // An item: `Lernhart`, `K. Novak`, `Ch. Dobrek`.
            let first = k;
            let initial = self.tok(k).is_some_and(|t| {
                t.text.chars().count() <= 2 && starts_upper(t.text) && !is_all_caps(t.text)
                    || is_initial(t.text)
            }) && self.tok(k + 1).is_some_and(|n| n.gap == Gap::Dot);
            if initial {
                k += 1;
            }
            let is_player = |k: usize| {
                self.tok(k).is_some_and(|t| {
                    self.lex.is_name_word(t.text) && self.lex.role_of(t.text).is_none()
                })
            };
            if !is_player(k) {
                break;
            }
            // `Felipe Santos`: a player with a first name.
            let first_name = self.tok(k).is_some_and(|t| self.lex.is_first_name(t.text));
            if !initial && first_name && self.joined(k + 1) && is_player(k + 1) {
                k += 1;
            }
            items.push((first, k));
            let (Some(t), Some(next)) = (self.tok(k), self.tok(k + 1)) else {
                break;
            };
            let sep = self.text.get(t.end..next.start).unwrap_or("");
            match sep {
                ", " => k += 1,
                " – " | " - " => {
                    dashes += 1;
                    k += 1;
                }
                " (" => {
                    // `(92. Kalupke)`, then `, `, ` – ` or the next team.
                    let minute = next.text.chars().all(|c| c.is_ascii_digit());
                    let after = self.tok(k + 2);
                    if !minute || after.is_none_or(|a| a.gap != Gap::Dot) {
                        break;
                    }
                    let Some(sub) = after else { break };
                    if !self.lex.is_name_word(sub.text) {
                        break;
                    }
                    items.push((k + 2, k + 2));
                    let Some(then) = self.tok(k + 3) else {
                        k += 3;
                        break;
                    };
                    let sep = self.text.get(sub.end..then.start).unwrap_or("");
                    match sep {
                        "), " => k += 3,
                        ") – " | ") - " => {
                            dashes += 1;
                            k += 3;
                        }
                        _ => {
                            k += 3;
                            break;
                        }
                    }
                }
                _ => {
                    k += 1;
                    break;
                }
            }
        }
        (items, dashes, k)
    }

    /// One player of a line-up: a person of the article with that surname,
    /// or a new one (`K. Novak` with an initial, else the surname).
    fn lineup_player(&mut self, first: usize, last: usize) {
        if self.covered.get(last).copied().unwrap_or(true) {
            return;
        }
        if let Some((p, end)) = self.match_key(last) {
            self.mention(last, end, p, &[]);
            return;
        }
        let Some(t) = self.tok(last) else { return };
        let surname = t.text.to_string();
        let initial = self.tok(first + 1).is_some_and(|t| t.gap == Gap::Dot);
        let name = match self.tok(first) {
            Some(f) if first < last && initial => format!("{}. {surname}", f.text),
            Some(f) if first < last => format!("{} {surname}", f.text),
            _ => surname.clone(),
        };
        let p = self.person_index(&name, None);
        self.add_key(vec![surname], p);
        self.mention(first, last + 1, p, &[]);
    }

    /// A person known by a surname alone whom the article also names with
    /// a word before it (`Team um Ferka Lindqvor`, `sagt Lindqvor`): that
    /// word is the first name, whatever it is.
    fn first_names_by_evidence(&mut self) {
        for p in std::mem::take(&mut self.surname_only) {
            let Some(surname) = self.persons.get(p).map(|a| a.name.clone()) else {
                continue;
            };
            let at = (1..self.toks.len()).find(|&k| {
                self.tok(k).is_some_and(|t| t.text == surname)
                    && !self.covered.get(k - 1).copied().unwrap_or(true)
                    && self.joined(k)
                    && self.tok(k - 1).is_some_and(|f| {
                        starts_upper(f.text)
                            && !matches!(f.gap, Gap::Start | Gap::Break | Gap::Dot)
                            && (self.lex.is_first_name(f.text) || self.plain_surname(k - 1))
                            && self.lex.role_of(f.text).is_none()
                    })
            });
            let Some(k) = at else { continue };
            let Some(first) = self.tok(k - 1).map(|t| t.text) else {
                continue;
            };
            let full = format!("{first} {surname}");
            if self.by_name.contains_key(&full) {
                continue;
            }
            self.by_name.remove(&surname);
            self.by_name.insert(full.clone(), p);
            if let Some(acc) = self.persons.get_mut(p) {
                acc.name = full;
            }
            // The surname word itself is a mention already (or will be in
            // the surname pass); the first name joins it.
            let start = self.tok(k).map_or(usize::MAX, |t| t.start);
            self.mentions.retain(|m| !(m.2 == p && m.0 == start));
            self.mention(k - 1, k + 1, p, &[]);
        }
    }

    /// A surname of this article's people at token `i`: person and end.
    fn match_key(&self, i: usize) -> Option<(usize, usize)> {
        let t = self.tok(i)?;
        for key in [Some(t.text), genitive_stem(t.text)].into_iter().flatten() {
            let Some(list) = self.keys.get(key) else {
                continue;
            };
            let hits: Vec<(usize, usize)> = list
                .iter()
                .filter(|(words, _)| self.seq_at(i, words))
                .map(|(words, p)| (*p, i + words.len()))
                .collect();
            if let Some(best) = self.nearest(i, &hits) {
                return Some(best);
            }
        }
        None
    }

    /// Among persons sharing a surname, the one named last before `i`
    /// (else the first one).
    fn nearest(&self, i: usize, hits: &[(usize, usize)]) -> Option<(usize, usize)> {
        let longest = hits.iter().map(|h| h.1).max()?;
        let hits: Vec<_> = hits.iter().filter(|h| h.1 == longest).copied().collect();
        let before = self.toks.get(i).map_or(0, |t| t.start);
        let last_before = self
            .mentions
            .iter()
            .rev()
            .find(|(s, _, p)| *s < before && hits.iter().any(|h| h.0 == *p));
        match last_before {
            Some((_, _, p)) => hits.iter().find(|h| h.0 == *p).copied(),
            None => hits.first().copied(),
        }
    }

    /// Whether `words` (a surname) stands at token `i`; the first word in
    /// either case (`Von der Leyen`), the last one maybe a genitive.
    fn seq_at(&self, i: usize, words: &[String]) -> bool {
        let n = words.len();
        words.iter().enumerate().all(|(k, w)| {
            let Some(t) = self.tok(i + k) else {
                return false;
            };
            let same = if k == 0 && n > 1 {
                t.text.eq_ignore_ascii_case(w) || t.text == flip_first(w)
            } else if k + 1 == n {
                t.text == w || genitive_stem(t.text) == Some(w.as_str())
            } else {
                t.text == w
            };
            same && (k == 0 || self.joined(i + k))
        })
    }

    // -- pass 2: surname-only and gazetteer single-word mentions ---------

    fn surname_pass(&mut self) {
        let mut i = 0;
        while i < self.toks.len() {
            if self.covered.get(i).copied().unwrap_or(true) || !self.may_be_surname(i) {
                i += 1;
                continue;
            }
            if let Some((p, end)) = self.match_key(i) {
                self.mention(i, end, p, &[]);
                i = end;
                continue;
            }
            if let Some(idx) = self.gazetteer_single(i) {
                let p = self.gaz_person(idx);
                self.mention(i, i + 1, p, &[]);
            }
            i += 1;
        }
    }

    fn may_be_surname(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else {
            return false;
        };
        let after_det = i > 0
            && self.tok(i).is_some_and(|t| t.gap == Gap::Space)
            && self
                .tok(i - 1)
                .is_some_and(|p| DETERMINERS.contains(&p.text));
        let blocked = i > 0
            && self
                .tok(i - 1)
                .is_some_and(|p| self.lex.before.contains(p.text));
        (starts_upper(t.text) || PARTICLES.contains(&t.text)) && !after_det && !blocked
    }

    fn gazetteer_single(&self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        self.lex
            .single
            .get(t.text)
            .or_else(|| genitive_stem(t.text).and_then(|s| self.lex.single.get(s)))
            .copied()
    }

    fn mention(&mut self, first: usize, end: usize, p: usize, roles: &[RoleHit]) {
        let (Some(a), Some(b)) = (
            self.tok(first),
            end.checked_sub(1).and_then(|e| self.tok(e)),
        ) else {
            return;
        };
        let (start, stop) = (a.start, b.end);
        for c in self.covered.iter_mut().take(end).skip(first) {
            *c = true;
        }
        self.mentions.push((start, stop, p));
        let Some(acc) = self.persons.get_mut(p) else {
            return;
        };
        for hit in roles {
            let list = match hit.kind {
                Kind::Nationality => &mut acc.nationalities,
                _ => &mut acc.roles,
            };
            if !list.contains(&hit.norm) {
                list.push(hit.norm.clone());
            }
        }
    }

    fn finish(self) -> ArticlePeople {
        let mut mentions = self.mentions;
        mentions.sort_by_key(|m| (m.0, m.1));
        mentions.dedup_by_key(|m| m.0);
        let mut order: Vec<usize> = Vec::new();
        for m in &mentions {
            if !order.contains(&m.2) {
                order.push(m.2);
            }
        }
        let lex = self.lex;
        let persons = order
            .iter()
            .filter_map(|&p| self.persons.get(p))
            .map(|acc| complete(lex, acc))
            .collect();
        let mentions = mentions
            .iter()
            .filter_map(|&(start, end, p)| {
                let canonical = self.persons.get(p)?.name.clone();
                let _ = self.text.get(start..end)?;
                Some(Mention {
                    canonical,
                    start,
                    end,
                })
            })
            .collect();
        ArticlePeople { persons, mentions }
    }
}

/// A person with the gazetteer's roles (when the text gives none) and
/// nationalities added.
fn complete(lex: &Lexicon, acc: &Acc) -> Person {
    let mut person = Person {
        name: acc.name.clone(),
        roles: acc.roles.clone(),
        nationalities: acc.nationalities.clone(),
    };
    if let Some(entry) = acc.gaz.and_then(|g| lex.people.get(g)) {
        if person.roles.is_empty() {
            person.roles = entry.roles.iter().map(|r| r.to_lowercase()).collect();
        }
        for n in &entry.nationalities {
            let n = n.to_lowercase();
            if !person.nationalities.contains(&n) {
                person.nationalities.push(n);
            }
        }
    }
    person
}

fn is_initial(t: &str) -> bool {
    let mut c = t.chars();
    c.next().is_some_and(char::is_uppercase) && c.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        extract(text).names()
    }

    #[test]
    fn lexicons_load() {
        let gaz: Result<GazFile, _> = serde_json::from_str(GAZETTEER);
        assert!(gaz.is_ok(), "schema/people.json: {:?}", gaz.err());
        assert!(lexicon().first_names.len() > 2000);
        assert!(lexicon().roles.len() > 200);
        assert!(lexicon().people.len() >= 30);
    }

    #[test]
    fn role_and_first_name_rules() {
        assert_eq!(
            names("Nato-Generalsekretär Mark Rutte sprach mit Kremlchef Wladimir Putin."),
            ["Mark Rutte", "Wladimir Putin"]
        );
        // Unknown first name after a role: two words are the name.
        assert_eq!(
            names("Das sagte Regierungschef Shigeru Ishiba."),
            ["Shigeru Ishiba"]
        );
        // A spelling variant of a first name (Claus ~ Klaus).
        assert_eq!(
            names("GDL-Chef Claus Weselsky streikt."),
            ["Claus Weselsky"]
        );
        let found = extract("Der Sondergesandte Steve Witkoff reist ab.");
        assert_eq!(found.persons[0].roles, ["sondergesandte"]);
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
        assert_eq!(
            names("Bundespräsident Alexander Van der Bellen lud ein."),
            ["Alexander Van der Bellen"]
        );
        // `von` after a surname is a preposition.
        assert_eq!(
            names("Es sprach Martin Schulz von der SPD."),
            ["Martin Schulz"]
        );
        assert_eq!(
            names("Oppositionsführer Alberto Núñez Feijóo tobte. Feijóo will Wahlen."),
            ["Alberto Núñez Feijóo"]
        );
    }

    #[test]
    fn genitives_fold_to_the_base_name() {
        let text = "Wladimir Putins Truppen rücken vor. Selenskyjs Appell und Merz' Antwort.";
        assert_eq!(
            names(text),
            ["Wladimir Putin", "Wolodymyr Selenskyj", "Friedrich Merz"]
        );
        let found = extract("Donald Trump kam. Trumps Schwiegersohn Jared Kushner auch.");
        let at = text_pos("Donald Trump kam. Trumps Schwiegersohn", "Trumps");
        assert_eq!(
            found.person_at(at).map(|m| m.canonical.as_str()),
            Some("Donald Trump")
        );
        assert_eq!(
            found.person("Jared Kushner").map(|p| p.roles.clone()),
            Some(vec!["schwiegersohn".to_string()])
        );
    }

    fn text_pos(text: &str, needle: &str) -> usize {
        text.find(needle).unwrap_or(usize::MAX)
    }

    #[test]
    fn surnames_resolve_before_and_after_the_full_name() {
        let text = "Rutte sagte am Montag nichts. Später erklärte Mark Rutte, Rutte sei bereit.";
        let found = extract(text);
        assert_eq!(found.names(), ["Mark Rutte"]);
        assert_eq!(found.mentions.len(), 3);
        assert!(found.mentions.iter().all(|m| m.canonical == "Mark Rutte"));
        assert_eq!(
            &text[found.mentions[0].start..found.mentions[0].end],
            "Rutte"
        );
        // Without a full name a surname alone is kept as that surname when
        // the context makes it a person, and is nobody otherwise.
        assert_eq!(names("Müller sagte, es regne."), ["Müller"]);
        assert!(names("Müller ist ein Name.").is_empty());
    }

    #[test]
    fn context_makes_unknown_names_people() {
        // Unknown first names after a speech verb, before a party or a minute.
        assert_eq!(
            names("Es werde teuer, sagte Oswin Quabeck am Montag."),
            ["Oswin Quabeck"]
        );
        assert_eq!(
            names("Dafür stimmten Quirin Strobelt (ÖVP) und Lenz (FPÖ)."),
            ["Quirin Strobelt", "Lenz"]
        );
        assert_eq!(names("Tomek Wrzal (34.) traf zum 1:0."), ["Tomek Wrzal"]);
        // An apposition between commas after a role.
        assert_eq!(
            names("Der Obmann des Vereins, Ilvo Tarrach, sagte ab."),
            ["Ilvo Tarrach"]
        );
        // A role before a surname alone, which later mentions resolve to.
        let found = extract("Trainer Haberlandt war zufrieden. Haberlandt lobte das Team.");
        assert_eq!(found.names(), ["Haberlandt"]);
        assert_eq!(found.mentions.len(), 2);
        // A first name the article gives elsewhere joins the surname.
        assert_eq!(
            names("Das Team um Ferka Lindqvor forscht. Es helfe, sagt Lindqvor."),
            ["Ferka Lindqvor"]
        );
    }

    #[test]
    fn context_guards() {
        // Media, organisations, nouns and sentence adverbs are no people.
        let text = "Das berichtete Reuters. Laut Polizei wurde niemand verletzt. Zugleich \
                    sagte er nichts. Laut Medienberichten ist es teuer. Der Konzern \
                    Siemens (SIE) legte zu. Die Internationale Energieagentur (IEA) warnt. \
                    Wie die Versicherungs-Mutter Veltrax mitteilte, sinkt der Kurs.";
        assert!(names(text).is_empty(), "{:?}", names(text));
        // A thing named like a person: `den Zerstörer Henry Blake`.
        assert!(names("Bomber überflogen den Zerstörer Henry Blake.").is_empty());
        // A German article is no name particle: `Ernst der Lage`.
        assert!(names("Ihm sei der Ernst der Lage klar.").is_empty());
    }

    #[test]
    fn lineups_give_players() {
        let text = "Rapid: K. Novak – Brandl, Osterhuber, Felipe Santos, Wimmreuth – \
                    Trost (70. Kalupke), Lernhart, Dobrek – Hasic (81. Ferreira), Zelko";
        let found = names(text);
        for name in ["K. Novak", "Brandl", "Felipe Santos", "Kalupke", "Zelko"] {
            assert!(found.contains(&name.to_string()), "{name}: {found:?}");
        }
        // A list of places after a colon is no line-up.
        assert!(names("Stationen: Wien – Linz, Graz, Salzburg, Innsbruck, Bregenz").is_empty());
    }

    #[test]
    fn regnal_numbers_and_broad_first_names() {
        assert_eq!(names("König Olaf VII. empfing ihn."), ["Olaf VII."]);
        // First names of many languages from the broad list.
        assert_eq!(
            names("Es spielten Aatos Halonen und Siobhan Tierney."),
            ["Aatos Halonen", "Siobhan Tierney"]
        );
    }

    #[test]
    fn gazetteer_single_names() {
        assert_eq!(
            names("Brasiliens Präsident Lula sagte, Lula wolle helfen."),
            ["Luiz Inácio Lula da Silva"]
        );
        assert_eq!(names("Papst Leo rief zum Frieden auf."), ["Leo"]);
        // `Leo` alone is a first name, not the pope.
        assert!(names("Ein Leo ist kein Name hier.").is_empty());
    }

    #[test]
    fn traps_are_no_people() {
        let text = "Brüssel und Moskau streiten. Die Nato und der Kreml schweigen. Im August \
                    tagt der Bundestag, am Montag die Deutsche Bank. Der Niederländer sagte, \
                    der Kanzler und die Ministerin auch. Wachstum bleibt schwach. In der \
                    Friedrichstraße und der Karl-Marx-Allee feiern sie Sankt Martin und St. \
                    Martin. Hugo Boss und Mercedes-Benz legen zu, Porsche verliert. Am \
                    Flughafen Franz Josef Strauß ist viel los. Präsident Frankreichs ist er. \
                    Die Nutzer Fotos teilen, die Fotos sind neu.";
        assert!(names(text).is_empty(), "{:?}", names(text));
    }

    #[test]
    fn company_words_as_family_names() {
        assert_eq!(
            names("Aufsichtsratschef Wolfgang Porsche lobte Porsche. Werner von Siemens gründete Siemens."),
            ["Wolfgang Porsche", "Werner von Siemens"]
        );
        // The company alone is no mention of the person.
        let found = extract("Wolfgang Porsche lobte Porsche.");
        assert_eq!(found.mentions.len(), 1);
    }

    #[test]
    fn descriptors_resolve_to_the_one_fitting_person() {
        let found = extract(
            "Bundeskanzler Friedrich Merz und Vizekanzler Lars Klingbeil trafen \
             Nato-Generalsekretär Mark Rutte und Außenministerin Anna Berg.",
        );
        let who = |d: &str| found.resolve_descriptor(d).map(|p| p.name.clone());
        assert_eq!(who("der Kanzler").as_deref(), Some("Friedrich Merz"));
        assert_eq!(who("Vizekanzler").as_deref(), Some("Lars Klingbeil"));
        assert_eq!(who("der Niederländer").as_deref(), Some("Mark Rutte"));
        assert_eq!(
            who("Der Nato-Generalsekretär").as_deref(),
            Some("Mark Rutte")
        );
        assert_eq!(who("die Ministerin").as_deref(), Some("Anna Berg"));
        assert_eq!(who("Rutte").as_deref(), Some("Mark Rutte"));
        assert_eq!(who("der Bischof"), None);
        assert_eq!(
            found.resolve_name("Ruttes").map(|p| p.name.as_str()),
            Some("Mark Rutte")
        );
        assert_eq!(
            found.resolve_name("Merz'").map(|p| p.name.as_str()),
            Some("Friedrich Merz")
        );
    }

    #[test]
    fn ambiguous_descriptors_resolve_to_nobody() {
        let found = extract("Außenminister Anna Berg und Finanzminister Jens Hoffmann kamen.");
        assert_eq!(found.resolve_descriptor("der Minister"), None);
    }

    #[test]
    fn any_input_is_safe() {
        let odd = [
            "",
            " ",
            "'",
            "Merz'",
            "-",
            "Anna-",
            "Mark ’s",
            "Dr.",
            "Dr. ",
            "Präsident",
            "Präsident Ärger",
            "Ünal Ödüm İstanbul ß",
            "\u{0}\u{feff}Mark\u{200b}Rutte",
            "Mark Rutte\u{fffd}s",
            "日本語 Mark 日本 Rutte",
            "Anna von",
            "Anna von der",
            "al-",
            "Baschar al-",
            "x\u{301}Mark Rutte",
        ];
        for text in odd {
            let found = extract(text);
            for m in &found.mentions {
                assert!(text.get(m.start..m.end).is_some(), "{text:?}");
            }
        }
        let seed = "Nato-Generalsekretär Mark Rutte ist optimistisch, sagte der Niederländer \
                    über Präsident Donald Trump und Trumps Schwiegersohn Jared Kushner.";
        for (i, _) in seed.char_indices() {
            let _ = extract(&seed[i..]);
            let _ = extract(&seed[..i]);
        }
    }
}
