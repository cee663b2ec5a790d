#!/usr/bin/env bash
# Load test of the screening API against a Release build on 127.0.0.1 (issue 7).
#
#   bench/load/load.sh sqlite|postgres [DURATION=20s] [CONNECTIONS=64]
#
# Starts HipCheck (Production settings, its own empty database: a SQLite file with WAL and
# synchronous=FULL, or a throwaway PostgreSQL cluster with durable settings), logs in once as a coach,
# creates ATHLETES athletes, then runs wrk twice: POST full screenings, and GET risk reports.
# Before the runs, `hipcheck import` loads BACKGROUND_ROWS rows (default 400,000: 5,000 athletes and
# 100,000 screenings) into a second team, so the database is not a toy: on a 200-row Athletes table
# PostgreSQL rightly scans and hashes the whole table on every report query instead of using its index.
# Prints one RESULT line per run and appends them to bench/results/load-<provider>.txt. wrk shares the
# machine's cores with the server: the figures are for this machine with both on it.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

provider=${1:-sqlite}
duration=${2:-20s}
connections=${3:-64}
threads=${WRK_THREADS:-2}
athletes=${ATHLETES:-200}
background_rows=${BACKGROUND_ROWS:-400000}

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v jq >/dev/null || { apt-get update -qq && apt-get install -y -qq jq >/dev/null; }

dotnet build src/HipCheck.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build src/HipCheck.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null

work=$(mktemp -d /tmp/hipcheck-load.XXXXXX)
pg_dir=""
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ -n "$pg_dir" ]; then scripts/throwaway-postgres.sh stop "$pg_dir"; fi
  rm -rf "$work"
}
trap cleanup EXIT

case "$provider" in
  sqlite)
    export Database__Provider=Sqlite ConnectionStrings__HipCheck="Data Source=$work/hipcheck.db"
    cli_provider=sqlite
    ;;
  postgres)
    pg_dir=$(mktemp -d /tmp/hipcheck-load-pg.XXXXXX) # its own folder: the cluster belongs to the postgres user
    connection=$(scripts/throwaway-postgres.sh start "$pg_dir")
    export Database__Provider=Postgres ConnectionStrings__HipCheck="$connection;Database=hipcheck"
    cli_provider=postgres
    ;;
  *) echo "usage: $0 sqlite|postgres [duration] [connections]" >&2; exit 2 ;;
esac

port=$((20000 + RANDOM % 20000))
base="http://127.0.0.1:$port"
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" \
  Logging__LogLevel__Default=Warning \
  RateLimits__LoginPerMinute=100000 RateLimits__RegisterPerMinute=100000 \
  dotnet src/HipCheck.Web/bin/Release/net10.0/HipCheck.Web.dll >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  if curl -fsS "$base/health/ready" >/dev/null 2>&1; then break; fi
  sleep 0.5
done
curl -fsS "$base/health/ready" >/dev/null || { cat "$work/server.log" >&2; exit 1; }

json() { curl -fsS -H "Content-Type: application/json" "$@"; }
json -X POST "$base/api/auth/register" -d '{"email":"load@example.org","password":"Str0ng!Pass","role":"coach"}' >/dev/null
token=$(json -X POST "$base/api/auth/login" -d '{"email":"load@example.org","password":"Str0ng!Pass"}' | jq -r .accessToken)
auth=(-H "Authorization: Bearer $token")

if [ "$background_rows" -gt 0 ]; then
  team=$(json "${auth[@]}" -X POST "$base/api/teams" -d '{"name":"Background"}' | jq -r .id)
  bench/make-import-csv.sh "$background_rows" "$work/background.csv"
  dotnet src/HipCheck.Cli/bin/Release/net10.0/hipcheck.dll import --provider "$cli_provider" \
    --connection "$ConnectionStrings__HipCheck" --team "$team" --file "$work/background.csv"
fi

