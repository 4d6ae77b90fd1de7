-- GET one page as one logged-in user: BENCH_SESSIONS names the sessions file, BENCH_SESSION the
-- line (1-based), BENCH_PATH the page. Responses other than 200 are counted as failures (a global,
-- because done() reads it with thread:get).
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")

local threads = {}
failures = 0

function setup(thread)
   threads[#threads + 1] = thread
end

function init(args)
   local session = common.sessions(os.getenv("BENCH_SESSIONS"))[tonumber(os.getenv("BENCH_SESSION"))]
   wrk.method = "GET"
   wrk.path = os.getenv("BENCH_PATH")
   wrk.headers["Cookie"] = session.cookie
   if os.getenv("BENCH_HTMX") then wrk.headers["HX-Request"] = "true" end
end

function response(status, headers, body)
   if status ~= 200 then
      failures = failures + 1
   end
end

function done(summary, latency, requests)
   local total = 0
   for _, thread in ipairs(threads) do
      total = total + thread:get("failures")
   end
   common.report(summary, latency, { { "failures", total } })
end
