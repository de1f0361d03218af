-- POST one batch of 1,000 readings per request to /v1/subjects/<id>/events.
-- Readings carry ever later times, as a device's do: every batch continues where the last one stopped
-- (the run script uses one wrk thread, so the batch counter is shared by its connections).
-- Usage: wrk -s events.lua URL/v1/subjects/<id>/events  (with KEY in the environment)
local key = os.getenv("KEY")
local batch = 0

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. key

function request()
  batch = batch + 1
  local base = os.time({year = 2024, month = 11, day = 21, hour = 0}) + batch * 1000
  local readings = {}
  for i = 1, 1000 do
    readings[i] = string.format(
      '{"category":"user.behavior.consumption","at":"%s","value":"alarm-unit check ok; battery %d%%","device":"SAFE-4100"}',
      os.date("!%Y-%m-%dT%H:%M:%SZ", base + i), 100 - (i % 50))
  end
  return wrk.format(nil, nil, nil, '{"purpose":"essential.service","readings":[' .. table.concat(readings, ",") .. ']}')
end

function done(summary, latency, requests)
  io.write(string.format("events: %d batches, %.0f readings/s, p50 %.1f ms, p99 %.1f ms\n",
    summary.requests, summary.requests * 1000 / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
