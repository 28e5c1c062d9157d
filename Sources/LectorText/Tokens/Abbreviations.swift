/// Abbreviations that keep their period, and how the sentence splitter treats them.
///
/// Entries are written without the final period. Matching is exact, except that a
/// capitalised form of a lowercase entry also matches (`Approx.` at the start of a
/// sentence). Dotted forms (`U.S.`, `e.g.`) need no entry: the tokenizer recognises them by
/// shape, and only the ones that never end a sentence are listed here. German street names
/// ending in `str` (`Hauptstr.`) are abbreviations too.
enum Abbreviations {
    /// How an abbreviation behaves at a possible sentence end.
    enum Behaviour {
        /// It precedes what follows it (a title before a name, `e.g.`, `No.` before a
        /// number): never a sentence end.
        case neverEnds
        /// It can end a sentence (`etc.`, `Inc.`, `U.S.`): a sentence ends after it only when
        /// a common sentence starter follows (`The`, `He`, `But`, …).
        case endsBeforeStarter
    }

    /// Titles and words that introduce what follows.
    private static let neverEnding = keys([
        // English titles
        "Mr", "Mrs", "Ms", "Mx", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Profs", "Sen", "Sens", "Rep", "Reps",
        "Gov", "Gen", "Col", "Lt", "Capt", "Cmdr", "Cdr", "Sgt", "Cpl", "Pvt", "Maj", "Adm", "Brig", "Rev", "Hon",
        "Pres", "Supt", "Insp", "Det", "Amb", "Atty", "Fr", "Msgr", "Sec",
        // English words that introduce something
        "vs", "v", "cf", "viz", "approx", "ca", "No", "Nos", "Fig", "Figs", "Vol", "Vols", "pp", "p", "Eq", "Eqs",
        "Ref", "Refs", "Tab", "Art", "Ch", "Chap", "Para", "para", "Op", "Ex", "incl", "excl", "esp", "resp",
        // German
        "bzw", "vgl", "ggf", "bspw", "sog", "evtl", "inkl", "zzgl", "Nr", "Hr", "Hrn", "Abs", "Bd", "Tel", "geb",
        "Dipl", "Ing",
        // French
        "MM", "Mme", "Mlle", "Mlles", "Me", "Mgr", "Pr", "av", "bd", "env", "chap", "art",
        // Spanish
        "Sra", "Sras", "Srta", "Sres", "Dña", "Dra", "Lic", "Arq", "Ud", "Uds", "Vd", "Vds", "pág", "núm", "aprox",
        "Avda",
    ])

    /// Abbreviations that often end a sentence too.
    private static let sometimesEnding = keys([
        // English
        "etc", "Inc", "Ltd", "Co", "Corp", "Bros", "Jr", "Sr", "St", "Ave", "Blvd", "Rd", "Mt", "Ft", "Dept", "Univ",
        "Assn", "Est", "est", "al", "ed", "eds", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
        "Oct", "Nov", "Dec", "Tue", "Tues", "Thu", "Thur", "Thurs", "Fri", "plc", "Gov't",
        // German
        "usw", "Mio", "Mrd", "Jh", "Str", "Mär", "Okt", "Dez",
        // French
        "janv", "févr", "avr", "juil", "déc",
        // Spanish
        "ene", "abr", "ago", "dic",
    ])

    /// Dotted forms (lowercased, without the final period) that never end a sentence.
    private static let neverEndingDotted = keys([
        "e.g", "i.e", "a.k.a", "n.b", "z.b", "d.h", "u.a", "o.ä", "s.o", "s.u", "z.t", "v.a", "u.u", "o.g",
    ])

    /// Whether the letters (without the period) are a known abbreviation.
    ///
    /// - Parameter letters: The word's scalars, without its period.
    /// - Returns: Whether a period after them belongs to the word.
    static func isKnown(_ letters: ArraySlice<Unicode.Scalar>) -> Bool {
        behaviour(of: letters) != nil
    }

    /// How a word ending in a period behaves at a possible sentence end.
    ///
    /// Single capital initials (`J.`) and dotted forms not listed as never ending (`U.S.`,
    /// `a.m.`, `Ph.D.`) end a sentence only before a common sentence starter.
    ///
    /// - Parameter word: The token's scalars, including the final period.
    /// - Returns: Its behaviour, or `nil` if it is not an abbreviation.
    static func behaviour(ofWordWithPeriod word: ArraySlice<Unicode.Scalar>) -> Behaviour? {
        guard let last = word.last, last == ".", word.count >= 2 else { return nil }
        let letters = word.dropLast()
        if letters.contains(".") {
            guard let key = WordKey(letters, lowercasingASCII: true) else { return .endsBeforeStarter }
            return neverEndingDotted.contains(key) ? .neverEnds : .endsBeforeStarter
        }
        if let known = behaviour(of: letters) { return known }
        if letters.count == 1, let first = letters.first, first.isCapital { return .endsBeforeStarter }
        return nil
    }

    private static func behaviour(of letters: ArraySlice<Unicode.Scalar>) -> Behaviour? {
        if letters.count >= 4, letters.suffix(3).elementsEqual(["s", "t", "r"]) {
            return .endsBeforeStarter  // German street names: `Hauptstr. 5`
        }
        guard let key = WordKey(letters) else { return nil }
        if let found = lookUp(key) { return found }
        // A lowercase entry (`etc`, `approx`) also matches capitalised (`Etc.`, `Approx.`).
        guard let first = letters.first, first.isCapital, letters.dropFirst().allSatisfy({ !$0.isCapital }),
            let lowered = WordKey(letters, lowercasingFirst: true)
        else { return nil }
        return lookUp(lowered)
    }

    private static func lookUp(_ key: WordKey) -> Behaviour? {
        if neverEnding.contains(key) { return .neverEnds }
        if sometimesEnding.contains(key) { return .endsBeforeStarter }
        return nil
    }

    private static func keys(_ words: [String]) -> Set<WordKey> {
        Set(words.compactMap(WordKey.init))
    }
}
