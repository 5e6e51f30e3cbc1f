#!/usr/bin/env bash
# Measures the SDK's HTTP speed next to a bare URLSession (the floor) and the reference
# Python client (vernesoft 1.4.1), in one run, on loopback against verne-emulator.
#
#     bash scripts/bench.sh
#
# Builds VerneBenchmarks and verne-emulator in release, installs the reference client in
# .build/reference-venv (skipped, with its columns left empty, when PyPI cannot be
# reached), compiles the connection counter (scripts/bench/connect_count.c), then runs
# scripts/bench/run.py, which starts the emulators, runs every case and prints the table
# and the goals. The table is also written to .build/bench/results.md.
# Environment: BENCH_REPS (5), BENCH_PAIR_REPS (7), BENCH_SLICE (0.25), BENCH_REFERENCE_REPS
# (3), BENCH_SECONDS (2), BENCH_STARTUP_RUNS (5).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
started=$SECONDS
python="${PYTHON:-python3}"
out="$root/.build/bench"
mkdir -p "$out"

# An incremental release build can leave VerneBenchmarks compiled against an older layout of
# a VerneCore class (its size is inlined across modules, and SwiftPM does not always rebuild
# the dependent module), which corrupts the heap at run time. So whenever the sources differ
# from those of the last release build made here, the release build starts from scratch.
release_dir="$(swift build -c release --show-bin-path)"
fingerprint="$(find Package.swift Sources Benchmarks -type f -print0 | LC_ALL=C sort -z | xargs -0 cat | sha256sum)"
if [ "$(cat "$out/release-sources.sha256" 2>/dev/null)" != "$fingerprint" ]; then
    echo "sources changed since the last release build: building from scratch" >&2
    rm -rf "$release_dir"
fi

echo "building VerneBenchmarks and verne-emulator (release)..." >&2
swift build -c release --product VerneBenchmarks >&2
swift build -c release --product verne-emulator >&2
bin="$(swift build -c release --show-bin-path)"
echo "$fingerprint" > "$out/release-sources.sha256"

echo "checking the JSON fast paths against Foundation's coders..." >&2
"$bin/VerneBenchmarks" check-json --count 20000 >&2

echo "compiling the connection counter..." >&2
cc -O2 -shared -fPIC -o "$out/libconnectcount.so" scripts/bench/connect_count.c -ldl

reference=()
venv="$root/.build/reference-venv"
if command -v "$python" >/dev/null 2>&1; then
    if [ ! -x "$venv/bin/python" ]; then "$python" -m venv "$venv"; fi
    if "$venv/bin/python" -c 'import vernesoft, sys; sys.exit(vernesoft.__version__ != "1.4.1")' 2>/dev/null \
        || "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --timeout 30 --retries 1 \
            "vernesoft==1.4.1" >&2; then
        reference=(--python "$venv/bin/python")
    else
        echo "bench: PyPI unreachable; the reference client's rows are skipped" >&2
    fi
else
    echo "bench: $python not found; it is needed to run the cases" >&2
    exit 1
fi

runner="$python"
if [ -x "$venv/bin/python" ]; then runner="$venv/bin/python"; fi
"$runner" scripts/bench/run.py --bin "$bin/VerneBenchmarks" --emulator "$bin/verne-emulator" \
    --preload "$out/libconnectcount.so" --markdown "$out/results.md" "${reference[@]}"
echo "bench: done in $((SECONDS - started)) s; table in .build/bench/results.md" >&2
