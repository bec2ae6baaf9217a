#!/usr/bin/env bash
# Runs every benchmark executable of a build and prints the BENCH lines (copy them into BENCHMARKS.md).
# Benchmarks that invite need the redemption token key, so each runs in a private keychain session.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build/release}
export ATRIUM_BINARY_DIR=$(cd "$build" && pwd)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for b in "$build"/bench/bench_*; do
  [ -x "$b" ] || continue
  echo "== $(basename "$b")"
  "$root/tests/support/keychainsession.sh" "$b" || echo "BENCH $(basename "$b"): exited with $?"
done
