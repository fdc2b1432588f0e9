//! A deterministic generator of agency copy for benchmarks: realistic
//! German built from sentence templates and a vocabulary written for
//! archiv, with a Zipf-like word distribution, compounds, umlauts, many
//! datelines, agencies and dates, people named the ways agency copy names
//! them, direct and reported statements, and the length spread of real
//! copy (300 to 6,000 characters).
//!
//! Output layout under the target folder:
//! - `YYYY/MM/NNNNNNN_agency.txt`: agency copy like the seed article (~95%);
//!   one in 500 is written in Windows-1252;
//! - `feeds/feed_NNNN.jsonl`: ~5% of the articles, one JSON object a line.
//!
//! The same seed and count give byte-identical output. With a truth file,
//! every article's people and planted statements are written to it, one
//! JSON line each: `{"path", "id", "date", "agency", "place", "people",
//! "statements": [{"speaker", "kind", "text"}]}`.

use std::fmt::Write as _;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// SplitMix64: small, fast, and the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// Index by a Zipf-like law: rank r is chosen with weight 1/(r+1).
    pub fn zipf(&mut self, n: usize) -> usize {
        // Inverse of the harmonic CDF, approximated by exp(u * ln n).
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        let r = ((n as f64 + 1.0).powf(u) - 1.0) as usize;
        r.min(n - 1)
    }
}

const AGENCIES: &[(&str, u32)] = &[
    ("dpa-AFX", 40),
    ("dpa", 25),
    ("Reuters", 12),
    ("AFP", 10),
    ("AP", 5),
    ("KNA", 4),
    ("epd", 4),
];
const PLACES: &[&str] = &[
    "BERLIN",
    "BRÜSSEL",
    "FRANKFURT",
    "FRANKFURT/BERLIN",
    "NEW YORK",
    "MÜNCHEN",
    "HAMBURG",
    "WASHINGTON",
    "PARIS",
    "LONDON",
    "KIEW",
    "MOSKAU",
    "WIEN",
    "ZÜRICH",
    "DEN HAAG",
    "KÖLN",
    "STUTTGART",
    "DÜSSELDORF",
    "LEIPZIG",
    "DRESDEN",
    "HANNOVER",
    "PEKING",
    "TOKIO",
    "ROM",
];
const SIGNATURES: &[&str] = &[
    "/aha/DP/mis",
    "/jkr/DP/he",
    "/ben/dpa/stk",
    "/rtr/xy",
    "/mne/DP/jha",
    "/kna/ps",
];

/// People: role, first name, surname.
const PEOPLE: &[(&str, &str, &str)] = &[
    ("Nato-Generalsekretär", "Mark", "Rutte"),
    ("Bundeskanzler", "Friedrich", "Merz"),
    ("US-Präsident", "Donald", "Trump"),
    ("Kremlchef", "Wladimir", "Putin"),
    ("EZB-Präsidentin", "Christine", "Lagarde"),
    ("Finanzminister", "Lars", "Klingbeil"),
    ("Verteidigungsminister", "Boris", "Pistorius"),
    ("Außenminister", "Johann", "Wadephul"),
    ("Kommissionspräsidentin", "Ursula", "von der Leyen"),
    ("Präsident", "Emmanuel", "Macron"),
    ("Vorstandschef", "Markus", "Hallberg"),
    ("Analystin", "Katrin", "Vogelsang"),
    ("Bischof", "Heinrich", "Ostermann"),
    ("Gewerkschaftschef", "Thomas", "Brenner"),
    ("Wirtschaftsministerin", "Petra", "Lindemann"),
    ("Bürgermeisterin", "Sabine", "Keller"),
    ("Verbandschef", "Ulrich", "Brandauer"),
    ("Ökonom", "Jan", "Roeder"),
    ("Landrat", "Stefan", "Kühn"),
    ("Trainer", "Lukas", "Wagner"),
];

