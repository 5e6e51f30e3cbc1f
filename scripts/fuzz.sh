#!/usr/bin/env bash
# Feeds 100,000 random and mutated bodies (or $1) to the answer and error decoding.
# CI runs the same test with 5,000 as part of `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
VERNE_FUZZ_COUNT="${1:-100000}" swift test --filter DecodingFuzzTests
