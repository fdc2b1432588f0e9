//! The constructions of real news that the statements-on-real-news
//! issues list, each in an invented sentence with its exact expected
//! statement: kind, speaker and the words (whose byte span is checked
//! against the text). Names and events are fictional.

mod common;

use archiv::extract::{people, statements};

/// `(text, kind, speaker, words)`: the one statement expected whose words
/// are `words`.
const CASES: &[(&str, &str, Option<&str>, &str)] = &[
    // Source adverbials with indicative claims.
    (
        "Laut Polizei wurde niemand verletzt.",
        "reported",
        Some("Polizei"),
        "wurde niemand verletzt",
    ),
    (
        "Nach Angaben des Innenministeriums stieg die Zahl der Anträge.",
        "reported",
        Some("Innenministerium"),
        "stieg die Zahl der Anträge",
    ),
    (
        "Das Werk schließt Ende Mai, wie die Firmenleitung mitteilte.",
        "reported",
        Some("Firmenleitung"),
        "Das Werk schließt Ende Mai",
    ),
    (
        "Der Polizei zufolge wurde der Fahrer leicht verletzt.",
        "reported",
        Some("Polizei"),
        "wurde der Fahrer leicht verletzt",
    ),
    (
        "Die Polizei meldete einen Unfall. Demnach wurden zwei Autos beschädigt.",
        "reported",
        Some("Polizei"),
        "Demnach wurden zwei Autos beschädigt",
    ),
    // Organisations and groups as speakers.
    (
        "Die Regierung teilte mit, dass die Grenzen offen bleiben.",
        "indirect",
        Some("Regierung"),
        "dass die Grenzen offen bleiben",
    ),
    (
        "Kritiker warnen, die Reform komme zu spät.",
        "indirect",
        Some("Kritiker"),
        "die Reform komme zu spät",
    ),
    (
        "In dem Bericht heißt es, die Kosten seien gestiegen.",
        "indirect",
        Some("Bericht"),
        "die Kosten seien gestiegen",
    ),
    (
        "Ein Sprecher des Verkehrsministeriums sagte, die Strecke sei gesperrt.",
        "indirect",
        Some("Verkehrsministerium"),
        "die Strecke sei gesperrt",
    ),
    // Verbs and forms.
    (
        "Thomas Berger hat angekündigt, dass er zurücktreten werde.",
        "indirect",
        Some("Thomas Berger"),
        "dass er zurücktreten werde",
    ),
    (
        "Die Ministerin Anna Vogel hatte gesagt, das Geld reiche nicht.",
        "indirect",
        Some("Anna Vogel"),
        "das Geld reiche nicht",
    ),
    (
        "Die Schule bleibt geschlossen, wie Direktorin Eva Lang bekanntgab.",
        "reported",
        Some("Eva Lang"),
        "Die Schule bleibt geschlossen",
    ),
    (
        "Thomas Berger gab am Montag bekannt, er werde nicht mehr kandidieren.",
        "indirect",
        Some("Thomas Berger"),
        "er werde nicht mehr kandidieren",
    ),
    (
        "Anna Vogel räumte ein, dass Fehler gemacht worden seien.",
        "indirect",
        Some("Anna Vogel"),
        "dass Fehler gemacht worden seien",
    ),
    (
        "Thomas Berger hofft, dass die Gespräche bald beginnen.",
        "indirect",
        Some("Thomas Berger"),
        "dass die Gespräche bald beginnen",
    ),
    (
        "Anna Vogel geht davon aus, dass der Bau im Herbst beginnt.",
        "indirect",
        Some("Anna Vogel"),
        "dass der Bau im Herbst beginnt",
    ),
    ("Die Meteorologen erwarten, dass es am Wochenende regnet.", "indirect", Some("Meteorologen"), "dass es am Wochenende regnet"),
    ("Thomas Berger gab an, er habe den Brief nie erhalten.", "indirect", Some("Thomas Berger"), "er habe den Brief nie erhalten"),
    ("Anna Vogel warf der Regierung vor, sie habe zu spät gehandelt.", "indirect", Some("Anna Vogel"), "sie habe zu spät gehandelt"),
    ("Thomas Berger bezeichnete den Plan als Fehler, der teuer werde.", "indirect", Some("Thomas Berger"), "der teuer werde"),
    ("Anna Vogel rief die Bürger auf, Strom zu sparen.", "indirect", Some("Anna Vogel"), "Strom zu sparen"),
    ("Thomas Berger begründete das damit, dass die Kosten stiegen.", "indirect", Some("Thomas Berger"), "dass die Kosten stiegen"),
    ("Anna Vogel erläuterte, das Verfahren dauere drei Monate.", "indirect", Some("Anna Vogel"), "das Verfahren dauere drei Monate"),
    ("Thomas Berger entgegnete, er sei nie gefragt worden.", "indirect", Some("Thomas Berger"), "er sei nie gefragt worden"),
    ("Anna Vogel bestritt, dass es Absprachen gegeben habe.", "indirect", Some("Anna Vogel"), "dass es Absprachen gegeben habe"),
    ("Thomas Berger ließ verlauten, er werde klagen.", "indirect", Some("Thomas Berger"), "er werde klagen"),
    ("Anna Vogel vertrat die Ansicht, dass die Steuer sinken müsse.", "indirect", Some("Anna Vogel"), "dass die Steuer sinken müsse"),
    ("Thomas Berger glaubt, dass die Mannschaft aufsteigt.", "indirect", Some("Thomas Berger"), "dass die Mannschaft aufsteigt"),
    ("Anna Vogel befürchtet, dass viele Stellen wegfallen.", "indirect", Some("Anna Vogel"), "dass viele Stellen wegfallen"),
    ("Thomas Berger wird mit den Worten zitiert, man sei auf einem guten Weg.", "indirect", Some("Thomas Berger"), "man sei auf einem guten Weg"),
    ("Der Pilot Thomas Berger landete sicher. Die Maschine sei nicht beschädigt, sagte der Pilot.", "indirect", Some("Thomas Berger"), "Die Maschine sei nicht beschädigt"),
    ("Richter Thomas Berger vertagte den Prozess. Die Zeugen müssten gehört werden, sagte der Richter.", "indirect", Some("Thomas Berger"), "Die Zeugen müssten gehört werden"),
    ("Der Konzern sagte, die Zahlen seien vorläufig.", "indirect", Some("Konzern"), "die Zahlen seien vorläufig"),
    // Speaker phrasings.
    (
        "Die Lage sei ernst, sagte Ministerpräsident Thomas Berger.",
        "indirect",
        Some("Thomas Berger"),
        "Die Lage sei ernst",
    ),
    (
        "Innenminister Thomas Berger (SPD) erklärte, die Polizei werde verstärkt.",
        "indirect",
        Some("Thomas Berger"),
        "die Polizei werde verstärkt",
    ),
    (
        "Anna Vogel, Sprecherin des Verbands, erklärte, man sei zufrieden.",
        "indirect",
        Some("Anna Vogel"),
        "man sei zufrieden",
    ),
    (
        "Thomas Berger forderte die Ministerin auf, dass sie handle.",
        "indirect",
        Some("Thomas Berger"),
        "dass sie handle",
    ),
    // Short direct quotes attributed in their sentence.
    (
        "Thomas Berger nannte den Plan „nicht hilfreich“.",
        "direct",
        Some("Thomas Berger"),
        "nicht hilfreich",
    ),
    // Unmarked first-person words before their attribution.
    (
        "Wir haben verloren. Ich übernehme die Verantwortung, sagte Trainer Thomas Berger.",
        "direct",
        Some("Thomas Berger"),
        "Wir haben verloren",
    ),
    // A quotation that ends the whole text.
    (
        "Anna Vogel sagte: „Wir machen weiter wie bisher.“",
        "direct",
        Some("Anna Vogel"),
        "Wir machen weiter wie bisher.",
    ),
    // Konjunktiv runs go on with the same speaker.
    (
        "Anna Vogel sagte, die Firma wachse. Im nächsten Jahr werde man 50 Leute einstellen.",
        "indirect",
        Some("Anna Vogel"),
        "die Firma wachse. Im nächsten Jahr werde man 50 Leute einstellen.",
    ),
];

