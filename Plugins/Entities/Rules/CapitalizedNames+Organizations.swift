import LectorText

extension CapitalizedNames {
    /// The confidence of an organisation known by name (the names file's `o` lines).
    static let knownOrganizationConfidence = 0.8

    /// Marks after which a capitalised word may be an ordinary one, as at a sentence's
    /// start: an opening quote, a colon, a dash, an opening bracket.
    private static let clauseOpeners: Set<Unicode.Scalar> = ["«", "\"", "“", "‘", "'", ":", "—", "–", "-", "("]

    /// The mentions with the organisations the gazetteer knows by name (the names file's `o`
    /// lines: listed companies, international bodies, national parties, institutions and
    /// clubs) typed as organisations: a known name that no mention covers is added; a
    /// mention of exactly its extent is retyped (`Boeing`, which a tagger trained on old
    /// newspapers reads as a person; `CBS`, which the Dutch one reads as a place); and the
    /// pieces of a longer known name, mentions inside it, give way to it (`Consiglio` of
    /// `Consiglio dei ministri`, the place `France` of `La France insoumise`).
    ///
    /// A known name counts only as a whole capitalised run (not `Ford` in `Harrison Ford`;
    /// a capitalised opening word before it is no part of it: `Selon Airbus`), and not:
    /// where the same words are a known place (`Orange`, `Lyon`: the sense is unknown);
    /// after a person's title (`M. Ferrari`); as one word that is a known given name
    /// (`Patrizia`), the last word of a person named in the text (`Bolloré` after `Vincent
    /// Bolloré`), or, in French, after a place word (`à Vinci`; on the French dev paragraphs
    /// this kept 0.55 F1 higher; in Italian it would miss `a UniCredit`); and, as one word
    /// opening a sentence or a clause (after a quote, colon, dash or bracket), only written
    /// with a capital inside (`ASML`, `TotalEnergies`), where a capitalised word may be an
    /// ordinary one (`Total`). A mention that reaches out of one is left as it is.
    ///
    /// - Parameters:
    ///   - mentions: The mentions found so far, in text order.
    ///   - text: The text.
    ///   - tokens: Its tokens.
    ///   - sentences: Its sentences.
    /// - Returns: The mentions, in text order.
    func withKnownOrganizations(
        _ mentions: [EntityMention],
        in text: ScalarText,
        tokens: [Token],
        sentences: [Sentence]
    ) -> [EntityMention] {
        guard places.count > 0 else { return mentions }
        let tokens = Self.splittingElisions(tokens, in: text)
        let openings = Self.sentenceOpenings(tokens: tokens, sentences: sentences)
        let (features, starts) = Self.candidateFeatures(tokens, in: text)
        let placeFlags = places.flags(features)
        let personCues = Self.personCues[language] ?? []
        let placeCues = Self.placeCues[language] ?? []
        let openers = Self.passOpeners[language] ?? Self.openers
        func cue(_ index: Int) -> String {
            index >= 0 && index < tokens.count ? Self.cueForm(tokens[index].text(in: text)) : ""
        }
        func isName(_ index: Int) -> Bool { Self.isNameWord(index, tokens: tokens, features: features, in: text) }
        func spaced(_ left: Int, _ right: Int) -> Bool { Self.isSpaced(left, right, tokens: tokens, in: text) }
        func opensClause(_ index: Int) -> Bool {
            if openings.contains(tokens[index].start) { return true }
            guard index > 0, tokens[index - 1].kind != .word else { return false }
            return Self.clauseOpeners.contains(text.scalars[tokens[index - 1].start])
        }
        let surnames = Set(
            mentions.filter { $0.type == .person }.compactMap { mention -> String? in
                let name = text.slice(mention.range)
                guard let space = name.lastIndex(of: " ") else { return nil }
                return Self.cueForm(String(name[name.index(after: space)...]))
            }
        )
        /// A mention inside the known name and shorter, or one that adds only an opening
        /// article before it and ends inside it (`Il Consiglio` of `Consiglio dei ministri`).
        func isPiece(_ piece: Range<Int>, of name: Range<Int>, first: Int) -> Bool {
            if name.encloses(piece) { return piece != name }
            return first > 0 && piece.lowerBound == tokens[first - 1].start && piece.upperBound <= name.upperBound
                && openers.contains(cue(first - 1))
        }
        var result = mentions
        var added: [EntityMention] = []
        var index = 0
        while index < tokens.count {
            let length = starts[index] ? places.organizationLength(features, at: index) : 0
            guard length > 0 else {
                index += 1
                continue
            }
            let first = index
            let last = index + length - 1
            index += length
            if first > 0, isName(first - 1), spaced(first - 1, first),
                !(opensClause(first - 1) && openers.contains(cue(first - 1)))
            {
                continue
            }
            if isName(last + 1), spaced(last, last + 1) { continue }
            let placeLength = placeFlags[first] == 2 ? 1 + placeFlags[(first + 1)...].prefix { $0 == 1 }.count : 0
            if placeLength == length || personCues.contains(cue(first - 1)) { continue }
            if length == 1 {
                let word = text.scalars[tokens[first].range]
                if places.isGivenName(features[first]) || surnames.contains(cue(first))
                    || (language == "fr" && placeCues.contains(cue(first - 1)))
                    || (opensClause(first) && !Self.hasInnerCapital(word))
                {
                    continue
                }
            }
            let range = tokens[first].start..<tokens[last].end
            let known = EntityMention(
                start: range.lowerBound,
                end: range.upperBound,
                type: .organization,
                confidence: Self.knownOrganizationConfidence
            )
            let overlapping = result.indices.filter { result[$0].range.overlaps(range) }
            if overlapping.isEmpty {
                added.append(known)
            } else if overlapping.count == 1, result[overlapping[0]].range == range,
                result[overlapping[0]].type != .organization
            {
                result[overlapping[0]].type = .organization
                result[overlapping[0]].confidence = max(
                    result[overlapping[0]].confidence,
                    Self.knownOrganizationConfidence
                )
            } else if length > 1, overlapping.allSatisfy({ isPiece(result[$0].range, of: range, first: first) }) {
                // Pieces of a longer known name (`Consiglio` of `Consiglio dei ministri`,
                // `France` of `La France insoumise`, `Il Consiglio` with the sentence's
                // article): the whole name replaces them.
                for position in overlapping.reversed() { result.remove(at: position) }
                added.append(known)
            }
        }
        guard !added.isEmpty else { return result }
        return (result + added).sorted { $0.start < $1.start }
    }

