//! The benchmark corpus generator: a deterministic archive of German
//! agency copy in the formats archiv reads, with the ground truth of what
//! it planted.
//!
//! Usage (see `main.rs`):
//!
//! ```text
//! cargo run --release --example gen-corpus -- --articles 200000 --seed 1 --out DIR [--truth FILE]
//! ```
//!
//! Output layout under `DIR`:
//!
//! - `YYYY/MM/NNNNNNN_agency.txt` (about 93%): agency copy like the seed
//!   article: ` date YYYY-MM-DD PLACE (Agency) - ` then paragraphs
//!   separated by blank lines, subheadings on lines of their own in about
//!   half of them, mostly an editor signature glued to the last sentence
//!   (`…engagiere./aha/DP/mis`), no trailing newline. One text file in
//!   500 is written in Windows-1252 with CRLF line ends.
//! - `YYYY/MM/NNNNNNN_agency.json` (about 2%): one JSON article.
//! - `feeds/feed_NNNN.jsonl` (about 5% of the articles, 1,000 a file):
//!   one JSON object a line with the keys `id`, `date` (`YYYY-MM-DD`),
//!   `agency`, `title`, `people` (full names), `body` (paragraphs separated
//!   by `\n\n`), `place`, `url`.
//!
//! `NNNNNNN` is the article number. The text is built from the word lists
//! and templates in `vocab.rs` (written for archiv): ten topics with their
//! own agencies, datelines, actors, compounds, people and statements;
//! words are picked with Zipf-like weights; dates run from 2019 to 2026;
//! bodies are 300 to 6,000 characters, log-normal around 1,650.
//!
//! Every article comes from its own random stream, derived from the seed
//! and its number, so the same seed and count give byte-identical output
//! and a smaller run is a prefix of a larger one. No floating point is
//! used, so the output is the same on every platform.
//!
//! Ground truth (`--truth FILE`): one JSON line per article, in article
//! order: `{"path", "id", "format", "topic", "date", "agency", "place",
//! "chars", "people": [full names in order of first mention],
//! "statements": [{"speaker", "kind", "text"}]}`. `id` is the document id
//! archiv gives the article (`path`, or `path#LINE` in a JSONL feed);
//! `place` is as written (dateline capitals in text files); `chars` is the
//! body length in characters without dateline and signature. `speaker` is
//! a full name, or `null` for an unnamed one (`ein Händler`); `kind` is
//! `direct` or `reported`. The `text` of a direct statement is what stands
//! between the quotation marks, parts of a continued quotation joined by
//! a space; of a reported one the clause after the speech verb (with
//! `dass`), without the final period, up to the end of a Konjunktiv
//! sentence that continues it.

// The example uses `generate`, the test more of this file.
#![allow(dead_code)]

#[path = "vocab.rs"]
mod vocab;

use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::sync::OnceLock;
use vocab::{Noun, Topic, Verb, G};

// ---------------------------------------------------------------------
// Random numbers: xoshiro256** seeded by SplitMix64, integers only.

fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// xoshiro256**: fast, small, and the same on every platform.
pub struct Rng([u64; 4]);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        let mut state = seed;
        Rng([
            splitmix(&mut state),
            splitmix(&mut state),
            splitmix(&mut state),
            splitmix(&mut state),
        ])
    }

    /// The stream of article `number`: independent of all other articles.
    pub fn for_article(seed: u64, number: usize) -> Rng {
        let mut state = number as u64;
        Rng::new(seed ^ splitmix(&mut state))
    }

    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.0;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// Uniform in `0..n` (`n` ≥ 1).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Rank `r` of `0..n` with weight 1/(r+1): the head of a list is
    /// common, its tail rare.
    pub fn zipf(&mut self, n: usize) -> usize {
        let cumulative = zipf_table();
        let n = n.clamp(1, cumulative.len());
        let roll = self.next_u64() % cumulative[n - 1];
        cumulative[..n].partition_point(|&c| c <= roll)
    }

    pub fn zipf_pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.zipf(items.len())]
    }

    /// By weight: `(item, weight)` pairs.
    pub fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> &'a T {
        let total: u32 = items.iter().map(|i| i.1).sum();
        let mut roll = self.below(total as usize) as u32;
        for (item, weight) in items {
            if roll < *weight {
                return item;
            }
            roll -= weight;
        }
        &items[0].0
    }
}

/// Cumulative Zipf weights for up to 4,096 ranks, in integers.
fn zipf_table() -> &'static [u64] {
    static TABLE: OnceLock<Vec<u64>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut sum = 0u64;
        (0..4096u64)
            .map(|rank| {
                sum += (1u64 << 32) / (rank + 1);
                sum
            })
            .collect()
    })
}

// ---------------------------------------------------------------------
// Dates, as days since 1970-01-01 (Howard Hinnant's civil algorithms).

fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// A publication date with its weekday (0 = Monday).
#[derive(Clone, Copy)]
pub struct Date {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub weekday: usize,
}

impl Date {
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A day from 2019 to 2026; news appear on weekends too, less often.
fn pick_date(rng: &mut Rng) -> Date {
    let first = days_from_civil(2019, 1, 1);
    let span = days_from_civil(2027, 1, 1) - first;
    loop {
        let z = first + rng.below(span as usize) as i64;
        let weekday = (z + 3).rem_euclid(7) as usize;
        if weekday < 5 || rng.chance(35) {
            let (year, month, day) = civil_from_days(z);
            return Date {
                year,
                month,
                day,
                weekday,
            };
        }
    }
}

// ---------------------------------------------------------------------
// People: the public figures of `vocab.rs` and invented ones.

/// A person the generator can name.
#[derive(Debug)]
pub struct Person {
    pub first: &'static str,
    pub last: &'static str,
    pub female: bool,
    /// Role before the name, e.g. `Nato-Generalsekretär`; may be empty.
    pub role: &'static str,
    pub party: &'static str,
    /// Nationality noun, e.g. `Niederländer`; may be empty.
    pub nationality: &'static str,
    pub topics: u16,
}

impl Person {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first, self.last)
    }
}

/// Everyone, known people first, then about 23 invented ones a topic.
pub fn people() -> &'static [Person] {
    static PEOPLE: OnceLock<Vec<Person>> = OnceLock::new();
    PEOPLE.get_or_init(|| {
        let mut all: Vec<Person> = vocab::KNOWN_PEOPLE
            .iter()
            .map(|k| Person {
                first: k.0,
                last: k.1,
                female: k.2,
                role: k.3,
                party: k.4,
                nationality: k.5,
                topics: k.6,
            })
            .collect();
        add_invented_people(&mut all);
        all
    })
}

const INVENTED_PER_TOPIC: usize = 23;

/// Invented people: a fixed pairing of first names, surnames and the
/// topic's roles, the same for every seed. Surnames are unique within a
/// topic, so a surname alone always means one person in an article.
fn add_invented_people(all: &mut Vec<Person>) {
    let mut names: HashSet<String> = all.iter().map(Person::full_name).collect();
    for (t, topic) in vocab::TOPICS.iter().enumerate() {
        let mut surnames: HashSet<&str> = all
            .iter()
            .filter(|p| p.topics & (1 << t) != 0)
            .map(|p| p.last)
            .collect();
        for k in 0..INVENTED_PER_TOPIC {
            let i = t * INVENTED_PER_TOPIC + k;
            let female = i % 5 == 1 || i % 5 == 3;
            let mut s = (i * 7) % vocab::SURNAMES.len();
            while surnames.contains(vocab::SURNAMES[s]) {
                s = (s + 1) % vocab::SURNAMES.len();
            }
            let last = vocab::SURNAMES[s];
            surnames.insert(last);
            let firsts = if female {
                vocab::FIRST_FEMALE
            } else {
                vocab::FIRST_MALE
            };
            let mut f = (i * 5) % firsts.len();
            while names.contains(&format!("{} {last}", firsts[f])) {
                f = (f + 1) % firsts.len();
            }
            names.insert(format!("{} {last}", firsts[f]));
            let (male_role, female_role) = topic.roles[k % topic.roles.len()];
            all.push(Person {
                first: firsts[f],
                last,
                female,
                role: if female { female_role } else { male_role },
                party: if topic.partisan {
                    vocab::PARTIES[k % vocab::PARTIES.len()]
                } else {
                    ""
                },
                nationality: "",
                topics: 1 << t,
            });
        }
    }
}

/// For each topic, the indices of its people, known ones first.
fn topic_people() -> &'static [Vec<usize>] {
    static BY_TOPIC: OnceLock<Vec<Vec<usize>>> = OnceLock::new();
    BY_TOPIC.get_or_init(|| {
        (0..vocab::TOPICS.len())
            .map(|t| {
                people()
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.topics & (1 << t) != 0)
                    .map(|(i, _)| i)
                    .collect()
            })
            .collect()
    })
}

/// Roles that are adjectives (`Vorsitzender Richter`) change their ending
/// after a preposition; such people are named without role there.
fn adjectival_role(role: &str) -> bool {
    let lower = role.to_lowercase();
    [
        "vorsitzend",
        "abgeordnet",
        "gesandt",
        "wirtschaftsweis",
        "beauftragt",
        "regierend",
    ]
    .iter()
    .any(|stem| lower.contains(stem))
}

