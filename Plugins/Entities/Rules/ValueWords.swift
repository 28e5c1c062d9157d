/// The words that value rules read in one language: weekdays, relative days, words that
/// lead a month, scale words, currency names, percent words and function words. English
/// words count in every language (news quotes them); each other language adds its own.
struct ValueWords: Sendable {
    /// Weekday names, Monday 0 … Sunday 6.
    let weekdays: [String: Int]
    /// Relative days (`yesterday` −1, `heute` 0, `domani` 1).
    let relativeDays: [String: Int]
    /// Words after which a bare month name is a date (`in`, `seit`, `depuis`).
    let monthLeads: Set<String>
    /// Scale words and their multipliers (`million`, `Milliarden`, `bilhões`).
    let scales: [String: Double]
    /// Currency names and their ISO 4217 codes (`euros`, `dollari`, `reais`).
    let currencies: [String: String]
    /// Single words that make a number a percentage (`percent`, `Prozent`, `procent`).
    let percentWords: Set<String>
    /// Two-word percent phrases (`per cent`, `pour cent`, `por ciento`).
    let percentPairs: Set<String>
    /// Function words, never the unit of a quantity.
    let stopWords: Set<String>
    /// Whether month and weekday names are written in lower case (all but English and German).
    let lowercaseNames: Bool
    /// Whether nouns are capitalised (German), so a capitalised word may be a quantity's unit.
    let capitalizedNouns: Bool

    /// The languages with words of their own; any other language uses English's.
    static let languages: Set<String> = ["en", "de", "fr", "es", "it", "pt", "nl", "ru"]

    /// The words for a language.
    static func `for`(_ language: String) -> ValueWords {
        switch language {
        case "de": german
        case "fr": french
        case "es": spanish
        case "it": italian
        case "pt": portuguese
        case "nl": dutch
        case "ru": russian
        default: english
        }
    }

