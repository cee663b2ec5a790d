# R's side of bench/analyze-vs-r.sh: the whole `hipcheck analyze` pipeline in R on one cohort CSV, reading it
# with data.table::fread (R's fastest reader), then glm, survfit, survdiff, coxph, epitools and fisher.test.
# The code is the R reference the tests use (tests/HipCheck.Core.Tests/Studies/fixtures/analyze.R), so both
# tools compute the same document.
#   Rscript bench/analyze.R cohort.csv [threshold]
args <- commandArgs(trailingOnly = TRUE)
self <- sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE))
HIPCHECK_SOURCED <- TRUE
source(file.path(dirname(self), "..", "tests", "HipCheck.Core.Tests", "Studies", "fixtures", "analyze.R"))
cat(analyze(args[1], if (length(args) >= 2) as.numeric(args[2]) else 15), "\n", sep = "")
