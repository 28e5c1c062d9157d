import LectorCore
import LectorEntities
import LectorTestSupport
import LectorText
import Logging
import Testing

@Suite("EntitiesProcessor")
struct EntitiesProcessorTests {
    @Test("a known article gives people, places, organisations and values")
    func knownArticle() throws {
        let list = entities(summitArticle, date: "2022-02-16")
        #expect(entity(list, "PERSON", "Vladimir Putin") != nil)
        #expect(entity(list, "PERSON", "Olaf Scholz") != nil)
        #expect(entity(list, "LOC", "Moscow") != nil)
        #expect(entity(list, "LOC", "Brussels") != nil)
        #expect(entity(list, "ORG", "European Union") != nil)
        #expect(entity(list, "MISC", "Russian") != nil)
        let troops = try #require(entity(list, "QUANTITY", "1,50,000 troops"))
        #expect(troops["value"] == 150_000)
        #expect(troops["unit"] == "troops")
        let money = try #require(entity(list, "MONEY", "$1.5 billion"))
        #expect(money["value"] == 1_500_000_000)
        #expect(money["currency"] == "USD")
        #expect(entity(list, "PERCENT", "12.5%")?["value"] == 12.5)
    }

    @Test("two people joined by & in a subheading are two people, not a firm; a firm stays a firm")
    func joinedPeople() throws {
        let list = entities(
            """
            Russian President Vladimir Putin met German Chancellor Olaf Scholz in Moscow.

            Putin & Scholz frankly exchanged opinions

            Shares of Marks & Spencer rose in London.
            """
        )
        #expect(list.allSatisfy { $0["text"] != "Putin & Scholz" })
        #expect(entity(list, "PERSON", "Vladimir Putin")?["count"] == 2)
        #expect(entity(list, "PERSON", "Olaf Scholz")?["count"] == 2)
        if let firm = list.first(where: { $0["text"] == "Marks & Spencer" }) {
            #expect(firm["type"] == "ORG", "halves that are not people of the article stay together")
        }
    }

    @Test("nationality adjectives stay MISC, are marked demonyms and rank below names")
    func demonyms() throws {
        let list = entities(
            """
            Russian officials said Russian troops would stay. The Russian foreign ministry agreed, \
            and Sergei Lavrov spoke to German and French diplomats in Moscow.
            """
        )
        let russian = try #require(entity(list, "MISC", "Russian"))
        #expect(russian["demonym"] == true)
        #expect(entity(list, "PERSON", "Sergei Lavrov")?["demonym"] == nil)
        let salience = { (name: String) in list.first { $0["text"]?.stringValue == name }?["salience"]?.doubleValue ?? 0
        }
        #expect(salience("Russian") < salience("Sergei Lavrov"), "three mentions of an adjective rank below one name")
    }

    @Test("mentions of one entity are grouped under the longest form")
    func grouping() throws {
        let list = entities(summitArticle, date: "2022-02-16")
        let putin = try #require(entity(list, "PERSON", "Vladimir Putin"))
        #expect(putin["count"] == 2)
        let texts = putin["mentions"]?.arrayValue?.compactMap { $0["text"]?.stringValue }
        #expect(texts == ["Vladimir Putin", "Putin"])
        let nato = try #require(entity(list, "ORG", "North Atlantic Treaty Organization"))
        #expect(nato["mentions"]?.arrayValue?.compactMap { $0["text"]?.stringValue }.contains("NATO") == true)
        #expect(list.filter { $0["text"] == "Putin" }.isEmpty)
        let saliences = list.compactMap { $0["salience"]?.doubleValue }
        #expect(saliences == saliences.sorted(by: >))
        #expect(abs(saliences.reduce(0, +) - 1) < 0.01)
        #expect(list.first?["text"] == "Vladimir Putin")
    }

