import ArgumentParser
import Foundation
import LectorEntities
import LectorEvaluation
import LectorSystem

/// `lector train entities`: trains the entity tagger on CoNLL-format data.
///
/// `--data` names a file or a folder; in a folder the `*.train` files (or, failing that,
/// every file except `*.testa`/`*.testb`/`README*`) are the training data and a `*.testa` file
/// the development data. Test splits (`*.testb`) are refused.
struct EntitiesTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "Train the entity tagger (averaged perceptron over BIO tags) on CoNLL-format data."
    )

    @Option(help: "CoNLL training data: a file or a folder of *.train files.")
    var data = "../shared/data/ner/conll2003-en"

    @Option(help: "Development data scored after each epoch (default: *.testa beside the training data).")
    var dev: String?

    @Option(help: "Where to write the model.")
    var out = "Models/entities/en.bin"

    @Option(help: "The language code recorded in the model.")
    var language = "en"

    @Option(help: "Passes over the training data.")
    var epochs = 7

    @Flag(
        inversion: .prefixedNo,
        help: "Retokenize the data with Lector's tokenizer first, as the processor sees text."
    )
    var retokenize = true

    @Option(help: "Hold out this share of the training sentences (from the end) as development data (0 to 1).")
    var holdOut = 0.0

    @Option(help: "Place names, one per line, for gazetteer features ('none' for none).")
    var gazetteer = "Tools/entities/gazetteer-loc.txt"

    @Option(help: "Given names, one per line, for a given-name feature (default: none).")
    var givenNames: String?

    @Option(
        help:
            "Word clusters, WORD<TAB>CODE per line (a Brown cluster path or a bit set of word classes), for cluster features (default: none)."
    )
    var clusters: String?

    @Option(help: "log2 of the number of feature buckets (18: a 4.7 MB model).")
    var bucketBits = 18

    func run() throws {
        let files = try CoNLLFiles.resolve(data, role: .train)
        var corpus = CoNLLCorpus(text: "")
        for file in files {
            corpus.sentences += CoNLLCorpus(text: try FileReader.text(path: file)).sentences
        }
        let devFiles =
            try dev.map { try CoNLLFiles.resolve($0, role: .dev) } ?? (try? CoNLLFiles.resolve(data, role: .dev)) ?? []
        var devCorpus = CoNLLCorpus(text: "")
        for file in devFiles {
            devCorpus.sentences += CoNLLCorpus(text: try FileReader.text(path: file)).sentences
        }
        if holdOut > 0 {
            let split = corpus.holdingOut(holdOut)
            corpus = split.kept
            if dev == nil { devCorpus = split.heldOut }
        }
        if retokenize {
            corpus = corpus.retokenized()
            devCorpus = devCorpus.retokenized()
        }
        print(
            "training on \(files.joined(separator: ", ")): \(corpus.sentences.count) sentences, \(corpus.tokenCount) tokens"
        )
        let clock = ContinuousClock()
        let start = clock.now
        var trainer = PerceptronTrainer(language: language, bucketBits: bucketBits, epochs: epochs)
        if gazetteer != "none" {
            trainer.gazetteer = Gazetteer(
                lines: try FileReader.text(path: gazetteer),
                givenNames: try givenNames.map { try FileReader.text(path: $0) } ?? ""
            )
            print("gazetteer \(gazetteer): \(trainer.gazetteer.count) names")
        }
        if let clusters {
            trainer.clusters = try WordClusters(lines: try FileReader.text(path: clusters))
            print("clusters \(clusters): \(trainer.clusters.count) words")
        }
        trainer.onEpoch = { epoch, model in
            let elapsed = clock.now - start
            guard !devCorpus.sentences.isEmpty else {
                print("epoch \(epoch): \(elapsed)")
                return
            }
            let scores = model.score(devCorpus)
            let perType = NamedType.allCases.map { "\($0.conllLabel) \(String(format: "%.2f", scores.counts($0).f1))" }
            print(
                "epoch \(epoch): dev F1 \(String(format: "%.2f", scores.overall.f1)) (\(perType.joined(separator: ", "))) after \(elapsed)"
            )
        }
        let model = trainer.train(corpus)
        let bytes = model.serialized
        try SystemCalls.writeAtomically(bytes, to: FilePath(out))
        print("wrote \(out): \(bytes.count) bytes; trained in \(clock.now - start)")
    }
}

/// Finds CoNLL files in a path given on the command line.
enum CoNLLFiles {
    /// Which split is wanted.
    enum Role { case train, dev }

    /// The single DEV file of a folder with no `*.train`/`*.testa` split.
    static let devFile = "dev.txt"

    /// The files of a split: the path itself when it is a file, else the matching files in
    /// it, else the folder's ``devFile``.
    ///
    /// - Parameters:
    ///   - path: A file or a folder.
    ///   - role: Which split.
    /// - Returns: The files' paths.
    /// - Throws: `ValidationError` for a missing path, a test split or a folder without the split.
    static func resolve(_ path: String, role: Role) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ValidationError("no such file or folder: \(path)")
        }
        guard isDirectory.boolValue else {
            guard !path.hasSuffix("testb") else { throw ValidationError("refusing a test split: \(path)") }
            return [path]
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        let suffix = role == .train ? ".train" : ".testa"
        let files = names.filter { $0.hasSuffix(suffix) }.map { path + "/" + $0 }
        // `ner/de`, `ner/pt`, `ner/ru`: one DEV file, `dev.txt`, for both roles.
        if files.isEmpty, names.contains(devFile) { return [path + "/" + devFile] }
        guard !files.isEmpty else { throw ValidationError("no *\(suffix) file in \(path)") }
        return files
    }
}
