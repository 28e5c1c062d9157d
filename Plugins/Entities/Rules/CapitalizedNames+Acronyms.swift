import LectorText

extension CapitalizedNames {
    /// Elided articles and prepositions written onto the next word (`l'Istat`, `dell'Eni`,
    /// `d'Italia`, `L'Aquila`), lowercased, without the apostrophe.
    package static let elisions: Set<String> = [
        "l", "d", "dell", "all", "dall", "nell", "sull", "coll", "un", "quell", "qu", "jusqu", "lorsqu", "puisqu",
    ]

    /// The most scalars of an elided word before its apostrophe (`lorsqu`): an apostrophe
    /// further into a token ends no elision, so the search stops there.
    static let elisionLength = elisions.map(\.unicodeScalars.count).max() ?? 0

    /// Whether a scalar is an apostrophe (straight or typographic).
    package static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "’" }

    /// The tokens with each elided article split from the word it is written onto (`l'Istat`
    /// → `l'` `Istat`, `L'amministratore` → `L'` `amministratore`), so that a name is a word
    /// of its own, as it is after a space, and a capital `L'` makes no name; other tokens as
    /// they are.
    ///
    /// - Parameters:
    ///   - tokens: A sentence's tokens.
    ///   - text: Their text.
    /// - Returns: The tokens.
    static func splittingElisions(_ tokens: [Token], in text: ScalarText) -> [Token] {
        // Offsets into the text's scalars, not slices of them: a slice per token retains
        // and releases the array, which took most of this pass's time.
        let scalars = text.scalars
        var result: [Token] = []
        result.reserveCapacity(tokens.count)
        for token in tokens {
            let reach = token.start..<min(token.end, token.start + elisionLength + 1)
            guard token.kind == .word, let mark = reach.first(where: { isApostrophe(scalars[$0]) }),
                mark > token.start, mark + 1 < token.end, scalars[mark + 1].properties.isAlphabetic,
                elisions.contains(text.slice(token.start..<mark).lowercased())
            else {
                result.append(token)
                continue
            }
            result.append(Token(start: token.start, end: mark + 1, kind: .word))
            result.append(Token(start: mark + 1, end: token.end, kind: .word))
        }
        return result
    }

    /// Title-case acronyms that are common nouns, not organisations (`Pil`, `Iva`, `Pnrr`),
    /// and short capitalised words that are no names (`Sud`, `Papa`, `Sul` opening a quote).
    static let commonTitleCaseWords: [String: Set<String>] = [
        "it": CommonAcronyms.nouns["it", default: []].union(italianShortWords)
    ]

    /// Short Italian words written with a capital that are no organisation: function words
    /// (opening a quote), points of the compass, abbreviations (`Pm`, `Gip`), and short names
    /// of other kinds (`Etna`, `Po`, `Usa`, `Giro`).
    private static let italianShortWords: Set<String> = [
        "sud", "nord", "est", "papa", "re", "dio", "capo", "alto", "san", "don", "via", "ok", "tv", "web", "covid",
        "euro", "sul", "sui", "nel", "nei", "per", "con", "non", "chi", "che", "dove", "come", "dal", "dai", "alla",
        "alle", "agli", "al", "ai", "ma", "se", "già", "mai", "poi", "ora", "qui", "là", "noi", "voi", "lei", "lui",
        "loro", "io", "tu", "ci", "vi", "ne", "sì", "no", "più", "anche", "ogni", "tutti", "tutto", "dopo", "oggi",
        "ieri", "pm", "gip", "gup", "ceo", "cfo", "spid", "cie", "dna", "rna", "suv", "sms", "usb", "pc", "dj", "vip",
        "ko", "ufo", "oro", "viva", "giro", "tour", "dune", "xi", "po", "alpi", "etna", "usa", "urss", "gol", "var",
    ]

    /// Whether a word mid-sentence reads as an organisation's acronym written with one
    /// capital, as Italian writes them (`Istat`, `Inps`, `Cgil`, `Eni`, `Onu`): two to four
    /// letters, a capital and then lowercase letters, and not a common noun or function word.
    ///
    /// - Parameters:
    ///   - word: The word as written.
    ///   - language: The text's language (only Italian writes acronyms so).
    /// - Returns: Whether it is taken for an organisation's acronym.
    static func isTitleCaseAcronym(_ word: String, language: String) -> Bool {
        guard let common = commonTitleCaseWords[language], (2...4).contains(word.count),
            let first = word.unicodeScalars.first, first.properties.isUppercase,
            word.unicodeScalars.dropFirst().allSatisfy({ $0.properties.isLowercase })
        else { return false }
        return !common.contains(word.lowercased())
    }

    /// The mentions without the title-case acronyms (``isTitleCaseAcronym(_:language:)``)
    /// that are a person's surname elsewhere in the text (`Conte` after `Giuseppe Conte`):
    /// those are the person again, which ``NameRepeats`` then finds.
    ///
    /// - Parameters:
    ///   - mentions: The mentions.
    ///   - acronyms: The start offsets of the mentions taken for acronyms.
    ///   - text: Their text.
    /// - Returns: The mentions, in the same order.
    static func withoutSurnamesAsAcronyms(
        _ mentions: [EntityMention],
        acronyms: Set<Int>,
        in text: ScalarText
    ) -> [EntityMention] {
        guard !acronyms.isEmpty else { return mentions }
        let surnames = Set(
            mentions.filter { $0.type == .person }.compactMap {
                text.slice($0.range).split(separator: " ").last.map { $0.lowercased() }
            }
        )
        return mentions.filter {
            !(acronyms.contains($0.start) && surnames.contains(text.slice($0.range).lowercased()))
        }
    }
}
