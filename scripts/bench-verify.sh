#!/usr/bin/env bash
# ES256 verification speed of the SDK next to OpenSSL's, on this machine, in one run.
#
# Runs `swift run -c release VerneBenchmarks verify` and `openssl speed ecdsap256`
# alternately, BENCH_ROUNDS times (3 by default) for BENCH_SECONDS each (3 by default),
# keeps the best figure of each (the least disturbed by other load), and prints the
# ratios. Both measure one thread and divide by user CPU time (OpenSSL's default), so
# other load on the machine disturbs them little. OpenSSL's figure verifies a ready
# digest; the SDK's raw figure hashes the token's signing input too, and its token
# figure is a whole signed-token verification (parsing, key lookup, signature, claims)
# with the key set cached.
set -euo pipefail

cd "$(dirname "$0")/.."
seconds="${BENCH_SECONDS:-3}"
rounds="${BENCH_ROUNDS:-3}"

if ! command -v openssl >/dev/null; then
    echo "bench-verify: the openssl command is needed for the comparison" >&2
    exit 1
fi

echo "building VerneBenchmarks (release)..." >&2
swift build -c release --product VerneBenchmarks >&2

best_raw=0
best_token=0
best_openssl=0
max() { awk -v a="$1" -v b="$2" 'BEGIN { print (a > b) ? a : b }'; }

for round in $(seq "$rounds"); do
    sdk=$(swift run -c release --skip-build VerneBenchmarks verify --seconds "$seconds")
    raw=$(awk '/^raw_p256_verify_per_second:/ { print $2 }' <<<"$sdk")
    token=$(awk '/^token_verify_per_second:/ { print $2 }' <<<"$sdk")
    ssl=$(openssl speed -seconds "$seconds" ecdsap256 2>/dev/null \
        | awk '/ecdsa \(nistp256\)/ { print $NF }')
    if [[ -z "$raw" || -z "$token" || -z "$ssl" ]]; then
        echo "bench-verify: could not read a figure (sdk: '$sdk', openssl: '$ssl')" >&2
        exit 1
    fi
    printf 'round %d: sdk raw %s/s, sdk token %s/s, openssl %s/s\n' \
        "$round" "$raw" "$token" "$ssl"
    best_raw=$(max "$best_raw" "$raw")
    best_token=$(max "$best_token" "$token")
    best_openssl=$(max "$best_openssl" "$ssl")
done

echo
echo "best of $rounds rounds of ${seconds}s, one thread, per CPU second, $(uname -sm), $(openssl version)"
awk -v raw="$best_raw" -v token="$best_token" -v ssl="$best_openssl" 'BEGIN {
    printf "  openssl speed ecdsap256 verify      %10.1f /s\n", ssl
    printf "  SDK P-256 verify (with SHA-256)     %10.1f /s  %.2fx OpenSSL\n", raw, raw / ssl
    printf "  SDK signed-token verify (cached)    %10.1f /s  %.2fx OpenSSL\n", token, token / ssl
    printf "goal: at least 0.80x OpenSSL\n"
}'
