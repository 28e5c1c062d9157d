import LectorText

extension CapitalizedNames {
    /// The confidence of a person whose name has particles (``withParticleNames(_:in:tokens:sentences:)``).
    static let particleNameConfidence = 0.8

    /// Lowercase particles of surnames in the languages with names files (`von der Leyen`,
    /// `van Persie`, `da Silva`, `dos Santos`, `zu Guttenberg`, `de Gaulle`, `Di Maio`).
    static let surnameParticles: Set<String> = particles.union(["das", "do", "dos", "zu", "ten", "'t"])

    /// The most particles in a row (`van de`, `von der`).
    private static let maximumParticles = 2

    /// The mentions with the people whose surname has particles read whole: known given
    /// names, then one or two particles, then a capitalised surname (`Ursula von der
    /// Leyen`, `Robin van Persie`, `Karl-Theodor zu Guttenberg`, `Luigi Di Maio`), or a
    /// person's title, then capitalised particles and the surname (`minister Van Hijum`).
    /// The taggers often read only the surname, or the given name, or a place in it. The
    /// person replaces the mentions inside it; a mention that reaches out of it keeps the
    /// words (`Jan van Eyck Academie`).
    ///
    /// Without a given name or a title, `X van Y` is most often an institution (`Raad van
    /// State`, `Banque de France`), so nothing is signed; nor where a known place starts
    /// just before the given name (`Santa Maria da Feira`), at it (`Santiago de Chile`) or
    /// at the surname (`Vitória de Guimarães`).
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
        guard places.count > 0 else { return mentions }
        let personCues = Self.personCues[language] ?? []
        let openers = Self.passOpeners[language] ?? Self.openers
        let openings = Self.sentenceOpenings(tokens: tokens, sentences: sentences)
        func word(_ index: Int) -> String {
            index >= 0 && index < tokens.count ? tokens[index].text(in: text) : ""
        }
        func isCapitalized(_ index: Int) -> Bool {
            guard index >= 0, index < tokens.count, tokens[index].kind == .word else { return false }
            let first = text.scalars[tokens[index].start]
            return (0x41...0x5A).contains(first.value) || (first.value >= 0x80 && first.properties.isUppercase)
        }
        func spaced(_ left: Int, _ right: Int) -> Bool { Self.isSpaced(left, right, tokens: tokens, in: text) }
        func isGivenName(_ index: Int) -> Bool {
            let whole = word(index)
            let head = whole.split(separator: "-").first.map(String.init) ?? whole
            return [whole, head].contains { places.isGivenName(TokenFeatures(ArraySlice(Array($0.unicodeScalars)))) }
        }
        func isParticle(_ index: Int) -> Bool {
            // Particles are words of two to five letters: most tokens are no string lookup.
            index >= 0 && index < tokens.count && tokens[index].range.count <= 5
                && Self.surnameParticles.contains(Self.cueForm(word(index)))
        }
        func startsKnownPlace(_ index: Int) -> Bool {
            let window = tokens[index..<min(index + Gazetteer.maximumLength, tokens.count)]
            return places.flags(window.map { TokenFeatures(text.scalars[$0.range]) }).first == 2
        }
        var found: [EntityMention] = []
        var index = 1
        while index < tokens.count {
            // One or two particles after a capitalised word (`Robin van Persie`, `Luigi Di
            // Maio`), or capitalised after a person's title (`minister Van Hijum`).
            // Cheap tests first: a capitalised word before or a capitalised particle.
            guard isCapitalized(index - 1) || isCapitalized(index), isParticle(index), spaced(index - 1, index) else {
                index += 1
                continue
            }
            let afterTitle = isCapitalized(index) && personCues.contains(Self.cueForm(word(index - 1)))
            guard afterTitle || isCapitalized(index - 1) else {
                index += 1
                continue
            }
            var surname = index + 1
            while surname - index < Self.maximumParticles, isParticle(surname), !isCapitalized(surname),
                spaced(surname - 1, surname)
            {
                surname += 1
            }
            guard isCapitalized(surname), !isParticle(surname), spaced(surname - 1, surname) else {
                index = surname
                continue
            }
            // The surname: capitalised words one space apart.
            var end = surname
            while isCapitalized(end + 1), spaced(end, end + 1), !isParticle(end + 1) { end += 1 }
            // The given names: known ones, right before the particles (not `Frans Timmermans
            // van GroenLinks`, where `van` says what he is of). A capitalised word before
            // them may be a title or a noun (`Voorzitter`, `EU-Kommissionspräsidentin`), but
            // not the start of a known place (`Santa Maria da Feira`, `São José do Rio Preto`).
            var start = index
            var signed = afterTitle && !openings.contains(tokens[index].start)
            if !afterTitle {
                start = index - 1
                while isCapitalized(start - 1), spaced(start - 1, start), isGivenName(start - 1) { start -= 1 }
                signed =
                    isGivenName(index - 1) && !openers.contains(Self.cueForm(word(start)))
                    && !(isCapitalized(start - 1) && startsKnownPlace(start - 1))
            }
            // `X de <place>` is a place or a body of it (`Santiago de Chile`, `Vitória de
            // Guimarães`), not a person; after a title the particle may be a place's name
            // too (`dhr. Van der Leegte`: `Van`).
            signed = signed && (afterTitle || !startsKnownPlace(start)) && !startsKnownPlace(surname)
            index = end + 1
            let range = tokens[start].start..<tokens[end].end
            guard signed, !mentions.contains(where: { $0.range.overlaps(range) && !range.encloses($0.range) }) else {
                continue
            }
            found.append(
                EntityMention(
                    start: range.lowerBound,
                    end: range.upperBound,
                    type: .person,
                    confidence: Self.particleNameConfidence
                )
            )
        }
        guard !found.isEmpty else { return mentions }
        let kept = mentions.filter { mention in !found.contains { $0.range.encloses(mention.range) } }
        return (kept + found).sorted { $0.start < $1.start }
    }
}

extension Range where Bound == Int {
    /// Whether `other` lies within this range.
    func encloses(_ other: Range<Int>) -> Bool {
        lowerBound <= other.lowerBound && other.upperBound <= upperBound
    }
}
