import LectorCore

extension ConfigurationDecoder {
    /// The keys of a step's mapping that the loader takes; the rest are the options.
    static let stepKeys = ["when", "on_error"]

    /// Decodes `pipeline:`: a non-empty list of steps.
    ///
    /// - Parameter entry: The `pipeline` entry.
    /// - Returns: The steps that could be read.
    mutating func pipeline(_ entry: ConfigEntry) -> [StepConfiguration] {
        let value = entry.value
        if value.isNull {
            report(entry.keyLocation, "pipeline", "pipeline must list at least one step")
            return []
        }
        guard let elements = read(entry, { try $0.sequence() }) else { return [] }
        guard !elements.isEmpty else {
            report(value.location, "pipeline", "pipeline must list at least one step")
            return []
        }
        return elements.enumerated().compactMap { index, element in step(element, keyPath: "pipeline[\(index)]") }
    }

    /// Decodes one step: `name`, or `name: {options…}`, or `name:` with nothing.
    private mutating func step(_ value: ConfigValue, keyPath: String) -> StepConfiguration? {
        switch value.kind {
        case .scalar(let name, _):
            guard !value.isNull, !name.isEmpty else {
                report(value.location, keyPath, "\(keyPath): expected a processor name, found \(value.shownValue)")
                return nil
            }
            return StepConfiguration(processor: name, location: value.location, keyPath: keyPath)
        case .sequence:
            report(
                value.location,
                keyPath,
                "\(keyPath): expected a processor name or a mapping with one key, found a list"
            )
            return nil
        case .mapping(let entries):
            guard let head = entries.first else {
                report(value.location, keyPath, "\(keyPath): a step must name one processor, found an empty mapping")
                return nil
            }
            guard entries.count == 1 else {
                let keys = entries.map { "'\($0.key)'" }.joined(separator: ", ")
                report(
                    entries[1].keyLocation,
                    keyPath,
                    "\(keyPath): a step must name exactly one processor, found \(entries.count) keys (\(keys)); "
                        + "indent the options under '\(head.key)'"
                )
                return nil
            }
            return step(head, keyPath: keyPath)
        }
    }

    /// Decodes `name: {options…}` or `name:`.
    private mutating func step(_ head: ConfigEntry, keyPath: String) -> StepConfiguration? {
        var step = StepConfiguration(processor: head.key, location: head.keyLocation, keyPath: keyPath)
        if head.value.isNull { return step }
        guard case .mapping(let entries) = head.value.kind else {
            report(
                head.value.location,
                keyPath,
                "\(keyPath): the options of '\(head.key)' must be a mapping, found \(head.value.shownValue)"
            )
            return nil
        }
        var options: [ConfigEntry] = []
        for entry in entries {
            switch entry.key {
            case "when":
                step.condition = condition(entry, keyPath: "\(keyPath).when")
            case "on_error":
                step.onError = errorPolicy(entry, keyPath: "\(keyPath).on_error") ?? .fail
            default:
                options.append(entry)
            }
        }
        if !options.isEmpty {
            step.options = ConfigValue(.mapping(options), at: head.value.location)
        }
        return step
    }

    private mutating func errorPolicy(_ entry: ConfigEntry, keyPath: String) -> ErrorPolicy? {
        guard let text = read(entry, keyPath: keyPath, { try $0.string() }) else { return nil }
        if let policy = ErrorPolicy(rawValue: text) { return policy }
        let allowed = ["fail", "skip"]
        var message = "on_error must be 'fail' or 'skip', found '\(text)'"
        if let guess = Spelling.suggestion(for: text, among: allowed) { message += " (did you mean '\(guess)'?)" }
        report(entry.value.location, keyPath, message)
        return nil
    }
}
