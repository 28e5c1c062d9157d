import LectorCore
import LectorText
import Testing

@testable import LectorEntities

/// Countries written as capitals (`US`, `U.S.`, `UK`) are places, whatever the tagger said.
@Suite("Entities: country abbreviations are places")
struct CountryAbbreviationsTests {
    @Test("a MISC mention that is exactly a country's abbreviation becomes LOC; others stay")
    func retyped() {
        let text = ScalarText("US officials, the U.S. Open, UK banks and US Airways.")
        func mention(_ part: String, _ type: EntityType) -> EntityMention {
            let needle = Array(part.unicodeScalars)
            let start = (0...(text.count - needle.count)).first {
                Array(text.scalars[$0..<$0 + needle.count]) == needle
            }
            return EntityMention(start: start ?? 0, end: (start ?? 0) + needle.count, type: type, confidence: 0.9)
        }
        let result = CountryAbbreviations.retyped(
            [
                mention("US", .miscellaneous), mention("U.S. Open", .miscellaneous), mention("UK", .miscellaneous),
                mention("US Airways", .organization),
            ],
            in: text
        )
        #expect(result.map(\.type) == [.location, .miscellaneous, .location, .organization])
    }

    @Test("through the processor, `US` before a title or a noun is a place (the English model says MISC)")
    func processor() throws {
        let list = entities(
            "The budget proposals laid out by the administration of US President George W Bush are highly "
                + "controversial. US politicians and citizens of all political views are critical."
        )
        #expect(entity(list, "LOC", "US")?["count"] == 2, "\(list.map { $0["text"] ?? .null })")
        #expect(list.allSatisfy { $0["type"] != "MISC" })
    }
}
