"""Runs every HTTP benchmark case of scripts/bench.sh and prints one table.

Usage: run.py --bin VERNE_BENCHMARKS --emulator VERNE_EMULATOR --preload LIBCONNECTCOUNT
              [--python REFERENCE_VENV_PYTHON] [--markdown OUT.md]

Starts three verne-emulator servers on loopback (fixed answer; fixed answer with a 20 ms
delay; stateful, seeded with 1,000 and 100,000 messages in two tenants), runs each case
in a fresh client process several times, and prints the median of every column.

Each repetition runs the workloads in blocks: the clients of one workload (the SDK, the
floor, the reference client), and the same workload with the 20 ms server delay, run back
to back in a new seeded order, and the blocks themselves come in a new order every
repetition. A ratio between two clients (the goals, the "× floor" and "× reference"
columns) is the median over the repetitions of the ratio measured within each one, so a
change in the machine's load between blocks moves both sides of a ratio alike.
Then the SDK and the floor run side by side in one process (`VerneBenchmarks pair`: both
clients open, the measured time cut into slices that alternate between them), once per
workload in each of BENCH_PAIR_REPS repetitions. On this kind of shared machine a client's
speed moves by tens of per cent within seconds; two processes run one after the other
see different machines, two clients sharing the same seconds see the same one. The goals
that compare the SDK with the floor are judged on these paired runs, and the same ratio
from the separate processes is printed beside each for reference.

Environment: BENCH_REPS (5), BENCH_PAIR_REPS (7), BENCH_SLICE (0.25 s), BENCH_REFERENCE_REPS
(3), BENCH_SECONDS (2), BENCH_STARTUP_RUNS (5). The reference client, some 40 times slower than the SDK, runs in
the first BENCH_REFERENCE_REPS repetitions only: its ratios are far from their goal, and
the time goes to more repetitions of the SDK and the floor, whose ratios are close.
"""

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
REPS = int(os.environ.get("BENCH_REPS", "5"))
PAIR_REPS = int(os.environ.get("BENCH_PAIR_REPS", "7"))
SLICE = os.environ.get("BENCH_SLICE", "0.25")
REFERENCE_REPS = int(os.environ.get("BENCH_REFERENCE_REPS", "3"))
SECONDS = os.environ.get("BENCH_SECONDS", "2")
STARTUP_RUNS = int(os.environ.get("BENCH_STARTUP_RUNS", "5"))
DELAY_MS = 20
PAGED = (1_000, 100_000)


def log(text):
    print(text, file=sys.stderr, flush=True)


class Emulator:
    """One verne-emulator process on a free loopback port."""

    def __init__(self, binary, *options):
        self.process = subprocess.Popen(
            [binary, "--port", "0", *options], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        line = self.process.stdout.readline()
        if "listening on http://" not in line:
            self.stop()
            raise SystemExit(f"verne-emulator did not start: {line!r}")
        self.url = line.split()[3]

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()


class Case:
    """One row: a workload run by one client, measured in a fresh process per repetition."""

    def __init__(self, workload, client, command, server, kind="load", timeout=120):
        self.workload = workload
        self.client = client
        self.command = command
        self.server = server
        self.kind = kind
        self.timeout = timeout
        self.runs = []
        self.walls = []
        self.errors = []
        self.by_rep = {}
        # Workloads of one block run back to back: a workload and its delayed twin.
        self.block = workload.replace(f", {DELAY_MS} ms server delay", "")
        if workload.startswith("auto-paging"):
            self.block = "auto-paging"

    def run(self, servers, preload, rep=None):
        command = [part.replace("{url}", servers[self.server].url) for part in self.command]
        env = dict(os.environ, LD_PRELOAD=preload)
        begin = time.perf_counter()
        try:
            done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=self.timeout)
        except subprocess.TimeoutExpired:
            self.errors.append("timed out")
            return
        wall = time.perf_counter() - begin
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        if done.returncode != 0 or not lines:
            self.errors.append((done.stdout + done.stderr).strip()[-300:])
            return
        self.runs.append(json.loads(lines[-1]))
        self.walls.append(wall)
        if rep is not None:
            self.by_rep[rep] = self.runs[-1]

    def median(self, field):
        values = [run[field] for run in self.runs if run.get(field) is not None]
        return statistics.median(values) if values else None

    def startup_latency(self):
        """For start-up rows: mean, p50 and max of the first-call times over the processes."""
        values = sorted(run["mean_ms"] for run in self.runs)
        if not values:
            return None, None, None
        return statistics.mean(values), statistics.median(values), values[-1]


