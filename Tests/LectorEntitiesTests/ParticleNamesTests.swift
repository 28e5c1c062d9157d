import LectorCore
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
                "de", "EU-Kommissionspräsidentin Ursula von der Leyen traf Karl-Theodor zu Guttenberg.",
                ["Ursula von der Leyen", "Karl-Theodor zu Guttenberg"]
            ),
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
    }

    @Test("given names and known names that are also words or places stay out: France Culture, im Grünen")
    func wordsAndPlaces() {
        let french = entities("Il l'a dit sur France Culture et sur France Inter.", language: "fr")
        #expect(!french.contains { $0["type"] == "PERSON" }, "\(french)")
        let german = entities("Am Wochenende feierten sie im Grünen.", language: "de")
        #expect(!german.contains { $0["type"] == "ORG" }, "\(german)")
    }
}
