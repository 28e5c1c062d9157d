import LectorCore
import LectorText
import Testing

@testable import LectorLanguage

@Suite struct LanguageMixedTests {
    static let english =
        "The committee will publish its final report on the new railway line next week. "
        + "Local residents have asked for more trains in the evening and at weekends. "
    static let german =
        "Die Regierung hat am Mittwoch ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen. "
        + "Die Opposition kritisierte den Entwurf als zu wenig ehrgeizig."

    @Test func sharesAndSpans() throws {
        let processor = try LanguageTestSupport.processor([("mixed", nil, "true")])
        let text = Self.english + Self.german
        let field = try LanguageTestSupport.field(text, processor: processor)
        let mixed = try #require(field["mixed"])
        let languages = try #require(mixed["languages"]?.arrayValue)
        #expect(Set(languages.compactMap { $0["code"]?.stringValue }) == ["en", "de"])
        let shares = languages.compactMap { $0["share"]?.doubleValue }
        #expect(abs(shares.reduce(0, +) - 1) < 0.001)
        #expect(languages.compactMap { $0["sentences"]?.intValue }.reduce(0, +) == 4)
        let spans = try #require(mixed["spans"]?.arrayValue)
        #expect(spans.compactMap { $0["code"]?.stringValue } == ["en", "de"])
        let scalars = ScalarText(text)
        let germanSpan = try #require(spans.last)
        let start = try #require(germanSpan["start"]?.intValue)
        let end = try #require(germanSpan["end"]?.intValue)
        #expect(scalars.slice(start..<end).hasPrefix("Die Regierung"))
        #expect(end == scalars.count || scalars.slice(end..<scalars.count).allSatisfy(\.isWhitespace))
    }

    @Test func noMixedFieldByDefault() throws {
        let field = try LanguageTestSupport.field(Self.english + Self.german)
        #expect(field["mixed"] == nil)
    }
}
