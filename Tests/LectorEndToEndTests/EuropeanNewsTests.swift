import Foundation
import LectorCore
import LectorTestSupport
import Testing

/// A short news paragraph per language through metadata, language and entities, checked
/// field by field: the dateline, people, an organisation, places, a date, an amount and a
/// percentage. French, Italian and Dutch names come from capitalisation and context rules
/// (no openly licensed news NER data exists for them); the expected lists say what those
/// rules find today, misses included.
@Suite("European news through the chain")
struct EuropeanNewsTests {
    struct Case: Sendable, CustomStringConvertible {
        var language: String
        var text: String
        var dateline: String
        var agency: String
        var date: String?
        /// Named entities expected, `TYPE:text`.
        var names: [String]
        /// Named entities a reader would mark that the rules miss, `TYPE:text`.
        var missed: [String]
        /// Values expected, `TYPE:text=value`.
        var values: [String]
        var description: String { language }
    }

    static let cases: [Case] = [
        Case(
            language: "fr",
            text: """
                Paris, 3 mars 2024 (AFP) - Le président Emmanuel Macron a reçu mardi à l'Élysée le chancelier allemand \
                Olaf Scholz. Selon la Banque de France, la croissance atteindra 0,8 % cette année. Bruno Le Maire, \
                ministre de l'Économie, a annoncé un plan de 2 milliards d'euros pour l'industrie à Marseille. La \
                société TotalEnergies a salué cette décision.
                """,
            dateline: "Paris",
            agency: "AFP",
            date: "2024-03-03",
            names: [
                "LOC:Paris", "ORG:AFP", "PERSON:Emmanuel Macron", "PERSON:Olaf Scholz", "ORG:Banque de France",
                "PERSON:Bruno Le Maire", "LOC:Marseille", "ORG:TotalEnergies",
            ],
            missed: ["LOC:Élysée"],
            values: [
                "DATE:3 mars 2024=2024-03-03", "DATE:mardi=2024-02-27", "PERCENT:0,8 %=0.8",
                "MONEY:2 milliards d'euros=2000000000",
            ]
        ),
        Case(
            language: "it",
            text: """
                Roma, 3 marzo 2024 (ANSA) - Il presidente del Consiglio Giorgia Meloni ha incontrato ieri a Palazzo \
                Chigi il ministro dell'Economia Giancarlo Giorgetti. Secondo la Banca d'Italia, il PIL crescerà dello \
                0,7 per cento. Il piano vale 3 miliardi di euro e riguarda soprattutto Milano e Napoli.
                """,
            dateline: "Roma",
            agency: "ANSA",
            date: "2024-03-03",
            names: [
                "LOC:Roma", "ORG:ANSA", "PERSON:Giorgia Meloni", "LOC:Palazzo Chigi", "PERSON:Giancarlo Giorgetti",
                "ORG:Banca d'Italia", "ORG:PIL", "LOC:Milano", "LOC:Napoli",
            ],
            missed: [],
            values: [
                "DATE:3 marzo 2024=2024-03-03", "DATE:ieri=2024-03-02", "PERCENT:0,7 per cento=0.7",
                "MONEY:3 miliardi di euro=3000000000",
            ]
        ),
        Case(
            language: "nl",
            text: """
                AMSTERDAM (ANP) - Premier Mark Rutte heeft gisteren in Den Haag overlegd met minister Sigrid Kaag. \
                Volgens De Nederlandsche Bank groeit de economie dit jaar met 1,5 procent. Het kabinet trekt 1,5 \
                miljard euro uit voor Rotterdam. Shell reageerde positief.
                """,
            dateline: "AMSTERDAM",
            agency: "ANP",
            date: nil,
            names: [
                "LOC:AMSTERDAM", "ORG:ANP", "PERSON:Mark Rutte", "LOC:Den Haag", "PERSON:Sigrid Kaag",
                "ORG:De Nederlandsche Bank", "LOC:Rotterdam",
            ],
            missed: ["ORG:Shell"],
            values: ["DATE:gisteren", "PERCENT:1,5 procent=1.5", "MONEY:1,5 miljard euro=1500000000"]
        ),
    ]

    @Test("dateline, names and values, field by field", arguments: cases)
    func paragraph(_ example: Case) throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let file = try scratch.write("\(example.language).txt", text: example.text + "\n")
        let result = try LectorBinary.run(["process", "--processors", "metadata,language,entities", file])
        #expect(result.status == 0, "\(result.standardError)")
        let output = try JSONValue.parse(result.standardOutput[...])
        #expect(output["language"]?["code"] == .string(example.language))
        #expect(output["metadata"]?["dateline"] == .string(example.dateline))
        #expect(output["metadata"]?["agency"] == .string(example.agency))
        #expect(output["metadata"]?["date"] == (example.date.map(JSONValue.string) ?? .null))
        let entities = output["entities"]?.arrayValue ?? []
        let named = entities.compactMap { entity -> String? in
            guard let type = entity["type"]?.stringValue, ["PERSON", "ORG", "LOC", "MISC"].contains(type),
                let text = entity["text"]?.stringValue
            else { return nil }
            return "\(type):\(text)"
        }
        #expect(Set(named) == Set(example.names))
        for missed in example.missed { #expect(!named.contains(missed)) }
        let values = entities.compactMap { entity -> String? in
            guard let type = entity["type"]?.stringValue, !["PERSON", "ORG", "LOC", "MISC"].contains(type),
                let text = entity["text"]?.stringValue
            else { return nil }
            switch entity["value"] {
            case .string(let value)?: return "\(type):\(text)=\(value)"
            case .int(let value)?: return "\(type):\(text)=\(value)"
            case .double(let value)?: return "\(type):\(text)=\(value)"
            default: return "\(type):\(text)"
            }
        }
        for value in example.values {
            #expect(
                values.contains { $0 == value || (!value.contains("=") && $0.hasPrefix(value)) },
                "\(value) in \(values)"
            )
        }
    }
}
