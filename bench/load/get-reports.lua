-- wrk script: GET the risk report of screenings taken round-robin from SCREENINGS.
-- Environment: TOKEN (bearer), SCREENINGS (comma-separated ids).
local token = os.getenv("TOKEN")
local screenings = {}
for id in string.gmatch(os.getenv("SCREENINGS") or "", "[^,]+") do screenings[#screenings + 1] = id end
local counter = 0

function request()
  counter = counter + 1
  local id = screenings[(counter % #screenings) + 1]
  return wrk.format("GET", "/api/screenings/" .. id .. "/report", { ["Authorization"] = "Bearer " .. token })
end

function done(summary, latency, requests)
  local s = summary
  io.write(string.format("RESULT requests=%d duration_s=%.2f rps=%.0f p50_ms=%.2f p99_ms=%.2f errors_status=%d errors_socket=%d\n",
    s.requests, s.duration / 1e6, s.requests / (s.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    s.errors.status, s.errors.connect + s.errors.read + s.errors.write + s.errors.timeout))
end
