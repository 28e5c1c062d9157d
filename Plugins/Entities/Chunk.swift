/// An entity chunk over tokens: `start..<end` with its type.
package struct Chunk: Sendable, Hashable {
    /// The first token.
    package var start: Int
    /// One past the last token.
    package var end: Int
    /// The type.
    package var type: NamedType

    /// Creates a chunk.
    ///
    /// - Parameters:
    ///   - start: The first token.
    ///   - end: One past the last token.
    ///   - type: The type.
    package init(start: Int, end: Int, type: NamedType) {
        self.start = start
        self.end = end
        self.type = type
    }

    /// The chunks of a BIO tag-number sequence.
    package static func chunks(tags: [Int]) -> [Chunk] {
        var chunks: [Chunk] = []
        for (index, tag) in tags.enumerated() {
            guard let type = NamedType.of(tag: tag) else { continue }
            if NamedType.isInside(tag), let last = chunks.last, last.end == index, last.type == type {
                chunks[chunks.count - 1].end = index + 1
            } else {
                chunks.append(Chunk(start: index, end: index + 1, type: type))
            }
        }
        return chunks
    }
}