class PairCase:
    """The SDK and the floor in one process, measured in alternating slices (`pair`)."""

    def __init__(self, workload, command, server, other_server=None):
        self.workload = workload
        self.command = command
        self.server = server
        self.other_server = other_server
        self.by_rep = {}
        self.errors = []

    def run(self, servers, preload, rep):
        command = [part.replace("{url}", servers[self.server].url) for part in self.command]
        if self.other_server:
            command += ["--other-url", servers[self.other_server].url]
        env = dict(os.environ, LD_PRELOAD=preload)
        try:
            done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
        except subprocess.TimeoutExpired:
            self.errors.append("timed out")
            return
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        if done.returncode != 0 or not lines:
            self.errors.append((done.stdout + done.stderr).strip()[-300:])
            return
        both = json.loads(lines[-1])
        self.by_rep[rep] = (both["first"], both["second"])

    def ratio(self, field, combine=None):
        """Median, lowest and highest over the repetitions of SDK's field ÷ floor's."""
        values = [sdk[field] / (combine(floor[field]) if combine else floor[field])
                  for sdk, floor in self.by_rep.values() if sdk.get(field) and floor.get(field)]
        if not values:
            return None
        return statistics.median(values), min(values), max(values)

    def median(self, side, field):
        values = [pair[side][field] for pair in self.by_rep.values() if pair[side].get(field) is not None]
        return statistics.median(values) if values else None


def build_pairs(binary):
    pair = [binary, "pair", "--url", "{url}", "--seconds", SECONDS, "--slice", SLICE]
    return [
        PairCase("send, sequential, blocking", pair + ["--client", "sdk-blocking", "--other", "floor-blocking"],
                 "fixed"),
        PairCase("send, sequential, async", pair + ["--client", "sdk-async", "--other", "floor-async"], "fixed"),
        PairCase("send, 32 concurrent", pair + ["--client", "sdk-async", "--other", "floor-async",
                                                "--concurrency", "32"], "fixed"),
        PairCase("send, 256 concurrent", pair + ["--client", "sdk-async", "--other", "floor-async",
                                                 "--concurrency", "256"], "fixed"),
        # The SDK against the delayed server, the floor against the plain one: the floor's
        # capacity without delay, measured in the same slices.
        PairCase(f"send, 256 concurrent: SDK with the {DELAY_MS} ms delay, floor without",
                 pair + ["--client", "sdk-async", "--other", "floor-async", "--concurrency", "256"],
                 "delayed", other_server="fixed"),
    ]


def pair_table(pairs):
    rows = ["| workload | SDK calls/s | floor calls/s | throughput ÷ floor (runs) | mean latency ÷ floor (runs) "
            "| p50 latency ÷ floor | CPU µs/call SDK, floor | connections SDK, floor |",
            "|" + " --- |" * 8]
    for case in pairs:
        if not case.by_rep:
            rows.append(f"| {case.workload} | failed: {case.errors[:1]} |" + " |" * 6)
            continue

        def spread(measured):
            if measured is None:
                return "–"
            return f"{measured[0]:.2f} ({measured[1]:.2f}–{measured[2]:.2f})"

        p50 = case.ratio("p50_ms")
        rows.append("| " + " | ".join([
            case.workload, fmt(case.median(0, "calls_per_second"), 0), fmt(case.median(1, "calls_per_second"), 0),
            spread(case.ratio("calls_per_second")), spread(case.ratio("mean_ms")),
            f"{p50[0]:.2f}" if p50 else "–",
            f"{fmt(case.median(0, 'cpu_us_per_call'), 0)}, {fmt(case.median(1, 'cpu_us_per_call'), 0)}",
            f"{fmt(case.median(0, 'connections'), 0)}, {fmt(case.median(1, 'connections'), 0)}",
        ]) + " |")
    return "\n".join(rows)


