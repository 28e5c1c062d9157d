import LectorText

/// Names found by capitalisation and context, for languages with no trained model and no
/// openly licensed news data to train one (French, Italian, Dutch): runs of capitalised
/// words (with inner particles such as `de`, `di`, `van`), typed by what stands in or
/// around them — a title or role before a person (`M.`, `Mme`, `ministre`, `sig.`, `dhr.`),
/// an organisation word or legal suffix (`Banque`, `Ministero`, `SpA`, `N.V.`), a known
/// place (the models' gazetteer) or a place preposition (`à`, `in`, `naar`) — and two or
/// three capitalised words with no other sign taken as a person's name.
///
/// A single capitalised word opening a sentence is never a name unless it is a known place,
/// an acronym or a nationality (``Demonyms``: MISC, `Duitse`, `Français`); a single word
/// elsewhere needs a sign. Mentions have confidence 0.8 with a sign and 0.65 without (kept
/// at the default `min_confidence` of 0.6); nationalities have 1. A known given name first
/// (the gazetteer's, when the model was trained with them) is a sign (`Olaf Scholz`).
package struct CapitalizedNames: Sendable {
    let language: String
    let places: Gazetteer

    /// The languages it serves.
    package static let languages: Set<String> = ["fr", "it", "nl"]

    /// The languages whose names files (`entities/<code>-names.txt`) serve the passes after
    /// the models and rules (``withKnownOrganizations(_:in:tokens:sentences:)``,
    /// ``withParticleNames(_:in:tokens:sentences:)``): those it serves, and Spanish,
    /// Portuguese and German, which have models and no other rules.
    package static let organizationLanguages: Set<String> = languages.union(["es", "pt", "de"])

    /// Whether a mention's first word is not part of the name: one of ``leadingWords``
    /// opening the sentence (and no known given name: `Per Mertesacker`), or a lowercase
    /// company noun anywhere (``companyNouns``: `société` in `société TotalEnergies`).
    ///
    /// - Parameters:
    ///   - word: The word as written.
    ///   - opensSentence: Whether it is its sentence's first word.
    ///   - isGivenName: Whether the model's gazetteer knows it as a given name (asked only
    ///     for an opener that opens its sentence).
    /// - Returns: Whether to cut it.
    static func isLeadingWord(_ word: String, opensSentence: Bool, isGivenName: @autoclosure () -> Bool) -> Bool {
        let lower = word.lowercased()
        guard let first = word.unicodeScalars.first else { return false }
        if first.properties.isLowercase { return companyNouns.contains(lower) }
        return opensSentence && leadingWords.contains(lower) && !isGivenName()
    }

    /// Mentions with a capitalised function word that opens their sentence cut off
    /// (`Selon Macron` → `Macron`, `Volgens Rutte` → `Rutte`), or a lowercase company noun
    /// before the name (`société TotalEnergies` → `TotalEnergies`), as a tagger trained on
    /// historical newspapers sometimes joins them to the name after them. Inside a sentence a
    /// capitalised first word is the name's (`avec Elle Fanning`). Other mentions stay.
    ///
    /// - Parameters:
    ///   - mentions: Named mentions.
    ///   - text: Their text.
    ///   - tokens: Its tokens.
    ///   - openings: Where its sentences' first words start (``sentenceOpenings(tokens:sentences:)``).
    ///   - places: The model's gazetteer (for its given names).
    /// - Returns: The mentions, each starting at a word of its name.
    static func withoutLeadingWord(
        _ mentions: [EntityMention],
        in text: ScalarText,
        tokens: [Token],
        openings: Set<Int>,
        places: Gazetteer
    ) -> [EntityMention] {
        mentions.map { mention in
            let first = tokens.firstIndex(startingAtOrAfter: mention.start)
            guard first < tokens.count, tokens[first].start == mention.start,
                isLeadingWord(
                    tokens[first].text(in: text),
                    opensSentence: openings.contains(mention.start),
                    isGivenName: places.flags([TokenFeatures(text.scalars[tokens[first].range])]).first == 3
                ),
                let next = tokens[(first + 1)...].first(where: { $0.kind == .word }), next.end <= mention.end,
                text.scalars[next.start].properties.isUppercase
            else { return mention }
            var trimmed = mention
            trimmed.start = next.start
            return trimmed
        }
    }

    /// The offset of each sentence's first word.
    ///
    /// - Parameters:
    ///   - tokens: A text's tokens.
    ///   - sentences: Its sentences.
    /// - Returns: The start offsets.
    static func sentenceOpenings(tokens: [Token], sentences: [Sentence]) -> Set<Int> {
        var openings = Set<Int>()
        var tokenIndex = 0
        for sentence in sentences {
            while tokenIndex < tokens.count, tokens[tokenIndex].start < sentence.start { tokenIndex += 1 }
            var first = tokenIndex
            while first < tokens.count, tokens[first].start < sentence.end, tokens[first].kind != .word { first += 1 }
            if first < tokens.count, tokens[first].start < sentence.end { openings.insert(tokens[first].start) }
        }
        return openings
    }

    /// Named mentions in a text.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - tokens: Its tokens.
    ///   - sentences: Its sentences.
    /// - Returns: PERSON, ORG, LOC and MISC mentions, in text order.
    func mentions(in text: ScalarText, tokens: [Token], sentences: [Sentence]) -> [EntityMention] {
        var mentions: [EntityMention] = []
        var acronyms: Set<Int> = []
        var tokenIndex = 0
        for sentence in sentences {
            while tokenIndex < tokens.count, tokens[tokenIndex].start < sentence.start { tokenIndex += 1 }
            var last = tokenIndex
            while last < tokens.count, tokens[last].start < sentence.end { last += 1 }
            mentions += sentenceMentions(
                text,
                Self.splittingElisions(Array(tokens[tokenIndex..<last]), in: text),
                acronyms: &acronyms
            )
            tokenIndex = last
        }
        return Self.withoutSurnamesAsAcronyms(mentions, acronyms: acronyms, in: text)
    }

    private func sentenceMentions(_ text: ScalarText, _ tokens: [Token], acronyms: inout Set<Int>) -> [EntityMention] {
        let features = Self.reachableFeatures(tokens, in: text, from: Self.mayBeCapitalized)
        let placeFlags = places.flags(features)
        let cueTable = Self.cueTables[language] ?? Self.cueTable(for: language)
        func word(_ index: Int) -> String { tokens[index].text(in: text) }
        // Each token's cue form is made once: the rules ask the same few words again and
        // again (the words of a run and the one before it).
        var cueForms = [String?](repeating: nil, count: tokens.count)
        func lower(_ index: Int) -> String {
            guard index >= 0, index < tokens.count else { return "" }
            if let form = cueForms[index] { return form }
            let form = Self.cueForm(word(index))
            cueForms[index] = form
            return form
        }
        var cueKinds = [CueKinds?](repeating: nil, count: tokens.count)
        func cue(_ index: Int) -> CueKinds {
            guard index >= 0, index < tokens.count else { return [] }
            if let kinds = cueKinds[index] { return kinds }
            let kinds = cueTable[lower(index)] ?? []
            cueKinds[index] = kinds
            return kinds
        }
        func isName(_ index: Int) -> Bool { Self.isNameWord(index, tokens: tokens, features: features, in: text) }
        func isParticle(_ index: Int) -> Bool {
            index < tokens.count && tokens[index].range.count <= Self.particleLength && !features[index].isCapitalized
                && cue(index).contains(.particle)
        }
        func spaced(_ left: Int, _ right: Int) -> Bool { Self.isSpaced(left, right, tokens: tokens, in: text) }
        let firstWord = tokens.firstIndex { $0.kind == .word } ?? 0
        var mentions: [EntityMention] = []
        var index = 0
        while index < tokens.count {
            guard isName(index) else {
                index += 1
                continue
            }
            // The run: capitalised words one space apart, with one or two inner particles
            // (`de`, `van der`).
            var end = index + 1
            while end < tokens.count {
                if isName(end), spaced(end - 1, end) {
                    end += 1
                    continue
                }
                // An article alone between two capitalised words starts another name (`Oggi la
                // Banca d'Italia`, `Secondo la Cgil`); after `de` it is the name's (`de la`).
                guard isParticle(end), spaced(end - 1, end), lower(end) != "la", lower(end) != "le" else { break }
                let name = isParticle(end + 1) && spaced(end, end + 1) ? end + 2 : end + 1
                guard isName(name), spaced(name - 1, name) else { break }
                // `Eelco Heinen van Financiën`: after a whole name (two names, no institution;
                // a leading title or article is no name), `van` says what the person is
                // minister or mayor of.
                if cue(end).contains(.ofParticle),
                    (index..<end).count(where: { isName($0) && cue($0).isDisjoint(with: [.person, .opener]) }) >= 2,
                    !(index..<end).contains(where: { cue($0).contains(.organization) })
                {
                    break
                }
                end = name + 1
            }
            // `Commissione europea`, `Assemblée nationale`: an institution's name goes on in
            // lowercase adjectives (up to two).
            if (index..<end).contains(where: { cue($0).contains(.organization) }) {
                var added = 0
                while added < 2, end < tokens.count, tokens[end].kind == .word, !features[end].isCapitalized,
                    spaced(end - 1, end), Self.isAdjective(lower(end), language: language)
                {
                    end += 1
                    added += 1
                }
            }
            // `presidente della Regione Siciliana Renato Schifani`, `segretaria del Pd Elly
            // Schlein`: a known given name and one or two words after it end the run. What
            // stands before them is typed on this turn as a name of its own (by a sign only,
            // never as a bare person; left out without one), the person on the next turn.
            var isCutHead = false
            let isGiven = { (index: Int) in isName(index) && self.places.isGivenName(features[index]) }
            if var given = givenNameTail(index..<end, isName: isName, cue: cue, isGiven: isGiven) {
                while given > index + 1, isParticle(given - 1) { given -= 1 }
                end = given
                isCutHead = true
            }
            defer { index = end }
            // A sentence's opening function word and leading titles are not part of the name.
            var start = index
            var titled = cue(start - 1).contains(.person)
            // An article or pronoun leads a run at a sentence's start, after a dateline
            // (`AMSTERDAM (ANP) - De Duitse …`) or as a people's name (`Les Français`);
            // it stays only in an organisation's name (`De Nederlandsche Bank`).
            let institution = (index..<end).contains { cue($0).contains(.organization) }
            while start < end,
                (cue(start).contains(.opener) && (start == firstWord || !institution)) || cue(start).contains(.person)
            {
                titled = titled || cue(start).contains(.person)
                start += 1
            }
            // `Selon la Banque de France`: the particle after an opener is not the name either;
            // after a title it says what the title is of (`Presidente dell'Ucraina`).
            while start < end, !isName(start) {
                if isParticle(start) { titled = false }
                start += 1
            }
            // `presidente del Consiglio Giorgia Meloni`: a title that ends in an institution.
            if start + 2 < end, lower(start - 1) == "del" || lower(start - 1) == "de" || lower(start - 1) == "van",
                cue(start - 2).contains(.person), cue(start).contains(.organization)
            {
                start += 1
                titled = true
            }
            guard start < end, isName(start) else { continue }
            let run = start..<end
            let runCues = run.reduce(into: CueKinds()) { $0.formUnion(cue($1)) }
            // The run as it stood before its title was cut (`avenue du Général Leclerc`).
            if let street = streetStart(before: index, word: word, isParticle: isParticle, spaced: spaced),
                !runCues.contains(.organization),
                !(run.count == 1 && cue(start).contains(.demonym)),
                // `la place de la France en Europe`: a country's place, not a square.
                !(word(street) == "place" && placeFlags[start] == 2)
            {
                // `piazza del Plebiscito`, `rue de la Loi`, `via Caracciolo`: a street or a
                // square, named with its lowercase noun.
                let range = tokens[street].start..<tokens[end - 1].end
                mentions.append(
                    EntityMention(start: range.lowerBound, end: range.upperBound, type: .location, confidence: 0.8)
                )
                continue
            }
            let opensSentence = start == firstWord
            // A known place, unless only its first word is one and that word is a given name
            // (`Anna Maria Bernini`: `Anna` is a town too).
            let knownPlace =
                placeFlags[start] == 2
                && !(run.count >= 2 && placeFlags[start + 1] != 1 && isGiven(start))
            let acronym = run.count == 1 && features[start].isAllCaps && word(start).count <= 6
            // `l'Istat`, `la Cgil`: Italian writes acronyms with one capital.
            let titleCaseAcronym =
                run.count == 1 && !opensSentence && placeFlags[start] == 0 && !titled
                && Self.isTitleCaseAcronym(word(start), language: language)
            var type: EntityType
            var confidence = 0.8
            if run.count == 1, cue(start).contains(.demonym) {
                // `Duitse`, `Français`, `Italiani`: MISC, marked a demonym when grouped.
                mentions.append(
                    EntityMention(start: tokens[start].start, end: tokens[start].end, type: .miscellaneous)
                )
                continue
            }
            if runCues.contains(.organization) || cue(start - 1).contains(.organizationCue)
                || cue(end - 1).contains(.legalSuffix) || (acronym && !knownPlace)
            {
                type = .organization
            } else if titleCaseAcronym {
                type = .organization
                confidence = 0.65
                acronyms.insert(tokens[start].start)
            } else if titled {
                type = .person
            } else if (2...3).contains(run.count), isGiven(start), !knownPlace, !isCutHead,
                !run.contains(where: isParticle), !cue(start).contains(.venue), !cue(start - 1).contains(.venue)
            {
                // `da Pasquale Stanzione`, `a Sam Altman`: a known given name says person
                // before a place preposition says place.
                type = .person
            } else if knownPlace || (run.count <= 3 && cue(start - 1).contains(.place)) {
                type = .location
            } else if run.count >= 2,
                cue(start).contains(.venue) || cue(end - 1).contains(.venueEnd)
            {
                // `Policlinico Umberto Primo`, `Palazzo Chigi`, `Rod Laver Arena`.
                type = .location
            } else if (2...3).contains(run.count), !isCutHead, !cue(end - 1).contains(.eventEnd),
                isGiven(start) || !run.contains(where: isParticle)
            {
                // Two or three bare capitalised words: a person, surer when the first is a
                // known given name (`Olaf Scholz`; the model's given names, when it has them).
                type = .person
                confidence = placeFlags[start] == 3 && !cue(start - 1).contains(.venue) ? 0.8 : 0.65
            } else {
                continue
            }
            // A lone capitalised word opening a sentence is an ordinary word unless something says otherwise.
            if opensSentence, run.count == 1, !knownPlace, !acronym, !titled { continue }
            mentions.append(
                EntityMention(start: tokens[start].start, end: tokens[end - 1].end, type: type, confidence: confidence)
            )
        }
        return mentions
    }

    /// Where a street's or square's lowercase noun stands before a name that starts at
    /// `start`, with up to two particles between (`piazza del`, `rue de la`), or `nil`.
    ///
    /// The noun must be written in lowercase, and the idioms that use the same nouns are no
    /// streets: `à la place de` (instead of), `cours`, `corso` and `largo` with a particle
    /// (`le cours du Brent`, `nel corso del Festival`, `al largo di Lampedusa`: those streets
    /// take their name directly, `cours Mirabeau`, `corso Buenos Aires`), and `da` after a
    /// noun (`via da Kiev`: away from).
    private func streetStart(
        before start: Int,
        word: (Int) -> String,
        isParticle: (Int) -> Bool,
        spaced: (Int, Int) -> Bool
    ) -> Int? {
        guard let nouns = Self.streetNouns[language] else { return nil }
        var index = start - 1
        var particles = 0
        while index >= 0, particles < 2, isParticle(index), word(index) != "da", spaced(index, index + 1) {
            index -= 1
            particles += 1
        }
        guard index >= 0 else { return nil }
        let noun = word(index)
        guard nouns.contains(noun), spaced(index, index + 1) else { return nil }
        if particles > 0, Self.directStreetNouns.contains(noun) { return nil }
        if noun == "place", index >= 2, word(index - 1).lowercased() == "la", word(index - 2).lowercased() == "à" {
            return nil
        }
        return index
    }

    /// A word as the cue lists hold it: lowercased, without one trailing full stop (`M.`
    /// → `m`).
    ///
    /// - Parameter word: The word as written.
    /// - Returns: Its cue form.
    static func cueForm(_ word: String) -> String {
        var word = word.lowercased()
        if word.count > 1, word.hasSuffix(".") { word.removeLast() }
        return word
    }

    /// Whether a token is a capitalised or all-capitals word that can be part of a name;
    /// never an elided article split from the word after it (`L'`).
    ///
    /// - Parameters:
    ///   - index: The token's index (out of range: `false`).
    ///   - tokens: The tokens.
    ///   - features: Their hashes.
    ///   - text: Their text.
    /// - Returns: Whether it is a name's word.
    static func isNameWord(_ index: Int, tokens: [Token], features: [TokenFeatures], in text: ScalarText) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .word
            && (features[index].isCapitalized || features[index].isAllCaps)
            && !isApostrophe(text.scalars[tokens[index].end - 1])
    }

    /// Whether two tokens are one space apart, or an elided particle is written onto the
    /// word after it (`d'` `Italia`): words of one name.
    ///
    /// - Parameters:
    ///   - left: The first token's index.
    ///   - right: The next token's index.
    ///   - tokens: The tokens.
    ///   - text: Their text.
    /// - Returns: Whether they are joined so.
    static func isSpaced(_ left: Int, _ right: Int, tokens: [Token], in text: ScalarText) -> Bool {
        let gap = tokens[right].start - tokens[left].end
        if gap == 0 { return isApostrophe(text.scalars[tokens[left].end - 1]) }
        return gap == 1 && text.scalars[tokens[left].end] == " "
    }

    /// Where a run ends in a person's name after other capitalised words: the index of a
    /// known given name (not itself after one) followed by one or two capitalised words
    /// that end the run, when what stands before it is more than a lone organisation or
    /// venue word (`Università Luigi Bocconi`, `stadio Diego Armando Maradona` stay whole).
    ///
    /// - Parameters:
    ///   - run: The run's token indices.
    ///   - isName: Whether a token is a capitalised word.
    ///   - cue: The cue lists a token is on.
    ///   - isGiven: Whether a token is a known given name (a place of that name too: `Anna`).
    /// - Returns: The index the person's name starts at, or `nil`.
    private func givenNameTail(
        _ run: Range<Int>,
        isName: (Int) -> Bool,
        cue: (Int) -> CueKinds,
        isGiven: (Int) -> Bool
    ) -> Int? {
        guard run.count >= 3 else { return nil }
        // After an article's contraction (`degli Esteri`, `della Regione`) the run opens with
        // what a title is of, never a given name (`Esteri` is one in some country's list).
        let ofInstitution = cue(run.lowerBound - 1).contains(.contracted)
        for given in max(run.lowerBound + 1, run.upperBound - 3)...(run.upperBound - 2)
        where isGiven(given) && (!isGiven(given - 1) || ofInstitution)
            && !cue(given - 1).contains(.saint) && (given + 1..<run.upperBound).allSatisfy(isName)
        {
            let head = (run.lowerBound..<given).filter { !cue($0).contains(.particle) }
            guard head.count == 1 else { return given }
            return cue(head[0]).isDisjoint(with: [.organization, .venue]) ? given : nil
        }
        return nil
    }

    /// Mentions with a leading elided article cut off, as a tagger trained on tokens that
    /// keep it writes them: a lowercase `l'` (`l'Élysée`); a lowercase `d'` (`d'Orsay`,
    /// `d'Emmanuel Macron`) except in a one-word person's name, where it is part of the
    /// surname (`d'Artagnan`); and a capital `L'` opening a sentence only when the document
    /// names the rest on its own too (`L'Élysée a confirmé … à l'Élysée`), since it otherwise
    /// belongs to the name (`L'Oréal`; inside a sentence a capital `L'` is always the name's:
    /// `selon L'Express`). Other mentions stay as they are.
    ///
    /// - Parameters:
    ///   - mentions: Named mentions.
    ///   - text: Their text.
    ///   - openings: Where its sentences' first words start (``sentenceOpenings(tokens:sentences:)``;
    ///     a mention opens a sentence when it starts there).
    /// - Returns: The mentions, each starting at its capitalised word.
    static func withoutElidedArticle(
        _ mentions: [EntityMention],
        in text: ScalarText,
        openings: Set<Int>
    )
        -> [EntityMention]
    {
        let scalars = text.scalars
        // The offset of the capital after `X'` at the start of a mention, when there is one.
        func nameStart(_ mention: EntityMention, article: Set<Unicode.Scalar>) -> Int? {
            let mark = mention.start + 1
            guard mark + 1 < mention.end, article.contains(scalars[mention.start]),
                Self.isApostrophe(scalars[mark]), scalars[mark + 1].properties.isUppercase
            else { return nil }
            return mark + 1
        }
        let lowered = mentions.map { mention -> EntityMention in
            guard let start = nameStart(mention, article: ["l", "d"]) else { return mention }
            let oneWord = !scalars[start..<mention.end].contains { $0.properties.isWhitespace }
            if scalars[mention.start] == "d", mention.type == .person, oneWord { return mention }
            var trimmed = mention
            trimmed.start = start
            return trimmed
        }
        let capital: Set<Unicode.Scalar> = ["L"]
        let bare = Set(lowered.filter { nameStart($0, article: capital) == nil }.map { text.slice($0.range) })
        return lowered.map { mention in
            guard let start = nameStart(mention, article: capital), openings.contains(mention.start),
                bare.contains(text.slice(start..<mention.end))
            else {
                return mention
            }
            var trimmed = mention
            trimmed.start = start
            return trimmed
        }
    }
}
