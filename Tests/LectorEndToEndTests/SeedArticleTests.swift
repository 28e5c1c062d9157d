import Foundation
import LectorCore
import LectorTestSupport
import Testing

/// The article Lector was specified with (`../shared/samples/seed-article.txt`, beside the
/// repository as in CI) through the default chain.
private let seedPath = Repository.path("../shared/samples/seed-article.txt")

@Suite(
    "The seed article through the default chain",
    .enabled(if: FileManager.default.fileExists(atPath: seedPath), "needs ../shared/samples beside the repository")
)
struct SeedArticleTests {
    private func entity(_ document: JSONValue, _ text: String) -> JSONValue? {
        document["entities"]?.arrayValue?.first { $0["text"]?.stringValue == text }
    }

    @Test("date, language, people, organisations, places and the troop count come out right")
    func seed() throws {
        let result = try LectorBinary.run(["process", seedPath])
        #expect(result.status == 0, "\(result.standardError)")
        let document = try JSONValue.parse(result.standardOutput)
        #expect(document["metadata"]?["date"] == "2022-02-16", "the leading space before `date` is no obstacle")
        #expect(document["language"]?["code"] == "en")
        #expect((entity(document, "Vladimir Putin")?["count"]?.intValue ?? 0) >= 5)
        for (name, type) in [
            ("Vladimir Putin", "PERSON"), ("Olaf Scholz", "PERSON"), ("Jens Stoltenberg", "PERSON"), ("NATO", "ORG"),
            ("Russia", "LOC"), ("Ukraine", "LOC"), ("Moscow", "LOC"), ("Brussels", "LOC"),
        ] {
            #expect(entity(document, name)?["type"]?.stringValue == type, "\(name)")
        }
        #expect(entity(document, "US") == nil, "`the US` is the United States, one entity")
        #expect(entity(document, "United States")?["count"]?.intValue == 2)
        let quantities = document["entities"]?.arrayValue?.filter { $0["type"] == "QUANTITY" } ?? []
        #expect(quantities.contains { $0["value"]?.doubleValue == 150_000 || $0["value"]?.intValue == 150_000 })
        #expect(entity(document, "February 15")?["value"] == "2022-02-15", "relative to the article's date")
        #expect(entity(document, "Putin & Scholz") == nil, "the subheading names two people, not a firm")
        #expect(
            document["metadata"]?["subheadings"]?.arrayValue?.map { $0["text"] } == [
                "Putin & Scholz frankly exchanged opinions"
            ]
        )
        #expect((entity(document, "Olaf Scholz")?["count"]?.intValue ?? 0) >= 2)
        let toned = Set(document["sentiment"]?["entities"]?.arrayValue?.compactMap { $0["text"]?.stringValue } ?? [])
        #expect(toned.isDisjoint(with: ["Russian", "German", "European"]), "demonyms carry no tone of their own")
        let salience = { (name: String) in entity(document, name)?["salience"]?.doubleValue ?? 0 }
        #expect(salience("Russian") < salience("Olaf Scholz"), "demonyms rank below names")
        let people = document["sentiment"]?["entities"]?.arrayValue?.filter { $0["type"] == "PERSON" } ?? []
        #expect(people.contains { $0["text"] == "Vladimir Putin" })
        for person in people {
            #expect(person["label"] != "positive", "no sentence says anything good about \(person)")
        }
        #expect(document["sentiment"]?["label"] == "negative", "troops massed for an attack: bad news")
    }
}
