-- Helpers shared by the wrk scripts: reading the sessions file that bench/run writes (one line per
-- logged-in user: user name, session cookie, CSRF token) and printing one result line.
local common = {}

function common.read_lines(path)
   local lines = {}
   local file = assert(io.open(path, "r"), "cannot open " .. path)
   for line in file:lines() do
      if line ~= "" then
         lines[#lines + 1] = line
      end
   end
   file:close()
   return lines
end

function common.sessions(path)
   local sessions = {}
   for _, line in ipairs(common.read_lines(path)) do
      local user, cookie, csrf = line:match("^(%S+)%s+(%S+)%s+(%S+)$")
      sessions[#sessions + 1] = { user = user, cookie = cookie, csrf = csrf }
   end
   return sessions
end

-- Prints the figures of a run as key=value pairs on one line that bench/run parses. Latencies are
-- in milliseconds.
function common.report(summary, latency, extra)
   local seconds = summary.duration / 1e6
   local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
   io.write(string.format("result requests=%d seconds=%.2f rps=%.2f p50=%.2f p95=%.2f p99=%.2f max=%.2f socket_errors=%d",
      summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, errors))
   for _, pair in ipairs(extra or {}) do
      io.write(string.format(" %s=%s", pair[1], tostring(pair[2])))
   end
   io.write("\n")
end

return common
