#!/usr/bin/env bash
# Runs every test of the solution (unit, integration, browser) on SQLite, the non-browser tests again on PostgreSQL, and
# ends with the line "N passed, N failed" for both runs together.
# Needs only the .NET SDK: Debian's Chromium and PostgreSQL are installed here when they are missing.
#   ./test.sh          everything, as CI runs it
#   ./test.sh --fast   everything but the browser tests (Category=EndToEnd), on both databases, for a quick local loop
# COM1_TEST_SEED=<number> runs the tests in an order shuffled by that number (the same number, the same order).
# The tests that do not name a database run on SQLite, then (all but the browser tests) again on PostgreSQL; the last
# line sums both runs. COM1_TEST_PROVIDER=PostgreSQL runs them on PostgreSQL only, once.
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

# Installs Debian packages when something the tests need is missing: as root, or through sudo.
install_packages() {
    if [ "$(id -u)" -eq 0 ]; then
        as_root=()
    elif command -v sudo > /dev/null; then
        as_root=(sudo)
    else
        echo "error: $* missing and this user cannot install it (not root, no sudo)." >&2
        exit 1
    fi
    "${as_root[@]}" apt-get update
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y --no-install-recommends "$@"
}

# The browser tests need Chromium; a fast run has none to drive.
if [ ${#filter[@]} -eq 0 ] && [ ! -x /usr/bin/chromium ]; then
    echo "Installing Debian's chromium for the browser tests..."
    install_packages chromium
fi

# The PostgreSQL tests (Category=PostgreSQL) start a throwaway server from initdb and pg_ctl (see
# Com1ControlPanel.Tests/Kit/PostgreSqlServer.cs), found in /usr/lib/postgresql/*/bin or on PATH.
if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null && ! command -v initdb > /dev/null; then
    echo "Installing Debian's postgresql for the PostgreSQL tests..."
    install_packages postgresql
fi

dotnet tool restore
if [ -n "${COM1_TEST_PROVIDER:-}" ]; then
    echo "Tests that do not name a database run on $COM1_TEST_PROVIDER."
fi
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

# The tests that do not name a database run again on PostgreSQL (the browser tests and the two-instance tests, which
# start their own PostgreSQL database, only once), into a folder of their
# own so their TRX file does not overwrite the first run's. Skipped when the first run was already on PostgreSQL.
provider="${COM1_TEST_PROVIDER:-}"
if [ "${provider,,}" != "postgresql" ]; then
    echo "The tests that do not name a database, again on PostgreSQL..."
    COM1_TEST_PROVIDER=PostgreSQL dotnet test Com1ControlPanel.sln --no-build --filter "Category!=EndToEnd&Category!=MultiInstance" \
        --logger "trx;LogFileName=results.trx" \
        --results-directory "$results/PostgreSQL" \
        --blame-hang-timeout 15m --blame-hang-dump-type none \
        || status=$?
fi

# Sum the <Counters .../> of every TRX file written (one per test project and run).
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
