import ArgumentParser
import Foundation
import LectorCore
import LectorEntities
import LectorEvaluation
import LectorPipeline
import LectorText

/// `lector eval entities PATH`: entity-level precision, recall and F1 (conlleval, exact
/// match) of the entities processor on CoNLL-format dev data, and its throughput.
///
/// PATH is a CoNLL file, or a folder whose `*.testa` files are read (else its `dev.txt`:
/// `ner/de`). The language comes from `--language`, or from the file name (`eng.*` → en,
/// `esp.*` → es), or for `dev.txt` from its folder (`ner/de/dev.txt` → de).
struct EntitiesEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "Precision, recall and F1 per type of the entities processor on CoNLL data, and tokens per second."
    )

    @Argument(help: "A CoNLL file, or a folder of *.testa files or a dev.txt (e.g. ../shared/data/ner/conll2003-en).")
    var path = "../shared/data/ner/conll2003-en"

    @Option(help: "The language of the data (default: from the file name, else en).")
    var language: String?

    @Option(
        help: "Score only this share of the file's last sentences (as held out by `lector train entities --hold-out`)."
    )
    var holdOut = 0.0

    @Option(help: "The processor's min_confidence option (0 to 1; default: the processor's, 0.6).")
    var minConfidence = EntitiesProcessor.defaultMinimumConfidence

    func run() throws {
        let files = try CoNLLFiles.resolve(path, role: .dev)
        var figures: [(String, JSONValue)] = []
        let models = ChainBuilder.standard().models
        for file in files {
            let name = (file as NSString).lastPathComponent
            let stem = name.split(separator: ".").first.map(String.init) ?? name
            // `ner/de/dev.txt`: the folder names the language.
            let folder = ((file as NSString).deletingLastPathComponent as NSString).lastPathComponent
            let named = name == CoNLLFiles.devFile && folder.count == 2 ? folder : stem
            let code = language ?? (name.hasPrefix("esp") ? "es" : named.count == 2 ? named : "en")
            var corpus = CoNLLCorpus(text: try FileReader.text(path: file))
            if holdOut > 0 { corpus = corpus.holdingOut(holdOut).heldOut }
            guard !corpus.sentences.isEmpty else { throw ValidationError("\(file): no CoNLL sentences to score") }
            if name == CoNLLFiles.devFile, holdOut == 0 {
                print(
                    "note: the shipped \(code) model is trained on all of \(name), so this measures fit, not accuracy; "
                        + "Tools/entities/build_models.sh --held-out trains on 4/5 and scores the rest"
                )
            }
            // Gold without MISC (factRuEval, the Europeana newspapers): MISC found is not an error.
            let hasMISC = corpus.sentences.contains { $0.chunks.contains { $0.type == .miscellaneous } }
            let types: Set<EntityType> =
                hasMISC ? [.person, .organization, .location, .miscellaneous] : [.person, .organization, .location]
            // No model for the language: the processor's own fallback, names by rule.
            let byRule = !models.contains("entities/\(code).bin") && CapitalizedNames.languages.contains(code)
            if byRule {
                print("note: no \(code) model; names come from capitalisation and context rules (CapitalizedNames)")
            }
            let processor = try EntitiesProcessor(
                types: types,
                minimumConfidence: minConfidence,
                languages: [byRule ? "en" : code],
                models: models
            )
            if !hasMISC { print("note: the gold data has no MISC; MISC is neither looked for nor scored") }
            let evaluation = CoNLLEvaluation { text in
                processor.entities(in: text, language: code, referenceDate: nil).flatMap(\.mentions)
            }
            var seconds = 0.0
            let scores = evaluation.score(corpus, elapsed: &seconds)
            let tokensPerSecond = Double(corpus.tokenCount) / max(seconds, 1e-9)
            print("\(name) (\(code)): \(corpus.sentences.count) sentences, \(corpus.tokenCount) tokens")
            print("type   precision  recall      F1   gold  found")
            var perType: [(String, JSONValue)] = []
            for type in NamedType.allCases {
                let counts = scores.counts(type)
                print(row(type.conllLabel, counts))
                perType.append((type.conllLabel, .double((counts.f1 * 100).rounded() / 100)))
            }
            print(row("all", scores.overall))
            print(
                String(
                    format: "throughput: %.0f tokens/s, %.0f sentences/s (one core, inside the processor)",
                    tokensPerSecond,
                    Double(corpus.sentences.count) / max(seconds, 1e-9)
                )
            )
            figures.append(
                (
                    code,
                    .object(
                        JSONObject([
                            ("file", .string(name)), ("f1", .double((scores.overall.f1 * 100).rounded() / 100)),
                            ("precision", .double((scores.overall.precision * 100).rounded() / 100)),
                            ("recall", .double((scores.overall.recall * 100).rounded() / 100)),
                            ("per_type", .object(JSONObject(perType))),
                            ("tokens", .int(corpus.tokenCount)), ("tokens_per_second", .int(Int(tokensPerSecond))),
                        ])
                    )
                )
            )
        }
        print(JSONValue.object(JSONObject(figures)).encodedString())
    }

    private func row(_ label: String, _ counts: ChunkScorer.Counts) -> String {
        String(
            format: "%-5@ %10.2f %7.2f %7.2f %6d %6d",
            label as NSString,
            counts.precision,
            counts.recall,
            counts.f1,
            counts.gold,
            counts.predicted
        )
    }
}
