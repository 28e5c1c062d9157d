extension PorterWord {
    mutating func step1a() {
        if endsWith("ies"), letters.count == 4 {
            letters = Array(stem(dropping: 3)) + Array("ie".utf8)
            return
        }
        apply([("sses", "ss"), ("ies", "i"), ("ss", "ss"), ("s", "")]) { _ in true }
    }

    mutating func step1b() {
        if endsWith("ied") {
            letters = Array(stem(dropping: 3)) + Array((letters.count == 4 ? "ie" : "i").utf8)
            return
        }
        if endsWith("eed") {
            let stem = stem(dropping: 3)
            if Self.measure(stem) > 0 { letters = Array(stem) + Array("ee".utf8) }
            return
        }
        var base: ArraySlice<UInt8>?
        for suffix in ["ed", "ing"] where endsWith(suffix) {
            let candidate = stem(dropping: suffix.utf8.count)
            if Self.containsVowel(candidate) {
                base = candidate
                break
            }
        }
        guard let base else { return }
        letters = Array(base)
        if apply([("at", "ate"), ("bl", "ble"), ("iz", "ize")], when: { _ in true }) { return }
        if Self.endsDoubleConsonant(base) {
            if let last = base.last, !"lsz".utf8.contains(last) { letters.removeLast() }
            return
        }
        if Self.measure(base) == 1, Self.endsCVC(base) { letters.append(UInt8(ascii: "e")) }
    }

    mutating func step1c() {
        guard endsWith("y") else { return }
        let stem = stem(dropping: 1)
        if stem.count > 1, Self.isConsonant(stem, stem.endIndex - 1) {
            letters[letters.count - 1] = UInt8(ascii: "i")
        }
    }

    mutating func step2() {
        if endsWith("alli"), Self.measure(stem(dropping: 4)) > 0 {
            letters = Array(stem(dropping: 4)) + Array("al".utf8)
            step2()
            return
        }
        let positive: (ArraySlice<UInt8>) -> Bool = { Self.measure($0) > 0 }
        let rules: [(String, String)] = [
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
            ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
            ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
            ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
            ("fulli", "ful"),
        ]
        if apply(rules, when: positive) { return }
        if endsWith("logi"), Self.measure(stem(dropping: 3)) > 0 {
            letters = Array(stem(dropping: 4)) + Array("log".utf8)
        }
    }

    mutating func step3() {
        apply(
            [
                ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""),
                ("ness", ""),
            ]
        ) { Self.measure($0) > 0 }
    }

    mutating func step4() {
        let rules: [(String, String)] = [
            ("al", ""), ("ance", ""), ("ence", ""), ("er", ""), ("ic", ""), ("able", ""), ("ible", ""),
            ("ant", ""), ("ement", ""), ("ment", ""), ("ent", ""), ("ion", ""), ("ou", ""), ("ism", ""),
            ("ate", ""), ("iti", ""), ("ous", ""), ("ive", ""), ("ize", ""),
        ]
        for (suffix, _) in rules where endsWith(suffix) {
            let stem = stem(dropping: suffix.utf8.count)
            var holds = Self.measure(stem) > 1
            if suffix == "ion" { holds = holds && (stem.last == UInt8(ascii: "s") || stem.last == UInt8(ascii: "t")) }
            if holds { letters = Array(stem) }
            return
        }
    }

    mutating func step5() {
        if endsWith("e") {
            let stem = stem(dropping: 1)
            let measure = Self.measure(stem)
            if measure > 1 || (measure == 1 && !Self.endsCVC(stem)) { letters = Array(stem) }
        }
        if endsWith("ll"), Self.measure(stem(dropping: 1)) > 1 { letters.removeLast() }
    }
}
