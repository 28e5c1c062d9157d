public import LectorCore
public import LectorText

/// Makes documents from raw inputs: file bytes, or JSON Lines records.
public enum DocumentReader {
    /// A document from a file's bytes.
    ///
    /// The bytes are decoded (UTF-8, UTF-16 with BOM, Windows-1252 as a fallback with a
    /// warning), line endings normalised, and the id taken from the file name without its
    /// last extension.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - fileName: The file's base name (`putin-scholz.txt`).
    ///   - maximumBytes: The size limit (`max_bytes`).
    ///   - modified: The file's modification time, seconds since the epoch, when known.
    /// - Returns: The document.
    /// - Throws: ``DocumentInputError`` (`not_text`, `too_large`, `empty`; whitespace-only
    ///   text is `empty` too).
    public static func document(
        bytes: [UInt8],
        fileName: String,
        maximumBytes: Int = TextDecoder.defaultMaximumBytes,
        modified: Int64? = nil
    ) throws(DocumentInputError) -> Document {
        let decoded: DecodedText
        do {
            decoded = try TextDecoder.decode(bytes, maximumBytes: maximumBytes)
        } catch {
            throw DocumentInputError(code: error.code.description, message: error.message)
        }
        let source = Document.Source(
            file: fileName,
            bytes: bytes.count,
            sha256: SHA256.hex(bytes),
            encoding: decoded.encoding,
            modified: modified
        )
        return Document(
            id: identifier(forFileName: fileName),
            text: decoded.text,
            source: source,
            warnings: decoded.warnings
        )
    }