def build_cases(binary, python, pool):
    send = [binary, "send", "--url", "{url}", "--seconds", SECONDS]
    ref = [python, os.path.join(HERE, "reference_bench.py")] if python else None
    cases = []

    def workload(name, server, sdk, floor, reference):
        for client, arguments in sdk:
            cases.append(Case(name, client, send + arguments, server))
        cases.append(Case(name, "floor: bare URLSession", send + floor, server))
        if ref and reference:
            cases.append(Case(name, "reference client", ref + reference + ["--url", "{url}", "--seconds", SECONDS],
                              server, timeout=300))

    workload("send, sequential, blocking", "fixed",
             [("SDK Relay (blocking)", ["--client", "sdk-blocking"])],
             ["--client", "floor-blocking"], ["sync-seq"])
    workload("send, sequential, async", "fixed",
             [("SDK AsyncRelay", ["--client", "sdk-async", "--concurrency", "1"])],
             ["--client", "floor-async", "--concurrency", "1"], ["async-seq"])
    for concurrency in (32, 256):
        # The reference client needs seconds per call at 256 in flight: one round each.
        quick = ["--warm-up", "0"] if concurrency == 256 else []
        for server, suffix in (("fixed", ""), ("delayed", f", {DELAY_MS} ms server delay")):
            workload(f"send, {concurrency} concurrent{suffix}", server,
                     [("SDK AsyncRelay", ["--client", "sdk-async", "--concurrency", str(concurrency)])],
                     ["--client", "floor-async", "--concurrency", str(concurrency)],
                     ["async-concurrent", "--concurrency", str(concurrency)] + quick)

    for count in PAGED:
        page = [binary, "page", "--url", "{url}", "--key", f"vrn_paging_{count}", "--expect", str(count)]
        cases.append(Case(f"auto-paging {count:,} messages", "SDK AsyncRelay", page + ["--client", "sdk"], "stateful"))
        cases.append(Case(f"auto-paging {count:,} messages", "floor: bare URLSession", page + ["--client", "floor"],
                          "stateful"))
    return cases


def build_startup_cases(binary, python):
    start = [binary, "startup", "--url", "{url}"]
    cases = [
        Case("first call of a fresh process", "SDK Relay (blocking)", start + ["--client", "sdk-blocking"], "fixed",
             kind="startup"),
        Case("first call of a fresh process", "SDK AsyncRelay", start + ["--client", "sdk-async"], "fixed",
             kind="startup"),
        Case("first call of a fresh process", "floor: bare URLSession", start + ["--client", "floor"], "fixed",
             kind="startup"),
    ]
    if python:
        cases.append(Case("first call of a fresh process", "reference client",
                          [python, os.path.join(HERE, "reference_bench.py"), "startup", "--url", "{url}"], "fixed",
                          kind="startup"))
    return cases


def seed(binary, url):
    for count in PAGED:
        done = subprocess.run([binary, "seed", "--url", url, "--key", f"vrn_paging_{count}", "--count", str(count)],
                              capture_output=True, text=True, timeout=300)
        if done.returncode != 0:
            raise SystemExit(f"seeding failed: {done.stdout} {done.stderr}")
        log(f"  {done.stdout.strip()} (vrn_paging_{count})")


def wrk_ceiling(url):
    """Requests per second wrk gets from the fixed-answer server: the server's ceiling."""
    if not shutil.which("wrk"):
        return None
    done = subprocess.run(["wrk", "-t", "2", "-c", "32", "-d", "3s", "-s", os.path.join(HERE, "wrk_post.lua"),
                           url + "/v1/relay/messages"], capture_output=True, text=True, timeout=60)
    for line in done.stdout.splitlines():
        if line.startswith("Requests/sec:"):
            return float(line.split()[1])
    return None


def ratio(value, other):
    return value / other if value and other else None


def paired(case, other, field, combine=None):
    """Median over the repetitions of case's field divided by other's in the same one.

    combine, when given, turns other's value into the divisor (for example a minimum).
    Returns (median, lowest, highest), or None when no repetition measured both.
    """
    values = []
    for rep, run in case.by_rep.items():
        mine, theirs = run.get(field), other.by_rep.get(rep, {}).get(field)
        if mine and theirs:
            values.append(mine / (combine(theirs) if combine else theirs))
    if not values:
        return None
    return statistics.median(values), min(values), max(values)


