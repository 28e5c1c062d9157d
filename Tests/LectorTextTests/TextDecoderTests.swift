import LectorText
import Testing

@Suite("TextDecoder")
struct TextDecoderTests {
    @Test func plainUTF8() throws {
        let decoded = try TextDecoder.decode(Array("Grüße, 世界! 😀\n".utf8))
        #expect(decoded == DecodedText(text: "Grüße, 世界! 😀\n", encoding: "utf-8", warnings: []))
    }

    @Test func utf8ByteOrderMarkIsRemoved() throws {
        let decoded = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("héllo".utf8))
        #expect(decoded == DecodedText(text: "héllo", encoding: "utf-8"))
    }

    @Test(arguments: [
        ("a\r\nb\r\n", "a\nb\n"),
        ("a\rb\r", "a\nb\n"),
        ("a\r\r\nb", "a\n\nb"),
        ("\r\n\r\nx", "\n\nx"),
        ("no line ending", "no line ending"),
        ("mixed\r\nlines\rand\nmore", "mixed\nlines\nand\nmore"),
    ])
    func lineEndingsAreNormalised(input: String, expected: String) throws {
        #expect(try TextDecoder.decode(Array(input.utf8)).text == expected)
    }

    @Test func utf16LittleEndianWithByteOrderMark() throws {
        let bytes: [UInt8] = [0xFF, 0xFE] + utf16("Hi ü 😀\r\n", bigEndian: false)
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded == DecodedText(text: "Hi ü 😀\n", encoding: "utf-16le"))
    }

    @Test func utf16BigEndianWithByteOrderMark() throws {
        let bytes: [UInt8] = [0xFE, 0xFF] + utf16("日本語\rtext", bigEndian: true)
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded == DecodedText(text: "日本語\ntext", encoding: "utf-16be"))
    }

    @Test func utf16WithoutByteOrderMarkIsDetected() throws {
        let little = try TextDecoder.decode(utf16("Plain ASCII text, saved as UTF-16.", bigEndian: false))
        #expect(little.text == "Plain ASCII text, saved as UTF-16.")
        #expect(little.encoding == "utf-16le")
        #expect(little.warnings == ["no byte-order mark; decoded as UTF-16LE from the pattern of NUL bytes"])

        let big = try TextDecoder.decode(utf16("Big-endian too.", bigEndian: true))
        #expect(big.text == "Big-endian too.")
        #expect(big.encoding == "utf-16be")
        #expect(big.warnings == ["no byte-order mark; decoded as UTF-16BE from the pattern of NUL bytes"])
    }

    @Test func utf16Problems() throws {
        // An unpaired high surrogate, then an odd trailing byte.
        let bytes: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x3D, 0xD8, 0x42, 0x00, 0x43]
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded.text == "A\u{FFFD}B\u{FFFD}")
        #expect(decoded.encoding == "utf-16le")
        #expect(
            decoded.warnings == [
                "UTF-16 input has an odd number of bytes; the last byte was replaced with U+FFFD",
                "input has 1 unpaired UTF-16 surrogates; replaced with U+FFFD",
            ]
        )
    }

    @Test func invalidUTF8FallsBackToWindows1252() throws {
        // "Caf\xE9 \x93quoted\x94 \x80 5 \x81" in Windows-1252.
        let bytes: [UInt8] =
            Array("Caf".utf8) + [0xE9, 0x20, 0x93] + Array("quoted".utf8) + [0x94, 0x20, 0x80]
            + Array(" 5 \r\n".utf8) + [0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x9F, 0xFF]
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded.text == "Café “quoted” € 5 \n\u{81}\u{8D}\u{8F}\u{90}\u{9D}Ÿÿ")
        #expect(decoded.encoding == "windows-1252")
        #expect(decoded.warnings == ["input is not valid UTF-8; decoded as Windows-1252"])
    }

    @Test func everyWindows1252ByteDecodes() throws {
        let bytes: [UInt8] = Array(0x80...0xFF)
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded.encoding == "windows-1252")
        #expect(decoded.text.unicodeScalars.count == 128)
        let expectedStart = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ"
        #expect(decoded.text.hasPrefix(expectedStart))
        #expect(decoded.text.hasSuffix("\u{A0}¡¢£") == false)
        #expect(decoded.text.unicodeScalars.last == "ÿ")
    }

    @Test(
        arguments: [
            // Overlong, surrogate, too large, truncated, stray continuation.
            [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x61, 0xE2, 0x82], [0x80, 0x61],
        ] as [[UInt8]]
    )
    func malformedUTF8IsWindows1252(bytes: [UInt8]) throws {
        #expect(try TextDecoder.decode(bytes).encoding == "windows-1252")
    }

    @Test func nulByteIsNotText() {
        let bytes = Array("hello world!".utf8) + [0x00] + Array("more".utf8)
        #expect(throws: TextDecodingError(.notText, "not a text file (NUL byte at offset 12)")) {
            try TextDecoder.decode(bytes)
        }
    }

    @Test func manyControlCharactersAreNotText() {
        let bytes: [UInt8] = Array("ab".utf8) + [0x01, 0x02, 0x1B, 0x7F] + Array("cd".utf8)
        #expect(throws: TextDecodingError(.notText, "not a text file (3 control characters in 8 bytes)")) {
            try TextDecoder.decode(bytes)
        }
    }

    @Test func fewControlCharactersAreText() throws {
        let text = String(repeating: "A line of text.\t\u{0C}\n", count: 10) + "\u{1B}[0m"
        #expect(try TextDecoder.decode(Array(text.utf8)).text == text)
    }

    @Test(
        arguments: [
            (Array("%PDF-1.7\n%âãÏÓ".utf8), "a PDF document"),
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "a PNG image"),
            ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "a ZIP archive (or an Office document)"),
            ([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01], "an ELF executable"),
            ([0x1F, 0x8B, 0x08, 0x00], "a gzip archive"),
            ([0xFF, 0xD8, 0xFF, 0xE0], "a JPEG image"),
            (Array("GIF89a".utf8), "a GIF image"),
        ] as [([UInt8], String)]
    )
    func knownBinaryFormatsAreNotText(bytes: [UInt8], name: String) {
        #expect(throws: TextDecodingError(.notText, "not a text file (looks like \(name))")) {
            try TextDecoder.decode(bytes)
        }
    }

    @Test func textStartingLikeBzip2IsText() throws {
        #expect(try TextDecoder.decode(Array("BZh is a prefix".utf8)).text == "BZh is a prefix")
    }

    @Test func utf16WithNULCharacterIsNotText() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00, 0x42, 0x00]
        #expect(throws: TextDecodingError(.notText, "not a text file (NUL character at offset 4)")) {
            try TextDecoder.decode(bytes)
        }
    }

    @Test func utf32IsNotText() {
        #expect(throws: TextDecodingError(.notText, "not a text file (UTF-32 is not supported)")) {
            try TextDecoder.decode([0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00])
        }
    }

    @Test func randomBinaryIsNotText() throws {
        var generator = SplitMix(seed: 42)
        let bytes = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let error = try #require(throws: TextDecodingError.self) { try TextDecoder.decode(bytes) }
        #expect(error.code == .notText)
    }

    @Test func tooLargeIsCheckedFirst() {
        // Binary content, but the size is what is reported.
        let bytes = [UInt8](repeating: 0, count: 101)
        #expect(throws: TextDecodingError(.tooLarge, "file is 101 bytes, over the limit of 100 (max_bytes)")) {
            try TextDecoder.decode(bytes, maximumBytes: 100)
        }
        #expect(TextDecoder.defaultMaximumBytes == 10_485_760)
        #expect(throws: TextDecodingError(.tooLarge, "file is 12582912 bytes, over the limit of 10485760 (max_bytes)"))
        {
            try TextDecoder.decode([UInt8](repeating: 0x61, count: 12_582_912))
        }
    }

    @Test func exactlyAtTheLimitIsAccepted() throws {
        #expect(try TextDecoder.decode(Array("abcd".utf8), maximumBytes: 4).text == "abcd")
    }

    @Test(arguments: [[], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]] as [[UInt8]])
    func emptyInput(bytes: [UInt8]) {
        let error = #expect(throws: TextDecodingError.self) { try TextDecoder.decode(bytes) }
        #expect(error?.code == .empty)
        #expect(error?.code.description == "empty")
        #expect(error?.message == (bytes.isEmpty ? "empty file" : "empty file (only a byte-order mark)"))
    }

    @Test(
        "whitespace-only text is empty, as no bytes are",
        arguments: [" ", "\n\n", " \t\r\n ", "\u{A0}\u{2003}\u{3000}"]
    )
    func whitespaceOnlyIsEmpty(text: String) {
        #expect(throws: TextDecodingError(.empty, "no text (only whitespace)")) {
            try TextDecoder.decode(Array(text.utf8))
        }
        let bytes: [UInt8] = [0xFF, 0xFE] + utf16(text, bigEndian: false)
        #expect(throws: TextDecodingError(.empty, "no text (only whitespace)")) { try TextDecoder.decode(bytes) }
    }

    @Test("one NUL is not evidence of UTF-16: q\\0 is binary, like other NUL-bearing input")
    func shortNULInputIsNotUTF16() throws {
        #expect(throws: TextDecodingError(.notText, "not a text file (NUL byte at offset 1)")) {
            try TextDecoder.decode([0x71, 0x00])
        }
        #expect(throws: TextDecodingError(.notText, "not a text file (NUL byte at offset 0)")) {
            try TextDecoder.decode([0x00, 0x71, 0x00, 0x72])
        }
        #expect(throws: TextDecodingError(.notText, "not a text file (NUL byte at offset 1)")) {
            try TextDecoder.decode(utf16("abc", bigEndian: false))
        }
        #expect(try TextDecoder.decode(utf16("abcd", bigEndian: false)).encoding == "utf-16le")
        #expect(try TextDecoder.decode(utf16("abcd", bigEndian: true)).encoding == "utf-16be")
    }

    @Test(
        "already-decoded text is checked by the rules file bytes are",
        arguments: [
            ("", "empty", "empty text"),
            ("  \n\t", "empty", "no text (only whitespace)"),
            ("ab\u{0}c", "not_text", "not text (NUL character at scalar offset 2)"),
            ("\u{1}\u{2}abc", "not_text", "not a text file (2 control characters in 5 characters)"),
        ] as [(String, String, String)]
    )
    func checkDecodedText(text: String, code: String, message: String) throws {
        let error = try #require(throws: TextDecodingError.self) { try TextDecoder.check(text) }
        #expect(error.code.description == code)
        #expect(error.message == message)
    }

    @Test func checkAcceptsText() throws {
        try TextDecoder.check("A line.\r\n\tAnother\u{C}.")
        try TextDecoder.check(" x ")
    }

    @Test func codeDescriptions() {
        #expect(TextDecodingError.Code.notText.description == "not_text")
        #expect(TextDecodingError.Code.tooLarge.description == "too_large")
        #expect(TextDecodingError.Code.empty.description == "empty")
        #expect("\(TextDecodingError(.empty, "empty file"))" == "empty file")
    }

    @Test func longASCIIWithMultibyteTailKeepsEveryByte() throws {
        let text = String(repeating: "abcdefgh", count: 1000) + "ß€😀" + String(repeating: "x", count: 7)
        #expect(try TextDecoder.decode(Array(text.utf8)).text == text)
    }
}

/// The code units of `text` in UTF-16, as bytes in the given order.
func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
    text.utf16.flatMap { unit in
        let high = UInt8(unit >> 8)
        let low = UInt8(unit & 0xFF)
        return bigEndian ? [high, low] : [low, high]
    }
}

/// A small deterministic random number generator for test data.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
