-- POST one batch of 1,000 readings per request to /v1/subjects/<id>/events.
-- Usage: wrk -s events.lua URL/v1/subjects/<id>/events  (with KEY in the environment)
local key = os.getenv("KEY")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. key

local readings = {}
for i = 1, 1000 do
  local minute = i % 60
  local hour = math.floor(i / 60) % 24
  readings[i] = string.format(
    '{"category":"user.behavior.consumption","at":"2024-11-21T%02d:%02d:00Z","value":"alarm-unit check ok; battery %d%%","device":"SAFE-4100"}',
    hour, minute, 100 - (i % 50))
end
wrk.body = '{"purpose":"essential.service","readings":[' .. table.concat(readings, ",") .. ']}'

function done(summary, latency, requests)
  io.write(string.format("events: %d batches, %.0f readings/s, p50 %.1f ms, p99 %.1f ms\n",
    summary.requests, summary.requests * 1000 / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
