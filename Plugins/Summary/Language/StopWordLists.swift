package import LectorCore

/// The stop-word lists of every language that has one, as one table from word to the set
/// of languages that list it.
///
/// Built by `Tools/summary/build_stopwords.py` into `Models/summary/stopwords.tsv` (one line
/// per language: `CODE<TAB>word word …`), loaded once per process and shared read-only.
/// Because each word maps to a bit set of languages, the same lookup that filters a
/// token also counts which language's list the text matches best, which is how a document
/// without a language step still gets the right list.
package struct StopWordLists: Sendable {
    /// The language codes, in bit order (bit `i` of a mask is `languages[i]`).
    package let languages: [String]
    /// Each stop word (lowercase, at most ``TermKey/capacity`` scalars) and the languages
    /// that list it.
    let masks: TermTable

    /// Parses the model file's text.
    ///
    /// - Parameter text: Lines of `CODE<TAB>word word …`; blank lines are ignored.
    /// - Throws: ``ProcessorError`` (``ProcessorError/Code/unavailable``) on a malformed line
    ///   or more than 64 languages.
    package init(parsing text: String) throws {
        var languages: [String] = []
        var masks: [TermKey: UInt64] = [:]
        for line in text.split(separator: "\n") where !line.isEmpty {
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2, languages.count < 64 else {
                throw ProcessorError(.unavailable, "summary/stopwords.tsv: malformed line '\(line.prefix(30))'")
            }
            let bit = UInt64(1) << UInt64(languages.count)
            languages.append(String(parts[0]))
            for word in parts[1].split(separator: " ") {
                if let key = TermKey(word) { masks[key, default: 0] |= bit }
            }
        }
        self.languages = languages
        self.masks = TermTable(masks)
    }

    /// The lists shipped in `Models/summary/stopwords.tsv`, from a model cache.
    ///
    /// - Parameter models: Where the model files are loaded.
    /// - Returns: The lists and the version of their file.
    /// - Throws: ``ProcessorError`` (``ProcessorError/Code/unavailable``) when the model file
    ///   is missing or malformed.
    package static func shipped(from models: ModelCache) throws -> LoadedModel<StopWordLists> {
        try models.load(["summary/stopwords.tsv"]) { files in
            try StopWordLists(parsing: String(decoding: files[0].bytes, as: UTF8.self))
        }
    }

    /// The bit of a language's list, or `nil` when there is no list for it.
    ///
    /// - Parameter code: An ISO 639-1 code.
    /// - Returns: The mask with that language's bit set.
    package func mask(for code: String) -> UInt64? {
        languages.firstIndex(of: code).map { UInt64(1) << UInt64($0) }
    }

    /// The languages a word is a stop word in (a mask, zero when none).
    ///
    /// - Parameter word: The word (any case).
    /// - Returns: The mask.
    package func languages(of word: String) -> UInt64 {
        TermKey(Substring(word)).map { masks[$0] ?? 0 } ?? 0
    }

    /// The languages a word is a stop word in (a mask, zero when none).
    ///
    /// - Parameter key: The packed word.
    /// - Returns: The mask.
    func languages(of key: TermKey) -> UInt64 {
        masks[key] ?? 0
    }
}