    /// Where a known name or place could start: at a word starting with a capital or a
    /// digit (`50PLUS`), as no name starts in lowercase; the features reach the gazetteer's
    /// longest phrase from there (``reachableFeatures(_:in:from:)``). Most words of a text are
    /// skipped so (on Dutch news the pass took 3 % of the chain).
    private static func candidateFeatures(
        _ tokens: [Token],
        in text: ScalarText
    ) -> (features: [TokenFeatures], starts: [Bool]) {
        func isStart(_ first: Unicode.Scalar) -> Bool {
            startsWithCapital(first) || (0x30...0x39).contains(first.value)
        }
        let starts = tokens.map { isStart(text.scalars[$0.start]) }
        return (reachableFeatures(tokens, in: text, from: isStart), starts)
    }

    /// Whether a mention is exactly one name the gazetteer knows: a place phrase (hashed as
    /// the tokenizer writes it: `Côte d'Ivoire`), or an organisation of the names file
    /// (hashed with elided articles split off: `L'Oréal`). A mention may start inside a
    /// token, after an elided article (`Afrique du Sud` of `l'Afrique du Sud`).
    ///
    /// - Parameters:
    ///   - mention: The mention.
    ///   - text: Its text.
    ///   - tokens: The text's tokens.
    /// - Returns: Whether its words are one known place or organisation.
    func isKnownName(_ mention: EntityMention, in text: ScalarText, tokens: [Token]) -> Bool {
        var first = tokens.firstIndex(startingAtOrAfter: mention.start)
        if first > 0, tokens[first - 1].end > mention.start { first -= 1 }
        var last = first
        while last < tokens.count, tokens[last].start < mention.end { last += 1 }
        func exactly(_ candidates: [Token]) -> [TokenFeatures]? {
            let inside = candidates.filter { $0.start >= mention.start && $0.end <= mention.end }
            guard let head = inside.first, let tail = inside.last, head.start == mention.start, tail.end == mention.end
            else { return nil }
            return inside.map { TokenFeatures(text.scalars[$0.range]) }
        }
        func isOnePlace(_ features: [TokenFeatures]) -> Bool {
            let flags = places.flags(features)
            return flags[0] == 2 && flags.dropFirst().allSatisfy { $0 == 1 }
        }
        let written = Array(tokens[first..<last])
        if let features = exactly(written), isOnePlace(features) { return true }
        guard let features = exactly(Self.splittingElisions(written, in: text)) else { return false }
        return isOnePlace(features) || places.organizationLength(features, at: 0) == features.count
    }

    /// Whether a word has a capital after its first letter (`ASML`, `TotalEnergies`).
    private static func hasInnerCapital(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        word.dropFirst().contains { $0.properties.isUppercase }
    }
}
