import LectorText
import Testing

@Suite("LanguageGuess")
struct LanguageGuessTests {
    @Test(
        "function words tell English from Spanish",
        arguments: [
            ("The leaders of the two countries met in Madrid on Monday.", "en"),
            ("Los líderes de los dos países se reunieron en Madrid el lunes.", "es"),
            ("Madrid", nil),
        ]
    )
    func guess(text: String, expected: String?) {
        let scalars = ScalarText(text)
        #expect(LanguageGuess.guess(scalars, tokens: Tokenizer.tokenize(scalars), among: ["en", "es"]) == expected)
    }

    @Test(
        "function words tell the five languages with a model apart",
        arguments: [
            ("The leaders of the two countries met in Madrid on Monday.", "en"),
            ("Los líderes de los dos países se reunieron en Madrid el lunes.", "es"),
            ("Die Regierung hat sich mit den Vertretern der Länder auf einen Plan geeinigt.", "de"),
            ("O governo não chegou a um acordo com os sindicatos sobre o aumento dos salários.", "pt"),
            ("Правительство не смогло договориться с профсоюзами о повышении зарплат.", "ru"),
        ]
    )
    func guessAmongFive(text: String, expected: String) {
        let scalars = ScalarText(text)
        let languages = ["en", "es", "de", "pt", "ru"]
        #expect(LanguageGuess.guess(scalars, tokens: Tokenizer.tokenize(scalars), among: languages) == expected)
    }
}
