import LectorText
import Testing

@testable import LectorEntities

/// A one-word mention that is the initials of an organisation's or a place's name joins it
/// (`MentionGrouper`).
@Suite("Entities: initials join the name they stand for")
struct InitialsGroupingTests {
    /// Groups mentions of `text` given as (words, type), each at its first place not yet taken.
    private func grouped(_ text: String, _ mentions: [(String, EntityType)]) -> [(String, EntityType, [String])] {
        let scalars = ScalarText(text)
        var from = 0
        var placed: [EntityMention] = []
        for (words, type) in mentions {
            let needle = Array(words.unicodeScalars)
            let start = (from...(scalars.count - needle.count)).first {
                Array(scalars.scalars[$0..<$0 + needle.count]) == needle
            }
            guard let start else { continue }
            placed.append(EntityMention(start: start, end: start + needle.count, type: type, confidence: 0.9))
            from = start + needle.count
        }
        return MentionGrouper(text: scalars).group(placed).map { group in
            (group.text, group.type, group.mentions.map { scalars.slice($0.range) })
        }
    }

    @Test("a country's initials, with or without full stops and whatever the tagger called them, join its name")
    func countries() {
        let groups = grouped(
            "The United States and the United Kingdom signed. The US, the U.S. Navy and the UK agreed.",
            [
                ("United States", .location), ("United Kingdom", .location), ("US", .miscellaneous),
                ("U.S.", .location), ("UK", .location),
            ]
        )
        #expect(groups.count == 2)
        let states = groups.first { $0.0 == "United States" }
        #expect(states?.1 == .location)
        #expect(Set(states?.2 ?? []) == ["United States", "US", "U.S."])
        #expect(groups.contains { $0.0 == "United Kingdom" && Set($0.2) == ["United Kingdom", "UK"] })
    }

    @Test("an organisation's initials join it as before, now with full stops too")
    func organisations() {
        let groups = grouped(
            "The United Nations met. The U.N. and the UN agreed.",
            [("United Nations", .organization), ("U.N.", .organization), ("UN", .miscellaneous)]
        )
        #expect(groups.count == 1)
        #expect(groups.first?.0 == "United Nations")
    }

    @Test("a place's initials tagged as an organisation, or not written in capitals, stay apart")
    func notJoined() {
        let company = grouped(
            "South Africa grew. The SA group did not.",
            [("South Africa", .location), ("SA", .organization)]
        )
        #expect(company.count == 2, "a company `SA` is not South Africa")
        let town = grouped("South Africa grew. Sa Pobla did not.", [("South Africa", .location), ("Sa", .location)])
        #expect(town.count == 2, "`Sa` is no set of initials")
    }
}
