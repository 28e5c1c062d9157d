import LectorCore
import Testing

@Suite struct DocumentLanguageTests {
    @Test(
        arguments: [
            ("pt", "pt"), ("pt-BR", "pt"), ("pt_BR", "pt"), ("DE", "de"), ("por", nil), ("", nil), ("1x", nil),
        ] as [(String, String?)]
    )
    func metadataLanguageGivesATwoLetterCode(given: String, code: String?) {
        let document = Document(id: "d", text: "x", metadata: JSONObject([("language", .string(given))]))
        #expect(document.resolvedLanguageCode == code)
    }

    @Test func aLanguageStepWinsOverMetadata() {
        var document = Document(id: "d", text: "x", metadata: JSONObject([("language", "de")]))
        document.annotations["language"] = ["code": "fr"]
        #expect(document.resolvedLanguageCode == "fr")
        document.annotations["language"] = ["code": "und"]
        #expect(document.resolvedLanguageCode == "de", "an unsure step leaves the record's language")
    }
}
