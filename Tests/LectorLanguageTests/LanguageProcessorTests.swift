import LectorCore
import Testing

@testable import LectorLanguage

@Suite struct LanguageProcessorTests {
    /// Sentences whose language any decent detector must get, in many scripts.
    static let sentences: [(String, String)] = [
        ("en", "The committee will publish its final report on the new railway line next week."),
        ("de", "Die Regierung hat am Mittwoch ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen."),
        ("fr", "Le gouvernement a présenté mercredi un nouveau projet de loi sur les énergies renouvelables."),
        ("es", "El gobierno presentó el miércoles un nuevo proyecto de ley sobre las energías renovables."),
        ("it", "Il governo ha presentato mercoledì un nuovo disegno di legge sulle energie rinnovabili."),
        ("pt", "O governo apresentou na quarta-feira um novo projeto de lei sobre as energias renováveis."),
        ("nl", "De regering heeft woensdag een nieuw wetsvoorstel over hernieuwbare energie ingediend."),
        ("sv", "Regeringen presenterade på onsdagen ett nytt lagförslag om förnybar energi."),
        ("pl", "Rząd przedstawił w środę nowy projekt ustawy o odnawialnych źródłach energii."),
        ("tr", "Hükümet çarşamba günü yenilenebilir enerji hakkında yeni bir yasa tasarısı sundu."),
        ("fi", "Hallitus esitteli keskiviikkona uuden lakiesityksen uusiutuvasta energiasta."),
        ("hu", "A kormány szerdán új törvényjavaslatot terjesztett elő a megújuló energiáról."),
        ("vi", "Chính phủ đã trình bày một dự luật mới về năng lượng tái tạo vào thứ Tư."),
        ("ru", "Правительство в среду представило новый законопроект о возобновляемой энергии."),
        ("uk", "Уряд у середу представив новий законопроект про відновлювану енергетику."),
        ("bg", "Правителството представи в сряда нов законопроект за възобновяемата енергия."),
        ("ar", "قدمت الحكومة يوم الأربعاء مشروع قانون جديد بشأن الطاقة المتجددة."),
        ("fa", "دولت روز چهارشنبه لایحه جدیدی درباره انرژی‌های تجدیدپذیر ارائه کرد."),
        ("hi", "सरकार ने बुधवार को संसद में एक नया कानून पेश किया है और इसके बारे में लोगों से राय मांगी है।"),
        ("el", "Η κυβέρνηση παρουσίασε την Τετάρτη ένα νέο νομοσχέδιο για τις ανανεώσιμες πηγές ενέργειας."),
        ("he", "הממשלה הציגה ביום רביעי הצעת חוק חדשה בנושא אנרגיה מתחדשת."),
        ("ja", "政府は水曜日、再生可能エネルギーに関する新しい法案を提出した。"),
        ("zh", "政府星期三提出了一项关于可再生能源的新法案。"),
        ("ko", "정부는 수요일 재생 에너지에 관한 새로운 법안을 제출했다."),
        ("th", "รัฐบาลได้เสนอร่างกฎหมายใหม่เกี่ยวกับพลังงานหมุนเวียนเมื่อวันพุธ"),
    ]

    @Test(arguments: sentences) func knownSentences(code: String, text: String) throws {
        let field = try LanguageTestSupport.field(text)
        #expect(field["code"]?.stringValue == code, "\(text)")
        #expect(field["name"]?.stringValue != nil && field["name"]?.stringValue != code)
        #expect((field["confidence"]?.doubleValue ?? 0) > 0.5)
    }

    /// One word in each script used by a single language settles the language outright.
    static let scriptShortcuts: [(String, String, String)] = [
        ("el", "Grek", "καλημέρα"), ("hy", "Armn", "բարեւ"), ("ka", "Geor", "გამარჯობა"), ("he", "Hebr", "שלום"),
        ("ko", "Hang", "안녕하세요"), ("th", "Thai", "สวัสดี"), ("bn", "Beng", "নমস্কার"), ("pa", "Guru", "ਸਤਿ"),
        ("gu", "Gujr", "નમસ્તે"), ("ta", "Taml", "வணக்கம்"), ("te", "Telu", "నమస్కారం"), ("ja", "Jpan", "こんにちは"),
        ("zh", "Hani", "你好"),
    ]

