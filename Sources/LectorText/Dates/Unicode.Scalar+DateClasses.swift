extension Unicode.Scalar {
    /// Whether this is a letter, answering ASCII without a Unicode property lookup.
    var isLetterLike: Bool {
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        return properties.isAlphabetic
    }

    /// Whether this is a letter or a digit (any script).
    var isWordLike: Bool {
        if value < 0x80 { return (value >= 0x30 && value <= 0x39) || isLetterLike }
        return properties.isAlphabetic || properties.numericType != nil
    }
}
