#!/usr/bin/env bash
# Lighthouse (performance and accessibility) on every main page, as a signed-in member of a couple
# with a year of history, in Debian's headless Chromium. Prints one line a page and fails when a page
# scores under 95 for performance or under 100 for accessibility (docs/PERFORMANCE.md).
# Usage: scripts/lighthouse.sh [--port 5081] [page ...]     Reports go to bench/results/lighthouse/.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

port=5081
if [[ ${1:-} == --port ]]; then port=$2; shift 2; fi
pages=("$@")
if [[ ${#pages[@]} -eq 0 ]]; then
    pages=(/ /couple /talk /talk/archive /talk/check-in /talk/conversation /time-together /time-together/dates
        /time-together/plan /time-together/ideas /time-together/evening /spontaneity /spontaneity/gestures /self-care
        /understand /support /progress /safety /intimacy /account/security /account/notifications /account/data)
fi

log() { printf '==> %s\n' "$*" >&2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 CHROME_PATH=/usr/bin/chromium
[[ -x $CHROME_PATH ]] || { echo "Chromium is missing: apt-get install chromium" >&2; exit 1; }

# Lighthouse itself, pinned by bench/lighthouse/package-lock.json; never a browser download.
if [[ ! -x bench/lighthouse/node_modules/.bin/lighthouse ]]; then
    log "Installing Lighthouse (npm ci in bench/lighthouse)"
    (cd bench/lighthouse && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund >/dev/null)
fi

log "Building Release"
dotnet build bench/Rekindle.Bench/Rekindle.Bench.csproj -c Release -v quiet -nologo >/dev/null
# Published, as an operator runs it: static files (with their gzip and Brotli variants) are only
# served from a publish folder outside Development.
dotnet publish src/Rekindle.Web/Rekindle.Web.csproj -c Release -o "$repo/bench-data/publish" -v quiet -nologo >/dev/null

out="$repo/bench/results/lighthouse"
data="$repo/bench-data/lighthouse"
rm -rf "$data" "$out" && mkdir -p "$data" "$out"
url="http://127.0.0.1:$port"
dotnet bench/Rekindle.Bench/bin/Release/net10.0/Rekindle.Bench.dll seed --data "$data" --couples 1 --content-root "$repo/src/Rekindle.Web" >/dev/null

server_pid=""
cleanup() { if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi; }
trap cleanup EXIT
(cd "$repo/bench-data/publish" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$url" \
    "Rekindle__DataPath=$data" "Rekindle__PublicUrl=$url" GuessLimits__PermitLimit=100000 Logging__LogLevel__Default=Warning \
    dotnet Rekindle.Web.dll >"$out/server.log" 2>&1) &
server_pid=$!
until curl -fs -o /dev/null "$url/healthz"; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$out/server.log" >&2; exit 1; }
    sleep 0.1
done

# Sign in through the real form, then hand the session to Lighthouse as a Cookie header.
jar="$data/cookies.txt"
token=$(curl -fs -c "$jar" -b "$jar" "$url/account/login" | sed -n 's/.*name="__RequestVerificationToken" value="\([^"]*\)".*/\1/p' | head -n 1)
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" "$url/account/login" \
    --data-urlencode "_handler=login" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Input.Email=bench0a@example.org" --data-urlencode "Input.Password=bench calm river under pines")
[[ $status == 302 ]] || { echo "sign-in failed: HTTP $status" >&2; exit 1; }
# curl marks HttpOnly cookies (the session's) with a "#HttpOnly_" prefix; other '#' lines are comments.
cookie=$(sed 's/^#HttpOnly_//' "$jar" | awk -F'\t' '!/^#/ && NF >= 7 {printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}')
headers="$data/headers.json"
python3 -c 'import json,sys; print(json.dumps({"Cookie": sys.argv[1]}))' "$cookie" >"$headers"

failed=0
printf '%-28s %11s %13s\n' page performance accessibility
for page in "${pages[@]}"; do
    name=$(tr '/' '_' <<<"${page#/}"); name=${name:-home}
    # A busy machine now and then loses the trace (Lighthouse's NO_NAVSTART): run that page again, up to three times.
    for attempt in 1 2 3; do
        bench/lighthouse/node_modules/.bin/lighthouse "$url$page" --quiet --output=json --output-path="$out/$name.json" \
            --only-categories=performance,accessibility --extra-headers="$headers" \
            --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" >/dev/null 2>"$out/$name.log" || true
        python3 -c 'import json,sys; sys.exit(1 if json.load(open(sys.argv[1])).get("runtimeError") else 0)' "$out/$name.json" 2>/dev/null && break
    done
    if [[ ! -s $out/$name.json ]]; then
        printf '%-28s %11s %13s\n' "$page" error error; failed=1; continue
    fi
    read -r final perf a11y issues < <(python3 - "$out/$name.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
c = r["categories"]
failing = [a for a in r["audits"].values() if a.get("scoreDisplayMode") == "binary" and a.get("score") == 0
           and a["id"] in {ref["id"] for ref in c["accessibility"]["auditRefs"]}]
print(r.get("finalDisplayedUrl", r.get("finalUrl", "")).split("/", 3)[-1] or "-",
      round((c["performance"]["score"] or 0) * 100), round((c["accessibility"]["score"] or 0) * 100),
      ",".join(a["id"] for a in failing) or "-")
EOF
)
    note=""
    [[ "/$final" == "$page" || ( $page == / && $final == - ) ]] || note=" (ended at /$final)"
    [[ $issues == - ]] || note+=" failing: $issues"
    printf '%-28s %11s %13s%s\n' "$page" "$perf" "$a11y" "$note"
    if [[ $perf -lt 95 || $a11y -lt 100 ]]; then failed=1; fi
done
exit "$failed"