fn genitive_of(surname: &str) -> String {
    if surname.ends_with(['s', 'ß', 'x', 'z']) {
        format!("{surname}'")
    } else {
        format!("{surname}s")
    }
}

// ---------------------------------------------------------------------
// Grammar: articles, adjective endings, noun forms.

#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    Nom,
    Gen,
    Dat,
    Akk,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Det {
    /// `der`, `die`, `das`
    Def,
    /// `ein`, `eine`
    Indef,
    /// no article
    Zero,
}

fn case_index(case: Case) -> usize {
    match case {
        Case::Nom => 0,
        Case::Gen => 1,
        Case::Dat => 2,
        Case::Akk => 3,
    }
}

fn determiner(det: Det, gender: G, plural: bool, case: Case) -> &'static str {
    const DEF: [[&str; 4]; 4] = [
        ["der", "des", "dem", "den"],
        ["die", "der", "der", "die"],
        ["das", "des", "dem", "das"],
        ["die", "der", "den", "die"],
    ];
    const INDEF: [[&str; 4]; 3] = [
        ["ein", "eines", "einem", "einen"],
        ["eine", "einer", "einer", "eine"],
        ["ein", "eines", "einem", "ein"],
    ];
    let row = if plural { 3 } else { gender_index(gender) };
    match det {
        Det::Def => DEF[row][case_index(case)],
        Det::Indef if row < 3 => INDEF[row][case_index(case)],
        _ => "",
    }
}

fn gender_index(gender: G) -> usize {
    match gender {
        G::M => 0,
        G::F => 1,
        G::N => 2,
        G::P => 3,
    }
}

/// The ending of an adjective after `det` (weak, mixed or strong).
fn adjective_ending(det: Det, gender: G, plural: bool, case: Case) -> &'static str {
    let row = if plural { 3 } else { gender_index(gender) };
    let c = case_index(case);
    match det {
        Det::Def => {
            const WEAK: [[&str; 4]; 4] = [
                ["e", "en", "en", "en"],
                ["e", "en", "en", "e"],
                ["e", "en", "en", "e"],
                ["en", "en", "en", "en"],
            ];
            WEAK[row][c]
        }
        Det::Indef if row < 3 => {
            const MIXED: [[&str; 4]; 3] = [
                ["er", "en", "en", "en"],
                ["e", "en", "en", "e"],
                ["es", "en", "en", "es"],
            ];
            MIXED[row][c]
        }
        _ => {
            const STRONG: [[&str; 4]; 4] = [
                ["er", "en", "em", "en"],
                ["e", "er", "er", "e"],
                ["es", "en", "em", "es"],
                ["e", "er", "en", "e"],
            ];
            STRONG[row][c]
        }
    }
}

/// `stem` + `ending`, where a stem in `-e` (`solide`) drops the ending's `e`.
fn decline_adjective(out: &mut String, stem: &str, ending: &str) {
    out.push_str(stem);
    if stem.ends_with('e') {
        out.push_str(ending.strip_prefix('e').unwrap_or(ending));
    } else {
        out.push_str(ending);
    }
}

/// A noun ready to decline: owned, because compounds are built.
struct NounForms {
    singular: String,
    gender: G,
    genitive: &'static str,
    plural: String,
}

impl NounForms {
    fn from(noun: &Noun) -> NounForms {
        NounForms {
            singular: noun.0.to_string(),
            gender: noun.1,
            genitive: noun.2,
            plural: noun.3.to_string(),
        }
    }

    fn has_plural(&self) -> bool {
        self.gender == G::P || !self.plural.is_empty()
    }
}

/// Writes the noun text, resolving `*` (adjective ending), `^` or the end
/// (inflection suffix) and `@` (the city).
fn noun_text(out: &mut String, text: &str, suffix: &str, ending: &str, city: &str) {
    let (head, tail) = text.split_once('^').unwrap_or((text, ""));
    for (part, last) in [(head, true), (tail, false)] {
        for c in part.chars() {
            match c {
                '*' => out.push_str(ending),
                '@' => out.push_str(city),
                c => out.push(c),
            }
        }
        if last {
            out.push_str(suffix);
        }
    }
}

/// Dative plural adds `-n` unless the plural ends in `-n` or `-s`.
fn dative_plural_suffix(plural: &str) -> &'static str {
    let stem = plural.split('^').next().unwrap_or(plural);
    if stem.ends_with('n') || stem.ends_with('s') || stem.ends_with('*') {
        ""
    } else {
        "n"
    }
}

// ---------------------------------------------------------------------
// Verbs: finite forms and clauses.

#[derive(Clone, Copy, PartialEq, Eq)]
enum Aux {
    Haben,
    Sein,
    Werden,
    Hatte,
    War,
    Wurde,
    Wollen,
    Sollen,
    Muessen,
    Koennen,
}

/// The finite auxiliary for first/third person, singular/plural, in the
/// indicative or Konjunktiv. Konjunktiv forms that equal the indicative
/// (`sie haben`, `sie wollten`) are replaced by unambiguous ones, as
/// agency copy does.
fn aux(word: Aux, first_person: bool, plural: bool, konj: bool) -> &'static str {
    let column = usize::from(!first_person) + 2 * usize::from(plural);
    let forms: [&str; 4] = match (word, konj) {
        (Aux::Haben, false) => ["habe", "hat", "haben", "haben"],
        (Aux::Haben | Aux::Hatte, true) => ["habe", "habe", "hätten", "hätten"],
        (Aux::Sein, false) => ["bin", "ist", "sind", "sind"],
        (Aux::Sein | Aux::War, true) => ["sei", "sei", "seien", "seien"],
        (Aux::Werden, false) => ["werde", "wird", "werden", "werden"],
        (Aux::Werden | Aux::Wurde, true) => ["werde", "werde", "würden", "würden"],
        (Aux::Hatte, false) => ["hatte", "hatte", "hatten", "hatten"],
        (Aux::War, false) => ["war", "war", "waren", "waren"],
        (Aux::Wurde, false) => ["wurde", "wurde", "wurden", "wurden"],
        (Aux::Wollen, false) => ["will", "will", "wollen", "wollen"],
        (Aux::Wollen, true) => ["wolle", "wolle", "würden", "würden"],
        (Aux::Sollen, false) => ["soll", "soll", "sollen", "sollen"],
        (Aux::Sollen, true) => ["solle", "solle", "müssten", "müssten"],
        (Aux::Muessen, false) => ["muss", "muss", "müssen", "müssen"],
        (Aux::Muessen, true) => ["müsse", "müsse", "müssten", "müssten"],
        (Aux::Koennen, false) => ["kann", "kann", "können", "können"],
        (Aux::Koennen, true) => ["könne", "könne", "könnten", "könnten"],
    };
    forms[column]
}

fn past_plural(past: &str) -> String {
    if past.ends_with('e') {
        format!("{past}n")
    } else {
        format!("{past}en")
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Perfect,
    Pluperfect,
    Modal(Aux),
    Future,
}

/// A clause in pieces, so it can be put in main, inverted or final order.
struct Clause {
    subject: String,
    finite: String,
    /// A time or manner adverbial, dropped when another one leads.
    adverb: String,
    middle: String,
    tail: String,
    /// The tail is a separable particle written together with the finite
    /// verb at the end (`vorlegte`).
    glue: bool,
    /// Modal or future: only adverbials that fit the future.
    future: bool,
}

impl Clause {
    /// `Die Regierung legte am Dienstag den Entwurf vor`
    fn main(&self) -> String {
        join_words(&[
            &self.subject,
            &self.finite,
            &self.adverb,
            &self.middle,
            &self.tail,
        ])
    }

    /// `Zudem legte die Regierung den Entwurf vor`; `front_is_adverb`
    /// drops the clause's own adverbial.
    fn inverted(&self, front: &str, front_is_adverb: bool) -> String {
        let adverb = if front_is_adverb { "" } else { &self.adverb };
        join_words(&[
            front,
            &self.finite,
            &self.subject,
            adverb,
            &self.middle,
            &self.tail,
        ])
    }

    /// `die Regierung den Entwurf vorlegte` (after `dass`)
    fn verb_final(&self) -> String {
        let end = if self.glue {
            format!("{}{}", self.tail, self.finite)
        } else {
            join_words(&[&self.tail, &self.finite])
        };
        join_words(&[&self.subject, &self.adverb, &self.middle, &end])
    }
}

fn is_future(tense: Tense) -> bool {
    matches!(tense, Tense::Modal(_) | Tense::Future)
}

fn join_words(parts: &[&str]) -> String {
    let mut out = String::new();
    for part in parts.iter().filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

/// Finite verb and tail for a verb in a tense; Konjunktiv turns the past
/// into the perfect (`er habe … vorgelegt`).
fn verb_forms(
    verb: &Verb,
    tense: Tense,
    first: bool,
    plural: bool,
    konj: bool,
) -> (String, String, bool) {
    let (infinitive, past, participle, particle, with_sein) = *verb;
    let perfect_aux = if with_sein { Aux::Sein } else { Aux::Haben };
    match tense {
        Tense::Past if !konj => {
            let finite = if plural {
                past_plural(past)
            } else {
                past.to_string()
            };
            let glue = !particle.is_empty() && !infinitive.starts_with(&format!("{particle} "));
            (finite, particle.to_string(), glue)
        }
        Tense::Past | Tense::Perfect => (
            aux(perfect_aux, first, plural, konj).into(),
            participle.into(),
            false,
        ),
        Tense::Pluperfect => {
            let word = if with_sein { Aux::War } else { Aux::Hatte };
            (
                aux(word, first, plural, konj).into(),
                participle.into(),
                false,
            )
        }
        Tense::Modal(word) => (
            aux(word, first, plural, konj).into(),
            infinitive.into(),
            false,
        ),
        Tense::Future => (
            aux(Aux::Werden, first, plural, konj).into(),
            infinitive.into(),
            false,
        ),
    }
}

// ---------------------------------------------------------------------
// What an article plants, and the article itself.

/// One statement the generator planted.
#[derive(Debug, Clone)]
pub struct Planted {
    /// Full name, or `None` for an unnamed speaker.
    pub speaker: Option<String>,
    /// `direct` or `reported`.
    pub kind: &'static str,
    pub text: String,
}

/// How an article is written to disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Text1252,
    Json,
    JsonLines,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Text1252 => "text-1252",
            Format::Json => "json",
            Format::JsonLines => "jsonl",
        }
    }
}

