#!/usr/bin/env bash
# Smoke test of the built jar (target/outcome-desk.jar, or the jar given) for what the pom's shade filters leave
# out of it: Argon2id sign-in and an encrypted store (BouncyCastle), an encrypted backup, the HTTP server over TLS
# with /openapi.json, /docs and its Swagger UI files, and /metrics in Prometheus text form. The desktop's parts
# (tiles, auto-completion, the PDF report) need a screen: installer/README.md says how they were checked.
# Needs curl and the JDK's keytool; takes under a minute. CI runs it before building the installer.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$(realpath "${1:-target/outcome-desk.jar}")
[ -f "$JAR" ] || { echo "check-jar: no $JAR; run mvn package first" >&2; exit 1; }
BIN=${JAVA_HOME:+$JAVA_HOME/bin/}
WORK=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "check-jar: FAILED: $*" >&2; [ -f "$WORK/serve.log" ] && tail -n 20 "$WORK/serve.log" >&2; exit 1; }
od() { "${BIN}java" -jar "$JAR" --home "$WORK/home" "$@"; }
export OUTCOMEDESK_PASSWORD='check-jar password 1'

echo "== init (Argon2id hash, encrypted store)"
od init --admin admin --json | tee "$WORK/init.json"
grep -q '"encrypted" : true' "$WORK/init.json" || fail "init did not encrypt the store"
echo "== sign in (Argon2id check) and import"
od --user admin import src/test/resources/reference/doctor_appointment_summaries.json --json | grep -q '"imported" : 400' \
  || fail "signed-in import"
OUTCOMEDESK_PASSWORD=wrong od --user admin status --json >/dev/null 2>&1 && fail "a wrong password signed in"
echo "== backup (encrypted with the store's key) and its check"
od --user admin backup --out "$WORK/b.odbackup" --json >/dev/null || fail "backup"
od --user admin backup verify "$WORK/b.odbackup" --json >/dev/null || fail "backup verify"

echo "== serve over TLS"
"${BIN}keytool" -genkeypair -alias server -keyalg EC -groupname secp256r1 -dname CN=localhost \
  -ext san=dns:localhost,ip:127.0.0.1 -validity 2 -storetype PKCS12 -keystore "$WORK/tls.p12" \
  -storepass check-jar-tls -keypass check-jar-tls 2>/dev/null
OUTCOMEDESK_KEYSTORE_PASSWORD=check-jar-tls od --user admin serve --port 0 --keystore "$WORK/tls.p12" \
  >"$WORK/serve.log" 2>&1 &
pid=$!
for _ in $(seq 120); do grep -q '^OutcomeDesk server on' "$WORK/serve.log" && break; sleep 0.5; done
url=$(sed -n 's|^OutcomeDesk server on \(https://[^ ]*\)/api/v1 .*|\1|p' "$WORK/serve.log")
[ -n "$url" ] || fail "the server did not start"
echo "$url"
get() { curl -sS --fail -k -o "$WORK/body" -w '%{content_type}' "$url$1"; }
type=$(get /openapi.json) && grep -q '"openapi"' "$WORK/body" || fail "/openapi.json"
type=$(get /docs) && grep -q 'swagger-ui-bundle.js' "$WORK/body" || fail "/docs"
type=$(get /docs/swagger-ui-bundle.js) && [[ $type == application/javascript* ]] && grep -q SwaggerUIBundle "$WORK/body" \
  || fail "/docs/swagger-ui-bundle.js"
type=$(get /docs/swagger-ui.css) && [[ $type == text/css* ]] && grep -q '\.swagger-ui' "$WORK/body" || fail "/docs/swagger-ui.css"
token=$(curl -sS --fail -k -H 'Content-Type: application/json' \
  -d "{\"user\":\"admin\",\"password\":\"$OUTCOMEDESK_PASSWORD\"}" "$url/api/v1/auth/token" | sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p')
[ -n "$token" ] || fail "POST /api/v1/auth/token"
curl -sS --fail -k -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"doctorId":"D1","summary":"Patient reports chest pain and shortness of breath."}' "$url/api/v1/predict" \
  | grep -q '"probability' || fail "POST /api/v1/predict"
type=$(get /api/v1/metrics/prometheus) && [[ $type == text/plain* ]] || fail "/api/v1/metrics/prometheus"
grep -q '^# TYPE ' "$WORK/body" && grep -q '^outcomedesk_' "$WORK/body" || fail "the metrics are not in Prometheus text form"
echo "check-jar: OK ($(basename "$JAR"), $(stat -c %s "$JAR") bytes)"
