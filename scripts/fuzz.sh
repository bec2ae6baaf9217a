#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang, AddressSanitizer and UBSan, and runs each
# for a while. Usage: scripts/fuzz.sh [seconds per target, default 60] [build dir, default build/fuzz]
# A crash leaves its input as <build>/fuzz/artifacts/<target>/crash-* and makes the script fail;
# replay it with <build>/fuzz/<target> <file>.
set -euo pipefail

seconds="${1:-60}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
source_dir="${ATRIUM_FUZZ_SOURCE:-$repo}" # another CMake project that includes tests/fuzz may be used
build="${2:-$repo/build/fuzz}"
targets=(fuzz_csvreader fuzz_bulkinvitecsv fuzz_emailaddress)

if ! command -v clang++ >/dev/null; then
    echo "fuzz.sh: clang++ not found; install clang-14 and libclang-rt-14-dev" >&2
    exit 1
fi

cmake -S "$source_dir" -B "$build" -G Ninja \
    -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -Wno-unknown-warning-option" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DATRIUM_FUZZ=ON -DATRIUM_WERROR=OFF >/dev/null
cmake --build "$build" --target "${targets[@]}"

# Seeds: a few valid inputs, so the fuzzers start from the interesting shapes.
seed() { # seed <target> <name> <printf format>
    mkdir -p "$build/fuzz/corpus/$1"
    # shellcheck disable=SC2059
    printf "$3" >"$build/fuzz/corpus/$1/$2"
}
headings='Email address to invite [inviteeEmail] Required,Redirection url [inviteRedirectURL] Required,Send invitation message (true or false) [sendEmail],Customized invitation message [customizedMessageBody],Name of invitee [inviteeName]'
seed fuzz_bulkinvitecsv template "\xEF\xBB\xBFversion:v1.0\r\n$headings\r\nexample@example.com,https://myapps.microsoft.com,true,Hi,Ex\r\nalice@contoso.com,https://apps.contoso.com,false,\"Dear \"\"A\"\",\r\nwelcome\",Alice\r\nALICE@contoso.com,http://localhost/,,,\r\n"
seed fuzz_csvreader quoted 'a,"b,c","d""e"\r\n"multi\nline",x\n\n=1+2,-3,@x\r\nlast'
seed fuzz_csvreader bom '\xEF\xBB\xBFh1,h2\r\n1,2'
seed fuzz_emailaddress plain 'alice@contoso.com'
seed fuzz_emailaddress idna 'J\xC3\xB6rg_x@b\xC3\xBCcher.example'
seed fuzz_emailaddress url 'https://apps.contoso.com:8443/a?b=c#d'

status=0
for target in "${targets[@]}"; do
    mkdir -p "$build/fuzz/artifacts/$target"
    echo "== $target: ${seconds}s"
    if ! "$build/fuzz/$target" "$build/fuzz/corpus/$target" \
        -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$build/fuzz/artifacts/$target/" 2>"$build/fuzz/$target.log"; then
        echo "!! $target found a problem; see $build/fuzz/$target.log and $build/fuzz/artifacts/$target/" >&2
        status=1
    fi
    grep -E "stat::number_of_executed_units|cov:" "$build/fuzz/$target.log" | tail -2 || true
done
exit $status
