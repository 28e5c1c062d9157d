extension TextDecoder {
    /// Checks text that arrived already decoded (a JSON Lines record's `text`) by the rules
    /// ``decode(_:maximumBytes:)`` applies to the bytes of a file, so that one input is
    /// accepted or refused the same way whichever way it came in.
    ///
    /// - A NUL character is ``TextDecodingError/Code/notText``.
    /// - Control characters other than tab, line feed, form feed and carriage return in
    ///   more than 2% of the scalars (and at least two of them) are
    ///   ``TextDecodingError/Code/notText``.
    /// - Text that is empty or only whitespace is ``TextDecodingError/Code/empty``.
    ///
    /// - Parameter text: The text.
    /// - Throws: ``TextDecodingError`` when the text is not acceptable.
    public static func check(_ text: String) throws(TextDecodingError) {
        var controls = 0
        var scalarCount = 0
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 {
                switch scalar.value {
                case 0x00:
                    throw TextDecodingError(.notText, "not text (NUL character at scalar offset \(scalarCount))")
                case 0x09, 0x0A, 0x0C, 0x0D: break
                default: controls += 1
                }
            }
            scalarCount += 1
        }
        try checkControls(controls, of: scalarCount, unit: "characters")
        try checkNotBlank(text, empty: text.isEmpty ? "empty text" : nil)
    }

    /// Throws ``TextDecodingError/Code/empty`` when `text` is empty or only whitespace.
    ///
    /// Stops at the first scalar that is not whitespace, so an ordinary text costs nothing.
    ///
    /// - Parameters:
    ///   - text: The decoded text.
    ///   - empty: The message for empty text, when the caller has a better one.
    /// - Throws: ``TextDecodingError/Code/empty``.
    static func checkNotBlank(_ text: String, empty: String? = nil) throws(TextDecodingError) {
        guard !text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { return }
        throw TextDecodingError(.empty, empty ?? "no text (only whitespace)")
    }
}
