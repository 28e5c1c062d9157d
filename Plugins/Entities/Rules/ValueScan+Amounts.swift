import LectorCore
import LectorText

extension ValueScan {
    static let symbols: [String: String] = [
        "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY",
    ]
    static let dollarPrefixes: [String: String] = [
        "us": "USD", "a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD", "hk": "HKD", "nz": "NZD", "s": "SGD",
    ]
    static let codes: Set<String> = [
        "USD", "EUR", "GBP", "JPY", "CHF", "INR", "CNY", "RUB", "AUD", "CAD", "HKD", "SEK", "NOK", "DKK", "BRL",
        "MXN", "ZAR", "KRW", "TRY", "PLN", "CZK", "HUF", "ILS", "AED", "SAR", "NGN", "THB", "MYR", "IDR", "UAH",
        "SGD", "NZD", "EGP", "PKR", "ARS", "CLP", "COP",
    ]
    static let currencyWords: [String: String] = [
        "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP",
        "sterling": "GBP", "yen": "JPY", "rupee": "INR", "rupees": "INR", "rs": "INR", "yuan": "CNY",
        "renminbi": "CNY", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "franc": "CHF",
        "francs": "CHF", "dólar": "USD", "dólares": "USD", "libras": "GBP", "pesetas": "ESP", "peseta": "ESP",
        "marks": "DEM", "pesos": "MXN", "kronor": "SEK", "krona": "SEK", "koruna": "CZK", "korunas": "CZK",
        "forint": "HUF", "forints": "HUF", "zloty": "PLN", "zlotys": "PLN", "złoty": "PLN", "złotych": "PLN",
        "rand": "ZAR", "lira": "TRY", "liras": "TRY", "shekel": "ILS", "shekels": "ILS", "dirham": "AED",
        "dirhams": "AED", "riyal": "SAR", "riyals": "SAR", "naira": "NGN", "baht": "THB", "ringgit": "MYR",
        "rupiah": "IDR", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnas": "UAH",
    ]
    /// Currency names shared by several currencies (`kroner`: Danish or Norwegian): the
    /// amount is MONEY with no currency code.
    static let unnamedCurrencyWords: Set<String> = ["krone", "kroner"]
    static let stopWords: Set<String> = [
        "the", "a", "an", "of", "to", "and", "or", "in", "on", "at", "for", "with", "by", "from", "as", "is", "was",
        "were", "are", "be", "per", "than", "that", "this", "it", "its", "after", "before", "over", "under", "into",
        "he", "she", "they", "we", "i", "you", "has", "had", "have", "will", "would", "said", "says", "more", "less",
        "de", "del", "la", "el", "los", "las", "y", "en", "que", "por", "con", "para", "a.m", "p.m", "am", "pm",
    ]

    /// Whether token `index` is a lowercase noun that can be the unit of a quantity.
    func isUnitNoun(_ index: Int) -> Bool {
        guard isKind(index, .word), !isCapitalized(index), let lower = lower(index) else { return false }
        guard lower.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" }) else { return false }
        return !Self.stopWords.contains(lower) && NumberReader.scales[lower] == nil && Self.currencyWords[lower] == nil
            && !Self.unnamedCurrencyWords.contains(lower)
            && DateNormalizer.month(named: lower) == nil
    }

    /// An amount (MONEY, PERCENT or QUANTITY) whose number is token `index`.
    func amount(at index: Int) -> (EntityMention, Int)? {
        guard let (number, hasGrouping, suffixScale) = numberValue(at: index) else { return nil }
        if word(index - 1) == ":" && touch(index - 1, index) || word(index + 1) == ":" && touch(index, index + 1) {
            return nil
        }
        var value = number * (suffixScale ?? 1)
        var last = index
        var scaled = suffixScale != nil
        if let scaleWord = lower(index + 1), let scale = NumberReader.scales[scaleWord], scaleWord.count > 1 {
            value *= scale
            last += 1
            scaled = true
            if scaleWord == "mil", let more = lower(last + 1), let big = NumberReader.scales[more], big >= 1e6 {
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
            } else if let code = Self.currencyWords[name] {
                currency = code
                last += 1
            } else if Self.unnamedCurrencyWords.contains(name) {
                isUnnamedMoney = true
                last += 1
            } else if scaled, name == "de", let after = lower(last + 2), let code = Self.currencyWords[after] {
                // Spanish: `2.000 millones de euros`.
                currency = code
                last += 2
            }
        }
        let isMoney = currency != nil || isUnnamedMoney
        guard value.isFinite else { return nil }
        if isMoney { return mention(first, last, .money, value: Self.json(value), unit: currency) }
        if word(last + 1) == "%" || ["percent", "pct", "percentage"].contains(lower(last + 1) ?? "") {
            return mention(index, last + 1, .percent, value: Self.json(value))
        }
        if lower(last + 1) == "per", lower(last + 2) == "cent" || lower(last + 2) == "cents" {
            return mention(index, last + 2, .percent, value: Self.json(value))
        }
        if lower(last + 1) == "por", lower(last + 2) == "ciento" {
            return mention(index, last + 2, .percent, value: Self.json(value))
        }
        let afterName = last == index && isCapitalized(index - 1) && !scaled && !hasGrouping
        if !afterName, isUnitNoun(last + 1), !lineBreakBetween(last, last + 1) {
            return mention(index, last + 1, .quantity, value: Self.json(value), unit: lower(last + 1))
        }
        guard scaled || hasGrouping else { return nil }
        return mention(index, last, .quantity, value: Self.json(value))
    }

    /// The value of a number token, or of a word like `20m` or `1.5bn`: the number,
    /// whether it had grouping separators, and the scale of a suffix.
    func numberValue(at index: Int) -> (Double, Bool, Double?)? {
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        guard token.kind == .number || (token.kind == .word && Self.isDigit(text.scalars[token.start]))
        else { return nil }
        let scalars = text.scalars[token.range]
        let decimalComma = recognizer.usesDecimalComma
        if token.kind == .number {
            guard let value = NumberReader.value(scalars, decimalComma: decimalComma) else { return nil }
            var separators = 0
            for scalar in scalars where scalar == "," || scalar == "." { separators += 1 }
            let grouped = separators > 1 || (separators == 1 && value.rounded() == value && value >= 1000)
            return (value, grouped, nil)
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
        return (value, false, scale)
    }
}
