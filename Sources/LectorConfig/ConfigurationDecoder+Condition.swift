import LectorCore

extension ConfigurationDecoder {
    /// The keys allowed in `when:`.
    static let conditionKeys = ["language", "metadata"]

    /// Decodes a step's `when:` mapping.
    ///
    /// - Parameters:
    ///   - entry: The `when` entry.
    ///   - keyPath: Its key path, such as `pipeline[2].when`.
    /// - Returns: The condition, or `nil` after reporting a mistake in its shape.
    mutating func condition(_ entry: ConfigEntry, keyPath: String) -> StepCondition? {
        let value = entry.value
        guard case .mapping(let entries) = value.kind, !entries.isEmpty else {
            let found = value.isNull || value.kind == .mapping([]) ? "nothing" : value.shownValue
            report(
                value.isNull ? entry.keyLocation : value.location,
                keyPath,
                "\(keyPath): expected a mapping with 'language' or 'metadata', found \(found)"
            )
            return nil
        }
        var condition = StepCondition(location: value.location)
        for entry in entries {
            switch entry.key {
            case "language":
                condition.languages = languages(entry, keyPath: "\(keyPath).language")
            case "metadata":
                condition.metadata = metadata(entry, keyPath: "\(keyPath).metadata")
            default:
                unknownKey(entry, among: Self.conditionKeys, in: "when", keyPath: "\(keyPath).\(entry.key)")
            }
        }
        return condition
    }

    /// Decodes `language: en` or `language: [en, de]`.
    private mutating func languages(_ entry: ConfigEntry, keyPath: String) -> [String]? {
        let value = entry.value
        let elements: [(ConfigValue, String)]
        switch value.kind {
        case .scalar where !value.isNull:
            elements = [(value, keyPath)]
        case .sequence(let list) where !list.isEmpty:
            elements = list.enumerated().map { ($1, "\(keyPath)[\($0)]") }
        default:
            report(
                value.isNull ? entry.keyLocation : value.location,
                keyPath,
                "\(keyPath): expected a language code or a list of them, found \(value.shownValue)"
            )
            return nil
        }
        var codes: [String] = []
        for (element, elementPath) in elements {
            guard let code = read(element, keyPath: elementPath, { try $0.string() }) else { continue }
            guard Self.isLanguageCode(code) else {
                var message = "\(elementPath): '\(code)' is not a language code (2 or 3 lowercase letters, or 'und')"
                if Self.isLanguageCode(code.lowercased()) { message += "; did you mean '\(code.lowercased())'?" }
                report(element.location, elementPath, message)
                continue
            }
            codes.append(code)
        }
        return codes
    }

    /// Decodes `metadata: {field: value | [values] | {exists: Bool}}`.
    private mutating func metadata(_ entry: ConfigEntry, keyPath: String) -> [MetadataCondition] {
        let value = entry.value
        guard case .mapping(let fields) = value.kind, !fields.isEmpty else {
            report(
                value.isNull ? entry.keyLocation : value.location,
                keyPath,
                "\(keyPath): expected a mapping of metadata fields to values, found \(value.shownValue)"
            )
            return []
        }
        var conditions: [MetadataCondition] = []
        for field in fields {
            let fieldPath = "\(keyPath).\(field.key)"
            if let test = metadataTest(field, keyPath: fieldPath) {
                conditions.append(MetadataCondition(key: field.key, test: test, location: field.keyLocation))
            }
        }
        return conditions
    }

    private mutating func metadataTest(_ field: ConfigEntry, keyPath: String) -> MetadataCondition.Test? {
        let value = field.value
        let expected = "expected a value, a list of values or {exists: true|false}"
        switch value.kind {
        case .scalar where !value.isNull:
            return read(value, keyPath: keyPath, { try $0.string() }).map { .equals([$0]) }
        case .sequence(let elements) where !elements.isEmpty:
            var values: [String] = []
            for (index, element) in elements.enumerated() {
                guard let text = read(element, keyPath: "\(keyPath)[\(index)]", { try $0.string() }) else { return nil }
                values.append(text)
            }
            return .equals(values)
        case .mapping(let entries) where !entries.isEmpty:
            var exists: Bool?
            var valid = true
            for entry in entries {
                if entry.key == "exists" {
                    exists = read(entry, keyPath: "\(keyPath).exists", { try $0.bool() })
                } else {
                    unknownKey(entry, among: ["exists"], in: keyPath, keyPath: "\(keyPath).\(entry.key)")
                    valid = false
                }
            }
            guard valid, let exists else { return nil }
            return .exists(exists)
        default:
            report(
                value.isNull ? field.keyLocation : value.location,
                keyPath,
                "\(keyPath): \(expected), found \(value.shownValue)"
            )
            return nil
        }
    }

    /// Whether `code` looks like a language code: 2–3 lowercase ASCII letters (`und` included).
    static func isLanguageCode(_ code: String) -> Bool {
        let scalars = code.unicodeScalars
        return (2...3).contains(scalars.count) && scalars.allSatisfy { ("a"..."z").contains($0) }
    }
}
