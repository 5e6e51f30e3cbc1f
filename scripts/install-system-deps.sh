#!/usr/bin/env bash
# Installs what the package needs from the system on a fresh Debian or Ubuntu machine:
# libcrypto's headers and pkg-config (the Linux crypto layer), Python's venv module
# (the reference-client check). Does nothing when they are already there.
set -euo pipefail

need=()
pkg-config --exists libcrypto 2>/dev/null || need+=(libssl-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
python3 -c 'import venv, ensurepip' 2>/dev/null || need+=(python3-venv)

if [ "${#need[@]}" -eq 0 ]; then
  exit 0
fi
if [ "$(uname -s)" != "Linux" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Please install: ${need[*]}" >&2
  exit 1
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
