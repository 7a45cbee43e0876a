#!/usr/bin/env bash
# Builds the container image and checks that it starts and answers, where a container engine (Docker or Podman) runs:
# build, start with a fresh volume and a public address, wait up to 60 s for /healthz to answer 200, run the app's own
# `healthcheck` command inside the container, then stop and remove everything it made. With no engine answering it
# prints "skipped: no container engine" and exits 0 (CI has none; scripts/test.sh does not call this).
# Usage: scripts/container-check.sh            The last line says what happened.
set -euo pipefail
cd "$(dirname "$0")/.."

engine=
for candidate in docker podman; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" info >/dev/null 2>&1; then
        engine=$candidate
        break
    fi
done
if [[ -z $engine ]]; then
    echo "skipped: no container engine"
    exit 0
fi

version=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' Directory.Build.props)
image="rekindle:${version:-check}"
name="rekindle-check-$$"
volume="rekindle-check-$$"
port=${REKINDLE_CHECK_PORT:-18080}

cleanup() {
    "$engine" rm -f "$name" >/dev/null 2>&1 || true
    "$engine" volume rm -f "$volume" >/dev/null 2>&1 || true
}
trap cleanup EXIT
fail() {
    echo "--- container log ---" >&2
    "$engine" logs "$name" >&2 || true
    echo "failed: $*"
    exit 1
}

echo "==> building $image with $engine"
"$engine" build -t "$image" .

echo "==> the design-time EF tools are not in the image"
if "$engine" run --rm --entrypoint sh "$image" -c 'test -e /app/Microsoft.EntityFrameworkCore.Design.dll'; then
    fail "Microsoft.EntityFrameworkCore.Design.dll was published"
fi

echo "==> starting it on 127.0.0.1:$port with a fresh volume"
"$engine" volume create "$volume" >/dev/null
"$engine" run -d --name "$name" -p "127.0.0.1:$port:8080" -v "$volume:/data" \
    -e Rekindle__PublicUrl="http://127.0.0.1:$port" -e Keys__CreateIfMissing=true "$image" >/dev/null

healthy=
for _ in $(seq 1 60); do
    if [[ $("$engine" inspect -f '{{.State.Running}}' "$name" 2>/dev/null) != true ]]; then
        fail "the container stopped at start"
    fi
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/healthz" || true)
    if [[ $code == 200 ]]; then
        healthy=yes
        break
    fi
    sleep 1
done
[[ -n $healthy ]] || fail "/healthz did not answer 200 within 60 seconds"

echo "==> the app's own healthcheck inside the container"
"$engine" exec "$name" dotnet Rekindle.Web.dll healthcheck || fail "the healthcheck command did not pass"

echo "==> a page that needs the content files"
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "http://127.0.0.1:$port/about" || true)
[[ $code == 200 ]] || fail "/about answered $code"

echo "passed: $image builds, starts, answers /healthz and checks itself"
