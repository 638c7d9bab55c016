#!/usr/bin/env bash
# Runs every test of the solution (unit, integration, browser) and ends with the line "N passed, N failed".
# Needs only the .NET SDK: Debian's Chromium is installed here when it is missing.
#   ./test.sh          everything, as CI runs it
#   ./test.sh --fast   everything but the browser tests (Category=EndToEnd), for a quick local loop
# COM1_TEST_SEED=<number> runs the tests in an order shuffled by that number (the same number, the same order).
set -euo pipefail

cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

filter=()
case "${1:-}" in
    "") ;;
    --fast) filter=(--filter "Category!=EndToEnd") ;;
    *)
        echo "usage: $0 [--fast]" >&2
        exit 2
        ;;
esac

# The browser tests need Chromium; a fast run has none to drive.
if [ ${#filter[@]} -eq 0 ] && [ ! -x /usr/bin/chromium ]; then
    echo "Installing Debian's chromium for the browser tests..."
    if [ "$(id -u)" -eq 0 ]; then
        as_root=()
    elif command -v sudo > /dev/null; then
        as_root=(sudo)
    else
        echo "error: /usr/bin/chromium is missing and this user cannot install it (not root, no sudo)." >&2
        exit 1
    fi
    "${as_root[@]}" apt-get update
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y --no-install-recommends chromium
fi

dotnet tool restore
if [ -n "${COM1_TEST_SEED:-}" ]; then
    echo "Tests run in the order of seed $COM1_TEST_SEED."
fi

results="$PWD/TestResults"
rm -rf "$results"

status=0
dotnet test Com1ControlPanel.sln "${filter[@]}" \
    --logger "trx;LogFileName=results.trx" \
    --results-directory "$results" \
    --blame-hang-timeout 15m --blame-hang-dump-type none \
    || status=$?

# Sum the <Counters .../> of every TRX file written (one per test project).
passed=0
failed=0
counter() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<< "$2"; }
while IFS= read -r trx; do
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)
    [ -n "$counters" ] || continue
    value=$(counter passed "$counters")
    passed=$((passed + ${value:-0}))
    for outcome in failed error timeout aborted; do
        value=$(counter "$outcome" "$counters")
        failed=$((failed + ${value:-0}))
    done
done < <(find "$results" -name '*.trx' 2> /dev/null)

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    echo "error: dotnet test exited with $status (build failure or crashed test host)." >&2
fi
echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
    exit 1
fi
