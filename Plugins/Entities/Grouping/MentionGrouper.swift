import LectorCore
import LectorText

/// Groups mentions into entities and ranks them.
///
/// Named mentions (PERSON, ORG, LOC, MISC) join an entity when, ignoring case, they equal
/// one of its mentions; when their words are a contiguous part of a PERSON's longest form
/// (`Vladimir` or `Putin` joins `Vladimir Putin`; a short form of another type only as the
/// surname, so `Putin` tagged ORG still joins but `China` does not join `China Dream`); or
/// when one word, full stops aside, is the initials of an ORG (`NATO`, `North Atlantic
/// Treaty Organization`; `U.N.`, `United Nations`), or, written in capitals and not tagged
/// ORG, of a LOC (`US` and `U.S.`, `United States`; `UK`, `United Kingdom`). In German and
/// Russian an organisation's or a place's name also joins an entity of its type when one of
/// them, without its case ending, is the other as written: the nominative `Газпром`, which
/// ends like an instrumental, joins `Газпрома` (only within a type, so `Росси` the person
/// stays apart from `России` the place; and not for people, whose given names would merge:
/// `Мари` and `Мария`). Longer mentions are placed first, so a surname joins its full name
/// wherever it appears. An entity's type is that of its longest mention, and its text the
/// longest mention (one not in all capitals when there is one; in German and Russian the
/// shortest of those with the most words, the nominative where the text has it). Rule-based
/// mentions group by type and value.
///
/// Salience: each mention scores `1 / (1 + 2 p)` where `p` is its position in the text
/// (0 to 1), a mention in the first fifth of the text scores 1 more, rule-based mentions
/// count a third, demonyms (``Demonyms``) a quarter and never more than nine tenths of the
/// lowest name's; a mention inside the dateline (``DatelineSpan``: `BERLIN (dpa) -`) counts a
/// third, without the lead's bonus, since it says where and by whom the article was filed;
/// an entity's score over the sum of all scores is its salience.
struct MentionGrouper {
    let text: ScalarText
    /// The text's language: German and Russian names group across case endings (``NameForms``).
    var language: String?
    /// The text's dateline, if it has one.
    var dateline: DatelineSpan?

    private static let initialsSkipped: Set<String> = ["of", "the", "and", "for", "de", "la", "del", "y", "&"]

    /// An entity while mentions are being grouped.
    private struct Draft {
        var type: EntityType
        var value: JSONValue?
        var unit: String?
        /// The words of the first (longest) mention, lowercased.
        var words: [String]
        /// The lowercased forms of the mentions so far.
        var forms: Set<String>
        /// The indices of the mentions, in the order they joined.
        var members: [Int]
    }

    func group(_ mentions: [EntityMention]) -> [EntityGroup] {
        let shown = mentions.map(display)
        let plainForms = shown.map { $0.lowercased() }
        let normalizedForms = zip(mentions, plainForms).map { mention, form in
            mention.type.isNamed ? NameForms.caseless(form, language: language) : form
        }
        let order = mentions.indices.sorted { left, right in
            let a = mentions[left].end - mentions[left].start
            let b = mentions[right].end - mentions[right].start
            return a != b ? a > b : mentions[left].start < mentions[right].start
        }
        var drafts: [Draft] = []
        var index = DraftIndex()
        for position in order {
            let mention = mentions[position]
            let form = normalizedForms[position]
            let target: Int?
            let tokens: [String]
            if mention.type.isNamed {
                tokens = form.unicodeScalars.split(separator: " ").map { String(form[$0.startIndex..<$0.endIndex]) }
                target =
                    index.namedTarget(
                        tokens: tokens,
                        form: form,
                        written: shown[position],
                        type: mention.type,
                        drafts: drafts,
                        inflected: language == "ru"
                    )
                    ?? index.caseTarget(form: form, plain: plainForms[position], type: mention.type)
            } else {
                tokens = []
                target = index.valued.first { candidate in
                    let draft = drafts[candidate]
                    return draft.type == mention.type && draft.value == mention.value && draft.unit == mention.unit
                        && (draft.value != nil || draft.forms.contains(form))
                }
            }
            if let target {
                drafts[target].members.append(position)
                drafts[target].forms.insert(form)
                if mention.type.isNamed {
                    index.note(form, plain: plainForms[position], type: mention.type, of: target)
                }
            } else {
                let created = drafts.count
                drafts.append(
                    Draft(
                        type: mention.type,
                        value: mention.value,
                        unit: mention.unit,
                        words: tokens,
                        forms: [form],
                        members: [position]
                    )
                )
                index.add(created, draft: drafts[created], form: form, plain: plainForms[position])
            }
        }
        return ranked(drafts, mentions: mentions, shown: shown)
    }

