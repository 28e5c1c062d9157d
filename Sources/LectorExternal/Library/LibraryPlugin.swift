import Glibc
import LectorCore

/// A loaded shared-library plugin: the `.so` and its entry points (see
/// `Plugins/include/lector_plugin.h`).
///
/// Libraries are never unloaded (unloading code that may have registered anything with the
/// runtime is unsafe), so reloading a chain reuses the code the dynamic linker holds.
final class LibraryPlugin: Sendable {
    typealias VersionFunction = @convention(c) () -> UInt32
    typealias NameFunction = @convention(c) () -> UnsafePointer<CChar>?
    typealias CreateFunction =
        @convention(c) (UnsafePointer<CChar>?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) ->
        UnsafeMutableRawPointer?
    typealias ProcessFunction =
        @convention(c) (
            UnsafeMutableRawPointer?, UnsafePointer<CChar>?, Int, UnsafeMutablePointer<Int>?,
            UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        ) -> UnsafeMutablePointer<CChar>?
    typealias FreeFunction = @convention(c) (UnsafeMutableRawPointer?) -> Void
    typealias FlagFunction = @convention(c) () -> Int32

    /// The ABI version this Lector implements.
    static let abiVersion: UInt32 = 1

    let path: String
    let name: String
    let threadSafe: Bool
    let create: CreateFunction
    let processDocument: ProcessFunction
    let free: FreeFunction
    let destroy: FreeFunction

    /// Loads the plugin at `path`.
    ///
    /// Nothing is cached here: a second load of the same path (a reload of the chain) gets
    /// the handle the dynamic linker already holds, since `dlopen(3)` counts references and
    /// Lector never closes one.
    ///
    /// - Parameter path: The shared library.
    /// - Throws: ``ProcessorError`` (``ProcessorError/Code/invalidOptions``) when the file
    ///   cannot be loaded, lacks a required symbol, or was built for another ABI version.
    init(path: String) throws {
        self.path = path
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "unknown error"
            throw ProcessorError(.invalidOptions, "cannot load library plugin: \(reason)")
        }
        func symbol<Function>(_ name: String, as type: Function.Type) throws -> Function {
            guard let address = dlsym(handle, name) else {
                throw ProcessorError(.invalidOptions, "\(path) is not a Lector plugin: it does not export \(name)")
            }
            return unsafeBitCast(address, to: type)
        }
        let version = try symbol("lector_plugin_abi_version", as: VersionFunction.self)()
        guard version == Self.abiVersion else {
            throw ProcessorError(
                .invalidOptions,
                "\(path) was built for plugin ABI version \(version); this Lector supports version \(Self.abiVersion)"
            )
        }
        guard let namePointer = try symbol("lector_plugin_name", as: NameFunction.self)() else {
            throw ProcessorError(.invalidOptions, "\(path): lector_plugin_name returned NULL")
        }
        name = String(cString: namePointer)
        create = try symbol("lector_plugin_create", as: CreateFunction.self)
        processDocument = try symbol("lector_plugin_process", as: ProcessFunction.self)
        free = try symbol("lector_plugin_free", as: FreeFunction.self)
        destroy = try symbol("lector_plugin_destroy", as: FreeFunction.self)
        if let flag = dlsym(handle, "lector_plugin_thread_safe") {
            threadSafe = unsafeBitCast(flag, to: FlagFunction.self)() != 0
        } else {
            threadSafe = false
        }
    }

    /// Takes a plugin-allocated string, copies it, and frees it with the plugin's `free`.
    func take(_ pointer: UnsafeMutablePointer<CChar>?, length: Int? = nil) -> [UInt8]? {
        guard let pointer else { return nil }
        defer { free(pointer) }
        let count = length ?? strlen(pointer)
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }
}
