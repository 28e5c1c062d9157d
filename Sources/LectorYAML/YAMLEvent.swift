import CYAML
import LectorCore

/// A libyaml parser event, copied into Swift values so that the C event can be deleted at
/// once.
enum YAMLEvent {
    case streamStart
    case streamEnd
    case documentStart(SourceLocation)
    case documentEnd
    case alias(anchor: String, SourceLocation)
    case scalar(String, quoted: Bool, tag: String?, SourceLocation)
    case sequenceStart(tag: String?, SourceLocation)
    case sequenceEnd
    case mappingStart(tag: String?, SourceLocation)
    case mappingEnd
    case unknown(SourceLocation)

    /// Copies what we need out of a C event.
    ///
    /// - Parameter event: A event filled by `yaml_parser_parse`; the caller deletes it.
    init(_ event: yaml_event_t) {
        let location = SourceLocation(line: event.start_mark.line + 1, column: event.start_mark.column + 1)
        switch event.type {
        case YAML_STREAM_START_EVENT:
            self = .streamStart
        case YAML_STREAM_END_EVENT:
            self = .streamEnd
        case YAML_DOCUMENT_START_EVENT:
            self = .documentStart(location)
        case YAML_DOCUMENT_END_EVENT:
            self = .documentEnd
        case YAML_ALIAS_EVENT:
            self = .alias(anchor: Self.string(event.data.alias.anchor) ?? "", location)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            var text = ""
            if let value = scalar.value {
                text = String(decoding: UnsafeBufferPointer(start: value, count: scalar.length), as: UTF8.self)
            }
            self = .scalar(
                text,
                quoted: scalar.style != YAML_PLAIN_SCALAR_STYLE,
                tag: Self.string(scalar.tag),
                location
            )
        case YAML_SEQUENCE_START_EVENT:
            self = .sequenceStart(tag: Self.string(event.data.sequence_start.tag), location)
        case YAML_SEQUENCE_END_EVENT:
            self = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            self = .mappingStart(tag: Self.string(event.data.mapping_start.tag), location)
        case YAML_MAPPING_END_EVENT:
            self = .mappingEnd
        default:
            self = .unknown(location)
        }
    }

    /// Where the event starts, for the events that carry one.
    var location: SourceLocation? {
        switch self {
        case .documentStart(let location), .alias(_, let location), .scalar(_, _, _, let location),
            .sequenceStart(_, let location), .mappingStart(_, let location), .unknown(let location):
            return location
        case .streamStart, .streamEnd, .documentEnd, .sequenceEnd, .mappingEnd:
            return nil
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
