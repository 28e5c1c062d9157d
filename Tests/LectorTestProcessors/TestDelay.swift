// A test-only shared-library plugin (Plugins/include/lector_plugin.h, ABI version 1):
// `test_delay`, which sleeps `ms` milliseconds per document and `load_ms` when created (like
// a model load), and adds `test_delay: {ms}`. The end-to-end tests load it with a `library:`
// step (see `TestProcessors` in LectorTestSupport); it is never linked into `lector`.
import Glibc
import LectorCore

/// One instance: how long to sleep per document.
final class TestDelayInstance {
    let milliseconds: Int

    init(milliseconds: Int) {
        self.milliseconds = milliseconds
    }
}

/// A copy of `bytes` in malloc'd memory, NUL-terminated, for Lector to hand back to
/// lector_plugin_free.
private func allocate(_ bytes: [UInt8]) -> UnsafeMutablePointer<CChar>? {
    guard let memory = malloc(bytes.count + 1)?.assumingMemoryBound(to: CChar.self) else { return nil }
    bytes.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { chars in
            if let base = chars.baseAddress { memory.update(from: base, count: bytes.count) }
        }
    }
    memory[bytes.count] = 0
    return memory
}

/// Sleeps for a number of milliseconds.
private func sleep(milliseconds: Int) {
    var time = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
    var remaining = timespec()
    while nanosleep(&time, &remaining) != 0 && errno == EINTR { time = remaining }
}

/// The ABI version this plugin was built against.
@_cdecl("lector_plugin_abi_version")
public func lectorPluginABIVersion() -> UInt32 { 1 }

/// The plugin's name: the field it adds.
@_cdecl("lector_plugin_name")
public func lectorPluginName() -> UnsafePointer<CChar>? {
    UnsafeRawPointer(("test_delay" as StaticString).utf8Start).assumingMemoryBound(to: CChar.self)
}

/// Creates an instance from the options JSON (`ms`, default 100; `load_ms`, default 0).
@_cdecl("lector_plugin_create")
public func lectorPluginCreate(
    _ options: UnsafePointer<CChar>?,
    _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> UnsafeMutableRawPointer? {
    let json = options.flatMap { try? JSONValue.parse(String(cString: $0)) } ?? [:]
    let milliseconds = json["ms"]?.intValue ?? 100
    let load = json["load_ms"]?.intValue ?? 0
    guard (0...60_000).contains(milliseconds), (0...60_000).contains(load) else {
        error?.pointee = allocate(Array("ms and load_ms must be between 0 and 60000".utf8))
        return nil
    }
    sleep(milliseconds: load)
    return Unmanaged.passRetained(TestDelayInstance(milliseconds: milliseconds)).toOpaque()
}

/// Sleeps, then replies `{"fields": {"test_delay": {"ms": N}}}`.
@_cdecl("lector_plugin_process")
public func lectorPluginProcess(
    _ instance: UnsafeMutableRawPointer?,
    _ request: UnsafePointer<CChar>?,
    _ length: Int,
    _ replyLength: UnsafeMutablePointer<Int>?,
    _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> UnsafeMutablePointer<CChar>? {
    guard let instance else {
        error?.pointee = allocate(Array("no instance".utf8))
        return nil
    }
    let plugin = Unmanaged<TestDelayInstance>.fromOpaque(instance).takeUnretainedValue()
    sleep(milliseconds: plugin.milliseconds)
    let reply: JSONValue = ["fields": ["test_delay": ["ms": .int(plugin.milliseconds)]]]
    let bytes = reply.encoded()
    replyLength?.pointee = bytes.count
    return allocate(bytes)
}

/// Frees a string this plugin returned.
@_cdecl("lector_plugin_free")
public func lectorPluginFree(_ pointer: UnsafeMutableRawPointer?) {
    free(pointer)
}

/// Destroys an instance.
@_cdecl("lector_plugin_destroy")
public func lectorPluginDestroy(_ instance: UnsafeMutableRawPointer?) {
    guard let instance else { return }
    Unmanaged<TestDelayInstance>.fromOpaque(instance).release()
}

/// Instances keep no mutable state, so calls may run concurrently.
@_cdecl("lector_plugin_thread_safe")
public func lectorPluginThreadSafe() -> Int32 { 1 }
