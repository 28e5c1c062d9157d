/// One article travelling through the chain.
///
/// A document starts as decoded text plus what is known about its source, and each
/// processor returns a copy with its own field added to ``annotations`` (for example
/// `language`, `entities`). Offsets that processors write (`start`, `end`) count Unicode
/// scalars into ``text``, half-open, so `text[start:end]` in Python gives the span back.
public struct Document: Sendable, Equatable {
    /// The document's identifier: the input file name without its extension, or the `id`
    /// given in a JSON Lines input.
    public var id: String

    /// Where the document came from, when it came from a file.
    public var source: Source?

    /// Header fields (for example `date`, `title`, `author`), in the order found.
    ///
    /// The metadata processor fills this from the article's header; `--jsonl` input may
    /// supply it directly.
    public var metadata: JSONObject

    /// The article's body: line endings normalised to `\n`, headers removed once the
    /// metadata processor has run.
    public var text: String

    /// The fields processors added, keyed by field name (`language`, `entities`, …), in the
    /// order they were added.
    public var annotations: JSONObject

    /// Things worth knowing about this document that are not errors (for example a fallback
    /// decoding). They appear in the output's `processing.warnings`.
    public var warnings: [String]

    /// Spans the caller wants the tone toward (`targets` of a JSON Lines record); the
    /// sentiment step answers them in `sentiment.targets`.
    public var targets: [Target] = []

    /// Creates a document.
    ///
    /// - Parameters:
    ///   - id: The identifier.
    ///   - text: The body text.
    ///   - source: Where it came from, if from a file.
    ///   - metadata: Known header fields.
    ///   - annotations: Fields already added.
    ///   - warnings: Warnings so far.
    public init(
        id: String,
        text: String,
        source: Source? = nil,
        metadata: JSONObject = JSONObject(),
        annotations: JSONObject = JSONObject(),
        warnings: [String] = []
    ) {
        self.id = id
        self.text = text
        self.source = source
        self.metadata = metadata
        self.annotations = annotations
        self.warnings = warnings
    }

    /// The ISO 639-1 code a language step found, or `nil` when no language step ran or it
    /// could not tell (`und`).
    public var languageCode: String? {
        guard let code = annotations["language"]?["code"]?.stringValue, code != "und" else { return nil }
        return code
    }

    /// The document's language: what a language step found, else the ISO 639-1 code a
    /// JSON Lines record gave in `metadata.language` (`pt`, `pt-BR`, `pt_BR` give `pt`;
    /// anything else, such as a three-letter code, gives `nil`).
    public var resolvedLanguageCode: String? {
        if let languageCode { return languageCode }
        guard let given = metadata["language"]?.stringValue else { return nil }
        let code = given.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        return code.count == 2 && code.allSatisfy(\.isLetter) ? code : nil
    }

    /// Whether a language step has run on this document (whatever it found).
    public var hasLanguage: Bool {
        annotations["language"]?["code"]?.stringValue != nil
    }
}

extension Document {
    /// The file a document was read from.
    public struct Source: Sendable, Equatable {
        /// The input's base name (for example `putin-scholz.txt`).
        public var file: String
        /// The input's size in bytes, before decoding.
        public var bytes: Int
        /// The SHA-256 of the input's bytes, lowercase hex.
        public var sha256: String
        /// The encoding the bytes were decoded from (`utf-8`, `utf-16le`, `windows-1252`, …).
        public var encoding: String
        /// The file's modification time, in seconds since 1970-01-01 UTC, when known: the
        /// year of a dateline that gives only a day and month (`LONDON, Feb 16 (Reuters)`).
        public var modified: Int64?

        /// Creates a source description.
        ///
        /// - Parameters:
        ///   - file: The base name.
        ///   - bytes: The size in bytes.
        ///   - sha256: The SHA-256, lowercase hex.
        ///   - encoding: The encoding decoded from.
        ///   - modified: The modification time, seconds since the epoch.
        public init(file: String, bytes: Int, sha256: String, encoding: String, modified: Int64? = nil) {
            self.file = file
            self.bytes = bytes
            self.sha256 = sha256
            self.encoding = encoding
            self.modified = modified
        }
    }
}
