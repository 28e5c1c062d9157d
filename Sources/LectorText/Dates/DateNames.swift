/// The month, weekday and time-zone names that ``DateNormalizer`` reads.
///
/// Months are known in English, German, French, Spanish, Italian, Portuguese, Dutch and Russian,
/// written in full or abbreviated (with or without accents); weekdays in the same languages
/// are accepted and ignored.
enum DateNames {
    /// Lowercased month names and abbreviations, with their month number.
    static let months: [String: Int] = {
        let table: [(Int, [String])] = [
            (
                1,
                [
                    "january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "janeiro",
                    "januari",
                ]
            ),
            (
                2,
                [
                    "february", "feb", "febr", "februar", "février", "fevrier", "févr", "fevr", "febrero", "febbraio",
                    "fevereiro", "fev", "februari",
                ]
            ),
            (3, ["march", "mar", "märz", "maerz", "mär", "mrz", "mars", "marzo", "março", "maart", "mrt"]),
            (4, ["april", "apr", "avril", "avr", "abril", "abr", "aprile"]),
            (5, ["may", "mai", "mayo", "maggio", "maio", "mei"]),
            (6, ["june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho"]),
            (7, ["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho"]),
            (8, ["august", "aug", "août", "aout", "agosto", "ago", "augustus"]),
            (9, ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "set", "settembre", "setembro"]),
            (10, ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro"]),
            (11, ["november", "nov", "novembre", "noviembre", "novembro"]),
            (
                12,
                [
                    "december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic",
                    "dicembre", "dezembro",
                ]
            ),
        ]
        // Russian: nominative, genitive (`3 марта`) and prepositional (`в марте`).
        let russian: [(Int, [String])] = [
            (1, ["январь", "января", "январе", "янв"]),
            (2, ["февраль", "февраля", "феврале", "фев"]),
            (3, ["март", "марта", "марте", "мар"]),
            (4, ["апрель", "апреля", "апреле", "апр"]),
            (5, ["май", "мая", "мае"]),
            (6, ["июнь", "июня", "июне", "июн"]),
            (7, ["июль", "июля", "июле", "июл"]),
            (8, ["август", "августа", "августе", "авг"]),
            (9, ["сентябрь", "сентября", "сентябре", "сен", "сент"]),
            (10, ["октябрь", "октября", "октябре", "окт"]),
            (11, ["ноябрь", "ноября", "ноябре", "ноя"]),
            (12, ["декабрь", "декабря", "декабре", "дек"]),
        ]
        var months: [String: Int] = [:]
        for (number, names) in table + russian {
            for name in names { months[name] = number }
        }
        return months
    }()

    /// Lowercased weekday names and abbreviations.
    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo",
        "lunedì", "lunedi", "martedì", "martedi", "mercoledì", "mercoledi", "giovedì", "giovedi", "venerdì", "venerdi",
        "sabato", "domenica", "segunda", "terça", "terca", "quarta", "quinta", "sexta",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
    ]

    /// Lowercased zone names and their offsets (RFC 822 names, plus UTC and central Europe).
    static let zones: [String: String] = [
        "gmt": "+00:00", "ut": "+00:00", "utc": "+00:00",
        "est": "-05:00", "edt": "-04:00", "cst": "-06:00", "cdt": "-05:00",
        "mst": "-07:00", "mdt": "-06:00", "pst": "-08:00", "pdt": "-07:00",
        "cet": "+01:00", "cest": "+02:00",
    ]

    /// Words that may stand between the parts of a date: `16 de febrero de 2022`,
    /// `16th of February 2022`, `de febrero del 2022`.
    static let connectors: Set<String> = ["de", "del", "of"]

    /// Suffixes that may follow a day number: `16th`, `1st`, `1er` (French).
    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th", "er"]
}
