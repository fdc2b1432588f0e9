//! Statement extraction: what people and organisations said, quoted or
//! reported, attributed to its speaker.
//!
//! The text is cut into sentences (a quotation is never cut) and each
//! sentence is read in order, with its words outside quotation marks:
//!
//! * **Attribution**: a speech verb (`schema/speech-verbs.txt`; separable
//!   ones only with their particle) with its speaker, found the way German
//!   word order puts it: `X sagte`, `sagte X`, `Am Montag sagte X`, `…,
//!   sagte Ministerpräsident X`, `X hat angekündigt`, `X, Sprecherin des
//!   Verbands, erklärte`; or a source phrase: `laut X`, `X zufolge`, `nach
//!   Angaben (von) X`, `wie X mitteilte`, `…, so X`, `heißt es (in) X`; or
//!   `Name:` opening the sentence.
//! * **Direct**: attributed quotations („…“, "…", »…«, «…», ‚…‘) of four
//!   words or more, shorter ones as the object of `nannte`/`bezeichnete`,
//!   quotations going on from a statement; unmarked first-person words
//!   before `, sagte X` (the copy lost their marks), and the first-person
//!   sentence right before or after them. Unattributed quotations are titles
//!   or names, not statements.
//! * **Indirect**: the content clause of an attribution: `dass`/`ob`, a
//!   main clause after `VERB SPEAKER,` (not an apposition or a relative
//!   clause), the clause before `, VERB SPEAKER`, a `zu` infinitive after a
//!   demand, or the Konjunktiv side of the sentence.
//! * **Reported**: the claim around a source phrase, in any mood, and
//!   indicative content of a speech verb.
//! * **Continuations**: Konjunktiv sentences after a statement go on with
//!   it; so does a sentence whose verb says neither mood between two
//!   Konjunktiv ones, `Demnach …`, and first-person words after a quote. A
//!   Konjunktiv I sentence (`sei`, `habe`, `werde`) a few sentences later is
//!   a new statement of the same speaker; with no statement before, one
//!   whose speaker is unknown.
//!
//! **Continuation policy**: a continuation right after its statement is
//! stored as part of it: one [`Statement`] whose text joins the parts and
//! whose byte range runs from the first part to the last. Its kind is that
//! of the first part.
//!
//! **Speakers** resolve through the people extractor: a name or surname to
//! the canonical name; `er`/`sie` to the person named last before, when
//! that is clear; descriptors (`der Niederländer`, `der 44-Jährige`) to
//! the one person with that nationality or role, else to the one speaking
//! or named just before. Organisations, bodies, documents and groups speak
//! by their name (`die Polizei` → `Polizei`, `ein Sprecher des
//! Innenministeriums` → `Innenministerium`, `Kritiker`). Unnamed sources
//! (`ein Sprecher`, `Diplomaten zufolge`, `hieß es`) give an unknown
//! speaker.

use super::people::ArticlePeople;
// FxHash: lexicon lookups run for every word of every article.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// Whether the words were quoted or reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// In the speaker's own words (quoted, or first person whose marks the
    /// copy lost).
    Direct,
    /// Reported speech in the Konjunktiv or a `dass` clause.
    Indirect,
    /// A claim attributed by a source phrase (`laut X`, `X zufolge`) or a
    /// speech verb, in the indicative.
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
        first_person_before: None,
        since_last: 0,
        reported_next: false,
    };
    // Each sentence's words once: reading a sentence looks one ahead.
    let words: Vec<Vec<Word>> = sentences
        .iter()
        .map(|s| words_outside(text, s.start, s.end, &s.quotes))
        .collect();
    let mut paragraph = 0;
    for (i, sentence) in sentences.iter().enumerate() {
        if sentence.paragraph != paragraph {
            reader.open = false;
            paragraph = sentence.paragraph;
        }
        reader.reported_next = sentences.get(i + 1).is_some_and(|next| {
            next.paragraph == sentence.paragraph && is_konjunktiv(&words[i + 1])
        });
        reader.read(sentence, &words[i]);
    }
    reader.statements
}

// ---------------------------------------------------------------------------
// Lexicon

struct SpeechVerbs {
    /// Forms that attribute on their own: `sagte`, `mitteilte`, `angekündigt`.
    forms: HashSet<&'static str>,
    /// Bare finite forms of separable verbs, with the particle that must
    /// follow in the clause: `kündigte` … `an`.
    separable: HashMap<&'static str, Vec<&'static str>>,
}

static SPEECH_VERBS: LazyLock<SpeechVerbs> = LazyLock::new(|| {
    let mut verbs = SpeechVerbs {
        forms: HashSet::default(),
        separable: HashMap::default(),
    };
    for line in include_str!("../../schema/speech-verbs.txt").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((lemma, forms)) = line.split_once(':') else {
            continue;
        };
        let particle = lemma
            .split_once('(')
            .and_then(|(_, p)| p.strip_suffix(')'))
            .map(str::trim);
        for form in forms.split_whitespace() {
            match particle {
                Some(p) if !form.starts_with(p) => {
                    verbs.separable.entry(form).or_default().push(p);
                }
                _ => {
                    verbs.forms.insert(form);
                }
            }
        }
    }
    verbs
});

/// Konjunktiv forms that mark reported speech: the Konjunktiv I of the
/// verbs news copy reports with, and the Konjunktiv II that stands in for
/// it where the two moods look alike (`sie hätten`, `sie würden`).
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
    "solle",
    "möge",
    "möchte",
    "gebe",
    "gäbe",
    "komme",
    "käme",
    "gehe",
    "ginge",
    "stehe",
    "stünde",
    "liege",
    "läge",
    "bleibe",
    "bliebe",
    "brauche",
    "bräuchte",
    "wisse",
    "wüsste",
    "lasse",
    "ließe",
    "halte",
    "nehme",
    "sehe",
    "finde",
    "zeige",
    "mache",
    "plane",
    "arbeite",
    "erwarte",
    "unterstütze",
    "trage",
    "fehle",
    "handle",
    "handele",
    "spiele",
    "biete",
    "bringe",
    "gehöre",
    "gelte",
    "bestehe",
    "entstehe",
    "betrage",
    "erhalte",
    "verliere",
    "gewinne",
    "helfe",
    "treffe",
    "setze",
    "lege",
    "führe",
    "stimme",
    "passe",
    "reiche",
    "diene",
    "fordere",
    "verfüge",
    "stünden",
    "kämen",
    "gäben",
    "lägen",
    "bräuchten",
    "wüssten",
    "befinde",
    "zögen",
    "fortführe",
    "engagiere",
    "suche",
    "kenne",
    "glaube",
    "hoffe",
    "rechne",
    "lebe",
    "wohne",
    "zahle",
    "koste",
    "steige",
    "sinke",
    "wachse",
    "laufe",
    "falle",
    "hänge",
    "heiße",
    "bedeute",
    "beginne",
    "ende",
    "ziele",
    "schaffe",
    "sorge",
    "denke",
    "meine",
    "wünsche",
    "leide",
    "drohe",
];