def fmt(value, digits=1):
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    return f"{value:,.{digits}f}"


def machine(binary):
    def read(path):
        try:
            with open(path) as handle:
                return handle.read()
        except OSError:
            return ""

    cpu = next((line.split(":", 1)[1].strip() for line in read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor() or "unknown")
    memory = next((line.split()[1] for line in read("/proc/meminfo").splitlines() if line.startswith("MemTotal")), "0")
    system = next((line.split("=", 1)[1].strip().strip('"') for line in read("/etc/os-release").splitlines()
                   if line.startswith("PRETTY_NAME")), platform.platform())
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    info = dict(line.split(": ", 1) for line in
                subprocess.run([binary, "info"], capture_output=True, text=True).stdout.splitlines() if ": " in line)
    if "max_connections_per_host" not in info:
        sys.exit(f"bench: {binary} info did not print max_connections_per_host (the transport's pool size)")
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "memory": f"{int(memory) / 1024 / 1024:.1f} GiB",
        "os": f"{system}, kernel {platform.release()}",
        "swift": swift[0] if swift else "unknown",
        "sdk": info.get("sdk_version", "?"),
        "pool": int(info["max_connections_per_host"]),
    }


def table(cases, ceiling):
    header = ("| case | client | calls/s | mean ms | p50 ms | p99 ms | CPU µs/call | connections | peak RSS MB "
              "| × floor | × reference |")
    rows = [header, "|" + " --- |" * 11]
    by_workload = {}
    for case in cases:
        by_workload.setdefault(case.workload, []).append(case)

    for name, group in by_workload.items():
        floor = next((c for c in group if c.client.startswith("floor")), None)
        reference = next((c for c in group if c.client == "reference client"), None)
        for case in group:
            if case.kind == "startup":
                mean, p50, worst = case.startup_latency()
                speed = (lambda c: 1000 / c.startup_latency()[1] if c and c.runs else None)
                rate = None
                versus_floor = ratio(speed(case), speed(floor)) if case is not floor else None
                versus_reference = ratio(speed(case), speed(reference)) if case is not reference else None
                cpu = case.median("cpu_us_per_call")
            else:
                mean, p50, worst = case.median("mean_ms"), case.median("p50_ms"), case.median("p99_ms")
                rate = case.median("calls_per_second")
                versus_floor = (paired(case, floor, "calls_per_second") or [None])[0] \
                    if floor and case is not floor else None
                versus_reference = (paired(case, reference, "calls_per_second") or [None])[0] \
                    if reference and case is not reference else None
                cpu = case.median("cpu_us_per_call")
            if not case.runs:
                rows.append(f"| {name} | {case.client} | failed: {case.errors[:1]} |" + " |" * 8)
                continue
            connections = case.median("connections")
            rows.append("| " + " | ".join([
                name, case.client, fmt(rate, 0), fmt(mean, 3), fmt(p50, 3), fmt(worst, 3), fmt(cpu, 0),
                fmt(connections, 0), fmt(case.median("peak_rss_mb"), 1),
                fmt(versus_floor, 2) + ("×" if versus_floor else ""),
                fmt(versus_reference, 1) + ("×" if versus_reference else ""),
            ]) + " |")
    return "\n".join(rows)


