import LectorText

extension CapitalizedNames {
    /// The confidence of a person whose name has particles (``withParticleNames(_:in:tokens:sentences:)``).
    static let particleNameConfidence = 0.8

    /// The particles that may open a surname, per language (`von der Leyen`, `van Persie`,
    /// `da Silva`, `dos Santos`, `de Gaulle`, `Di Maio`). Not German `der`, `den`, `das` or
    /// `zu`, which follow a given name as often as not (`gab Thomas den Ball ab`, `bleibt
    /// Peter zu Hause`).
    static let firstParticles: [String: Set<String>] = [
        "nl": ["van", "de", "den", "der", "ter", "ten", "von"],
        "de": ["von", "van", "de", "di", "da"],
        "fr": ["de", "du", "des", "d'", "d’", "le", "la", "di", "da", "van", "von"],
        "it": ["di", "de", "da", "del", "della", "dei", "d'", "d’", "van", "von"],
        "es": ["de", "del", "da", "dos", "van", "von"],
        "pt": ["de", "da", "do", "das", "dos", "van", "von"],
    ]

    /// Each language's ``firstParticles`` and ``secondParticles`` together.
    static let anyParticles = firstParticles.mapValues { $0.union(secondParticles) }

    /// The most particles between a surname and the body it belongs to (`van de`).
    private static let maximumParticlesAfterName = 2

    /// The particles that may follow the first (`von der`, `van den`, `de la`, `de los`).
    static let secondParticles: Set<String> = ["der", "den", "de", "la", "le", "las", "los", "des", "du", "do", "da"]

