-- Logs follow-up outcomes as agents in next-lead mode do (htmx form post with the session's CSRF
-- token). Run with as many threads as connections: thread i is agent i of BENCH_SESSIONS and works
-- through that agent's leads in BENCH_PLAN (lines "session lead version"), round and round,
-- sending the version it expects after its own previous outcome.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")

local threads = {}
local counter = 0
local session, leads, position, current
failures, conflicts = 0, 0

function setup(thread)
   counter = counter + 1
   thread:set("index", counter)
   threads[#threads + 1] = thread
end

function init(args)
   session = common.sessions(os.getenv("BENCH_SESSIONS"))[index]
   leads = {}
   for _, line in ipairs(common.read_lines(os.getenv("BENCH_PLAN"))) do
      local owner, lead, version = line:match("^(%d+)%s+(%d+)%s+(%d+)$")
      if tonumber(owner) == index then
         leads[#leads + 1] = { id = lead, version = tonumber(version) }
      end
   end
   assert(#leads > 0, "no leads planned for session " .. index)
   position = 0
end

function request()
   position = position % #leads + 1
   current = leads[position]
   local body = "outcome=FOLLOW_UP&next=true&version=" .. current.version .. "&_csrf=" .. session.csrf
   return wrk.format("POST", "/leads/" .. current.id .. "/outcome", {
      ["Cookie"] = session.cookie,
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["HX-Request"] = "true",
   }, body)
end

function response(status, headers, body)
   if status == 200 then
      current.version = current.version + 1
   elseif status == 409 then
      conflicts = conflicts + 1
   else
      failures = failures + 1
   end
end

function done(summary, latency, requests)
   local total_failures, total_conflicts = 0, 0
   for _, thread in ipairs(threads) do
      total_failures = total_failures + thread:get("failures")
      total_conflicts = total_conflicts + thread:get("conflicts")
   end
   common.report(summary, latency, { { "failures", total_failures }, { "conflicts", total_conflicts } })
end
