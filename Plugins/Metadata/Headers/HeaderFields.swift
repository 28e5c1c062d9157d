import LectorCore
import LectorText

/// The fields an article's header gave, in the order found, with keys normalised.
struct HeaderFields {
    /// The fields so far.
    private(set) var entries: [(key: String, value: JSONValue)] = []

    /// Whether no field was found.
    var isEmpty: Bool { entries.isEmpty }

    /// Whether a field named `key` (already normalised) was found.
    func contains(_ key: String) -> Bool {
        entries.contains { $0.key == key }
    }

    /// Adds a field under the snake_case form of `rawKey`, mapping aliases (`By` to
    /// `author`, `Link` to `url`). A key seen before collects its values in a list.
    mutating func add(rawKey: some StringProtocol, value: JSONValue) {
        var key = MetadataKey.normalize(rawKey)
        guard !key.isEmpty else { return }
        key = MetadataKey.aliases[key] ?? key
        set(key, value, collecting: true)
    }

    /// Sets `key` (already normalised) to `value`; with `collecting`, a repeated key turns
    /// into a list of its values instead of being replaced.
    mutating func set(_ key: String, _ value: JSONValue, collecting: Bool = false) {
        guard let index = entries.firstIndex(where: { $0.key == key }) else {
            entries.append((key, value))
            return
        }
        guard collecting else {
            entries[index].value = value
            return
        }
        switch (entries[index].value, value) {
        case (.array(let old), .array(let new)): entries[index].value = .array(old + new)
        case (.array(let old), _): entries[index].value = .array(old + [value])
        case (let old, .array(let new)): entries[index].value = .array([old] + new)
        case (let old, _): entries[index].value = .array([old, value])
        }
    }

    /// The fields ready for `document.metadata`: a date alias (`published`, …) stands in
    /// for a missing `date`, the date is normalised to ISO 8601 (the original kept as
    /// `date_raw` when it differs; `null` when it is not a date), and a title that YAML
    /// read as a number or Boolean becomes a string again.
    ///
    /// - Parameter normalizer: How dates are read.
    /// - Returns: The fields, in the order found.
    func resolved(with normalizer: DateNormalizer) -> [(key: String, value: JSONValue)] {
        var fields = self
        if !fields.contains("date"),
            let index = fields.entries.firstIndex(where: { MetadataKey.dateAliases.contains($0.key) })
        {
            fields.entries[index].key = "date"
        }
        if let index = fields.entries.firstIndex(where: { $0.key == "date" }) {
            let (date, raw) = Self.normalizedDate(fields.entries[index].value, with: normalizer)
            fields.entries[index].value = date
            if let raw { fields.entries.insert(("date_raw", .string(raw)), at: index + 1) }
        }
        if let index = fields.entries.firstIndex(where: { $0.key == "title" }),
            let text = fields.entries[index].value.scalarText
        {
            fields.entries[index].value = .string(text)
        }
        return fields.entries
    }

    /// A date value in ISO 8601, and the original text when it differed.
    ///
    /// - Parameters:
    ///   - value: The value as found.
    ///   - normalizer: How dates are read.
    /// - Returns: The ISO date (or `null` when the value is not a date) and the original
    ///   text, or `nil` for it when the value was already in ISO form or was `null`.
    static func normalizedDate(_ value: JSONValue, with normalizer: DateNormalizer) -> (JSONValue, String?) {
        if value.isNull { return (.null, nil) }
        guard let text = value.scalarText else { return (.null, value.encodedString()) }
        guard let iso = normalizer.normalize(text) else { return (.null, text) }
        return (.string(iso), iso == text ? nil : text)
    }
}
