//! Statement extraction: direct and reported speech, attributed to its
//! speaker.
//!
//! The text is cut into sentences (a quotation is never cut) and read in
//! order:
//!
//! * **Direct speech**: a quotation in „…“, “…”, "…", »…«, «…» or ‚…‘ of
//!   at least four words, attributed by a speech verb
//!   (`schema/speech-verbs.txt`) in the same sentence, before (`Rutte sagte:
//!   "…"`) or after it (`"…", sagte der Niederländer`, `"…", so Rutte.`).
//!   Shorter quotations are titles or single words (`die sogenannte
//!   "Purl-Initiative"`), not statements.
//! * **Reported speech**: a sentence with a speech verb, its speaker, and a
//!   content clause: `betonte Rutte, dass …`, `erklärte Rutte, er habe …`,
//!   `Es komme jetzt auf Moskau an, sagte Rutte.`, `Rutte zufolge …`. A
//!   clause without `dass` must be in the Konjunktiv; `Rutte äußerte sich`
//!   (no content) and `Rutte ist optimistisch, dass …` (no speech verb) are
//!   not statements.
//! * **Continuations**: sentences after an attributed statement continue it
//!   while they are not clearly indicative (a Konjunktiv `Man werde jetzt
//!   sehen, ob …`, or a sentence whose verb form says neither), until a
//!   paragraph ends, an indicative sentence comes, or another statement
//!   starts. A second quotation right after an attributed one (`"Wir …",
//!   sagte Rutte. "Und …"`) continues it too.
//!
//! **Continuation policy**: a continuation is stored as part of the
//! statement it continues: one [`Statement`] whose text joins the parts
//! and whose byte range runs from the first part to the last. Its kind is
//! that of the first part.
//!
//! **Speakers** resolve through the people extractor: a name or surname to
//! the canonical name; `er`/`sie` to the person named last before, when
//! that is clear; `der Niederländer`, `der Nato-Generalsekretär` to the one
//! person with that nationality or role. Anything else (`ein Sprecher des
//! Ministeriums`, `Diplomaten zufolge`) gives a statement with an unknown
//! speaker: it never guesses.

use super::people::ArticlePeople;
// FxHash: lexicon lookups run for every word of every article.
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

/// Whether the words were quoted or reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Direct,
    Reported,
}

/// One thing somebody said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// Canonical name of the speaker, `None` where it cannot be resolved with confidence.
    pub speaker: Option<String>,
    /// The words said, without the attribution.
    pub text: String,
    pub kind: Kind,
    /// Byte range of the statement in the text it was extracted from.
    pub start: usize,
    pub end: usize,
}

/// Finds the statements in `text`, using `people` (from `people::extract`
/// on the same text) to resolve speakers.
pub fn extract(text: &str, people: &ArticlePeople) -> Vec<Statement> {
    let sentences = split_sentences(text);
    let mut reader = Reader {
        text,
        people,
        statements: Vec::new(),
        open: false,
        pending_speaker: None,
    };
    let mut paragraph = 0;
    for sentence in &sentences {
        if sentence.paragraph != paragraph {
            reader.open = false;
            paragraph = sentence.paragraph;
        }
        reader.read(sentence);
    }
    reader.statements
}

// ---------------------------------------------------------------------------
// Lexicon

struct SpeechVerbs {
    forms: HashSet<&'static str>,
    markers: HashSet<&'static str>,
}

static SPEECH_VERBS: LazyLock<SpeechVerbs> = LazyLock::new(|| {
    let mut verbs = SpeechVerbs {
        forms: HashSet::default(),
        markers: HashSet::default(),
    };
    for line in include_str!("../../schema/speech-verbs.txt").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(marker) = line.strip_prefix('@') {
            verbs.markers.insert(marker);
        } else if let Some((_, forms)) = line.split_once(':') {
            verbs.forms.extend(forms.split_whitespace());
        }
    }
    verbs
});

