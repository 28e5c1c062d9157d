import LectorText
import Testing

/// Tokens rendered as `W:text`, `N:text`, `P:text` or `S:text` for compact tables.
func rendered(_ text: String) -> [String] {
    let scalars = ScalarText(text)
    return Tokenizer.tokenize(scalars).map { token in
        let tag =
            switch token.kind {
            case .word: "W"
            case .number: "N"
            case .punctuation: "P"
            case .symbol: "S"
            }
        return "\(tag):\(token.text(in: scalars))"
    }
}

@Suite("Tokenizer")
struct TokenizerTests {
    @Test(arguments: [
        ("Don't stop!", ["W:Don't", "W:stop", "P:!"]),
        ("a state-of-the-art O'Neill", ["W:a", "W:state-of-the-art", "W:O'Neill"]),
        ("rock’n’roll students' work", ["W:rock’n’roll", "W:students", "P:'", "W:work"]),
        ("well--known", ["W:well", "P:--", "W:known"]),
        ("COVID-19 and x86_64", ["W:COVID-19", "W:and", "W:x86_64"]),
        ("the 4th time in the 1990s", ["W:the", "W:4th", "W:time", "W:in", "W:the", "W:1990s"]),
        ("(quoted) [text]", ["P:(", "W:quoted", "P:)", "P:[", "W:text", "P:]"]),
        ("Wait... what?!", ["W:Wait", "P:...", "W:what", "P:?!"]),
        ("em—dash", ["W:em", "P:—", "W:dash"]),
    ])
    func englishWords(text: String, expected: [String]) {
        #expect(rendered(text) == expected)
    }

    @Test(arguments: [
        ("1,234.56 dollars", ["N:1,234.56", "W:dollars"]),
        ("3.5 million", ["N:3.5", "W:million"]),
        ("Rs 1,50,000 only", ["W:Rs", "N:1,50,000", "W:only"]),
        ("up 12.5%", ["W:up", "N:12.5", "S:%"]),
        ("$5, then 7.", ["S:$", "N:5", "P:,", "W:then", "N:7", "P:."]),
        ("1.234,56 €", ["N:1.234,56", "S:€"]),
        ("in 2019, 50 people", ["W:in", "N:2019", "P:,", "N:50", "W:people"]),
        ("2022-02-16", ["N:2022", "P:-", "N:02", "P:-", "N:16"]),
        ("٣٫١٤ و ١٢٣", ["N:٣٫١٤", "W:و", "N:١٢٣"]),
        ("½ cup, 10² m", ["N:½", "W:cup", "P:,", "N:10", "N:²", "W:m"]),
        ("+1-555 a+b=c", ["S:+", "N:1", "P:-", "N:555", "W:a", "S:+", "W:b", "S:=", "W:c"]),
    ])
    func numbers(text: String, expected: [String]) {
        #expect(rendered(text) == expected)
    }

    @Test(arguments: [
        ("Mr. Smith and Dr. Jones", ["W:Mr.", "W:Smith", "W:and", "W:Dr.", "W:Jones"]),
        ("the U.S. and U.K.", ["W:the", "W:U.S.", "W:and", "W:U.K."]),
        ("e.g. apples, i.e. fruit", ["W:e.g.", "W:apples", "P:,", "W:i.e.", "W:fruit"]),
        ("J. K. Rowling", ["W:J.", "W:K.", "W:Rowling"]),
        ("on Jan. 5 at 3 p.m. sharp", ["W:on", "W:Jan.", "N:5", "W:at", "N:3", "W:p.m.", "W:sharp"]),
        ("a Ph.D. from the U.S.A", ["W:a", "W:Ph.D.", "W:from", "W:the", "W:U.S.A"]),
        ("apples, pears, etc.", ["W:apples", "P:,", "W:pears", "P:,", "W:etc."]),
        ("etc...", ["W:etc", "P:..."]),
        ("the end.", ["W:the", "W:end", "P:."]),
        ("Approx. ten", ["W:Approx.", "W:ten"]),
        (
            "z.B. Nr. 5 bzw. Mme. Curie, Sra. López",
            [
                "W:z.B.", "W:Nr.", "N:5", "W:bzw.", "W:Mme.", "W:Curie", "P:,", "W:Sra.", "W:López",
            ]
        ),
        ("end.The", ["W:end", "P:.", "W:The"]),
    ])
    func abbreviations(text: String, expected: [String]) {
        #expect(rendered(text) == expected)
    }

    @Test(arguments: [
        ("See https://example.com/a_(b)?x=1&y=2.", ["W:See", "S:https://example.com/a_(b)?x=1&y=2", "P:."]),
        ("(http://x.org/path)", ["P:(", "S:http://x.org/path", "P:)"]),
        ("visit www.lector.dev, now", ["W:visit", "S:www.lector.dev", "P:,", "W:now"]),
        ("mail jane.doe+news@mail.example.co.uk.", ["W:mail", "S:jane.doe+news@mail.example.co.uk", "P:."]),
        ("mailto:a@b.io", ["S:mailto:a@b.io"]),
        ("访问https://example.cn。", ["W:访", "W:问", "S:https://example.cn", "P:。"]),
        ("@handle and a@b", ["S:@", "W:handle", "W:and", "W:a", "S:@", "W:b"]),
        ("http: no", ["W:http", "P::", "W:no"]),
    ])
    func linksAndAddresses(text: String, expected: [String]) {
        #expect(rendered(text) == expected)
    }

