import Foundation
import LectorCore
import LectorPipeline
import LectorSentiment
import LectorTestSupport
import Logging
import Testing

/// Tone in German, Spanish, French, Italian, Dutch, Portuguese and Russian: each language's
/// lexicon (`Models/sentiment/<code>.tsv`) read by the same rules, chosen by the document's
/// language.
@Suite struct SentimentLanguagesTests {
    /// The `sentiment` annotation of `text` declared to be in `language`.
    private func annotation(_ text: String, language: String, entities: JSONObject = JSONObject()) throws -> JSONValue {
        let processor = try SentimentProcessor(models: TestModels.cache)
        var document = Document(id: "t", text: text, annotations: entities)
        document.metadata["language"] = .string(language)
        let result = processor.process(document, context: ProcessingContext(logger: Logger(label: "test")))
        return try #require(result.annotations["sentiment"])
    }

    /// Per language: a success, a disaster, and a good thing negated.
    static let cases: [(String, String, String, String)] = [
        (
            "de", "Die Regierung feierte einen großen Erfolg.", "Der Anschlag war eine schreckliche Katastrophe.",
            "Das Ergebnis ist nicht gut."
        ),
        (
            "es", "El gobierno logró un excelente resultado.", "El atentado fue una terrible tragedia.",
            "El resultado no es bueno."
        ),
        (
            "fr", "Le gouvernement a salué un grand succès.", "L'attentat a été une terrible catastrophe.",
            "Le résultat n'est pas bon."
        ),
        (
            "it", "Il governo ha celebrato un grande successo.", "L'attentato è stato una terribile tragedia.",
            "Il risultato non è buono."
        ),
        (
            "nl", "De regering vierde een groot succes.", "De aanslag was een verschrikkelijke ramp.",
            "Het resultaat is niet goed."
        ),
        (
            "pt", "O governo celebrou um grande sucesso.", "O atentado foi uma terrível tragédia.",
            "O resultado não é bom."
        ),
        ("ru", "Правительство отметило большой успех.", "Теракт стал ужасной трагедией.", "Результат не хороший."),
    ]

    @Test(arguments: cases)
    func successDisasterAndNegation(language: String, good: String, bad: String, negated: String) throws {
        #expect(try annotation(good, language: language)["label"] == "positive", "\(good)")
        #expect(try annotation(bad, language: language)["label"] == "negative", "\(bad)")
        #expect(try annotation(negated, language: language)["label"] == "negative", "\(negated)")
    }

    /// Per language, a good and a bad sentence of two kinds news is full of:
    /// - praise and criticism in the past tenses news reports them in, which the dictionaries
    ///   give only as infinitives (`saluer`, `alabar`, `veroordelen`);
    /// - a word of change and the quantity it moves, composed as in English: less of a bad
    ///   thing is good news, less of a good thing bad (`l'inflazione` read past its elided
    ///   article).
    static let newsPairs: [(String, String, String)] = [
        ("fr", "Le syndicat a salué la décision.", "Le ministre a critiqué le projet."),
        ("es", "El sindicato aplaudió la decisión.", "El ministro criticó el proyecto."),
        ("it", "Il sindacato ha lodato la decisione.", "Il ministro ha criticato il progetto."),
        ("pt", "O sindicato elogiou a decisão.", "O ministro criticou o projeto."),
        ("nl", "De vakbond verwelkomde het besluit.", "De minister veroordeelde het plan."),
        ("de", "Die Arbeitslosigkeit sank im November.", "Der Umsatz des Konzerns sank um 5 Prozent."),
        ("es", "El paro bajó en noviembre.", "Las ventas cayeron un 5 %."),
        ("fr", "L'inflation a baissé en novembre.", "Le bénéfice du groupe a chuté de 20 %."),
        ("it", "Secondo l'Istat, l'inflazione è scesa all'1,4%.", "Il fatturato del gruppo è calato del 5%."),
        ("nl", "De werkloosheid daalde in november.", "De winst van het concern daalde met 5 procent."),
        ("pt", "O desemprego caiu para 6,1%.", "O lucro do banco caiu 10%."),
        ("ru", "Безработица снизилась в ноябре.", "Прибыль компании снизилась на 5%."),
    ]

    @Test(arguments: newsPairs)
    func goodAndBadNews(language: String, good: String, bad: String) throws {
        #expect(try annotation(good, language: language)["label"] == "positive", "\(good)")
        #expect(try annotation(bad, language: language)["label"] == "negative", "\(bad)")
    }

