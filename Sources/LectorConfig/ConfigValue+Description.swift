import LectorCore

extension ConfigValue {
    /// The node as an error message shows it: `'text'` for a scalar, else its kind.
    var shownValue: String {
        if case .scalar(let text, _) = kind, !isNull {
            return "'\(text.count > 40 ? String(text.prefix(40)) + "…" : text)'"
        }
        return kindName
    }
}
