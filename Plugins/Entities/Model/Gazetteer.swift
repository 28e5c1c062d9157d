import LectorText

/// A set of place names (phrases of up to ``maximumLength`` tokens), kept as hashes of
/// their lowercased tokens, that gives the tagger "this is a known place" features.
package struct Gazetteer: Sendable, Equatable {
    /// The longest phrase looked for, in tokens.
    static let maximumLength = 4

    /// The phrase hashes.
    let phrases: HashSet64
    /// More phrase hashes, looked up after ``phrases`` (``adding(_:)``; empty by default).
    let added: HashSet64

    /// An empty gazetteer (no features fire).
    package static let empty = Gazetteer(phrases: [])

    init(phrases: some Sequence<UInt64>) {
        self.phrases = HashSet64(phrases)
        added = HashSet64([])
    }

    private init(phrases: HashSet64, added: HashSet64) {
        self.phrases = phrases
        self.added = added
    }

    /// This gazetteer with another's phrases added, without copying this one's (a model's
    /// places and a names file's additions: `Models/entities/LANG-names.txt`).
    ///
    /// - Parameter other: A gazetteer built from a few more names.
    /// - Returns: The gazetteer that knows both.
    package func adding(_ other: Gazetteer) -> Gazetteer {
        Gazetteer(phrases: phrases, added: HashSet64(added.elements + other.phrases.elements + other.added.elements))
    }

    /// Whether a token is a known given name, also when a place has the same name (`Anna`).
    ///
    /// - Parameter token: The token's hashes.
    /// - Returns: Whether the given names hold it.
    package func isGivenName(_ token: TokenFeatures) -> Bool {
        knows(Self.givenNameHash(token.lower))
    }

    /// Whether a phrase hash is known.
    @inline(__always)
    private func knows(_ hash: UInt64) -> Bool {
        phrases.contains(hash) || (added.count > 0 && added.contains(hash))
    }

    /// Builds a gazetteer from names, one per line (as in `Tools/entities/gazetteer-loc.txt`),
    /// and given names, one per line (`Tools/entities/given-names.txt`).
    ///
    /// Each name is tokenized with Lector's ``Tokenizer``; names longer than four tokens
    /// are left out, and given names of more than one token. Given names share the phrase
    /// set under their own hash (``givenNameHash(_:)``), so the model file's format stays.
    ///
    /// - Parameters:
    ///   - text: The place names, one per line.
    ///   - givenNames: Given names, one per line (none by default).
    ///   - organizations: Organisations known by name, one per line (none by default); kept
    ///     under their own hash (``organizationHash(_:)``), so they give the tagger no place
    ///     features and are asked for by ``organizationLength(_:at:)`` alone.
    package init(lines text: String, givenNames: String = "", organizations: String = "") {
        var phrases = Set<UInt64>()
        for line in organizations.split(separator: "\n") {
            // Split as the rules split the text they look them up in (`L'Oréal`: `L'` `Oréal`).
            if let hash = Self.phraseHash(String(line), splitElisions: true) {
                phrases.insert(Self.organizationHash(hash))
            }
        }
        for line in givenNames.split(separator: "\n") {
            let scalars = ScalarText(String(line))
            let tokens = Tokenizer.tokenize(scalars)
            guard tokens.count == 1 else { continue }
            phrases.insert(Self.givenNameHash(TokenFeatures(scalars.scalars[tokens[0].range]).lower))
        }
        for line in text.split(separator: "\n") {
            if let hash = Self.phraseHash(String(line)) { phrases.insert(hash) }
        }
        self.init(phrases: phrases)
    }

    /// The hash of a phrase of one to ``maximumLength`` tokens, else `nil`.
    private static func phraseHash(_ phrase: String, splitElisions: Bool = false) -> UInt64? {
        let scalars = ScalarText(phrase)
        var tokens = Tokenizer.tokenize(scalars)
        if splitElisions { tokens = CapitalizedNames.splittingElisions(tokens, in: scalars) }
        guard !tokens.isEmpty, tokens.count <= maximumLength else { return nil }
        var hash = Hashing.seed
        for token in tokens { hash = extend(hash, TokenFeatures(scalars.scalars[token.range]).lower) }
        return hash
    }

    /// Builds a gazetteer from a names file (`Models/entities/<code>-names.txt`, written by
    /// `Tools/entities/build_models.sh`: the language's places beyond
    /// `Tools/entities/gazetteer-loc.txt`, which the models know, and given names):
    /// `p<TAB>NAME` for a place, `g<TAB>NAME` for a given name, `o<TAB>NAME` for an
    /// organisation, `#` comments and blank lines skipped.
    ///
    /// - Parameter bytes: The file's UTF-8 bytes.
    /// - Throws: ``GazetteerError`` at a line of another kind.
    package init(namesFile bytes: [UInt8]) throws {
        var places = ""
        var given = ""
        var organizations = ""
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.isEmpty && !line.hasPrefix("#") {
            if line.hasPrefix("p\t") {
                places += line.dropFirst(2) + "\n"
            } else if line.hasPrefix("g\t") {
                given += line.dropFirst(2) + "\n"
            } else if line.hasPrefix("o\t") {
                organizations += line.dropFirst(2) + "\n"
            } else {
                throw GazetteerError(line: index + 1)
            }
        }
        self.init(lines: places, givenNames: given, organizations: organizations)
    }

    /// The number of phrases.
    package var count: Int { phrases.count + added.count }

    /// The hash a given name is kept under: apart from every place phrase's.
    @inline(__always)
    static func givenNameHash(_ lower: UInt64) -> UInt64 {
        Hashing.mix(193, Hashing.seed, lower)
    }

    /// The hash an organisation's phrase is kept under: apart from every place phrase's.
    @inline(__always)
    static func organizationHash(_ phrase: UInt64) -> UInt64 {
        Hashing.mix(389, phrase, 0)
    }

    /// The number of tokens of the longest known organisation that starts at `index`, or 0.
    ///
    /// - Parameters:
    ///   - tokens: Token hashes (a sentence's or a whole text's), elided articles split off.
    ///   - index: Where the name would start.
    /// - Returns: Its length in tokens, or 0 when none starts there.
    func organizationLength(_ tokens: [TokenFeatures], at index: Int) -> Int {
        guard count > 0, index < tokens.count, tokens[index].isCapitalized || tokens[index].isAllCaps else { return 0 }
        return longestPhrase(tokens, at: index, organizations: true)
    }

    /// The number of tokens of the longest known place that starts at `index`, or 0: the
    /// phrase ``flags(_:)`` marks when the scan reaches `index` with no phrase open.
    ///
    /// - Parameters:
    ///   - tokens: Token hashes.
    ///   - index: Where the name would start.
    /// - Returns: Its length in tokens, or 0 when none starts there.
    func placeLength(_ tokens: [TokenFeatures], at index: Int) -> Int {
        guard count > 0, index < tokens.count, tokens[index].isCapitalized || tokens[index].isAllCaps else { return 0 }
        return longestPhrase(tokens, at: index, organizations: false)
    }

    /// The number of tokens of the longest known phrase (a place's, or an organisation's)
    /// that starts at `index`, or 0.
    @inline(__always)
    private func longestPhrase(_ tokens: [TokenFeatures], at index: Int, organizations: Bool) -> Int {
        var hash = Hashing.seed
        var longest = 0
        for length in 1...min(Self.maximumLength, tokens.count - index) {
            hash = Self.extend(hash, tokens[index + length - 1].lower)
            if knows(organizations ? Self.organizationHash(hash) : hash) { longest = length }
        }
        return longest
    }

    /// Extends a phrase hash by one token's lowercased hash.
    @inline(__always)
    static func extend(_ hash: UInt64, _ lower: UInt64) -> UInt64 {
        Hashing.mix(97, hash, lower)
    }

    /// For each token: 2 when a known phrase starts there, 1 inside one, 3 for a given name
    /// outside any place, 0 otherwise (longest phrase first, left to right). Phrases start
    /// only at capitalised or all-capitals tokens (`Paris`, `USA`): names are written so,
    /// and skipping the lowercase words saves most lookups.
    ///
    /// - Parameter tokens: A sentence's token hashes.
    /// - Returns: One flag per token.
    func flags(_ tokens: [TokenFeatures]) -> [UInt8] {
        var result: [UInt8] = []
        flags(tokens, into: &result)
        return result
    }

    /// Writes the flags of ``flags(_:)`` into a reused buffer.
    ///
    /// - Parameters:
    ///   - tokens: A sentence's token hashes.
    ///   - flags: Cleared and filled with one flag per token.
    func flags(_ tokens: [TokenFeatures], into flags: inout [UInt8]) {
        flags.reset(to: 0, count: tokens.count)
        guard count > 0 else { return }
        var index = 0
        while index < tokens.count {
            guard tokens[index].isCapitalized || tokens[index].isAllCaps else {
                index += 1
                continue
            }
            let longest = longestPhrase(tokens, at: index, organizations: false)
            if longest > 0 {
                flags[index] = 2
                for inside in (index + 1)..<(index + longest) { flags[inside] = 1 }
                index += longest
            } else {
                if knows(Self.givenNameHash(tokens[index].lower)) { flags[index] = 3 }
                index += 1
            }
        }
    }
}

/// A names file's line that is neither a place (`p`) nor a given name (`g`).
package struct GazetteerError: Error, CustomStringConvertible {
    /// The line's number, from 1.
    package let line: Int
    package var description: String { "line \(line): expected p<TAB>NAME, g<TAB>NAME or o<TAB>NAME" }
}