ids=()
screenings=()
for i in $(seq 1 "$athletes"); do
  id=$(json "${auth[@]}" -X POST "$base/api/athletes" \
    -d "{\"name\":\"Load $i\",\"sex\":\"female\",\"birthDate\":\"1985-01-01\",\"bodyMassKg\":60,\"heightCm\":168,\"sport\":\"running\",\"dominantLeg\":\"right\"}" | jq -r .id)
  ids+=("$id")
  sid=$(json "${auth[@]}" -X POST "$base/api/athletes/$id/screenings" \
    -d '{"date":"2026-01-05","tests":[{"test":"hip-extension","unit":"N","left":[200,210,220],"right":[180,190,200]},{"test":"hip-abduction","unit":"N","left":[150,155,160],"right":[120,125,130]},{"test":"back-extension-endurance","seconds":120}]}' | jq -r .id)
  screenings+=("$sid")
done

export TOKEN="$token" ATHLETES=$(IFS=,; echo "${ids[*]}") SCREENINGS=$(IFS=,; echo "${screenings[*]}") THREAD_COUNT=$threads
machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
stamp=$(date -u +%Y-%m-%dT%H:%M:%SZ)
mkdir -p bench/results
out="bench/results/load-$provider.txt"

# Warm-up (not recorded): the JIT's optimised code, full pools, and a database that is no longer minutes old.
echo "== $provider: warm-up, 10 s of POSTs (not recorded)"
warmup=$(START_DAY=0 wrk -t"$threads" -c"$connections" -d10s --timeout 10s -s bench/load/post-screenings.lua "$base" | grep '^RESULT')
echo "$warmup"
if [ "$provider" = postgres ]; then
  # A database in service has statistics: autovacuum analyzes each table as it grows. Without them PostgreSQL
  # plans the screening tests' foreign-key check against the 200-row Screenings table of the set-up as a
  # sequential scan, keeps that plan for the connection, and scans ever more rows as the run adds screenings.
  port=$(echo "$connection" | sed -E 's/.*Port=([0-9]+).*/\1/')
  # VACUUM too: a database in service has been vacuumed, a fresh bulk load has not, and autovacuum vacuums a table
  # after many inserts whenever it wakes (every minute), so without it a run may or may not share its cores with a
  # vacuum of the 400,000 imported tests. The counts below show whether autovacuum ran during the measured runs.
  psql -h 127.0.0.1 -p "$port" -U postgres -d hipcheck -qc "VACUUM ANALYZE;"
  psql -h 127.0.0.1 -p "$port" -U postgres -d hipcheck -Atc "SELECT 'autovacuum runs before the measured runs: ' || sum(autovacuum_count) || ', autoanalyze: ' || sum(autoanalyze_count) FROM pg_stat_user_tables"
fi

echo "== $provider: POST /api/athletes/{id}/screenings, $connections connections, $threads wrk threads, $duration"
post=$(START_DAY=5000 wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s -s bench/load/post-screenings.lua "$base" | tee -a /dev/stderr | grep '^RESULT')
echo "== $provider: GET /api/screenings/{id}/report, $connections connections, $threads wrk threads, $duration"
get=$(wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s -s bench/load/get-reports.lua "$base" | tee -a /dev/stderr | grep '^RESULT')

if [ "$provider" = postgres ]; then
  psql -h 127.0.0.1 -p "$port" -U postgres -d hipcheck -Atc "SELECT 'autovacuum runs by the end: ' || sum(autovacuum_count) || ', autoanalyze: ' || sum(autoanalyze_count) FROM pg_stat_user_tables"
fi

# Every acknowledged POST must be stored: count the screenings the API lists.
stored=0
for id in "${ids[@]}"; do
  n=$(curl -fsS "${auth[@]}" "$base/api/athletes/$id/screenings" | jq length)
  stored=$((stored + n))
done
{
  echo "$stamp $provider post $post connections=$connections background_rows=$background_rows machine=\"$machine\""
  echo "$stamp $provider get  $get connections=$connections background_rows=$background_rows machine=\"$machine\""
  echo "$stamp $provider stored_screenings=$stored (including $athletes set-up screenings and the warm-up's $(echo "$warmup" | sed -E 's/.*requests=([0-9]+).*/\1/') requests)"
} | tee -a "$out"
