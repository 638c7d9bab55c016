#!/usr/bin/env bash
# Looks for payment card numbers and security codes where the panel keeps things: the database file (with its -wal and
# -shm files, so deleted rows still on disk count too), the log files, the outbox (it lives in the database) and the
# .eml files of the mail pickup folder. The panel must never hold any of them: card entry happens in the gateway's frame.
#
#   scripts/scan-card-data.sh [FOLDER...]          default: Com1ControlPanel/App_Data
#   CARD_SCAN_CODES="919 818 7337" scripts/...     security codes to look for (default: the ones the tests type)
#
# Finds the test cards (4242 4242 4242 4242, 5555 5555 5555 4444, 4000 0000 0000 0002, 3782 822463 10005) with and
# without spaces or dashes. Prints every hit as FILE: WHAT and exits 1 if there is one, 0 if there is none.
set -uo pipefail

cd "$(dirname "$0")/.."
folders=("$@")
[ ${#folders[@]} -gt 0 ] || folders=(Com1ControlPanel/App_Data)
codes=${CARD_SCAN_CODES:-"919 818 7337"}

numbers=(4242424242424242 5555555555554444 4000000000000002 378282246310005)
patterns=()
for n in "${numbers[@]}"; do
    if [ ${#n} -eq 15 ]; then
        grouped="${n:0:4}?${n:4:6}?${n:10:5}"
    else
        grouped="${n:0:4}?${n:4:4}?${n:8:4}?${n:12:4}"
    fi
    patterns+=("${grouped//\?/[ -]?}")
done
# A code counts only as a number of its own: not inside a longer number, a word, a hex id or a time's fraction.
for c in $codes; do
    patterns+=("(^|[^0-9A-Za-z.:])${c}([^0-9A-Za-z]|$)")
done

found=0
scanned=0
while IFS= read -r -d '' file; do
    scanned=$((scanned + 1))
    for p in "${patterns[@]}"; do
        if grep -a -q -E -- "$p" "$file"; then
            echo "$file: matches ${p}"
            found=1
        fi
    done
done < <(find "${folders[@]}" -type f \( -name '*.db' -o -name '*.db-wal' -o -name '*.db-shm' -o -name '*.log' -o -name '*.eml' -o -name '*.txt' \) -print0 2> /dev/null)

if [ "$found" -ne 0 ]; then
    echo "Card data found."
    exit 1
fi
echo "No card numbers or security codes in ${scanned} files."
