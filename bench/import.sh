#!/usr/bin/env bash
# Bulk-import throughput: generates a screening CSV of ROWS rows (default 1,000,000) and imports it with
# `hipcheck import` into a fresh SQLite file and into a throwaway PostgreSQL started WITHOUT --fast (fsync on,
# synchronous_commit on: the durable settings). Prints rows/s for each and the machine it ran on.
#
#   bench/import.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/import-setup.sh

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
