# Reads HipCheck's research exports into R with types, factor levels and labels. Base R only.
#
#   source("hipcheck-exports.R")
#   long <- hipcheck_read_long("study-...-long.csv", "study-...-long-codebook.csv")
#   wide <- hipcheck_read_wide("study-...-wide.csv", "study-...-wide-codebook.csv")
#
# The codebook is optional: with it, every column gets attr(, "label") and attr(, "units") from the codebook.
# Layouts: docs/exports.md. Codes below must match the exports (a HipCheck test checks they do).

hipcheck_tests <- c(
  "hip-extension" = "Hip extension",
  "hip-abduction" = "Hip abduction",
  "hip-external-rotation" = "Hip external rotation",
  "back-extension-endurance" = "Back-extension endurance (Biering-Sorensen)",
  "single-leg-bridge" = "Single-leg bridge hold"
)

hipcheck_read_codebook <- function(path) {
  read.csv(path, colClasses = "character", na.strings = "", fileEncoding = "UTF-8-BOM",
           check.names = FALSE, stringsAsFactors = FALSE)
}

# Sets factor levels and labels (the export's codes become R's levels with readable labels).
hipcheck_factors <- function(df) {
  for (col in names(df)) {
    x <- df[[col]]
    if (col == "sex") {
      df[[col]] <- factor(x, levels = c("F", "M"), labels = c("female", "male"))
    } else if (col == "event") {
      df[[col]] <- factor(x, levels = c(0L, 1L), labels = c("no", "yes"))
    } else if (col == "weaker_side" || grepl("_weaker_t[0-9]+$", col)) {
      df[[col]] <- factor(x, levels = c("left", "right", "equal"))
    } else if (col == "side") {
      df[[col]] <- factor(x, levels = c("left", "right", "none"), labels = c("left", "right", "not sided"))
    } else if (col == "test") {
      df[[col]] <- factor(x, levels = names(hipcheck_tests), labels = unname(hipcheck_tests))
    } else if (col %in% c("unit", "normalised_unit")) {
      df[[col]] <- factor(x)
    }
  }
  df
}

hipcheck_labels <- function(df, codebook) {
  if (is.null(codebook)) return(df)
  if (is.character(codebook)) codebook <- hipcheck_read_codebook(codebook)
  for (i in seq_len(nrow(codebook))) {
    col <- codebook$column[i]
    if (!col %in% names(df)) next
    attr(df[[col]], "label") <- codebook$label[i]
    if (!is.na(codebook$unit[i])) attr(df[[col]], "units") <- codebook$unit[i]
  }
  df
}

hipcheck_read_long <- function(path, codebook = NULL) {
  classes <- c(study_code = "character", sex = "character", birth_year = "integer", time_point = "integer",
               date = "Date", day = "integer", body_mass_kg = "numeric", test = "character", side = "character",
               value = "numeric", unit = "character", normalised_value = "numeric", normalised_unit = "character",
               n_trials = "integer", cv_pct = "numeric", asymmetry_pct = "numeric", lsi_pct = "numeric",
               weaker_side = "character")
  df <- read.csv(path, colClasses = classes, na.strings = "", fileEncoding = "UTF-8-BOM",
                 check.names = FALSE, stringsAsFactors = FALSE)
  hipcheck_labels(hipcheck_factors(df), codebook)
}

# The wide file's columns depend on the number of time points, so the classes follow the names.
hipcheck_wide_class <- function(col) {
  if (col %in% c("study_code", "sex") || grepl("_weaker_t[0-9]+$", col)) return("character")
  if (grepl("^date_t[0-9]+$", col)) return("Date")
  if (col %in% c("birth_year", "n_time_points", "event", "followup_days", "days_to_event") ||
      grepl("^day_t[0-9]+$", col)) return("integer")
  "numeric"
}

hipcheck_read_wide <- function(path, codebook = NULL) {
  header <- names(read.csv(path, nrows = 0, check.names = FALSE, fileEncoding = "UTF-8-BOM"))
  classes <- vapply(header, hipcheck_wide_class, character(1))
  df <- read.csv(path, colClasses = classes, na.strings = "", fileEncoding = "UTF-8-BOM",
                 check.names = FALSE, stringsAsFactors = FALSE)
  hipcheck_labels(hipcheck_factors(df), codebook)
}