/// Konjunktiv forms that mark reported speech.
const KONJUNKTIV: &[&str] = &[
    "sei",
    "seien",
    "seiest",
    "habe",
    "hätte",
    "hätten",
    "werde",
    "würde",
    "würden",
    "wäre",
    "wären",
    "könne",
    "könnte",
    "könnten",
    "müsse",
    "müssten",
    "dürfe",
    "dürften",
    "wolle",
    "wollten",
    "solle",
    "sollten",
    "möge",
    "gebe",
    "gäbe",
    "komme",
    "käme",
    "gehe",
    "stehe",
    "liege",
    "bleibe",
    "brauche",
    "wisse",
    "lasse",
    "halte",
    "nehme",
    "zögen",
    "fortführe",
    "engagiere",
    "arbeite",
    "plane",
    "erwarte",
    "unterstütze",
    "trage",
];

/// Indicative forms that end a run of reported speech.
const INDICATIVE: &[&str] = &[
    "ist",
    "sind",
    "war",
    "waren",
    "hat",
    "hatte",
    "hatten",
    "wird",
    "wurde",
    "wurden",
    "kann",
    "konnte",
    "muss",
    "musste",
    "will",
    "wollte",
    "soll",
    "sollte",
    "darf",
    "gibt",
    "gab",
    "geht",
    "ging",
    "steht",
    "stand",
    "liegt",
    "lag",
    "kommt",
    "kam",
    "bleibt",
    "blieb",
    "sieht",
    "sah",
    "gilt",
    "galt",
    "findet",
    "fand",
    "nimmt",
    "nahm",
    "hält",
    "hielt",
    "lässt",
    "ließ",
    "äußerte",
    "endet",
    "beginnt",
    "dauert",
    "teilnimmt",
    "sollen",
    "müssen",
    "können",
    "wollen",
    "dürfen",
    "gelten",
    "fiel",
    "schloss",
    "schlossen",
    "lehnte",
    "reiste",
    "besuchte",
    "fielen",
    "stieg",
    "stiegen",
    "sank",
    "traf",
    "trafen",
    "begann",
    "gewann",
    "verlor",
    "zog",
    "reagierten",
    "reagierte",
    "beginnt",
    "tagt",
    "treten",
    "erschienen",
    "ist",
    "soll",
];

/// Words that open a clause that is not what was said (`sagte Rutte,
/// bevor er abreiste`).
const SUBORDINATORS: &[&str] = &[
    "bevor", "nachdem", "als", "während", "weil", "da", "wenn", "um", "welche", "welcher", "wo",
    "sobald", "seit", "obwohl", "und", "aber", "doch", "sondern",
];

/// Role-like endings of descriptors (`der CSU-Chef`, `die Ministerin`,
/// `der 44-Jährige`) that refer back to a person named before.
const DESCRIPTOR_ENDINGS: &[&str] = &[
    "minister",
    "ministerin",
    "kanzler",
    "kanzlerin",
    "präsident",
    "präsidentin",
    "chef",
    "chefin",
    "politiker",
    "politikerin",
    "bischof",
    "premier",
    "sekretär",
    "vorsitzende",
    "vorsitzender",
    "jährige",
    "jähriger",
    "trainer",
    "sprecher",
    "sprecherin",
    "berater",
    "beraterin",
];

/// Words after a speech verb that introduce an unnamed source.
const UNNAMED: &[&str] = &[
    "ein",
    "eine",
    "einer",
    "mehrere",
    "diplomaten",
    "kreise",
    "beobachter",
];

// ---------------------------------------------------------------------------
// Sentences

/// A sentence: a byte range, its paragraph, and the quotations in it.
#[derive(Debug, Clone)]
struct Sentence {
    start: usize,
    end: usize,
    paragraph: usize,
    /// Byte ranges of quotation contents (without the marks).
    quotes: Vec<(usize, usize)>,
}

/// The closing mark for an opening quotation mark.
fn closer(open: char) -> Option<char> {
    match open {
        '„' => Some('“'),
        '“' => Some('”'),
        '"' => Some('"'),
        '»' => Some('«'),
        '«' => Some('»'),
        '‚' => Some('‘'),
        _ => None,
    }
}

