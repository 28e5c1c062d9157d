import Synchronization

/// Work that several steps of one document's chain share, such as the text analysis
/// (tokens and sentences) that entities, summary and sentiment all read.
///
/// The chain makes one memo per document (in its ``ProcessingContext``) and drops it when
/// the document is done, so nothing is kept between documents or shared across them. An
/// entry is keyed by its type and by the text it was computed from, compared for equality,
/// so a step that changed the text (the metadata processor removes headers) gets a fresh
/// value, never a stale one.
public final class DocumentMemo: Sendable {
    private struct Entry: Sendable {
        var type: ObjectIdentifier
        var text: String
        var value: any Sendable
    }

    /// The most entries kept; the oldest goes first.
    static let capacity = 4

    private let entries = Mutex<[Entry]>([])

    /// Creates an empty memo.
    public init() {}

    /// The value computed from a text, made now unless a step made it before from the same
    /// text. The lock is not held while `make` runs.
    ///
    /// - Parameters:
    ///   - type: The value's type.
    ///   - text: The text it is computed from.
    ///   - make: Computes it.
    /// - Returns: The shared value.
    public func value<Value: Sendable>(_ type: Value.Type, of text: String, _ make: (String) -> Value) -> Value {
        let key = ObjectIdentifier(type)
        let cached = entries.withLock { entries in
            entries.first { $0.type == key && $0.text == text }?.value as? Value
        }
        if let cached { return cached }
        let value = make(text)
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeFirst() }
            entries.append(Entry(type: key, text: text, value: value))
        }
        return value
    }
}
