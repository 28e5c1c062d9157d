import LectorCore
import LectorText

/// The token cursor that ``ValueRecognizer`` uses: token texts, lowercased on demand.
struct ValueScan {
    let text: ScalarText
    let tokens: [Token]
    let recognizer: ValueRecognizer
    let reference: CivilDate?

    init(text: ScalarText, tokens: [Token], recognizer: ValueRecognizer) {
        self.text = text
        self.tokens = tokens
        self.recognizer = recognizer
        self.reference = recognizer.reference
    }

    /// The token's text, or `nil` past the end.
    func word(_ index: Int) -> String? {
        guard index >= 0, index < tokens.count else { return nil }
        return tokens[index].text(in: text)
    }

    /// The token's lowercased text, or `nil` past the end.
    func lower(_ index: Int) -> String? { word(index)?.lowercased() }

    /// Whether token `index` exists and is of `kind`.
    func isKind(_ index: Int, _ kind: Token.Kind) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == kind
    }

    /// Whether token `index` starts with a capital letter.
    func isCapitalized(_ index: Int) -> Bool {
        guard isKind(index, .word) else { return false }
        let first = text.scalars[tokens[index].start]
        return first.value < 0x80 ? (0x41...0x5A).contains(first.value) : first.properties.isUppercase
    }

    /// Whether two tokens touch (no space between them).
    func touch(_ left: Int, _ right: Int) -> Bool {
        left >= 0 && right < tokens.count && tokens[left].end == tokens[right].start
    }

    /// Whether a line break lies between two tokens.
    func lineBreakBetween(_ left: Int, _ right: Int) -> Bool {
        guard left >= 0, right < tokens.count else { return true }
        return text.scalars[tokens[left].end..<tokens[right].start].contains { $0 == "\n" }
    }

    /// A mention from token `first` through token `last`.
    func mention(
        _ first: Int,
        _ last: Int,
        _ type: EntityType,
        value: JSONValue?,
        unit: String? = nil
    ) -> (EntityMention, Int) {
        (
            EntityMention(start: tokens[first].start, end: tokens[last].end, type: type, value: value, unit: unit),
            last + 1
        )
    }

    /// Whether a scalar is a decimal digit (ASCII answered without a property lookup).
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? (0x30...0x39).contains(scalar.value) : scalar.properties.numericType == .decimal
    }

    /// A number as JSON: an integer when it is whole.
    static func json(_ number: Double) -> JSONValue {
        if number.rounded() == number, abs(number) < 9.0e15 { return .int(Int(number)) }
        return .double((number * 1e6).rounded() / 1e6)
    }
}
