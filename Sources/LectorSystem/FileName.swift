/// A file name as the kernel has it: bytes, which need not be valid UTF-8.
///
/// Inbox names come from people and programs; a name with invalid UTF-8 or a newline must
/// still be claimed, processed and moved under exactly its own name, so names stay bytes
/// for every system call and become text only for display and document ids.
public struct FileName: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The name's bytes, without a NUL.
    public let bytes: [UInt8]

    /// Wraps a name's bytes.
    ///
    /// - Parameter bytes: The bytes, without `/` or NUL.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Wraps a name given as text.
    ///
    /// - Parameter text: The name.
    public init(_ text: String) {
        self.bytes = Array(text.utf8)
    }

    /// The name as text; invalid UTF-8 becomes U+FFFD.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The name for logs and error files: text with control characters escaped (`\n`, `\u{1B}`).
    public var description: String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                result += scalar.escaped(asASCII: true)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether the name is one Lector never treats as a document: dotfiles, `*.tmp`,
    /// `*.part`, `*.swp` and `*~`. (A name ending in `.error.json` is a document like any
    /// other: `failed/` never lets it overwrite an error record.)
    public var isIgnored: Bool {
        guard let first = bytes.first else { return true }
        if first == UInt8(ascii: ".") { return true }
        if bytes.last == UInt8(ascii: "~") { return true }
        return hasSuffix(".tmp") || hasSuffix(".part") || hasSuffix(".swp")
    }

    /// Whether the name ends with `suffix` (bytes compared).
    ///
    /// - Parameter suffix: An ASCII suffix.
    /// - Returns: `true` when it does.
    public func hasSuffix(_ suffix: String) -> Bool {
        let tail = Array(suffix.utf8)
        return bytes.count >= tail.count && Array(bytes.suffix(tail.count)) == tail
    }

    /// The name followed by `suffix`.
    ///
    /// - Parameter suffix: Text to append.
    /// - Returns: The longer name.
    public func appending(_ suffix: String) -> FileName {
        FileName(bytes: bytes + Array(suffix.utf8))
    }

    /// Orders names by their bytes.
    public static func < (lhs: FileName, rhs: FileName) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }
}