/// One generated article and its ground truth.
pub struct Article {
    pub number: usize,
    pub topic: &'static str,
    pub date: Date,
    pub agency: &'static str,
    /// Dateline place in capitals, e.g. `FRANKFURT/BERLIN`.
    pub place: &'static str,
    /// A headline, used where the format has a title (JSON).
    pub title: String,
    /// Paragraphs and subheadings, in order.
    pub paragraphs: Vec<String>,
    pub signature: Option<String>,
    /// Full names in order of first mention.
    pub people: Vec<String>,
    pub statements: Vec<Planted>,
    /// Writes ` - ` or ` – ` after the dateline.
    pub en_dash: bool,
    /// Writes the leading space of ` date` as in the seed.
    pub leading_space: bool,
}

impl Article {
    pub fn body(&self) -> String {
        self.paragraphs.join("\n\n")
    }

    /// The file content of agency copy, without line-end conversion.
    pub fn agency_copy(&self) -> String {
        let mut text =
            String::with_capacity(64 + self.paragraphs.iter().map(String::len).sum::<usize>());
        if self.leading_space {
            text.push(' ');
        }
        let dash = if self.en_dash { '–' } else { '-' };
        let _ = write!(
            text,
            "date {} {} ({}) {dash} ",
            self.date.iso(),
            self.place,
            self.agency
        );
        text.push_str(&self.body());
        if let Some(signature) = &self.signature {
            text.push_str(signature);
        }
        text
    }
}

/// A person in one article.
struct Cast {
    person: &'static Person,
    introduced: bool,
}

/// The state of one article while it is written.
struct Writer {
    rng: Rng,
    topic: &'static Topic,
    date: Date,
    city: String,
    company: usize,
    teams: (usize, usize),
    cast: Vec<Cast>,
    people: Vec<String>,
    statements: Vec<Planted>,
    /// `er` or `sie`: the current speaker, for `{pron}`.
    pronoun: &'static str,
    /// Templates used in this article (by address), to avoid repeats.
    used: HashSet<usize>,
}

/// `FRANKFURT/BERLIN` → `Frankfurt`, `NEW YORK` → `New York`.
fn city_of(place: &str) -> String {
    let first = place.split('/').next().unwrap_or(place);
    let mut out = String::with_capacity(first.len());
    let mut start = true;
    for c in first.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = c == ' ' || c == '-';
    }
    out
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn char_len(text: &str) -> usize {
    text.chars().count()
}

impl Writer {
    fn new(mut rng: Rng, topic_index: usize, date: Date, place: &'static str) -> Writer {
        let topic = &vocab::TOPICS[topic_index];
        let company = rng.below(vocab::COMPANIES.len());
        let first_team = rng.below(vocab::TEAMS.len());
        let second_team = (first_team + 1 + rng.below(vocab::TEAMS.len() - 1)) % vocab::TEAMS.len();
        let cast = pick_cast(&mut rng, topic_index);
        Writer {
            rng,
            topic,
            date,
            city: city_of(place),
            company,
            teams: (first_team, second_team),
            cast,
            people: Vec::new(),
            statements: Vec::new(),
            pronoun: "man",
            used: HashSet::new(),
        }
    }
}

/// One to four people of the topic, distinct surnames, famous ones often.
fn pick_cast(rng: &mut Rng, topic_index: usize) -> Vec<Cast> {
    let pool = &topic_people()[topic_index];
    let size = *rng.weighted(&[(1usize, 30), (2, 35), (3, 23), (4, 12)]);
    let mut cast: Vec<Cast> = Vec::new();
    for _ in 0..size * 3 {
        if cast.len() == size {
            break;
        }
        let person = &people()[pool[rng.zipf(pool.len())]];
        if cast.iter().all(|c| c.person.last != person.last) {
            cast.push(Cast {
                person,
                introduced: false,
            });
        }
    }
    cast
}

// ---------------------------------------------------------------------
// Templates and noun phrases.

/// Collapses doubled spaces and spaces before punctuation, which empty
/// template alternatives leave behind.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if (c == ' ' || c == '.' || c == ',' || c == ':') && out.ends_with(' ') {
            out.pop();
        }
        out.push(c);
    }
    out.trim().to_string()
}

fn finish(text: &str) -> String {
    capitalize(&tidy(text))
}

fn parse_case(c: Option<char>) -> Case {
    match c {
        Some('g') => Case::Gen,
        Some('d') => Case::Dat,
        Some('a') => Case::Akk,
        _ => Case::Nom,
    }
}

/// `1.234.567`
fn with_thousands(value: u32) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// `a:b` of an `{n:a:b}` slot.
fn parse_range(range: &str) -> (u32, u32) {
    let (lo, hi) = range.split_once(':').unwrap_or((range, range));
    let lo = lo.parse().unwrap_or(0);
    (lo, hi.parse().unwrap_or(lo).max(lo))
}