def goals(cases, pairs, pool):
    """The goals of the issue, each judged on the measurement that compares like with like.

    SDK against floor: the paired runs (both clients in one process, alternating slices),
    with the same ratio from the separate processes printed after it for reference.
    """
    def find(workload, client_prefix):
        return next((c for c in cases if c.workload == workload and c.client.startswith(client_prefix) and c.runs),
                    None)

    def find_pair(workload):
        return next((p for p in pairs if p.workload == workload and p.by_rep), None)

    lines = []

    def goal(text, measured, target, higher_is_better, separate=None):
        if measured is None:
            lines.append(f"- {text}: not measured")
            return
        value, low, high = measured
        met = value >= target if higher_is_better else value <= target
        sign = "≥" if higher_is_better else "≤"
        also = f"; separate processes {separate[0]:.2f}, runs {separate[1]:.2f}–{separate[2]:.2f}" if separate else ""
        # Three places when two would round across the target, so the verdict matches the figure.
        shown = f"{value:.3f}" if round(value, 2) == target and value != target else f"{value:.2f}"
        lines.append(f"- {text}: {shown} (runs {low:.2f}–{high:.2f}; goal {sign} {target:g}{also}) — "
                     f"{'met' if met else 'NOT met'}")

    for workload, client in (("send, sequential, blocking", "SDK Relay"), ("send, sequential, async", "SDK Async")):
        sdk, floor, pair = find(workload, client), find(workload, "floor"), find_pair(workload)
        for field, name in (("mean_ms", "mean"), ("p50_ms", "p50")):
            goal(f"{workload}: SDK {name} latency ÷ floor {name} latency, paired",
                 pair.ratio(field) if pair else None, 1.10, False,
                 paired(sdk, floor, field) if sdk and floor else None)
    for concurrency in (32, 256):
        workload = f"send, {concurrency} concurrent"
        sdk, floor, pair = find(workload, "SDK"), find(workload, "floor"), find_pair(workload)
        goal(f"{workload}: SDK throughput ÷ floor throughput, paired",
             pair.ratio("calls_per_second") if pair else None, 0.9, True,
             paired(sdk, floor, "calls_per_second") if sdk and floor else None)

    ideal = 256 / (DELAY_MS / 1000)
    delayed = find(f"send, 256 concurrent, {DELAY_MS} ms server delay", "SDK")
    capacity_case = find("send, 256 concurrent", "floor")
    delayed_pair = find_pair(f"send, 256 concurrent: SDK with the {DELAY_MS} ms delay, floor without")
    goal(f"256 in flight, {DELAY_MS} ms delay: SDK throughput ÷ min(256 / {DELAY_MS} ms = {ideal:,.0f}/s, "
         f"bare-transport capacity at 256 without delay), paired",
         delayed_pair.ratio("calls_per_second", lambda capacity: min(ideal, capacity)) if delayed_pair else None,
         0.8, True,
         paired(delayed, capacity_case, "calls_per_second", lambda capacity: min(ideal, capacity))
         if delayed and capacity_case else None)
    if delayed:
        same_delay = find(f"send, 256 concurrent, {DELAY_MS} ms server delay", "floor")
        if same_delay:
            versus = paired(delayed, same_delay, "calls_per_second")
            if versus:
                lines.append(f"- 256 in flight, {DELAY_MS} ms delay, for reference: SDK throughput ÷ floor "
                             f"throughput with the same delay, separate processes: {versus[0]:.2f} "
                             f"(runs {versus[1]:.2f}–{versus[2]:.2f})")
        opened = delayed.median("connections")
        lines.append(f"- 256 in flight, {DELAY_MS} ms delay: connections opened {fmt(opened, 0)} "
                     f"(goal ≥ pool size {pool}) — {'met' if opened is not None and opened >= pool else 'NOT met'}")

    pairs = [("send, sequential, blocking", "SDK Relay"), ("send, sequential, async", "SDK Async"),
             ("send, 32 concurrent", "SDK"), ("send, 256 concurrent", "SDK")]
    for workload, client in pairs:
        sdk, reference = find(workload, client), find(workload, "reference")
        if sdk and reference:
            goal(f"{workload}: SDK throughput ÷ reference client throughput",
                 paired(sdk, reference, "calls_per_second"), 30, True)

    small, large = find(f"auto-paging {PAGED[0]:,} messages", "SDK"), find(f"auto-paging {PAGED[1]:,} messages", "SDK")
    if small and large:
        growth = [large.by_rep[rep]["peak_rss_mb"] - small.by_rep[rep]["peak_rss_mb"]
                  for rep in large.by_rep if rep in small.by_rep]
        goal(f"auto-paging: peak RSS at {PAGED[1]:,} minus at {PAGED[0]:,} messages, MB",
             (statistics.median(growth), min(growth), max(growth)) if growth else None, 10, False)
    return "\n".join(lines)