/// Cuts `text` into sentences at `.`, `!`, `?` outside quotations and at
/// paragraph breaks; records the quotations.
fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut paragraph = 0;
    let mut start = 0;
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut quotes = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|&(_, n)| n);
        if let Some(&(open, from)) = stack.last() {
            let closes = closer(open) == Some(c) || (open == '„' && c == '”');
            if closes && !(open == '"' && is_opening_straight(text, i)) {
                stack.pop();
                if stack.is_empty() {
                    quotes.push((from, i));
                    // `… verlieren." Russland nehme …`: a quotation that ends
                    // its sentence ends the sentence around it too.
                    let ends_inside = text[..i].ends_with(['.', '!', '?']);
                    if ends_inside && next.is_some_and(char::is_whitespace) {
                        let end = i + c.len_utf8();
                        push_sentence(text, start, end, paragraph, &mut quotes, &mut sentences);
                        start = end;
                    }
                }
                continue;
            }
        }
        let opens = closer(c).is_some()
            && (c != '"' || stack.is_empty() || is_opening_straight(text, i))
            && (c != '«' || stack.is_empty());
        if opens {
            stack.push((c, i + c.len_utf8()));
            continue;
        }
        let paragraph_break = c == '\n' && next == Some('\n');
        let sentence_end = stack.is_empty() && ends_sentence(text, &chars, k);
        if paragraph_break || sentence_end || k + 1 == chars.len() {
            let end = if paragraph_break { i } else { i + c.len_utf8() };
            push_sentence(text, start, end, paragraph, &mut quotes, &mut sentences);
            start = end;
            if paragraph_break {
                paragraph += 1;
                stack.clear();
            }
        }
    }
    sentences
}

/// A straight quote opens when it follows a space or line start.
fn is_opening_straight(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_none_or(|p| p.is_whitespace() || p == '(')
}

fn ends_sentence(text: &str, chars: &[(usize, char)], k: usize) -> bool {
    let (i, c) = chars[k];
    if !matches!(c, '.' | '!' | '?') {
        return false;
    }
    let after = chars.get(k + 1).map(|&(_, n)| n);
    if !after.is_none_or(char::is_whitespace) {
        return false;
    }
    let word = text[..i]
        .rsplit(|ch: char| ch.is_whitespace())
        .next()
        .unwrap_or("");
    let abbreviation = matches!(
        word,
        "Mio" | "Mrd" | "Dr" | "Prof" | "Nr" | "bzw" | "ca" | "St" | "z.B" | "u.a"
    ) || (!word.is_empty() && word.chars().all(|ch| ch.is_ascii_digit()));
    !abbreviation
}

fn push_sentence(
    text: &str,
    start: usize,
    end: usize,
    paragraph: usize,
    quotes: &mut Vec<(usize, usize)>,
    sentences: &mut Vec<Sentence>,
) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if slice.trim().is_empty() {
        quotes.clear();
        return;
    }
    sentences.push(Sentence {
        start: start + lead,
        end: end - trail,
        paragraph,
        quotes: std::mem::take(quotes),
    });
}

// ---------------------------------------------------------------------------
// Words

/// A word with its byte range.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

/// Words of `text[range]`, outside the given quotations.
fn words_outside<'a>(
    text: &'a str,
    start: usize,
    end: usize,
    quotes: &[(usize, usize)],
) -> Vec<Word<'a>> {
    let mut words = Vec::new();
    let mut word_start = None;
    let slice = &text[start..end];
    for (offset, c) in slice
        .char_indices()
        .chain(std::iter::once((slice.len(), ' ')))
    {
        let i = start + offset;
        let inside_quote = quotes.iter().any(|&(a, b)| a <= i && i < b);
        let in_word = !inside_quote && (c.is_alphanumeric() || c == '-');
        match (in_word, word_start) {
            (true, None) => word_start = Some(i),
            (false, Some(s)) => {
                words.push(Word {
                    text: &text[s..i],
                    start: s,
                    end: i,
                });
                word_start = None;
            }
            _ => {}
        }
    }
    words
}

fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.forms.contains(word)
}

fn has_any(words: &[Word], list: &[&str]) -> bool {
    words.iter().any(|w| list.contains(&w.text))
}

/// A Konjunktiv verb: from the list, or a 3rd person `-e` form right after
/// the subject (`Russland nehme …`, `Man werde …`).
fn is_konjunktiv(words: &[Word]) -> bool {
    has_any(words, KONJUNKTIV)
        || words.windows(2).take(3).any(|w| {
            let verb = w[1].text;
            let subject = w[0].text;
            verb.len() > 3
                && verb.ends_with('e')
                && !is_speech_verb(verb)
                && !SPEECH_VERBS.markers.contains(verb)
                && verb.chars().all(char::is_lowercase)
                && (subject.chars().next().is_some_and(char::is_uppercase)
                    || matches!(subject, "er" | "sie" | "es" | "man"))
                && !matches!(
                    verb,
                    "die"
                        | "eine"
                        | "keine"
                        | "seine"
                        | "ihre"
                        | "diese"
                        | "jede"
                        | "alle"
                        | "habe"
                        | "ohne"
                        | "gerne"
                        | "ende"
                )
        })
}

// ---------------------------------------------------------------------------
// Reading

struct Reader<'a> {
    text: &'a str,
    people: &'a ArticlePeople,
    statements: Vec<Statement>,
    /// The last statement may take continuations.
    open: bool,
    /// A speaker announced without words (`Klöckner wies das zurück.`),
    /// for a quotation in the next sentence.
    pending_speaker: Option<String>,
}

/// An attribution: the speaker (resolved or not) and where the verb is.
struct Attribution {
    speaker: Option<String>,
    verb: usize,
    /// The attribution's words span this byte range (to cut it out).
    start: usize,
    end: usize,
}

impl<'a> Reader<'a> {
    fn read(&mut self, sentence: &Sentence) {
        let pending = self.pending_speaker.take();
        let words = words_outside(self.text, sentence.start, sentence.end, &sentence.quotes);
        let attribution = self.attribution(sentence, &words);
        let long_quotes: Vec<(usize, usize)> = sentence
            .quotes
            .iter()
            .copied()
            .filter(|&(a, b)| word_count(&self.text[a..b]) >= 4)
            .collect();
        if !long_quotes.is_empty() {
            self.read_quotes(&long_quotes, attribution, pending);
        } else if let Some(attribution) = attribution {
            self.read_reported(sentence, &words, attribution);
        } else if self.open
            && !has_any(&words, INDICATIVE)
            && !words.iter().any(|w| {
                is_speech_verb(w.text)
                    || SPEECH_VERBS
                        .markers
                        .contains(&w.text.to_lowercase().as_str())
            })
            && sentence.quotes.is_empty()
        {
            self.continue_last(sentence.start, sentence.end);
        } else {
            self.open = false;
        }
    }

    fn read_quotes(
        &mut self,
        quotes: &[(usize, usize)],
        attribution: Option<Attribution>,
        pending: Option<String>,
    ) {
        for &(start, end) in quotes {
            let (start, end) = trim_range(self.text, start, end);
            match &attribution {
                Some(a) => {
                    let continues = self.open
                        && self
                            .statements
                            .last()
                            .is_some_and(|s| s.speaker == a.speaker && s.kind == Kind::Direct)
                        && quotes.first() != Some(&(start, end));
                    if continues {
                        self.continue_last(start, end);
                    } else {
                        self.push(a.speaker.clone(), Kind::Direct, start, end);
                    }
                }
                None if self.open
                    && self
                        .statements
                        .last()
                        .is_some_and(|s| s.kind == Kind::Direct) =>
                {
                    self.continue_last(start, end);
                }
                None if self.open => {
                    // A quotation after reported speech: the same speaker
                    // goes on in their own words.
                    let speaker = self.statements.last().and_then(|s| s.speaker.clone());
                    self.push(speaker, Kind::Direct, start, end);
                }
                None => {
                    self.push(pending.clone(), Kind::Direct, start, end);
                    self.open = pending.is_some();
                }
            }
        }
    }

