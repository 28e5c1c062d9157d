import LectorPipeline

/// The names `lector process --output DIR` writes: `DIR/ID.json`, where the id is the
/// input's file name without its last extension.
enum OutputNames {
    /// A set of inputs that would be written to one output file.
    struct Clash: Equatable {
        /// The output file's name (`a.json`).
        let name: String
        /// The inputs, in command-line order.
        let inputs: [String]
    }

    /// The file name a document's id comes from: the input's last path component, or
    /// `stdin` for `-`.
    static func fileName(ofInput path: String) -> String {
        path == "-" ? "stdin" : String(path.split(separator: "/").last ?? Substring(path))
    }

    /// The output file an input is written to.
    static func outputName(ofInput path: String) -> String {
        DocumentReader.identifier(forFileName: fileName(ofInput: path)) + ".json"
    }

    /// The output names more than one input maps to, in order of first appearance, each
    /// with every input that maps to it (the same path given twice is a clash too).
    static func clashes(_ inputs: [String]) -> [Clash] {
        var order: [String] = []
        var byName: [String: [String]] = [:]
        for input in inputs {
            let name = outputName(ofInput: input)
            if byName[name] == nil { order.append(name) }
            byName[name, default: []].append(input)
        }
        return order.compactMap { name in
            guard let group = byName[name], group.count > 1 else { return nil }
            return Clash(name: name, inputs: group)
        }
    }
}
