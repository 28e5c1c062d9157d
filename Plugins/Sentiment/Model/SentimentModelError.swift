/// A malformed model file.
package struct SentimentModelError: Error, Sendable, CustomStringConvertible {
    /// The file's name inside `Models/sentiment/`.
    package var file: String
    /// The 1-based line.
    package var line: Int
    /// What is wrong.
    package var message: String

    /// `FILE:LINE: message`.
    package var description: String { "sentiment/\(file):\(line): \(message)" }
}
