import LectorText

/// The names of metadata keys: snake_case normalisation and the aliases headers use.
enum MetadataKey {
    /// Keys that mark a block of `Key: value` lines as an article header.
    static let known: Set<String> = [
        "title", "headline", "subtitle", "date", "author", "authors", "by", "byline", "source", "publisher",
        "url", "link", "published", "updated", "modified", "section", "category", "categories", "tags",
        "keywords", "language", "lang", "description", "summary", "dateline",
    ]

    /// Header keys that mean one of our standard keys.
    static let aliases: [String: String] = ["by": "author", "byline": "author", "link": "url", "headline": "title"]

    /// Keys that give the publication date when no `date` key is present.
    static let dateAliases: [String] = ["published", "pubdate", "date_published", "published_at", "posted"]

    /// Keys whose header-line values are comma-separated lists.
    static let listKeys: Set<String> = ["tags", "keywords", "categories"]

    /// `key` in lowercase snake_case: `Published-Date` and `publishedDate` give
    /// `published_date`, `X-Original URL` gives `x_original_url`.
    static func normalize(_ key: some StringProtocol) -> String {
        var result = ""
        var pendingUnderscore = false
        var previousWasLower = false
        for scalar in key.unicodeScalars {
            guard scalar.isWordLike else {
                pendingUnderscore = true
                previousWasLower = false
                continue
            }
            let isUpper = scalar.value < 0x80 ? (0x41...0x5A).contains(scalar.value) : scalar.properties.isUppercase
            if isUpper && previousWasLower { pendingUnderscore = true }
            if pendingUnderscore && !result.isEmpty { result.append("_") }
            pendingUnderscore = false
            if scalar.value < 0x80 {
                result.unicodeScalars.append(isUpper ? Unicode.Scalar(UInt8(scalar.value) | 0x20) : scalar)
            } else {
                result += scalar.properties.lowercaseMapping
            }
            previousWasLower = !isUpper
        }
        return result
    }
}
