#!/usr/bin/env bash
# Makes a clean machine ready and runs every test suite under tests/.
#
#   ./test.sh               every suite
#   ./test.sh core web      only these suites (tests/HipCheck.<Name>.Tests, name case-insensitive)
#   ./test.sh web-postgres  the HTTP suite again on PostgreSQL (part of every full run; faults-postgres likewise
#                           runs the crash test on it): a throwaway cluster is started in a temp folder on a
#                           free 127.0.0.1 port and dropped after
#   HIPCHECK_SCREENSHOTS=1 ./test.sh browser    also refreshes docs/screenshots/result.png
#   HIPCHECK_SUITE_TIMEOUT=20m ./test.sh        a suite still running after this is stopped (default 15m)
#
# Results (a TRX and a console log per suite) go to artifacts/test-results/.
# The last line is always "N passed, N failed"; the exit code is non-zero when anything failed,
# including a build that fails or a test host that crashes (each counts as one failure).
set -euo pipefail

cd "$(dirname "$0")"
ROOT=$(pwd)
CONFIGURATION=Release
RESULTS="$ROOT/artifacts/test-results"
# A hung suite is stopped and counted as failed rather than blocking CI.
SUITE_TIMEOUT=${HIPCHECK_SUITE_TIMEOUT:-15m}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

passed=0
failed=0

finish() {
  echo "$passed passed, $failed failed"
  if [ "$failed" -gt 0 ]; then exit 1; fi
  exit 0
}

log() { echo "==> $*"; }

# --- the machine ---------------------------------------------------------------------------------
# Browser tests drive Debian's Chromium; Playwright must never download a browser of its own.
install_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  log "installing Debian's chromium"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
}

if ! command -v dotnet >/dev/null 2>&1; then
  echo "dotnet is not on PATH: install the .NET 10 SDK" >&2
  failed=1
  finish
fi