    @Test(arguments: [
        ("Die Straße ist schön.", ["W:Die", "W:Straße", "W:ist", "W:schön", "P:."]),
        ("L'homme d'aujourd'hui « ici »", ["W:L'homme", "W:d'aujourd'hui", "P:«", "W:ici", "P:»"]),
        ("我爱北京。", ["W:我", "W:爱", "W:北", "W:京", "P:。"]),
        ("東京タワーへ行く", ["W:東", "W:京", "W:タ", "W:ワ", "W:ー", "W:へ", "W:行", "W:く"]),
        ("ภาษาไทย ง่าย", ["W:ภาษาไทย", "W:ง่าย"]),
        ("ខ្មែរ ລາວ မြန်မာ", ["W:ខ្មែរ", "W:ລາວ", "W:မြန်မာ"]),
        ("नमस्ते दुनिया। ठीक", ["W:नमस्ते", "W:दुनिया", "P:।", "W:ठीक"]),
        ("مرحبا بالعالم؟ نعم", ["W:مرحبا", "W:بالعالم", "P:؟", "W:نعم"]),
        ("안녕하세요 세계", ["W:안녕하세요", "W:세계"]),
        ("Ελληνικά; Русский!", ["W:Ελληνικά", "P:;", "W:Русский", "P:!"]),
        ("iPhone手机", ["W:iPhone", "W:手", "W:机"]),
    ])
    func scripts(text: String, expected: [String]) {
        #expect(rendered(text) == expected)
    }

    @Test func emojiAndCombiningMarks() {
        // "e" + U+0301, a ZWJ family, a thumbs up with skin tone, a flag, a keycap.
        let text = "cafe\u{301} 👨‍👩‍👧 👍🏽 🇩🇪 ❤️ ok"
        #expect(rendered(text) == ["W:cafe\u{301}", "S:👨‍👩‍👧", "S:👍🏽", "S:🇩🇪", "S:❤️", "W:ok"])

        let scalars = ScalarText(text)
        let tokens = Tokenizer.tokenize(scalars)
        #expect(
            tokens.map(\.range) == [0..<5, 6..<11, 12..<14, 15..<17, 18..<20, 21..<23]
        )
    }

    @Test func offsetsCountScalars() {
        let text = "😀 Zoë\u{308}'s 👍🏽-ok"
        let scalars = ScalarText(text)
        let tokens = Tokenizer.tokenize(scalars)
        #expect(
            tokens == [
                Token(start: 0, end: 1, kind: .symbol),
                Token(start: 2, end: 8, kind: .word),
                Token(start: 9, end: 11, kind: .symbol),
                Token(start: 11, end: 12, kind: .punctuation),
                Token(start: 12, end: 14, kind: .word),
            ]
        )
        #expect(tokens[1].text(in: scalars) == "Zoë\u{308}'s")
    }

    @Test func rangeIsRespectedAndOffsetsAreAbsolute() {
        let text = ScalarText("Hello big world")
        let tokens = Tokenizer.tokenize(text, in: 4..<12)
        #expect(
            tokens == [
                Token(start: 4, end: 5, kind: .word),
                Token(start: 6, end: 9, kind: .word),
                Token(start: 10, end: 12, kind: .word),
            ]
        )
        #expect(Tokenizer.tokenize(text, in: 10..<100).map(\.range) == [10..<15])
        #expect(Tokenizer.tokenize(text, in: 3..<3).isEmpty)
    }

    @Test func invisibleCharactersAreSkipped() {
        #expect(rendered("a\u{200B}b \u{FEFF}c\u{200E} ") == ["W:a", "W:b", "W:c"])
        #expect(rendered("  \n\t ").isEmpty)
        #expect(rendered("").isEmpty)
    }

    @Test func everyVisibleScalarIsInAToken() {
        let text = "Mr. O'Neill paid $1,234.56 (12.5%) at https://x.io — “Done!” 😀 日本語 ภาษา ∑ © \u{7}"
        let scalars = ScalarText(text)
        var covered = [Bool](repeating: false, count: scalars.count)
        var previousEnd = 0
        for token in Tokenizer.tokenize(scalars) {
            #expect(token.start >= previousEnd && token.start < token.end)
            previousEnd = token.end
            for index in token.range { covered[index] = true }
        }
        for (index, scalar) in scalars.scalars.enumerated() where !covered[index] {
            #expect(scalar.properties.isWhitespace, "scalar \(index) \(scalar) is in no token")
        }
    }
}
