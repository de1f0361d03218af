-- Prints one summary line (requests/s, p50, p99) after a GET run; the label comes from LABEL.
local key = os.getenv("KEY")
if key and key ~= "" then wrk.headers["Authorization"] = "Bearer " .. key end

function done(summary, latency, requests)
  io.write(string.format("%s: %.0f requests/s, p50 %.2f ms, p99 %.2f ms, non-2xx %d, errors %d\n",
    os.getenv("LABEL") or "run", summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end

local shown = 0
function response(status, headers, body)
  if status >= 300 and shown < 1 then
    shown = shown + 1
    io.stderr:write(string.format("first non-2xx answer: %d %s\n", status, body))
  end
end