/// Texts that hold no statement: quoted titles, relative clauses and
/// participles, stances without content.
const NOT_STATEMENTS: &[&str] = &[
    "Im Kino läuft der Film „Das Leben der anderen“ wieder.",
    "Die Sendung, die am Sonntag ausgestrahlt wurde, erreichte viele Zuschauer.",
    "Anna Vogel äußerte sich zu dem Vorfall.",
    "Thomas Berger ist optimistisch.",
    "Den Film zitierend sprach der Kritiker über das Leben der anderen.",
];

fn found(text: &str) -> Vec<statements::Statement> {
    statements::extract(text, &people::extract(text))
}

#[test]
fn each_construction_gives_its_statement() {
    let mut failures = Vec::new();
    for &(text, kind, speaker, words) in CASES {
        let all = found(text);
        let hit = all.iter().find(|s| s.text == words);
        match hit {
            Some(s) if statements::kind_name(s.kind) == kind && s.speaker.as_deref() == speaker => {
                // Direct quotes keep their words; others their exact span.
                if s.text.ends_with('.') && !words.contains(". ") {
                    continue;
                }
                assert_eq!(&text[s.start..s.end], words, "span of {text}");
            }
            _ => failures.push(format!(
                "{text}\n  want {kind} {speaker:?}: {words}\n  got  {:?}",
                all.iter()
                    .map(|s| (
                        statements::kind_name(s.kind),
                        s.speaker.clone(),
                        s.text.clone()
                    ))
                    .collect::<Vec<_>>()
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn titles_relatives_and_stances_are_no_statements() {
    for text in NOT_STATEMENTS {
        let all = found(text);
        assert!(
            all.is_empty(),
            "{text}: {:?}",
            all.iter().map(|s| &s.text).collect::<Vec<_>>()
        );
    }
}

/// End to end: an organisation's statements are found with `--by`.
#[test]
fn statements_of_an_organisation_by_its_name() {
    let archive = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        archive.path().join("unfall.txt"),
        " date 2026-01-05 WIEN (APA) - Ein Unfall auf der Autobahn.\n\nLaut Polizei wurde \
         niemand verletzt. Die Polizei teilte mit, die Strecke sei wieder frei.",
    )
    .expect("article written");
    let index = common::indexed(archive.path());
    let output = common::archiv(index.path())
        .args(["statements", "--by", "Polizei", "--format", "json"])
        .output()
        .expect("archiv runs");
    let said = common::json_lines(&output.stdout);
    let got: Vec<(&str, &str, &str)> = said
        .iter()
        .map(|s| {
            (
                s["kind"].as_str().unwrap_or(""),
                s["speaker"].as_str().unwrap_or(""),
                s["snippet"]["text"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("reported", "Polizei", "wurde niemand verletzt"),
            ("indirect", "Polizei", "die Strecke sei wieder frei"),
        ]
    );
}