    /// Look-ups over the drafts that grouping repeats for every mention.
    private struct DraftIndex {
        /// The first named draft holding each form.
        var namedByForm: [String: Int] = [:]
        /// The PERSON drafts, in creation order.
        var people: [Int] = []
        /// The initials of the ORG and LOC drafts of two words or more, in creation order.
        var initials: [(draft: Int, initials: String, type: EntityType)] = []
        /// The drafts of rule-based types, in creation order.
        var valued: [Int] = []
        /// The first ORG, LOC or MISC draft holding each form without case endings, and each
        /// form as written (lowercased) where that differs, by type (German and Russian).
        var caseless: [String: Int] = [:]
        var written: [String: Int] = [:]

        mutating func add(_ created: Int, draft: Draft, form: String, plain: String) {
            guard draft.type.isNamed else {
                valued.append(created)
                return
            }
            note(form, plain: plain, type: draft.type, of: created)
            if draft.type == .person { people.append(created) }
            if draft.type == .organization || draft.type == .location, draft.words.count >= 2 {
                let letters = draft.words.filter { !MentionGrouper.initialsSkipped.contains($0) }.compactMap(\.first)
                initials.append((created, String(letters), draft.type))
            }
        }

        /// Records that a named draft holds a mention's caseless `form` (and, for
        /// ``caseTarget(form:plain:type:)``, that form and the `plain` one as written), unless
        /// an earlier draft already does.
        mutating func note(_ form: String, plain: String, type: EntityType, of draft: Int) {
            if namedByForm[form] == nil { namedByForm[form] = draft }
            guard form != plain, type != .person else { return }
            let key = type.rawValue + ":"
            if caseless[key + form] == nil { caseless[key + form] = draft }
            if written[key + plain] == nil { written[key + plain] = draft }
        }

        /// The draft of the same type where one form, without its case ending, is the other
        /// as written: `газпром` (from `Газпрома`) and the written `газпром` (`Газпром`,
        /// whose own stem `газпр` took `-ом` as an ending).
        func caseTarget(form: String, plain: String, type: EntityType) -> Int? {
            guard type != .person else { return nil }
            let key = type.rawValue + ":"
            return written[key + form] ?? caseless[key + plain]
        }

        /// The draft a named mention joins: one holding the same form; a PERSON whose longer
        /// name contains it (`Putin` joins `Vladimir Putin`); in Russian (`inflected`), a
        /// PERSON of as many words whose surname has the same stem and whose other words'
        /// stems differ by a last letter at most (`Сергея Лаврова`: `серге лавров`, `Сергей
        /// Лавров`: `серг лавров`; names in -ей, -ий lose two letters in the nominative, one
        /// in the other cases); or an ORG whose initials it is, or a LOC whose initials it is when
        /// it is `written` in capitals and not tagged ORG (`US`, which a tagger may call MISC,
        /// joins `United States`; a company `SA` does not join `South Africa`).
        func namedTarget(
            tokens: [String],
            form: String,
            written: String,
            type: EntityType,
            drafts: [Draft],
            inflected: Bool
        ) -> Int? {
            if let known = namedByForm[form] { return known }
            if tokens.allSatisfy({ $0.count > 1 }) {
                for candidate in people where drafts[candidate].words.count > tokens.count {
                    let words = drafts[candidate].words
                    // A short form the tagger did not call a person joins only as the surname
                    // (`Putin`), not as any part (`China` of a mistyped `China Dream`).
                    let joins =
                        type == .person
                        ? MentionGrouper.contains(words, tokens) : words.suffix(tokens.count).elementsEqual(tokens)
                    if joins { return candidate }
                }
            }
            if inflected, type == .person, tokens.count >= 2 {
                for candidate in people where drafts[candidate].words.count == tokens.count {
                    let words = drafts[candidate].words
                    if words.last == tokens.last,
                        zip(words.dropLast(), tokens.dropLast()).allSatisfy(NameForms.sameGivenName)
                    {
                        return candidate
                    }
                }
            }
            if tokens.count == 1, let only = tokens.first, type != .person, !initials.isEmpty {
                let letters = only.contains(".") ? only.filter { $0 != "." } : only  // `u.s.`, `u.n.`
                guard letters.count >= 2 else { return nil }
                for entry in initials where entry.initials == letters {
                    if entry.type == .organization
                        || (type != .organization && !written.contains(where: \.isLowercase))
                    {
                        return entry.draft
                    }
                }
            }
            return nil
        }
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