    @Test("a title before a name is left out and the name is a person")
    func titlesBeforeNames() throws {
        let list = entities(
            "Senator Elizabeth Warren criticised the deal, while Mayor Sadiq Khan praised it. "
                + "Councillor Mette Brandt said Prince Edward Island and General Motors would not comment."
        )
        #expect(entity(list, "PERSON", "Elizabeth Warren") != nil)
        #expect(entity(list, "PERSON", "Sadiq Khan") != nil)
        #expect(entity(list, "PERSON", "Mette Brandt") != nil)
        #expect(!list.contains { ($0["text"]?.stringValue ?? "").hasPrefix("Senator") })
        #expect(list.contains { $0["text"] == "Prince Edward Island" })
        #expect(list.contains { $0["text"] == "General Motors" })
    }

    @Test(
        "German, Portuguese and Russian news get people, organisations and places from their own models",
        arguments: [
            (
                "de",
                "Bundeskanzler Olaf Scholz hat sich am Montag in Berlin mit dem französischen Präsidenten "
                    + "Emmanuel Macron getroffen. Die Deutsche Bahn will zwischen München und Hamburg bauen.",
                [
                    ("PERSON", "Olaf Scholz"), ("PERSON", "Emmanuel Macron"), ("ORG", "Deutsche Bahn"),
                    ("LOC", "München"),
                ]
            ),
            (
                "pt",
                "O primeiro-ministro António Costa reuniu-se ontem em Lisboa com o presidente brasileiro "
                    + "Luiz Inácio Lula da Silva. A Petrobras anunciou investimentos em Portugal.",
                [
                    ("PERSON", "António Costa"), ("PERSON", "Luiz Inácio Lula da Silva"), ("ORG", "Petrobras"),
                    ("LOC", "Lisboa"),
                ]
            ),
            (
                "ru",
                "Президент России Владимир Путин провёл в Кремле встречу с главой «Газпрома» Алексеем Миллером. "
                    + "Компания инвестирует в новые проекты в Сибири.",
                [("PERSON", "Владимир Путин"), ("ORG", "Газпрома"), ("LOC", "России"), ("LOC", "Сибири")]
            ),
        ]
    )
    func otherLanguages(language: String, text: String, expected: [(String, String)]) throws {
        let list = entities(text, language: language)
        for (type, name) in expected {
            #expect(entity(list, type, name) != nil, "\(language): \(type) \(name) in \(list)")
        }
    }

    @Test(
        "later mentions the tagger missed are found, and case forms group in German and Russian",
        arguments: [
            ("en", "Chancellor Angela Merkel spoke in Berlin. Merkel said little.", "Angela Merkel", 2),
            ("en", "Prime Minister Theresa May spoke. May brought rain, and it may rain again.", "Theresa May", 1),
            ("de", "Bundeskanzler Olaf Scholz sprach in Berlin. Scholz kündigte nichts an.", "Olaf Scholz", 2),
            ("de", "Präsident Emmanuel Macron kam nach Berlin. Macrons Besuch war kurz.", "Emmanuel Macron", 2),
            (
                "ru", "Президент Владимир Путин прибыл. Визит Путина был коротким. Путину аплодировали.",
                "Владимир Путин", 3
            ),
            ("ru", "Москва ответила быстро. В Москве прошла встреча.", "Москва", 2),
            ("ru", "Министр Сергей Лавров прибыл. Слова Лаврова прозвучали. Лаврову ответили.", "Сергей Лавров", 3),
            ("ru", "Президент Владимир Зеленский выступил. Речь Зеленского была короткой.", "Владимир Зеленский", 2),
            // Not merged: a place whose stem is a person's name (`Германии`, `России`).
            ("ru", "Режиссёр Алексей Герман снимал фильм в Германии. Фильм показали в Германии.", "Алексей Герман", 1),
            ("ru", "Гонщик Валентино Росси выступил в России. Росси выиграл.", "Валентино Росси", 2),
            // A nominative that ends like a case (`Газпром`, `-ом`) joins its other forms,
            // tagged (the second) or found as a repeat (the first), and names the entity.
            ("ru", "Акции «Газпрома» выросли. Компания Газпром отчиталась о прибыли.", "Газпром", 2),
            ("ru", "«Газпром» отчитался о прибыли. Акции «Газпрома» выросли.", "Газпром", 2),
            // The nominative names the entity wherever it stands: the shortest form, and of
            // Russian forms of one length the one in -а/-я.
            ("ru", "В Москве прошла встреча. Москва ответила быстро.", "Москва", 2),
            // A full name whose every word is inflected joins its nominative.
            ("ru", "Слова Сергея Лаврова прозвучали. Министр Сергей Лавров прибыл.", "Сергей Лавров", 2),
            ("ru", "Визит Марии Захаровой. Мария Захарова ответила.", "Мария Захарова", 2),
            ("de", "Die Rolle Deutschlands wächst. Deutschland investiert mehr.", "Deutschland", 2),
            ("de", "Die Aktie der Deutschen Bank fiel. Die Deutsche Bank meldete Verluste.", "Deutsche Bank", 2),
            ("de", "Kanzler Gerhard Schröder sprach. Schröders Rede war kurz.", "Gerhard Schröder", 2),
        ]
    )
    func repeatsAndCaseForms(language: String, text: String, name: String, count: Int) throws {
        let list = entities(text, language: language)
        let found = list.first { $0["text"]?.stringValue == name }
        #expect(found?["count"]?.intValue == count, "\(language): \(list)")
    }

