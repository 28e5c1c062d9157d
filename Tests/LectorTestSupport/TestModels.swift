public import LectorCore
import LectorPipeline

/// The model files of this checkout (`Models/`), for tests that build processors in process.
public enum TestModels {
    /// The repository's `Models/` folder, found from this file's path.
    public static let folder: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
        return path + "/Models"
    }()

    /// One cache over ``folder`` for the whole test process, so that the large models are
    /// read once however many tests build processors. Tests only: the daemon and the
    /// commands get their cache passed in.
    public static let cache = ModelCache(source: FileModelSource(folders: [folder]))
}
