#!/usr/bin/env bash
# PostgreSQL's own floor for an import: how long the server alone needs to store exactly the rows a 1,000,000-row
# import stores (athletes, screenings, tests and the audit entries of what was created), with the schema's keys,
# indexes and foreign keys, durably (fsync and synchronous_commit on). No client, no network, no parsing: the rows
# are first imported by `hipcheck import`, written out by the server as binary COPY files, then loaded from those
# files by the server into a second, empty HipCheck database in one transaction, one COPY per table. Whatever the
# client does, an import of this file cannot take less than this on this machine.
#
#   bench/import-floor.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/import-setup.sh

PG=$(scripts/throwaway-postgres.sh start "$PG_DIR")
PORT=$(echo "$PG" | sed -E 's/.*Port=([0-9]+).*/\1/')
psql_on() { psql -h 127.0.0.1 -p "$PORT" -U postgres -d "$1" -v ON_ERROR_STOP=1 -q "${@:2}"; }
psql_on postgres -c "CREATE DATABASE floor"
for db in postgres floor; do
  $CLI import --provider postgres --connection "${PG/Database=postgres/Database=$db}" --migrate --team "$TEAM" --file "$CSV" >/dev/null 2>&1 || true
  psql_on "$db" -c "INSERT INTO \"Teams\" (\"Id\", \"Name\", \"CoachUserId\", \"OrganisationId\", \"CreatedUtc\") VALUES ('$TEAM', 'Bench', 'bench-coach', NULL, now());"
done

echo "== the import ($ROWS rows)"
$CLI import --provider postgres --connection "$PG" --team "$TEAM" --file "$CSV"

# The server writes the stored rows to files it can read back (the cluster's folder belongs to its owner).
FILES="$PG_DIR/copy"
mkdir -p "$FILES"
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$FILES"; fi
audit_columns='"Utc", "ActorUserId", "ActorRole", "EntityType", "EntityId", "Action", "AthleteId", "StudyId", "Changed", "Before", "After"'
psql_on postgres <<SQL
COPY "Athletes" TO '$FILES/athletes' (FORMAT binary);
COPY "Screenings" TO '$FILES/screenings' (FORMAT binary);
COPY "ScreeningTests" TO '$FILES/tests' (FORMAT binary);
COPY (SELECT $audit_columns FROM "AuditEntries" ORDER BY "Id") TO '$FILES/audit' (FORMAT binary);
SQL
echo "rows stored: athletes $(psql_on postgres -Atc 'SELECT count(*) FROM "Athletes"'), screenings $(psql_on postgres -Atc 'SELECT count(*) FROM "Screenings"'), tests $(psql_on postgres -Atc 'SELECT count(*) FROM "ScreeningTests"'), audit entries $(psql_on postgres -Atc 'SELECT count(*) FROM "AuditEntries"') ($(psql_on postgres -Atc 'SELECT pg_size_pretty(sum(octet_length("After"))) FROM "AuditEntries"') of snapshots)"
psql_on postgres -c "CHECKPOINT"

echo "== the server alone: the same rows from binary files into an empty database, one transaction"
start=$(date +%s.%N)
psql_on floor <<SQL
\timing on
BEGIN;
\echo athletes
COPY "Athletes" FROM '$FILES/athletes' (FORMAT binary);
\echo screenings
COPY "Screenings" FROM '$FILES/screenings' (FORMAT binary);
\echo audit entries
COPY "AuditEntries" ($audit_columns) FROM '$FILES/audit' (FORMAT binary);
\echo tests
COPY "ScreeningTests" FROM '$FILES/tests' (FORMAT binary);
\echo commit
COMMIT;
SQL
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v rows="$ROWS" 'BEGIN { printf "server alone: %.2f s for %d rows: at most %.0f rows/s\n", e - s, rows, rows / (e - s) }'
echo "nproc: $(nproc); load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
