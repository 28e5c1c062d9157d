import LectorCore
import LectorText
import Testing

@testable import LectorEntities

@Suite("Entities: the dateline in salience")
struct DatelineSalienceTests {
    @Test("the dateline's place and agency rank below the people the article is about, in every language")
    func datelineWeighsLittle() {
        let cases: [(String, String, String, String, String)] = [
            (
                "en", "LONDON", "Reuters",
                "LONDON (Reuters) - Prime Minister Keir Starmer said on Monday that Britain would raise "
                    + "defence spending, after talks with Emmanuel Macron in Paris.",
                "Keir Starmer"
            ),
            (
                "de", "BERLIN", "dpa",
                "BERLIN (dpa) – Bundeskanzler Olaf Scholz hat am Dienstag mit Ursula von der Leyen gesprochen.",
                "Olaf Scholz"
            ),
            (
                "fr", "PARIS", "AFP",
                "PARIS (AFP) - Le président Emmanuel Macron a reçu mardi le chancelier Olaf Scholz.",
                "Emmanuel Macron"
            ),
        ]
        for (language, place, agency, text, subject) in cases {
            let list = entities(text, language: language, dateline: place, agency: agency)
            let salience = { (name: String) in
                list.first { $0["text"]?.stringValue == name }?["salience"]?.doubleValue ?? -1
            }
            #expect(salience(place) >= 0 && salience(agency) >= 0, "\(language): still listed")
            #expect(entity(list, "LOC", place) != nil, "\(language): the dateline's place is a place")
            #expect(salience(place) < salience(subject), "\(language): \(place) below \(subject)")
            #expect(salience(agency) < salience(subject), "\(language): \(agency) below \(subject)")
            let others = entities(text, language: language)
            let before = others.first { $0["text"]?.stringValue == agency }?["salience"]?.doubleValue ?? 0
            #expect(salience(agency) < before, "\(language): the agency weighs less than without a dateline")
        }
    }

    @Test("the dateline span runs from the place at the start of a line to the agency credit")
    func span() {
        let text = ScalarText("London fire\n\nLONDON, Feb 16 (Reuters) - A fire in London ...")
        let span = DatelineSpan.find(in: text, place: "LONDON", agency: "Reuters")
        #expect(span.map { text.slice($0.whole) } == "LONDON, Feb 16 (Reuters")
        #expect(span.map { text.slice($0.place) } == "LONDON")
        #expect(DatelineSpan.find(in: text, place: "LONDON", agency: nil).map { text.slice($0.whole) } == "LONDON")
        #expect(DatelineSpan.find(in: text, place: "fire", agency: nil) == nil, "not at the start of a line")
        let far = ScalarText("MADRID - " + String(repeating: "x ", count: 60) + "(EFE)")
        #expect(DatelineSpan.find(in: far, place: "MADRID", agency: "EFE").map { far.slice($0.whole) } == "MADRID")
    }
}
