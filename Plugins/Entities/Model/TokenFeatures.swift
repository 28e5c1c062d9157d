/// Hashes of one token's forms (exact, lowercased, shape, affixes), computed once from its
/// scalars so that feature lookups never build a `String`.
package struct TokenFeatures {
    /// The exact form.
    package var form: UInt64 = Hashing.seed
    /// The lowercased form.
    package var lower: UInt64 = Hashing.seed
    /// The shape with runs capped at four (`Xxxx`, `dd.dd`).
    package var shape: UInt64 = Hashing.seed
    /// The shape with runs collapsed (`Xx`, `d.d`).
    var shortShape: UInt64 = Hashing.seed
    /// Lowercased prefixes of one to four scalars.
    package var prefixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// Lowercased suffixes of one to four scalars.
    var suffixes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// Whether the first scalar is a capital letter.
    var isCapitalized = false
    /// Whether every letter is a capital and there are at least two.
    var isAllCaps = false
    /// Whether the token has any letter.
    package var hasLetter = false

    /// Computes the hashes of a token.
    ///
    /// - Parameter scalars: The token's scalars.
    package init(_ scalars: ArraySlice<Unicode.Scalar>) {
        var last: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
        var previousClass: UInt32 = 0
        var run = 0
        var capitals = 0
        var smalls = 0
        var position = 0
        for scalar in scalars {
            let value = scalar.value
            form = Hashing.add(form, value)
            var lowered = value
            var kind: UInt32
            if value < 0x80 {
                switch value {
                case 0x41...0x5A:
                    lowered = value + 0x20
                    kind = 88  // X
                case 0x61...0x7A: kind = 120  // x
                case 0x30...0x39: kind = 100  // d
                default: kind = value
                }
            } else if scalar.properties.isUppercase {
                lowered = scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? value
                kind = 88
            } else if scalar.properties.isAlphabetic {
                kind = 120
            } else if scalar.properties.numericType != nil {
                kind = 100
            } else {
                kind = value
            }
            if kind == 88 { capitals += 1 } else if kind == 120 { smalls += 1 }
            if position == 0 { isCapitalized = kind == 88 }
            lower = Hashing.add(lower, lowered)
            if kind == previousClass {
                run += 1
            } else {
                run = 1
                shortShape = Hashing.add(shortShape, kind)
            }
            if run <= 4 { shape = Hashing.add(shape, kind) }
            previousClass = kind
            switch position {
            case 0: prefixes.0 = Hashing.add(Hashing.seed, lowered)
            case 1: prefixes.1 = Hashing.add(prefixes.0, lowered)
            case 2: prefixes.2 = Hashing.add(prefixes.1, lowered)
            case 3: prefixes.3 = Hashing.add(prefixes.2, lowered)
            default: break
            }
            last = (last.1, last.2, last.3, lowered)
            position += 1
        }
        if position < 4 {
            if position < 2 { prefixes.1 = prefixes.0 }
            if position < 3 { prefixes.2 = prefixes.1 }
            prefixes.3 = prefixes.2
        }
        suffixes.0 = Hashing.add(Hashing.seed, last.3)
        suffixes.1 = Hashing.add(Hashing.add(Hashing.seed, last.2), last.3)
        suffixes.2 = Hashing.add(Hashing.add(Hashing.add(Hashing.seed, last.1), last.2), last.3)
        suffixes.3 = Hashing.add(Hashing.add(Hashing.add(Hashing.add(Hashing.seed, last.0), last.1), last.2), last.3)
        hasLetter = capitals + smalls > 0
        isAllCaps = capitals >= 2 && smalls == 0
    }

    /// The hashes of the padding token before the first and after the last token.
    package init(padding: UInt32) {
        form = Hashing.add(Hashing.seed, padding)
        lower = form
        shape = form
        shortShape = form
        prefixes = (form, form, form, form)
        suffixes = prefixes
    }
}

/// FNV-1a style hashing of scalars and a strong final mix, for feature buckets.
enum Hashing {
    /// The starting value of every hash.
    package static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

    /// Adds one 32-bit value to a hash.
    @inline(__always)
    package static func add(_ hash: UInt64, _ value: UInt32) -> UInt64 {
        (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3
    }

    /// Mixes a template number and up to two hashes into a well-spread 64-bit value.
    @inline(__always)
    package static func mix(_ template: UInt64, _ first: UInt64, _ second: UInt64 = 0) -> UInt64 {
        var value = template &* 0x9E37_79B9_7F4A_7C15 ^ first
        value = (value ^ (value >> 31)) &* 0xBF58_476D_1CE4_E5B9
        value ^= second &* 0x94D0_49BB_1331_11EB
        value = (value ^ (value >> 29)) &* 0xBF58_476D_1CE4_E5B9
        return value ^ (value >> 32)
    }
}