/// Nouns with their plural, by frequency rank (Zipf picks the top often).
const NOUNS: &[(&str, &str)] = &[
    ("Regierung", "Regierungen"),
    ("Prozent", "Prozent"),
    ("Unternehmen", "Unternehmen"),
    ("Land", "Länder"),
    ("Jahr", "Jahre"),
    ("Markt", "Märkte"),
    ("Preis", "Preise"),
    ("Angriff", "Angriffe"),
    ("Gespräch", "Gespräche"),
    ("Haushalt", "Haushalte"),
    ("Zins", "Zinsen"),
    ("Straße", "Straßen"),
    ("Stadt", "Städte"),
    ("Bahn", "Bahnen"),
    ("Militärhilfe", "Militärhilfen"),
    ("Außenministertreffen", "Außenministertreffen"),
    ("Unterstützungszusage", "Unterstützungszusagen"),
    ("Wärmepumpe", "Wärmepumpen"),
    ("Strompreis", "Strompreise"),
    ("Verbraucher", "Verbraucher"),
    ("Aktie", "Aktien"),
    ("Anleger", "Anleger"),
    ("Gewinn", "Gewinne"),
    ("Umsatz", "Umsätze"),
    ("Streik", "Streiks"),
    ("Tarifvertrag", "Tarifverträge"),
    ("Waffenruhe", "Waffenruhen"),
    ("Flughafen", "Flughäfen"),
    ("Krankenhaus", "Krankenhäuser"),
    ("Schule", "Schulen"),
    ("Gericht", "Gerichte"),
    ("Klage", "Klagen"),
    ("Urteil", "Urteile"),
    ("Gemeinde", "Gemeinden"),
    ("Kirche", "Kirchen"),
    ("Rüstungsexportgenehmigung", "Rüstungsexportgenehmigungen"),
    ("Investition", "Investitionen"),
    ("Verteidigungsausgabe", "Verteidigungsausgaben"),
    ("Energiewende", "Energiewenden"),
    ("Wohnung", "Wohnungen"),
    ("Mietpreisbremse", "Mietpreisbremsen"),
    ("Brücke", "Brücken"),
    ("Rückzug", "Rückzüge"),
    ("Haus", "Häuser"),
    ("Zollstreit", "Zollstreite"),
    ("Lieferkette", "Lieferketten"),
    ("Fachkräftemangel", "Fachkräftemängel"),
    ("Bundesverfassungsgericht", "Bundesverfassungsgerichte"),
    ("Hochwasser", "Hochwasser"),
    ("Orgelweihe", "Orgelweihen"),
];
const ADJECTIVES: &[&str] = &[
    "neue",
    "deutliche",
    "schwierige",
    "wichtige",
    "große",
    "europäische",
    "höhere",
    "weitere",
    "schnelle",
    "klare",
    "überraschende",
    "künftige",
    "gemeinsame",
    "ungewöhnliche",
];
const VERBS: &[&str] = &[
    "stiegen",
    "sanken",
    "blieben stabil",
    "legten zu",
    "gaben nach",
    "wurden verschoben",
    "wurden beschlossen",
    "sorgten für Kritik",
    "erreichten ein Rekordhoch",
    "standen im Mittelpunkt",
];
const SOURCES: &[&str] = &[
    "des Statistischen Bundesamts",
    "der Behörden",
    "aus Regierungskreisen",
    "von Branchenkennern",
    "des Verbands",
    "der Veranstalter",
    "aus Unternehmenskreisen",
    "der Polizei",
];
const TIMES: &[&str] = &[
    "am Montag",
    "am Dienstag",
    "am Mittwoch",
    "am Donnerstag",
    "am Freitag",
    "im Frühjahr",
    "zuletzt",
    "erneut",
];
const QUOTES: &[&str] = &[
    "Wir müssen jetzt handeln und dürfen keine Zeit verlieren",
    "Das ist ein wichtiger Tag für unser Land",
    "Ich bin zuversichtlich, dass wir eine Lösung finden werden",
    "Die Lage ist ernst, aber sie ist nicht hoffnungslos",
    "Wir stehen zu unseren Zusagen, auch wenn es schwierig wird",
];
const REPORTED: &[&str] = &[
    "die Regierung habe die Lage im Griff",
    "man werde die Gespräche fortsetzen",
    "die Preise seien zuletzt deutlich gestiegen",
    "es komme jetzt auf die Partner an",
    "das Unternehmen sei gut aufgestellt",
];

