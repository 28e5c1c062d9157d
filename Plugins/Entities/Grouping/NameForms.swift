/// The case endings German and Russian put on names, taken off so that the forms of one
/// name group together: `Macrons` with `Macron`, `Путина` with `Путин`, `Лаврову` with
/// `Лавров`, `Зеленского` with `Зеленский`, `Москве` with `Москва`.
///
/// German: the genitive `s` of a word of five letters or more, and the last letter of an
/// adjective ending `-en`, `-er`, `-em` of six letters or more (`Deutschen Bank` with
/// `Deutsche Bank`; other words lose the letter in every form alike). Russian: the longest of the
/// noun and adjective case endings that leaves three letters or more. The surname suffixes
/// `ов`, `ев`, `ин` are never taken as endings (`Петров` stays apart from `Петра`). A
/// nominative that itself ends like a case (`Газпром`: `газпр`) differs from its other
/// forms (`Газпрома`: `газпром`); grouping and repeats also match a written form against a
/// caseless one (``MentionGrouper``, ``NameRepeats``).
enum NameForms {
    private static let russianEndings = [
        "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ый", "ий", "ая", "яя", "ое", "ее", "ые", "ие",
        "ых", "их", "ом", "ем", "ым", "им", "ой", "ей", "ую", "юю", "ах", "ях", "а", "я", "у", "ю", "е", "ы", "и",
        "о", "ь",
    ]

    /// A lowercase word without its case ending.
    ///
    /// - Parameters:
    ///   - word: A lowercase word of a name.
    ///   - language: The text's language.
    /// - Returns: The word without its ending, or the word.
    static func stem(_ word: String, language: String?) -> String {
        switch language {
        case "de":
            var stem = word
            if stem.count >= 5, stem.hasSuffix("s"), !stem.hasSuffix("ss") { stem.removeLast() }
            // An adjective's ending in a name: `Deutschen`, `Deutscher`, `Deutschem` as
            // `Deutsche` (`Deutsches` through the genitive rule). After it, so that
            // `Schröders` and `Schröder` keep one stem.
            if stem.count >= 6, stem.hasSuffix("en") || stem.hasSuffix("er") || stem.hasSuffix("em") {
                stem.removeLast()
            }
            return stem
        case "ru":
            for ending in russianEndings where word.hasSuffix(ending) && word.count - ending.count >= 3 {
                return String(word.dropLast(ending.count))
            }
            return word
        default:
            return word
        }
    }

    /// Whether two Russian stems (``stem(_:language:)``) of given names are one name's:
    /// equal, or one the other and a last letter, three letters or more (`серг` from
    /// `Сергей`, `серге` from `Сергея`: names in -ей and -ий lose two letters in the
    /// nominative, one in the other cases).
    ///
    /// - Parameter pair: The two stems.
    /// - Returns: Whether they are one name's.
    static func sameGivenName(_ pair: (String, String)) -> Bool {
        let (left, right) = pair
        if left == right { return true }
        let (short, long) = left.count < right.count ? (left, right) : (right, left)
        return short.count >= 3 && long.count == short.count + 1 && long.hasPrefix(short)
    }

    /// Whether a Russian name ends as a feminine nominative does (`-а`, `-я`: `Москва`, not
    /// `Москве` or `Москву`).
    ///
    /// - Parameter name: The name as written.
    /// - Returns: Whether its last letter is `а` or `я`.
    static func endsLikeFeminineNominative(_ name: String) -> Bool {
        name.hasSuffix("а") || name.hasSuffix("я")
    }

    /// A lowercase name with each word's case ending taken off.
    ///
    /// - Parameters:
    ///   - form: The lowercase name, words separated by spaces.
    ///   - language: The text's language.
    /// - Returns: The form grouping compares.
    static func caseless(_ form: String, language: String?) -> String {
        guard language == "de" || language == "ru" else { return form }
        return form.split(separator: " ").map { stem(String($0), language: language) }.joined(separator: " ")
    }
}
