#!/usr/bin/env python3
"""Soak: a daemon over many documents, with reloads and a kill -9 in the middle.

Usage: soak.py [--lector .build/release/lector] [--data ../shared/data/summarization]
               [--documents 100000] [--reload-every 5000]

Feeds a mix of good articles (the DEV news articles, renamed), bad inputs (binary, empty)
and huge ones (over max_bytes) into a running `lector run`, in batches renamed into the
inbox; sends SIGHUP every --reload-every documents (alternating two configurations);
kills the daemon with SIGKILL halfway and starts it again. At the end it checks that every
input is exactly once in the outbox or in failed/ (bad and huge ones in failed/), that
nothing is left in the inbox or work folders and no temp file in the outbox, that resident
memory after the first 10,000 documents grew by no more than 10%, and that no file
descriptors leaked; it prints the figures and a JSON line, and exits 1 on any failure.
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def articles(data):
    with open(os.path.join(data, "bbc_news_summary.dev.jsonl"), encoding="utf-8") as handle:
        return [(json.loads(line)["title"] + "\n\n" + json.loads(line)["article"]).encode() for line in handle]


def proc_figures(pid):
    try:
        with open(f"/proc/{pid}/status") as handle:
            rss = next(int(line.split()[1]) for line in handle if line.startswith("VmRSS:"))
        fds = len(os.listdir(f"/proc/{pid}/fd"))
        return rss, fds
    except (FileNotFoundError, StopIteration):
        return None, None


class Soak:
    def __init__(self, args):
        self.args = args
        self.root = tempfile.mkdtemp(prefix="lector-soak-")
        self.inbox = os.path.join(self.root, "inbox")
        self.staging = os.path.join(self.root, "staging")
        os.makedirs(self.inbox)
        os.makedirs(self.staging)
        self.config = os.path.join(self.root, "config.yaml")
        self.pipeline = self.available_chain()
        self.write_config(include_text=True)
        self.process = None
        self.log = open(os.path.join(self.root, "daemon.log"), "ab")

    def available_chain(self):
        names = subprocess.run([self.args.lector, "processors"], capture_output=True, text=True).stdout
        listed = [line for line in names.splitlines() if line and not line.startswith(" ")]
        return [name for name in ("metadata", "language", "entities", "summary", "sentiment") if name in listed]

    def write_config(self, include_text):
        with open(self.config, "w") as handle:
            handle.write("inbox: inbox\noutbox: outbox\nfailed: failed\nworkers: 2\nmax_bytes: 1MiB\n")
            handle.write(f"include_text: {'true' if include_text else 'false'}\npipeline:\n")
            handle.write("".join(f"  - {name}\n" for name in self.pipeline))

    def start(self):
        env = dict(os.environ, LECTOR_LOG_LEVEL="warning")
        self.process = subprocess.Popen([self.args.lector, "run", "--config", self.config], stderr=self.log, env=env)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.status().get("pid") == self.process.pid and self.status().get("state") == "running":
                return
            time.sleep(0.02)
        raise SystemExit("the daemon did not become ready")

    def status(self):
        folder = os.path.join(self.inbox, ".lector")
        for name in os.listdir(folder) if os.path.isdir(folder) else []:
            if name.startswith("status-"):
                try:
                    with open(os.path.join(folder, name)) as handle:
                        status = json.load(handle)
                    if self.process and status.get("pid") == self.process.pid:
                        return status
                except (OSError, json.JSONDecodeError):
                    pass
        return {}

    def backlog(self):
        return sum(1 for name in os.listdir(self.inbox) if not name.startswith("."))

    def drop(self, name, body):
        staged = os.path.join(self.staging, name)
        with open(staged, "wb") as handle:
            handle.write(body)
        os.rename(staged, os.path.join(self.inbox, name))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lector", default=".build/release/lector")
    parser.add_argument("--data", default="../shared/data/summarization")
    parser.add_argument("--documents", type=int, default=100000)
    parser.add_argument("--reload-every", type=int, default=5000)
    parser.add_argument("--keep", action="store_true", help="keep the spool folder")
    args = parser.parse_args()
    texts = articles(args.data)
    soak = Soak(args)
    soak.start()
    expected_failed, expected_out = set(), set()
    samples, reloads, restarts = [], 0, 0
    baseline = None
    started = time.time()
    for index in range(args.documents):
        kind = index % 100
        if kind == 97:
            name, body = f"bad-{index}.txt", bytes(range(256)) * 4
            expected_failed.add(name)
        elif kind == 98:
            name, body = f"empty-{index}.txt", b""
            expected_failed.add(name)
        elif kind == 99 and index % 1000 == 999:
            name, body = f"huge-{index}.txt", b"Huge article. " * 150000
            expected_failed.add(name)
        else:
            name, body = f"doc-{index}.txt", texts[index % len(texts)]
            expected_out.add(f"doc-{index}.json")
        soak.drop(name, body)
        done = index + 1
        if done % args.reload_every == 0:
            soak.write_config(include_text=(done // args.reload_every) % 2 == 0)
            soak.process.send_signal(signal.SIGHUP)
            reloads += 1
        if done == args.documents // 2:
            soak.process.send_signal(signal.SIGKILL)
            soak.process.wait()
            restarts += 1
            soak.start()
        while soak.backlog() > 3000:
            time.sleep(0.01)
        if done % 1000 == 0:
            rss, fds = proc_figures(soak.process.pid)
            samples.append({"documents": done, "rss_kb": rss, "fds": fds})
            if done == 10000 or (baseline is None and done > 10000):
                baseline = samples[-1]
    deadline = time.time() + 600
    outbox, failed = os.path.join(soak.root, "outbox"), os.path.join(soak.root, "failed")
    while time.time() < deadline:
        outputs = {n for n in os.listdir(outbox) if not n.startswith(".")} if os.path.isdir(outbox) else set()
        failures = {n for n in os.listdir(failed) if not n.endswith(".error.json")} if os.path.isdir(failed) else set()
        if len(outputs) + len(failures) >= args.documents and soak.backlog() == 0:
            break
        time.sleep(0.5)
    elapsed = time.time() - started
    final_rss, final_fds = proc_figures(soak.process.pid)
    soak.process.send_signal(signal.SIGTERM)
    code = soak.process.wait(timeout=120)
    work = os.path.join(soak.inbox, ".lector", "work")
    leftovers = [os.path.join(d, f) for d in os.listdir(work) for f in os.listdir(os.path.join(work, d)) if f != ".lock"]
    temps = [n for n in os.listdir(outbox) if n.endswith(".tmp")]
    problems = []
    if outputs != expected_out:
        problems.append(f"outbox: {len(expected_out - outputs)} missing, {len(outputs - expected_out)} unexpected")
    if failures != expected_failed:
        problems.append(f"failed/: {len(expected_failed - failures)} missing, {len(failures - expected_failed)} unexpected")
    if leftovers or soak.backlog() or temps:
        problems.append(f"left behind: {len(leftovers)} in work, {soak.backlog()} in inbox, {len(temps)} temp files")
    base_rss = baseline["rss_kb"] if baseline else None
    growth = (final_rss / base_rss - 1) if base_rss and final_rss else None
    if growth is not None and growth > 0.10:
        problems.append(f"resident memory grew {growth:.1%} after 10,000 documents")
    if baseline and final_fds and baseline["fds"] and final_fds > baseline["fds"] + 4:
        problems.append(f"file descriptors grew from {baseline['fds']} to {final_fds}")
    if code != 0:
        problems.append(f"the daemon exited {code} on SIGTERM")
    figures = {
        "documents": args.documents, "chain": soak.pipeline, "seconds": round(elapsed, 1),
        "documents_per_second": round(args.documents / elapsed, 1), "outputs": len(outputs),
        "failed": len(failures), "reloads": reloads, "kill9_restarts": restarts,
        "rss_kb_at_10000": base_rss, "rss_kb_final": final_rss,
        "rss_growth": None if growth is None else round(growth, 4),
        "fds_at_10000": baseline["fds"] if baseline else None, "fds_final": final_fds, "problems": problems,
    }
    print(f"soak: {args.documents} documents in {elapsed:.0f}s ({figures['documents_per_second']}/s), chain {', '.join(soak.pipeline)}")
    print(f"  outbox {len(outputs)}, failed {len(failures)}, reloads {reloads}, kill -9 + restart {restarts}")
    print(f"  resident memory {base_rss} kB at 10,000 -> {final_rss} kB at the end; fds {figures['fds_at_10000']} -> {final_fds}")
    print("  " + ("OK: every input exactly once, nothing left behind" if not problems else "PROBLEMS: " + "; ".join(problems)))
    print(json.dumps(figures))
    if not args.keep:
        shutil.rmtree(soak.root, ignore_errors=True)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
