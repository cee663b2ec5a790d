# Sourced by the bulk-import benchmarks (import.sh, import-floor.sh) after `cd` to the repository: builds the CLI
# (Release), makes the 1,000,000-row file (or ROWS, the script's first argument) and the folders a throwaway
# PostgreSQL cluster and the databases go in, all removed on exit. Sets ROWS, WORK, PG_DIR, CLI, CSV and TEAM.
ROWS=${1:-1000000}
WORK=$(mktemp -d /tmp/hipcheck-import-bench.XXXXXX)
PG_DIR=$(mktemp -d /tmp/hipcheck-import-pg.XXXXXX)
cleanup() { scripts/throwaway-postgres.sh stop "$PG_DIR" >/dev/null 2>&1 || true; rm -rf "$WORK" "$PG_DIR"; }
trap cleanup EXIT

dotnet build src/HipCheck.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
CLI="dotnet src/HipCheck.Cli/bin/Release/net10.0/hipcheck.dll"

CSV="$WORK/screenings.csv"
bench/make-import-csv.sh "$ROWS" "$CSV"
echo "generated $(($(wc -l <"$CSV") - 1)) rows, $(du -h "$CSV" | cut -f1)"

TEAM=0193a000-0000-7000-8000-000000000001
