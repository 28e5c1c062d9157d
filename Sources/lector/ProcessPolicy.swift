#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Process-wide settings the `lector` executable makes once, first thing, for every command.
///
/// Signal dispositions belong to the whole process, so they are set here, in one documented
/// place, and never as a side effect of building a processor or starting a daemon:
/// - `SIGPIPE` is ignored. A write to a plugin that died (or to a closed stdout) then fails
///   with `EPIPE`, which the writer reports, instead of killing Lector. Library code that
///   writes to pipes (exec plugins, the daemons) relies on this; a host embedding it
///   in another program must ignore `SIGPIPE` too.
enum ProcessPolicy {
    /// Applies the policy.
    static func apply() {
        signal(SIGPIPE, SIG_IGN)
    }
}
