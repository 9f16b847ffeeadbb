#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 the wirefeed authors
"""Parse throughput of wirefeed beside its peers, one core each, over the same files.

    bench-peers.py table WIREFEED LABEL=DIR [LABEL=DIR ...]   the table (deploy/bench-peers.sh runs it)
    bench-peers.py peer PARSER FILE_LIST                       one peer's parse calls, as JSON (internal)

For each set of files (every regular file under DIR, sorted, without MANIFEST/README/*.md/*.tsv and
dot files) every tool runs REPS times (3) pinned to CPU (CPU=1) with `taskset`, and the median CPU
time is kept:
- xmllint --stream --noout and `wirefeed render --format json FILE...`: the whole process (user + sys
  of the child, from wait4), so wirefeed pays for its start, reading, parsing, normalizing,
  sanitizing and rendering;
- fastfeedparser and feedparser-rs (PYTHONPATH from PEERS, .build/peers/NAME): only their parse calls
  (process CPU time around the calls, the files already read), so the interpreter's start is not
  counted against them.
Items are the entries each parser returns (for wirefeed, the stories rendered); files are those read
without an error.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

SKIPPED_PREFIXES = ("MANIFEST", "README", ".")
SKIPPED_SUFFIXES = (".md", ".tsv")


def feed_files(directory):
    found = []
    for root, dirs, names in os.walk(directory, followlinks=True):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.startswith(SKIPPED_PREFIXES) or name.endswith(SKIPPED_SUFFIXES):
                continue
            path = os.path.join(root, name)
            if os.path.isfile(path):
                found.append(path)
    return sorted(found)


def run_child(argv, env=None, on_output=None):
    """Runs argv to the end; returns (status, CPU seconds of the child, stderr text)."""
    # stderr goes to a file, so that a long error report cannot block the child while stdout is read.
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=errors, env=env)
        for chunk in iter(lambda: child.stdout.read(1 << 20), b""):
            if on_output:
                on_output(chunk)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        error = errors.read().decode("utf-8", "replace")
    return child.returncode, usage.ru_utime + usage.ru_stime, error


def measure_xmllint(files, pinned):
    status, cpu, error = run_child(pinned + ["xmllint", "--stream", "--noout", "--nonet"] + files)
    known = set(files)
    refused = {line.split(":", 1)[0] for line in error.splitlines() if line.split(":", 1)[0] in known}
    return cpu, len(files) - len(refused), None


def measure_wirefeed(wirefeed, files, pinned):
    lines = [0]

    def count(chunk):
        lines[0] += chunk.count(b"\n")

    status, cpu, error = run_child(pinned + [wirefeed, "render", "--format", "json"] + files, on_output=count)
    refused = 0
    for line in error.splitlines():
        if line.endswith("documents could not be read."):
            refused = int(line.split()[1])
    if status != 0 and refused == 0:
        sys.exit(f"bench-peers: wirefeed exited {status}: {error.strip()[-400:]}")
    return cpu, len(files) - refused, lines[0]


def measure_peer(parser, list_path, pinned, peers):
    env = dict(os.environ, PYTHONPATH=os.path.join(peers, parser))
    status, _, error = run_child(pinned + [sys.executable, __file__, "peer", parser, list_path], env=env)
    if status != 0:
        sys.exit(f"bench-peers: {parser} failed: {error.strip()[-400:]}")
    result = json.loads(error.strip().splitlines()[-1])
    return result["cpu"], result["files"], result["items"]


def peer(parser, list_path):
    """Times only the parse calls of one peer; prints {"cpu", "files", "items"} on stderr."""
    if parser == "fastfeedparser":
        from fastfeedparser import parse
    elif parser == "feedparser-rs":
        from feedparser_rs import parse
    else:
        sys.exit(f"bench-peers: unknown parser {parser}")
    with open(list_path) as listing:
        documents = []
        for path in listing.read().splitlines():
            with open(path, "rb") as file:
                documents.append(file.read())
    parsed = items = 0
    start = time.process_time()
    for document in documents:
        try:
            result = parse(document)
        except Exception:
            continue
        parsed += 1
        items += len(result.entries)
    cpu = time.process_time() - start
    print(json.dumps({"cpu": cpu, "files": parsed, "items": items}), file=sys.stderr)


def table(wirefeed, sets):
    reps = int(os.environ.get("REPS", "3"))
    pinned = ["taskset", "-c", os.environ.get("CPU", "1")]
    peers = os.environ.get("PEERS", ".build/peers")
    scratch = os.environ.get("SCRATCH", os.path.join(peers, "run"))
    os.makedirs(scratch, exist_ok=True)
    tools = [
        ("xmllint --stream (limit)", "process", lambda files, listing: measure_xmllint(files, pinned)),
        ("wirefeed render --format json", "process", lambda files, listing: measure_wirefeed(wirefeed, files, pinned)),
        ("fastfeedparser 0.6.5", "parse calls", lambda files, listing: measure_peer("fastfeedparser", listing, pinned, peers)),
        ("feedparser-rs 0.7.1", "parse calls", lambda files, listing: measure_peer("feedparser-rs", listing, pinned, peers)),
    ]
    for label, directory in sets:
        files = feed_files(directory)
        if not files:
            sys.exit(f"bench-peers: no files under {directory}")
        listing = os.path.join(scratch, f"{label}.files")
        with open(listing, "w") as out:
            out.write("".join(path + "\n" for path in files))
        megabytes = sum(os.path.getsize(path) for path in files) / 1e6
        print(f"\n### {label}: {len(files)} files, {megabytes:.1f} MB ({directory}); CPU {pinned[2]}, median of {reps}\n")
        print("| tool | CPU time of | files read | MB | items | CPU-s | MB per CPU-s | items per CPU-s |")
        print("|---|---|---:|---:|---:|---:|---:|---:|")
        for name, timed, measure in tools:
            runs = [measure(files, listing) for _ in range(reps)]
            cpu = statistics.median(run[0] for run in runs)
            _, read, items = runs[0]
            item_text = "—" if items is None else f"{items:,}"
            rate = "—" if items is None else f"{items / cpu:,.0f}"
            print(
                f"| {name} | {timed} | {read:,} | {megabytes:.1f} | {item_text} | {cpu:.2f} | {megabytes / cpu:.0f} | {rate} |",
                flush=True,
            )


def main(argv):
    if len(argv) == 3 and argv[0] == "peer":
        peer(argv[1], argv[2])
    elif len(argv) >= 3 and argv[0] == "table" and all("=" in arg for arg in argv[2:]):
        table(argv[1], [tuple(arg.split("=", 1)) for arg in argv[2:]])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
