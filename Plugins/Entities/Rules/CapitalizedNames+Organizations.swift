import LectorText

extension CapitalizedNames {
    /// The confidence of an organisation known by name (the names file's `o` lines).
    static let knownOrganizationConfidence = 0.8

    /// The mentions with the organisations the gazetteer knows by name (the names file's `o`
    /// lines: listed companies, international bodies) typed as organisations: a known name
    /// that no mention covers is added, and a mention of exactly its extent is retyped
    /// (`Boeing`, which a tagger trained on old newspapers reads as a person).
    ///
    /// A known name counts only as a whole capitalised run (not `Ford` in `Harrison Ford`),
    /// not where the same words are a known place (`Orange`, `Lyon`: the sense is unknown), not
    /// after a person's title (`M. Ferrari`), and, alone at a sentence's start, only written
    /// with a capital inside (`ASML`, `TotalEnergies`), where a capitalised word may be an
    /// ordinary one (`Total`). A mention that overlaps one partly is left as it is.
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
        let features = tokens.map { TokenFeatures(text.scalars[$0.range]) }
        let placeFlags = places.flags(features)
        let personCues = Self.personCues[language] ?? []
        func isNameWord(_ index: Int) -> Bool {
            tokens[index].kind == .word && (features[index].isCapitalized || features[index].isAllCaps)
        }
        func joined(_ left: Int, _ right: Int) -> Bool {
            tokens[right].start - tokens[left].end == 1 && text.scalars[tokens[left].end] == " "
        }
        var result = mentions
        var added: [EntityMention] = []
        var index = 0
        while index < tokens.count {
            let length = places.organizationLength(features, at: index)
            guard length > 0 else {
                index += 1
                continue
            }
            let first = index
            let last = index + length - 1
            index += length
            if first > 0, isNameWord(first - 1), joined(first - 1, first) { continue }
            if last + 1 < tokens.count, isNameWord(last + 1), joined(last, last + 1) { continue }
            let placeLength = placeFlags[first] == 2 ? 1 + placeFlags[(first + 1)...].prefix { $0 == 1 }.count : 0
            if placeLength == length { continue }
            if first > 0, personCues.contains(tokens[first - 1].text(in: text).lowercased().trimmingDot) { continue }
            let start = tokens[first].start
            let end = tokens[last].end
            if length == 1, openings.contains(start), !Self.hasInnerCapital(text.scalars[tokens[first].range]) {
                continue
            }
            let overlapping = result.indices.filter { result[$0].range.overlaps(start..<end) }
            if overlapping.isEmpty {
                added.append(
                    EntityMention(
                        start: start,
                        end: end,
                        type: .organization,
                        confidence: Self.knownOrganizationConfidence
                    )
                )
            } else if overlapping.count == 1, result[overlapping[0]].start == start, result[overlapping[0]].end == end {
                result[overlapping[0]].type = .organization
                result[overlapping[0]].confidence = max(
                    result[overlapping[0]].confidence,
                    Self.knownOrganizationConfidence
                )
            }
        }
        guard !added.isEmpty else { return result }
        return (result + added).sorted { $0.start < $1.start }
    }

    /// Whether a word has a capital after its first letter (`ASML`, `TotalEnergies`).
    private static func hasInnerCapital(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        word.dropFirst().contains { $0.properties.isUppercase }
    }
}

extension String {
    /// The word without one trailing full stop (`M.` → `m`, once lowercased).
    fileprivate var trimmingDot: String { count > 1 && hasSuffix(".") ? String(dropLast()) : self }
}