    @Test func wordsAfterElisionsAndTheirExceptions() throws {
        // `l'inflation` is read as `inflation`; `n'aime pas` is not read as `aime` (its
        // negator comes after it, out of reach), nor `zegt` (says) as `zegen` (blessing).
        #expect(try annotation("L'économie est excellente.", language: "fr")["label"] == "positive")
        #expect(try annotation("Le ministre n'aime pas le projet.", language: "fr")["label"] != "positive")
        #expect(try annotation("De minister zegt dat het debat morgen begint.", language: "nl")["label"] == "neutral")
        #expect(try annotation("Le chômage a baissé au cours du trimestre.", language: "fr")["label"] == "positive")
        // What follows `como`, `por`, `wegen` is a cause, not what changed.
        #expect(try annotation("El paro bajó como resultado de la reforma.", language: "es")["label"] == "positive")
        #expect(try annotation("O desemprego caiu como resultado da reforma.", language: "pt")["label"] == "positive")
    }

    @Test func aLongArticleScoresAsItsAverageSentence() throws {
        // Rules only: the mean over sentences. Twenty mildly good sentences are no more
        // positive than one, and a bad one among good ones pulls the whole down.
        let good = "Die Regierung feierte einen Erfolg."
        let one = try #require(try annotation(good, language: "de")["score"]?.doubleValue)
        let twenty = try #require(
            try annotation(Array(repeating: good, count: 20).joined(separator: " "), language: "de")["score"]?
                .doubleValue
        )
        #expect(one > 0.1)
        #expect(abs(twenty - one) < 0.001, "\(one) \(twenty)")
        let mixed = try annotation(
            Array(repeating: good, count: 3).joined(separator: " ") + " Der Anschlag war eine Katastrophe.",
            language: "de"
        )
        let mixedScore = try #require(mixed["score"]?.doubleValue)
        #expect(mixedScore < one, "\(mixed)")
        // Three `!` in a long, level article do not tip it.
        let level =
            Array(repeating: "Die Sitzung begann um neun Uhr.", count: 20).joined(separator: " ")
            + " Das ist ein Erfolg! Wir kommen wieder! Bis morgen!"
        #expect(try annotation(level, language: "de")["label"] == "neutral")
    }

    @Test func theDocumentsLanguagePicksTheLexicon() throws {
        // `gut` is German for good; read as English, it is the belly.
        let german = try annotation("Das Ergebnis ist gut.", language: "de")
        #expect(german["label"] == "positive")
        let english = try annotation("Das Ergebnis ist gut.", language: "en")
        #expect(english["label"] == "neutral")
    }

    @Test func entitiesGetTheToneOfTheirClausesInEveryLanguage() throws {
        let text = "Analysten lobten Siemens für die starken Zahlen, aber kritisierten Bayer für die hohen Verluste."
        let annotation = try annotation(
            text,
            language: "de",
            entities: entities([("Siemens", "ORG"), ("Bayer", "ORG")], in: text)
        )
        let scored = try #require(annotation["entities"]?.arrayValue)
        #expect(scored.first { $0["text"] == "Siemens" }?["label"] == "positive", "\(scored)")
        #expect(scored.first { $0["text"] == "Bayer" }?["label"] == "negative", "\(scored)")
    }

    @Test func withoutTheOtherLexiconsEnglishIsStillScored() throws {
        // A distribution without the GPL-licensed lexicons: only the English files.
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        for name in ["lexicon.tsv", "tone.tsv", "weights.tsv", "targets.tsv"] {
            let data = try Data(contentsOf: URL(fileURLWithPath: TestModels.folder + "/sentiment/" + name))
            try scratch.write("sentiment/" + name, Array(data))
        }
        let models = ModelCache(source: FileModelSource(folders: [scratch.path]))
        let processor = try SentimentProcessor(models: models)
        #expect(processor.supportedLanguages == ["en"])
        #expect(throws: ProcessorError.self) {
            try SentimentProcessor(options: SentimentOptions(languages: ["de"]), models: models)
        }
    }

    @Test func theProcessorNamesItsLanguages() throws {
        let processor = try SentimentProcessor(models: TestModels.cache)
        #expect(processor.supportedLanguages == ["en", "de", "es", "fr", "it", "nl", "pt", "ru"])
        let english = try SentimentProcessor(options: SentimentOptions(languages: ["en"]), models: TestModels.cache)
        #expect(english.supportedLanguages == ["en"])
    }
}
