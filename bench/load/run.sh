#!/usr/bin/env bash
# Load test of the HTTP API: purpose-checked reads of one person, event batches of 1,000 readings, and the same read
# answer from a bare endpoint as the baseline. Runs 'custodian serve' (Release) on loopback with a high rate limit.
# Usage: bench/load/run.sh [duration, default 20s] [connections, default 32]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-20s}
CONNECTIONS=${2:-32}
PORT=${PORT:-5181}
URL=http://127.0.0.1:$PORT
DATA=$(mktemp -d /tmp/custodian-load-XXXX)
command -v wrk >/dev/null || { echo "error: wrk is not installed (apt-get install wrk)" >&2; exit 2; }

echo "Building the CLI (Release) …" >&2
dotnet build -c Release src/Custodian.Cli -v q -nologo >/dev/null
CLI="dotnet src/Custodian.Cli/bin/Release/net10.0/Custodian.Cli.dll"

SERVICE=$($CLI keys create --data "$DATA" --name load --scope service --purpose essential.service --policy examples/cekura/policy.yaml 2>/dev/null)
AUDITOR=$($CLI keys create --data "$DATA" --name verify --scope auditor 2>/dev/null)
CUSTODIAN_BENCH_BASELINE=1 $CLI serve --policy examples/cekura/policy.yaml --data "$DATA" --urls "$URL" --rate-limit 100000000 2>"$DATA/serve.log" &
SERVER=$!
trap 'kill -TERM $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -sf "$URL/readyz" >/dev/null; do sleep 0.2; done

echo "Seeding one person …" >&2
H=(-H "Authorization: Bearer $SERVICE" -H "Content-Type: application/json")
ID=$(curl -s -X POST "${H[@]}" -d '{"email":"karen.holm@example.dk","birthDate":"1941-03-14"}' "$URL/v1/subjects" | sed 's/.*"id":"\([^"]*\)".*/\1/')
curl -sf -X POST "${H[@]}" -d '{"kind":"subscription","event":"opened"}' "$URL/v1/subjects/$ID/relationships"
curl -sf -o /dev/null -X POST "${H[@]}" -d '{"purpose":"essential.service","values":[{"category":"user.name","value":"Karen Holm"},{"category":"user.contact.address","value":"Amagerbrogade 12, 2300 København S"},{"category":"user.contact.phone_number","value":"+4520304050"},{"category":"user.contact.email","value":"karen.holm@example.dk"},{"category":"user.account.customer_number","value":"C-100200"}]}' "$URL/v1/subjects/$ID/records"
READ="$URL/v1/subjects/$ID/data?purpose=essential.service"
ECHO="$URL/bench/echo?subject=$ID&purpose=essential.service"
echo "read answer: $(curl -s -H "Authorization: Bearer $SERVICE" "$READ" | wc -c) bytes; baseline answer: $(curl -s "$ECHO" | wc -c) bytes" >&2

echo "Warming up …" >&2
wrk -t1 -c8 -d3s "$ECHO" >/dev/null
KEY=$SERVICE wrk -t1 -c8 -d3s -s bench/load/report.lua "$READ" >/dev/null

LABEL="baseline /bench/echo" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s bench/load/report.lua "$ECHO"
LABEL="purpose-checked read" KEY=$SERVICE wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s bench/load/report.lua "$READ"
KEY=$SERVICE wrk -t1 -c2 -d"$DURATION" -s bench/load/events.lua "$URL/v1/subjects/$ID/events"
echo "audit chain: $(curl -s -H "Authorization: Bearer $AUDITOR" "$URL/v1/audit/verify")" >&2
