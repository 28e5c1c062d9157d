import LectorText
import Testing

/// Properties that must hold for any input: random text built from tricky pieces.
@Suite("Invariants")
struct InvariantTests {
    static let pieces: [String] = [
        "a", "Mr.", "U.S.", "e.g.", "J.", " ", "  ", "\n", "\n\n", "\r\n", "\t", ".", "...", "…", "!", "?", "?!",
        "“", "”", "\"", "'", "(", ")", "«", "»", "3.5", "1,50,000", "12.5%", "http://x.io/a.b", "a@b.co", "-",
        "—", "don't", "state-of-the-art", "The", "the", "日本", "。", "」", "と", "ภาษา", "।", "؟", "😀", "👍🏽",
        "👨‍👩‍👧", "🇩🇪", "e\u{301}", "\u{301}", "\u{200B}", "\u{200D}", "\u{FEFF}", "\u{2029}", "Ab", "ZZ", "1.",
        "\u{7}", "\u{FFFD}", "z.B.", "Okt.", "3.", "Oktober", ";", "Ναι", "\u{037E}", "www.", "http://", "@",
    ]

    @Test(arguments: 0..<200)
    func tokensAndSentencesAreWellFormed(seed: Int) {
        var generator = SplitMix(seed: UInt64(seed))
        var text = ""
        for _ in 0..<Int.random(in: 0...60, using: &generator) {
            text += Self.pieces.randomElement(using: &generator) ?? ""
        }
        let scalars = ScalarText(text)
        #expect(scalars.count == text.unicodeScalars.count)
        #expect(scalars.slice(0..<scalars.count) == text)

        let tokens = Tokenizer.tokenize(scalars)
        var previousEnd = 0
        for token in tokens {
            #expect(token.start >= previousEnd && token.start < token.end && token.end <= scalars.count)
            previousEnd = token.end
        }

        let sentences = SentenceSplitter.split(scalars)
        #expect(sentences == SentenceSplitter.split(scalars, tokens: tokens))
        previousEnd = 0
        for sentence in sentences {
            #expect(sentence.start >= previousEnd && sentence.start < sentence.end && sentence.end <= scalars.count)
            #expect(!scalars.scalars[sentence.start].properties.isWhitespace)
            #expect(!scalars.scalars[sentence.end - 1].properties.isWhitespace)
            previousEnd = sentence.end
        }
        // Every token lies inside exactly one sentence.
        var sentenceIndex = 0
        for token in tokens {
            while sentenceIndex < sentences.count, sentences[sentenceIndex].end <= token.start { sentenceIndex += 1 }
            #expect(sentenceIndex < sentences.count && sentences[sentenceIndex].range.contains(token.start))
            #expect(sentenceIndex < sentences.count && token.end <= sentences[sentenceIndex].end)
        }
        #expect(tokens.isEmpty == sentences.isEmpty)
    }

    @Test func decoderRoundTripsRandomText() throws {
        var generator = SplitMix(seed: 7)
        for _ in 0..<100 {
            var text = "x"
            for _ in 0..<40 { text += Self.pieces.randomElement(using: &generator) ?? "" }
            let expected = text.replacing("\r\n", with: "\n")
            let clean = expected.unicodeScalars.filter { $0.value != 7 }
            let input = String(String.UnicodeScalarView(clean))
            #expect(try TextDecoder.decode(Array(input.utf8)).text == input)
            #expect(try TextDecoder.decode([0xFE, 0xFF] + utf16(input, bigEndian: true)).text == input)
        }
    }
}