    /// Reported speech: the content clause of an attributed sentence.
    fn read_reported(&mut self, sentence: &Sentence, words: &[Word], a: Attribution) {
        let Some((start, end)) = self.content_clause(sentence, words, &a) else {
            // `Klöckner wies das zurück. "Für mich …"`: the next quotation
            // is hers.
            self.pending_speaker = a.speaker;
            self.open = false;
            return;
        };
        self.push(a.speaker, Kind::Reported, start, end);
    }

    /// The clause after `VERB SPEAKER,` (from `dass` on, or a Konjunktiv
    /// clause), or before `, VERB SPEAKER` at the end.
    fn content_clause(
        &self,
        sentence: &Sentence,
        words: &[Word],
        a: &Attribution,
    ) -> Option<(usize, usize)> {
        let sentence_end = trim_period(self.text, sentence.start, sentence.end);
        if a.end > sentence_end || a.start < sentence.start {
            return None;
        }
        let after = &self.text[a.end..sentence_end];
        if let Some(comma) = after.find(',') {
            let clause_start = a.end + comma + 1;
            let clause = words_outside(self.text, clause_start, sentence_end, &[]);
            let first = clause.first()?;
            if first.text == "dass" || first.text == "ob" || !SUBORDINATORS.contains(&first.text) {
                return Some(trim_range(self.text, first.start, sentence_end));
            }
        }
        // `Es komme jetzt auf Moskau an, sagte Rutte (am Montag).`: the
        // speech verb right after the clause's comma, nothing but the
        // speaker and adverbials after it.
        let before = &self.text[sentence.start..a.start];
        let verb_follows_comma = before
            .rfind(',')
            .filter(|&comma| before[comma + 1..].trim().is_empty());
        let rest_has_comma = self.text[a.end.min(sentence_end)..sentence_end].contains(',');
        match verb_follows_comma {
            Some(comma) if comma > 0 && !rest_has_comma && a.start == a.verb => Some(trim_range(
                self.text,
                sentence.start,
                sentence.start + comma,
            )),
            _ => self.marker_clause(words, a, sentence_end),
        }
    }

    /// `Rutte zufolge …`, `laut Rutte …`: the rest of the sentence, if in
    /// the Konjunktiv.
    fn marker_clause(
        &self,
        words: &[Word],
        a: &Attribution,
        sentence_end: usize,
    ) -> Option<(usize, usize)> {
        let verb = words.iter().find(|w| w.start == a.verb)?;
        if !SPEECH_VERBS.markers.contains(verb.text) || !is_konjunktiv(words) {
            return None;
        }
        let rest = words.iter().find(|w| w.start >= a.end)?;
        Some(trim_range(self.text, rest.start, sentence_end))
    }

    /// A speech verb in the sentence with its speaker next to it.
    fn attribution(&self, sentence: &Sentence, words: &[Word]) -> Option<Attribution> {
        for (k, word) in words.iter().enumerate() {
            let is_marker = SPEECH_VERBS.markers.contains(word.text);
            if !is_speech_verb(word.text) && !is_marker {
                continue;
            }
            if word.text == "zufolge" {
                if let Some(a) = self.speaker_before(sentence, words, k) {
                    return Some(a);
                }
                continue;
            }
            if let Some(a) = self.speaker_after(words, k).or_else(|| {
                (!is_marker)
                    .then(|| self.speaker_before(sentence, words, k))
                    .flatten()
            }) {
                return Some(a);
            }
        }
        None
    }