    private static let englishWeekdays: [String: Int] = [
        "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    ]
    private static let englishScales: [String: Double] = [
        "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6,
        "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
        "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "crore": 1e7, "crores": 1e7,
    ]
    private static let englishCurrencies: [String: String] = [
        "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP",
        "sterling": "GBP", "yen": "JPY", "rupee": "INR", "rupees": "INR", "rs": "INR", "yuan": "CNY",
        "renminbi": "CNY", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "franc": "CHF",
        "francs": "CHF", "marks": "DEM", "pesos": "MXN", "kronor": "SEK", "krona": "SEK", "koruna": "CZK",
        "korunas": "CZK", "forint": "HUF", "forints": "HUF", "zloty": "PLN", "zlotys": "PLN", "złoty": "PLN",
        "złotych": "PLN", "rand": "ZAR", "lira": "TRY", "liras": "TRY", "shekel": "ILS", "shekels": "ILS",
        "dirham": "AED", "dirhams": "AED", "riyal": "SAR", "riyals": "SAR", "naira": "NGN", "baht": "THB",
        "ringgit": "MYR", "rupiah": "IDR", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnas": "UAH",
    ]
    private static let englishStopWords: Set<String> = [
        "the", "a", "an", "of", "to", "and", "or", "in", "on", "at", "for", "with", "by", "from", "as", "is", "was",
        "were", "are", "be", "per", "than", "that", "this", "it", "its", "after", "before", "over", "under", "into",
        "he", "she", "they", "we", "i", "you", "has", "had", "have", "will", "would", "said", "says", "more", "less",
        "a.m", "p.m", "am", "pm",
    ]

    private static func make(
        weekdays: [String: Int] = [:],
        relativeDays: [String: Int] = [:],
        monthLeads: Set<String> = [],
        scales: [String: Double] = [:],
        currencies: [String: String] = [:],
        percentWords: Set<String> = [],
        percentPairs: Set<String> = [],
        stopWords: Set<String> = [],
        lowercaseNames: Bool = true,
        capitalizedNouns: Bool = false
    ) -> ValueWords {
        ValueWords(
            weekdays: englishWeekdays.merging(weekdays) { $1 },
            relativeDays: ["yesterday": -1, "today": 0, "tomorrow": 1].merging(relativeDays) { $1 },
            monthLeads: Set(["in", "since", "until", "by", "last", "next", "early", "late", "mid", "during"])
                .union(monthLeads),
            scales: englishScales.merging(scales) { $1 },
            currencies: englishCurrencies.merging(currencies) { $1 },
            percentWords: Set(["percent", "pct", "percentage"]).union(percentWords),
            percentPairs: Set(["per cent", "per cents"]).union(percentPairs),
            stopWords: englishStopWords.union(stopWords),
            lowercaseNames: lowercaseNames,
            capitalizedNouns: capitalizedNouns
        )
    }

    static let english = make(lowercaseNames: false)

    static let german = make(
        weekdays: [
            "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonnabend": 5,
            "sonntag": 6,
        ],
        relativeDays: ["gestern": -1, "heute": 0, "morgen": 1, "vorgestern": -2, "übermorgen": 2],
        monthLeads: ["im", "seit", "bis", "ab", "anfang", "ende", "mitte", "vom", "zum"],
        // A German Billion is a million millions.
        scales: [
            "tausend": 1e3, "tsd": 1e3, "mio": 1e6, "million": 1e6, "millionen": 1e6, "mrd": 1e9, "milliarde": 1e9,
            "milliarden": 1e9, "billion": 1e12, "billionen": 1e12,
        ],
        currencies: ["franken": "CHF", "pfund": "GBP", "rubel": "RUB", "kronen": "SEK", "zloty": "PLN"],
        percentWords: ["prozent", "proz"],
        stopWords: [
            "der", "die", "das", "und", "oder", "in", "im", "von", "vom", "mit", "für", "auf", "den", "dem", "des",
            "ein", "eine", "einen", "zu", "zum", "zur", "bis", "um", "an", "am", "als", "bei", "nach", "vor", "seit",
            "ist", "sind", "war", "wurde", "hat", "haben", "pro", "je", "mehr", "weniger", "rund", "etwa", "über",
        ],
        lowercaseNames: false,
        capitalizedNouns: true
    )

    static let french = make(
        weekdays: ["lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6],
        relativeDays: ["hier": -1, "demain": 1, "avant-hier": -2, "après-demain": 2],
        monthLeads: ["en", "depuis", "début", "fin", "mi", "courant", "jusqu'en", "dès"],
        scales: [
            "mille": 1e3, "million": 1e6, "millions": 1e6, "md": 1e9, "mds": 1e9, "milliard": 1e9, "milliards": 1e9,
            "billion": 1e12, "billions": 1e12,
        ],
        currencies: ["livres": "GBP", "livre": "GBP", "roubles": "RUB", "yens": "JPY", "yuans": "CNY"],
        percentPairs: ["pour cent", "pour cents"],
        stopWords: [
            "le", "la", "les", "l", "un", "une", "et", "ou", "de", "des", "du", "d", "à", "au", "aux", "en", "pour",
            "sur", "par", "dans", "avec", "que", "qui", "est", "sont", "a", "ont", "plus", "moins", "environ", "près",
        ]
    )

    static let spanish = make(
        weekdays: [
            "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4, "sábado": 5,
            "sabado": 5, "domingo": 6,
        ],
        relativeDays: ["ayer": -1, "hoy": 0, "anteayer": -2],
        monthLeads: ["en", "desde", "hasta", "principios", "finales", "mediados"],
        scales: [
            "mil": 1e3, "millón": 1e6, "millon": 1e6, "millones": 1e6, "billón": 1e12, "billones": 1e12,
        ],
        currencies: ["dólar": "USD", "dólares": "USD", "libras": "GBP", "pesetas": "ESP", "peseta": "ESP"],
        percentPairs: ["por ciento"],
        stopWords: [
            "de", "del", "la", "el", "los", "las", "y", "o", "en", "que", "por", "con", "para", "un", "una", "al",
            "es", "son", "fue", "más", "menos", "unos", "unas",
        ]
    )

    static let italian = make(
        weekdays: [
            "lunedì": 0, "lunedi": 0, "martedì": 1, "martedi": 1, "mercoledì": 2, "mercoledi": 2, "giovedì": 3,
            "giovedi": 3, "venerdì": 4, "venerdi": 4, "sabato": 5, "domenica": 6,
        ],
        relativeDays: ["ieri": -1, "oggi": 0, "domani": 1, "l'altro ieri": -2],
        monthLeads: ["a", "ad", "da", "dal", "fino", "entro", "inizio", "fine", "metà"],
        scales: [
            "mila": 1e3, "milione": 1e6, "milioni": 1e6, "mln": 1e6, "miliardo": 1e9, "miliardi": 1e9, "mld": 1e9,
            "mrd": 1e9,
        ],
        currencies: ["dollari": "USD", "sterline": "GBP", "sterlina": "GBP", "franchi": "CHF", "rubli": "RUB"],
        percentPairs: ["per cento"],
        stopWords: [
            "il", "lo", "la", "i", "gli", "le", "un", "una", "di", "del", "della", "dei", "delle", "e", "o", "che",
            "per", "con", "da", "dal", "in", "nel", "nella", "su", "è", "sono", "più", "meno", "circa", "oltre",
        ]
    )

    static let portuguese = make(
        weekdays: [
            "segunda": 0, "segunda-feira": 0, "terça": 1, "terca": 1, "terça-feira": 1, "quarta": 2,
            "quarta-feira": 2, "quinta": 3, "quinta-feira": 3, "sexta": 4, "sexta-feira": 4, "sábado": 5,
            "sabado": 5, "domingo": 6,
        ],
        relativeDays: ["ontem": -1, "hoje": 0, "amanhã": 1, "amanha": 1, "anteontem": -2],
        monthLeads: ["em", "desde", "até", "ate", "início", "inicio", "final", "meados"],
        // Brazil's bilhão is a thousand millions, as in news from Portugal today.
        scales: [
            "mil": 1e3, "milhão": 1e6, "milhao": 1e6, "milhões": 1e6, "milhoes": 1e6, "mi": 1e6, "bilhão": 1e9,
            "bilhao": 1e9, "bilhões": 1e9, "bilhoes": 1e9, "bi": 1e9, "mil milhões": 1e9, "trilhão": 1e12,
            "trilhões": 1e12,
        ],
        currencies: ["reais": "BRL", "real": "BRL", "dólares": "USD", "dólar": "USD", "libras": "GBP"],
        percentPairs: ["por cento"],
        stopWords: [
            "o", "a", "os", "as", "um", "uma", "e", "ou", "de", "do", "da", "dos", "das", "em", "no", "na", "nos",
            "nas", "com", "para", "por", "que", "é", "são", "foi", "mais", "menos", "cerca",
        ]
    )

    static let dutch = make(
        weekdays: [
            "maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4, "zaterdag": 5, "zondag": 6,
        ],
        relativeDays: ["gisteren": -1, "vandaag": 0, "morgen": 1, "eergisteren": -2, "overmorgen": 2],
        monthLeads: ["sinds", "tot", "vanaf", "begin", "eind", "half", "medio"],
        scales: [
            "duizend": 1e3, "miljoen": 1e6, "miljoenen": 1e6, "mln": 1e6, "miljard": 1e9, "miljarden": 1e9,
            "mld": 1e9, "biljoen": 1e12,
        ],
        currencies: ["pond": "GBP", "dollar": "USD"],
        percentWords: ["procent"],
        stopWords: [
            "de", "het", "een", "en", "of", "van", "in", "op", "voor", "met", "tot", "aan", "bij", "door", "dan",
            "is", "zijn", "was", "waren", "meer", "minder", "ongeveer", "ruim", "bijna",
        ]
    )

    static let russian = make(
        weekdays: [
            "понедельник": 0, "вторник": 1, "среда": 2, "среду": 2, "четверг": 3, "пятница": 4, "пятницу": 4,
            "суббота": 5, "субботу": 5, "воскресенье": 6,
        ],
        relativeDays: ["вчера": -1, "сегодня": 0, "завтра": 1, "позавчера": -2, "послезавтра": 2],
        monthLeads: ["в", "во", "с", "до", "к", "начале", "конце", "середине"],
        scales: [
            "тыс": 1e3, "тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3, "млн": 1e6, "миллион": 1e6, "миллиона": 1e6,
            "миллионов": 1e6, "млрд": 1e9, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9, "трлн": 1e12,
            "триллион": 1e12, "триллиона": 1e12, "триллионов": 1e12,
        ],
        currencies: [
            "рубль": "RUB", "рубля": "RUB", "рублей": "RUB", "руб": "RUB", "доллар": "USD", "доллара": "USD",
            "долларов": "USD", "евро": "EUR", "юаней": "CNY", "юаня": "CNY",
        ],
        percentWords: ["процент", "процента", "процентов"],
        stopWords: [
            "в", "во", "и", "на", "с", "со", "по", "из", "за", "от", "до", "о", "об", "что", "не", "к", "у", "для",
            "более", "менее", "около", "года", "году", "лет",
        ]
    )
}