/// The Konjunktiv I forms among them, which news copy uses for nothing
/// but reported speech.
const KONJUNKTIV_I: &[&str] = &[
    "sei", "seien", "habe", "werde", "könne", "müsse", "dürfe", "wolle", "solle", "möge", "gebe",
    "komme", "gehe", "stehe", "liege", "bleibe", "brauche", "wisse", "lasse", "halte", "nehme",
    "sehe", "finde", "zeige", "mache", "fehle", "gelte", "bestehe", "betrage", "handle", "verfüge",
    "befinde", "gehöre", "entstehe", "erhalte", "trage", "biete", "setze",
];

/// Words of the first person: outside quotation marks they are someone's
/// own words whose marks the copy lost.
const FIRST_PERSON: &[&str] = &[
    "ich", "wir", "mich", "mir", "uns", "unser", "unsere", "unseren", "unserem", "unserer",
    "unseres", "mein", "meine", "meinen", "meinem", "meiner", "meines",
];

/// Verbs whose object may be a short quotation: `nannte den Plan „nicht
/// hilfreich“`.
const NAMING_VERBS: &[&str] = &[
    "nannte",
    "nannten",
    "nennt",
    "bezeichnete",
    "bezeichneten",
    "bezeichnet",
    "sprach",
    "sprachen",
    "spricht",
];

/// Words that open a content clause: `sagte, dass …`, `fragte, ob …`.
const CONTENT_OPENERS: &[&str] = &[
    "dass",
    "ob",
    "wie",
    "wo",
    "warum",
    "weshalb",
    "wieso",
    "wer",
    "was",
    "wann",
    "inwiefern",
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

/// Relative pronouns: `…, das am Sonntag ausgestrahlt wurde` is no
/// content clause.
const RELATIVES: &[&str] = &["der", "die", "das", "dem", "den", "deren", "dessen"];

const POSSESSIVES: &[&str] = &[
    "sein", "seine", "seines", "seinem", "seinen", "seiner", "ihr", "ihre", "ihres", "ihrem",
    "ihren", "ihrer",
];

const DETERMINERS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
    "Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einer", "Eines", "Einem", "Einen",
];

/// Adverbials and conjunctions that open a clause without being its
/// subject (`Zudem sagte …`, `Am Montag erklärte …`), lowercased.
const SENTENCE_ADVERBS: &[&str] = &[
    "zudem",
    "dabei",
    "auch",
    "außerdem",
    "dann",
    "damals",
    "nun",
    "jetzt",
    "heute",
    "gestern",
    "bereits",
    "schon",
    "dennoch",
    "trotzdem",
    "allerdings",
    "deshalb",
    "daher",
    "so",
    "hier",
    "dort",
    "darum",
    "doch",
    "aber",
    "und",
    "später",
    "zuvor",
    "zuletzt",
    "inzwischen",
    "mittlerweile",
    "derzeit",
    "bisher",
    "immerhin",
    "gleichzeitig",
    "ebenso",
    "weiters",
    "zugleich",
    "erst",
    "noch",
    "ebenfalls",
    "vielmehr",
    "stattdessen",
    "schließlich",
    "zunächst",
    "anschließend",
    "demnach",
    "dazu",
    "darüber",
    "danach",
    "weiter",
    "zwar",
    "jedoch",
    "etwa",
    "sogar",
    "gern",
    "gerne",
    "offenbar",
    "angeblich",
    "am",
    "im",
    "in",
    "bei",
    "beim",
    "nach",
    "mit",
    "seit",
    "für",
    "gegen",
    "von",
    "vom",
    "aus",
    "auf",
    "an",
    "über",
    "unter",
    "ohne",
    "um",
    "wegen",
    "trotz",
    "vor",
    "als",
    "wie",
    "wenn",
    "ob",
    "denn",
    "oder",
    "laut",
    "morgen",
    "abends",
    "bislang",
    "einst",
    "künftig",
    "vergangene",
    "vergangenen",
    "letzte",
    "letzten",
    "kürzlich",
    "jüngst",
    "wiederholt",
    "mehrfach",
    "deutlich",
    "erneut",
    "nochmals",
    "ausdrücklich",
    "bitte",
    "ja",
    "nein",
    "selbst",
];

const PREPOSITIONS: &[&str] = &[
    "bei",
    "beim",
    "am",
    "im",
    "in",
    "nach",
    "mit",
    "seit",
    "für",
    "gegen",
    "von",
    "vom",
    "aus",
    "auf",
    "an",
    "über",
    "unter",
    "ohne",
    "um",
    "wegen",
    "trotz",
    "vor",
    "zur",
    "zum",
    "gegenüber",
    "vorm",
    "ins",
    "aufs",
    "durch",
];

const WEEKDAYS: &[&str] = &[
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
    "Wochenende",
    "Abend",
    "Morgen",
    "Vormittag",
    "Nachmittag",
];

/// Nouns for someone speaking on behalf of an organisation: `ein Sprecher
/// des Ministeriums` speaks for the ministry.
const SPOKESPEOPLE: &[&str] = &[
    "Sprecher",
    "Sprecherin",
    "Vertreter",
    "Vertreterin",
    "Mitarbeiter",
    "Mitarbeiterin",
    "Insider",
    "Stellungnahme",
    "Aussendung",
    "Mitteilung",
    "Pressemitteilung",
    "Erklärung",
];

/// Media, to whom things are said (`sagte er der Zeitung`).
const MEDIA: &[&str] = &[
    "agentur",
    "zeitung",
    "sender",
    "magazin",
    "blatt",
    "standard",
    "reuters",
    "apa",
    "afp",
    "dpa",
    "orf",
    "presse",
    "kurier",
    "krone",
    "welt",
    "bbc",
    "cnn",
    "bild",
    "spiegel",
    "profil",
    "tv",
    "radio",
    "nachrichten",
    "portal",
    "journal",
    "times",
    "post",
];

/// Nouns after `nach` that make a source phrase: `nach Angaben der Polizei`.
const SOURCE_NOUNS: &[&str] = &[
    "Angaben",
    "Worten",
    "Aussage",
    "Aussagen",
    "Ansicht",
    "Einschätzung",
    "Informationen",
    "Meinung",
    "Darstellung",
    "Auffassung",
    "Berichten",
    "Bericht",
    "Berichte",
    "Berechnungen",
    "Daten",
    "Auskunft",
    "Mitteilung",
    "Schätzung",
    "Schätzungen",
    "Ansicht",
];

