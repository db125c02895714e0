-- One request repeated (wrk builds it once, so a large body costs the client only the send).
-- usage: wrk -s static.lua URL -- METHOD TARGET [BODY_BYTES]
function init(args)
  wrk.method = args[1]
  wrk.path = args[2]
  local size = tonumber(args[3] or "0")
  if size > 0 then wrk.body = string.rep("b", size) end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"bytes":%d,"errors_connect":%d,"errors_read":%d,' ..
    '"errors_write":%d,"errors_status":%d,"errors_timeout":%d,"lat_p50_us":%d,"lat_p90_us":%d,' ..
    '"lat_p99_us":%d,"lat_max_us":%d,"lat_mean_us":%.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