# --- which suites ----------------------------------------------------------------------------------
# A suite is any tests/*/ folder holding a project; its short name is the folder name without the
# "HipCheck." prefix and ".Tests" suffix, lower-cased (core, web, browser, ...).
suite_name() {
  local n
  n=$(basename "$1")
  n=${n#HipCheck.}
  n=${n%.Tests}
  echo "$n" | tr '[:upper:]' '[:lower:]'
}

all_projects=()
for dir in tests/*/; do
  for proj in "$dir"*.csproj; do
    [ -e "$proj" ] && all_projects+=("$proj")
  done
done

# A run is "name|project"; the web project runs twice in a full run: on SQLite ("web") and on
# PostgreSQL ("web-postgres").
all_runs=()
for proj in "${all_projects[@]}"; do
  name=$(suite_name "$(dirname "$proj")")
  all_runs+=("$name|$proj")
  # The HTTP suite and the fault suite (crash test) also run on PostgreSQL.
  if [ "$name" = "web" ] || [ "$name" = "faults" ]; then all_runs+=("$name-postgres|$proj"); fi
done

runs=()
if [ "$#" -eq 0 ]; then
  runs=("${all_runs[@]}")
else
  for want in "$@"; do
    want=$(echo "$want" | tr '[:upper:]' '[:lower:]')
    found=""
    for run in "${all_runs[@]}"; do
      if [ "${run%%|*}" = "$want" ]; then
        runs+=("$run")
        found=1
      fi
    done
    if [ -z "$found" ]; then
      echo "no suite named '$want'; suites:" >&2
      for run in "${all_runs[@]}"; do echo "  ${run%%|*}" >&2; done
      exit 2
    fi
  done
fi

needs_browser=""
needs_postgres=""
for run in "${runs[@]}"; do
  case "${run%%|*}" in
    browser) needs_browser=1 ;;
    *-postgres) needs_postgres=1 ;;
  esac
done
if [ -n "$needs_browser" ]; then
  if ! install_chromium; then
    log "FAILED to install chromium"
    failed=$((failed + 1))
  fi
fi

rm -rf "$RESULTS"
mkdir -p "$RESULTS"

# A throwaway PostgreSQL for the web-postgres run (scripts/throwaway-postgres.sh installs Debian's
# postgresql if the machine has none); stopped and deleted whatever happens.
PG_DIR=""
PG_CONNECTION=""
stop_postgres() {
  if [ -n "$PG_DIR" ]; then scripts/throwaway-postgres.sh stop "$PG_DIR" || true; fi
}
trap stop_postgres EXIT
if [ -n "$needs_postgres" ]; then
  PG_DIR=$(mktemp -d /tmp/hipcheck-pg.XXXXXX)
  log "starting a throwaway PostgreSQL in $PG_DIR"
  if ! PG_CONNECTION=$(scripts/throwaway-postgres.sh start "$PG_DIR" --fast); then
    log "FAILED to start PostgreSQL"
    failed=$((failed + 1))
  fi
fi

# --- build once ------------------------------------------------------------------------------------
log "building HipCheck.slnx ($CONFIGURATION)"
if ! dotnet build HipCheck.slnx -c "$CONFIGURATION" -nologo -clp:ErrorsOnly 2>&1 | tee "$RESULTS/build.log"; then
  log "BUILD FAILED (see $RESULTS/build.log)"
  failed=$((failed + 1))
  finish
fi

# --- run each suite --------------------------------------------------------------------------------
# Reads one attribute of the TRX <Counters .../> element (0 when absent).
counter() {
  local value
  value=$(tr '\n' ' ' <"$1" | grep -o '<Counters [^>]*>' | head -n 1 |
    grep -o " $2=\"[0-9]*\"" | grep -o '[0-9][0-9]*' || true)
  echo "${value:-0}"
}

summary=()
for run in "${runs[@]}"; do
  name=${run%%|*}
  proj=${run#*|}
  out="$RESULTS/$name"
  mkdir -p "$out"
  pg=""
  provider=""
  if [ "${name%-postgres}" != "$name" ]; then
    if [ -z "$PG_CONNECTION" ]; then
      summary+=("$(printf '%-12s    0 passed,    1 failed (no PostgreSQL)' "$name")")
      continue
    fi
    pg=$PG_CONNECTION
    provider=Postgres
  fi
  log "suite $name ($proj)"
  rc=0
  HIPCHECK_TEST_POSTGRES="$pg" HIPCHECK_TEST_DB_PROVIDER="$provider" HIPCHECK_TEST_DB_CONNECTION="$pg" dotnet test --project "$proj" -c "$CONFIGURATION" --no-build --no-progress \
    --results-directory "$out" --report-xunit-trx --report-xunit-trx-filename "$name.trx" \
    --timeout "$SUITE_TIMEOUT" 2>&1 | tee "$out/console.log" || rc=$?

  trx="$out/$name.trx"
  p=0
  f=0
  skipped=0
  note=""
  if [ -f "$trx" ]; then
    p=$(counter "$trx" passed)
    skipped=$(counter "$trx" notExecuted)
    f=$(($(counter "$trx" failed) + $(counter "$trx" error) + $(counter "$trx" timeout) + $(counter "$trx" aborted)))
  fi
  if [ "$rc" -eq 8 ] && [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
    # Exit code 8 = the suite holds no test yet: empty, not failed.
    note=" (no tests)"
  elif [ ! -f "$trx" ]; then
    # No report: the test host crashed or never started.
    f=$((f + 1))
    note=" (no TRX written, exit code $rc: host crashed or did not start)"
  elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=$((f + 1))
    note=" (exit code $rc without a failing test: host crashed, timed out or aborted)"
  fi
  if [ "$skipped" -gt 0 ]; then note="$note ($skipped skipped)"; fi
  passed=$((passed + p))
  failed=$((failed + f))
  summary+=("$(printf '%-12s %4d passed, %4d failed%s' "$name" "$p" "$f" "$note")")
done

echo
log "summary (reports in $RESULTS)"
for line in "${summary[@]}"; do echo "    $line"; done
finish
