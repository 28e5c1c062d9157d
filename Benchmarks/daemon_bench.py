#!/usr/bin/env python3
"""Drop-to-output latency and throughput of a running `lector run`, on real articles.

Usage: daemon_bench.py [--lector PATH] [--data DIR] [--pipeline STEPS] [--rate 50] [--seconds 10]
                       [--repeat 5] [--copies 4] [--in-process-seconds 3]

For 1 and 2 workers it starts the daemon on a fresh spool in a temporary folder and
  * throughput: renames every article into the inbox at once (each --copies times, under
    other names, so that a run lasts seconds rather than half of one) and times until the
    last output appears (documents per second), and the steady rate between the 10th and
    the 90th percentile output (without the daemon's start, the harness's own renames and
    the last batches: what `lector bench`, which times a warmed-up chain, compares with);
  * latency: drops articles at a steady rate and records, for each, the time from its
    rename into the inbox to its output appearing (polled every millisecond), plus the
    daemon's own figure (inotify event to output renamed) from its status file.
The throughput runs come in --repeat rounds. Each round first times the same chain in
process on the same articles (`lector bench` on the same file, 1 and 2 workers), then the
daemon at 2 and at 1 worker, and each daemon rate is divided by the in-process rate of its
own round: a busy spell on the shared machine then weighs on both halves of a ratio, not on
one. The table shows the medians of the rates and of the per-round ratios (the steady
ratio beside the whole run's), at 1 and 2 workers.
The harness learns of outputs from inotify, so it sleeps while the daemon works (it used
to list the outbox every 1-2 ms, a share of the same two cores). Prints a table and one
JSON line. The articles are the DEV news articles of
DATA/bbc_news_summary.dev.jsonl, written as "title, blank line, body".
"""
import argparse
import ctypes
import json
import os
import select
import struct
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time


class OutboxWatch:
    """The names renamed or written into a folder, from inotify: the harness sleeps in the
    kernel until outputs appear, instead of listing the folder every millisecond (which
    took a share of the two cores the daemon runs on)."""

    IN_CLOSE_WRITE, IN_MOVED_TO, IN_Q_OVERFLOW = 0x8, 0x80, 0x4000
    HEADER = struct.Struct("iIII")

    def __init__(self, folder):
        self.folder = folder
        libc = ctypes.CDLL(None, use_errno=True)
        self.fd = libc.inotify_init1(os.O_CLOEXEC | os.O_NONBLOCK)
        if self.fd < 0 or libc.inotify_add_watch(self.fd, folder.encode(), self.IN_CLOSE_WRITE | self.IN_MOVED_TO) < 0:
            raise OSError(ctypes.get_errno(), "inotify on " + folder)
        self.names = set()

    def wait(self, timeout):
        """Waits up to `timeout` seconds for events; returns the names seen since the last call."""
        fresh = []
        if select.select([self.fd], [], [], timeout)[0]:
            try:
                data = os.read(self.fd, 1 << 20)
            except BlockingIOError:
                data = b""
            offset = 0
            while offset < len(data):
                _, mask, _, length = self.HEADER.unpack_from(data, offset)
                name = data[offset + self.HEADER.size:offset + self.HEADER.size + length].rstrip(b"\0").decode()
                offset += self.HEADER.size + length
                if mask & self.IN_Q_OVERFLOW:
                    fresh += [n for n in os.listdir(self.folder) if not n.startswith(".") and n not in self.names]
                elif name and not name.startswith(".") and name not in self.names:
                    fresh.append(name)
            self.names.update(fresh)
        return fresh

    def close(self):
        os.close(self.fd)


def articles(data_dir):
    path = os.path.join(data_dir, "bbc_news_summary.dev.jsonl")
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            name = record["id"].replace("/", "-") + ".txt"
            yield name, (record.get("title", "") + "\n\n" + record["article"]).encode("utf-8")


def percentile(values, q):
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, int(round(q * len(ordered) + 0.5)) - 1))
    return ordered[rank]


class Daemon:
    def __init__(self, lector, workers, pipeline):
        self.root = tempfile.mkdtemp(prefix="lector-bench-")
        self.inbox = os.path.join(self.root, "inbox")
        self.outbox = os.path.join(self.root, "outbox")
        self.staging = os.path.join(self.root, "staging")
        os.makedirs(self.inbox)
        os.makedirs(self.staging)
        config = os.path.join(self.root, "config.yaml")
        with open(config, "w") as handle:
            handle.write("inbox: inbox\noutbox: outbox\nfailed: failed\n")
            handle.write(f"workers: {workers}\npipeline:\n")
            for step in pipeline:
                handle.write(f"  - {step}\n")
        env = dict(os.environ, LECTOR_LOG_LEVEL="warning")
        self.process = subprocess.Popen([lector, "run", "--config", config], env=env, stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while time.time() < deadline:
            if self.status().get("state") == "running":
                return
            time.sleep(0.01)
        raise SystemExit("the daemon did not become ready")

    def status(self):
        folder = os.path.join(self.inbox, ".lector")
        try:
            for name in os.listdir(folder):
                if name.startswith("status-") and name.endswith(".json"):
                    with open(os.path.join(folder, name)) as handle:
                        return json.load(handle)
        except (FileNotFoundError, json.JSONDecodeError):
            pass
        return {}

    def drop(self, name, body):
        staged = os.path.join(self.staging, name)
        with open(staged, "wb") as handle:
            handle.write(body)
        os.rename(staged, os.path.join(self.inbox, name))

    def watch(self):
        """An inotify watch on the outbox."""
        return OutboxWatch(self.outbox)

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=60)
        shutil.rmtree(self.root, ignore_errors=True)


