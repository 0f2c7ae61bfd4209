-- wrk script for bench/rest.sh. Mode "post" (default): sync POST /jobs, {"model": "model-K"} with K
-- drawn per request from 1..MODELS (seeded per thread, so runs repeat). Mode "get": GET /queue, the
-- framework baseline, through the same per-request Lua path so both runs cost wrk the same.
-- Both count non-2xx answers (wrk itself only reports them as a total, without the codes) and end
-- with one parseable line.
--
--   wrk -t2 -c64 -d15s --latency -s bench/post-job.lua http://127.0.0.1:8080 -- post 100
--   wrk -t2 -c64 -d15s --latency -s bench/post-job.lua http://127.0.0.1:8080 -- get

local threads = {}
local next_id = 1

function setup(thread)
   thread:set("id", next_id)
   next_id = next_id + 1
   table.insert(threads, thread)
end

function init(args)
   mode = args[1] or "post"
   models = tonumber(args[2] or "100")
   non2xx = 0
   codes = ""
   math.randomseed(id)
   bodies = {}
   for m = 1, models do
      bodies[m] = '{"model":"model-' .. m .. '"}'
   end
   post_headers = { ["Content-Type"] = "application/json" }
end

function request()
   if mode == "get" then
      return wrk.format("GET", "/queue")
   end
   return wrk.format("POST", "/jobs", post_headers, bodies[math.random(models)])
end

function response(status, headers, body)
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
      if string.len(codes) < 40 then
         codes = codes .. status .. " "
      end
   end
end

function done(summary, latency, requests)
   local bad = 0
   local seen = ""
   for _, t in ipairs(threads) do
      bad = bad + (t:get("non2xx") or 0)
      seen = seen .. (t:get("codes") or "")
   end
   local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
   io.write(string.format(
      "RESULT mode=%s requests=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d codes=[%s]\n",
      threads[1]:get("mode"), summary.requests, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, bad, errors, seen))
end
