#!/usr/bin/env bash
# Runs the reference Python client (vernesoft 1.4.1 from PyPI) against verne-emulator
# over loopback and checks its answers. Exits 0 with a SKIP line when PyPI cannot be
# reached; non-zero on any mismatch.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
venv="$root/.build/reference-venv"
python="${PYTHON:-python3}"

if ! command -v "$python" >/dev/null 2>&1; then
    echo "SKIP reference-client: $python not found"
    exit 0
fi

if [ ! -x "$venv/bin/python" ]; then
    mkdir -p "$root/.build"
    "$python" -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import vernesoft, sys; sys.exit(0 if vernesoft.__version__ == "1.4.1" else 1)' \
    >/dev/null 2>&1; then
    if ! "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
        --timeout 30 --retries 1 "vernesoft==1.4.1"; then
        echo "SKIP reference-client: PyPI could not be reached to install vernesoft==1.4.1"
        exit 0
    fi
fi

echo "building verne-emulator"
(cd "$root" && swift build --product verne-emulator >/dev/null)
binary="$(cd "$root" && swift build --product verne-emulator --show-bin-path)/verne-emulator"

out="$(mktemp)"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -f "$out"
}
trap cleanup EXIT INT TERM

"$binary" --port 0 >"$out" 2>&1 &
server_pid=$!

url=""
for _ in $(seq 1 100); do
    line="$(head -n 1 "$out" 2>/dev/null || true)"
    if [[ "$line" == *"listening on http://"* ]]; then
        url="${line##* }"
        break
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
    sleep 0.1
done
if [ -z "$url" ]; then
    echo "FAIL reference-client: verne-emulator did not start"
    cat "$out"
    exit 1
fi

echo "verne-emulator at $url"
"$venv/bin/python" "$root/scripts/reference-client/check_reference.py" "$url"