    /// `sagte Rutte`, `sagte der Niederländer`, `sagte er`, `so Rutte`,
    /// `sagte ein Sprecher`.
    fn speaker_after(&self, words: &[Word], k: usize) -> Option<Attribution> {
        let verb = words.get(k)?;
        let mut j = k + 1;
        // Adverbs between verb and speaker: "betonte zudem", "sagte dazu".
        while words.get(j).is_some_and(|w| {
            matches!(
                w.text,
                "zudem"
                    | "dazu"
                    | "auch"
                    | "außerdem"
                    | "noch"
                    | "jedoch"
                    | "aber"
                    | "weiter"
                    | "zugleich"
                    | "am"
            )
        }) {
            j += 1;
        }
        let first = words.get(j)?;
        if self.text[verb.end..first.start].contains(',') {
            return None;
        }
        if let Some(m) = self.people.person_at(first.start) {
            return Some(self.attributed(Some(m.canonical.clone()), verb, m.end));
        }
        match first.text {
            "er" | "sie" => {
                let speaker = self.pronoun_speaker(verb.start);
                Some(self.attributed(speaker, verb, first.end))
            }
            "der" | "die" | "Der" | "Die" => {
                let noun = words.get(j + 1)?;
                if !noun
                    .text
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                {
                    return None;
                }
                // `lobte die Pläne` is an object, not a speaker.
                if !is_person_descriptor(self.people, noun.text) {
                    return None;
                }
                let speaker = self.descriptor_speaker(noun.text);
                Some(self.attributed(speaker, verb, noun.end))
            }
            w if UNNAMED.contains(&w.to_lowercase().as_str()) => {
                let end = words.get(j + 1).map_or(first.end, |n| n.end);
                Some(self.attributed(None, verb, end))
            }
            _ => None,
        }
    }

    /// `Rutte sagte`, `Der Nato-Generalsekretär betonte`, `Er sagte`,
    /// `Rutte zufolge`: the subject right before the verb.
    fn speaker_before(&self, sentence: &Sentence, words: &[Word], k: usize) -> Option<Attribution> {
        let unnamed_subject = words
            .first()
            .is_some_and(|w| UNNAMED.contains(&w.text.to_lowercase().as_str()));
        if unnamed_subject {
            return self.sentence_subject(sentence, words, k);
        }
        self.subject_right_before(words, k)
            .or_else(|| self.sentence_subject(sentence, words, k))
    }

    /// `Rutte wollte … und betonte, dass …`: the sentence's first words name
    /// the speaker and no comma stands between them and the verb.
    fn sentence_subject(
        &self,
        sentence: &Sentence,
        words: &[Word],
        k: usize,
    ) -> Option<Attribution> {
        let verb = words.get(k)?;
        let first = words.first()?;
        if self.text[sentence.start..verb.start].contains(',') {
            return None;
        }
        let speaker = if UNNAMED.contains(&first.text.to_lowercase().as_str()) {
            None // `Ein Sprecher des Netzbetreibers sagte, …`
        } else {
            Some(self.people.person_at(first.start)?.canonical.clone())
        };
        Some(self.attributed(speaker, verb, verb.end))
    }

    /// `Rutte sagte`, `Der Nato-Generalsekretär betonte`, `Er sagte`.
    fn subject_right_before(&self, words: &[Word], k: usize) -> Option<Attribution> {
        let verb = words.get(k)?;
        let subject = words.get(k.checked_sub(1)?)?;
        let start = subject.start;
        if let Some(m) = self.people.person_at(subject.start) {
            return Some(Attribution {
                speaker: Some(m.canonical.clone()),
                verb: verb.start,
                start: m.start,
                end: verb.end,
            });
        }
        match subject.text {
            "Er" | "Sie" | "er" | "sie" => Some(Attribution {
                speaker: self.pronoun_speaker(subject.start),
                verb: verb.start,
                start,
                end: verb.end,
            }),
            _ if subject.text.chars().next().is_some_and(char::is_uppercase) => {
                let article = words.get(k.checked_sub(2)?)?;
                if !matches!(article.text, "Der" | "Die" | "der" | "die") {
                    return None;
                }
                if !is_person_descriptor(self.people, subject.text) {
                    return None;
                }
                let speaker = self.descriptor_speaker(subject.text);
                Some(Attribution {
                    speaker,
                    verb: verb.start,
                    start: article.start,
                    end: verb.end,
                })
            }
            _ => None,
        }
    }

