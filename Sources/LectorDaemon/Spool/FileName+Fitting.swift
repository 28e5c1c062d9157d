import LectorCore
public import LectorSystem

extension FileName {
    /// The name's bytes in lowercase hexadecimal.
    public var hexadecimal: String { SHA256.hexString(bytes) }

    /// The name followed by `suffix`, shortened to ``maximumLength`` bytes when needed: the
    /// name is cut and `~` plus 16 hex digits of its SHA-256 keep cut names apart.
    ///
    /// - Parameter suffix: What must end the name (`.json`, `.error.json`), kept whole.
    /// - Returns: A name of at most ``maximumLength`` bytes.
    public func fitted(keeping suffix: String = "") -> FileName {
        fitted(keeping: FileName(suffix))
    }

    /// The name followed by `suffix` given as bytes (an input's own extension, which need
    /// not be UTF-8), shortened as ``fitted(keeping:)-(String)`` does.
    ///
    /// - Parameter suffix: What must end the name, kept whole, byte for byte.
    /// - Returns: A name of at most ``maximumLength`` bytes.
    public func fitted(keeping suffix: FileName) -> FileName {
        let tail = suffix.bytes
        guard bytes.count + tail.count > Self.maximumLength else { return FileName(bytes: bytes + tail) }
        let digest = String(SHA256.hex(bytes).prefix(16))
        let marker = Array("~\(digest)".utf8)
        var keep = max(0, Self.maximumLength - tail.count - marker.count)
        // Cut on a UTF-8 boundary, so a valid name stays valid.
        while keep > 0, keep < bytes.count, bytes[keep] & 0xC0 == 0x80 { keep -= 1 }
        return FileName(bytes: Array(bytes.prefix(keep)) + marker + tail)
    }
}
