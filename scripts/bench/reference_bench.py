"""The reference Python client (vernesoft 1.4.1) under the same workloads as the SDK.

Usage: reference_bench.py MODE --url URL [--key K] [--concurrency N] [--seconds S]
       [--warm-up S] [--label L]

MODE is sync-seq (Verne, one call after another), async-seq (AsyncVerne, one at a time),
async-concurrent (AsyncVerne, N tasks each sending in a loop, gathered with asyncio.gather)
or startup (import, client, one call, in a fresh process). Prints one JSON line with the
fields of the Swift benchmark's RunReport, so scripts/bench/run.py reads both alike.
"""

import argparse
import asyncio
import ctypes
import json
import resource
import time
import uuid

START = time.perf_counter_ns()

from vernesoft import AsyncVerne, Verne  # noqa: E402  (timed as part of start-up)

PAYLOAD = {"id": "usr_123", "plan": "pro", "seats": 5, "trial": False}
EVENT_TYPE = "user.created"


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def connections_opened():
    """TCP connects counted by scripts/bench/connect_count.c, when it is preloaded."""
    try:
        count = ctypes.CDLL(None).verne_bench_connect_count
    except AttributeError:
        return None
    count.restype = ctypes.c_long
    return int(count())


def key():
    # The same shape as the SDK's own idempotency keys; the reference sends none by default.
    return "verne-" + str(uuid.uuid4())


def report(label, latencies, elapsed, cpu, **extra):
    ordered = sorted(latencies)
    count = len(ordered)

    def percentile(fraction):
        if not ordered:
            return 0.0
        rank = max(1, min(count, int(-(-fraction * count // 1))))
        return ordered[rank - 1] / 1e6

    line = {
        "label": label,
        "calls": count,
        "seconds": elapsed,
        "calls_per_second": count / elapsed if elapsed > 0 else 0.0,
        "mean_ms": (sum(ordered) / count / 1e6) if count else 0.0,
        "p50_ms": percentile(0.50),
        "p99_ms": percentile(0.99),
        "cpu_us_per_call": (cpu / count * 1e6) if count else 0.0,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "connections": connections_opened(),
    }
    line.update(extra)
    print(json.dumps(line))


def check(message):
    if not message.id:
        raise SystemExit("a send answered no message ID")


def sync_seq(args):
    relay = Verne(api_key=args.key, base_url=args.url).relay

    def loop(seconds, latencies):
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            begin = time.perf_counter_ns()
            check(relay.messages.send(event_type=EVENT_TYPE, payload=PAYLOAD, idempotency_key=key()))
            latencies.append(time.perf_counter_ns() - begin)

    loop(args.warm_up, [])
    latencies = []
    cpu, begin = cpu_seconds(), time.perf_counter()
    loop(args.seconds, latencies)
    report(args.label, latencies, time.perf_counter() - begin, cpu_seconds() - cpu)


async def workers(relay, concurrency, seconds):
    deadline = time.perf_counter() + seconds

    async def worker():
        latencies = []
        while time.perf_counter() < deadline:
            begin = time.perf_counter_ns()
            check(await relay.messages.send(event_type=EVENT_TYPE, payload=PAYLOAD, idempotency_key=key()))
            latencies.append(time.perf_counter_ns() - begin)
        return latencies

    results = await asyncio.gather(*(worker() for _ in range(concurrency)))
    return [latency for latencies in results for latency in latencies]


async def async_run(args, concurrency):
    relay = AsyncVerne(api_key=args.key, base_url=args.url).relay
    await workers(relay, concurrency, args.warm_up)
    cpu, begin = cpu_seconds(), time.perf_counter()
    latencies = await workers(relay, concurrency, args.seconds)
    report(args.label, latencies, time.perf_counter() - begin, cpu_seconds() - cpu)


def startup(args):
    relay = Verne(api_key=args.key, base_url=args.url).relay
    check(relay.messages.send(event_type=EVENT_TYPE, payload=PAYLOAD, idempotency_key=key()))
    elapsed_ns = time.perf_counter_ns() - START
    report(args.label, [elapsed_ns], elapsed_ns / 1e9, cpu_seconds())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["sync-seq", "async-seq", "async-concurrent", "startup"])
    parser.add_argument("--url", required=True)
    parser.add_argument("--key", default="vrn_bench")
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--warm-up", type=float, default=0.5)
    parser.add_argument("--label", default=None)
    args = parser.parse_args()
    args.label = args.label or "reference-" + args.mode

    if args.mode == "sync-seq":
        sync_seq(args)
    elif args.mode == "async-seq":
        asyncio.run(async_run(args, 1))
    elif args.mode == "async-concurrent":
        asyncio.run(async_run(args, args.concurrency))
    else:
        startup(args)


if __name__ == "__main__":
    main()