def throughput(lector, workers, pipeline, docs):
    """Documents per second from the first drop to the last output."""
    return burst(lector, workers, pipeline, docs)["rate"]


def burst(lector, workers, pipeline, docs):
    """Drops every document at once into a fresh daemon. Returns `rate`, documents per second
    from the first drop to the last output, and `steady`, the rate between the 10th and the
    90th percentile output: without the start (a new process, the harness's own renames on
    one of the cores, the first `syncfs` writing every dropped file) and the last batches,
    like `lector bench`, which times a warmed-up chain."""
    daemon = Daemon(lector, workers, pipeline)
    try:
        for name, body in docs:
            with open(os.path.join(daemon.staging, name), "wb") as handle:
                handle.write(body)
        watch = daemon.watch()
        try:
            arrivals = []
            start = time.perf_counter()
            for name, _ in docs:
                os.rename(os.path.join(daemon.staging, name), os.path.join(daemon.inbox, name))
            while len(watch.names) < len(docs):
                fresh = watch.wait(1)
                arrivals += [time.perf_counter()] * len(fresh)
                if time.perf_counter() - start > 300:
                    sys.exit(f"daemon_bench: {len(watch.names)} of {len(docs)} outputs after 300 s")
            low, high = len(arrivals) // 10, len(arrivals) * 9 // 10
            spread = arrivals[high] - arrivals[low]
            return {"rate": len(docs) / (arrivals[-1] - start),
                    "steady": (high - low) / spread if spread > 0 else None}
        finally:
            watch.close()
    finally:
        daemon.stop()


def in_process(lector, data_dir, seconds):
    """Articles/s of the same chain without the spool, on 1 and 2 workers (`lector bench`,
    timing each worker count for `seconds`)."""
    folder = tempfile.mkdtemp(prefix="lector-bench-articles-")
    try:
        os.symlink(os.path.abspath(os.path.join(data_dir, "bbc_news_summary.dev.jsonl")),
                   os.path.join(folder, "bbc_news_summary.dev.jsonl"))
        output = subprocess.run([lector, "bench", folder, "--seconds", str(seconds)],
                                capture_output=True, text=True, check=True).stdout
        figures = json.loads(output.strip().splitlines()[-1])
        return {1: figures["articles_per_second_1"], 2: figures["articles_per_second_2"]}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def latency(lector, workers, pipeline, docs, rate, seconds):
    daemon = Daemon(lector, workers, pipeline)
    try:
        count = min(len(docs), int(rate * seconds))
        dropped = {}
        seen = {}
        watch = daemon.watch()
        try:
            start = time.perf_counter()
            index = 0
            while index < count or len(seen) < count:
                now = time.perf_counter()
                while index < count and now - start >= index / rate:
                    name, body = docs[index]
                    daemon.drop(name, body)
                    dropped[name[:-4] + ".json"] = time.perf_counter()
                    index += 1
                due = start + index / rate if index < count else time.perf_counter() + 1
                for output in watch.wait(max(due - time.perf_counter(), 0)):
                    if output in dropped:
                        seen[output] = time.perf_counter()
                if time.perf_counter() - start > seconds + 30:
                    break
        finally:
            watch.close()
        waits = [(seen[name] - dropped[name]) * 1000 for name in seen]
        status = daemon.status()
        return {
            "documents": len(waits),
            "p50_ms": round(percentile(waits, 0.5), 2),
            "p99_ms": round(percentile(waits, 0.99), 2),
            "daemon_p50_ms": status.get("latency_ms", {}).get("p50"),
            "daemon_p99_ms": status.get("latency_ms", {}).get("p99"),
        }
    finally:
        daemon.stop()


def _median(values):
    return statistics.median(values) if values else None


