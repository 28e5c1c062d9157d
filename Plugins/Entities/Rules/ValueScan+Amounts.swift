import LectorCore
import LectorText

extension ValueScan {
    static let symbols: [String: String] = [
        "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY",
    ]
    static let dollarPrefixes: [String: String] = [
        "us": "USD", "a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD", "hk": "HKD", "nz": "NZD", "s": "SGD",
        "r": "BRL",
    ]
    static let codes: Set<String> = [
        "USD", "EUR", "GBP", "JPY", "CHF", "INR", "CNY", "RUB", "AUD", "CAD", "HKD", "SEK", "NOK", "DKK", "BRL",
        "MXN", "ZAR", "KRW", "TRY", "PLN", "CZK", "HUF", "ILS", "AED", "SAR", "NGN", "THB", "MYR", "IDR", "UAH",
        "SGD", "NZD", "EGP", "PKR", "ARS", "CLP", "COP",
    ]
    /// Currency names shared by several currencies (`kroner`: Danish or Norwegian): the
    /// amount is MONEY with no currency code.
    static let unnamedCurrencyWords: Set<String> = ["krone", "kroner"]

    /// Whether token `index` is a noun that can be the unit of a quantity: lowercase (or
    /// capitalised in German, where every noun is), and no function, scale, currency or
    /// month word.
    func isUnitNoun(_ index: Int) -> Bool {
        let words = recognizer.words
        guard isKind(index, .word), words.capitalizedNouns || !isCapitalized(index), let lower = lower(index) else {
            return false
        }
        guard lower.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" }) else { return false }
        return !words.stopWords.contains(lower) && words.scales[lower] == nil && words.currencies[lower] == nil
            && !Self.unnamedCurrencyWords.contains(lower) && words.percentWords.isDisjoint(with: [lower])
            && DateNormalizer.month(named: lower) == nil && words.weekdays[lower] == nil
    }

    /// An amount (MONEY, PERCENT or QUANTITY) whose number is token `index`.
    func amount(at index: Int) -> (EntityMention, Int)? {
        guard let (number, hasGrouping, suffixScale, numberEnd) = numberValue(at: index) else { return nil }
        let words = recognizer.words
        if word(index - 1) == ":" && touch(index - 1, index) || word(index + 1) == ":" && touch(index, index + 1) {
            return nil
        }
        var value = number * (suffixScale ?? 1)
        var last = numberEnd
        var scaled = suffixScale != nil
        // `Mrd.` may be one token: its full stop belongs to it.
        if let written = lower(last + 1),
            case let scaleWord = written.hasSuffix(".") ? String(written.dropLast()) : written,
            scaleWord.count > 1, let scale = words.scales[scaleWord]
        {
            value *= scale
            last += 1
            scaled = true
            // `Mio.`, `Mrd.`: the abbreviation's full stop belongs to it.
            if word(last + 1) == ".", touch(last, last + 1), scaleWord.count <= 4 { last += 1 }
            if scaleWord == "mil", let more = lower(last + 1), let big = words.scales[more], big >= 1e6 {
                value = number * 1e9
                last += 1
            }
        }
        var first = index
        var currency: String?
        if let symbol = word(index - 1), let code = Self.symbols[symbol] {
            first = index - 1
            currency = code
            if let prefix = lower(index - 2), touch(index - 2, index - 1), symbol == "$",
                let dollar = Self.dollarPrefixes[prefix]
            {
                first = index - 2
                currency = dollar
            }
        } else if let code = word(index - 1), Self.codes.contains(code) || code == "Rs" || code == "Rs." {
            first = index - 1
            currency = Self.codes.contains(code) ? code : "INR"
        }
        // A currency name shared by several currencies makes MONEY with no code.
        var isUnnamedMoney = false
        if currency == nil, let next = word(last + 1) {
            let name = next.lowercased()
            if Self.codes.contains(next) {
                currency = next
                last += 1
            } else if let code = words.currencies[name] {
                currency = code
                last += 1
            } else if let code = Self.symbols[next] {
                // `500 €`, `12 000 €`: the symbol after the amount.
                currency = code
                last += 1
            } else if Self.unnamedCurrencyWords.contains(name) {
                isUnnamedMoney = true
                last += 1
            } else if scaled, ["de", "di"].contains(name), let after = lower(last + 2),
                let code = words.currencies[after]
            {
                // `2.000 millones de euros`, `3 miliardi di euro`, `3,5 bilhões de reais`.
                currency = code
                last += 2
            } else if scaled, name.hasPrefix("d'") || name.hasPrefix("d’"),
                let code = words.currencies[String(name.dropFirst(2))]
            {
                // `2 milliards d'euros`.
                currency = code
                last += 1
            } else if scaled, name == "d", word(last + 2) == "'" || word(last + 2) == "’",
                let after = lower(last + 3), let code = words.currencies[after]
            {
                currency = code
                last += 3
            }
        }
        let isMoney = currency != nil || isUnnamedMoney
        guard value.isFinite else { return nil }
        if isMoney { return mention(first, last, .money, value: Self.json(value), unit: currency) }
        if word(last + 1) == "%" || words.percentWords.contains(lower(last + 1) ?? "") {
            return mention(index, last + 1, .percent, value: Self.json(value))
        }
        if let first = lower(last + 1), let second = lower(last + 2), words.percentPairs.contains("\(first) \(second)")
        {
            return mention(index, last + 2, .percent, value: Self.json(value))
        }
        let afterName =
            last == index && isCapitalized(index - 1) && !scaled && !hasGrouping
            && !words.capitalizedNouns
        if !afterName, isUnitNoun(last + 1), !lineBreakBetween(last, last + 1) {
            return mention(index, last + 1, .quantity, value: Self.json(value), unit: lower(last + 1))
        }
        guard scaled || hasGrouping else { return nil }
        return mention(index, last, .quantity, value: Self.json(value))
    }