    /// The document id for a file name: the name without its last extension
    /// (`putin-scholz.txt` → `putin-scholz`; `.hidden` and `noext` stay as they are).
    ///
    /// - Parameter fileName: A base name.
    /// - Returns: The id.
    public static func identifier(forFileName fileName: String) -> String {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return fileName }
        return String(fileName[..<dot])
    }

    /// A document from one JSON Lines record: `{"id": …, "text": …, "metadata": {…}}`.
    ///
    /// `id` may be a string or a number (`4.5` becomes `"4.5"`); `text` must be a string,
    /// and is checked by the rules file contents are (``TextDecoder/check(_:)``): a NUL
    /// character or many control characters are `not_text`, empty or whitespace-only text
    /// is `empty`. `metadata`, when present, must be an object. Other members are ignored.
    /// Line endings in `text` are normalised to `\n`.
    ///
    /// - Parameters:
    ///   - line: The line's bytes, without the newline.
    ///   - maximumBytes: The size limit for `text`.
    /// - Returns: The document.
    /// - Throws: ``DocumentInputError`` (`invalid_json`, `invalid_record`, `too_large`,
    ///   `not_text`, `empty`), with the record's id in ``DocumentInputError`` when it could be read.
    public static func document(
        jsonLine line: ArraySlice<UInt8>,
        maximumBytes: Int = TextDecoder.defaultMaximumBytes
    ) throws(JSONLinesRecordError) -> Document {
        let value: JSONValue
        do {
            value = try JSONValue.parse(line)
        } catch {
            throw JSONLinesRecordError(id: nil, error: DocumentInputError(code: "invalid_json", message: "\(error)"))
        }
        guard let object = value.objectValue else {
            throw JSONLinesRecordError(
                id: nil,
                error: DocumentInputError(code: "invalid_record", message: "a JSON Lines record must be an object")
            )
        }
        return try document(record: object, maximumBytes: maximumBytes)
    }

    /// A document from a record already parsed as a JSON object, checked as
    /// ``document(jsonLine:maximumBytes:)`` checks a line's.
    ///
    /// - Parameters:
    ///   - object: The record.
    ///   - maximumBytes: The size limit for `text`.
    /// - Returns: The document.
    /// - Throws: ``DocumentInputError`` (`invalid_record`, `too_large`, `not_text`,
    ///   `empty`), with the record's id in ``DocumentInputError`` when it could be read.
    public static func document(
        record object: JSONObject,
        maximumBytes: Int = TextDecoder.defaultMaximumBytes
    ) throws(JSONLinesRecordError) -> Document {
        let id = recordIdentifier(object["id"])
        func fail(_ message: String) -> JSONLinesRecordError {
            JSONLinesRecordError(id: id, error: DocumentInputError(code: "invalid_record", message: message))
        }
        guard let id, !id.isEmpty else {
            switch object["id"] {
            case nil: throw fail("the record has no \"id\" (a string or a number)")
            case .string?: throw fail("the record's \"id\" is empty")
            default: throw fail("the record's \"id\" must be a string or a number")
            }
        }
        guard let text = object["text"]?.stringValue else { throw fail("the record has no \"text\" string") }
        guard text.utf8.count <= maximumBytes else {
            throw JSONLinesRecordError(
                id: id,
                error: DocumentInputError(
                    code: "too_large",
                    message: "text is \(text.utf8.count) bytes, over the limit of \(maximumBytes) (max_bytes)"
                )
            )
        }
        do {
            try TextDecoder.check(text)
        } catch {
            throw JSONLinesRecordError(
                id: id,
                error: DocumentInputError(code: error.code.description, message: error.message)
            )
        }
        var metadata = JSONObject()
        if let given = object["metadata"] {
            guard let fields = given.objectValue else { throw fail("\"metadata\" must be an object") }
            metadata = fields
        }
        var document = Document(id: id, text: normalizingLineEndings(text), metadata: metadata)
        if let given = object["targets"] {
            do {
                document.targets = try targets(given, in: text)
            } catch {
                throw JSONLinesRecordError(id: id, error: error.error)
            }
        }
        return document
    }

    /// `"targets": [{"start": S, "end": E}]`, scalar offsets into the record's `text`,
    /// moved to the text with line endings normalised (each `\r\n` becomes one scalar).
    private static func targets(_ value: JSONValue, in text: String) throws(JSONLinesRecordError) -> [Document.Target] {
        func fail(_ message: String) -> JSONLinesRecordError {
            JSONLinesRecordError(id: nil, error: DocumentInputError(code: "invalid_record", message: message))
        }
        guard let list = value.arrayValue else { throw fail("\"targets\" must be a list of {\"start\", \"end\"}") }
        let scalars = Array(text.unicodeScalars)
        // Where each offset lands once `\r\n` pairs are one scalar.
        var removedBefore = [Int](repeating: 0, count: scalars.count + 1)
        for index in scalars.indices {
            let dropped = scalars[index] == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n"
            removedBefore[index + 1] = removedBefore[index] + (dropped ? 1 : 0)
        }
        return try list.enumerated().map { (position, item) throws(JSONLinesRecordError) -> Document.Target in
            guard let start = item["start"]?.intValue, let end = item["end"]?.intValue, 0 <= start, start < end,
                end <= scalars.count
            else {
                throw fail(
                    "targets[\(position)] must be {\"start\", \"end\"} with 0 <= start < end <= \(scalars.count) (Unicode scalars of text)"
                )
            }
            return Document.Target(
                given: start..<end,
                current: (start - removedBefore[start])..<(end - removedBefore[end])
            )
        }
    }

    /// A JSON Lines record's `id` as text: a string as it is, a number written out (`4.5`
    /// is `"4.5"`); `nil` for anything else.
    ///
    /// - Parameter value: The record's `id` member.
    /// - Returns: The id, or `nil`.
    public static func recordIdentifier(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: text
        case .int(let number)?: String(number)
        case .double(let number)?: String(number)
        default: nil
        }
    }

    private static func normalizingLineEndings(_ text: String) -> String {
        guard text.utf8.contains(13) else { return text }
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n", previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            scalars.append(scalar)
        }
        return String(scalars)
    }
}

/// A JSON Lines record that could not become a document, with its id when known.
public struct JSONLinesRecordError: Error, Sendable, Equatable {
    /// The record's id, when it had one.
    public var id: String?
    /// What was wrong.
    public var error: DocumentInputError

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - id: The record's id, if known.
    ///   - error: What was wrong.
    public init(id: String?, error: DocumentInputError) {
        self.id = id
        self.error = error
    }
}