def _text(value, form):
    return format(value, form) if value is not None else "-"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lector", default=".build/release/lector")
    parser.add_argument("--data", default="../shared/data/summarization")
    parser.add_argument("--pipeline", default="default",
                        help="comma-separated steps, or 'default' for lector's default chain")
    parser.add_argument("--latency-only", action="store_true", help="skip the throughput runs")
    parser.add_argument("--rate", type=float, default=50, help="articles per second for the latency run")
    parser.add_argument("--seconds", type=float, default=10, help="length of the latency run")
    parser.add_argument("--repeat", type=int, default=5,
                        help="rounds of throughput runs (in process, then the daemon at 2 and 1 workers)")
    parser.add_argument("--in-process-seconds", type=float, default=3,
                        help="seconds `lector bench` times each worker count in each round")
    parser.add_argument("--copies", type=int, default=4,
                        help="times each article is dropped in a throughput run, under other names")
    args = parser.parse_args()
    docs = list(articles(args.data))
    # `lector bench` runs the default chain; compare with it only when the daemon does too.
    args.pipeline_given = args.pipeline != "default"
    if args.pipeline == "default":
        listing = subprocess.run([args.lector, "processors"], capture_output=True, text=True).stdout
        line = next(l for l in listing.splitlines() if l.startswith("Default chain without config.yaml:"))
        args.pipeline = line.split(":", 1)[1]
    pipeline = [step.strip() for step in args.pipeline.split(",") if step.strip()]
    results = {"articles": len(docs), "mean_bytes": int(statistics.mean(len(b) for _, b in docs)), "pipeline": pipeline}
    copies = [(f"{copy}-{name}" if copy else name, body) for copy in range(max(args.copies, 1)) for name, body in docs]
    results["throughput_documents"] = len(copies)
    print(f"{len(docs)} DEV articles (mean {results['mean_bytes']} bytes), chain: {', '.join(pipeline)}")
    print(f"throughput: {len(copies)} documents dropped at once ({max(args.copies, 1)} per article)")
    compare = not (args.latency_only or args.pipeline_given)
    # Rounds: the chain in process, then the daemon at 2 and 1 workers, each daemon rate
    # paired with its own round's in-process rate.
    runs = {1: [], 2: []}
    for _ in range(0 if args.latency_only else args.repeat):
        baseline = in_process(args.lector, args.data, args.in_process_seconds) if compare else {}
        # 2 workers first: `lector bench` timed them last, so that pair is the closest.
        for workers in (2, 1):
            run = burst(args.lector, workers, pipeline, copies)
            run["in_process"] = baseline.get(workers)
            runs[workers].append(run)
    latencies = {workers: latency(args.lector, workers, pipeline, docs, args.rate, args.seconds) for workers in (1, 2)}
    print(f"{'workers':>8} {'docs/s (median)':>16} {'in-process':>11} {'ratio':>6} {'steady':>8} {'s.ratio':>8} "
          f"{'p50 ms':>8} {'p99 ms':>8} {'daemon p50':>11} {'daemon p99':>11}")
    for workers in (1, 2):
        lat = latencies[workers]
        entry = results[f"workers_{workers}"] = {"latency": lat}
        rates = [run["rate"] for run in runs[workers]]
        steadies = [run["steady"] for run in runs[workers] if run["steady"]]
        bases = [run["in_process"] for run in runs[workers] if run["in_process"]]
        ratios = [run["rate"] / run["in_process"] for run in runs[workers] if run["in_process"]]
        steady_ratios = [run["steady"] / run["in_process"] for run in runs[workers]
                         if run["in_process"] and run["steady"]]
        if rates:
            entry["docs_per_s"] = round(_median(rates), 1)
            entry["docs_per_s_runs"] = [round(r, 1) for r in rates]
        if steadies:
            entry["docs_per_s_steady"] = round(_median(steadies), 1)
        if bases:
            entry["in_process_docs_per_s"] = round(_median(bases), 1)
            entry["in_process_runs"] = [round(b, 1) for b in bases]
            entry["daemon_vs_in_process"] = round(_median(ratios), 2)
            entry["daemon_vs_in_process_runs"] = [round(r, 3) for r in ratios]
            if steady_ratios:
                entry["steady_vs_in_process"] = round(_median(steady_ratios), 2)
        print(f"{workers:>8} {_text(_median(rates), '.1f'):>16} {_text(_median(bases), '.0f'):>11} "
              f"{_text(entry.get('daemon_vs_in_process'), '.2f'):>6} {_text(_median(steadies), '.1f'):>8} "
              f"{_text(entry.get('steady_vs_in_process'), '.2f'):>8} "
              f"{lat['p50_ms']:>8} {lat['p99_ms']:>8} {lat['daemon_p50_ms']!s:>11} {lat['daemon_p99_ms']!s:>11}")
    if compare and not args.latency_only:
        print("ratio per round (daemon / in process in the same round): "
              + "; ".join(f"{w} worker{'s' if w > 1 else ''} "
                          + ", ".join(f"{r:.2f}" for r in results[f"workers_{w}"]["daemon_vs_in_process_runs"])
                          for w in (1, 2)))
    if not args.latency_only:
        results["speedup_2_vs_1"] = round(results["workers_2"]["docs_per_s"] / results["workers_1"]["docs_per_s"], 2)
    speedup = f"2 workers / 1 worker: {results['speedup_2_vs_1']}x; " if "speedup_2_vs_1" in results else ""
    print(f"{speedup}latency measured at a steady {args.rate:g} articles/s; ratio, s.ratio: medians of the "
          "rounds' ratios; steady: the rate between the 10th and the 90th percentile output")
    print(json.dumps(results))


if __name__ == "__main__":
    sys.exit(main())