    /// The value of a number token, or of a word like `20m` or `1.5bn`: the number,
    /// whether it had grouping separators, the scale of a suffix, and the number's last
    /// token (later than `index` for `12 000`, grouped with spaces as in French).
    func numberValue(at index: Int) -> (Double, Bool, Double?, Int)? {
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        guard token.kind == .number || (token.kind == .word && Self.isDigit(text.scalars[token.start]))
        else { return nil }
        let scalars = text.scalars[token.range]
        let decimalComma = recognizer.usesDecimalComma
        if token.kind == .number {
            if let spaced = spaceGrouped(at: index) { return (spaced.value, true, nil, spaced.last) }
            guard let value = NumberReader.value(scalars, decimalComma: decimalComma) else { return nil }
            var separators = 0
            for scalar in scalars where scalar == "," || scalar == "." { separators += 1 }
            let grouped = separators > 1 || (separators == 1 && value.rounded() == value && value >= 1000)
            return (value, grouped, nil, index)
        }
        guard token.kind == .word, let first = scalars.first, first.properties.numericType == .decimal else {
            return nil
        }
        let digits = scalars.prefix { $0.properties.numericType == .decimal || $0 == "." || $0 == "," }
        var suffix = String.UnicodeScalarView()
        suffix.append(contentsOf: scalars[digits.endIndex...])
        guard let scale = NumberReader.scales[String(suffix).lowercased()],
            let value = NumberReader.value(digits, decimalComma: decimalComma)
        else { return nil }
        return (value, false, scale, index)
    }

    /// A whole number grouped by single spaces (`12 000`, `1 234 567`, also with no-break
    /// or thin spaces), in languages with a decimal comma: its value and last token. The
    /// first group has one to three digits and no separator; each later one three digits.
    func spaceGrouped(at index: Int) -> (value: Double, last: Int)? {
        guard recognizer.usesDecimalComma, let head = word(index), (1...3).contains(head.count),
            head.allSatisfy(\.isASCII), let headValue = Int(head)
        else { return nil }
        var value = Double(headValue)
        var last = index
        while last + 1 < tokens.count, isKind(last + 1, .number), let group = word(last + 1) {
            let gap = text.scalars[tokens[last].end..<tokens[last + 1].start]
            guard gap.count == 1, let space = gap.first, [" ", "\u{A0}", "\u{202F}", "\u{2009}"].contains(space),
                !lineBreakBetween(last, last + 1)
            else { break }
            var digits = Substring(group)
            var decimals = ""
            if let comma = group.firstIndex(of: ",") {
                digits = group[..<comma]
                decimals = String(group[group.index(after: comma)...])
            }
            guard digits.count == 3, digits.allSatisfy(\.isASCII), let groupValue = Int(digits),
                decimals.allSatisfy(\.isNumber)
            else { break }
            value = value * 1000 + Double(groupValue)
            if !decimals.isEmpty, let fraction = Double("0." + decimals) { value += fraction }
            last += 1
            if !decimals.isEmpty { break }
        }
        return last > index ? (value, last) : nil
    }
}
