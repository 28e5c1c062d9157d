import LectorCore
import LectorText
import Testing

@testable import LectorEntities

/// People whose surname has particles (`von der Leyen`, `van Persie`, `zu Guttenberg`), read
/// whole after the model in every language with a names file.
@Suite("Entities: people with particles in their surname")
struct ParticleNamesTests {
    /// The PERSON entities' texts.
    private func people(_ text: String, _ language: String) -> Set<String> {
        Set(entities(text, language: language).filter { $0["type"] == "PERSON" }.compactMap { $0["text"]?.stringValue })
    }

    @Test("a known given name, particles and a surname are one person, whatever the model read in it")
    func givenNameParticlesSurname() {
        let cases: [(language: String, text: String, expected: Set<String>)] = [
            (
                "nl", "Voorzitter Ursula von der Leyen sprak met Robin van Persie en met Jan de Vries.",
                ["Ursula von der Leyen", "Robin van Persie", "Jan de Vries"]
            ),
            (
                "de", "EU-Kommissionspräsidentin Ursula von der Leyen traf Thomas de Maizière.",
                ["Ursula von der Leyen", "Thomas de Maizière"]
            ),
            ("pt", "Ana da Silva falou ontem com os jornalistas.", ["Ana da Silva"]),
            ("fr", "Selon Ursula von der Leyen, Luigi Di Maio a parlé.", ["Ursula von der Leyen", "Luigi Di Maio"]),
            ("es", "La presidenta Ursula von der Leyen llegó ayer.", ["Ursula von der Leyen"]),
            ("nl", "De vakbond sprak met minister Van der Leegte over banen.", ["Van der Leegte"]),
        ]
        for (language, text, expected) in cases {
            let found = people(text, language)
            #expect(expected.isSubset(of: found), "\(language): \(found)")
        }
    }

    @Test("no person in a body's or a place's name (Raad van State, Santa Maria da Feira), nor past a surname")
    func notPeople() {
        #expect(people("Het advies van de Raad van State en de Universiteit van Amsterdam kwam.", "nl").isEmpty)
        let portuguese = entities("O congresso foi em Santa Maria da Feira e em Santiago de Chile.", language: "pt")
        #expect(!portuguese.contains { $0["type"] == "PERSON" }, "\(portuguese)")
        let dutch = people("Oppositieleider Frans Timmermans van GroenLinks-PvdA noemde de korting onverstandig.", "nl")
        #expect(dutch.allSatisfy { !$0.contains("GroenLinks") }, "\(dutch)")
        #expect(people("Jan van de VVD zweeg.", "nl").allSatisfy { !$0.contains("VVD") })
        // German articles and `zu` after a given name; a surname is one word, not the nouns
        // after it; a foundation named after people.
        let german = people(
            "Dann gab Thomas den Ball ab und Peter blieb zu Hause. In Kiew hat Ursula von der Leyen Präsident "
                + "Selenskyj getroffen. Die Heinrich-Böll-Stiftung lud ein.",
            "de"
        )
        #expect(german.allSatisfy { !$0.contains(" den ") && !$0.contains(" zu ") && !$0.contains("Stiftung") })
        #expect(german.contains("Ursula von der Leyen"), "\(german)")
    }

    @Test("a mention running on past the surname through `van de` into a known body is the person, then the body")
    func personOfABody() {
        let found = entities(
            "Voorzitter Ursula von der Leyen van de Europese Commissie zei begrip te hebben. "
                + "Mathieu van der Poel van Alpecin-Deceuninck won.",
            language: "nl"
        )
        let named = Set(found.map { "\($0["type"]?.stringValue ?? ""):\($0["text"]?.stringValue ?? "")" })
        let expected: Set = [
            "PERSON:Ursula von der Leyen", "ORG:Europese Commissie", "PERSON:Mathieu van der Poel",
            "ORG:Alpecin-Deceuninck",
        ]
        #expect(expected.isSubset(of: named), "\(named)")
    }

    @Test("the pass replaces the mentions inside a name, and leaves a place of its extent or one reaching out")
    func replacesOnlyInside() throws {
        let places = try Gazetteer(namesFile: Array("g\tRobin\ng\tJan\ng\tMar\n".utf8))
        let rules = CapitalizedNames(language: "nl", places: places)
        let text = ScalarText("Trainer Robin van Persie en Jan de Vries Academie, bij Mar de Barents.")
        let tokens = Tokenizer.tokenize(text)
        let sentences = SentenceSplitter.split(text, tokens: tokens)
        func span(_ part: String, _ type: EntityType) -> EntityMention {
            let scalars = Array(text.scalars)
            let needle = Array(part.unicodeScalars)
            let found = (0...(scalars.count - needle.count)).first { Array(scalars[$0..<$0 + needle.count]) == needle }
            let start = found ?? 0
            return EntityMention(start: start, end: start + needle.count, type: type, confidence: 0.9)
        }
        let given = [
            span("Persie", .location), span("Jan de Vries Academie", .organization), span("Mar de Barents", .location),
        ]
        let result = rules.withParticleNames(given, in: text, tokens: tokens, sentences: sentences)
        let typed = result.map { "\($0.type.rawValue):\(text.slice($0.range))" }
        #expect(typed == ["PERSON:Robin van Persie", "ORG:Jan de Vries Academie", "LOC:Mar de Barents"], "\(typed)")
    }

    @Test("given names and known names that are also words or places stay out: France Culture, im Grünen")
    func wordsAndPlaces() {
        let french = entities("Il l'a dit sur France Culture et sur France Inter.", language: "fr")
        #expect(!french.contains { $0["type"] == "PERSON" }, "\(french)")
        let german = entities("Am Wochenende feierten sie im Grünen.", language: "de")
        #expect(!german.contains { $0["type"] == "ORG" }, "\(german)")
    }
}
