import LectorSystem

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// File-system helpers for the loader: reading the file and resolving paths.
///
/// Paths are resolved lexically (`.` and `..` removed, symbolic links not followed), and
/// `~` is not expanded: `~/inbox` is a folder named `~` beside the configuration file.
enum ConfigurationFile {
    /// The largest configuration file accepted: 1 MiB.
    static let maximumSize = 1 << 20

    /// Reads a whole file.
    ///
    /// - Parameter path: The path, as given.
    /// - Returns: The bytes, or a message saying why they cannot be read.
    static func contents(atPath path: String) -> Result<[UInt8], ReadFailure> {
        do {
            return .success(try SystemCalls.readFile(FilePath(path), limit: maximumSize))
        } catch  where error == .isDirectory {
            return .failure(ReadFailure(message: "it is a directory", isMissing: false))
        } catch  where error == .fileTooLarge {
            return .failure(ReadFailure(message: "it is larger than \(maximumSize / 1_048_576) MiB", isMissing: false))
        } catch  where error == .invalidArgument {
            return .failure(ReadFailure(message: "it is not a regular file", isMissing: false))
        } catch {
            return .failure(ReadFailure(errorNumber: error.rawValue))
        }
    }

    /// Why a file could not be read.
    struct ReadFailure: Error {
        var message: String
        /// Whether the file (or a folder on its path) does not exist.
        var isMissing: Bool

        init(message: String, isMissing: Bool) {
            self.message = message
            self.isMissing = isMissing
        }

        init(errorNumber: Int32) {
            self.message = String(cString: strerror(errorNumber))
            self.isMissing = errorNumber == ENOENT || errorNumber == ENOTDIR
        }
    }

    /// The absolute, normalised directory that holds `path`.
    ///
    /// - Parameter path: A file's path, absolute or relative to the working directory.
    /// - Returns: Its directory, absolute.
    static func directory(of path: String) -> String {
        let absolute = resolve(path, against: currentDirectory())
        guard let slash = absolute.lastIndex(of: "/"), slash != absolute.startIndex else { return "/" }
        return String(absolute[..<slash])
    }

    /// An absolute, normalised path.
    ///
    /// - Parameters:
    ///   - path: A path; kept as is when absolute, else taken relative to `directory`.
    ///   - directory: The directory relative paths start from; made absolute against the
    ///     working directory when it is itself relative.
    /// - Returns: The absolute path, without `.`, `..`, repeated or trailing slashes.
    static func resolve(_ path: String, against directory: String) -> String {
        if path.hasPrefix("/") { return normalize(path) }
        let base = directory.hasPrefix("/") ? directory : currentDirectory() + "/" + directory
        return normalize(base + "/" + path)
    }

    /// Removes `.`, `..` (lexically), repeated and trailing slashes from an absolute path.
    ///
    /// - Parameter path: An absolute path.
    /// - Returns: The normalised path; `/` for the root.
    static func normalize(_ path: String) -> String {
        var components: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    private static func currentDirectory() -> String {
        let directory = FileManager.default.currentDirectoryPath
        return directory.hasPrefix("/") ? directory : "/"
    }
}
