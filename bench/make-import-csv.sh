#!/usr/bin/env bash
# The bulk-import benchmarks' file: a screening CSV of ROWS rows (default 1,000,000) written to OUT.
#
#   bench/make-import-csv.sh ROWS OUT
set -euo pipefail
ROWS=${1:-1000000}
CSV=${2:?usage: bench/make-import-csv.sh ROWS OUT}
# 4 tests per athlete and day, 20 days per athlete: ROWS/80 athletes. Athlete details on each athlete's first row.
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