/// Capitalised words that are not speakers where a speaker may stand
/// (`sagte Anfang Mai`, `laut Gesetz`).
const NOT_SPEAKERS: &[&str] = &[
    "anfang", "ende", "mitte", "es", "man", "dies", "das", "dieser", "diese", "alle", "viele",
    "einige", "beide", "jahr", "jahren", "woche", "wochen", "monat", "monaten", "gesetz", "plan",
    "vertrag", "ich", "wir", "sie", "er", "ihr",
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
    "sekretärin",
    "vorsitzende",
    "vorsitzender",
    "jährige",
    "jähriger",
    "trainer",
    "trainerin",
    "sprecher",
    "sprecherin",
    "berater",
    "beraterin",
    "anwalt",
    "anwältin",
    "professor",
    "professorin",
    "experte",
    "expertin",
    "direktor",
    "direktorin",
    "leiter",
    "leiterin",
    "obmann",
    "obfrau",
    "hauptmann",
    "bürgermeister",
    "bürgermeisterin",
    "stadtoberhaupt",
    "gouverneur",
    "abgeordnete",
    "abgeordneter",
    "mandatar",
    "mandatarin",
    "kandidat",
    "kandidatin",
    "spieler",
    "spielerin",
    "kapitän",
    "stürmer",
    "verteidiger",
    "tormann",
    "torhüter",
    "forscher",
    "forscherin",
    "wissenschafter",
    "wissenschafterin",
    "wissenschaftler",
    "wissenschaftlerin",
    "ökonom",
    "ökonomin",
    "analyst",
    "analystin",
    "autor",
    "autorin",
    "regisseur",
    "regisseurin",
    "sänger",
    "sängerin",
    "schauspieler",
    "schauspielerin",
    "künstler",
    "künstlerin",
    "pilot",
    "pilotin",
    "richter",
    "richterin",
    "gründer",
    "gründerin",
    "manager",
    "managerin",
    "unternehmer",
    "unternehmerin",
    "rat",
    "rätin",
    "botaniker",
    "biologe",
    "biologin",
    "historiker",
    "historikerin",
    "mediziner",
    "medizinerin",
    "arzt",
    "ärztin",
    "kommissar",
    "kommissarin",
    "diplomat",
    "diplomatin",
    "aktivist",
    "aktivistin",
    "bischöfin",
    "papst",
    "kardinal",
    "pfarrer",
    "staatsanwalt",
    "staatsanwältin",
    "ermittler",
    "ermittlerin",
    "verteidigerin",
    "vize",
    "gewerkschafter",
    "gewerkschafterin",
    "funktionär",
    "funktionärin",
    "vorstand",
    "kollege",
    "kollegin",
    "amtskollege",
    "amtskollegin",
    "studienautor",
    "studienautorin",
    "mitbegründer",
];

/// Heads of organisations, bodies, documents and groups that speak
/// (matched at the end of the lowercased noun: `Innenministerium`,
/// `Landespolizeidirektion`, `Kritiker`).
const GROUP_ENDINGS: &[&str] = &[
    "regierung",
    "polizei",
    "ministerium",
    "amt",
    "behörde",
    "behörden",
    "partei",
    "parteien",
    "gewerkschaft",
    "verband",
    "kammer",
    "gericht",
    "gerichtshof",
    "anwaltschaft",
    "unternehmen",
    "konzern",
    "firma",
    "bank",
    "zeitung",
    "blatt",
    "magazin",
    "agentur",
    "kommission",
    "rat",
    "stadt",
    "gemeinde",
    "armee",
    "militär",
    "experten",
    "kritiker",
    "forscher",
    "wissenschafter",
    "wissenschaftler",
    "ärzte",
    "ermittler",
    "analysten",
    "beobachter",
    "medien",
    "bericht",
    "berichte",
    "studie",
    "umfrage",
    "sender",
    "verein",
    "klub",
    "club",
    "team",
    "uni",
    "universität",
    "institut",
    "organisation",
    "stiftung",
    "initiative",
    "opposition",
    "koalition",
    "fraktion",
    "präsidium",
    "vorstand",
    "management",
    "gruppe",
    "aktivisten",
    "demonstranten",
    "anwohner",
    "bewohner",
    "eltern",
    "befragte",
    "teilnehmer",
    "veranstalter",
    "organisatoren",
    "kreise",
    "quellen",
    "diplomaten",
    "rebellen",
    "miliz",
    "milizen",
    "regime",
    "kreml",
    "botschaft",
    "feuerwehr",
    "rettung",
    "direktion",
    "zentrale",
    "hersteller",
    "betreiber",
    "anbieter",
    "entwickler",
    "kläger",
    "verteidiger",
    "opfer",
    "befürworter",
    "gegner",
    "vertreter",
    "politiker",
    "ökonomen",
    "juristen",
    "fans",
    "grünen",
    "neos",
    "liste",
    "bewegung",
    "union",
    "nato",
    "uno",
    "sprecher",
    "dokument",
    "papier",
    "schreiben",
    "brief",
    "mitteilung",
    "aussendung",
    "erklärung",
    "resolution",
    "urteil",
    "gutachten",
    "landesschulrat",
    "staatsanwaltschaft",
    "gesellschaft",
    "fonds",
    "komitee",
    "senat",
    "parlament",
    "bundestag",
    "nationalrat",
    "ausschuss",
    "verwaltung",
    "magistrat",
    "rathaus",
    "kanzleramt",
    "stab",
    "führung",
    "spitze",
    "leitung",
    "ministerien",
    "länder",
    "staaten",
    "kirche",
    "diözese",
    "erzdiözese",
    "vatikan",
    "heer",
    "bundesheer",
    "ärztekammer",
    "caritas",
    "diakonie",
    "greenpeace",
    "wwf",
    "verlag",
    "programm",
    "hilfswerk",
    "netzwerk",
    "bündnis",
    "börse",
    "aufsicht",
    "notenbank",
];

/// Words after a speech verb that introduce an unnamed source.
const UNNAMED: &[&str] = &[
    "diplomaten",
    "kreise",
    "kreisen",
    "beobachter",
    "insider",
    "quellen",
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
    // A quotation that ends the text ends its last sentence.
    if start < text.len() {
        push_sentence(
            text,
            start,
            text.len(),
            paragraph,
            &mut quotes,
            &mut sentences,
        );
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
    ) || (!word.is_empty() && word.chars().all(|ch| ch.is_ascii_digit()))
        // An initial: `Theodor W. Adorno`.
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase));
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

/// A form of a speech verb, separable ones without looking for their
/// particle (see [`speech_verb_at`]).
fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.forms.contains(word) || SPEECH_VERBS.separable.contains_key(word)
}

/// Whether `words[k]` attributes speech: a form that does on its own, or a
/// separable verb's finite form with its particle later in the clause
/// (`gab am Montag bekannt`, `wies das zurück`).
fn speech_verb_at(words: &[Word], k: usize) -> bool {
    let word = words[k].text;
    if SPEECH_VERBS.forms.contains(word) {
        return true;
    }
    SPEECH_VERBS.separable.get(word).is_some_and(|particles| {
        words[k + 1..]
            .iter()
            .take(12)
            .any(|w| particles.contains(&w.text))
    })
}

fn has_any(words: &[Word], list: &[&str]) -> bool {
    words.iter().any(|w| list.contains(&w.text))
}

static KONJUNKTIV_I_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| KONJUNKTIV_I.iter().copied().collect());

