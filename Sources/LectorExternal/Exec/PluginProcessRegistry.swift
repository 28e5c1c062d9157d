import CLectorSystem
import Glibc
import Synchronization

/// Every exec plugin process alive in this Lector, so that they can all be killed at once.
///
/// Plugins die with Lector on their own: each is started with `PR_SET_PDEATHSIG`, so the
/// kernel sends it `SIGKILL` when Lector exits, however it exits (a drain, a second
/// signal, a crash, `kill -9`). ``killAll()`` is for a caller that wants them gone
/// *before* it exits, for example when a drain times out with a plugin stuck on a
/// document: the worker waiting on that plugin then gets its answer (the plugin died) at
/// once instead of at the plugin's timeout.
public enum PluginProcessRegistry {
    private static let groups = Mutex<Set<pid_t>>([])

    /// Kills every live plugin's process group with `SIGKILL`.
    ///
    /// Each plugin leads a process group of its own, so programs a plugin started die
    /// too. The processes are not reaped here; each owner reaps its own. A document being
    /// processed by a killed plugin fails as if the plugin had crashed; a killed idle
    /// plugin is replaced when the next document needs it.
    ///
    /// Safe to call from any thread, any number of times; not from a signal handler (it
    /// takes a lock).
    ///
    /// - Returns: How many process groups were signalled.
    @discardableResult
    public static func killAll() -> Int {
        kill { _ in true }
    }

    /// Kills the process groups of the live plugins whose process id passes `selected`.
    ///
    /// - Parameter selected: Chooses the plugins; called under the registry's lock.
    /// - Returns: How many process groups were signalled.
    static func kill(where selected: (Int32) -> Bool) -> Int {
        // The kill happens under the lock: an owner unregisters its process before reaping
        // it, so no process id signalled here can have been reaped and reused.
        groups.withLock { groups in
            var count = 0
            for group in groups where selected(group) {
                _ = lector_kill_group(group)
                count += 1
            }
            return count
        }
    }

    /// The process ids of the live plugins, for tests and status output.
    public static var processIdentifiers: Set<Int32> {
        groups.withLock { $0 }
    }

    static func register(_ pid: pid_t) {
        _ = groups.withLock { $0.insert(pid) }
    }

    static func unregister(_ pid: pid_t) {
        _ = groups.withLock { $0.remove(pid) }
    }
}