    @Test(
        "French, Italian and Dutch nationalities are MISC demonyms; an article after a dateline is no name",
        arguments: [
            ("nl", "AMSTERDAM (ANP) - De Duitse bondskanselier Olaf Scholz sprak met de Franse president.", "Duitse"),
            ("fr", "Paris (AFP) - Les Français ont voté dimanche.", "Français"),
            ("it", "Roma (ANSA) - Gli Italiani hanno votato domenica.", "Italiani"),
        ]
    )
    func ruleLanguageDemonyms(language: String, text: String, demonym: String) throws {
        let list = entities(text, language: language)
        let found = try #require(entity(list, "MISC", demonym), "\(list)")
        #expect(found["demonym"] == true)
        #expect(!list.contains { ($0["text"]?.stringValue ?? "").hasPrefix("De ") || $0["text"] == "Les Français" })
    }

    @Test("a surname particle does not cut a name in two")
    func nameParticles() throws {
        let list = entities(
            "El presidente del Gobierno, Pedro Sánchez, se reunió ayer con la presidenta de la Comisión Europea, "
                + "Ursula von der Leyen, en Bruselas."
        )
        #expect(entity(list, "PERSON", "Ursula von der Leyen") != nil, "\(list)")
        #expect(!list.contains { $0["text"] == "Leyen" })
    }

    @Test(
        "a particle after a whole name starts what the person is of, not more of the name",
        arguments: [
            ("nl", "Minister Eelco Heinen van Financiën zei dat de inflatie is gedaald.", "Eelco Heinen"),
            ("nl", "Minister Hugo de Jonge van Volkshuisvesting sprak in Den Haag.", "Hugo de Jonge"),
            ("nl", "Staatssecretaris Eric van der Burg van Asiel sprak in Den Haag.", "Eric van der Burg"),
        ]
    )
    func particleAfterAWholeName(language: String, text: String, name: String) throws {
        let list = entities(text, language: language)
        #expect(entity(list, "PERSON", name) != nil, "\(list)")
        #expect(!list.contains { ($0["text"]?.stringValue ?? "").hasPrefix(name + " van") }, "\(list)")
    }

    @Test("dates resolve against metadata.date; the same day groups")
    func datesAgainstMetadata() throws {
        let list = entities(summitArticle, date: "2022-02-16")
        let day = try #require(list.first { $0["type"] == "DATE" && $0["value"] == "2022-02-15" })
        #expect(day["count"] == 2)
        #expect(list.contains { $0["type"] == "DATE" && $0["text"] == "Wednesday" && $0["value"] == "2022-02-16" })
        let undated = entities(summitArticle)
        #expect(undated.contains { $0["text"] == "February 15" && $0["value"] == "--02-15" })
    }

    @Test(
        "every mention's offsets slice back to its text",
        arguments: [
            summitArticle,
            "Ünïcödé 🎉 Angela Merkel visitó Madrid y habló con Pedro Sánchez el 3 de mayo.\n\nZürich – Nestlé's CEO met Tim Cook.",
            "",
        ]
    )
    func offsets(text: String) {
        let scalars = ScalarText(text)
        for item in entities(text) {
            for mention in item["mentions"]?.arrayValue ?? [] {
                let start = mention["start"]?.intValue ?? -1
                let end = mention["end"]?.intValue ?? -1
                #expect(start >= 0 && start < end && end <= scalars.count)
                #expect(scalars.slice(start..<end) == mention["text"]?.stringValue)
            }
        }
    }

