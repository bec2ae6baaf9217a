#!/usr/bin/env bash
# Runs every benchmark executable of a build and prints the BENCH lines (copy them into BENCHMARKS.md).
set -euo pipefail
build=${1:-build/release}
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for b in "$build"/bench/bench_*; do
  [ -x "$b" ] || continue
  echo "== $(basename "$b")"
  "$b"
done