/// One generated article and what it plants.
pub struct Generated {
    pub id: usize,
    pub date: (u32, u32, u32),
    pub agency: &'static str,
    pub place: &'static str,
    pub title: String,
    pub body: String,
    pub people: Vec<String>,
    /// (speaker, kind, text)
    pub statements: Vec<(String, &'static str, String)>,
}

fn full_name(p: &(&str, &str, &str)) -> String {
    format!("{} {}", p.1, p.2)
}

fn agency(rng: &mut Rng) -> &'static str {
    let total: u32 = AGENCIES.iter().map(|a| a.1).sum();
    let mut roll = (rng.next() % u64::from(total)) as u32;
    for (name, weight) in AGENCIES {
        if roll < *weight {
            return name;
        }
        roll -= weight;
    }
    AGENCIES[0].0
}

fn noun_phrase(rng: &mut Rng) -> String {
    let (_, plural) = NOUNS[rng.zipf(NOUNS.len())];
    format!("die {}n {}", rng.pick(ADJECTIVES), plural)
}

fn plain_sentence(rng: &mut Rng) -> String {
    let subject = noun_phrase(rng).replacen("die", "Die", 1);
    format!(
        "{subject} {} {} nach Angaben {}.",
        rng.pick(VERBS),
        rng.pick(TIMES),
        rng.pick(SOURCES)
    )
}

/// Builds article number `n`.
pub fn article(rng: &mut Rng, n: usize) -> Generated {
    let date = (
        2019 + rng.below(8) as u32,
        1 + rng.below(12) as u32,
        1 + rng.below(28) as u32,
    );
    let agency = agency(rng);
    let place = *rng.pick(PLACES);
    let speakers: Vec<&(&str, &str, &str)> =
        (0..1 + rng.below(3)).map(|_| rng.pick(PEOPLE)).collect();
    let target_len = 300 + (rng.zipf(60) * 95) + rng.below(400);
    let mut body = String::new();
    let mut people = Vec::new();
    let mut statements = Vec::new();
    let mut paragraph = 0;
    while body.len() < target_len.min(5000) {
        let speaker = speakers[paragraph % speakers.len()];
        let name = full_name(speaker);
        let introduced = people.contains(&name);
        let who = if introduced {
            speaker.2.to_string()
        } else {
            format!("{} {name}", speaker.0)
        };
        if !introduced {
            people.push(name.clone());
        }
        let mut text = plain_sentence(rng);
        match rng.below(3) {
            0 => {
                let quote = rng.pick(QUOTES).to_string();
                let _ = write!(text, " \"{quote}\", sagte {who}.");
                statements.push((name, "direct", quote));
            }
            1 => {
                let said = rng.pick(REPORTED).to_string();
                let _ = write!(text, " {who} betonte, {said}.");
                statements.push((name, "reported", said));
            }
            _ => {
                let _ = write!(
                    text,
                    " {who} äußerte sich {} zu {}.",
                    rng.pick(TIMES),
                    noun_phrase(rng)
                );
            }
        }
        for _ in 0..1 + rng.below(3) {
            text.push(' ');
            text.push_str(&plain_sentence(rng));
        }
        if !body.is_empty() {
            body.push_str(if rng.below(4) == 0 {
                "\n\nZwischenzeile zur Lage\n\n"
            } else {
                "\n\n"
            });
        }
        body.push_str(&text);
        paragraph += 1;
    }
    let title = body.split(". ").next().unwrap_or("").to_string();
    Generated {
        id: n,
        date,
        agency,
        place,
        title,
        body,
        people,
        statements,
    }
}

