import Dispatch
import LectorCore
import LectorSystem
import Synchronization

/// Group commit of outputs: workers hand over outputs written to temp files; one committer
/// makes a batch of them durable with one fsync of the outbox folder, and only then
/// finishes their inputs.
///
/// For each batch, in order: make every temp file durable — one `syncfs` of the outbox's
/// file system for a batch of ``syncFileSystemFrom`` or more (one journal commit instead of
/// one per file), an fsync each for smaller ones (so that a lone document does not wait
/// for other programs' dirty data) — move each to its output name, fsync the outbox folder
/// once (which covers every rename of the batch), then archive or delete each input and
/// report. An input therefore leaves the work folder only after its output
/// is durable, exactly as with one document at a time; a crash anywhere leaves inputs in
/// the work folder, and their re-run replaces whatever output had been renamed.
///
/// A lone document (one that finds the committer idle for a window or more) is committed
/// at once — no added latency at low load. Under load, the outputs that arrived while a
/// batch was being committed make the next batch; when they are fewer than ``fillTarget``,
/// the committer first waits the whole ``window`` for more (``backlogWindow`` while at
/// least ``deepBacklog`` documents per worker wait for one), then takes at most
/// ``maximumBatch``, so the folder fsync — and the `syncfs` that replaces the per-file
/// fsyncs — are shared by more documents. An output that finds the committer idle but
/// arrives within ``window`` of its last batch is part of a stream too (one worker on two
/// cores keeps the committer idle between outputs): it waits like a short batch instead of
/// going alone. With one worker and 2,620 BBC DEV articles dropped at once, that took the
/// disk flushes from 1.2–1.8 per document to 0.37 and the disk's interrupts from 4–6 to
/// 1.2; the worker no longer slows down when it shares a core with those interrupts
/// (724–748 documents/s on either core, against 664–684 on the interrupts' core and
/// 739–764 on the other). The disk waits happen on the committer's queue, while workers
/// go on analysing.
final class OutputCommitter: Sendable {
    /// One output waiting to be committed.
    struct Item: Sendable {
        /// The input's name in the work folder.
        var name: FileName
        /// The staged output.
        var temporary: FilePath
        /// The document id.
        var id: String
        /// Called on the committer's queue with the document's outcome.
        var completion: @Sendable (DocumentJob.Outcome) -> Void
    }

    /// The most outputs committed together.
    static let maximumBatch = 256

    /// The smallest batch made durable with one `syncfs` rather than an fsync per file.
    static let syncFileSystemFrom = 3

    /// Under load, a batch of fewer outputs than this waits ``window`` for more.
    static let fillTarget = 16

    /// How long a batch under load waits for more outputs, by default: a few milliseconds,
    /// against the 20 ms the p99 drop-to-output latency must stay under (a lone document
    /// does not wait). At 2 workers on 2 cores (2,620 BBC DEV articles dropped at once),
    /// 3 ms cut the daemon's CPU time per document by about 9 % against none. 6 ms with a
    /// target of 16, against 3 ms and 8, shares each `syncfs` among about 11 outputs
    /// instead of 6 (59–61 calls for 655 documents against 101–102), halves the fsyncs
    /// (188–206 against 374–396), and gave 1,185–1,258 documents/s against 1,070–1,178.
    static let defaultWindow = Duration.milliseconds(6)

    /// How many documents must wait per worker (``noteBacklog(perWorker:)``) before a short
    /// batch waits ``backlogWindow``: 32 news articles are about 40 ms of analysis, twice the
    /// window, so the longer window adds less than the queue itself makes them wait.
    static let deepBacklog = 32

    /// Under a deep backlog, a batch of fewer outputs than this waits ``backlogWindow``.
    static let backlogFillTarget = 64

    /// How long a batch waits for more outputs under a deep backlog, by default. The
    /// documents' drop-to-output time is then set by their queue, not by the window, so
    /// the committer shares each commit among more outputs: every batch costs about a
    /// millisecond of CPU on top of its outputs (`syncfs`, the folder fsync, the writeback
    /// and the wake-ups and interrupts they bring, which are dear in a virtual machine). At
    /// 2 workers on 2 cores (2,620 BBC DEV articles dropped at once, alternating runs), 20 ms
    /// and a target of 64 gave 1,327–1,375 documents/s against 1,261–1,306 with 6 ms and 16;
    /// 12 ms and 32 gave 1,304–1,363.
    static let defaultBacklogWindow = Duration.milliseconds(20)

    private enum Step {
        case idle
        case wait(Duration)
        case commit([Item])
    }

    private struct Waiting {
        var items: [Item] = []
        var draining = false
        /// When the committer last ran out of outputs, if it ever has.
        var idleSince: ContinuousClock.Instant?
    }

