import LectorCore
import LectorTestSupport
import LectorText
import Logging
import Testing

@testable import LectorEntities

/// French and Dutch: a model trained on historical newspapers, with the rules' signed names
/// added where it finds none.
@Suite("Entities: model and rules together")
struct ModelAndRulesTests {
    private func mention(_ start: Int, _ end: Int, _ type: EntityType, _ confidence: Double = 0.9) -> EntityMention {
        EntityMention(start: start, end: end, type: type, confidence: confidence)
    }

    /// The text each mention covers.
    private func covered(_ mentions: [EntityMention], in text: ScalarText) -> [String] {
        mentions.map { String(String.UnicodeScalarView(text.scalars[$0.start..<$0.end])) }
    }

    /// A mention over the first occurrence of `part` in `text`.
    private func mention(of part: String, in text: ScalarText, _ type: EntityType) -> EntityMention {
        let scalars = Array(text.scalars)
        let needle = Array(part.unicodeScalars)
        let start = (0...(scalars.count - needle.count)).first { Array(scalars[$0..<$0 + needle.count]) == needle }
        return mention(start ?? 0, (start ?? 0) + needle.count, type)
    }

    @Test("a known place the model cut into pieces or short is the rules' whole name; an unknown one is not")
    func knownPlaceWhole() {
        let text = ScalarText("Naar de Verenigde Staten en New York.")
        let model = ["Verenigde", "New", "York"].map { mention(of: $0, in: text, .location) }
        let rules = ["Verenigde Staten", "New York"].map { mention(of: $0, in: text, .location) }
        let merged = EntitiesProcessor.fill(model, with: rules, in: text) { _ in true }
        #expect(covered(merged, in: text) == ["Verenigde Staten", "New York"])
        let unknown = EntitiesProcessor.fill(model, with: rules, in: text) { _ in false }
        #expect(covered(unknown, in: text) == ["Verenigde", "New", "York"])
        // Through the processor, with the Dutch model and names file of Models/.
        let found = entities("Het bedrijf exporteert naar de Verenigde Staten en New York.", language: "nl")
        let places = Set(found.filter { $0["type"] == "LOC" }.compactMap { $0["text"]?.stringValue })
        #expect(places == ["Verenigde Staten", "New York"])
    }

    @Test("a rule mention is added only where no model mention overlaps it; the model's wins")
    func fill() {
        let model = [mention(0, 5, .person), mention(20, 26, .location)]
        let rules = [mention(3, 9, .organization), mention(10, 14, .organization), mention(30, 33, .location)]
        let text = ScalarText(String(repeating: "x", count: 40))
        let merged = EntitiesProcessor.fill(model, with: rules, in: text)
        #expect(merged.map(\.start) == [0, 10, 20, 30])
        #expect(merged.map(\.type) == [.person, .organization, .location, .location])
        #expect(EntitiesProcessor.fill(model, with: [], in: text).map(\.start) == [0, 20])
    }

    @Test("a rule person that carries the model's on through a surname's particles replaces it")
    func surnameParticles() {
        let text = ScalarText("Eric van der Burg sprak. Mark Rutte Den Haag. burgemeester Halsema van Amsterdam.")
        let model = [
            mention(of: "Eric", in: text, .person), mention(of: "Mark", in: text, .person),
            mention(of: "Halsema", in: text, .person),
        ]
        let rules = [
            mention(of: "Eric van der Burg", in: text, .person), mention(of: "Mark Rutte", in: text, .person),
            mention(of: "Halsema van Amsterdam", in: text, .person),
        ]
        let merged = EntitiesProcessor.fill(model, with: rules, in: text)
        #expect(covered(merged, in: text) == ["Eric van der Burg", "Mark", "Halsema"])
    }