    @Test("random text never breaks offsets, values or JSON")
    func randomText() throws {
        let pieces = [
            "Putin", "NATO", "said", "on", "February", "15", "1,50,000", "troops", "$", "1.5", "billion", "%",
            "€20m", "Rs", "crore", "Monday", "de", "mayo", "12,5", "por", "ciento", "'s", "\n", "\n\n", "🎉", "Zürich",
            "9999999999999999999999999999999999999", "–", ".", ",", "(", ")", "U.S.", "Feb.", "2022-02-30", "10:30",
        ]
        var state: UInt64 = 42
        for _ in 0..<200 {
            var words: [String] = []
            for _ in 0..<40 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                words.append(pieces[Int(state >> 33) % pieces.count])
            }
            let text = words.joined(separator: state & 1 == 0 ? " " : "")
            let scalars = ScalarText(text)
            let list = entities(text, date: "2022-02-16")
            let encoded = JSONValue.array(list).encodedString()
            #expect(try JSONValue.parse(Array(encoded.utf8)) == .array(list))
            for mention in list.flatMap({ $0["mentions"]?.arrayValue ?? [] }) {
                let start = try #require(mention["start"]?.intValue)
                let end = try #require(mention["end"]?.intValue)
                #expect(0 <= start && start < end && end <= scalars.count)
                #expect(scalars.slice(start..<end) == mention["text"]?.stringValue)
            }
        }
    }

    @Test("a possessive is split off a name")
    func possessive() {
        let list = entities("Nestlé's chief met Apple's Tim Cook in Zurich.")
        #expect(list.contains { $0["text"] == "Tim Cook" && $0["type"] == "PERSON" })
        #expect(!list.contains { ($0["text"]?.stringValue ?? "").hasSuffix("'s") })
    }

    @Test("the types option keeps only the types asked for")
    func typesFilter() throws {
        let processor = try EntitiesProcessor(types: [.person, .money], models: TestModels.cache)
        let list = entities(summitArticle, processor: processor)
        #expect(!list.isEmpty)
        #expect(Set(list.compactMap { $0["type"]?.stringValue }) == ["PERSON", "MONEY"])
    }

    @Test("min_confidence drops uncertain named mentions but not rule-based ones")
    func minimumConfidence() throws {
        let strict = try EntitiesProcessor(minimumConfidence: 1, models: TestModels.cache)
        let list = entities(summitArticle, processor: strict)
        #expect(!list.contains { ["PERSON", "ORG", "LOC", "MISC"].contains($0["type"]?.stringValue ?? "") })
        #expect(list.contains { $0["type"] == "MONEY" })
        let loose = entities(summitArticle)
        #expect(loose.allSatisfy { ($0["confidence"]?.doubleValue ?? 0) >= 0.5 })
    }

    @Test("without a language step, Spanish text is recognised by its function words")
    func spanishGuess() {
        let list = entities("El presidente Pedro Sánchez viajó a Bruselas para reunirse con la Comisión Europea.")
        #expect(list.contains { $0["text"] == "Pedro Sánchez" && $0["type"] == "PERSON" })
        #expect(list.contains { $0["text"] == "Bruselas" && $0["type"] == "LOC" })
    }

    @Test("Spanish text uses the Spanish model")
    func spanish() {
        var document = Document(
            id: "es",
            text: "El presidente Pedro Sánchez viajó a Bruselas para reunirse con la Comisión Europea."
        )
        document.annotations["language"] = ["code": "es"]
        let result = defaultProcessor.process(document, context: .init(logger: .init(label: "test")))
        let list = result.annotations["entities"]?.arrayValue ?? []
        #expect(list.contains { $0["text"] == "Pedro Sánchez" && $0["type"] == "PERSON" })
        #expect(list.contains { $0["text"] == "Bruselas" && $0["type"] == "LOC" })
    }
}
