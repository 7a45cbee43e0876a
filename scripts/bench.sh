#!/usr/bin/env bash
# The benchmark of docs/PERFORMANCE.md: builds Release, seeds couples with a year of history, starts
# the server with the bare /bench/hello baseline turned on, measures it with wrk, runs the logged-in
# mixed workload in stepped open-model rates, and prints every figure with its ratio to the baseline,
# the server's start-up time and its memory.
#
# Usage: scripts/bench.sh [--couples 10000] [--postgres] [--rates 25,50,100,200,300,400,500,600,800] [--seconds 15]
#                         [--users 100] [--reseed] [--port 5080]
#   --postgres   run on PostgreSQL (databases rekindle_bench_N and rekindle_bench_N_keys on the server
#                named by REKINDLE_BENCH_POSTGRES, default Host=127.0.0.1;Port=55499;Username=postgres)
#   --reseed     seed again even when a seeded database of that size is already there
# Results go to bench/results/<provider>-<couples>/ (summary.txt, run.json, server.log).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

couples=10000 provider=sqlite rates="25,50,100,200,300,400,500,600,800" seconds=15 users=100 reseed=0 port=5080
while [[ $# -gt 0 ]]; do
    case $1 in
        --couples) couples=$2; shift 2 ;;
        --postgres) provider=postgres; shift ;;
        --rates) rates=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --users) users=$2; shift 2 ;;
        --reseed) reseed=1; shift ;;
        --port) port=$2; shift 2 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log() { printf '==> %s\n' "$*" >&2; }
command -v wrk >/dev/null || { log "installing wrk"; apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }

out="$repo/bench/results/$provider-$couples"
data="$repo/bench-data/$provider-$couples"
mkdir -p "$out" "$data"
url="http://127.0.0.1:$port"

log "Building Release"
dotnet build bench/Rekindle.Bench/Rekindle.Bench.csproj -c Release -v quiet -nologo >/dev/null
# Published, as an operator runs it: static files (with their gzip and Brotli variants) are only
# served from a publish folder outside Development.
# ReadyToRun, as docs/OPERATIONS.md and the Dockerfile publish it: precompiled code starts faster
# (docs/PERFORMANCE.md, finding 7).
rid=$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')
dotnet publish src/Rekindle.Web/Rekindle.Web.csproj -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
    -o "$repo/bench-data/publish" -v quiet -nologo >/dev/null
bench="dotnet $repo/bench/Rekindle.Bench/bin/Release/net10.0/Rekindle.Bench.dll"
web_dir="$repo/bench-data/publish"

# --- Seed (once per size; --reseed to start over) -----------------------------------------------
server_env=(ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$url" "Rekindle__DataPath=$data" "Rekindle__PublicUrl=$url"
    Bench__Enabled=true GuessLimits__PermitLimit=100000 Logging__LogLevel__Default=Warning)
seed_args=(--data "$data" --couples "$couples" --content-root "$repo/src/Rekindle.Web" --json "$out/seed.json")
if [[ $provider == postgres ]]; then
    admin=${REKINDLE_BENCH_POSTGRES:-"Host=127.0.0.1;Port=55499;Username=postgres"}
    main_db="rekindle_bench_$couples" keys_db="rekindle_bench_${couples}_keys"
    main_cs="$admin;Database=$main_db" keys_cs="$admin;Database=$keys_db"
    seed_args+=(--postgres "$main_cs" --postgres-keys "$keys_cs")
    server_env+=(Database__Provider=Postgres "Database__ConnectionString=$main_cs" "KeyStore__ConnectionString=$keys_cs")
    psql_args=(-h 127.0.0.1 -p "$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$admin")" -U postgres -v ON_ERROR_STOP=1 -q)
fi

if [[ $reseed -eq 1 || ! -f $data/seeded ]]; then
    rm -rf "$data" && mkdir -p "$data"
    if [[ $provider == postgres ]]; then
        for db in "$main_db" "$keys_db"; do
            psql "${psql_args[@]}" -d postgres -c "DROP DATABASE IF EXISTS \"$db\"" -c "CREATE DATABASE \"$db\""
        done
    fi
    log "Seeding $couples couples on $provider"
    $bench seed "${seed_args[@]}"
    touch "$data/seeded"
fi

# --- Start the server: start-up time to the first 200 -------------------------------------------
server_pid=""
stop_server() { if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=""; fi; }
trap stop_server EXIT

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status"; }
hwm_kb() { awk '/^VmHWM/ {print $2}' "/proc/$server_pid/status"; }

log "Starting the server on $url"
start_ns=$(date +%s%N)
(cd "$web_dir" && exec env "${server_env[@]}" dotnet Rekindle.Web.dll >"$out/server.log" 2>&1) &
server_pid=$!
until curl -fs -o /dev/null "$url/bench/hello"; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$out/server.log" >&2; exit 1; }
    sleep 0.01
done
startup_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
sleep 3
idle_rss=$(( $(rss_kb) / 1024 ))
log "First 200 after $startup_ms ms; idle RSS $idle_rss MB"

# --- Baseline H: wrk on the bare endpoint -------------------------------------------------------
log "Baseline: wrk on /bench/hello"
wrk -t2 -c64 -d5s "$url/bench/hello" >/dev/null
wrk -t2 -c64 -d10s --latency "$url/bench/hello" >"$out/wrk.txt"
baseline=$(awk '/^Requests\/sec/ {print $2}' "$out/wrk.txt")
log "H = $baseline req/s"

# --- The mixed workload, with the server's RSS sampled while it runs ----------------------------
: >"$out/rss.txt"
(while kill -0 "$server_pid" 2>/dev/null; do rss_kb >>"$out/rss.txt" 2>/dev/null || true; sleep 0.5; done) &
sampler=$!
$bench run --url "$url" --couples "$couples" --users "$users" --rates "$rates" --seconds "$seconds" --warmup 10 \
    --baseline "$baseline" --confirm --server-pid "$server_pid" --json "$out/run.json" --label "$couples couples on $provider" | tee "$out/run.txt"
load_rss=$(( $(sort -n "$out/rss.txt" | tail -n 1) / 1024 ))
peak_rss=$(( $(hwm_kb) / 1024 ))
sleep 5
after_rss=$(( $(rss_kb) / 1024 ))
kill "$sampler" 2>/dev/null || true
locked=$(grep -ciE 'database is locked|SQLITE_BUSY' "$out/server.log" || true)
errors=$(grep -c '^fail:' "$out/server.log" || true)
stop_server

{
    echo "Rekindle benchmark: $couples couples on $provider, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    [[ -f $out/seed.json ]] && echo "seed: $(cat "$out/seed.json")"
    echo "baseline H (wrk -t2 -c64, GET /bench/hello): $baseline req/s, latency $(awk '/50%/ {print "p50 " $2} /99%/ {print "p99 " $2}' "$out/wrk.txt" | paste -sd' ')"
    echo "start-up: first 200 after $startup_ms ms (budget 1000 ms)"
    echo "memory: idle $idle_rss MB before load (budget 150), peak over the whole run (sign-ins and overload included) $load_rss MB sampled / $peak_rss MB VmHWM, $after_rss MB after; each step's own peak is in the table (budget 250 under the target load)"
    echo "server log: $locked 'database is locked' / busy lines, $errors 'fail:' lines"
    sed -n '/^Mixed workload/,$p' "$out/run.txt"
} | tee "$out/summary.txt"
