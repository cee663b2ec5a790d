#!/usr/bin/env bash
# Bulk-import throughput: generates a screening CSV of ROWS rows (default 1,000,000) and imports it with
# `hipcheck import` into a fresh SQLite file and into a throwaway PostgreSQL started WITHOUT --fast (fsync on,
# synchronous_commit on: the durable settings). Prints rows/s for each and the machine it ran on.
#
#   bench/import.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
WORK=$(mktemp -d /tmp/hipcheck-import-bench.XXXXXX)
PG_DIR=$(mktemp -d /tmp/hipcheck-import-pg.XXXXXX)
cleanup() { scripts/throwaway-postgres.sh stop "$PG_DIR" >/dev/null 2>&1 || true; rm -rf "$WORK" "$PG_DIR"; }
trap cleanup EXIT

dotnet build src/HipCheck.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
CLI="dotnet src/HipCheck.Cli/bin/Release/net10.0/hipcheck.dll"

# 4 tests per athlete and day, 20 days per athlete: ROWS/80 athletes. Athlete details on each athlete's first row.
CSV="$WORK/screenings.csv"
awk -v rows="$ROWS" 'BEGIN {
  srand(7);
  print "athlete_id,name,sex,birth_date,body_mass_kg,height_cm,dominant_leg,date,test,unit,left_1,left_2,left_3,right_1,right_2,right_3,seconds";
  split("hip-extension hip-abduction hip-external-rotation back-extension-endurance", tests, " ");
  n = 0;
  for (a = 1; n < rows; a++) {
    for (d = 0; d < 20 && n < rows; d++) {
      date = sprintf("2024-%02d-%02d", 1 + int(d / 2), 1 + (d % 2) * 14);
      mass = sprintf("%.1f", 50 + (a % 40));
      for (t = 1; t <= 4 && n < rows; t++) {
        details = (d == 0 && t == 1) ? sprintf("Runner %d,%s,19%02d-0%d-1%d,%s,%d,%s", a, (a % 2 ? "F" : "M"), 70 + a % 30, 1 + a % 9, a % 10, mass, 160 + a % 30, (a % 5 ? "right" : "left")) : ",,,,,";
        if (t == 4) {
          printf "A%06d,%s,%s,back-extension-endurance,s,,,,,,,%.1f\n", a, details, date, 60 + rand() * 120;
        } else {
          b = 150 + rand() * 150;
          printf "A%06d,%s,%s,%s,N,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,\n", a, details, date, tests[t], b, b * 1.02, b * 0.98, b * 0.9, b * 0.92, b * 0.91;
        }
        n++;
      }
    }
  }
}' >"$CSV"
# The awk above puts body mass among the details only; the athlete columns line up with the header.
echo "generated $(($(wc -l <"$CSV") - 1)) rows, $(du -h "$CSV" | cut -f1)"

TEAM=0193a000-0000-7000-8000-000000000001
team_sql="INSERT INTO \"Teams\" (\"Id\", \"Name\", \"CoachUserId\", \"OrganisationId\", \"CreatedUtc\") VALUES"

echo "== machine"
echo "nproc: $(nproc)"; lscpu | head -n 15; echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== SQLite (WAL, synchronous=FULL)"
DB="$WORK/bench.db"
$CLI import --provider sqlite --connection "Data Source=$DB" --migrate --team "$TEAM" --file "$CSV" >/dev/null 2>&1 || true
sqlite3 "$DB" "$team_sql ('${TEAM^^}', 'Bench', 'bench-coach', NULL, '2026-01-01 00:00:00');"
$CLI import --provider sqlite --connection "Data Source=$DB" --team "$TEAM" --file "$CSV" --timings
echo "re-import:"; $CLI import --provider sqlite --connection "Data Source=$DB" --team "$TEAM" --file "$CSV" --timings

echo "== PostgreSQL (durable: fsync and synchronous_commit on)"
PG=$(scripts/throwaway-postgres.sh start "$PG_DIR")
PORT=$(echo "$PG" | sed -E 's/.*Port=([0-9]+).*/\1/')
$CLI import --provider postgres --connection "$PG" --migrate --team "$TEAM" --file "$CSV" >/dev/null 2>&1 || true
psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qc "$team_sql ('$TEAM', 'Bench', 'bench-coach', NULL, now());"
$CLI import --provider postgres --connection "$PG" --team "$TEAM" --file "$CSV" --timings
echo "re-import:"; $CLI import --provider postgres --connection "$PG" --team "$TEAM" --file "$CSV" --timings
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
