public import LectorCore
import LectorText

/// Turns results into the JSON Lector writes: one document per file in the outbox, or one
/// line per input in `--jsonl` mode.
///
/// The layout is the one in `schema/lector-document.schema.json`: `id`, `source`,
/// `metadata`, `text` (unless `include_text: false`), one field per processor in chain
/// order, then `processing`.
public enum DocumentEncoder {
    /// The enriched document as JSON.
    ///
    /// - Parameters:
    ///   - result: The chain's result; its failure, if any, is ignored here (see ``failureRecord(_:)``).
    ///   - includeText: Whether to write the body text.
    /// - Returns: The JSON object.
    public static func json(_ result: ProcessedDocument, includeText: Bool) -> JSONValue {
        let document = result.document
        var object = JSONObject()
        object["id"] = .string(document.id)
        if let source = document.source {
            var described = JSONObject()
            described["file"] = .string(source.file)
            described["bytes"] = .int(source.bytes)
            described["sha256"] = .string(source.sha256)
            described["encoding"] = .string(source.encoding)
            if let modified = source.modified {
                described["modified"] = .string(CivilDate.timestamp(secondsSinceEpoch: modified))
            }
            object["source"] = .object(described)
        }
        object["metadata"] = .object(document.metadata)
        if includeText { object["text"] = .string(document.text) }
        for (key, value) in document.annotations where object[key] == nil && key != "processing" {
            object[key] = value
        }
        object["processing"] = processing(result)
        return .object(object)
    }

    /// A failed document as JSON: `id`, `source`, `error` (`step`, `code`, `message`) and
    /// `processing`. Used for `--jsonl` error lines and `failed/NAME.error.json`.
    ///
    /// - Parameter result: A result whose ``ProcessedDocument/failure`` is set.
    /// - Returns: The JSON object.
    public static func failureRecord(_ result: ProcessedDocument) -> JSONValue {
        var object = JSONObject()
        object["id"] = .string(result.document.id)
        if let source = result.document.source {
            object["source"] = ["file": .string(source.file), "bytes": .int(source.bytes)]
        }
        let failure = result.failure ?? StepFailure(step: "", code: "internal", message: "no failure recorded")
        object["error"] = [
            "step": .string(failure.step),
            "code": .string(failure.code),
            "message": .string(failure.message),
        ]
        object["processing"] = processing(result)
        return .object(object)
    }

    /// An input that never became a document (unreadable file, bad JSON line) as JSON:
    /// `id` (or null), `error` (`code`, `message`), and `line` for JSON Lines input.
    ///
    /// - Parameters:
    ///   - id: The input's id, if known.
    ///   - error: What was wrong.
    ///   - line: The 1-based input line, for JSON Lines.
    /// - Returns: The JSON object.
    public static func inputErrorRecord(id: String?, error: DocumentInputError, line: Int? = nil) -> JSONValue {
        var object = JSONObject()
        object["id"] = id.map(JSONValue.string) ?? .null
        if let line { object["line"] = .int(line) }
        object["error"] = ["code": .string(error.code), "message": .string(error.message)]
        return .object(object)
    }

    private static func processing(_ result: ProcessedDocument) -> JSONValue {
        [
            "lector": .string(LectorVersion.current),
            "config": .string(result.chain.configHash),
            "generation": .int(result.chain.generation),
            "steps": .array(result.steps.map(\.json)),
            "warnings": .array(result.document.warnings.map(JSONValue.string)),
        ]
    }
}
