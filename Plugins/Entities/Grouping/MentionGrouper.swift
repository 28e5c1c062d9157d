import LectorText

/// Groups mentions into entities and ranks them.
///
/// Named mentions (PERSON, ORG, LOC, MISC) join an entity when, ignoring case, they equal
/// one of its mentions; when their words are a contiguous part of a PERSON's longest form
/// (`Putin` joins `Vladimir Putin`, whatever type the tagger gave the short form); or when
/// an all-capitals word is the initials of an ORG (`NATO`, `North Atlantic Treaty
/// Organization`). Longer mentions are placed first, so a surname joins its full name
/// wherever it appears. An entity's type is that of its longest mention, and its text the
/// longest mention (one not in all capitals when there is one). Rule-based mentions group
/// by type and value.
///
/// Salience: each mention scores `1 / (1 + 2 p)` where `p` is its position in the text
/// (0 to 1), a mention in the first fifth of the text scores 1 more, rule-based mentions
/// count a third; an entity's score over the sum of all scores is its salience.
struct MentionGrouper {
    let text: ScalarText

    private static let initialsSkipped: Set<String> = ["of", "the", "and", "for", "de", "la", "del", "y", "&"]

    func group(_ mentions: [EntityMention]) -> [EntityGroup] {
        var groups: [EntityGroup] = []
        var words: [[String]] = []
        var forms: [Set<String>] = []
        let normalizedForms = mentions.map { display($0).lowercased() }
        let order = mentions.indices.sorted { left, right in
            let a = mentions[left].end - mentions[left].start
            let b = mentions[right].end - mentions[right].start
            return a != b ? a > b : mentions[left].start < mentions[right].start
        }
        for index in order {
            let mention = mentions[index]
            let form = normalizedForms[index]
            let tokens = form.split(separator: " ").map(String.init)
            let target: Int?
            if mention.type.isNamed {
                target = namedTarget(
                    tokens: tokens,
                    form: form,
                    type: mention.type,
                    groups: groups,
                    words: words,
                    forms: forms
                )
            } else {
                target = groups.indices.first { candidate in
                    let group = groups[candidate]
                    return group.type == mention.type && group.value == mention.value && group.unit == mention.unit
                        && (group.value != nil || forms[candidate].contains(form))
                }
            }
            if let target {
                groups[target].mentions.append(mention)
                forms[target].insert(form)
            } else {
                groups.append(
                    EntityGroup(
                        text: "",
                        type: mention.type,
                        mentions: [mention],
                        salience: 0,
                        value: mention.value,
                        unit: mention.unit
                    )
                )
                words.append(tokens)
                forms.append([form])
            }
        }
        return ranked(groups)
    }

    private func namedTarget(
        tokens: [String],
        form: String,
        type: EntityType,
        groups: [EntityGroup],
        words: [[String]],
        forms: [Set<String>]
    ) -> Int? {
        for index in groups.indices where groups[index].type.isNamed && forms[index].contains(form) {
            return index
        }
        for index in groups.indices where groups[index].type == .person && words[index].count > tokens.count {
            if Self.contains(words[index], tokens), tokens.allSatisfy({ $0.count > 1 }) { return index }
        }
        if tokens.count == 1, let only = tokens.first, only.count >= 2, type != .person {
            for index in groups.indices where groups[index].type == .organization && words[index].count >= 2 {
                let initials = String(words[index].filter { !Self.initialsSkipped.contains($0) }.compactMap(\.first))
                if initials == only { return index }
            }
        }
        return nil
    }

    private static func contains(_ haystack: [String], _ needle: [String]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) {
            var matches = true
            for offset in needle.indices where haystack[start + offset] != needle[offset] {
                matches = false
                break
            }
            if matches { return true }
        }
        return false
    }

    /// The mention's text, lowercased, with white space collapsed.
    func normalized(_ mention: EntityMention) -> String {
        display(mention).lowercased()
    }

    /// The mention's text with white space collapsed to single spaces.
    func display(_ mention: EntityMention) -> String {
        var view = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.scalars[mention.range.clamped(to: 0..<text.count)] {
            let isSpace =
                scalar.value < 0x80
                ? scalar == " " || (0x09...0x0D).contains(scalar.value)
                : scalar.properties.isWhitespace
            if isSpace {
                pendingSpace = !view.isEmpty
                continue
            }
            if pendingSpace {
                view.append(" ")
                pendingSpace = false
            }
            view.append(scalar)
        }
        return String(view)
    }

    private func ranked(_ groups: [EntityGroup]) -> [EntityGroup] {
        let length = Double(max(text.count, 1))
        var scored: [(EntityGroup, Double)] = []
        var total = 0.0
        for var group in groups {
            group.mentions.sort { $0.start < $1.start }
            var best: (text: String, isCaps: Bool, length: Int, mention: EntityMention)?
            for mention in group.mentions {
                let shown = display(mention)
                let length = shown.unicodeScalars.count
                let isCaps = length > 3 && shown == shown.uppercased()
                if let current = best, current.isCaps == isCaps ? current.length >= length : !current.isCaps {
                    continue
                }
                best = (shown, isCaps, length, mention)
            }
            if let best {
                group.text = best.text
                if group.type.isNamed { group.type = best.mention.type }
            }
            var score = 0.0
            for mention in group.mentions {
                let position = Double(mention.start) / length
                score += 1 / (1 + 2 * position) + (position < 0.2 ? 1 : 0)
            }
            if !group.type.isNamed { score /= 3 }
            total += score
            scored.append((group, score))
        }
        return scored.map { group, score in
            var group = group
            group.salience = total > 0 ? score / total : 0
            return group
        }
        .sorted { $0.salience != $1.salience ? $0.salience > $1.salience : $0.mentions[0].start < $1.mentions[0].start }
    }
}
