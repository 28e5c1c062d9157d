extension CapitalizedNames {
    /// The cue lists a word's cue form (``cueForm(_:)``) is on, as bits: the rules ask each
    /// word of a run and the words around it about several lists, and one table lookup per
    /// word answers them all.
    struct CueKinds: OptionSet {
        let rawValue: UInt16

        /// ``personCues`` of the language (`ministre`, `sig`, `dhr`).
        static let person = CueKinds(rawValue: 1 << 0)
        /// ``placeCues`` of the language (`à`, `in`, `naar`).
        static let place = CueKinds(rawValue: 1 << 1)
        /// ``particles`` (`de`, `van`, `di`).
        static let particle = CueKinds(rawValue: 1 << 2)
        /// ``ofParticles`` (`van`, `von`).
        static let ofParticle = CueKinds(rawValue: 1 << 3)
        /// ``openers`` (articles and pronouns that may lead a run).
        static let opener = CueKinds(rawValue: 1 << 4)
        /// ``organizationWords`` (`Banque`, `Ministero`).
        static let organization = CueKinds(rawValue: 1 << 5)
        /// ``organizationCues`` (words before an organisation).
        static let organizationCue = CueKinds(rawValue: 1 << 6)
        /// ``legalSuffixes`` (`SpA`, `N.V.`).
        static let legalSuffix = CueKinds(rawValue: 1 << 7)
        /// ``venueNouns`` (`Palazzo`, `stadio`).
        static let venue = CueKinds(rawValue: 1 << 8)
        /// ``venueEnds`` (`Arena`).
        static let venueEnd = CueKinds(rawValue: 1 << 9)
        /// ``eventEnds``.
        static let eventEnd = CueKinds(rawValue: 1 << 10)
        /// ``Demonyms/words`` (`Duitse`, `Français`).
        static let demonym = CueKinds(rawValue: 1 << 11)
        /// ``contractedArticles`` (`della`, `degli`).
        static let contracted = CueKinds(rawValue: 1 << 12)
        /// ``saints`` (`San`, `Saint`).
        static let saint = CueKinds(rawValue: 1 << 13)
    }

    /// The cue forms of the lists, each with the lists it is on, for a language.
    ///
    /// - Parameter language: The language (its person and place cues).
    /// - Returns: The table.
    static func cueTable(for language: String) -> [String: CueKinds] {
        let lists: [(Set<String>, CueKinds)] = [
            (personCues[language] ?? [], .person), (placeCues[language] ?? [], .place), (particles, .particle),
            (ofParticles, .ofParticle), (openers, .opener), (organizationWords, .organization),
            (organizationCues, .organizationCue), (legalSuffixes, .legalSuffix), (venueNouns, .venue),
            (venueEnds, .venueEnd), (eventEnds, .eventEnd), (Demonyms.words, .demonym),
            (contractedArticles, .contracted), (saints, .saint),
        ]
        var table: [String: CueKinds] = [:]
        for (words, kind) in lists {
            for word in words { table[word, default: []].insert(kind) }
        }
        return table
    }

    /// ``cueTable(for:)`` of each language the rules serve, made once.
    static let cueTables: [String: [String: CueKinds]] = Dictionary(
        uniqueKeysWithValues: languages.map { ($0, cueTable(for: $0)) }
    )
}