    @Test("a lowercase elided article is cut from the start of a French mention; other apostrophes stay")
    func elidedArticle() {
        let text = ScalarText(
            "L'Élysée dit. à l'Élysée et d'Orsay, Jeanne d'Arc, L'Oréal, aujourd'hui, d'Artagnan, l'Express "
                + "selon L'Express, l'arrivée d'Emmanuel Macron"
        )
        let tokens = Tokenizer.tokenize(text)
        func span(_ part: String, _ type: EntityType = .location) -> EntityMention {
            mention(of: part, in: text, type)
        }
        let openings = CapitalizedNames.sentenceOpenings(
            tokens: tokens,
            sentences: SentenceSplitter.split(text, tokens: tokens)
        )
        let trimmed = CapitalizedNames.withoutElidedArticle(
            [
                span("L'Élysée"), span("l'Élysée"), span("d'Orsay"), span("Jeanne d'Arc", .person),
                span("L'Oréal", .organization), span("d'Artagnan", .person), span("l'Express", .organization),
                span("L'Express", .organization), span("d'Emmanuel Macron", .person),
            ],
            in: text,
            openings: openings
        )
        let texts = covered(trimmed, in: text)
        #expect(
            texts == [
                "Élysée", "Élysée", "Orsay", "Jeanne d'Arc", "L'Oréal", "d'Artagnan", "Express", "L'Express",
                "Emmanuel Macron",
            ]
        )
        // A sentence's first L' is cut only because the document names Élysée on its own too;
        // inside a sentence a capital L' is the name's own (L'Express), even where the
        // document also writes l'Express; a one-word person's d' is part of the surname.
    }

    @Test("a sentence-opening function word or a lowercase company noun is cut from a mention; articles stay")
    func leadingWord() {
        let text = ScalarText(
            "Selon Macron, oui. Volgens Rutte niet. Le Monde et De Telegraaf. Le Pen. Selon lui. la société "
                + "TotalEnergies et de Gaulle, rue Saint-Honoré, avec Elle Fanning. Per Mertesacker a dit."
        )
        let tokens = Tokenizer.tokenize(text)
        func span(_ part: String) -> EntityMention { mention(of: part, in: text, .person) }
        let trimmed = CapitalizedNames.withoutLeadingWord(
            [
                span("Selon Macron"), span("Volgens Rutte"), span("Le Monde"), span("De Telegraaf"), span("Le Pen"),
                span("Selon lui"), span("société TotalEnergies"), span("de Gaulle"), span("rue Saint-Honoré"),
                span("Elle Fanning"), span("Per Mertesacker"),
            ],
            in: text,
            tokens: tokens,
            openings: CapitalizedNames.sentenceOpenings(
                tokens: tokens,
                sentences: SentenceSplitter.split(text, tokens: tokens)
            ),
            places: Gazetteer(lines: "Paris\n", givenNames: "Per\n")
        )
        // `Elle` is inside its sentence, and `Per` a given name: both stay.
        #expect(
            covered(trimmed, in: text) == [
                "Macron", "Rutte", "Le Monde", "De Telegraaf", "Le Pen", "Selon lui", "TotalEnergies", "de Gaulle",
                "rue Saint-Honoré", "Elle Fanning", "Per Mertesacker",
            ]
        )
    }

    @Test("two capitalised words after a known given name are a signed person (0.8), else 0.65")
    func givenNameSign() {
        let text = ScalarText("Hier, le président a reçu Olaf Scholz et Pierre Dupont rue Olaf Palme à Paris.")
        let tokens = Tokenizer.tokenize(text)
        let sentences = SentenceSplitter.split(text, tokens: tokens)
        func confidences(_ places: Gazetteer) -> [String: Double] {
            let found = CapitalizedNames(language: "fr", places: places).mentions(
                in: text,
                tokens: tokens,
                sentences: sentences
            )
            return Dictionary(
                zip(covered(found, in: text), found.map(\.confidence)).map { ($0, $1) },
                uniquingKeysWith: { first, _ in first }
            )
        }
        let named = confidences(Gazetteer(lines: "Paris\n", givenNames: "Olaf\n"))
        #expect(named["Olaf Scholz"] == 0.8)
        #expect(named["Pierre Dupont"] == 0.65, "Pierre is not in this list")
        #expect(named["Olaf Palme"] == nil, "a street named after a person is no person")
        #expect(named["rue Olaf Palme"] == 0.8, "it is a place, with its noun")
        #expect(confidences(Gazetteer(lines: "Paris\n"))["Olaf Scholz"] == 0.65)
    }

    @Test("Italian rules: a name after its title's institution, institutions in lowercase, one-capital acronyms")
    func italianNewsRules() throws {
        let text = ScalarText(
            "Roma - Il presidente della Regione Siciliana Renato Schifani ha incontrato il ministro degli Esteri "
                + "Antonio Tajani e la Commissione europea. Secondo l'Inps il Pil cresce in Italia. Lo ha detto "
                + "Giuseppe Conte, e Conte ha aggiunto che l'Università Luigi Bocconi e la Cgil sono d'accordo."
        )
        let tokens = Tokenizer.tokenize(text)
        let names = "# test\np\tRoma\np\tItalia\ng\tRenato\ng\tAntonio\ng\tGiuseppe\ng\tLuigi\ng\tEsteri\n"
        let places = try Gazetteer(namesFile: Array(names.utf8))
        let found = CapitalizedNames(language: "it", places: places).mentions(
            in: text,
            tokens: tokens,
            sentences: SentenceSplitter.split(text, tokens: tokens)
        )
        let named = Set(zip(found.map(\.type.rawValue), covered(found, in: text)).map { "\($0):\($1)" })
        for expected in [
            "ORG:Regione Siciliana", "PERSON:Renato Schifani", "PERSON:Antonio Tajani", "ORG:Commissione europea",
            "ORG:Inps", "LOC:Italia", "PERSON:Giuseppe Conte", "ORG:Università Luigi Bocconi", "ORG:Cgil",
        ] {
            #expect(named.contains(expected), "\(expected) in \(named)")
        }
        // `Esteri` is a given name in some list, but after `degli` it is what the minister is of;
        // `Pil` is a common noun; `Conte` alone is the person again (NameRepeats), not an acronym.
        #expect(!named.contains { $0.hasSuffix(":Esteri") || $0.hasSuffix(":Pil") || $0 == "ORG:Conte" }, "\(named)")
        #expect(throws: GazetteerError.self) { try Gazetteer(namesFile: Array("p\tRoma\nRoma\n".utf8)) }
    }

    @Test("a street, square or station is a place with its lowercase noun, in Italian and French")
    func streets() {
        let cases = [
            ("it", "Il corteo da piazza del Plebiscito ha percorso via Caracciolo fino a stazione Termini."),
            ("fr", "Partis de la place de la République vers la gare Montparnasse, rue de la Loi."),
            ("fr", "Il a parlé avenue du Général Leclerc."),
            // Idioms with the same nouns: no streets.
            ("fr", "Il parle à la place de Macron ; le cours du Brent monte, la place de la France aussi."),
            ("it", "Nel corso del Festival di Sanremo, al largo di Lampedusa, fuggito via da Kiev."),
        ]
        let expected = [
            ["LOC:piazza del Plebiscito", "LOC:via Caracciolo", "LOC:stazione Termini"],
            ["LOC:place de la République", "LOC:gare Montparnasse", "LOC:rue de la Loi"],
            ["LOC:avenue du Général Leclerc"],
            [], [],
        ]
        for ((language, sentence), streets) in zip(cases, expected) {
            let text = ScalarText(sentence)
            let tokens = Tokenizer.tokenize(text)
            let found = CapitalizedNames(language: language, places: Gazetteer(lines: "France\n")).mentions(
                in: text,
                tokens: tokens,
                sentences: SentenceSplitter.split(text, tokens: tokens)
            )
            let typed = zip(found.map(\.type.rawValue), covered(found, in: text)).map { "\($0):\($1)" }
            #expect(typed.filter { $0.hasPrefix("LOC:") && $0.contains(" ") } == streets, "\(sentence): \(typed)")
        }
    }

    @Test("an institution the rules carry on through lowercase adjectives replaces the model's shorter one")
    func institutionThroughItsAdjectives() {
        let text = ScalarText("Le texte passe à l'Assemblée nationale mardi, selon la Banque.")
        let model = [mention(of: "Assemblée", in: text, .location), mention(of: "Banque", in: text, .organization)]
        let rules = [
            mention(of: "Assemblée nationale", in: text, .organization), mention(of: "Banque", in: text, .organization),
        ]
        let merged = EntitiesProcessor.fill(model, with: rules, in: text)
        #expect(covered(merged, in: text) == ["Assemblée nationale", "Banque"])
        #expect(merged.map(\.type) == [.organization, .organization])
        // Not through a capitalised word or a verb the rules never took.
        let other = ScalarText("Selon la Banque de France, la croissance ralentit.")
        let kept = EntitiesProcessor.fill(
            [mention(of: "Banque de France", in: other, .organization)],
            with: [mention(of: "Banque", in: other, .organization)],
            in: other
        )
        #expect(covered(kept, in: other) == ["Banque de France"])
        // A person whose given name the model left out.
        let macron = ScalarText("Le président Emmanuel Macron a parlé.")
        let person = EntitiesProcessor.fill(
            [mention(of: "Macron", in: macron, .person)],
            with: [mention(of: "Emmanuel Macron", in: macron, .person)],
            in: macron
        )
        #expect(covered(person, in: macron) == ["Emmanuel Macron"])
    }

    @Test("common-noun acronyms are no names: PIB, TVA, CDI in French, Pil in Italian, btw in Dutch")
    func commonNounAcronyms() {
        let french = tagged("fr", "Le PIB de la France a progressé, selon l'Insee, et la TVA baisse pour les CDI.")
        #expect(!french.contains { ["PIB", "TVA", "CDI"].contains($0["text"]?.stringValue ?? "") }, "\(french)")
        #expect(entity(french, "LOC", "France") != nil, "\(french)")
        let italian = tagged("it", "Secondo la Cgil il Pil cresce, e l'Iva resta al 22 per cento.")
        #expect(!italian.contains { ["Pil", "Iva"].contains($0["text"]?.stringValue ?? "") }, "\(italian)")
        #expect(entity(italian, "ORG", "Cgil") != nil, "\(italian)")
        let dutch = tagged("nl", "Het kabinet verlaagt de btw, meldt het CBS.")
        #expect(!dutch.contains { $0["text"]?.stringValue == "btw" }, "\(dutch)")
    }

    @Test("what a review found: capital elisions, titles of institutions, cut heads, verbs, abbreviations")
    func reviewedItalianAndFrenchCases() {
        func names(_ language: String, _ text: String) -> Set<String> {
            Set(
                tagged(language, text).compactMap { entity -> String? in
                    guard let type = entity["type"]?.stringValue, ["PERSON", "ORG", "LOC"].contains(type) else {
                        return nil
                    }
                    return "\(type):\(entity["text"]?.stringValue ?? "")"
                }
            )
        }
        #expect(names("it", "L'amministratore dell'Eni ha parlato.") == ["ORG:Eni"])
        #expect(names("it", "Ha parlato il Presidente dell'Ucraina.").allSatisfy { !$0.hasPrefix("PERSON") })
        let messina = names("it", "Ha detto l'amministratore delegato di Intesa Sanpaolo Carlo Messina.")
        #expect(messina.contains("PERSON:Carlo Messina") && !messina.contains("PERSON:Intesa Sanpaolo"), "\(messina)")
        #expect(names("it", "Ha incontrato Anna Maria Bernini a Roma.").contains("PERSON:Anna Maria Bernini"))
        #expect(names("it", "Lo hanno curato al Policlinico Umberto Primo.") == ["LOC:Policlinico Umberto Primo"])
        #expect(names("it", "Oggi la Banca d'Italia pubblica i dati.") == ["ORG:Banca d'Italia"])
        #expect(names("it", "Secondo la Cgil il governo sbaglia.") == ["ORG:Cgil"])
        #expect(names("it", "Il Pm e il Gip hanno ascoltato i testimoni.").isEmpty)
        // A given name says person before a place preposition; `di` inside a run without one,
        // an event's or a venue's last word, say it is no person.
        #expect(names("it", "La multa è stata decisa da Pasquale Stanzione.") == ["PERSON:Pasquale Stanzione"])
        let borsa = names(
            "it",
            "Il titolo è salito alla Borsa di Milano dopo gli Australian Open alla Rod Laver Arena."
        )
        #expect(borsa.allSatisfy { !$0.hasPrefix("PERSON") }, "\(borsa)")
        #expect(borsa.contains("LOC:Rod Laver Arena"), "\(borsa)")
        #expect(names("fr", "Hier, la Commission explique sa décision.") == ["ORG:Commission"])
        let union = tagged("fr", "L'Union européenne a décidé. Selon l'Union européenne, non.")
        #expect(entity(union, "ORG", "Union européenne")?["count"]?.doubleValue == 2, "\(union)")
    }

    @Test("a French name after a sentence-opening `Selon` joins the person (the model had glued them)")
    func leadingWordThroughTheModel() {
        let french = tagged(
            "fr",
            "Paris, 3 mars 2024 (AFP). Le président Emmanuel Macron a reçu Olaf Scholz à l'Élysée. M. Macron a "
                + "salué un accord. Selon Macron, TotalEnergies investira 500 millions d'euros."
        )
        #expect(!french.contains { $0["text"]?.stringValue?.hasPrefix("Selon") == true }, "\(french)")
        #expect(entity(french, "PERSON", "Emmanuel Macron")?["count"]?.doubleValue == 3, "\(french)")
    }

    @Test("French and Dutch are tagged by their models, with the rules' agencies and titled people")
    func modernNews() {
        let french = tagged(
            "fr",
            "Paris, 3 mars 2024 (AFP) - Le président Emmanuel Macron a reçu à l'Élysée Olaf Scholz."
        )
        #expect(entity(french, "ORG", "AFP") != nil)
        #expect(entity(french, "PERSON", "Emmanuel Macron") != nil)
        #expect(entity(french, "LOC", "Élysée") != nil)
        #expect(entity(french, "PERSON", "Olaf Scholz") != nil, "the French model knows given names")
        let dutch = tagged(
            "nl",
            "AMSTERDAM (ANP) - Premier Mark Rutte heeft in Den Haag overlegd met minister Sigrid Kaag."
        )
        #expect(entity(dutch, "ORG", "ANP") != nil)
        #expect(entity(dutch, "PERSON", "Mark Rutte") != nil)
        #expect(entity(dutch, "PERSON", "Sigrid Kaag") != nil)
        #expect(entity(dutch, "LOC", "Den Haag") != nil)
    }

    @Test("Belgian and Luxembourg given names sign people in Dutch and French news; two-letter ones do not")
    func belgianGivenNames() {
        let dutch = tagged(
            "nl",
            "Commissaris van de Koning Emile Roemer sprak met Els Borst over de toekomst van de provincie."
        )
        #expect(entity(dutch, "PERSON", "Emile Roemer") != nil, "\(dutch)")
        #expect(entity(dutch, "PERSON", "Els Borst") != nil, "\(dutch)")
        let french = tagged("fr", "Le Nouvel An Chinois est fêté à Bruxelles, a dit Aimable Dufrasne.")
        #expect(!french.contains { $0["text"]?.stringValue?.contains("An Chinois") == true }, "\(french)")
    }

    /// The entities of a text in a given language (`metadata.language`).
    private func tagged(
        _ language: String,
        _ text: String,
        processor: EntitiesProcessor = defaultProcessor
    )
        -> [JSONValue]
    {
        var metadata = JSONObject()
        metadata["language"] = .string(language)
        let document = Document(id: "test", text: text, metadata: metadata)
        let result = processor.process(document, context: ProcessingContext(logger: Logger(label: "test")))
        return result.annotations["entities"]?.arrayValue ?? []
    }

    @Test("the rules' names are added only at or above min_confidence")
    func fillHonoursMinimumConfidence() throws {
        let strict = try EntitiesProcessor(minimumConfidence: 0.95, languages: ["nl"], models: TestModels.cache)
        let text = "AMSTERDAM (ANP) - Premier Mark Rutte heeft in Den Haag overlegd met minister Sigrid Kaag."
        let named = tagged("nl", text, processor: strict).filter { ["PERSON", "ORG", "LOC"].contains($0["type"]) }
        #expect(named.allSatisfy { ($0["confidence"]?.doubleValue ?? 0) >= 0.95 }, "\(named)")
        #expect(entity(tagged("nl", text), "PERSON", "Sigrid Kaag") != nil, "found at the default 0.6")
    }

    @Test("without a language, French and Dutch are told apart by their function words")
    func guess() {
        let french = ScalarText("Le président a reçu les ministres dans le palais et il est parti.")
        #expect(
            LanguageGuess.guess(french, tokens: Tokenizer.tokenize(french), among: ["en", "es", "fr", "nl"]) == "fr"
        )
        // `de`, `la`, `en`, `que` are Spanish words too: they count for both.
        let shared = ScalarText("La décision de la banque que le gouvernement a prise en mars, en plein débat.")
        #expect(
            LanguageGuess.guess(shared, tokens: Tokenizer.tokenize(shared), among: ["en", "es", "fr", "pt"]) == "fr"
        )
        let spanish = ScalarText("La decisión de la banca que el gobierno tomó en marzo, en pleno debate, es firme.")
        #expect(
            LanguageGuess.guess(spanish, tokens: Tokenizer.tokenize(spanish), among: ["en", "es", "fr", "pt"]) == "es"
        )
        let dutch = ScalarText("Het kabinet heeft een plan van de minister niet gesteund, maar zal er op terugkomen.")
        #expect(LanguageGuess.guess(dutch, tokens: Tokenizer.tokenize(dutch), among: ["en", "es", "fr", "nl"]) == "nl")
    }
}
