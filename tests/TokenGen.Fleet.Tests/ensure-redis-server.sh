#!/usr/bin/env bash
# Makes sure redis-server is on PATH, installing Debian's package when it is missing. The fleet tests' fixture runs
# this before starting its own redis-server (127.0.0.1, a port chosen at run time, no persistence), so a fresh clone
# needs nothing installed by hand. Prints the path of redis-server on success; exits non-zero, loudly, otherwise.
set -euo pipefail

if command -v redis-server >/dev/null 2>&1; then
  command -v redis-server
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "redis-server is not installed, and installing it needs root (apt-get install -y redis-server)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -q >&2
apt-get install -y -q --no-install-recommends redis-server >&2

# The package starts a system service where systemd runs; the tests start their own server, so that one is not needed.
command -v redis-server
