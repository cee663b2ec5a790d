-- wrk script: POST one full screening per request (three hip tests, both sides, three trials each,
-- plus the back endurance test) for athletes taken round-robin from ATHLETES, each request a new date
-- so that no two requests write the same athlete-day.
-- Environment: TOKEN (bearer), ATHLETES (comma-separated ids), THREAD_COUNT (as wrk -t), START_DAY (optional).
local token = os.getenv("TOKEN")
local athletes = {}
for id in string.gmatch(os.getenv("ATHLETES") or "", "[^,]+") do athletes[#athletes + 1] = id end
local threads = tonumber(os.getenv("THREAD_COUNT") or "1")
local next_thread = 0

function setup(thread)
  thread:set("thread_index", next_thread)
  next_thread = next_thread + 1
end

local counter = 0
-- START_DAY (default 0) shifts every date, so a second run (after a warm-up) writes new athlete-days.
local base = os.time({ year = 1990, month = 1, day = 1, hour = 12 }) + tonumber(os.getenv("START_DAY") or "0") * 86400

function request()
  counter = counter + 1
  local n = counter * threads + thread_index
  local athlete = athletes[(n % #athletes) + 1]
  -- each athlete gets a new day per request: n // #athletes days after the base date
  local day = math.floor(n / #athletes)
  local date = os.date("!%Y-%m-%d", base + day * 86400)
  local l = 180 + (n % 40)
  local body = string.format(
    '{"date":"%s","tests":[' ..
    '{"test":"hip-extension","unit":"N","left":[%d,%d,%d],"right":[%d,%d,%d]},' ..
    '{"test":"hip-abduction","unit":"N","left":[%d,%d,%d],"right":[%d,%d,%d]},' ..
    '{"test":"back-extension-endurance","seconds":%d}]}',
    date, l, l + 5, l + 10, l - 20, l - 15, l - 10, l - 40, l - 35, l - 30, l - 45, l - 42, l - 38, 90 + (n % 60))
  return wrk.format("POST", "/api/athletes/" .. athlete .. "/screenings",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end

function done(summary, latency, requests)
  local s = summary
  io.write(string.format("RESULT requests=%d duration_s=%.2f rps=%.0f p50_ms=%.2f p99_ms=%.2f errors_status=%d errors_socket=%d\n",
    s.requests, s.duration / 1e6, s.requests / (s.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    s.errors.status, s.errors.connect + s.errors.read + s.errors.write + s.errors.timeout))
end
