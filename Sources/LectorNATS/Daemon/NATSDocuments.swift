public import Foundation
public import LectorCore
public import LectorPipeline

/// How input messages become documents and results become messages: the part of the NATS
/// daemon that needs no server.
public enum NATSDocuments {
    /// An input that cannot become a document: its id and what is wrong.
    public struct Rejected: Error, Sendable, Equatable {
        /// The id the input would have had.
        public var id: String
        /// What is wrong.
        public var error: DocumentInputError
    }

    /// The document a message carries.
    ///
    /// A body that is a JSON object is a record as in `lector process --jsonl`
    /// (`{"id", "text", "metadata"?}`); any other body is the article's text, whose id is
    /// the message's `Nats-Msg-Id`, else `STREAM-SEQUENCE`.
    ///
    /// - Parameters:
    ///   - body: The message's body.
    ///   - messageID: Its `Nats-Msg-Id` header, if any.
    ///   - stream: The stream it came from.
    ///   - sequence: Its sequence there.
    ///   - maximumBytes: `max_bytes`.
    /// - Returns: The document, or why there is none.
    public static func document(
        body: [UInt8],
        messageID: String?,
        stream: String,
        sequence: UInt64,
        maximumBytes: Int
    ) -> Result<Document, Rejected> {
        let fallbackID = messageID.flatMap { $0.isEmpty ? nil : $0 } ?? "\(stream)-\(sequence)"
        if let first = body.first(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }),
            first == UInt8(ascii: "{"), let object = (try? JSONValue.parse(body[...]))?.objectValue
        {
            do {
                return .success(try DocumentReader.document(record: object, maximumBytes: maximumBytes))
            } catch {
                return .failure(Rejected(id: error.id ?? fallbackID, error: error.error))
            }
        }
        do {
            var document = try DocumentReader.document(bytes: body, fileName: fallbackID, maximumBytes: maximumBytes)
            document.id = fallbackID
            return .success(document)
        } catch {
            return .failure(Rejected(id: fallbackID, error: error))
        }
    }

    /// The output subject for a document: the template with `{id}` replaced by the id, in
    /// which every byte other than a letter, digit, `-` or `_` is written `%XX` (a subject
    /// token holds no `.`, `*`, `>` or space); a token that would pass 128 bytes is
    /// `sha256-` and the id's digest instead, so no id makes a line the server refuses.
    ///
    /// - Parameters:
    ///   - template: `output.nats.subject`.
    ///   - id: The document id.
    /// - Returns: The subject.
    public static func subject(_ template: String, id: String) -> String {
        guard template.contains("{id}") else { return template }
        var token = ""
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                token.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                token += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
            }
        }
        if token.utf8.count > 128 { token = "sha256-" + SHA256.hex(Array(id.utf8)) }
        return template.split(separator: ".", omittingEmptySubsequences: false)
            .map { $0 == "{id}" ? token : String($0) }.joined(separator: ".")
    }

    /// The `Nats-Msg-Id` for a document: its id when it fits in a header (printable, at most
    /// 200 bytes), else `sha256:` and the id's digest.
    ///
    /// - Parameter id: The document id.
    /// - Returns: The header's value.
    public static func messageID(_ id: String) -> String {
        let printable = id.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7F }
        if printable, !id.isEmpty, id.utf8.count <= 200 { return id }
        return "sha256:" + SHA256.hex(Array(id.utf8))
    }

    /// The message for the failed subject: the error record `failed/NAME.error.json` would
    /// hold, with where the input came from and the input itself, so nothing is lost when the
    /// work queue lets it go.
    ///
    /// - Parameters:
    ///   - record: The error record (`id`, `error`, …).
    ///   - body: The input message's body.
    ///   - subject: Its subject.
    ///   - stream: Its stream.
    ///   - sequence: Its sequence.
    ///   - deliveries: How many times it was delivered.
    ///   - generation: The configuration generation.
    ///   - daemon: The daemon's id.
    ///   - time: When it was set aside.
    /// - Returns: The message's JSON.
    public static func failureMessage(
        _ record: JSONValue,
        body: [UInt8],
        subject: String,
        stream: String,
        sequence: UInt64,
        deliveries: Int,
        generation: Int,
        daemon: String,
        time: Date
    ) -> JSONValue {
        var object = record.objectValue ?? JSONObject()
        object["attempts"] = .int(deliveries)
        object["generation"] = .int(generation)
        object["time"] = .string(time.ISO8601Format())
        object["daemon"] = .string(daemon)
        object["input"] = [
            "subject": .string(subject), "stream": .string(stream), "sequence": .int(Int(clamping: sequence)),
        ]
        if let text = String(validating: body, as: UTF8.self) {
            object["input_text"] = .string(text)
        } else {
            object["input_base64"] = .string(Data(body).base64EncodedString())
        }
        return .object(object)
    }
}