impl Writer {
    /// A template of `list` this article has not used yet, where possible.
    fn fresh(&mut self, list: &'static [&'static str]) -> &'static str {
        let mut template = *self.rng.pick(list);
        for _ in 0..6 {
            if self.used.insert(template.as_ptr() as usize) {
                break;
            }
            template = *self.rng.pick(list);
        }
        template
    }

    fn render(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 48);
        self.render_into(&mut out, template);
        out
    }

    fn render_into(&mut self, out: &mut String, template: &str) {
        let mut rest = template;
        while let Some(open) = rest.find(['[', '{']) {
            out.push_str(&rest[..open]);
            let alternatives = rest.as_bytes()[open] == b'[';
            let close_char = if alternatives { ']' } else { '}' };
            let Some(close) = rest[open..].find(close_char).map(|c| c + open) else {
                break;
            };
            let inner = &rest[open + 1..close];
            if alternatives {
                let options: Vec<&str> = inner.split('|').collect();
                let choice = options[self.rng.below(options.len())];
                self.render_into(out, choice);
            } else {
                self.slot(out, inner);
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
    }

    fn slot(&mut self, out: &mut String, name: &str) {
        if let Some(range) = name.strip_prefix("n:") {
            let (lo, hi) = parse_range(range);
            let _ = write!(out, "{}", self.rng.range(lo, hi));
        } else if let Some(range) = name.strip_prefix("k:") {
            let (lo, hi) = parse_range(range);
            out.push_str(&with_thousands(self.rng.range(lo, hi)));
        } else if !self.place_slot(out, name)
            && !self.date_slot(out, name)
            && !self.number_slot(out, name)
            && !self.name_slot(out, name)
        {
            self.noun_slot(out, name);
        }
    }

    fn place_slot(&mut self, out: &mut String, name: &str) -> bool {
        let text = match name {
            "city" => self.city.clone(),
            "city2" => self.other_city(),
            "ucity" => self.rng.pick(vocab::UKRAINE_CITIES).to_string(),
            "region" => self.rng.pick(vocab::REGIONS).to_string(),
            "country" => self.rng.pick(vocab::COUNTRIES).to_string(),
            _ => return false,
        };
        out.push_str(&text);
        true
    }

    fn other_city(&mut self) -> String {
        loop {
            let city = *self.rng.zipf_pick(vocab::CITIES);
            if city != self.city {
                return city.to_string();
            }
        }
    }

    fn date_slot(&mut self, out: &mut String, name: &str) -> bool {
        let month = self.date.month as usize;
        match name {
            "day" => out.push_str(vocab::WEEKDAYS[self.date.weekday]),
            "month" => out.push_str(vocab::MONTHS[month - 1]),
            "pmonth" => out.push_str(vocab::MONTHS[(month + 10) % 12]),
            "year" => {
                let _ = write!(out, "{}", self.date.year);
            }
            "pyear" => {
                let _ = write!(out, "{}", self.date.year - 1);
            }
            "nyear" => {
                let _ = write!(out, "{}", self.date.year + 1 + self.rng.below(3) as i64);
            }
            _ => return false,
        }
        true
    }

    fn number_slot(&mut self, out: &mut String, name: &str) -> bool {
        let r = &mut self.rng;
        match name {
            "pct" => {
                let _ = write!(out, "{},{}", r.range(1, 9), r.range(0, 9));
            }
            "spct" => {
                let _ = write!(out, "{},{}", r.range(0, 3), r.range(1, 9));
            }
            "money" => self.money(out),
            "pts" => out.push_str(&with_thousands(r.range(11_500, 32_000))),
            "fx" => {
                let _ = write!(out, "1,{:04}", r.range(500, 1999));
            }
            "temp" => {
                let (lo, hi) = match self.date.month {
                    5..=9 => (24, 38),
                    11 | 12 | 1 | 2 => (0, 16),
                    _ => (8, 22),
                };
                // Winter templates say "auf bis zu {temp} Grad": below zero.
                let value = r.range(lo, hi) as i32;
                let value = if lo == 0 { -value } else { value };
                let _ = write!(out, "{value}");
            }
            "age" => {
                let _ = write!(out, "{}", r.range(19, 78));
            }
            "score" => {
                let winner = r.range(1, 5);
                let _ = write!(out, "{winner}:{}", r.range(0, winner - 1));
            }
            "draw" => {
                let _ = write!(out, "{0}:{0}", r.range(0, 3));
            }
            _ => return false,
        }
        true
    }

    /// `431 Millionen Euro`, `1,3 Milliarden Euro`, `85 Mio. Euro`.
    fn money(&mut self, out: &mut String) {
        let r = &mut self.rng;
        let _ = match r.below(10) {
            0..=4 => write!(out, "{} Millionen Euro", r.range(12, 980)),
            5 | 6 => write!(out, "{},{} Milliarden Euro", r.range(1, 9), r.range(1, 9)),
            7 => write!(out, "{} Mio. Euro", r.range(5, 950)),
            8 => write!(out, "{},{} Mrd. Euro", r.range(1, 24), r.range(1, 9)),
            _ => write!(out, "{} Milliarden US-Dollar", r.range(2, 60)),
        };
    }

    /// Companies, teams, people and pronouns.
    fn name_slot(&mut self, out: &mut String, name: &str) -> bool {
        let company = vocab::COMPANIES[self.company];
        let team = |i: usize| vocab::TEAMS[i];
        let text = match name {
            "c" => company.3.to_string(),
            "C" | "Cn" | "Cg" | "Cd" | "Ca" => {
                let forms = NounForms {
                    singular: format!("{}^ {}", company.0, company.3),
                    gender: company.1,
                    genitive: company.2,
                    plural: String::new(),
                };
                self.phrase(
                    &forms,
                    Det::Def,
                    parse_case(name.chars().nth(1)),
                    false,
                    None,
                )
            }
            "T" | "Tn" => team(self.teams.0).to_string(),
            "Ta" => team_case(team(self.teams.0), Case::Akk),
            "T2" | "T2n" => team(self.teams.1).to_string(),
            "T2a" => team_case(team(self.teams.1), Case::Akk),
            "T2d" => team_case(team(self.teams.1), Case::Dat),
            "who" => {
                let i = self.rng.zipf(self.cast.len());
                self.mention(i, false)
            }
            "S" => self.cast.first().map_or("", |c| c.person.last).to_string(),
            "pron" => self.pronoun.to_string(),
            _ => return false,
        };
        out.push_str(&text);
        true
    }

    /// Topic nouns, compounds and actors: `{Na}`, `{Qd#0}`, `{A}` ….
    fn noun_slot(&mut self, out: &mut String, name: &str) {
        let (head, set) = match name.split_once('#') {
            Some((head, set)) => (head, set.parse::<usize>().ok()),
            None => (name, None),
        };
        let mut chars = head.chars();
        let kind = chars.next().unwrap_or('N');
        let case = parse_case(chars.next());
        if kind == 'A' {
            let actor = NounForms::from(self.rng.zipf_pick(self.topic.actors));
            let plural = actor.gender == G::P;
            out.push_str(&self.phrase(&actor, Det::Def, case, plural, None));
            return;
        }
        let noun = self.pick_noun(set);
        let wants_plural = matches!(kind, 'P' | 'Q' | 'X');
        let plural = noun.gender == G::P || (wants_plural && noun.has_plural());
        let (det, adjective_percent) = match kind {
            'D' => (Det::Def, 100),
            'P' => (Det::Def, 30),
            'I' if !plural => (Det::Indef, 40),
            'I' => (Det::Zero, 60),
            'Q' if plural => (Det::Zero, 70),
            'W' | 'X' => (Det::Zero, 0),
            _ => (Det::Def, 25),
        };
        let adjective = self.maybe_adjective(adjective_percent);
        out.push_str(&self.phrase(&noun, det, case, plural, adjective));
    }

    fn maybe_adjective(&mut self, percent: usize) -> Option<&'static str> {
        if !self.rng.chance(percent) {
            None
        } else if self.rng.chance(55) {
            Some(*self.rng.zipf_pick(self.topic.adjectives))
        } else {
            Some(*self.rng.zipf_pick(vocab::ADJECTIVES))
        }
    }

    /// A topic object (`Reform`) or a compound (`Wärmepumpenförderung`):
    /// from compound set `set`, else from what can be planned or decided.
    fn pick_noun(&mut self, set: Option<usize>) -> NounForms {
        let compounds = self.topic.compounds;
        let plannable = self.topic.plannable;
        let set = match set {
            Some(k) => Some(k.min(compounds.len() - 1)),
            None if !plannable.is_empty() && self.rng.chance(45) => Some(*self.rng.pick(plannable)),
            None => None,
        };
        let Some(k) = set else {
            return NounForms::from(self.rng.zipf_pick(self.topic.objects));
        };
        let modifier = *self.rng.zipf_pick(compounds[k].mods);
        let head = self.rng.zipf_pick(compounds[k].heads);
        NounForms {
            singular: format!("{modifier}{}", head.0),
            gender: head.1,
            genitive: head.2,
            plural: if head.3.is_empty() {
                String::new()
            } else {
                format!("{modifier}{}", head.3)
            },
        }
    }

    /// Article, adjective and noun, declined for `case`.
    fn phrase(
        &self,
        noun: &NounForms,
        det: Det,
        case: Case,
        plural: bool,
        adjective: Option<&str>,
    ) -> String {
        let mut out = String::with_capacity(48);
        let article = determiner(det, noun.gender, plural, case);
        if !article.is_empty() {
            out.push_str(article);
            out.push(' ');
        }
        let ending = adjective_ending(det, noun.gender, plural, case);
        if let Some(stem) = adjective {
            decline_adjective(&mut out, stem, ending);
            out.push(' ');
        }
        let text = if plural && noun.gender != G::P {
            &noun.plural
        } else {
            &noun.singular
        };
        let suffix = match (plural, case, noun.gender) {
            (true, Case::Dat, _) => dative_plural_suffix(text),
            (false, Case::Gen, G::M | G::N) => noun.genitive,
            _ => "",
        };
        noun_text(&mut out, text, suffix, ending, &self.city);
        out
    }

    /// A noun phrase of the topic, for objects and passive subjects.
    fn noun_phrase(&mut self, det: Det, case: Case, want_plural: bool) -> (String, bool) {
        let noun = self.pick_noun(None);
        let plural = noun.gender == G::P || (want_plural && noun.has_plural());
        let det = if det == Det::Indef && plural {
            Det::Zero
        } else {
            det
        };
        let adjective = self.maybe_adjective(if det == Det::Zero { 60 } else { 30 });
        (self.phrase(&noun, det, case, plural, adjective), plural)
    }
}

/// `der 1. FC Köln` → `den 1. FC Köln`; names without article stay.
fn team_case(team: &str, case: Case) -> String {
    match (team.strip_prefix("der "), case) {
        (Some(name), Case::Akk) => format!("den {name}"),
        (Some(name), Case::Dat) => format!("dem {name}"),
        (Some(name), Case::Gen) => format!("des {name}"),
        _ => team.to_string(),
    }
}

// ---------------------------------------------------------------------
// People in the text.

/// What to undo when a sentence does not fit any more.
struct Mark {
    people: usize,
    statements: usize,
    introduced: Vec<bool>,
}

impl Writer {
    fn mark(&self) -> Mark {
        Mark {
            people: self.people.len(),
            statements: self.statements.len(),
            introduced: self.cast.iter().map(|c| c.introduced).collect(),
        }
    }

    fn rollback(&mut self, mark: Mark) {
        self.people.truncate(mark.people);
        self.statements.truncate(mark.statements);
        for (cast, introduced) in self.cast.iter_mut().zip(mark.introduced) {
            cast.introduced = introduced;
        }
    }

