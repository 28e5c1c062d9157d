import LectorText
import Testing

@Suite("DatelineDetector")
struct DatelineDetectorTests {
    @Test(
        "one detector for metadata and summary: place, agency, and where the text goes on",
        arguments: [
            ("MOSCOW (Reuters) - After talks.", "MOSCOW", "Reuters", "After talks."),
            ("Boston (CNN)Guilty, the jury said.", "Boston", "CNN", "Guilty, the jury said."),
            ("Boston, Massachusetts (CNN) -- The jury said.", "Boston", "CNN", "The jury said."),
            ("(CNN) -- The council voted.", nil, "CNN", "The council voted."),
            ("MOSCOW — The council voted.", "MOSCOW", nil, "The council voted."),
            ("(ANSA) - ROMA, 3 MAR - Il governo.", "ROMA", "ANSA", "Il governo."),
        ] as [(String, String?, String?, String)]
    )
    func detects(text: String, place: String?, agency: String?, rest: String) throws {
        let dateline = try #require(DatelineDetector.detect(in: text[...], normalizer: DateNormalizer()))
        #expect(dateline.place == place)
        #expect(dateline.agency == agency)
        #expect(text[dateline.end...] == rest)
        let scalars = Array(text.unicodeScalars)
        let length = DatelineDetector.length(in: scalars, 0..<scalars.count, normalizer: DateNormalizer())
        #expect(length == scalars.count - rest.unicodeScalars.count)
    }

    @Test(
        "not datelines",
        arguments: [
            "NATO - the alliance met.", "President Obama (D) said it.", "New York - based firms said it.",
            "Berlin, the capital, is large.", "I (Reuters) - x", "Smith said - nothing.",
        ]
    )
    func rejects(text: String) {
        #expect(DatelineDetector.detect(in: text[...], normalizer: DateNormalizer()) == nil)
    }
}
