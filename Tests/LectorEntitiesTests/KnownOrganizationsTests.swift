import LectorCore
import LectorText
import Testing

@testable import LectorEntities

/// The organisations the French, Italian and Dutch rules know by name (the names file's `o`
/// lines: listed companies, international bodies).
@Suite("Entities: organisations known by name")
struct KnownOrganizationsTests {
    private let names = """
        # test
        p\tParis
        p\tOrange
        o\tAirbus
        o\tBoeing
        o\tOrange
        o\tFord
        o\tTotal
        o\tTotalEnergies
        o\tPratt & Whitney
        o\tFonds monétaire international
        o\tFerrari
        o\tL'Oréal
        o\tPatrizia
        o\tBolloré
        o\tVinci
        o\tOtan
        g\tHarrison
        g\tPatrizia

        """

    private func typed(_ text: ScalarText, _ mentions: [EntityMention]) -> [String] {
        mentions.map { "\($0.type.rawValue):\(String(String.UnicodeScalarView(text.scalars[$0.start..<$0.end])))" }
    }

    private func span(_ part: String, in text: ScalarText, _ type: EntityType) -> EntityMention {
        let scalars = Array(text.scalars)
        let needle = Array(part.unicodeScalars)
        let start = (0...(scalars.count - needle.count)).first { Array(scalars[$0..<$0 + needle.count]) == needle } ?? 0
        return EntityMention(start: start, end: start + needle.count, type: type, confidence: 0.9)
    }

    @Test("a names file's organisations are found by length and give no place flags")
    func gazetteer() throws {
        let places = try Gazetteer(namesFile: Array(names.utf8))
        let text = ScalarText("Chez Pratt & Whitney et Airbus à Paris.")
        let features = Tokenizer.tokenize(text).map { TokenFeatures(text.scalars[$0.range]) }
        #expect(places.organizationLength(features, at: 1) == 3, "Pratt & Whitney")
        #expect(places.organizationLength(features, at: 5) == 1, "Airbus")
        #expect(places.organizationLength(features, at: 7) == 0, "Paris is a place")
        #expect(places.flags(features) == [0, 0, 0, 0, 0, 0, 0, 2, 0], "no place flag for an organisation")
    }