    /// A person's name as agency copy writes it: introduced in full the
    /// first time (`Finanzminister Lars Klingbeil (SPD)`), by surname
    /// after that. `nominative` allows forms that change with the case.
    fn mention(&mut self, index: usize, nominative: bool) -> String {
        let person = self.cast[index].person;
        let role_fits = !person.role.is_empty() && (nominative || !adjectival_role(person.role));
        if self.cast[index].introduced {
            return if role_fits && self.rng.chance(12) {
                format!("{} {}", person.role, person.last)
            } else {
                person.last.to_string()
            };
        }
        self.cast[index].introduced = true;
        self.people.push(person.full_name());
        let name = person.full_name();
        let party = if !person.party.is_empty() && self.rng.chance(45) {
            format!(" ({})", person.party)
        } else {
            String::new()
        };
        let roll = self.rng.below(100);
        if nominative && !person.nationality.is_empty() && roll < 15 {
            let article = if person.female { "die" } else { "der" };
            format!("{article} {} {name}{party}", person.nationality)
        } else if role_fits && roll < 75 {
            format!("{} {name}{party}", person.role)
        } else {
            format!("{name}{party}")
        }
    }

    /// `Ruttes`, `Merz'`; a `von` phrase while the person is new.
    fn genitive_mention(&mut self, index: usize) -> (String, bool) {
        if self.cast[index].introduced {
            (genitive_of(self.cast[index].person.last), true)
        } else {
            (format!("von {}", self.mention(index, false)), false)
        }
    }

    /// `der Bundeskanzler` for a person introduced with a one-word role
    /// nobody else in the article has.
    fn descriptor(&self, index: usize) -> Option<String> {
        let person = self.cast[index].person;
        let unique = self
            .cast
            .iter()
            .filter(|c| c.person.role == person.role)
            .count()
            == 1;
        let usable = self.cast[index].introduced
            && unique
            && !person.role.is_empty()
            && !person.role.contains(' ')
            && !adjectival_role(person.role);
        usable.then(|| {
            let article = if person.female { "die" } else { "der" };
            format!("{article} {}", person.role)
        })
    }

    /// Who speaks, as written after the speech verb.
    fn speaker_ref(&mut self, speaker: Option<usize>) -> String {
        let Some(index) = speaker else {
            self.pronoun = "man";
            return self.rng.pick(self.topic.anonymous).to_string();
        };
        self.pronoun = if self.cast[index].person.female {
            "sie"
        } else {
            "er"
        };
        match self.descriptor(index) {
            Some(descriptor) if self.rng.chance(20) => descriptor,
            _ => self.mention(index, true),
        }
    }

    fn speaker_name(&self, speaker: Option<usize>) -> Option<String> {
        speaker.map(|i| self.cast[i].person.full_name())
    }

    fn plant(&mut self, speaker: Option<usize>, kind: &'static str, text: String) {
        let speaker = self.speaker_name(speaker);
        self.statements.push(Planted {
            speaker,
            kind,
            text: tidy(&text),
        });
    }
}

// ---------------------------------------------------------------------
// Clauses.

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mood {
    Indicative,
    Konjunktiv,
}

impl Writer {
    fn pick_tense(&mut self, safe: bool, plural: bool) -> Tense {
        const TENSES: &[(Tense, u32)] = &[
            (Tense::Past, 40),
            (Tense::Perfect, 20),
            (Tense::Pluperfect, 8),
            (Tense::Modal(Aux::Wollen), 10),
            (Tense::Modal(Aux::Sollen), 8),
            (Tense::Modal(Aux::Muessen), 4),
            (Tense::Modal(Aux::Koennen), 4),
            (Tense::Future, 6),
        ];
        loop {
            let tense = *self.rng.weighted(TENSES);
            // After a statement only a clearly indicative verb ends it: no
            // weak past (it looks like a Konjunktiv II), no plural present
            // (it looks like a Konjunktiv I).
            let clear = match tense {
                Tense::Past => false,
                Tense::Pluperfect => true,
                _ => !plural,
            };
            if !safe || clear {
                return tense;
            }
        }
    }

    /// A template of `list` that fits the tense: `P:` ones go with the
    /// past only, `F:` ones with the future only.
    fn pick_timed(&mut self, list: &'static [&'static str], future: bool) -> Option<&'static str> {
        for _ in 0..8 {
            let template = *self.rng.pick(list);
            let (fits, text) = match template.split_at_checked(2) {
                Some(("P:", rest)) => (!future, rest),
                Some(("F:", rest)) => (future, rest),
                _ => (true, template),
            };
            if fits {
                return Some(text);
            }
        }
        None
    }

    fn adverb(&mut self, future: bool) -> String {
        let list = if self.rng.chance(50) {
            self.topic.adverbs
        } else {
            vocab::ADVERBS
        };
        let template = self.pick_timed(list, future).unwrap_or("");
        self.render(template)
    }

    fn maybe_adverb(&mut self, future: bool) -> String {
        if self.rng.chance(55) {
            self.adverb(future)
        } else {
            String::new()
        }
    }

    /// A sentence opener before the finite verb, and whether it is an
    /// adverbial of time or manner.
    fn front(&mut self, future: bool) -> (String, bool) {
        let connector = self.rng.chance(60);
        let front = match connector.then(|| self.pick_timed(vocab::CONNECTORS, future)) {
            Some(Some(template)) => self.render(template),
            _ => return (capitalize(&self.adverb(future)), true),
        };
        (capitalize(&front), false)
    }

    /// Subject of an active clause: an actor, the company, or (when
    /// allowed) a person; returns the text and whether it is plural.
    fn subject(&mut self, person: bool) -> (String, bool) {
        let roll = self.rng.below(100);
        if person && !self.cast.is_empty() && roll < 30 {
            let i = self.rng.zipf(self.cast.len());
            return (self.mention(i, true), false);
        }
        if self.topic.name == "wirtschaft" && roll < 70 {
            let template = if self.rng.chance(60) { "{c}" } else { "{C}" };
            return (self.render(template), false);
        }
        let actor = NounForms::from(self.rng.zipf_pick(self.topic.actors));
        let plural = actor.gender == G::P;
        (
            self.phrase(&actor, Det::Def, Case::Nom, plural, None),
            plural,
        )
    }

    fn pick_transitive(&mut self) -> (Verb, &'static str) {
        if self.topic.trans.is_empty() || self.rng.chance(self.topic.generic_verbs) {
            *self.rng.pick(vocab::GENERIC_TRANS)
        } else {
            *self.rng.pick(self.topic.trans)
        }
    }

    fn object(&mut self, template: &str) -> String {
        if !template.is_empty() {
            return self.render(template);
        }
        match self.rng.below(10) {
            0..=4 => self.noun_phrase(Det::Def, Case::Akk, false).0,
            5..=7 => self.noun_phrase(Det::Indef, Case::Akk, false).0,
            _ => self.noun_phrase(Det::Zero, Case::Akk, true).0,
        }
    }

    /// `Die Koalition will den Entwurf vorlegen`.
    fn active_clause(&mut self, subject: (String, bool), safe: bool, mood: Mood) -> Clause {
        let (subject, plural) = subject;
        let (verb, template) = self.pick_transitive();
        let tense = self.pick_tense(safe, plural);
        let konj = mood == Mood::Konjunktiv;
        let (finite, tail, glue) = verb_forms(&verb, tense, false, plural, konj);
        let adverb = self.maybe_adverb(is_future(tense));
        let middle = self.object(template);
        Clause {
            subject,
            finite,
            adverb,
            middle,
            tail,
            glue,
            future: is_future(tense),
        }
    }

    /// `Der Entwurf wurde am Dienstag beschlossen`.
    fn passive_clause(&mut self, safe: bool, mood: Mood) -> Clause {
        let want_plural = self.rng.chance(25);
        let (subject, plural) = self.noun_phrase(Det::Def, Case::Nom, want_plural);
        let verb = *self.rng.pick(vocab::GENERIC_TRANS);
        let participle = verb.0 .2;
        let konj = mood == Mood::Konjunktiv;
        let tense = self.pick_tense(safe, plural);
        let (finite, tail) = match tense {
            Tense::Past => (aux(Aux::Wurde, false, plural, konj), participle.to_string()),
            Tense::Perfect => (
                aux(Aux::Sein, false, plural, konj),
                format!("{participle} worden"),
            ),
            Tense::Pluperfect => (
                aux(Aux::War, false, plural, konj),
                format!("{participle} worden"),
            ),
            // Things cannot want to be done: `wollen` becomes `sollen`.
            Tense::Modal(Aux::Wollen) => (
                aux(Aux::Sollen, false, plural, konj),
                format!("{participle} werden"),
            ),
            Tense::Modal(word) => (
                aux(word, false, plural, konj),
                format!("{participle} werden"),
            ),
            Tense::Future => (
                aux(Aux::Werden, false, plural, konj),
                format!("{participle} werden"),
            ),
        };
        Clause {
            subject,
            finite: finite.to_string(),
            adverb: self.maybe_adverb(is_future(tense)),
            middle: String::new(),
            tail,
            glue: false,
            future: is_future(tense),
        }
    }

    /// `Der Umsatz stieg im dritten Quartal um 4,2 Prozent`.
    fn quantity_clause(&mut self, safe: bool, mood: Mood) -> Clause {
        let noun = NounForms::from(self.rng.zipf_pick(self.topic.quantities));
        let plural = noun.gender == G::P;
        let subject = self.phrase(&noun, Det::Def, Case::Nom, plural, None);
        let (verb, complement) = *self.rng.pick(self.topic.intrans);
        let tense = if safe {
            Tense::Pluperfect
        } else {
            *self.rng.weighted(&[
                (Tense::Past, 60),
                (Tense::Perfect, 25),
                (Tense::Modal(Aux::Sollen), 10),
                (Tense::Future, 5),
            ])
        };
        let konj = mood == Mood::Konjunktiv;
        let (finite, tail, glue) = verb_forms(&verb, tense, false, plural, konj);
        let adverb = self.maybe_adverb(is_future(tense));
        let middle = self.render(complement);
        Clause {
            subject,
            finite,
            adverb,
            middle,
            tail,
            glue,
            future: is_future(tense),
        }
    }

    /// Any third-person clause of the topic.
    fn clause(&mut self, safe: bool, mood: Mood, persons: bool) -> Clause {
        let roll = self.rng.below(100);
        if !self.topic.quantities.is_empty() && roll < 30 {
            self.quantity_clause(safe, mood)
        } else if roll < 50 {
            self.passive_clause(safe, mood)
        } else {
            let subject = self.subject(persons);
            self.active_clause(subject, safe, mood)
        }
    }

    /// A whole indicative sentence from the clause engine; `safe` keeps
    /// it clearly indicative, so it ends a statement before it.
    fn clause_sentence(&mut self, safe: bool) -> String {
        let clause = self.clause(safe, Mood::Indicative, true);
        let front = if self.rng.chance(30) {
            Some(self.front(clause.future))
        } else {
            None
        };
        let text = match front {
            // No fitting opener found: keep the subject first.
            Some((front, is_adverb)) if !front.is_empty() => clause.inverted(&front, is_adverb),
            _ => clause.main(),
        };
        finish(&format!("{text}."))
    }

    /// A Konjunktiv clause for reported speech; its subject may be the
    /// speaker (`er habe …`).
    fn konjunktiv_clause(&mut self) -> Clause {
        if self.pronoun != "man" && self.rng.chance(20) {
            let subject = (self.pronoun.to_string(), false);
            return self.active_clause(subject, false, Mood::Konjunktiv);
        }
        self.clause(false, Mood::Konjunktiv, false)
    }

    /// First-person speech: `Deshalb werden wir die Reform umsetzen`.
    fn first_person_clause(&mut self) -> String {
        let plural = self.rng.chance(70);
        let subject = if plural { "wir" } else { "ich" };
        let (verb, template) = self.pick_transitive();
        let tense = *self.rng.pick(&[
            Tense::Perfect,
            Tense::Modal(Aux::Wollen),
            Tense::Modal(Aux::Muessen),
            Tense::Modal(Aux::Koennen),
            Tense::Future,
        ]);
        let (finite, tail, glue) = verb_forms(&verb, tense, true, plural, false);
        let middle = self.object(template);
        let clause = Clause {
            subject: subject.to_string(),
            finite,
            adverb: String::new(),
            middle,
            tail,
            glue,
            future: is_future(tense),
        };
        match self.pick_timed(vocab::QUOTE_FRONTS, clause.future) {
            Some(front) if self.rng.chance(40) => clause.inverted(front, true),
            _ => capitalize(&clause.main()),
        }
    }
}

