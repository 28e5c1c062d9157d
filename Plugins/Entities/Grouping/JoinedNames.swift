import LectorText

/// Two people joined by `&` in a headline or subheading (`Putin & Scholz frankly exchanged
/// opinions`) look to a tagger like a firm (`Johnson & Johnson`). When both halves of such
/// a mention are people the same article names (`Putin` of `Vladimir Putin`, `Scholz` of
/// `Olaf Scholz`), the mention is the two of them: two PERSON mentions, which then join
/// their full names. A firm whose halves are not people of the article stays as it is.
enum JoinedNames {
    /// The mentions with every such pair split into its two people.
    ///
    /// - Parameters:
    ///   - mentions: The mentions, in text order.
    ///   - text: The text they point into.
    /// - Returns: The mentions, in text order.
    static func split(_ mentions: [EntityMention], in text: ScalarText) -> [EntityMention] {
        var people: Set<String> = []
        for mention in mentions where mention.type == .person {
            let words = text.slice(mention.range).lowercased().split(separator: " ").map(String.init)
            people.formUnion(words)
            people.insert(words.joined(separator: " "))
        }
        guard people.count >= 2 else { return mentions }
        var result: [EntityMention] = []
        for mention in mentions {
            guard mention.type.isNamed, mention.type != .person, let halves = halves(of: mention, in: text),
                halves.allSatisfy({ people.contains(text.slice($0).lowercased()) })
            else {
                result.append(mention)
                continue
            }
            for half in halves {
                result.append(
                    EntityMention(
                        start: half.lowerBound,
                        end: half.upperBound,
                        type: .person,
                        confidence: mention.confidence
                    )
                )
            }
        }
        return result
    }

    /// The two names of `A & B` (each one to three words), as scalar ranges.
    private static func halves(of mention: EntityMention, in text: ScalarText) -> [Range<Int>]? {
        let written = Array(text.slice(mention.range).unicodeScalars)
        guard let ampersand = written.firstIndex(of: "&"), written.lastIndex(of: "&") == ampersand else { return nil }
        var leftEnd = ampersand
        while leftEnd > 0, written[leftEnd - 1] == " " { leftEnd -= 1 }
        var rightStart = ampersand + 1
        while rightStart < written.count, written[rightStart] == " " { rightStart += 1 }
        guard leftEnd > 0, rightStart < written.count else { return nil }
        let left = mention.start..<(mention.start + leftEnd)
        let right = (mention.start + rightStart)..<mention.end
        for half in [left, right] {
            let words = text.slice(half).split(separator: " ")
            guard (1...3).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true }) else { return nil }
        }
        return [left, right]
    }
}
