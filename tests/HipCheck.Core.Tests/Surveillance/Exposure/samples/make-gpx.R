# Writes run-5k.gpx and prints the distance and time the GPX importer must find (Rscript make-gpx.R).
#
# The run: a 5 km out-and-back along a bearing of 60 degrees from Copenhagen's Faelledparken
# (55.7000 N, 12.5700 E), one point every 10 s at 4:50 min/km, in two segments: the watch paused for
# 95 s at the turn (segment 1 ends there, segment 2 starts there). Coordinates are rounded to 7 decimals,
# as written, and the expected distance is computed from the rounded values with two independent
# formulas on the same sphere (R = 6371.0088 km): the haversine and the spherical law of cosines.
R <- 6371.0088
rad <- pi / 180
destination <- function(lat, lon, bearing, km) {
  d <- km / R; p1 <- lat * rad; l1 <- lon * rad; b <- bearing * rad
  p2 <- asin(sin(p1) * cos(d) + cos(p1) * sin(d) * cos(b))
  l2 <- l1 + atan2(sin(b) * sin(d) * cos(p1), cos(d) - sin(p1) * sin(p2))
  c(p2 / rad, l2 / rad)
}
pace <- 290 / 1000                      # s per metre
step_m <- 10 / pace                     # metres per 10 s
out <- seq(0, 2500, by = step_m); out <- c(out, 2500)[!duplicated(c(out, 2500))]
start <- as.POSIXct("2026-03-14 07:05:00", tz = "UTC")
pts <- function(dist_m, t0, bearing, from) {
  xy <- t(sapply(dist_m, function(m) destination(from[1], from[2], bearing, m / 1000)))
  data.frame(lat = round(xy[, 1], 7), lon = round(xy[, 2], 7), t = t0 + round(dist_m * pace))
}
seg1 <- pts(out, start, 60, c(55.7, 12.57))
turn <- c(seg1$lat[nrow(seg1)], seg1$lon[nrow(seg1)])
seg2 <- pts(out, seg1$t[nrow(seg1)] + 95, 240, turn)
hav <- function(a, b, c, d) 2 * R * asin(sqrt(sin((c - a) * rad / 2)^2 + cos(a * rad) * cos(c * rad) * sin((d - b) * rad / 2)^2))
slc <- function(a, b, c, d) R * acos(pmin(1, sin(a * rad) * sin(c * rad) + cos(a * rad) * cos(c * rad) * cos((d - b) * rad)))
seglen <- function(s, f) sum(f(head(s$lat, -1), head(s$lon, -1), s$lat[-1], s$lon[-1]))
km_h <- seglen(seg1, hav) + seglen(seg2, hav)
km_c <- seglen(seg1, slc) + seglen(seg2, slc)
secs <- as.numeric(difftime(seg1$t[nrow(seg1)], seg1$t[1], units = "secs")) +
  as.numeric(difftime(seg2$t[nrow(seg2)], seg2$t[1], units = "secs"))
fmt <- function(s) format(s, "%Y-%m-%dT%H:%M:%SZ", tz = "UTC")
trkpts <- function(s) paste0('      <trkpt lat="', sprintf("%.7f", s$lat), '" lon="', sprintf("%.7f", s$lon),
                             '"><ele>12.0</ele><time>', fmt(s$t), '</time></trkpt>', collapse = "\n")
ride <- pts(c(0, 500, 1000), start + 86400, 0, c(55.7, 12.57))
writeLines(c('<?xml version="1.0" encoding="UTF-8"?>',
  '<gpx version="1.1" creator="HipCheck test sample" xmlns="http://www.topografix.com/GPX/1/1">',
  '  <metadata><time>2026-03-14T07:05:00Z</time></metadata>',
  '  <trk>', '    <name>Saturday 5 k</name>', '    <type>running</type>',
  '    <trkseg>', trkpts(seg1), '    </trkseg>', '    <trkseg>', trkpts(seg2), '    </trkseg>', '  </trk>',
  '  <trk>', '    <name>Sunday commute</name>', '    <type>cycling</type>',
  '    <trkseg>', trkpts(ride), '    </trkseg>', '  </trk>', '</gpx>'), "run-5k.gpx")
cat(sprintf("points %d + %d\nkm haversine %.15f\nkm cosines   %.15f\nseconds %d hours %.15f\n",
            nrow(seg1), nrow(seg2), km_h, km_c, secs, secs / 3600))