    @Test("known names are added, retyped or replace their pieces; not in a longer name, after a title, as a place")
    func knownOrganizations() throws {
        let text = ScalarText(
            "Total a annoncé lundi un contrat avec Airbus et Boeing. TotalEnergies et Pratt & Whitney suivent, "
                + "selon le Fonds monétaire international. Harrison Ford a parlé à M. Ferrari à Orange. "
                + "Selon Airbus, l'Otan et L'Oréal aussi. Vincent Bolloré est là ; Bolloré le dit : « Total ». "
                + "Patrizia vient à Vinci avec Patrizia. Ils vont chez Ferrari."
        )
        let tokens = Tokenizer.tokenize(text)
        let sentences = SentenceSplitter.split(text, tokens: tokens)
        let rules = CapitalizedNames(language: "fr", places: try Gazetteer(namesFile: Array(names.utf8)))
        // As a tagger trained on old newspapers reads it: Boeing a person, Ferrari a person,
        // Orange a place. Harrison Ford is left to the run rule.
        // `Pratt` a person inside `Pratt & Whitney`: the whole known name replaces it.
        var found = [
            span("Boeing", in: text, .person), span("Ferrari", in: text, .person), span("Pratt", in: text, .person),
            span("Vincent Bolloré", in: text, .person), span("Orange", in: text, .location),
        ]
        // A place the model found of exactly a known organisation's extent, where no
        // gazetteer knows a place of that name, is the organisation.
        let lastFerrari = EntityMention(
            start: text.scalars.count - 8,
            end: text.scalars.count - 1,
            type: .location,
            confidence: 0.9
        )
        found.append(lastFerrari)
        let result = rules.withKnownOrganizations(found, in: text, tokens: tokens, sentences: sentences)
        #expect(
            typed(text, result) == [
                "ORG:Airbus", "ORG:Boeing", "ORG:TotalEnergies", "ORG:Pratt & Whitney",
                "ORG:Fonds monétaire international", "PERSON:Ferrari", "LOC:Orange", "ORG:Airbus", "ORG:Otan",
                "ORG:L'Oréal", "PERSON:Vincent Bolloré", "ORG:Ferrari",
            ]
        )
        #expect(result.first { $0.type == .organization }?.confidence == CapitalizedNames.knownOrganizationConfidence)
    }

    @Test("a known name is found after an elided article and with one inside")
    func knownNameWithElisions() throws {
        let text = ScalarText("Il visite l'Afrique du Sud, la Côte d'Ivoire et L'Oréal.")
        let tokens = Tokenizer.tokenize(text)
        let rules = CapitalizedNames(
            language: "fr",
            places: try Gazetteer(namesFile: Array("p\tAfrique du Sud\np\tCôte d'Ivoire\no\tL'Oréal\n".utf8))
        )
        for name in ["Afrique du Sud", "Côte d'Ivoire", "L'Oréal"] {
            #expect(rules.isKnownName(span(name, in: text, .location), in: text, tokens: tokens), "\(name)")
        }
        #expect(!rules.isKnownName(span("Afrique du", in: text, .location), in: text, tokens: tokens))
    }

    @Test("the entities step reads them from each rules language's names file in Models/")
    func throughTheProcessor() {
        let sentences = [
            "it": "Il governo ha firmato ieri un accordo con Airbus e con Boeing a Roma.",
            "fr": "Le gouvernement a signé hier un accord avec Airbus et Boeing à Toulouse.",
            "nl": "Het kabinet heeft gisteren een akkoord gesloten met Airbus en Boeing in Den Haag.",
        ]
        for (language, sentence) in sentences {
            let organizations = entities(sentence, language: language).filter { $0["type"] == "ORG" }
            #expect(
                Set(organizations.compactMap { $0["text"]?.stringValue }) == ["Airbus", "Boeing"],
                "\(language): \(organizations)"
            )
        }
    }

    @Test("national parties, institutions and clubs are organisations in it, fr, nl, es, pt and de news")
    func nationalOrganizations() {
        let cases: [(language: String, sentence: String, expected: Set<String>)] = [
            (
                "it",
                "ROMA (ANSA) - Il Consiglio dei ministri ha approvato il decreto. Il leader del Movimento 5 Stelle "
                    + "lo ha criticato, mentre la Corte dei conti e l'Istat hanno pubblicato i dati. La Juventus ha "
                    + "battuto l'Atalanta.",
                ["Movimento 5 Stelle", "Consiglio dei ministri", "Corte dei conti", "Istat", "Juventus", "Atalanta"]
            ),
            (
                "fr",
                "Les députés de La France insoumise et du Rassemblement national ont voté à l'Assemblée nationale, "
                    + "selon Santé publique France.",
                ["La France insoumise", "Rassemblement national", "Assemblée nationale", "Santé publique France"]
            ),
            (
                "nl",
                "De motie werd gesteund door D66, GroenLinks-PvdA en het CDA, meldde de Raad van State, en het UWV "
                    + "publiceerde nieuwe cijfers. Zondag speelden Ajax en PSV gelijk.",
                ["D66", "GroenLinks-PvdA", "CDA", "Raad van State", "UWV", "PSV"]
            ),
            // Spanish, Portuguese, German: the model's mentions, with the known names the
            // model missed (`Chega`) or read as MISC (`Vox`, `Aemet`).
            (
                "es",
                "Ayer Sumar y Vox criticaron a Renfe, Adif y Correos, y la Aemet y la CNMC publicaron datos.",
                ["Vox", "Renfe", "Aemet", "CNMC"]
            ),
            (
                "pt",
                "O Bloco de Esquerda e o Chega criticaram a Caixa Geral de Depósitos.",
                ["Bloco de Esquerda", "Chega", "Caixa Geral de Depósitos"]
            ),
            (
                "de",
                "Die Grünen und das BSW kritisierten die Bundesnetzagentur, wie die IG Metall mitteilte.",
                ["Grünen", "BSW", "Bundesnetzagentur", "IG Metall"]
            ),
        ]
        for (language, sentence, expected) in cases {
            let found = entities(sentence, language: language).filter { $0["type"] == "ORG" }
            let organizations = Set(found.compactMap { $0["text"]?.stringValue })
            #expect(expected.isSubset(of: organizations), "\(language): \(organizations)")
        }
    }
}
