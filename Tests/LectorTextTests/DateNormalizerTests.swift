import LectorText
import Testing

@Suite struct DateNormalizerTests {
    let normalizer = DateNormalizer()

    @Test(
        arguments: [
            ("2022-02-16", "2022-02-16"),
            ("2022-2-6", "2022-02-06"),
            ("2022/02/16", "2022-02-16"),
            ("2022-02-16T10:30:00Z", "2022-02-16T10:30:00Z"),
            ("2022-02-16T10:30:00+01:00", "2022-02-16T10:30:00+01:00"),
            ("2022-02-16T10:30:00.250-05:00", "2022-02-16T10:30:00.250-05:00"),
            ("2022-02-16 10:30", "2022-02-16T10:30:00"),
            ("2022-02-16T10:30+0530", "2022-02-16T10:30:00+05:30"),
            ("16 February 2022", "2022-02-16"),
            ("February 16, 2022", "2022-02-16"),
            ("Feb. 16, 2022", "2022-02-16"),
            ("Feb 16 2022", "2022-02-16"),
            ("16th of February 2022", "2022-02-16"),
            ("Wednesday, February 16, 2022", "2022-02-16"),
            ("Wed, 16 Feb 2022 10:30:00 +0000", "2022-02-16T10:30:00+00:00"),
            ("Wed, 16 Feb 2022 10:30:00 GMT", "2022-02-16T10:30:00+00:00"),
            ("Wed, 16 Feb 2022 05:30:00 EST", "2022-02-16T05:30:00-05:00"),
            ("16/02/2022", "2022-02-16"),
            ("02/16/2022", "2022-02-16"),
            ("03/04/2022", "2022-04-03"),
            ("16.02.2022", "2022-02-16"),
            ("16-02-2022", "2022-02-16"),
            ("16. Februar 2022", "2022-02-16"),
            ("3. März 2022", "2022-03-03"),
            ("16 février 2022", "2022-02-16"),
            ("1er août 2022", "2022-08-01"),
            ("16 de febrero de 2022", "2022-02-16"),
            ("16 de diciembre del 2022", "2022-12-16"),
            ("29 February 2024", "2024-02-29"),
            ("February 16, 2022 at 3:05 pm", "2022-02-16T15:05:00"),
            ("February 16, 2022, 12:00 am UTC", "2022-02-16T00:00:00+00:00"),
            ("  16 February 2022  ", "2022-02-16"),
        ]
    )
    func normalizesDate(written: String, expected: String) {
        #expect(normalizer.normalize(written) == expected)
    }

    @Test(
        arguments: [
            "2022-02-30", "30 February 2022", "29 February 2023", "31/04/2022", "2022-13-01", "13/13/2022",
            "16 Febtober 2022", "February 2022", "16 February", "yesterday", "", "2022-02-16x",
            "16 February 20221", "2022-02-16T25:00:00", "0999-01-01", "16 February 2022 and more",
        ]
    )
    func rejectsNonDate(written: String) {
        #expect(normalizer.normalize(written) == nil)
    }

    @Test func monthFirstPreferenceReadsAmbiguousDates() {
        let monthFirst = DateNormalizer(prefersDayFirst: false)
        #expect(monthFirst.normalize("03/04/2022") == "2022-03-04")
        #expect(monthFirst.normalize("16/02/2022") == "2022-02-16")
        #expect(monthFirst.normalize("03.04.2022") == "2022-04-03")
    }

    @Test func matchesDateAtStartOfText() throws {
        let text: Substring = "16 February 2022: After talks"
        let match = try #require(normalizer.match(atStartOf: text))
        #expect(match.value == "2022-02-16")
        #expect(text[match.range] == "16 February 2022")
        #expect(text[match.range.upperBound...] == ": After talks")
    }

    @Test func matchKeepsTimeOutOfRunningText() throws {
        let text: Substring = "2022-02-16 10 people died"
        let match = try #require(normalizer.match(atStartOf: text))
        #expect(match.value == "2022-02-16")
        #expect(text[match.range] == "2022-02-16")
    }

    @Test func matchFindsNothingInOrdinaryText() {
        #expect(normalizer.match(atStartOf: "The talks in Moscow") == nil)
        #expect(normalizer.match(atStartOf: "2022 was a hard year") == nil)
        #expect(normalizer.match(atStartOf: "May we go?") == nil)
    }
}
