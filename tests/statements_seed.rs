//! The seed article's statements, exactly as issue 4 lists them.

use archiv::extract::{people, statements};

#[test]
fn the_seed_yields_its_eight_rutte_statements() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample-corpus/000_88151d1d0d9aa232.txt"
    );
    let raw = std::fs::read_to_string(path).expect("seed");
    let article = archiv::ingest::agency_copy::parse(&raw, "seed").article;
    let found = people::extract(&article.body);
    let said = statements::extract(&article.body, &found);
    for s in &said {
        eprintln!("{:?} {:?}: {}", s.kind, s.speaker, s.text);
    }
    let expected = [
        (statements::Kind::Direct, "Ich bin zuversichtlich, dass diese anhaltenden Anstrengungen"),
        (statements::Kind::Indirect, "er habe volles Vertrauen in die Anstrengungen der Regierung von Präsident Donald Trump"),
        (statements::Kind::Indirect, "Es komme jetzt auf Moskau an"),
        (statements::Kind::Indirect, "dass Russland seinen Angriffskrieg bislang fortführe"),
        (statements::Kind::Direct, "Ich erwarte, dass die Alliierten in den kommenden Tagen neue Beiträge ankündigen."),
        (statements::Kind::Direct, "Während wir für Frieden arbeiten, dürfen wir Russlands zunehmend brutale Angriffe"),
        (statements::Kind::Indirect, "Russland sei in dem Krieg nicht allein, da China weiterhin"),
        (statements::Kind::Indirect, "dass sich Rubio sehr für die Nato engagiere"),
    ];
    assert_eq!(said.len(), expected.len());
    for (s, (kind, start)) in said.iter().zip(expected) {
        assert_eq!(s.speaker.as_deref(), Some("Mark Rutte"), "{}", s.text);
        assert_eq!(s.kind, kind, "{}", s.text);
        assert!(
            s.text.starts_with(start),
            "`{}` should start with `{start}`",
            s.text
        );
        assert_eq!(
            &article.body[s.start..s.end].chars().next(),
            &s.text.chars().next()
        );
    }
    // Continuations are part of the statement they continue.
    assert!(said[1].text.ends_with("dass alle an einem Strang zögen."));
    assert!(said[1].text.contains("Sowohl Außenminister Marco Rubio"));
    assert!(said[2].text.ends_with("sich einzubringen."));
    assert!(said[5]
        .text
        .contains("Russland nehme systematisch zivile Infrastruktur ins Visier"));
}
