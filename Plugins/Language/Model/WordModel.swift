/// The word layer's table: for each frequent word of the languages that have a word list,
/// how frequent it is in each, as built by `Tools/language/build_words.py` into
/// `Models/language/words.bin`.
///
/// The file has the layout of the n-gram model (see ``NGramModel``), keyed by the hash of a
/// whole word; an entry's score is ln(frequency / cutoff) in quanta of ``step``. Its
/// languages are mapped onto the n-gram model's by code.
package struct WordModel: Sendable {
    /// The hash table.
    let table: NGramModel
    /// For each of the table's languages, the n-gram model's index of the same code, or -1.
    let modelIndex: [Int]
    /// For each language of the n-gram model (by index), whether it has a word list here.
    let listed: [Bool]

    /// Reads a word table and maps its languages onto a model's.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - codes: The n-gram model's codes, in its order.
    /// - Throws: ``ProcessorError`` (``ProcessorError/Code/unavailable``) when the file is
    ///   not a table of this version or is truncated.
    init(bytes: [UInt8], codes: [String]) throws {
        table = try NGramModel(bytes: bytes)
        let modelIndex = table.codes.map { codes.firstIndex(of: $0) ?? -1 }
        self.modelIndex = modelIndex
        var listed = [Bool](repeating: false, count: codes.count)
        for (index, present) in table.languagesWithEntries().enumerated() where present && modelIndex[index] >= 0 {
            listed[modelIndex[index]] = true
        }
        self.listed = listed
    }

    /// Nats per quantum of an entry's score.
    var step: Double { table.step }
}
