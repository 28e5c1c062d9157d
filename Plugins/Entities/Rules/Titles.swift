/// Titles written before a person's name, which CoNLL leaves out of the name.
enum Titles {
    /// Titles that only ever come before a person's name (English, with and without a
    /// final period, which is dropped before the lookup; a few Spanish, French and German
    /// ones).
    static let personal: Set<String> = [
        "Mr", "Mrs", "Ms", "Mx", "Messrs", "President", "Vice-President", "Senator", "Sen", "Rep",
        "Representative", "Congressman", "Congresswoman", "Governor", "Gov", "Mayor", "Councillor",
        "Councilor", "Councilman", "Councilwoman", "Alderman", "Minister", "Chancellor", "Secretary",
        "Ambassador", "Commissioner", "Premier", "Judge", "Professor", "Prof", "Rev", "Reverend",
        "Archbishop", "Bishop", "Cardinal", "Rabbi", "Imam", "Sheikh", "Ayatollah", "Inspector", "Detective",
        "Sergeant", "Sgt", "Captain", "Capt", "Lieutenant", "Lt", "Colonel", "Col", "Admiral", "Chairman",
        "Chairwoman", "Chairperson", "Coach", "Striker", "Goalkeeper", "Defender", "Midfielder",
        "Señor", "Señora", "Presidente", "Ministro", "Ministra", "Monsieur", "Madame", "Herr", "Frau",
    ]

    /// Titles that also begin names of places, companies or works (`Prince Edward Island`,
    /// `Dr Pepper`, `General Motors`, `King County`).
    static let ambiguous: Set<String> = [
        "Dr", "Doctor", "Sir", "Dame", "Lord", "Lady", "King", "Queen", "Prince", "Princess", "Pope", "Saint",
        "St", "General", "Gen", "Major", "Speaker", "Father", "Sister", "Brother", "Emperor", "Empress",
    ]
}
