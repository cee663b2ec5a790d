# Reads the committed sample exports with hipcheck-exports.R and prints what R made of them.
# Run from the repository root:  Rscript docs/exports/sample/run-r.R > docs/exports/sample/r-output.txt
source("docs/exports/hipcheck-exports.R")
dir <- "docs/exports/sample"
long <- hipcheck_read_long(file.path(dir, "long.csv"), file.path(dir, "long-codebook.csv"))
wide <- hipcheck_read_wide(file.path(dir, "wide.csv"), file.path(dir, "wide-codebook.csv"))
cat("== long\n")
str(long)
print(summary(long[, c("sex", "test", "side", "value", "normalised_value", "asymmetry_pct", "weaker_side")]))
print(table(long$test, long$side))
cat("== wide\n")
str(wide[, c("study_code", "sex", "birth_year", "event", "date_t1", "hip_ext_left_N_t1", "hip_ext_weaker_t1", "date_t2", "day_t2")])
cat(sprintf("'data.frame':\t%d obs. of  %d variables:\n", nrow(wide), ncol(wide)))
print(summary(wide[, c("sex", "event", "hip_ext_asym_pct_t1", "hip_ext_weaker_t1")]))
cat("mean hip extension asymmetry at t1 by sex:\n")
print(tapply(wide$hip_ext_asym_pct_t1, wide$sex, mean, na.rm = TRUE))
cat("classes:", paste(unique(vapply(wide, function(x) class(x)[1], "")), collapse = " "), "\n")
