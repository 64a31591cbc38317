-- wrk script: cycles through the search URLs listed in the file named by the SEARCH_PATHS
-- environment variable, and prints p50 / p95 / p99 latency (ms) and requests/s at the end.
local paths = {}
local i = 0

init = function(args)
  for line in io.lines(os.getenv("SEARCH_PATHS")) do
    if #line > 0 then paths[#paths + 1] = line end
  end
end

request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

done = function(summary, latency, requests)
  io.write(string.format("p50_ms %.2f\np95_ms %.2f\np99_ms %.2f\nrps %.1f\nrequests %d\nerrors %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
