#!/usr/bin/env bash
# Fails when VerneRelay imports VerneGate or the reverse, or when VerneTesting imports
# either service. The build's explicit import check proves the same for the compiler;
# this names the file at fault.
set -euo pipefail
cd "$(dirname "$0")/.."

status=0
check() {
  local folder=$1 forbidden=$2
  if grep -rEn "^\s*(@_exported\s+)?((public|package|internal)\s+)?import\s+(${forbidden})\b" \
    "Sources/${folder}"; then
    echo "error: Sources/${folder} must not import ${forbidden}" >&2
    status=1
  fi
}
check VerneRelay 'VerneGate|Verne'
check VerneGate 'VerneRelay|Verne'
check VerneCore 'VerneRelay|VerneGate|VerneTesting|Verne'
check VerneTesting 'VerneRelay|VerneGate|Verne'
[ "$status" -eq 0 ] && echo "module isolation: VerneRelay and VerneGate depend on VerneCore only"
exit "$status"
