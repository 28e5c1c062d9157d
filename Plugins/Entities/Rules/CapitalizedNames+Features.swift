import LectorText

extension CapitalizedNames {
    /// A token that no name or known phrase reaches: a padding, which no phrase matches, and
    /// neither capitalised nor all capitals.
    static let unreached = TokenFeatures(padding: 0x2_0010)

    /// The tokens' features where a name or a known phrase could reach: at each token that
    /// `mayStart` accepts, and over the tokens after it up to the gazetteer's longest phrase;
    /// ``unreached`` elsewhere. A phrase starts only at a capitalised or all-capitals token
    /// (``Gazetteer/flags(_:)``), so where `mayStart` accepts every such token the flags and
    /// every name test come out as with all the features, and most words of a text are not
    /// hashed.
    ///
    /// - Parameters:
    ///   - tokens: The tokens.
    ///   - text: Their text.
    ///   - mayStart: Whether a phrase may start at a token whose first scalar is this one.
    /// - Returns: One entry per token.
    static func reachableFeatures(
        _ tokens: [Token],
        in text: ScalarText,
        from mayStart: (Unicode.Scalar) -> Bool
    ) -> [TokenFeatures] {
        var features = [TokenFeatures](repeating: unreached, count: tokens.count)
        var reach = -1
        for index in tokens.indices {
            if mayStart(text.scalars[tokens[index].start]) { reach = index + Gazetteer.maximumLength - 1 }
            if index <= reach { features[index] = TokenFeatures(text.scalars[tokens[index].range]) }
        }
        return features
    }

    /// Whether a token starting with this scalar may be capitalised or all capitals: anything
    /// but a lowercase letter (or a letter of a script without case), which ``TokenFeatures``
    /// counts as small, so that neither can hold.
    static func mayBeCapitalized(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return !(0x61...0x7A).contains(scalar.value) }
        return scalar.properties.isUppercase || !scalar.properties.isAlphabetic
    }
}
