-- Next-lead mode of agents whose own CUP is empty, so every "next lead" is claimed from their team
-- pool. Run with as many threads as connections: thread i is agent i of BENCH_SESSIONS and loops
-- GET /cup/next (a claim redirects to /leads/ID), GET the lead card (for its version), POST a
-- follow-up outcome (which moves the lead out of today's CUP).
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")

local threads = {}
local counter = 0
local session
local state, lead, version = "next", nil, nil
pulls, empty, failures = 0, 0, 0

function setup(thread)
   counter = counter + 1
   thread:set("index", counter)
   threads[#threads + 1] = thread
end

function init(args)
   session = common.sessions(os.getenv("BENCH_SESSIONS"))[index]
end

function request()
   local headers = { ["Cookie"] = session.cookie }
   if state == "card" then
      return wrk.format("GET", "/leads/" .. lead .. "?next=true", headers)
   elseif state == "outcome" then
      headers["Content-Type"] = "application/x-www-form-urlencoded"
      headers["HX-Request"] = "true"
      return wrk.format("POST", "/leads/" .. lead .. "/outcome", headers,
         "outcome=FOLLOW_UP&next=true&version=" .. version .. "&_csrf=" .. session.csrf)
   end
   return wrk.format("GET", "/cup/next", headers)
end

function response(status, headers, body)
   if state == "next" then
      local claimed = status == 302 and headers["Location"] and headers["Location"]:match("/leads/(%d+)")
      if claimed then
         pulls = pulls + 1
         lead, state = claimed, "card"
      elseif status == 302 then
         empty = empty + 1
      else
         failures = failures + 1
      end
   elseif state == "card" then
      version = status == 200 and body:match('name="version" value="(%d+)"')
      if version then
         state = "outcome"
      else
         failures = failures + 1
         state = "next"
      end
   else
      if status ~= 200 then
         failures = failures + 1
      end
      state = "next"
   end
end

function done(summary, latency, requests)
   local total_pulls, total_empty, total_failures = 0, 0, 0
   for _, thread in ipairs(threads) do
      total_pulls = total_pulls + thread:get("pulls")
      total_empty = total_empty + thread:get("empty")
      total_failures = total_failures + thread:get("failures")
   end
   common.report(summary, latency, { { "pulls", total_pulls }, { "pulls_per_second",
      string.format("%.2f", total_pulls / (summary.duration / 1e6)) }, { "empty", total_empty },
      { "failures", total_failures } })
end
