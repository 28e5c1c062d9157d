// lector-fuzz: libFuzzer over one of Lector's parsers, chosen by LECTOR_FUZZ_TARGET.
// Built only by `make fuzz` (with -sanitize=fuzzer,address); see Fuzz/README.md.
import CLectorFuzz
import Glibc
import LectorFuzzTargets

@main
enum FuzzMain {
    static func main() {
        guard FuzzTargets.selected != nil else {
            let names = FuzzTargets.all.keys.sorted().joined(separator: ", ")
            let message = Array("lector-fuzz: set LECTOR_FUZZ_TARGET to one of: \(names)\n".utf8)
            _ = write(2, message, message.count)
            exit(2)
        }
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in FuzzTargets.runSelected(data, size) })
    }
}

/// libFuzzer's entry point: its own `main` (hidden by SwiftPM's, but linked) refers to it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzTargets.runSelected(data, size)
}
