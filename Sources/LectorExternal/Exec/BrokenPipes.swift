import Glibc

/// Makes a write to a plugin that died return EPIPE instead of killing Lector with
/// SIGPIPE. Process-wide, and idempotent; the daemon sets the same at start.
func ignoreBrokenPipes() {
    signal(SIGPIPE, SIG_IGN)
}