// ---------------------------------------------------------------------
// Statements.

/// Quotation marks: German ones or straight ones, as agencies write both.
fn quote_marks(rng: &mut Rng) -> (char, char) {
    if rng.chance(50) {
        ('„', '“')
    } else {
        ('"', '"')
    }
}

impl Writer {
    /// What is said in direct speech, without final punctuation.
    fn quote_text(&mut self) -> String {
        let text = match self.rng.below(100) {
            0..=49 => {
                let template = self.fresh(self.topic.quotes);
                self.render(template)
            }
            50..=64 => {
                let template = self.fresh(vocab::GENERIC_QUOTES);
                self.render(template)
            }
            65..=79 => {
                let frame = *self.rng.pick(vocab::QUOTE_FRAMES);
                let clause = self.clause(false, Mood::Indicative, false);
                format!("{frame} {}", clause.verb_final())
            }
            _ => self.first_person_clause(),
        };
        let text = tidy(&text);
        if self.rng.chance(12) {
            let second = self.fresh(vocab::FOLLOW_QUOTES);
            format!("{text}. {}", second.trim_end_matches('.'))
        } else {
            text
        }
    }

    /// A speaker: a person of the article, mostly the main one, or
    /// sometimes nobody by name.
    fn pick_speaker(&mut self) -> Option<usize> {
        if self.cast.is_empty() || self.rng.chance(10) {
            None
        } else {
            Some(self.rng.zipf(self.cast.len()))
        }
    }

    /// A statement and what may follow it; planted into the truth.
    fn statement(&mut self, speaker: Option<usize>) -> Vec<String> {
        let mut sentences = if self.rng.chance(50) {
            self.direct(speaker)
        } else {
            self.reported(speaker)
        };
        if speaker.is_some() && self.rng.chance(7) {
            sentences.push(self.added_quote(speaker));
        }
        sentences
    }

    /// `"…", sagte Rutte.` / `"…", so Rutte.` / `Rutte sagte: "…."`
    fn direct(&mut self, speaker: Option<usize>) -> Vec<String> {
        let (open, close) = quote_marks(&mut self.rng);
        let quote = self.quote_text();
        let form = self.rng.below(100);
        let where_said = *self.rng.pick(vocab::SAID_WHERE);
        let where_said = self.render(where_said);
        // One says something to the dpa, one does not warn it.
        let to_agency = where_said.contains("Presse-Agentur");
        let who = self.speaker_ref(speaker);
        let (sentence, mut text) = if form < 55 {
            let verb = if to_agency {
                "sagte"
            } else {
                *self.rng.pick(vocab::QUOTE_VERBS)
            };
            let (finite, particle) = verb.split_once(' ').unwrap_or((verb, ""));
            let attribution = join_words(&[finite, &who, &where_said, particle]);
            (format!("{open}{quote}{close}, {attribution}."), quote)
        } else if form < 70 {
            (format!("{open}{quote}{close}, so {who}."), quote)
        } else {
            let verb = if to_agency {
                "sagte"
            } else {
                *self.rng.pick(&["sagte", "betonte", "erklärte", "warnte"])
            };
            let attribution = capitalize(&join_words(&[&who, verb, &where_said]));
            (
                format!("{attribution}: {open}{quote}.{close}"),
                format!("{quote}."),
            )
        };
        let mut sentences = vec![tidy(&sentence)];
        if form < 70 && self.rng.chance(15) {
            let second = self.fresh(vocab::FOLLOW_QUOTES);
            sentences.push(format!("{open}{second}{close}"));
            text = format!("{text} {second}");
        }
        self.plant(speaker, "direct", text);
        sentences
    }

    /// `Er fügte hinzu: "…."` right after the person's statement.
    fn added_quote(&mut self, speaker: Option<usize>) -> String {
        let (open, close) = quote_marks(&mut self.rng);
        let quote = self.quote_text();
        let pronoun = capitalize(self.pronoun);
        self.plant(speaker, "direct", format!("{quote}."));
        format!("{pronoun} fügte hinzu: {open}{quote}.{close}")
    }

    /// Reported speech in the Konjunktiv, with or without `dass`.
    fn reported(&mut self, speaker: Option<usize>) -> Vec<String> {
        let (sentence, mut text, continued) = self.reported_sentence(speaker);
        let mut sentences = vec![tidy(&sentence)];
        if continued && self.rng.chance(20) {
            let next = self.fresh(vocab::CONTINUATIONS);
            sentences.push(next.to_string());
            text = format!("{text}. {next}");
        }
        self.plant(speaker, "reported", text);
        sentences
    }

    /// The sentence, the statement's text, and whether a Konjunktiv
    /// sentence may continue it.
    fn reported_sentence(&mut self, speaker: Option<usize>) -> (String, String, bool) {
        let (verb, particle) = *self.rng.pick(vocab::SPEECH_VERBS);
        let form = self.rng.below(100);
        let form = if speaker.is_none() && form >= 90 {
            0
        } else {
            form
        };
        match form {
            0..=34 => {
                let who = self.speaker_ref(speaker);
                let claim = self.claim();
                let lead = capitalize(&join_words(&[&who, verb, particle]));
                (format!("{lead}, {claim}."), claim, true)
            }
            35..=59 => {
                let who = self.speaker_ref(speaker);
                let clause = self.konjunktiv_clause().verb_final();
                let lead = capitalize(&join_words(&[&who, verb, particle]));
                (
                    format!("{lead}, dass {clause}."),
                    format!("dass {clause}"),
                    true,
                )
            }
            60..=79 => {
                let who = self.speaker_ref(speaker);
                let claim = capitalize(&self.claim());
                let verb = *self.rng.pick(&["sagte", "erklärte", "betonte", "meinte"]);
                (format!("{claim}, {verb} {who}."), claim, false)
            }
            80..=89 => {
                let front = *self.rng.pick(&["Zudem", "Zugleich", "Außerdem", "Dazu"]);
                let who = self.speaker_ref(speaker);
                let claim = self.claim();
                let lead = join_words(&[front, verb, &who, particle]);
                (format!("{lead}, {claim}."), claim, true)
            }
            _ => self.according_to(speaker.unwrap_or(0)),
        }
    }

