#!/usr/bin/env bash
# Smoke test of a built Linux app-image (run by .ci/run after `mvn -Pinstaller -Dengram.installer=false package`):
# the packaged launcher prints its version, serves the REST API on a free port with a temporary data
# folder and answers the health check, shuts down on SIGTERM, then its CLI adds a memory and finds it
# (which loads the ONNX Runtime and tokenizer native libraries left in the trimmed jars).
# Usage: packaging/smoke-test.sh [APP_IMAGE_DIR]   (default: target/jpackage/Engram)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
image="${1:-$root/target/jpackage/Engram}"
engram="$image/bin/Engram"
data="$(mktemp -d)"
log="$data/serve.out"
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -KILL "$server" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT

echo "== $engram --version"
version="$("$engram" --version)"
echo "$version"
[[ "$version" == Engram\ * ]] || { echo "smoke: unexpected version output" >&2; exit 1; }

echo "== $engram serve --port 0 (data folder $data)"
: >"$log"
started=$(date +%s%N)
"$engram" serve --port 0 --data-dir "$data/store" >"$log" 2>&1 &
server=$!
url=""
for _ in $(seq 1 300); do
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/api/v2' "$log" | head -1 || true)"
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; echo "smoke: serve exited early" >&2; exit 1; }
  sleep 0.5
done
[ -n "$url" ] || { cat "$log" >&2; echo "smoke: serve did not start in 150 s" >&2; exit 1; }
echo "serving at $url after $(( ($(date +%s%N) - started) / 1000000 )) ms"
health="$(curl -fsS "$url/health")"
echo "health: $health"
kill -TERM "$server"
code=0
wait "$server" || code=$?
server=""
# 143 = ended by SIGTERM (the JVM runs its shutdown hooks first)
[ "$code" = 0 ] || [ "$code" = 143 ] || { cat "$log" >&2; echo "smoke: serve exited with $code" >&2; exit 1; }
echo "serve stopped (exit $code)"

echo "== $engram add / search (CLI from the packaged launcher)"
"$engram" add --data-dir "$data/store" --org smoke --project ci "The packaged app remembers aisle seats" >/dev/null
found="$("$engram" search --data-dir "$data/store" --org smoke --project ci "seat preference")"
echo "$found"
grep -q "aisle seats" <<<"$found" || { echo "smoke: search did not find the added memory" >&2; exit 1; }
echo "smoke test passed"