def notes(cases, ceiling):
    lines = []
    for case in cases:
        if case.kind == "startup" and case.walls:
            lines.append(f"- start-up, {case.client}: process launch to exit {statistics.median(case.walls) * 1000:,.0f} ms"
                         f" (median of {len(case.walls)})")
        if "items_per_second" in (case.runs[0] if case.runs else {}):
            lines.append(f"- {case.workload}, {case.client}: {case.median('items_per_second'):,.0f} items/s, "
                         f"{case.median('calls'):,.0f} pages")
    if ceiling:
        lines.append(f"- server ceiling: wrk (2 threads, 32 kept-alive connections) gets {ceiling:,.0f} requests/s "
                     "from the fixed-answer emulator")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--emulator", required=True)
    parser.add_argument("--preload", required=True)
    parser.add_argument("--python")
    parser.add_argument("--markdown")
    args = parser.parse_args()

    began = time.time()
    host = machine(args.bin)
    load_before = os.getloadavg()
    servers = {
        "fixed": Emulator(args.emulator, "--fixed-answer"),
        "delayed": Emulator(args.emulator, "--fixed-answer", "--delay-ms", str(DELAY_MS)),
        "stateful": Emulator(args.emulator),
    }
    try:
        log("seeding the stateful emulator")
        seed(args.bin, servers["stateful"].url)
        cases = build_cases(args.bin, args.python, host["pool"])
        startup = build_startup_cases(args.bin, args.python)

        for rep in range(1, REPS + 1):
            log(f"repetition {rep} of {REPS}")
            # Blocks in a new order each repetition, and the cases of a block back to back in
            # a new order too (seeded, so runs are comparable): the two sides of a ratio run
            # within seconds of each other, and no client always runs first or right after
            # the heavy reference client.
            order = random.Random(rep)
            blocks = {}
            for case in cases:
                blocks.setdefault(case.block, []).append(case)
            for block in order.sample(list(blocks.values()), len(blocks)):
                for case in order.sample(block, len(block)):
                    if case.client == "reference client" and rep > REFERENCE_REPS:
                        continue
                    case.run(servers, args.preload, rep)
                    log(f"  {case.workload} / {case.client}: "
                        + (f"{case.runs[-1]['calls_per_second']:,.0f} calls/s" if case.runs
                           else f"error {case.errors[-1:]}"))
        pairs = build_pairs(args.bin)
        for rep in range(1, PAIR_REPS + 1):
            log(f"paired repetition {rep} of {PAIR_REPS}")
            for case in random.Random(100 + rep).sample(pairs, len(pairs)):
                case.run(servers, args.preload, rep)
                if rep in case.by_rep:
                    sdk, floor = case.by_rep[rep]
                    log(f"  {case.workload}: SDK {sdk['calls_per_second']:,.0f}, floor "
                        f"{floor['calls_per_second']:,.0f} calls/s")
                else:
                    log(f"  {case.workload}: error {case.errors[-1:]}")
        log(f"start-up, {STARTUP_RUNS} fresh processes each")
        for _ in range(STARTUP_RUNS):
            for case in startup:
                case.run(servers, args.preload)
        log("server ceiling with wrk")
        ceiling = wrk_ceiling(servers["fixed"].url)
    finally:
        for server in servers.values():
            server.stop()

    all_cases = cases + startup
    load_after = os.getloadavg()
    report = "\n".join([
        f"Verne Swift SDK {host['sdk']}, {host['date']}; {host['cpus']} CPUs ({host['cpu']}), {host['memory']}, "
        f"{host['os']}; {host['swift']}.",
        f"Load average {load_before[0]:.2f} before, {load_after[0]:.2f} after; medians of {REPS} runs (reference client: {min(REPS, REFERENCE_REPS)}) of "
        f"{SECONDS} s (start-up: {STARTUP_RUNS} processes); ratios are medians of the ratios within each "
        f"repetition; pool size {host['pool']}; {time.time() - began:,.0f} s in all.",
        "",
        table(all_cases, None),
        "",
        notes(all_cases, ceiling),
        "",
        f"The SDK and the floor in one process (`VerneBenchmarks pair`), {SECONDS} s each in alternating "
        f"slices of {SLICE} s; medians of {PAIR_REPS} processes, ratios the medians of each process's ratio:",
        "",
        pair_table(pairs),
        "",
        "Goals:",
        goals(all_cases, pairs, host["pool"]),
    ])
    print(report)
    if args.markdown:
        with open(args.markdown, "w") as handle:
            handle.write(report + "\n")
    if any(case.errors and not case.runs for case in all_cases) or any(not pair.by_rep for pair in pairs):
        sys.exit(1)


if __name__ == "__main__":
    main()