    /// The mention's text with white space collapsed to single spaces.
    func display(_ mention: EntityMention) -> String {
        let range = mention.range.clamped(to: 0..<text.count)
        if isCollapsed(range) { return text.slice(range) }
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

    /// Whether the text in `range` has no white space but single ASCII spaces between
    /// words, so that ``display(_:)`` is a plain slice.
    private func isCollapsed(_ range: Range<Int>) -> Bool {
        var previousIsSpace = true
        for index in range {
            let value = text.scalars[index].value
            if value == 0x20 {
                if previousIsSpace { return false }
                previousIsSpace = true
            } else if value < 0x21 || (value >= 0x80 && text.scalars[index].properties.isWhitespace) {
                return false
            } else {
                previousIsSpace = false
            }
        }
        return !previousIsSpace || range.isEmpty
    }

    /// Whether a mention's text shows an entity better than the best so far (an earlier
    /// mention wins a tie): one not in all capitals; then the longer. In German and Russian,
    /// the one of more words, and of those the shorter, since case endings lengthen a name
    /// (`Газпром` over `Газпрома`, `Сергей Лавров` over `Сергея Лаврова`, `Deutsche Bank`
    /// over `Deutschen Bank`). Of Russian forms of one length, one ending in `а` or `я`, the
    /// feminine nominative (`Москва` over `Москве`, `Москву`); a masculine `Путина` ties with
    /// `Путину`, neither being the nominative.
    private func isBetterText(
        _ candidate: (isCaps: Bool, words: Int, length: Int, text: String),
        than current: (isCaps: Bool, words: Int, length: Int, member: Int, text: String)
    ) -> Bool {
        if candidate.isCaps != current.isCaps { return current.isCaps }
        guard language == "de" || language == "ru" else { return candidate.length > current.length }
        if candidate.words != current.words { return candidate.words > current.words }
        if candidate.length != current.length { return candidate.length < current.length }
        return language == "ru" && NameForms.endsLikeFeminineNominative(candidate.text)
            && !NameForms.endsLikeFeminineNominative(current.text)
    }

    private func ranked(_ drafts: [Draft], mentions: [EntityMention], shown: [String]) -> [EntityGroup] {
        let length = Double(max(text.count, 1))
        var scored: [(EntityGroup, Double)] = []
        for draft in drafts {
            let members = draft.members.sorted { mentions[$0].start < mentions[$1].start }
            var group = EntityGroup(
                text: "",
                type: draft.type,
                mentions: members.map { mentions[$0] },
                salience: 0,
                value: draft.value,
                unit: draft.unit
            )
            var best: (isCaps: Bool, words: Int, length: Int, member: Int, text: String)?
            for member in members {
                let text = shown[member]
                let length = text.unicodeScalars.count
                let isCaps = length > 3 && !text.unicodeScalars.contains { $0.properties.changesWhenUppercased }
                let words = text.unicodeScalars.count { $0 == " " } + 1
                if let current = best, !isBetterText((isCaps, words, length, text), than: current) { continue }
                best = (isCaps, words, length, member, text)
            }
            if let best {
                group.text = shown[best.member]
                if group.type.isNamed { group.type = mentions[best.member].type }
            }
            var score = 0.0
            for mention in group.mentions {
                let position = Double(mention.start) / length
                if let dateline, dateline.whole.encloses(mention.range) {
                    score += 1 / (1 + 2 * position) / 3
                } else {
                    score += 1 / (1 + 2 * position) + (position < 0.2 ? 1 : 0)
                }
            }
            if !group.type.isNamed { score /= 3 }
            if group.type == .miscellaneous, Demonyms.all(members.map { shown[$0] }) {
                group.isDemonym = true
                score *= Demonyms.salienceWeight
            }
            scored.append((group, score))
        }
        // A demonym ranks below every name: its score stays under the lowest name's.
        let lowestName = scored.filter { $0.0.type.isNamed && !$0.0.isDemonym }.map(\.1).min()
        if let lowestName {
            for index in scored.indices where scored[index].0.isDemonym {
                scored[index].1 = min(scored[index].1, lowestName * 0.9)
            }
        }
        let total = scored.reduce(0) { $0 + $1.1 }
        return scored.map { group, score in
            var group = group
            group.salience = total > 0 ? score / total : 0
            return group
        }
        .sorted { $0.salience != $1.salience ? $0.salience > $1.salience : $0.mentions[0].start < $1.mentions[0].start }
    }
}