    @Test(arguments: scriptShortcuts) func scriptShortcut(code: String, script: String, word: String) throws {
        let field = try LanguageTestSupport.field(word)
        #expect(field["code"]?.stringValue == code)
        #expect(field["script"]?.stringValue == script)
        #expect(field["confidence"]?.doubleValue == 1)
    }

    /// A Hangul syllable counts as three letters when choosing the script, so Korean with a
    /// run of English product names stays Korean.
    @Test func scriptCoveringMostTextWins() throws {
        let text = "삼성전자는 오늘 Galaxy Unpacked 행사에서 새로운 Samsung Galaxy Foldable Smartphone을 공개했다."
        let field = try LanguageTestSupport.field(text)
        #expect(field["code"]?.stringValue == "ko")
        #expect(field["script"]?.stringValue == "Hang")
    }

    @Test(arguments: ["", "   \n", "12345 678,90", "!!! ???", "a", "ok", "2024-05-01"])
    func undeterminedOnTooLittleText(text: String) throws {
        let field = try LanguageTestSupport.field(text)
        #expect(field["code"]?.stringValue == "und")
        #expect(field["name"]?.stringValue == "Undetermined")
    }

    @Test func restrictionToLanguages() throws {
        let germanOnlyAndEnglish = try LanguageTestSupport.processor([("languages", ["en", "fr"], nil)])
        let german = "Die Regierung hat am Mittwoch ein neues Gesetz beschlossen."
        let code = try LanguageTestSupport.code(german, processor: germanOnlyAndEnglish)
        #expect(code == "en" || code == "fr")
        #expect(try LanguageTestSupport.code("Καλημέρα σας", processor: germanOnlyAndEnglish) == "und")
        let field = try LanguageTestSupport.field(german, processor: germanOnlyAndEnglish)
        let alternatives = field["alternatives"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
        #expect(Set(alternatives).isSubset(of: ["en", "fr"]))
    }

    @Test func minimumConfidence() throws {
        let strict = try LanguageTestSupport.processor([("min_confidence", nil, "0.999")])
        let field = try LanguageTestSupport.field("porta", processor: strict)
        #expect(field["code"]?.stringValue == "und")
        #expect((field["confidence"]?.doubleValue ?? 1) < 0.999)
        #expect(field["alternatives"]?.arrayValue?.count == 3)
        #expect(try LanguageTestSupport.code("porta") != "und")
        let sentence = "The committee will publish its final report on the new railway line next week."
        #expect(try LanguageTestSupport.code(sentence, processor: strict) == "en")
    }

    @Test(arguments: [0, 1, 5]) func alternativesCount(count: Int) throws {
        let processor = try LanguageTestSupport.processor([("alternatives", nil, String(count))])
        let field = try LanguageTestSupport.field("Das Wetter ist heute schön und warm.", processor: processor)
        let alternatives = try #require(field["alternatives"]?.arrayValue)
        #expect(alternatives.count == count)
        let confidences = alternatives.compactMap { $0["confidence"]?.doubleValue }
        #expect(confidences == confidences.sorted(by: >))
        #expect(!alternatives.contains { $0["code"]?.stringValue == "de" })
    }

    @Test func deterministic() throws {
        let text = "Le gouvernement a présenté mercredi un nouveau projet de loi."
        let first = try LanguageTestSupport.field(text)
        for _ in 0..<3 { #expect(try LanguageTestSupport.field(text) == first) }
    }

    @Test func longDocumentsAreSampled() throws {
        let sentence = "The committee will publish its final report on the new railway line next week. "
        let text = String(repeating: sentence, count: 400)
        #expect(LanguageProcessor.sample(text).utf8.count <= 3 * LanguageProcessor.sampleWindowBytes + 16)
        #expect(try LanguageTestSupport.code(text) == "en")
        let short = "Short text."
        #expect(LanguageProcessor.sample(short) == short)
    }

    @Test func sampleNeverSplitsAScalar() {
        let text = String(repeating: "Привет, мир! 你好 ", count: 300)
        let sample = LanguageProcessor.sample(text)
        #expect(!sample.unicodeScalars.contains("\u{FFFD}"))
        #expect(sample.utf8.count < text.utf8.count)
    }
}