/// Writes `articles` articles from `seed` into `out`; with `truth`, their
/// ground truth too.
pub fn generate(out: &Path, articles: usize, seed: u64, truth: Option<&Path>) -> io::Result<()> {
    let mut rng = Rng::new(seed);
    std::fs::create_dir_all(out.join("feeds"))?;
    let mut truth = match truth {
        Some(p) => Some(BufWriter::new(std::fs::File::create(p)?)),
        None => None,
    };
    let mut feed: Option<(usize, BufWriter<std::fs::File>)> = None;
    let mut feed_lines = 0;
    for n in 0..articles {
        let a = article(&mut rng, n);
        let (path, id) = if n % 20 == 19 {
            let number = n / 20_000;
            if feed.as_ref().is_none_or(|(k, _)| *k != number) {
                let file =
                    std::fs::File::create(out.join(format!("feeds/feed_{number:04}.jsonl")))?;
                feed = Some((number, BufWriter::new(file)));
                feed_lines = 0;
            }
            feed_lines += 1;
            let path = format!("feeds/feed_{number:04}.jsonl");
            if let Some((_, w)) = feed.as_mut() {
                writeln!(w, "{}", json_article(&a))?;
            }
            (path.clone(), format!("{path}#{feed_lines}"))
        } else {
            let path = format!(
                "{:04}/{:02}/{n:07}_{}.txt",
                a.date.0,
                a.date.1,
                a.agency.to_lowercase()
            );
            write_text(out, &path, &a, n % 500 == 7)?;
            (path.clone(), path)
        };
        if let Some(t) = truth.as_mut() {
            writeln!(t, "{}", truth_line(&a, &path, &id))?;
        }
    }
    Ok(())
}

fn write_text(out: &Path, rel: &str, a: &Generated, latin1: bool) -> io::Result<()> {
    let path = out.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let signature = SIGNATURES[a.id % SIGNATURES.len()];
    let text = format!(
        " date {:04}-{:02}-{:02} {} ({}) - {}{signature}",
        a.date.0, a.date.1, a.date.2, a.place, a.agency, a.body
    );
    let bytes: Vec<u8> = if latin1 {
        text.chars()
            .map(|c| u32::from(c).try_into().unwrap_or(b'?'))
            .collect()
    } else {
        text.into_bytes()
    };
    std::fs::write(path, bytes)
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

fn json_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("\"{}\"", escape(s))).collect();
    format!("[{}]", quoted.join(","))
}

fn json_article(a: &Generated) -> String {
    format!(
        "{{\"id\":\"gen-{}\",\"date\":\"{:04}-{:02}-{:02}\",\"agency\":\"{}\",\"title\":\"{}\",\"people\":{},\"body\":\"{}\",\"place\":\"{}\",\"url\":\"https://example.org/gen/{}\"}}",
        a.id, a.date.0, a.date.1, a.date.2, a.agency, escape(&a.title), json_list(&a.people), escape(&a.body), a.place, a.id
    )
}

fn truth_line(a: &Generated, path: &str, id: &str) -> String {
    let statements: Vec<String> = a
        .statements
        .iter()
        .map(|(s, k, t)| {
            format!(
                "{{\"speaker\":\"{}\",\"kind\":\"{k}\",\"text\":\"{}\"}}",
                escape(s),
                escape(t)
            )
        })
        .collect();
    format!(
        "{{\"path\":\"{}\",\"id\":\"{}\",\"date\":\"{:04}-{:02}-{:02}\",\"agency\":\"{}\",\"place\":\"{}\",\"people\":{},\"statements\":[{}]}}",
        escape(path), escape(id), a.date.0, a.date.1, a.date.2, a.agency, a.place, json_list(&a.people), statements.join(",")
    )
}
