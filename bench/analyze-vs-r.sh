#!/usr/bin/env bash
# `hipcheck analyze` against R on the same cohort CSV, end to end: process start, reading the file, every
# statistic, printing the JSON. Goal (issue 4): hipcheck at least 10x faster than R and at most 1/4 of its
# peak memory.
#
#   bench/analyze-vs-r.sh [rows]        default 1,000,000 athletes (about 52 MB)
#
# Writes the cohort (deterministic: `hipcheck generate --seed 1`), both outputs and a Markdown summary to
# artifacts/bench/ (BENCH_DIR to change). Wall time and peak RSS come from GNU time (`time -v`), repeated
# timing from hyperfine when it is installed. R runs when Rscript and its packages are installed
# (Debian: r-base-core r-cran-data.table r-cran-survival r-cran-epitools r-cran-pwr).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
OUT=${BENCH_DIR:-artifacts/bench}
RUNS=${BENCH_RUNS:-5}
mkdir -p "$OUT"

apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -qq "$@" >/dev/null 2>&1 || { $sudo apt-get update -qq && $sudo apt-get install -y -qq "$@" >/dev/null; }
}
[ -x /usr/bin/time ] || apt_install time
command -v hyperfine >/dev/null || apt_install hyperfine || echo "hyperfine unavailable: GNU time only" >&2

echo "==> building hipcheck (Release)" >&2
dotnet build src/HipCheck.Cli -c Release -v quiet -nologo >/dev/null
HIPCHECK=(dotnet src/HipCheck.Cli/bin/Release/net10.0/hipcheck.dll)
CSV="$OUT/cohort-$ROWS.csv"
if [ ! -s "$CSV" ]; then
  echo "==> writing $CSV" >&2
  "${HIPCHECK[@]}" generate --rows "$ROWS" --seed 1 --output "$CSV"
fi
cat "$CSV" >/dev/null # both tools read it from the page cache

HAVE_R=false
if command -v Rscript >/dev/null && Rscript -e 'for (p in c("data.table","survival","epitools","pwr")) stopifnot(requireNamespace(p, quietly = TRUE))' >/dev/null 2>&1; then
  HAVE_R=true
fi

# One run under GNU time: prints "wall_s user_s sys_s peak_kb".
measure() {
  local stdout=$1
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/time.txt" "$@" >"$stdout"
  cat "$OUT/time.txt"
}

# The median of RUNS runs of GNU time (by wall time).
median_of_runs() {
  local stdout=$1
  shift
  for _ in $(seq "$RUNS"); do measure "$stdout" "$@"; done | sort -n | sed -n "$(((RUNS + 1) / 2))p"
}

echo "==> hipcheck analyze, $RUNS runs" >&2
HC=$(median_of_runs "$OUT/hipcheck.json" "${HIPCHECK[@]}" analyze --input "$CSV")
if $HAVE_R; then
  echo "==> R (bench/analyze.R), $RUNS runs" >&2
  R=$(median_of_runs "$OUT/r.json" Rscript bench/analyze.R "$CSV")
fi

if command -v hyperfine >/dev/null; then
  cmds=("${HIPCHECK[*]} analyze --input $CSV")
  if $HAVE_R; then cmds+=("Rscript bench/analyze.R $CSV"); fi
  hyperfine --warmup 1 --runs "$RUNS" --export-markdown "$OUT/hyperfine.md" --output=null "${cmds[@]}" >&2
fi

# Do the two documents agree? Every number of R's to 1e-6 relative (p-values 1e-6 absolute).
AGREEMENT="not checked (R not installed)"
if $HAVE_R && command -v python3 >/dev/null; then
  AGREEMENT=$(python3 - "$OUT/hipcheck.json" "$OUT/r.json" <<'PY'
import json, sys
ours, r = (json.load(open(p)) for p in sys.argv[1:3])
bad = []
def walk(x, y, path, key=""):
    if isinstance(y, dict):
        for k in y: walk(x.get(k), y[k], f"{path}.{k}", k)
    elif isinstance(y, list):
        for i, (u, v) in enumerate(zip(x, y)): walk(u, v, f"{path}[{i}]", key)
    elif isinstance(y, (int, float)) and isinstance(x, (int, float)):
        scale = max(abs(x), abs(y))
        tol = max(1e-6, 1e-6 * scale) if key in ("p", "fisherP") else max(1e-12, 1e-6 * scale)
        if abs(x - y) > tol: bad.append(f"{path}: {x} vs {y}")
    elif x != y: bad.append(f"{path}: {x} vs {y}")
walk(ours, r, "$")
print("every number agrees to 1e-6" if not bad else f"{len(bad)} differences: " + "; ".join(bad[:5]))
PY
)
fi

row() { # label, "wall user sys kb"
  read -r wall user sys kb <<<"$2"
  printf '| %s | %s | %.2f | %.0f |\n' "$1" "$wall" "$(awk "BEGIN {print $user + $sys}")" "$((kb / 1024))"
}
{
  echo "# hipcheck analyze vs R: $ROWS athletes ($(du -m "$CSV" | cut -f1) MB), $(date -u +%Y-%m-%d)"
  echo
  echo "Median of $RUNS runs under GNU time (wall clock, CPU = user + sys, peak RSS); load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| tool | wall s | CPU s | peak RSS MB |"
  echo "| --- | --- | --- | --- |"
  row "hipcheck analyze ($(dotnet --version))" "$HC"
  if $HAVE_R; then
    row "R $(Rscript -e 'cat(paste(R.version$major, R.version$minor, sep="."))') (fread, glm, survfit, survdiff, coxph, epitools)" "$R"
    read -r hw _ _ hk <<<"$HC"
    read -r rw _ _ rk <<<"$R"
    echo
    echo "hipcheck is $(awk "BEGIN {printf \"%.1f\", $rw / $hw}")x faster than R and uses $(awk "BEGIN {printf \"%.0f\", 100 * $hk / $rk}") % of R's peak memory."
  fi
  echo
  echo "Agreement: $AGREEMENT."
  if [ -f "$OUT/hyperfine.md" ]; then
    echo
    echo "hyperfine ($RUNS runs after a warm-up):"
    echo
    cat "$OUT/hyperfine.md"
  fi
  echo
  echo "Machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; $(free -h | awk '/^Mem:/ {print $2 " RAM, " $7 " available"}'); $(uname -sr)."
  echo
  echo '```'
  lscpu | grep -E '^(Architecture|CPU\(s\)|Model name|Thread|Core|Socket|L2|L3|Hypervisor)'
  free -h
  echo '```'
} | tee "$OUT/analyze-vs-r.md"
