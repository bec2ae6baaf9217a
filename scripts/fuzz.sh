#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz, its own small CMake project) with clang, AddressSanitizer
# and UBSan, and runs each for a while. Usage:
#   scripts/fuzz.sh [seconds per target, default 60] [build dir, default build/fuzz] [target ...]
# `make test` runs it for a few seconds per target (CTest test fuzz_bounded); longer runs find more.
# Every run first replays the committed corpus (tests/fuzz/corpus/<target>/: seeds and inputs that
# once crashed) and then keeps what it finds in <build>/fuzz/corpus/<target>/ for the next run.
# A crash, a broken invariant (abort), a leak or an input slower than 10 s makes the script fail
# and leaves the input as <build>/fuzz/artifacts/<target>/crash-* (or leak-*, timeout-*);
# replay it with <build>/fuzz/<target> <file>, and commit it to tests/fuzz/corpus/<target>/
# once fixed.
set -euo pipefail

seconds="${1:-60}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
build="${2:-$repo/build/fuzz}"
shift $(($# < 2 ? $# : 2))
all_targets=(fuzz_csvreader fuzz_bulkinvitecsv fuzz_emailaddress fuzz_federationmetadata fuzz_graphjson fuzz_apiconnector)
targets=("${all_targets[@]}")
if [ $# -gt 0 ]; then
    targets=("$@")
fi

if ! command -v clang++ >/dev/null; then
    echo "fuzz.sh: clang++ not found; install clang and libclang-rt-14-dev (scripts/install-deps.sh test)" >&2
    exit 1
fi

started=$SECONDS
# Only tests/fuzz is configured: the fuzz targets and the parser sources they need, nothing else.
cmake -S "$repo/tests/fuzz" -B "$build" -G Ninja \
    -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -Wno-unknown-warning-option" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build "$build" --parallel "${ATRIUM_FUZZ_JOBS:-2}" --target "${targets[@]}"
echo "== build: $((SECONDS - started)) s"

status=0
for target in "${targets[@]}"; do
    corpus="$build/fuzz/corpus/$target"
    artifacts="$build/fuzz/artifacts/$target"
    mkdir -p "$corpus" "$artifacts"
    echo "== $target: ${seconds}s"
    dict=()
    if [ -f "$repo/tests/fuzz/$target.dict" ]; then
        dict=(-dict="$repo/tests/fuzz/$target.dict")
    fi
    # The first directory receives new inputs; the committed one is only read (and always replayed).
    if ! "$build/fuzz/$target" "$corpus" "$repo/tests/fuzz/corpus/$target" "${dict[@]}" \
        -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" 2>"$build/fuzz/$target.log"; then
        echo "!! $target found a problem; see $build/fuzz/$target.log and $artifacts/" >&2
        grep -E -m 20 "ERROR|SUMMARY|runtime error|Test unit written|==[0-9]+==" "$build/fuzz/$target.log" >&2 || true
        status=1
    fi
    grep -E "stat::number_of_executed_units|cov:" "$build/fuzz/$target.log" | tail -2 || true
done
echo "== total: $((SECONDS - started)) s"
exit $status