    /// `der Niederländer`, `die Ministerin`: the one person with that role
    /// or nationality; where the article names only one person, that one.
    fn descriptor_speaker(&self, noun: &str) -> Option<String> {
        if let Some(person) = self.people.resolve_descriptor(noun) {
            return Some(person.name.clone());
        }
        let lower = noun.to_lowercase();
        if !DESCRIPTOR_ENDINGS.iter().any(|e| lower.ends_with(e)) {
            return None;
        }
        match self.people.persons.as_slice() {
            [only] => Some(only.name.clone()),
            // `…, kritisierte der CSU-Chef.` right after Söder spoke.
            _ if self.open => self.statements.last().and_then(|s| s.speaker.clone()),
            _ => None,
        }
    }

    fn attributed(&self, speaker: Option<String>, verb: &Word, end: usize) -> Attribution {
        Attribution {
            speaker,
            verb: verb.start,
            start: verb.start,
            end,
        }
    }

    /// `er`/`sie`: the person named last before `at`, if the mentions of
    /// the sentence before agree on one person (else unknown).
    fn pronoun_speaker(&self, at: usize) -> Option<String> {
        let before: Vec<_> = self
            .people
            .mentions
            .iter()
            .filter(|m| m.end <= at)
            .collect();
        let last = before.last()?;
        let last_speaker = self.statements.last().and_then(|s| s.speaker.clone());
        let recent: HashSet<&str> = before
            .iter()
            .rev()
            .take_while(|m| last.start.saturating_sub(m.start) < 200)
            .map(|m| m.canonical.as_str())
            .collect();
        match last_speaker {
            _ if recent.len() == 1 => Some(last.canonical.clone()),
            // Several people named just before: the one who was speaking.
            Some(speaker) if recent.contains(speaker.as_str()) => Some(speaker),
            _ => None,
        }
    }

    fn push(&mut self, speaker: Option<String>, kind: Kind, start: usize, end: usize) {
        if start >= end {
            return;
        }
        self.statements.push(Statement {
            speaker,
            text: self.text[start..end].to_string(),
            kind,
            start,
            end,
        });
        self.open = true;
    }

    fn continue_last(&mut self, start: usize, end: usize) {
        let (start, end) = trim_range(self.text, start, end);
        if start >= end {
            return;
        }
        if let Some(last) = self.statements.last_mut() {
            if !last
                .text
                .ends_with(['.', '!', '?', '"', '“', '”', '«', '»'])
            {
                last.text.push('.');
            }
            last.text.push(' ');
            last.text.push_str(&self.text[start..end]);
            last.end = end;
        }
    }
}

/// A noun that can stand for a person: a role or nationality of someone in
/// the article, or a role-like word (`Ministerin`, `CSU-Chef`).
fn is_person_descriptor(people: &ArticlePeople, noun: &str) -> bool {
    let lower = noun.to_lowercase();
    people.resolve_descriptor(noun).is_some()
        || DESCRIPTOR_ENDINGS.iter().any(|e| lower.ends_with(e))
        || lower.ends_with("länder")
        || lower.ends_with("er")
            && people
                .persons
                .iter()
                .any(|p| p.nationalities.contains(&lower))
}

/// `start..end` without surrounding spaces.
fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let end = end.max(start);
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    (start + lead, end - trail)
}

/// The sentence end without its final period.
fn trim_period(text: &str, start: usize, end: usize) -> usize {
    let (_, end) = trim_range(text, start, end);
    if text[..end].ends_with('.') {
        end - 1
    } else {
        end
    }
}

/// The name of a kind, as stored and shown: `direct` or `reported`.
pub fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Direct => "direct",
        Kind::Reported => "reported",
    }
}
