#!/usr/bin/env python3
"""Per-document overhead of exec and library plugins, through `lector process --jsonl`.

Usage: plugin_bench.py [--lector .build/release/lector] [--documents 20000] [--repeat 3]

Runs N tiny documents through one worker with the chain [metadata] and with one plugin
added, and prints (time with the plugin - time without) / N, best of --repeat runs each,
plus the median of the step's own time as `processing.steps` records it.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(lector, config, inputs):
    start = time.perf_counter()
    result = subprocess.run([lector, "process", "--config", config, "--jsonl", "--workers", "1", inputs],
                            stdout=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"lector failed on {config}: exit {result.returncode}")
    return elapsed, result.stdout


def step_median(output, name):
    times = []
    for line in output.splitlines():
        for step in json.loads(line)["processing"]["steps"]:
            if step["name"] == name:
                times.append(step["ms"])
    return statistics.median(times) * 1000 if times else None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lector", default=os.path.join(ROOT, ".build/release/lector"))
    parser.add_argument("--documents", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    built = os.path.dirname(os.path.abspath(args.lector))
    work = tempfile.mkdtemp(prefix="lector-plugin-bench-")
    library = os.path.join(work, "libnoop.so")
    subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-o", library, os.path.join(HERE, "noop_plugin.c")], check=True)
    inputs = os.path.join(work, "tiny.jsonl")
    with open(inputs, "w") as handle:
        for index in range(args.documents):
            handle.write(json.dumps({"id": f"d{index}", "text": "Hello world. This is a short document."}) + "\n")
    chains = {
        "base": [],
        "exec, Python no-op": [f"exec: {{name: noop, command: [python3, {os.path.join(HERE, 'noop_plugin.py')}]}}"],
        "exec, Swift (reading_time)": [f"exec: {{name: reading_time, command: [{built}/lector-example-reading-time]}}"],
        "library, C no-op": [f"library: {{path: {library}}}"],
        "library, Swift (textstats)": [f"library: {{path: {built}/libLectorExampleTextStats.so}}"],
    }
    steps = {"exec, Python no-op": "noop", "exec, Swift (reading_time)": "reading_time",
             "library, C no-op": "noop", "library, Swift (textstats)": "textstats"}
    results = {}
    base = None
    print(f"{args.documents} tiny documents, 1 worker, best of {args.repeat}")
    print(f"{'chain':<30} {'seconds':>8} {'overhead µs/doc':>16} {'step median µs':>15}")
    for label, extra in chains.items():
        config = os.path.join(work, "config.yaml")
        with open(config, "w") as handle:
            handle.write("pipeline:\n  - metadata\n" + "".join(f"  - {step}\n" for step in extra))
        runs = [run(args.lector, config, inputs) for _ in range(args.repeat)]
        best = min(runs, key=lambda item: item[0])
        seconds = best[0]
        if base is None:
            base = seconds
        overhead = (seconds - base) / args.documents * 1e6
        median = step_median(best[1], steps[label]) if label in steps else None
        results[label] = {"seconds": round(seconds, 3), "overhead_us": round(overhead, 2),
                          "step_median_us": None if median is None else round(median, 1)}
        print(f"{label:<30} {seconds:>8.3f} {overhead:>16.2f} {'' if median is None else f'{median:.1f}':>15}")
    print(json.dumps(results))


if __name__ == "__main__":
    sys.exit(main())
