/// Quick character classes for scanners: ASCII is answered without a Unicode property
/// lookup. The one copy, used by the date scanner and the metadata processor.
extension Unicode.Scalar {
    /// Whether this is a letter, answering ASCII without a Unicode property lookup (which
    /// costs a table search and dominates scanning the first line of every article).
    @inlinable public var isLetterLike: Bool {
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        return properties.isAlphabetic
    }

    /// Whether this is an ASCII digit.
    @inlinable public var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }

    /// Whether this is a letter or a digit (any script).
    @inlinable public var isWordLike: Bool {
        if value < 0x80 { return isASCIIDigit || isLetterLike }
        return properties.isAlphabetic || properties.numericType != nil
    }

    /// Whether this is white space.
    @inlinable public var isSpaceLike: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return properties.isWhitespace
    }
}