/// The Konjunktiv forms as a set: looked up for every word.
static KONJUNKTIV_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| KONJUNKTIV.iter().copied().collect());

/// A Konjunktiv verb: from the list, or a 3rd person `-e` form right after
/// the subject (`Russland nehme …`, `Man werde …`).
fn is_konjunktiv(words: &[Word]) -> bool {
    words.iter().any(|w| KONJUNKTIV_SET.contains(w.text))
        || words.windows(2).take(3).any(|w| {
            let verb = w[1].text;
            let subject = w[0].text;
            verb.len() > 3
                && verb.ends_with('e')
                // `ereignete`, `meldete`: the weak past, not the Konjunktiv.
                && !verb.ends_with("te")
                && !is_speech_verb(verb)
                && verb.chars().all(char::is_lowercase)
                && ((subject.chars().next().is_some_and(char::is_uppercase)
                    && !matches!(subject, "Ich" | "Wir")
                    && !DETERMINERS.contains(&subject)
                    && !POSSESSIVES.contains(&subject.to_lowercase().as_str()))
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
    /// The sentence before when it was no statement but spoke in the first
    /// person: unmarked direct speech (`Wir haben verloren. Ich übernehme
    /// die Verantwortung, sagte Herrera.`) starts there.
    first_person_before: Option<(usize, usize)>,
    /// Sentences read since the last statement was made or went on.
    since_last: usize,
    /// Whether the sentence after this one is in the Konjunktiv.
    reported_next: bool,
}

/// An attribution: the speaker (resolved or not) and where the verb is.
struct Attribution {
    speaker: Option<String>,
    /// Where the verb (or the phrase's key word) ends.
    verb_end: usize,
    /// The attribution's words span this byte range (to cut it out).
    start: usize,
    end: usize,
    /// A source phrase (`laut X`, `X zufolge`, `nach Angaben von X`, `wie
    /// X mitteilte`, `heißt es`): the rest of the sentence is the claim,
    /// in any mood.
    source: bool,
}

impl<'a> Reader<'a> {
    fn read(&mut self, sentence: &Sentence, words: &[Word]) {
        let pending = self.pending_speaker.take();
        let first_person_before = self.first_person_before.take();
        let count = self.statements.len();
        let attribution = self
            .colon_speaker(sentence, words)
            .or_else(|| self.attribution(sentence, words));
        let quotes = self.spoken_quotes(sentence, words, attribution.as_ref(), &pending);
        if !quotes.is_empty() {
            self.read_quotes(&quotes, attribution, pending);
        } else if let Some(attribution) = attribution {
            self.read_reported(sentence, words, attribution, first_person_before);
        } else if let Some(speaker) = pending.filter(|_| opens_with_demnach(words)) {
            // `Die Polizei meldete einen Unfall. Demnach wurden …`
            let end = trim_period(self.text, sentence.start, sentence.end);
            self.push(Some(speaker), Kind::Reported, sentence.start, end);
        } else if let Some(kind) = self.continuation(words) {
            let end = trim_period(self.text, sentence.start, sentence.end);
            if self.open {
                self.continue_last(sentence.start, sentence.end);
            } else {
                let speaker = self.statements.last().and_then(|s| s.speaker.clone());
                self.push(speaker, kind, sentence.start, end);
            }
        } else if has_konjunktiv_i(words) && sentence.quotes.is_empty() {
            // Reported speech whose source the text gave before the last
            // few sentences, or gives later: a statement, speaker unknown.
            let end = trim_period(self.text, sentence.start, sentence.end);
            self.push(None, Kind::Indirect, sentence.start, end);
        } else {
            self.open = false;
        }
        let said_nothing = self.statements.len() == count;
        self.since_last = if said_nothing { self.since_last + 1 } else { 0 };
        if said_nothing && has_first_person(words) && sentence.quotes.is_empty() {
            self.first_person_before = Some((sentence.start, sentence.end));
        }
    }

    /// The quotations of a sentence that are speech: with an attribution
    /// in the sentence (short ones only as the object of `nannte`,
    /// `bezeichnete`, `sprach von`), or of four words and more going on
    /// from a statement just made. An unattributed quotation is a title or
    /// a name, not a statement.
    fn spoken_quotes(
        &self,
        sentence: &Sentence,
        words: &[Word],
        attribution: Option<&Attribution>,
        pending: &Option<String>,
    ) -> Vec<(usize, usize)> {
        let long = |&&(a, b): &&(usize, usize)| word_count(&self.text[a..b]) >= 4;
        let naming = words.iter().any(|w| NAMING_VERBS.contains(&w.text));
        let continuing = self.open || pending.is_some();
        sentence
            .quotes
            .iter()
            .filter(|q| match attribution {
                Some(_) => long(q) || (naming && word_count(&self.text[q.0..q.1]) >= 1),
                None => continuing && long(q),
            })
            .copied()
            .collect()
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
                }
            }
        }
    }

    /// Reported speech: the content clause of an attributed sentence.
    fn read_reported(
        &mut self,
        sentence: &Sentence,
        words: &[Word],
        a: Attribution,
        first_person_before: Option<(usize, usize)>,
    ) {
        let Some((start, end)) = self.content_clause(sentence, words, &a) else {
            // `Klöckner wies das zurück. "Für mich …"`: the next quotation
            // is hers.
            self.pending_speaker = a.speaker;
            self.open = false;
            return;
        };
        let clause = words_outside(self.text, start, end, &sentence.quotes);
        let opens_content = clause
            .first()
            .is_some_and(|w| CONTENT_OPENERS.contains(&w.text));
        // `rief die Bürger auf, Strom zu sparen`: a demand in the infinitive.
        let infinitive = clause.len() >= 2
            && clause
                .last()
                .is_some_and(|w| w.text.chars().all(char::is_lowercase))
            && (clause[clause.len() - 2].text == "zu"
                || clause
                    .last()
                    .is_some_and(|w| w.text.contains("zu") && w.text.ends_with("en")));
        let kind = if is_konjunktiv(&clause)
            || (opens_content && !a.source)
            || (infinitive && !a.source)
        {
            Kind::Indirect
        } else if a.source {
            Kind::Reported
        } else {
            // `Wir haben verloren, sagte Herrera.`: quoted words whose
            // marks the copy lost.
            if end <= a.start {
                if let Some((s, e)) = first_person_before {
                    self.push(
                        a.speaker.clone(),
                        Kind::Direct,
                        s,
                        trim_period(self.text, s, e),
                    );
                }
            }
            if has_first_person(&clause) {
                Kind::Direct
            } else {
                Kind::Reported
            }
        };
        self.push(a.speaker, kind, start, end);
    }

    /// What was said, given the attribution: after `VERB SPEAKER:` or
    /// `VERB SPEAKER,` (a `dass`/`ob` clause, or one in the Konjunktiv or
    /// the first person), before `, VERB SPEAKER` at the end, the claim
    /// around a source phrase, or the Konjunktiv side of the sentence.
    fn content_clause(
        &self,
        sentence: &Sentence,
        words: &[Word],
        a: &Attribution,
    ) -> Option<(usize, usize)> {
        let end = trim_period(self.text, sentence.start, sentence.end);
        if a.end > end || a.start < sentence.start {
            return None;
        }
        let first = words.first()?;
        let last = words.last()?;
        let before = trim_clause(self.text, sentence.start, a.start);
        let after = trim_clause(self.text, a.end, end);
        if a.source {
            // `Laut Polizei wurde niemand verletzt.`, `…, hieß es.`,
            // `Das Ziel ist laut X …` (the whole sentence).
            let comma_after = self.text[a.end..end].trim_start().starts_with(',');
            let comma_before = self.text[sentence.start..a.start].trim_end().ends_with(',');
            return match (a.start <= first.start, a.end >= last.end) {
                (true, _) => after,
                (false, true) => before,
                _ if comma_after && !comma_before => after,
                _ if comma_before && !comma_after => before,
                _ => Some((sentence.start, end)),
            };
        }
        let rest = &self.text[a.end..end];
        // `sagte Rutte:`, `stellte Kurz am Donnerstag klar: …`
        let colon = rest
            .find(':')
            .filter(|&c| !rest[..c].contains(',') && word_count(&rest[..c]) <= 4);
        if let Some(colon) = colon {
            return trim_clause(self.text, a.end + colon + 1, end);
        }
        if let Some(comma) = rest.find(',') {
            let clause_start = a.end + comma + 1;
            let clause = words_outside(self.text, clause_start, end, &[]);
            let opener = clause.first()?.text;
            // `sagte Müller, Präsident des Verbands, …` is an apposition.
            // `…, stellvertretender Leiter des Wifo`: a role among the first
            // words, or a name alone.
            let role_first = clause
                .iter()
                .take(3)
                .find(|w| starts_upper(w.text))
                .is_some_and(|w| is_role_word(w.text));
            let apposition = role_first
                || (starts_upper(opener)
                    && self.people.person_at(clause[0].start).is_some()
                    && clause.len() <= 3);
            let main_clause = clause.len() >= 3
                && !apposition
                && !SUBORDINATORS.contains(&opener)
                && !RELATIVES.contains(&opener)
                && !SENTENCE_ADVERBS.contains(&opener)
                && !DETERMINERS.contains(&opener);
            // `Winkel sagte, die Pläne …`: nothing for a relative clause to
            // hang on between verb and comma.
            let after_verb = a.end == a.verb_end;
            let content = CONTENT_OPENERS.contains(&opener)
                || main_clause
                || (DETERMINERS.contains(&opener) && (after_verb || is_konjunktiv(&clause)));
            if content {
                return trim_clause(self.text, clause_start, end);
            }
        }
        // `Es komme jetzt auf Moskau an, sagte Rutte (am Montag).`
        let verb_after_comma = self.text[sentence.start..a.start].trim_end().ends_with(',');
        let speaker_follows = a.end > a.verb_end;
        if verb_after_comma && speaker_follows && before.is_some() {
            return before;
        }
        if is_konjunktiv(words) {
            let size = |r: Option<(usize, usize)>| r.map_or(0, |(s, e)| e - s);
            let side = if size(before) >= size(after) {
                before
            } else {
                after
            };
            let clause = side.map(|(s, e)| words_outside(self.text, s, e, &[]));
            if clause.is_some_and(|c| c.len() >= 3 && is_konjunktiv(&c)) {
                return side;
            }
        }
        None
    }

    /// `Kurz: Bosnien braucht Reformen`: a name and a colon open the
    /// sentence (headlines, interviews).
    fn colon_speaker(&self, sentence: &Sentence, words: &[Word]) -> Option<Attribution> {
        let first = words.first()?;
        // `Deutschlands Justizminister Heiko Maas: …`: roles, then the name.
        let m = words
            .iter()
            .take(4)
            .take_while(|w| starts_upper(w.text))
            .find_map(|w| self.people.person_at(w.start))?;
        let rest = self.text.get(m.end..sentence.end)?;
        if !rest.starts_with(':') || m.start < first.start {
            return None;
        }
        Some(Attribution {
            speaker: Some(m.canonical.clone()),
            verb_end: m.end,
            start: m.start,
            end: m.end,
            source: false,
        })
    }

    /// A speech verb or source phrase in the sentence, with its speaker.
    fn attribution(&self, sentence: &Sentence, words: &[Word]) -> Option<Attribution> {
        let mut fallback = None;
        for k in 0..words.len() {
            if let Some(a) = self.source_phrase(sentence, words, k) {
                return Some(a);
            }
            if !speech_verb_at(words, k) {
                continue;
            }
            match self.speaker_of_verb(words, k) {
                Some(a) if a.speaker.is_some() => return Some(a),
                Some(a) => {
                    fallback.get_or_insert(a);
                }
                None => {}
            }
        }
        fallback
    }

    /// The speaker of the speech verb `words[k]`, German word order read
    /// as a reader does: `X sagte`, `sagte X`, `Am Montag sagte X`, `…,
    /// sagte Ministerpräsident X`, `X hat angekündigt`, `wie X mitteilte`.
    fn speaker_of_verb(&self, words: &[Word], k: usize) -> Option<Attribution> {
        let verb = &words[k];
        let clause_start = self.clause_start(words, k);
        let subject_first = clause_start < k && {
            let opener = words[clause_start].text.to_lowercase();
            !SENTENCE_ADVERBS.contains(&opener.as_str())
                && !SUBORDINATORS.contains(&opener.as_str())
                && !CONTENT_OPENERS.contains(&opener.as_str())
        };
        if subject_first {
            if let Some((speaker, start)) = self.subject(words, clause_start, k) {
                return Some(Attribution {
                    speaker,
                    verb_end: verb.end,
                    start,
                    end: verb.end,
                    source: false,
                });
            }
        }
        let clause_end = self.clause_end(words, k);
        if let Some(m) = words
            .get(k + 1)
            .and_then(|w| self.people.person_at(w.start))
        {
            return Some(self.attributed(Some(m.canonical.clone()), verb, m.end));
        }
        let mut from = skip_adverbs(words, k + 1);
        // `sagte der Nachrichtenagentur Reuters ein Sprecher`: the dative
        // object first.
        for _ in 0..2 {
            let Some((speaker, end)) = self.noun_phrase(words, from, clause_end) else {
                break;
            };
            if !is_dative_object(words, from, speaker.as_deref()) {
                return Some(self.attributed(speaker, verb, end));
            }
            from = skip_adverbs(words, words.partition_point(|w| w.end <= end));
        }
        // `Der Sekretär der Akademie, Mats Malm, sagte …`: the name in
        // apposition before the verb's clause.
        if clause_start == k && k > 0 {
            let mut before = self.clause_start(words, k - 1);
            // `Anna Vogel, Sprecherin des Verbands, erklärte`: past the role.
            if before > 0 && is_role_word(words[before].text) {
                before = self.clause_start(words, before - 1);
            }
            let m = self.people.person_at(words[before].start);
            let last = self.clause_end(words, before) - 1;
            if let Some(m) = m.filter(|m| m.end >= words[last].end) {
                return Some(Attribution {
                    speaker: Some(m.canonical.clone()),
                    verb_end: verb.end,
                    start: verb.start,
                    end: verb.end,
                    source: false,
                });
            }
        }
        // `Zuvor hatte Müller gesagt, …`: a name between clause start and verb.
        let named = words[clause_start..k]
            .iter()
            .find_map(|w| self.people.person_at(w.start));
        if let Some(m) = named {
            return Some(Attribution {
                speaker: Some(m.canonical.clone()),
                verb_end: verb.end,
                start: m.start,
                end: verb.end,
                source: false,
            });
        }
        None
    }

    /// Index of the first word of the clause holding `words[k]` (after the
    /// last comma, colon or dash before it).
    fn clause_start(&self, words: &[Word], k: usize) -> usize {
        (1..=k)
            .rev()
            .find(|&i| breaks_clause(&self.text[words[i - 1].end..words[i].start]))
            .unwrap_or(0)
    }

    /// Index one past the last word of the clause holding `words[k]`.
    fn clause_end(&self, words: &[Word], k: usize) -> usize {
        (k + 1..words.len())
            .find(|&i| breaks_clause(&self.text[words[i - 1].end..words[i].start]))
            .unwrap_or(words.len())
    }

    /// The subject before a verb: a name in it, else its noun phrase.
    fn subject(&self, words: &[Word], from: usize, verb: usize) -> Option<(Option<String>, usize)> {
        if let Some(m) = words[from..verb]
            .iter()
            .find_map(|w| self.people.person_at(w.start))
        {
            return Some((Some(m.canonical.clone()), words[from].start));
        }
        if let Some((speaker, _)) = self.noun_phrase(words, from, verb) {
            return Some((speaker, words[from].start));
        }
        // `Die Meteorologen erwarten, …`: a plural subject is a group.
        let plural = matches!(words[from].text, "Die" | "die")
            && from + 2 == verb
            && starts_upper(words[from + 1].text)
            && words[from + 1].text.ends_with(['n', 'r', 'e']);
        plural.then(|| (Some(words[from + 1].text.to_string()), words[from].start))
    }

    /// A speaker named by the words from `from` (before `to`): a person, a
    /// pronoun, a descriptor (`der Minister`, `die 45-Jährige`), an
    /// organisation or group (`die Polizei`, `Kritiker`, `ein Sprecher des
    /// Ministeriums` → `Ministerium`). `Some(None)`: a speaker the text
    /// leaves unnamed (`ein Sprecher`, `Diplomaten`). Also returns the end
    /// byte of the phrase.
    fn noun_phrase(
        &self,
        words: &[Word],
        from: usize,
        to: usize,
    ) -> Option<(Option<String>, usize)> {
        let first = words.get(from).filter(|_| from < to)?;
        // Roles and titles before a name: `sagte Ministerpräsident Thomas Berger`.
        let window = &words[from..to.min(from + 4)];
        if let Some(m) = window.iter().find_map(|w| self.people.person_at(w.start)) {
            let before_name = &words[from..];
            let only_roles = before_name
                .iter()
                .take_while(|w| w.start < m.start)
                .all(|w| starts_upper(w.text) || DETERMINERS.contains(&w.text));
            if only_roles {
                return Some((Some(m.canonical.clone()), m.end));
            }
        }
        let lower = first.text.to_lowercase();
        match lower.as_str() {
            "er" | "sie" if from + 1 >= to || !starts_upper(words[from + 1].text) => {
                return Some((self.pronoun_speaker(first.start), first.end));
            }
            _ => {}
        }
        let determiner =
            DETERMINERS.contains(&lower.as_str()) || POSSESSIVES.contains(&lower.as_str());
        let mut n = from + usize::from(determiner);
        // Adjectives and numbers before the noun: `die österreichische Polizei`.
        while determiner
            && n < to
            && n < from + 3
            && !starts_upper(words[n].text)
            && !is_numbered(words[n].text)
        {
            n += 1;
        }
        let noun = words.get(n).filter(|_| n < to)?;
        if !(starts_upper(noun.text) || is_numbered(noun.text))
            || (!determiner && from == 0 && SENTENCE_ADVERBS.contains(&lower.as_str()))
        {
            return None;
        }
        if !determiner && UNNAMED.iter().any(|u| lower.ends_with(u)) {
            return Some((None, noun.end));
        }
        if matches!(
            lower.as_str(),
            "ein" | "eine" | "einer" | "einem" | "mehrere"
        ) {
            return Some((self.spokesperson_of(words, n, to), noun.end));
        }
        let noun_lower = noun.text.to_lowercase();
        let plural = matches!(lower.as_str(), "die" | "den")
            && !noun_lower.ends_with("in")
            && !noun_lower.ends_with('e');
        if !plural && is_person_descriptor(self.people, noun.text) {
            return Some((self.descriptor_speaker(noun.text, noun.start), noun.end));
        }
        if SPOKESPEOPLE.contains(&noun.text) {
            return Some((self.spokesperson_of(words, n, to), noun.end));
        }
        if NOT_SPEAKERS.contains(&noun.text.to_lowercase().as_str())
            || !may_speak_for_a_group(noun.text, n == 0)
        {
            return None;
        }
        let (name, end) = group_name(words, n, to);
        Some((Some(name), end))
    }

    /// `ein Sprecher des Innenministeriums` → `Innenministerium`; `ein
    /// Sprecher` alone → unnamed.
    fn spokesperson_of(&self, words: &[Word], noun: usize, to: usize) -> Option<String> {
        let det = words.get(noun + 1).filter(|_| noun + 1 < to)?;
        if !matches!(det.text, "des" | "der" | "von" | "vom") {
            return None;
        }
        let mut n = noun + 2;
        while n < to && n < noun + 4 && !starts_upper(words[n].text) {
            n += 1;
        }
        let org = words.get(n).filter(|_| n < to)?;
        if let Some(m) = self.people.person_at(org.start) {
            return Some(m.canonical.clone());
        }
        starts_upper(org.text).then(|| group_name(words, n, to).0)
    }

    /// A source phrase starting at `words[k]`: `laut X`, `X zufolge`, `nach
    /// Angaben (von) X`, `wie X mitteilte`, `so X` (after a comma), `heißt
    /// es (in/aus) X`.
    fn source_phrase(&self, sentence: &Sentence, words: &[Word], k: usize) -> Option<Attribution> {
        let word = &words[k];
        // Only these words open a source phrase: no lowercasing of others.
        if !matches!(
            word.text,
            "laut"
                | "Laut"
                | "zufolge"
                | "nach"
                | "Nach"
                | "so"
                | "So"
                | "wie"
                | "Wie"
                | "heißt"
                | "hieß"
        ) {
            return None;
        }
        let lower = word.text.to_lowercase();
        let clause_end = self.clause_end(words, k);
        let source = |speaker: Option<String>, start: usize, end: usize| Attribution {
            speaker,
            verb_end: word.end,
            start,
            end,
            source: true,
        };
        match lower.as_str() {
            "laut" => {
                if let Some((speaker, end)) = self.noun_phrase(words, k + 1, clause_end) {
                    return Some(source(speaker, word.start, end));
                }
                // `laut eigenen Angaben`, `laut Berechnungen des Marktforschers
                // Focus`: a source noun, its owner in the genitive.
                let at = (k + 1..(k + 4).min(clause_end)).find(|&i| starts_upper(words[i].text))?;
                if !is_source_noun(words[at].text) {
                    return None;
                }
                let speaker = self.spokesperson_of(words, at, clause_end);
                let end = phrase_end(words, at + 2, clause_end)
                    .filter(|_| speaker.is_some())
                    .unwrap_or(words[at].end);
                Some(source(speaker, word.start, end))
            }
            "zufolge" if k > 0 => {
                let from = (k.saturating_sub(4)..k)
                    .find(|&i| {
                        self.people.person_at(words[i].start).is_some()
                            || DETERMINERS.contains(&words[i].text)
                    })
                    .unwrap_or(k - 1);
                let speaker = match self.noun_phrase(words, from, k) {
                    _ if SOURCE_NOUNS.contains(&words[k - 1].text) => None,
                    Some((speaker, _)) => speaker,
                    None => return None,
                };
                Some(source(speaker, words[from].start, word.end))
            }
            "nach" => {
                // `nach Angaben`, `nach ersten Angaben`, `nach eigenen Angaben`.
                let at = (k + 1..(k + 4).min(clause_end)).find(|&i| starts_upper(words[i].text))?;
                let noun = &words[at];
                if !is_source_noun(noun.text) {
                    return None;
                }
                let mut from = at + 1;
                if words
                    .get(from)
                    .is_some_and(|w| matches!(w.text, "von" | "vom"))
                {
                    from += 1;
                }
                let (speaker, end) =
                    self.noun_phrase(words, from, clause_end)
                        .unwrap_or_else(|| {
                            (
                                None,
                                phrase_end(words, from, clause_end).unwrap_or(noun.end),
                            )
                        });
                Some(source(speaker, word.start, end))
            }
            "so" => {
                let gap = &self.text[sentence.start..word.start];
                if !gap.trim_end().ends_with(',') {
                    return None;
                }
                let (speaker, end) = self.noun_phrase(words, k + 1, clause_end)?;
                speaker.is_some().then(|| source(speaker, word.start, end))
            }
            "wie" => {
                // `wie die Behörde mitteilte`: the verb ends the clause.
                let verb = clause_end.checked_sub(1)?;
                let naming = NAMING_VERBS.contains(&words[verb].text);
                if verb <= k + 1 || naming || !is_speech_verb(words[verb].text) {
                    return None;
                }
                let (speaker, _) = self.noun_phrase(words, k + 1, verb)?;
                Some(source(speaker, word.start, words[verb].end))
            }
            "heißt" | "hieß" if words.get(k + 1).is_some_and(|w| w.text == "es") => {
                let mut end = words[k + 1].end;
                let mut speaker = None;
                // `Aus Regierungskreisen hieß es, …`
                let from = self.clause_start(words, k);
                let opener = words[from].text.to_lowercase();
                if from + 1 < k
                    && matches!(
                        opener.as_str(),
                        "aus" | "von" | "vom" | "in" | "im" | "bei" | "beim" | "seitens"
                    )
                {
                    let speaker = self.noun_phrase(words, from + 1, k).and_then(|(s, _)| s);
                    return Some(source(speaker, words[from].start, end));
                }
                if let Some(prep) = words.get(k + 2).filter(|_| k + 2 < clause_end) {
                    if matches!(
                        prep.text,
                        "in" | "im" | "aus" | "von" | "vom" | "bei" | "beim" | "seitens"
                    ) {
                        if let Some((s, e)) = self.noun_phrase(words, k + 3, clause_end) {
                            speaker = s;
                            end = e;
                        }
                    }
                }
                // `…, so heißt es im Magistrat, …`
                let start = match k.checked_sub(1).map(|j| &words[j]) {
                    Some(so) if so.text == "so" => so.start,
                    _ => word.start,
                };
                Some(source(speaker, start, end))
            }
            _ => None,
        }
    }

    /// `der Niederländer`, `die Ministerin`: the one person with that role
    /// or nationality; where the article names only one person, that one;
    /// else the one speaking.
    fn descriptor_speaker(&self, noun: &str, at: usize) -> Option<String> {
        if let Some(person) = self.people.resolve_descriptor(noun) {
            return Some(person.name.clone());
        }
        let last_speaker = self.statements.last().and_then(|s| s.speaker.clone());
        match self.people.persons.as_slice() {
            [only] => Some(only.name.clone()),
            // `…, kritisierte der CSU-Chef.` right after Söder spoke.
            _ if self.open && last_speaker.is_some() => last_speaker,
            // `Der Professor …` right after the professor was named.
            _ => self
                .people
                .mentions
                .iter()
                .rev()
                .find(|m| m.end <= at && at - m.end < 300)
                .map(|m| m.canonical.clone()),
        }
    }

    fn attributed(&self, speaker: Option<String>, verb: &Word, end: usize) -> Attribution {
        Attribution {
            speaker,
            verb_end: verb.end,
            start: verb.start,
            end,
            source: false,
        }
    }

    /// `er`/`sie`: the person named last before `at`, if the mentions of
    /// the sentence before agree on one person (else the one speaking).
    fn pronoun_speaker(&self, at: usize) -> Option<String> {
        let before: Vec<_> = self
            .people
            .mentions
            .iter()
            .filter(|m| m.end <= at)
            .collect();
        let last_speaker = self.statements.last().and_then(|s| s.speaker.clone());
        let Some(last) = before.last() else {
            return last_speaker;
        };
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

    /// A sentence without attribution goes on with the last statement, as
    /// the same speaker's: in the Konjunktiv right after it, or with a
    /// Konjunktiv I (`sei`, `habe`, `werde`) a few sentences on; opening
    /// with `Demnach`; after words in the first person, in the first
    /// person too. Returns the kind of what it says.
    fn continuation(&self, words: &[Word]) -> Option<Kind> {
        let last = self.statements.last()?;
        if words.iter().any(|w| is_speech_verb(w.text)) {
            return None;
        }
        let near = self.since_last <= 3;
        if (near && has_konjunktiv_i(words)) || (self.open && is_konjunktiv(words)) {
            return Some(Kind::Indirect);
        }
        // Between two sentences of reported speech, one whose verb says
        // neither mood (`Sowohl Rubio als auch Kushner arbeiteten daran, …`).
        if self.open
            && self.reported_next
            && last.kind == Kind::Indirect
            && !has_any(words, INDICATIVE)
            && !has_first_person(words)
        {
            return Some(Kind::Indirect);
        }
        if near && words.iter().any(|w| w.text.eq_ignore_ascii_case("demnach")) {
            return Some(Kind::Reported);
        }
        let first_person =
            (last.kind == Kind::Direct || last.speaker.is_some()) && self.since_last <= 1;
        (first_person && has_first_person(words)).then_some(Kind::Direct)
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

/// Skips adverbials between a verb and its speaker: `sagte am Montag
/// in Wien der Minister`, `betonte zudem`.
fn skip_adverbs(words: &[Word], mut j: usize) -> usize {
    let mut skipped = 0;
    // `sagte bei der Bekanntgabe Mats Malm`: a prepositional phrase whole.
    while let Some(w) = words.get(j) {
        if !PREPOSITIONS.contains(&w.text) || skipped >= 3 {
            break;
        }
        let noun = (j + 1..(j + 5).min(words.len())).find(|&i| starts_upper(words[i].text));
        match noun {
            Some(i) => j = i + 1,
            None => break,
        }
        skipped += 1;
    }
    while skipped < 4
        && words.get(j).is_some_and(|w| {
            let lower = w.text.to_lowercase();
            SENTENCE_ADVERBS.contains(&lower.as_str()) && !DETERMINERS.contains(&lower.as_str())
                || WEEKDAYS.contains(&w.text)
        })
    {
        j += 1;
        skipped += 1;
    }
    j
}

/// `Polizei`, `Gewerkschaft GPA-djp`, `Wall Street Journal`: the
/// capitalised words from `words[n]` on (at most three); a genitive `-s`
/// after `des` dropped.
fn group_name(words: &[Word], n: usize, to: usize) -> (String, usize) {
    let mut end = n + 1;
    while end < to
        && end < n + 3
        && starts_upper(words[end].text)
        && !is_speech_verb(words[end].text)
    {
        end += 1;
    }
    let genitive = n > 0 && matches!(words[n - 1].text, "des" | "eines" | "seines" | "ihres");
    let name: Vec<&str> = words[n..end]
        .iter()
        .map(|w| match (genitive, w.text.strip_suffix('s')) {
            (true, Some(base)) if base.len() > 4 && !base.ends_with('s') => base,
            _ => w.text,
        })
        .collect();
    (name.join(" "), words[end - 1].end)
}

/// `dem Standard`, `der Zeitung Die Welt`: whom something was said to.
fn is_dative_object(words: &[Word], from: usize, speaker: Option<&str>) -> bool {
    let Some(first) = words.get(from) else {
        return false;
    };
    let media = speaker.is_some_and(|s| {
        let s = s.to_lowercase();
        MEDIA.iter().any(|m| s.contains(m))
    });
    matches!(first.text, "dem" | "den") || (first.text == "der" && media)
}

/// A noun that can name a speaking group: an organisation's or group's
/// head noun (`Regierung`, `Innenministerium`, `Kritiker`), an acronym
/// (`ÖVP`, `UNO`), or a name that is no common noun (`Spotify`, `Acer`;
/// not at the start of the sentence, where every word is capitalised).
fn may_speak_for_a_group(noun: &str, sentence_start: bool) -> bool {
    let lower = noun.to_lowercase();
    let head = lower.rsplit('-').next().unwrap_or(&lower);
    let bases = [
        Some(head),
        head.strip_suffix('s'),
        head.strip_suffix("es"),
        head.strip_suffix('n'),
    ];
    if bases
        .iter()
        .flatten()
        .any(|base| GROUP_ENDINGS.iter().any(|e| base.ends_with(e)))
    {
        return true;
    }
    let letters: Vec<char> = noun.chars().filter(|c| c.is_alphabetic()).collect();
    let acronym = letters.len() >= 2 && letters.iter().filter(|c| c.is_uppercase()).count() >= 2;
    let common = ["", "e", "n", "en", "er", "s", "es", "nen", "ern"]
        .iter()
        .any(|ending| {
            lower
                .strip_suffix(ending)
                .is_some_and(|stem| COMMON_NOUNS.contains(stem))
        });
    let time = WEEKDAYS.iter().any(|d| lower.contains(&d.to_lowercase()));
    acronym || (!sentence_start && !common && !time && !lower.contains('-'))
}

/// The common nouns of the compound lexicon: a capitalised word that is
/// none of them may be a name.
static COMMON_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../schema/lexicon/nouns.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// The end byte of the noun phrase from `words[from]`: determiner,
/// adjectives, noun (`seines Verlags`).
fn phrase_end(words: &[Word], from: usize, to: usize) -> Option<usize> {
    (from..to.min(from + 4))
        .find(|&i| starts_upper(words[i].text))
        .map(|i| words[i].end)
}

/// `Angaben`, `Armeeangaben`, `Berichten`, `Berechnungen`: a noun that
/// names where a claim comes from.
fn is_source_noun(noun: &str) -> bool {
    let lower = noun.to_lowercase();
    SOURCE_NOUNS.contains(&noun)
        || [
            "angaben",
            "berichten",
            "informationen",
            "berechnungen",
            "schätzungen",
        ]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// Whether the text between two words ends a clause.
fn breaks_clause(gap: &str) -> bool {
    // Parentheses are an aside (`Berger (SPD) erklärte`), not a break.
    gap.contains([',', ':', ';', '–']) || gap.contains(" - ")
}

/// The range `start..end` without spaces and commas at its ends, `None`
/// where nothing is left.
fn trim_clause(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    if start >= end {
        return None;
    }
    let slice = &text[start..end];
    let trimmed = slice.trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == ':');
    let s = start + (slice.len() - trimmed.len());
    let trimmed =
        trimmed.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == ':' || c == '–');
    let e = s + trimmed.len();
    (s < e && trimmed.chars().any(char::is_alphanumeric)).then_some((s, e))
}

/// `44-Jährige`, `3-Jähriger`: a noun after a number.
fn is_numbered(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit()) && word.contains('-')
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn opens_with_demnach(words: &[Word]) -> bool {
    words.first().is_some_and(|w| w.text == "Demnach")
}

/// A Konjunktiv I form, the mood of reported speech (`sei`, `habe`,
/// `werde`, `könne`), not after `ich`, where it is the indicative.
fn has_konjunktiv_i(words: &[Word]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        KONJUNKTIV_I_SET.contains(w.text) && (i == 0 || !matches!(words[i - 1].text, "ich" | "Ich"))
    })
}

fn has_first_person(words: &[Word]) -> bool {
    words.iter().any(|w| {
        w.text.len() <= 7
            && w.text.starts_with(['i', 'I', 'w', 'W', 'm', 'M', 'u', 'U'])
            && FIRST_PERSON.contains(&w.text.to_lowercase().as_str())
    })
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

/// A role-like noun (`Präsident`, `Sprecherin`, `CSU-Chef`).
fn is_role_word(noun: &str) -> bool {
    let lower = noun.to_lowercase();
    DESCRIPTOR_ENDINGS.iter().any(|e| lower.ends_with(e))
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
        Kind::Indirect => "indirect",
        Kind::Reported => "reported",
    }
}
