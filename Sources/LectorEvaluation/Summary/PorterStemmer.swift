/// The Porter stemmer as `rouge-score` applies it: NLTK's `PorterStemmer()` in its default
/// `NLTK_EXTENSIONS` mode (Porter 1980 plus NLTK's irregular forms, `ies`/`ied` on
/// four-letter words, the `y`→`i` rule only after a consonant that is not the first letter,
/// `alli`, `fulli`, `logi` and `bli` in step 2, and `cvc` on two-letter stems).
///
/// Works on lowercase ASCII words, as ROUGE's tokenizer produces them; words of at most
/// two letters come back unchanged.
package enum PorterStemmer {
    /// The stem of a lowercase ASCII word.
    ///
    /// - Parameter word: The word.
    /// - Returns: Its stem.
    package static func stem(_ word: String) -> String {
        if let irregular = irregularForms[word] { return irregular }
        guard word.utf8.count > 2 else { return word }
        var stemmer = PorterWord(Array(word.utf8))
        stemmer.step1a()
        stemmer.step1b()
        stemmer.step1c()
        stemmer.step2()
        stemmer.step3()
        stemmer.step4()
        stemmer.step5()
        return String(decoding: stemmer.letters, as: UTF8.self)
    }

    private static let irregularForms: [String: String] = [
        "sky": "sky", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie", "news": "news",
        "innings": "inning", "inning": "inning", "outings": "outing", "outing": "outing",
        "cannings": "canning", "canning": "canning", "howe": "howe", "proceed": "proceed",
        "exceed": "exceed", "succeed": "succeed",
    ]
}