    /// `Laut Rutte werde …` / `Rutte zufolge seien …`.
    fn according_to(&mut self, index: usize) -> (String, String, bool) {
        self.pronoun = if self.cast[index].person.female {
            "sie"
        } else {
            "er"
        };
        let who = self.mention(index, false);
        let front = if self.rng.chance(50) {
            format!("Laut {who}")
        } else {
            capitalize(&format!("{who} zufolge"))
        };
        let clause = self.clause(false, Mood::Konjunktiv, false);
        let sentence = format!("{}.", clause.inverted(&front, false));
        (sentence, clause.inverted("", false), false)
    }

    /// The content of reported speech: a Konjunktiv clause.
    fn claim(&mut self) -> String {
        let text = match self.rng.below(100) {
            0..=49 => {
                let template = self.fresh(self.topic.claims);
                self.render(template)
            }
            50..=64 => {
                let template = self.fresh(vocab::GENERIC_CLAIMS);
                self.render(template)
            }
            _ => self.konjunktiv_clause().main(),
        };
        tidy(&text)
    }
}

// ---------------------------------------------------------------------
// Sentences, paragraphs, the body.

/// Sentences that stay together; `statement` when they end with one.
struct Unit {
    sentences: Vec<String>,
    statement: bool,
}

impl Unit {
    fn plain(sentence: String) -> Unit {
        Unit {
            sentences: vec![sentence],
            statement: false,
        }
    }

    fn text(&self) -> String {
        self.sentences.join(" ")
    }
}

impl Writer {
    /// A whole template sentence of the topic (or, not in the lead, of
    /// any topic).
    fn fact(&mut self, lead: bool) -> String {
        let summer = (5..=9).contains(&self.date.month);
        let winter = matches!(self.date.month, 11 | 12 | 1 | 2 | 3);
        for _ in 0..12 {
            let template = if !lead && self.rng.chance(8) {
                self.fresh(vocab::GENERIC_FACTS)
            } else {
                self.fresh(self.topic.facts)
            };
            let (fits, body) = match template.split_at_checked(2) {
                Some(("S:", rest)) => (summer, rest),
                Some(("W:", rest)) => (winter, rest),
                _ => (true, template),
            };
            if fits && (!self.cast.is_empty() || !body.contains("{who}")) {
                return finish(&self.render(body));
            }
        }
        vocab::GENERIC_FACTS[0].to_string()
    }

    /// A sentence about a person that is no statement.
    fn person_fact(&mut self) -> String {
        let i = self.rng.zipf(self.cast.len());
        match self.rng.below(3) {
            0 => {
                let subject = (self.mention(i, true), false);
                let clause = self.active_clause(subject, false, Mood::Indicative);
                finish(&format!("{}.", clause.main()))
            }
            1 => {
                let (owner, introduced) = self.genitive_mention(i);
                let thing = *self.rng.pick(&["Vorstoß", "Vorschlag", "Plan", "Kurs"]);
                let phrase = if introduced {
                    format!("{owner} {thing}")
                } else {
                    format!("Der {thing} {owner}")
                };
                let reaction = self.render(
                    "stieß [in der Koalition|bei den Verbänden|in der eigenen Partei|bei Experten|im Ausland] auf [Kritik|Widerstand|Zustimmung|Skepsis]",
                );
                finish(&format!("{phrase} {reaction}."))
            }
            _ => {
                let template = self.fresh(vocab::PERSON_FACTS);
                finish(&self.render(template))
            }
        }
    }

    /// The next piece of a paragraph; after a statement only a clearly
    /// indicative sentence, so the statement ends where it should.
    fn unit(&mut self, after_statement: bool) -> Unit {
        if after_statement {
            return Unit::plain(self.clause_sentence(true));
        }
        let has_cast = !self.cast.is_empty();
        match self.rng.below(100) {
            0..=31 => Unit::plain(self.fact(false)),
            32..=55 => Unit::plain(self.clause_sentence(false)),
            56..=79 => {
                let speaker = self.pick_speaker();
                Unit {
                    sentences: self.statement(speaker),
                    statement: true,
                }
            }
            80..=91 if has_cast => Unit::plain(self.person_fact()),
            _ => Unit::plain(self.fact(false)),
        }
    }

    /// The first sentence, which archiv also shows as headline.
    fn lead(&mut self) -> Unit {
        let has_cast = !self.cast.is_empty();
        match self.rng.below(100) {
            0..=29 if has_cast => {
                let who = capitalize(&self.mention(0, true));
                let state = *self.rng.pick(&[
                    "ist zuversichtlich",
                    "ist optimistisch",
                    "zeigt sich skeptisch",
                    "ist besorgt",
                    "gibt sich überzeugt",
                ]);
                let clause = self.clause(false, Mood::Indicative, false);
                Unit::plain(format!(
                    "{who} {state}, dass {}.",
                    tidy(&clause.verb_final())
                ))
            }
            30..=49 if has_cast => Unit {
                sentences: self.statement(Some(0)),
                statement: true,
            },
            0..=74 => Unit::plain(self.fact(true)),
            _ => Unit::plain(self.clause_sentence(false)),
        }
    }

    /// A subheading: short, no final punctuation; `{S}` only once the
    /// main person is introduced.
    fn subheading(&mut self) -> String {
        let main_known = self.cast.first().is_some_and(|c| c.introduced);
        for _ in 0..12 {
            let template = self.fresh(self.topic.subheads);
            if template.contains("{S}") && !main_known {
                continue;
            }
            let text = finish(&self.render(template));
            if char_len(&text) <= 80 {
                return text;
            }
        }
        "Wie es weitergeht".to_string()
    }

    /// Paragraphs until the body reaches `target` characters, never more
    /// than `max`. `subheads`: whether the article has subheadings.
    fn body(&mut self, target: usize, max: usize, subheads: bool) -> Vec<String> {
        let mut paragraphs: Vec<String> = Vec::new();
        let mut length = 0;
        let mut since_subhead = 0;
        while length < target {
            let subhead =
                (subheads && paragraphs.len() >= 2 && since_subhead >= 2 && self.rng.chance(45))
                    .then(|| self.subheading());
            let (paragraph, full) =
                self.paragraph(paragraphs.is_empty(), &mut length, max, subhead.as_deref());
            if paragraph.is_empty() {
                break;
            }
            match subhead {
                Some(s) => {
                    paragraphs.push(s);
                    since_subhead = 0;
                }
                None => since_subhead += 1,
            }
            paragraphs.push(paragraph);
            if full {
                break;
            }
        }
        paragraphs
    }

    /// One paragraph; updates `length` (body characters so far, with the
    /// blank lines and a subheading before it). Returns the paragraph and
    /// whether the body is full.
    fn paragraph(
        &mut self,
        first: bool,
        length: &mut usize,
        max: usize,
        subhead: Option<&str>,
    ) -> (String, bool) {
        let mut paragraph = String::new();
        let units = if first {
            1 + self.rng.below(3)
        } else {
            1 + self.rng.below(4)
        };
        let mut after_statement = false;
        for n in 0..units {
            let mark = self.mark();
            let unit = if first && n == 0 {
                self.lead()
            } else {
                self.unit(after_statement)
            };
            let text = unit.text();
            let separator = match (paragraph.is_empty(), *length == 0, subhead) {
                (false, _, _) => 1,
                (true, true, _) => 0,
                (true, false, Some(s)) => 4 + char_len(s),
                (true, false, None) => 2,
            };
            let added = separator + char_len(&text);
            if *length + added > max {
                self.rollback(mark);
                return (paragraph, true);
            }
            *length += added;
            if !paragraph.is_empty() {
                paragraph.push(' ');
            }
            paragraph.push_str(&text);
            after_statement = unit.statement;
            if (unit.statement && self.rng.chance(50)) || *length >= max {
                break;
            }
        }
        (paragraph, false)
    }
}

// ---------------------------------------------------------------------
// Whole articles.

/// Longest text file in characters, dateline and signature included.
pub const MAX_CHARS: usize = 6000;
/// Shortest body in characters.
pub const MIN_CHARS: usize = 300;

fn length_target(rng: &mut Rng) -> usize {
    let q = &vocab::LENGTH_QUANTILES;
    let i = rng.below(q.len() - 1);
    rng.range(q[i], q[i + 1]) as usize
}

fn pick_topic(rng: &mut Rng) -> usize {
    let weights: Vec<(usize, u32)> = vocab::TOPICS
        .iter()
        .enumerate()
        .map(|(i, t)| (i, t.weight))
        .collect();
    *rng.weighted(&weights)
}

/// Editor initials: two or three lowercase letters.
fn initials(rng: &mut Rng) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnoprstuvwz";
    let n = 2 + rng.below(2);
    (0..n).map(|_| char::from(*rng.pick(LETTERS))).collect()
}

/// `/aha/DP/mis` for dpa-AFX, `/abc/de` for others; sometimes none.
fn signature(rng: &mut Rng, agency: &str) -> Option<String> {
    let percent = if agency == "dpa-AFX" { 92 } else { 70 };
    if !rng.chance(percent) {
        return None;
    }
    let (a, b) = (initials(rng), initials(rng));
    Some(if agency == "dpa-AFX" && rng.chance(85) {
        format!("/{a}/DP/{b}")
    } else {
        format!("/{a}/{b}")
    })
}