    private let spool: Spool
    private let window: Duration
    private let backlogWindow: Duration
    private let clock: any DaemonClock
    private let queue = DispatchQueue(label: "lector.commit")
    private let waiting = Mutex(Waiting())
    private let backlog = Atomic(0)

    /// Creates a committer for a spool.
    ///
    /// - Parameters:
    ///   - spool: The spool whose outputs it commits.
    ///   - window: How long a batch under load waits for more outputs (zero: never).
    ///   - backlogWindow: How long it waits under a deep backlog.
    ///   - clock: Where it reads how long it has been idle.
    init(
        spool: Spool,
        window: Duration = OutputCommitter.defaultWindow,
        backlogWindow: Duration = OutputCommitter.defaultBacklogWindow,
        clock: any DaemonClock = SystemDaemonClock()
    ) {
        self.spool = spool
        self.window = window
        self.backlogWindow = backlogWindow
        self.clock = clock
    }

    /// Tells the committer how many documents wait per worker, which sets how long a short
    /// batch waits for more: ``backlogWindow`` from ``deepBacklog`` on, else ``window``.
    ///
    /// - Parameter documents: Documents waiting for a worker, divided by the workers.
    func noteBacklog(perWorker documents: Int) {
        backlog.store(documents, ordering: .relaxed)
    }

    /// Whether no batch is being committed or waited for: the next output starts a drain.
    var isIdle: Bool { waiting.withLock { !$0.draining } }

    /// Hands over a staged output; `item.completion` is called once it is committed (or
    /// could not be).
    func submit(_ item: Item) {
        // nil: a drain is under way and takes the item; else whether its batch goes at once.
        let atOnce = waiting.withLock { state -> Bool? in
            state.items.append(item)
            if state.draining { return nil }
            state.draining = true
            // Idle for less than a window: outputs are streaming in, one at a time.
            let streaming = state.idleSince.map { clock.now - $0 < window } ?? false
            return !streaming
        }
        if let atOnce { queue.async { @Sendable [self] in drain(waited: atOnce) } }
    }

    /// Commits batches until none waits. The first batch goes at once when `waited` (the
    /// committer was idle for a window or more, or has just waited); any other that is short
    /// of ``fillTarget`` waits for ``window`` first (``backlogFillTarget`` and
    /// ``backlogWindow`` under a deep backlog), on a timer, not on the queue's thread.
    private func drain(waited: Bool) {
        var waited = waited
        while true {
            let (target, wait) =
                backlog.load(ordering: .relaxed) >= Self.deepBacklog
                ? (Self.backlogFillTarget, backlogWindow) : (Self.fillTarget, window)
            let step = waiting.withLock { state -> Step in
                if state.items.isEmpty {
                    state.draining = false
                    state.idleSince = clock.now
                    return .idle
                }
                if !waited, wait > .zero, state.items.count < target { return .wait(wait) }
                let batch = Array(state.items.prefix(Self.maximumBatch))
                state.items.removeFirst(batch.count)
                return .commit(batch)
            }
            switch step {
            case .idle:
                return
            case .wait(let wait):
                queue.asyncAfter(deadline: .now() + wait.inSeconds) { @Sendable [self] in drain(waited: true) }
                return
            case .commit(let batch):
                commit(batch)
                waited = false
            }
        }
    }

    private func commit(_ batch: [Item]) {
        var published: [(Item, FileName)] = []
        var synced = false
        if batch.count >= Self.syncFileSystemFrom {
            synced = (try? spool.syncFileSystem()) != nil
        }
        for item in batch {
            do {
                published.append((item, try spool.publishOutput(item.temporary, for: item.name, synced: synced)))
            } catch {
                item.completion(.retry(reason: "cannot write the output: \(error)", spoolBlocked: true))
            }
        }
        guard !published.isEmpty else { return }
        do {
            try SystemCalls.syncDirectory(spool.layout.outbox)
        } catch {
            // The outputs may not be durable: keep the inputs; their re-run replaces them.
            for (item, _) in published {
                item.completion(.retry(reason: "cannot sync the outbox: \(error)", spoolBlocked: true))
            }
            return
        }
        for (item, output) in published {
            item.completion(DocumentJob.finish(item.name, output: output, id: item.id, spool: spool))
        }
        // Spares kept by a batch that ran a `syncfs` wait for the next batch's, which readies
        // them (``Spool/syncFileSystem()``), instead of three folder fsyncs now: 29 fsyncs
        // instead of 78 for 655 documents at 2 workers. A batch that fsynced file by file
        // readies them here, once 16 wait.
        if !synced { spool.commitSpares() }
    }
}
