#!/usr/bin/env bash
# Builds Rekindle and runs every test against a throw-away PostgreSQL server and Debian's Chromium.
# Usage: scripts/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Pairing]
# The last line printed is always "N passed, N failed" (plus ", N skipped" when any were skipped, which fails the run:
# a plain `dotnet test` skips what needs PostgreSQL, Chromium or the reader programs; this script has them all).
set -euo pipefail

# Work from the repository root whatever the caller's directory, so relative paths below hold.
cd "$(dirname "$0")/.."
repo=$(pwd)
results="$repo/TestResults"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

chromium=/usr/bin/chromium

# Newest installed PostgreSQL server's bin directory; empty when none is installed.
find_pg_bin() {
    local initdb
    initdb=$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n 1 || true)
    if [[ -n $initdb ]]; then dirname "$initdb"; fi
}

# A second, independent iCalendar parser for the calendar tests: Python's icalendar and dateutil.
python_parser_ok() { /usr/bin/python3 -c 'import icalendar, dateutil.rrule' >/dev/null 2>&1; }

# Independent PDF readers for the summary tests: poppler's pdftotext/pdfinfo and qpdf's structure check.
pdf_tools_ok() { command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null && command -v qpdf >/dev/null; }

# --- System packages ------------------------------------------------------------------------
# Only touch apt when something is missing: an update plus install costs a lot on every rerun.
if [[ -z $(find_pg_bin) || ! -x $chromium ]] || ! python_parser_ok || ! pdf_tools_ok; then
    if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        log "Installing PostgreSQL, Chromium, Python's icalendar and the PDF tools with apt-get"
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql chromium python3 python3-icalendar python3-dateutil poppler-utils qpdf
    else
        {
            echo "The tests need a PostgreSQL server (initdb under /usr/lib/postgresql/*/bin), Chromium at $chromium,"
            echo "Python 3 with icalendar and dateutil at /usr/bin/python3, and poppler-utils and qpdf. Install them, e.g. on Debian/Ubuntu:"
            echo "    sudo apt-get install --no-install-recommends postgresql chromium python3 python3-icalendar python3-dateutil poppler-utils qpdf"
            echo "or run this script as root on Debian, where it installs them itself."
        } >&2
        exit 1
    fi
fi
pg_bin=$(find_pg_bin)
[[ -n $pg_bin ]] || die "initdb still not found under /usr/lib/postgresql/*/bin after installing"
[[ -x $chromium ]] || die "$chromium still missing after installing"
python_parser_ok || die "python3 with icalendar and dateutil still missing after installing"

# --- Node, for axe-core (the end-to-end suite's accessibility audit; a test tool, never served) --
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        log "Installing Node.js and npm with apt-get"
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm
    else
        die "the end-to-end tests need node and npm (for axe-core); e.g. sudo apt-get install --no-install-recommends nodejs npm"
    fi
fi
log "Installing axe-core for the end-to-end tests (npm ci)"
# Before the build: the e2e project copies node_modules/axe-core/axe.min.js beside its tests.
(cd tests/Rekindle.EndToEndTests && npm ci --no-audit --no-fund --loglevel=error)
# Redocly's CLI, an independent linter for the OpenAPI document (tests/Rekindle.Tests/Api/OpenApiToolsTests.cs); pinned in tools/openapi.
log "Installing Redocly's CLI for the OpenAPI lint (npm ci)"
(cd tools/openapi && npm ci --no-audit --no-fund --loglevel=error)

# --- .NET local tools (dotnet-ef, csharpier) ----------------------------------------------
log "Restoring .NET local tools"
dotnet tool restore

# One way to format C# (decisions/0032): CSharpier at 140 columns; a file it would change fails the run.
log "Checking C# formatting"
dotnet csharpier check src tests