    /// The mentions with the people whose surname has particles read whole: known given
    /// names, one or two particles, and one capitalised surname (`Ursula von der Leyen`,
    /// `Robin van Persie`, `Luigi Di Maio`, `Ana da Silva`), or a person's title, capitalised
    /// particles and the surname (`minister Van der Leegte`). The taggers often read only the
    /// surname, or the given name, or a place in it. The person replaces the mentions
    /// inside it unless one is an organisation; a person, place or organisation of the same
    /// extent (`Mar de Barents`), or a mention that reaches out of it, is left as it is.
    ///
    /// Nothing is signed without a given name right before the particles or a title
    /// (`Raad van State`, `Frans Timmermans van GroenLinks`, `Banque de France`), where a
    /// hyphenated given name has a part that is none (`Heinrich-Böll-Stiftung`), where the
    /// surname starts a known organisation (`Jan van de VVD`), or where a known place of more
    /// than one word starts at or just before the given name (`Santiago de Chile`, `Santa
    /// Maria da Feira`) or both the given name and the surname are places (`Vitória de
    /// Guimarães`).
    ///
    /// - Parameters:
    ///   - mentions: The mentions found so far, in text order.
    ///   - text: The text.
    ///   - tokens: Its tokens.
    ///   - sentences: Its sentences.
    /// - Returns: The mentions, in text order.
    func withParticleNames(
        _ mentions: [EntityMention],
        in text: ScalarText,
        tokens: [Token],
        sentences: [Sentence]
    ) -> [EntityMention] {
        guard places.count > 0, let first = Self.firstParticles[language] else { return mentions }
        let tokens = Self.splittingElisions(tokens, in: text)
        let personCues = Self.personCues[language] ?? []
        let openers = Self.passOpeners[language] ?? Self.openers
        let openings = Self.sentenceOpenings(tokens: tokens, sentences: sentences)
        func word(_ index: Int) -> String {
            index >= 0 && index < tokens.count ? tokens[index].text(in: text) : ""
        }
        func isCapitalized(_ index: Int) -> Bool {
            index >= 0 && index < tokens.count && tokens[index].kind == .word
                && Self.startsWithCapital(text.scalars[tokens[index].start])
        }
        func spaced(_ left: Int, _ right: Int) -> Bool { Self.isSpaced(left, right, tokens: tokens, in: text) }
        func features(_ word: some StringProtocol) -> TokenFeatures {
            TokenFeatures(ArraySlice(Array(word.unicodeScalars)))
        }
        func isGivenName(_ index: Int) -> Bool {
            // Every part of a hyphenated one (`Karl-Theodor`, not `Heinrich-Böll-Stiftung`).
            word(index).split(separator: "-").allSatisfy { places.isGivenName(features($0)) }
        }
        func isParticle(_ index: Int, among particles: Set<String>) -> Bool {
            // Particles are words of at most five letters: most tokens are no string lookup.
            index >= 0 && index < tokens.count && tokens[index].range.count <= 5
                && particles.contains(Self.cueForm(word(index)))
        }
        /// The hashes of the words from `index` up to the gazetteer's longest phrase: the
        /// pass asks about a few candidates only, so it hashes no more than these.
        func window(_ index: Int) -> [TokenFeatures] {
            let words = tokens[index..<min(index + Gazetteer.maximumLength, tokens.count)]
            return words.map { TokenFeatures(text.scalars[$0.range]) }
        }
        func placeLength(_ index: Int) -> Int { places.placeLength(window(index), at: 0) }
        func startsOrganization(_ index: Int) -> Bool { places.organizationLength(window(index), at: 0) > 0 }
        let anyParticle = Self.anyParticles[language] ?? first.union(Self.secondParticles)
        /// The known organisation or place after a surname and its `van de`, ending at `end`.
        func knownNameAfter(_ surname: Int, endingAt end: Int) -> EntityMention? {
            var next = surname + 1
            while next < tokens.count, next - surname <= Self.maximumParticlesAfterName, !isCapitalized(next),
                isParticle(next, among: anyParticle)
            {
                next += 1
            }
            guard next > surname + 1, next < tokens.count else { return nil }
            let hashes = window(next)
            let organization = places.organizationLength(hashes, at: 0)
            let place = places.placeLength(hashes, at: 0)
            let length = max(organization, place)
            guard length > 0, tokens[next + length - 1].end == end else { return nil }
            return EntityMention(
                start: tokens[next].start,
                end: end,
                type: organization >= place ? .organization : .location,
                confidence: Self.particleNameConfidence
            )
        }
        var found: [EntityMention] = []
        var index = 1
        while index < tokens.count {
            // Cheap tests first: a capitalised word before, or a capitalised particle.
            guard isCapitalized(index - 1) || isCapitalized(index), isParticle(index, among: first),
                spaced(index - 1, index)
            else {
                index += 1
                continue
            }
            let particle = index
            let afterTitle = isCapitalized(particle) && personCues.contains(Self.cueForm(word(particle - 1)))
            guard afterTitle || isCapitalized(particle - 1) else {
                index += 1
                continue
            }
            var surname = particle + 1
            if isParticle(surname, among: Self.secondParticles), !isCapitalized(surname), spaced(particle, surname) {
                surname += 1
            }
            index = surname
            guard isCapitalized(surname), !isParticle(surname, among: first), spaced(surname - 1, surname) else {
                continue
            }
            index = surname + 1
            // The given names: known ones, right before the particles (not `Frans Timmermans
            // van GroenLinks`, where `van` says what he is of); or a title before them.
            var start = particle
            var signed = afterTitle && !openings.contains(tokens[particle].start)
            if !afterTitle {
                start = particle - 1
                while isCapitalized(start - 1), spaced(start - 1, start), isGivenName(start - 1) { start -= 1 }
                signed = isGivenName(particle - 1) && !openers.contains(Self.cueForm(word(start)))
                if signed {
                    let startPlace = placeLength(start)
                    signed =
                        startPlace < 2 && !(isCapitalized(start - 1) && placeLength(start - 1) > 1)
                        && !(startPlace > 0 && placeLength(surname) > 0)
                }
            }
            let range = tokens[start].start..<tokens[surname].end
            // A mention that runs on past the surname through `van de` into a known name
            // (`Leyen van de Europese Commissie`, which the Dutch rules read as one body;
            // `Mathieu van der Poel van Alpecin-Deceuninck`) is that known name, after the
            // person.
            guard signed, !startsOrganization(surname) else { continue }
            let cut = mentions.first { range.contains($0.start) && $0.end > range.upperBound }.flatMap {
                knownNameAfter(surname, endingAt: $0.end)
            }
            // Refused over a mention reaching out of the span (unless cut so), an organisation
            // inside it, or a person, place or organisation of exactly its extent.
            func blocks(_ mention: EntityMention) -> Bool {
                guard mention.range.overlaps(range) else { return false }
                guard range.encloses(mention.range) else { return cut == nil }
                return mention.type == .organization || (mention.range == range && mention.type != .miscellaneous)
            }
            guard !mentions.contains(where: blocks) else { continue }
            found.append(
                EntityMention(
                    start: range.lowerBound,
                    end: range.upperBound,
                    type: .person,
                    confidence: Self.particleNameConfidence
                )
            )
            if let cut { found.append(cut) }
        }
        guard !found.isEmpty else { return mentions }
        // The mentions inside a new name, and the one a person's body was cut from.
        let kept = mentions.filter { mention in
            !found.contains { name in
                name.range.encloses(mention.range) || name.type == .person && name.range.contains(mention.start)
            }
        }
        return (kept + found).sorted { $0.start < $1.start }
    }

    /// Whether a word's first scalar is a capital (ASCII without asking Unicode properties).
    static func startsWithCapital(_ scalar: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(scalar.value) || (scalar.value >= 0x80 && scalar.properties.isUppercase)
    }
}