fn pick_format(rng: &mut Rng) -> Format {
    match rng.below(1000) {
        0..=49 => Format::JsonLines,
        50..=69 => Format::Json,
        _ => Format::Text,
    }
}

/// Article `number` of the archive of `seed`, with its ground truth.
/// Windows-1252 is decided by [`generate`], which counts text files.
pub fn article(seed: u64, number: usize) -> (Article, Format) {
    let mut rng = Rng::for_article(seed, number);
    let format = pick_format(&mut rng);
    let topic_index = pick_topic(&mut rng);
    let topic = &vocab::TOPICS[topic_index];
    let agency = *rng.weighted(topic.agencies);
    let place = *rng.zipf_pick(topic.places);
    let date = pick_date(&mut rng);
    let target = length_target(&mut rng);
    let signature = signature(&mut rng, agency);
    let en_dash = rng.chance(if agency.starts_with("dpa") { 3 } else { 25 });
    let leading_space = rng.chance(85);
    let subheads = rng.chance(50);
    // ` date 2025-12-02 ` + place + ` (agency) - `
    let header = 17 + char_len(place) + char_len(agency) + 5;
    let max = MAX_CHARS - header - signature.as_deref().map_or(0, char_len);
    let mut writer = Writer::new(rng, topic_index, date, place);
    let paragraphs = writer.body(target.clamp(MIN_CHARS, max), max, subheads);
    let title = writer.subheading();
    let article = Article {
        number,
        topic: topic.name,
        date,
        agency,
        place,
        title,
        paragraphs,
        signature,
        people: writer.people,
        statements: writer.statements,
        en_dash,
        leading_space,
    };
    (article, format)
}

// ---------------------------------------------------------------------
// Encodings and JSON, by hand: the generator needs nothing but std.

/// Windows-1252 bytes 0x80..=0x9F; `None` where the code page has none.
const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// The text in Windows-1252, or `None` if a character has no byte there.
pub fn encode_windows_1252(text: &str) -> Option<Vec<u8>> {
    text.chars()
        .map(|c| match u32::from(c) {
            code @ (0..=0x7F | 0xA0..=0xFF) => u8::try_from(code).ok(),
            _ => CP1252_HIGH
                .iter()
                .position(|&h| h == Some(c))
                .and_then(|i| u8::try_from(0x80 + i).ok()),
        })
        .collect()
}

pub fn decode_windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)].unwrap_or('\u{FFFD}'),
            _ => char::from(b),
        })
        .collect()
}

fn json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn json_strings(out: &mut String, items: &[String]) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        json_string(out, item);
    }
    out.push(']');
}

/// `"key":"value",`
fn json_field(out: &mut String, key: &str, value: &str) {
    json_string(out, key);
    out.push(':');
    json_string(out, value);
    out.push(',');
}

fn agency_slug(agency: &str) -> String {
    agency.to_lowercase()
}

/// `FRANKFURT/BERLIN` → `Frankfurt/Berlin`, as a JSON feed writes places.
fn title_case(place: &str) -> String {
    place.split('/').map(city_of).collect::<Vec<_>>().join("/")
}

/// The article as a JSON object, keys as archiv's JSON reader knows them.
pub fn json_article(article: &Article) -> String {
    let slug = agency_slug(article.agency);
    let date = article.date.iso();
    let mut out =
        String::with_capacity(256 + article.paragraphs.iter().map(String::len).sum::<usize>());
    out.push('{');
    let id = format!("{slug}-{}-{:07}", date.replace('-', ""), article.number);
    json_field(&mut out, "id", &id);
    json_field(&mut out, "date", &date);
    json_field(&mut out, "agency", article.agency);
    json_field(&mut out, "title", &article.title);
    out.push_str("\"people\":");
    json_strings(&mut out, &article.people);
    out.push(',');
    json_field(&mut out, "body", &article.body());
    json_field(&mut out, "place", &title_case(article.place));
    let url = format!(
        "https://news.example.com/{slug}/{}/{:07}",
        date.replace('-', "/"),
        article.number
    );
    json_string(&mut out, "url");
    out.push(':');
    json_string(&mut out, &url);
    out.push('}');
    out
}

/// One line of the ground truth.
pub fn truth_line(article: &Article, path: &str, id: &str, format: Format) -> String {
    let mut out = String::with_capacity(512);
    out.push('{');
    json_field(&mut out, "path", path);
    json_field(&mut out, "id", id);
    json_field(&mut out, "format", format.name());
    json_field(&mut out, "topic", article.topic);
    json_field(&mut out, "date", &article.date.iso());
    json_field(&mut out, "agency", article.agency);
    let place = if format == Format::Text || format == Format::Text1252 {
        article.place.to_string()
    } else {
        title_case(article.place)
    };
    json_field(&mut out, "place", &place);
    let _ = write!(out, "\"chars\":{},\"people\":", char_len(&article.body()));
    json_strings(&mut out, &article.people);
    out.push_str(",\"statements\":[");
    for (i, s) in article.statements.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"speaker\":");
        match &s.speaker {
            Some(name) => json_string(&mut out, name),
            None => out.push_str("null"),
        }
        out.push(',');
        json_field(&mut out, "kind", s.kind);
        out.push_str("\"text\":");
        json_string(&mut out, &s.text);
        out.push('}');
    }
    out.push_str("]}");
    out
}

// ---------------------------------------------------------------------
// Writing the archive.

/// Articles per JSONL feed file.
pub const FEED_SIZE: usize = 1000;
/// One text file in this many is written in Windows-1252.
pub const WINDOWS_1252_EVERY: usize = 500;

/// Where the archive is written, and what is open.
struct Output<'a> {
    root: &'a Path,
    made_dirs: HashSet<String>,
    feed: Option<BufWriter<std::fs::File>>,
    feed_articles: usize,
    text_files: usize,
}

impl Output<'_> {
    fn ensure_dir(&mut self, dir: &str) -> io::Result<()> {
        if self.made_dirs.insert(dir.to_string()) {
            std::fs::create_dir_all(self.root.join(dir))?;
        }
        Ok(())
    }

    /// Writes the article; returns its path, document id and format.
    fn write(&mut self, article: &Article, format: Format) -> io::Result<(String, String, Format)> {
        let dir = format!("{:04}/{:02}", article.date.year, article.date.month);
        let stem = format!(
            "{dir}/{:07}_{}",
            article.number,
            agency_slug(article.agency)
        );
        match format {
            Format::JsonLines => self.write_feed_line(article),
            Format::Json => {
                self.ensure_dir(&dir)?;
                let path = format!("{stem}.json");
                std::fs::write(self.root.join(&path), json_article(article) + "\n")?;
                Ok((path.clone(), path, Format::Json))
            }
            Format::Text | Format::Text1252 => {
                self.ensure_dir(&dir)?;
                let path = format!("{stem}.txt");
                let windows = self.text_files % WINDOWS_1252_EVERY == 49;
                self.text_files += 1;
                let text = article.agency_copy();
                let encoded = windows
                    .then(|| encode_windows_1252(&text.replace('\n', "\r\n")))
                    .flatten();
                let format = if encoded.is_some() {
                    Format::Text1252
                } else {
                    Format::Text
                };
                let bytes = encoded.unwrap_or_else(|| text.into_bytes());
                std::fs::write(self.root.join(&path), bytes)?;
                Ok((path.clone(), path, format))
            }
        }
    }

    fn write_feed_line(&mut self, article: &Article) -> io::Result<(String, String, Format)> {
        let file_number = self.feed_articles / FEED_SIZE;
        let line = self.feed_articles % FEED_SIZE + 1;
        let path = format!("feeds/feed_{file_number:04}.jsonl");
        if line == 1 {
            if let Some(mut done) = self.feed.take() {
                done.flush()?;
            }
            self.ensure_dir("feeds")?;
            let file = std::fs::File::create(self.root.join(&path))?;
            self.feed = Some(BufWriter::new(file));
        }
        if let Some(feed) = self.feed.as_mut() {
            writeln!(feed, "{}", json_article(article))?;
        }
        self.feed_articles += 1;
        let id = format!("{path}#{line}");
        Ok((path, id, Format::JsonLines))
    }
}

/// Writes `articles` articles of `seed` under `out`; with `truth`, one
/// ground-truth JSON line per article into that file.
pub fn generate(out: &Path, articles: usize, seed: u64, truth: Option<&Path>) -> io::Result<()> {
    std::fs::create_dir_all(out)?;
    let mut truth = match truth {
        Some(path) => Some(BufWriter::new(std::fs::File::create(path)?)),
        None => None,
    };
    let mut output = Output {
        root: out,
        made_dirs: HashSet::new(),
        feed: None,
        feed_articles: 0,
        text_files: 0,
    };
    for number in 0..articles {
        let (article, format) = article(seed, number);
        let (path, id, format) = output.write(&article, format)?;
        if let Some(truth) = truth.as_mut() {
            writeln!(truth, "{}", truth_line(&article, &path, &id, format))?;
        }
    }
    if let Some(mut feed) = output.feed.take() {
        feed.flush()?;
    }
    if let Some(mut truth) = truth {
        truth.flush()?;
    }
    Ok(())
}