# --- Throw-away PostgreSQL cluster -----------------------------------------------------------
# Root may not run initdb/postgres, so as root the cluster belongs to the 'postgres' system user.
if [[ $EUID -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "no 'postgres' system user; is the postgresql package installed?"
    pg_user=postgres
else
    pg_user=$(id -un)
fi

# Run a PostgreSQL program as the cluster's owner, from a directory that user can enter
# (the repository, e.g. under /root, may be unreadable to 'postgres').
as_pg() {
    if [[ $EUID -eq 0 ]]; then
        (cd "$pg_dir" && runuser -u "$pg_user" -- "$@")
    else
        (cd "$pg_dir" && "$@")
    fi
}

# Under /tmp explicitly (not $TMPDIR), because every user can traverse /tmp.
pg_dir=$(mktemp -d /tmp/rekindle-pg.XXXXXXXX)
pg_started=0

cleanup() {
    # Quiet on purpose: the summary line must stay the last thing printed.
    if [[ $pg_started -eq 1 ]]; then
        as_pg "$pg_bin/pg_ctl" -D "$pg_dir" stop -m immediate -w >/dev/null 2>&1 || true
    fi
    rm -rf "$pg_dir"
}
trap cleanup EXIT
# Turn Ctrl-C / kill into a normal exit so the EXIT trap always stops the server.
trap 'exit 130' INT
trap 'exit 143' TERM

chown "$pg_user" "$pg_dir"
chmod 700 "$pg_dir"

# First free port from 55432 upward; a successful /dev/tcp connect means someone is listening.
pg_port=55432
while bash -c "</dev/tcp/127.0.0.1/$pg_port" 2>/dev/null; do
    pg_port=$((pg_port + 1))
    [[ $pg_port -lt 55532 ]] || die "no free port for PostgreSQL in 55432-55531"
done

log "Starting throw-away PostgreSQL ($pg_bin) on 127.0.0.1:$pg_port in $pg_dir"
# C.UTF-8 always exists on Debian, unlike whatever $LANG names, so initdb cannot trip on locales.
as_pg "$pg_bin/initdb" -D "$pg_dir" --auth=trust --username=postgres -E UTF8 --locale=C.UTF-8 >/dev/null
pg_started=1
# Durability is pointless for a cluster that is deleted afterwards; turning it off makes
# CREATE/DROP DATABASE per test much faster. Extra connections because each test database has
# its own Npgsql pool. The socket lives in the temp dir so /var/run/postgresql is not needed.
if ! as_pg "$pg_bin/pg_ctl" -D "$pg_dir" \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    -w -l "$pg_dir/log" start >/dev/null; then
    cat "$pg_dir/log" >&2 || true
    die "PostgreSQL did not start"
fi

export REKINDLE_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true"
export REKINDLE_CHROMIUM=$chromium

# --- Build once, then test each project ------------------------------------------------------
# Stale .trx files would be counted again in the summary.
mkdir -p "$results"
rm -f "$results"/*.trx

log "Building"
dotnet build Rekindle.slnx -c Release

projects=(
    tests/Rekindle.Tests/Rekindle.Tests.csproj
    tests/Rekindle.EndToEndTests/Rekindle.EndToEndTests.csproj
)
failed_runs=0
for project in "${projects[@]}"; do
    name=$(basename "$project" .csproj)
    log "Testing $name"
    # Keep going after a failure so one run reports on both projects.
    if ! dotnet test "$project" -c Release --no-build \
        --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@"; then
        failed_runs=$((failed_runs + 1))
    fi
done

# --- Summary from the .trx files -------------------------------------------------------------
# Value of one attribute of the <Counters .../> element in a .trx file (0 when absent).
trx_counter() {
    local file=$1 attribute=$2 counters value
    counters=$(grep -o '<Counters[^>]*>' "$file" | head -n 1 || true)
    # The leading space keeps "passed" from matching inside "notpassed"-style names.
    value=$(printf '%s\n' "$counters" | sed -n "s/.*[[:space:]]$attribute=\"\([0-9]*\)\".*/\1/p")
    echo "${value:-0}"
}

# Sums the counters of the given .trx files and prints the summary line;
# returns non-zero when anything failed or was skipped, or nothing ran.
summarize_trx() {
    local file total executed passed failed skipped
    local sum_passed=0 sum_failed=0 sum_skipped=0 sum_executed=0
    for file in "$@"; do
        total=$(trx_counter "$file" total)
        executed=$(trx_counter "$file" executed)
        passed=$(trx_counter "$file" passed)
        # Errors, timeouts and aborts are failures too, even though VSTest counts them apart.
        failed=$(( $(trx_counter "$file" failed) + $(trx_counter "$file" error)
            + $(trx_counter "$file" timeout) + $(trx_counter "$file" aborted) ))
        skipped=$((total - executed))
        sum_passed=$((sum_passed + passed))
        sum_failed=$((sum_failed + failed))
        sum_skipped=$((sum_skipped + (skipped > 0 ? skipped : 0)))
        sum_executed=$((sum_executed + executed))
    done
    if [[ $sum_executed -eq 0 ]]; then echo "warning: no tests ran" >&2; fi
    # This script installs and starts everything the tests need, so a skipped test here is a failure of the set-up
    # (a plain `dotnet test` skips them on purpose, with the reason: tests/Shared/Needs.cs).
    if [[ $sum_skipped -gt 0 ]]; then
        printf 'error: %d tests were skipped, which this script never expects:\n' "$sum_skipped" >&2
        grep -ho '<UnitTestResult [^>]*outcome="NotExecuted"[^>]*>' "$@" | sed -n 's/.*testName="\([^"]*\)".*/    skipped: \1/p' >&2 || true
    fi
    local line="$sum_passed passed, $sum_failed failed"
    if [[ $sum_skipped -gt 0 ]]; then line+=", $sum_skipped skipped"; fi
    echo "$line"
    [[ $sum_failed -eq 0 && $sum_executed -gt 0 && $sum_skipped -eq 0 ]]
}

trx_files=()
missing_trx=0
for project in "${projects[@]}"; do
    file="$results/$(basename "$project" .csproj).trx"
    if [[ -f $file ]]; then
        trx_files+=("$file")
    else
        # A crashed test host may leave no .trx; that must not look like success.
        printf 'warning: no results file %s\n' "$file" >&2
        missing_trx=$((missing_trx + 1))
    fi
done

status=0
if [[ $failed_runs -gt 0 ]]; then
    printf 'warning: %d of %d dotnet test runs failed\n' "$failed_runs" "${#projects[@]}" >&2
fi
if [[ $failed_runs -gt 0 || $missing_trx -gt 0 ]]; then status=1; fi
# Stop the server now so nothing it prints can follow the summary line.
cleanup
trap - EXIT
if [[ ${#trx_files[@]} -gt 0 ]]; then
    summarize_trx "${trx_files[@]}" || status=1
else
    echo "0 passed, 0 failed"
    status=1
fi
exit "$status"
