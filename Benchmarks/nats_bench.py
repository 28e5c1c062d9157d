#!/usr/bin/env python3
"""Documents/s and publish-to-output latency of `lector run` on NATS JetStream, beside the
folder daemon on the same articles in the same run.

Usage: nats_bench.py [--lector PATH] [--data DIR] [--copies 4] [--rate 50] [--seconds 10] [--repeat 3]

It starts its own nats-server (JetStream, loopback, a temporary store) and, on the DEV
news articles of DATA/bbc_news_summary.dev.jsonl (title, blank line, body):
  * NATS throughput: publishes every article to a fresh input stream with `lector publish
    --jsonl`, starts one daemon (1 worker), one daemon (2 workers), or two daemons (1
    worker each), and times from the moment all are ready until the output stream holds
    every article (polled on the server's monitoring port);
  * folder throughput: the same articles through the folder daemon at 1 and 2 workers
    (Benchmarks/daemon_bench.py's measurement);
  * latency: one daemon (2 workers) while `lector publish --rate R` publishes for the
    given seconds; `lector read --latency` reports, per document, the time from the input's
    store to the output's store on the server's one clock (p50, p99).
Prints a table and one JSON line. The default chain is the one `lector processors` names.
"""
import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import daemon_bench  # noqa: E402


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self):
        self.root = tempfile.mkdtemp(prefix="lector-nats-bench-")
        self.port, self.monitor = free_port(), free_port()
        binary = shutil.which("nats-server") or "/usr/sbin/nats-server"
        self.process = subprocess.Popen(
            [binary, "-js", "-sd", os.path.join(self.root, "js"), "-a", "127.0.0.1", "-p", str(self.port),
             "-m", str(self.monitor)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                self.streams()
                return
            except OSError:
                time.sleep(0.05)
        raise SystemExit("nats-server did not start")

    def streams(self):
        with urllib.request.urlopen(f"http://127.0.0.1:{self.monitor}/jsz?streams=true", timeout=2) as answer:
            report = json.load(answer)
        counts = {}
        for account in report.get("account_details") or []:
            for stream in account.get("stream_detail") or []:
                counts[stream["name"]] = stream["state"]["messages"]
        return counts

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)
        shutil.rmtree(self.root, ignore_errors=True)


class Setup:
    """A config.yaml with its own streams, so that runs do not see each other's messages."""

    def __init__(self, server, run, workers, pipeline):
        self.root = tempfile.mkdtemp(prefix="lector-nats-run-")
        self.output_stream = f"OUT_{run}"
        self.config = os.path.join(self.root, "config.yaml")
        with open(self.config, "w") as handle:
            handle.write(
                f"input:\n  nats:\n    url: nats://127.0.0.1:{server.port}\n    stream: IN_{run}\n"
                f"    subject: in{run}.>\n    failed_subject: failed{run}\n    failed_stream: FAILED_{run}\n"
                f"output:\n  nats:\n    subject: out{run}.{{id}}\n    stream: {self.output_stream}\n"
                f"workers: {workers}\npipeline:\n")
            for step in pipeline:
                handle.write(f"  - {step}\n")
        self.daemons = []

    def start(self, lector, count):
        for index in range(count):
            log = open(os.path.join(self.root, f"daemon-{index}.log"), "wb")
            env = dict(os.environ, LECTOR_LOG_LEVEL="info")
            self.daemons.append((subprocess.Popen([lector, "run", "--config", self.config], env=env, stderr=log,
                                                  stdout=log), log.name))
        deadline = time.time() + 60
        while time.time() < deadline:
            if all(" ready " in open(name, errors="replace").read() for _, name in self.daemons):
                return
            time.sleep(0.005)
        raise SystemExit("the NATS daemons did not become ready")

    def stop(self):
        for process, _ in self.daemons:
            process.terminate()
        for process, _ in self.daemons:
            process.wait(timeout=60)
        shutil.rmtree(self.root, ignore_errors=True)


def write_records(docs, path):
    with open(path, "w", encoding="utf-8") as handle:
        for name, body in docs:
            handle.write(json.dumps({"id": name[:-4], "text": body.decode("utf-8")}) + "\n")


def nats_throughput(lector, server, run, daemons, workers, pipeline, records, count):
    setup = Setup(server, run, workers, pipeline)
    try:
        subprocess.run([lector, "publish", "--config", setup.config, "--jsonl", records], check=True,
                       stdout=subprocess.DEVNULL)
        setup.start(lector, daemons)
        start = time.perf_counter()
        while server.streams().get(setup.output_stream, 0) < count:
            time.sleep(0.005)
        return count / (time.perf_counter() - start)
    finally:
        setup.stop()


def nats_latency(lector, server, run, pipeline, records, rate):
    setup = Setup(server, run, 2, pipeline)
    try:
        setup.start(lector, 1)
        subprocess.run([lector, "publish", "--config", setup.config, "--jsonl", records, "--rate", str(rate)],
                       check=True, stdout=subprocess.DEVNULL)
        with open(records) as handle:
            count = sum(1 for _ in handle)
        deadline = time.time() + 60
        while server.streams().get(setup.output_stream, 0) < count and time.time() < deadline:
            time.sleep(0.02)
        answer = subprocess.run([lector, "read", "--config", setup.config, "--latency"], check=True,
                                capture_output=True, text=True).stdout
        return json.loads(answer)
    finally:
        setup.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lector", default=".build/release/lector")
    parser.add_argument("--data", default="../shared/data/summarization")
    parser.add_argument("--rate", type=float, default=50, help="articles per second for the latency run")
    parser.add_argument("--seconds", type=float, default=10, help="length of the latency run")
    parser.add_argument("--repeat", type=int, default=3, help="throughput runs per setup (median kept)")
    parser.add_argument("--copies", type=int, default=4,
                        help="each article is sent this many times under distinct ids, so a run lasts seconds")
    args = parser.parse_args()
    originals = list(daemon_bench.articles(args.data))
    docs = [(f"{name[:-4]}-{copy}.txt", body) for copy in range(args.copies) for name, body in originals]
    listing = subprocess.run([args.lector, "processors"], capture_output=True, text=True).stdout
    line = next(l for l in listing.splitlines() if l.startswith("Default chain without config.yaml:"))
    pipeline = [step.strip() for step in line.split(":", 1)[1].split(",") if step.strip()]
    scratch = tempfile.mkdtemp(prefix="lector-nats-records-")
    records = os.path.join(scratch, "all.jsonl")
    write_records(docs, records)
    paced = os.path.join(scratch, "paced.jsonl")
    write_records(docs[: int(args.rate * args.seconds)], paced)
    server = Server()
    results = {"articles": len(originals), "documents": len(docs), "pipeline": pipeline}
    print(f"{len(originals)} DEV articles x {args.copies} = {len(docs)} documents, chain: {', '.join(pipeline)}; "
          "one nats-server on loopback")
    try:
        run = 0
        rows = []
        for label, daemons, workers in (("NATS, 1 daemon x 1 worker", 1, 1), ("NATS, 1 daemon x 2 workers", 1, 2),
                                        ("NATS, 2 daemons x 1 worker", 2, 1)):
            rates = []
            for _ in range(args.repeat):
                run += 1
                rates.append(nats_throughput(args.lector, server, run, daemons, workers, pipeline, records,
                                             len(docs)))
            rows.append((label, rates))
        for workers in (1, 2):
            rates = [daemon_bench.throughput(args.lector, workers, pipeline, docs) for _ in range(args.repeat)]
            rows.append((f"folder, 1 daemon x {workers} worker{'s' if workers > 1 else ''}", rates))
        print(f"{'setup':<30} {'docs/s (median)':>16}  runs")
        for label, rates in rows:
            key = label.replace(", ", "_").replace(" x ", "_").replace(" ", "_")
            results[key] = {"docs_per_s": round(statistics.median(rates), 1), "runs": [round(r, 1) for r in rates]}
            print(f"{label:<30} {statistics.median(rates):>16.1f}  {', '.join(f'{r:.0f}' for r in rates)}")
        run += 1
        latency = nats_latency(args.lector, server, run, pipeline, paced, args.rate)
        results["latency"] = dict(latency, rate=args.rate)
        print(f"publish-to-output latency at {args.rate:g} articles/s (1 daemon x 2 workers, server clock): "
              f"p50 {latency['p50_ms']} ms, p99 {latency['p99_ms']} ms over {latency['documents']} documents")
    finally:
        server.stop()
        shutil.rmtree(scratch, ignore_errors=True)
    print(json.dumps(results))


if __name__ == "__main__":
    sys.exit(main())
