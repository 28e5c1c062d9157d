package import LectorCore
package import LectorText

/// The `entities` step: finds people, organisations, places and other names with a trained
/// tagger, and dates, money, percentages and quantities by rule, and groups the mentions of
/// each entity.
///
/// Writes `annotations["entities"]`: an array of entities, most salient first, each
/// `{"text", "type", "count", "salience", "confidence", "value"?, "currency"?, "unit"?,
/// "mentions": [{"start", "end", "text"}]}` (see ``EntityGroup``). Offsets count Unicode
/// scalars into the text, half-open. Dates without a year are resolved against
/// `metadata.date` when an earlier step set it (see ``ValueRecognizer``).
///
/// Italian, which has no model, gets names from ``CapitalizedNames`` (capitalisation and
/// context rules) and the English model's place list. French and Dutch have models trained
/// on historical newspapers (Europeana, CC0); the rules add what those miss. In those three
/// and in Spanish, Portuguese and German, the organisations each names file knows and the
/// people whose surname has particles are read after the model and rules.
///
/// The model is chosen by the document's language (from a `language` step, else a
/// `metadata.language` such as JSON Lines input may carry); when no language is known, by
/// the commonest function words of the text (English or Spanish), else the first of
/// ``languages``.
package struct EntitiesProcessor: Processor {
    /// The types written; others are dropped.
    package var types: Set<EntityType>
    /// Named mentions below this confidence are dropped.
    package var minimumConfidence: Double

    /// The `min_confidence` a processor has unless told otherwise: below it a named mention
    /// is more often wrong than right to keep (on CoNLL DEV with the models it was chosen
    /// for, 0.6 gave the best F1: English 91.08 -> 91.27, Spanish 76.02 -> 76.09, precision up
    /// about a point).
    package static let defaultMinimumConfidence = 0.6
    /// The languages tagged unless told otherwise: each has a model in `Models/entities/`
    /// (English and Spanish from CoNLL research data, German, Portuguese and Russian from
    /// openly licensed data, French and Dutch from CC0 historical newspapers; see NOTICE).
    /// The three 19 MB models add about 0.2 s of load time and 130 MB of peak memory to
    /// English and Spanish alone (`lector bench`: 0.4–0.7 s, 282 MB for the default chain,
    /// against 0.2–0.4 s, 151 MB); the two 5 MB ones took the mixed-language bench from
    /// 321.7 to 342.2 MB (load 566 ms).
    static let defaultLanguages = ["en", "es", "de", "pt", "ru", "fr", "nl"]
    /// The languages handled, in order of preference; each has a model.
    package var languages: [String]
    let models: [String: TaggerModel]
    /// The gazetteer each language with a names file reads after its model
    /// (``CapitalizedNames/organizationLanguages``): its model's places (or the English
    /// model's), with what its names file (`entities/<code>-names.txt`) adds.
    let ruleGazetteers: [String: Gazetteer]
    /// The model files the taggers were loaded from.
    package let modelVersions: [ModelVersion]

    /// Creates a processor, loading the models of `languages` through a cache.
    ///
    /// - Parameters:
    ///   - types: The types to write.
    ///   - minimumConfidence: The confidence a named mention needs.
    ///   - languages: The languages to handle; each needs `entities/<code>.bin`.
    ///   - models: Where the model files are loaded.
    /// - Throws: ``ProcessorError`` (`unavailable`) when a model is missing or damaged.
    package init(
        types: Set<EntityType> = Set(EntityType.allCases),
        minimumConfidence: Double = defaultMinimumConfidence,
        languages: [String] = defaultLanguages,
        models: ModelCache
    ) throws {
        self.types = types
        self.minimumConfidence = minimumConfidence
        self.languages = languages
        var taggers: [String: TaggerModel] = [:]
        var versions: [ModelVersion] = []
        for language in languages where types.contains(where: \.isNamed) {
            let path = "entities/\(language).bin"
            let loaded = try models.load([path]) { files in
                do {
                    return try TaggerModel(bytes: files[0].bytes)
                } catch {
                    throw ProcessorError(.unavailable, "\(path): \(error)")
                }
            }
            taggers[language] = loaded.value
            versions += loaded.versions
        }
        var gazetteers: [String: Gazetteer] = [:]
        let named = types.contains(where: \.isNamed)
        for language in CapitalizedNames.organizationLanguages.sorted()
        where named && (CapitalizedNames.languages.contains(language) || taggers[language] != nil) {
            // The places the language's model knows (Italian, with none: the English
            // model's, the same gazetteer-loc.txt), and what its names file adds to them.
            guard let base = (taggers[language] ?? taggers["en"] ?? taggers.values.first)?.extractor.gazetteer
            else { continue }
            let path = "entities/\(language)-names.txt"
            guard models.contains(path) else {
                gazetteers[language] = base
                continue
            }
            let loaded = try models.load([path]) { files in
                do {
                    return try Gazetteer(namesFile: files[0].bytes)
                } catch {
                    throw ProcessorError(.unavailable, "\(path): \(error)")
                }
            }
            gazetteers[language] = base.adding(loaded.value)
            versions += loaded.versions
        }
        self.models = taggers
        self.ruleGazetteers = gazetteers
        self.modelVersions = versions
    }

    /// The languages with a model, and those whose values are read by rule (``ValueRecognizer/languages``).
    package var supportedLanguages: Set<String>? {
        types.contains(where: { !$0.isNamed }) ? Set(languages).union(ValueRecognizer.languages) : Set(languages)
    }

    /// Adds `annotations["entities"]`.
    ///
    /// - Parameters:
    ///   - document: The document.
    ///   - context: Per-document context: its memo shares the text analysis with other steps.
    /// - Returns: The document with its entities.
    package func process(_ document: Document, context: ProcessingContext) -> Document {
        var document = document
        let analysis = context.memo.value(TextAnalysis.self, of: document.text, TextAnalysis.init)
        let text = analysis.text
        let given = document.resolvedLanguageCode
        let dateline = document.metadata["dateline"]?.stringValue.flatMap { place in
            DatelineSpan.find(in: text, place: place, agency: document.metadata["agency"]?.stringValue)
        }
        let groups = entities(
            in: text,
            tokens: analysis.tokens,
            sentences: analysis.sentences,
            language: given?.lowercased(),
            referenceDate: document.metadata["date"]?.stringValue,
            dateline: dateline
        )
        document.annotations["entities"] = .array(groups.map { $0.json(in: text) })
        return document
    }

    /// The grouped entities of a text.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - language: Its language; when `nil` or not one of ``languages``, the language
    ///     whose commonest words (English `the`, `of`…; Spanish `de`, `la`…; see
    ///     ``LanguageGuess``) the text uses most, else the first of ``languages``.
    ///   - referenceDate: The ISO date that dates without a year are resolved against.
    /// - Returns: The entities, most salient first.
    package func entities(in text: ScalarText, language: String?, referenceDate: String?) -> [EntityGroup] {
        entities(
            in: text,
            tokens: Tokenizer.tokenize(text),
            sentences: nil,
            language: language,
            referenceDate: referenceDate
        )
    }

    /// The grouped entities of a text already tokenized (and perhaps split).
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - tokens: `Tokenizer.tokenize(text)`.
    ///   - sentences: `SentenceSplitter.split(text, tokens: tokens)`, or `nil` to split
    ///     when needed.
    ///   - language: As in ``entities(in:language:referenceDate:)``.
    ///   - referenceDate: The ISO date that dates without a year are resolved against.
    ///   - dateline: The text's dateline: its place is a place, and its mentions weigh little
    ///     in salience.
    /// - Returns: The entities, most salient first.
    func entities(
        in text: ScalarText,
        tokens: [Token],
        sentences: [Sentence]?,
        language: String?,
        referenceDate: String?,
        dateline: DatelineSpan? = nil
    ) -> [EntityGroup] {
        // A language with value words but no model (German, French…) gets its dates, money,
        // percentages and quantities, and no names.
        let code =
            language.flatMap { languages.contains($0) || ValueRecognizer.languages.contains($0) ? $0 : nil }
            ?? (languages.count > 1 ? LanguageGuess.guess(text, tokens: tokens, among: languages) : nil)
            ?? languages.first ?? "en"
        var mentions: [EntityMention] = []
        if let model = models[code] {
            let sentences = sentences ?? SentenceSplitter.split(text, tokens: tokens)
            let tagged = NamedEntityRecognizer(model: model).mentions(in: text, tokens: tokens, sentences: sentences)
            mentions = CountryAbbreviations.retyped(tagged, in: text)
                .filter { $0.confidence >= minimumConfidence && types.contains($0.type) }
            if CapitalizedNames.languages.contains(code) {
                // French and Dutch models learned from historical newspapers: the rules add
                // the modern names they miss (agencies, companies) where the model found none.
                let rules = CapitalizedNames(language: code, places: ruleGazetteers[code] ?? model.extractor.gazetteer)
                let ruled = rules.mentions(in: text, tokens: tokens, sentences: sentences).filter {
                    $0.confidence >= max(Self.ruleFillConfidence, minimumConfidence) && types.contains($0.type)
                }
                let openings = CapitalizedNames.sentenceOpenings(tokens: tokens, sentences: sentences)
                mentions = CapitalizedNames.withoutLeadingWord(
                    mentions,
                    in: text,
                    tokens: tokens,
                    openings: openings,
                    places: model.extractor.gazetteer
                )
                if code == "fr" {
                    mentions = CapitalizedNames.withoutElidedArticle(mentions, in: text, openings: openings)
                }
                mentions = Self.fill(mentions, with: ruled, in: text) { mention in
                    rules.isKnownName(mention, in: text, tokens: tokens)
                }
                mentions = afterRules(mentions, rules: rules, in: text, tokens: tokens, sentences: sentences)
            } else if let places = ruleGazetteers[code] {
                // Spanish, Portuguese, German: the model, with the organisations its names
                // file knows (parties, institutions, clubs) and people with particles.
                let rules = CapitalizedNames(language: code, places: places)
                mentions = afterRules(mentions, rules: rules, in: text, tokens: tokens, sentences: sentences)
            }
        } else if CapitalizedNames.languages.contains(code), types.contains(where: \.isNamed),
            let places = ruleGazetteers[code]
        {
            // No model for the language (Italian): names by capitalisation and context, with
            // the language's own gazetteer (its place names and given names) when it has one.
            let sentences = sentences ?? SentenceSplitter.split(text, tokens: tokens)
            let rules = CapitalizedNames(language: code, places: places)
            mentions = rules.mentions(in: text, tokens: tokens, sentences: sentences)
                .filter { $0.confidence >= minimumConfidence && types.contains($0.type) }
            mentions = afterRules(mentions, rules: rules, in: text, tokens: tokens, sentences: sentences)
        }
        mentions.removeAll {
            CommonAcronyms.isCommonNoun($0, in: text, language: code) || PronounContractions.isContraction($0, in: text)
        }
        var values: [EntityMention] = []
        if types.contains(where: { !$0.isNamed }) {
            values = ValueRecognizer(language: code, referenceDate: referenceDate).mentions(in: text, tokens: tokens)
                .filter { types.contains($0.type) }
        }
        let repeats = NameRepeats.mentions(of: mentions, besides: values, tokens: tokens, text: text, language: code)
        if !repeats.isEmpty { mentions = (mentions + repeats).sorted { $0.start < $1.start } }
        if let dateline, types.contains(.location) { mentions = dateline.addingPlace(to: mentions) }
        if !values.isEmpty { mentions = Self.merge(named: mentions, values: values) }
        return MentionGrouper(text: text, language: code, dateline: dateline)
            .group(JoinedNames.split(mentions, in: text))
    }

    /// The passes after a language's model and rules: organisations known by name, then
    /// people whose surname has particles, each when its type is kept.
    private func afterRules(
        _ mentions: [EntityMention],
        rules: CapitalizedNames,
        in text: ScalarText,
        tokens: [Token],
        sentences: [Sentence]
    ) -> [EntityMention] {
        var mentions = mentions
        if knowsOrganizations {
            mentions = rules.withKnownOrganizations(mentions, in: text, tokens: tokens, sentences: sentences)
        }
        if knowsParticleNames {
            mentions = rules.withParticleNames(mentions, in: text, tokens: tokens, sentences: sentences)
        }
        return mentions
    }

    /// Whether people whose surname has particles are kept: PERSON is asked for and their
    /// confidence reaches `min_confidence`.
    private var knowsParticleNames: Bool {
        types.contains(.person) && CapitalizedNames.particleNameConfidence >= minimumConfidence
    }

    /// Whether organisations known by name are kept: ORG is asked for and the known
    /// names' confidence reaches `min_confidence`.
    private var knowsOrganizations: Bool {
        types.contains(.organization) && CapitalizedNames.knownOrganizationConfidence >= minimumConfidence
    }

    /// The least confidence of a rule mention added beside a model's (a sign such as a title,
    /// an organisation word or a place cue; two bare capitalised words are 0.65).
    /// On the held-out fifth of the Europeana newspapers, adding every rule mention cost
    /// French 5.6 F1 and Dutch 10.1 against the model alone; the signed ones cost 2.9 and
    /// 2.6, and still add the agencies, companies and titled people of modern news.
    static let ruleFillConfidence = 0.8

    /// The model's mentions, and those the rules found where the model found nothing.
    ///
    /// - Parameters:
    ///   - model: The tagger's mentions.
    ///   - rules: ``CapitalizedNames``' mentions of the same text.
    ///   - text: The text, to tell a surname's particles.
    ///   - isKnownName: Whether a rule mention is exactly a known place or organisation
    ///     (``CapitalizedNames/isKnownName(_:in:tokens:)``).
    /// - Returns: Both, in text order; a rule mention that overlaps a model mention is dropped,
    ///   except a person the rules carry on through a surname's two particles (the model's
    ///   `Eric` becomes the rules' `Eric van der Burg`) and an organisation they carry on
    ///   through lowercase adjectives (`Assemblée` becomes `Assemblée nationale`), a person
    ///   whose given name the model left out (`Macron` becomes `Emmanuel Macron`), and a
    ///   known place or organisation the model cut short or into pieces (`Verenigde` becomes
    ///   `Verenigde Staten`, `New` and `York` become `New York`). One particle is not enough:
    ///   after a surname it often says what the person is of (`burgemeester Halsema van
    ///   Amsterdam`, `le député Ciotti des Républicains`).
    static func fill(
        _ model: [EntityMention],
        with rules: [EntityMention],
        in text: ScalarText,
        isKnownName: (EntityMention) -> Bool = { _ in false }
    ) -> [EntityMention] {
        var kept = model
        var added: [EntityMention] = []
        var dropped: Set<Int> = []
        for rule in rules {
            let overlapping = kept.indices.filter { !dropped.contains($0) && kept[$0].range.overlaps(rule.range) }
            guard let first = overlapping.first else {
                added.append(rule)
                continue
            }
            if rule.type == .location || rule.type == .organization,
                overlapping.allSatisfy({
                    kept[$0].type == rule.type && kept[$0].start >= rule.start && kept[$0].end <= rule.end
                }),
                overlapping.reduce(0, { $0 + kept[$1].range.count }) < rule.range.count, isKnownName(rule)
            {
                // A known place or organisation the model cut into pieces, or short, that the
                // rules read whole (`Verenigde` of `Verenigde Staten`; `New` `York`): the
                // rules' name. Only a known one: on the historical newspapers, taking every
                // longer rule name cost French 1.0 F1 on the held-out fifth.
                dropped.formUnion(overlapping)
                added.append(rule)
                continue
            }
            guard overlapping.count == 1 else { continue }
            let shorter = kept[first]
            let people = rule.type == .person && shorter.type == .person
            if people, rule.start < shorter.start, rule.end == shorter.end {
                // `Emmanuel Macron` where the model found `Macron`: a signed person of the
                // rules (a known given name first) that ends where the model's person ends.
                kept[first] = rule
            } else if shorter.start != rule.start {
                continue
            } else if people, Self.twoParticles(in: text, from: shorter.end, to: rule.end) {
                kept[first] = rule
            } else if rule.type == .organization, Self.lowercaseWords(in: text, from: shorter.end, to: rule.end) {
                // `Assemblée nationale`, `Banque centrale européenne`: an institution's name
                // the rules carry on through its lowercase adjectives, where the model stopped.
                kept[first] = rule
            }
        }
        guard !added.isEmpty else { return kept }
        let remaining = kept.indices.filter { !dropped.contains($0) }.map { kept[$0] }
        return (remaining + added).sorted { $0.start < $1.start }
    }

    /// Whether `from..<to` of `text` is one or more lowercase words, each after one space.
    static func lowercaseWords(in text: ScalarText, from start: Int, to end: Int) -> Bool {
        guard start < end else { return false }
        var index = start
        while index < end {
            guard let next = lowercaseWord(in: text, at: index, before: end) else { return false }
            index = next
        }
        return true
    }

    /// Whether `from..<to` of `text` opens with two lowercase words, each after one space
    /// (` van der`, ` von der`, ` de la`), and goes on after them.
    static func twoParticles(in text: ScalarText, from start: Int, to end: Int) -> Bool {
        guard let first = lowercaseWord(in: text, at: start, before: end),
            let second = lowercaseWord(in: text, at: first, before: end)
        else { return false }
        return second + 1 < end && text.scalars[second] == " "
    }

    /// Where a space and a lowercase word at `index` end, before `end`; `nil` when none is there.
    private static func lowercaseWord(in text: ScalarText, at index: Int, before end: Int) -> Int? {
        guard index + 1 < end, text.scalars[index] == " ", text.scalars[index + 1].properties.isLowercase else {
            return nil
        }
        var next = index + 1
        while next < end, text.scalars[next].properties.isLowercase { next += 1 }
        return next
    }

    /// Named and rule-based mentions together: a DATE, MONEY or PERCENT wins over a named
    /// mention it overlaps; a named mention wins over a QUANTITY (`Boeing 747`).
    static func merge(named: [EntityMention], values: [EntityMention]) -> [EntityMention] {
        let strong = values.filter { $0.type != .quantity }
        let kept = named.filter { mention in !strong.contains { $0.range.overlaps(mention.range) } }
        let quantities = values.filter { value in
            value.type == .quantity && !kept.contains { $0.range.overlaps(value.range) }
        }
        return (kept + strong + quantities).sorted { $0.start < $1.start }
    }
}
