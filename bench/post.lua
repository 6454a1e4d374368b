-- wrk script of scripts/bench.sh: POST prepared JSON bodies in turn.
--
--   LIQA_BENCH_BODIES=FILE wrk -t1 -c64 -d5s --timeout 30s -s bench/post.lua \
--       http://127.0.0.1:PORT/v1/extract
--
-- FILE holds one request body a line ({"id", "text", "published"}; compact
-- JSON has no raw newline), written by scripts/bench.sh from the dev
-- articles at run time. Every thread formats all requests once in init()
-- and then sends them round-robin, each thread from a different start, so
-- wrk does no per-request work in Lua (no response() callback either).
-- done() prints one machine-readable line:
--   LIQA_BENCH requests=N duration_s=S rps=R p50_ms=.. p90_ms=.. p99_ms=..
--     max_ms=.. non2xx=N connect=N read=N write=N timeout=N bytes_out=N

local requests = {}
local nreq = 0
local next_i = 1
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  threads[#threads + 1] = thread
end

function init(args)
  local path = os.getenv("LIQA_BENCH_BODIES")
  if path == nil or path == "" then
    error("LIQA_BENCH_BODIES is not set")
  end
  local f = assert(io.open(path, "rb"))
  local headers = {["Content-Type"] = "application/json"}
  for line in f:lines() do
    if #line > 0 then
      nreq = nreq + 1
      requests[nreq] = wrk.format("POST", "/v1/extract", headers, line)
    end
  end
  f:close()
  if nreq == 0 then
    error("no request body in " .. path)
  end
  next_i = ((tid or 0) * 17) % nreq + 1
end

function request()
  local r = requests[next_i]
  next_i = next_i % nreq + 1
  return r
end

function done(summary, latency, requests_)
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    "LIQA_BENCH requests=%d duration_s=%.3f rps=%.2f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f " ..
    "max_ms=%.3f non2xx=%d connect=%d read=%d write=%d timeout=%d bytes_in=%d\n",
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect, e.read, e.write, e.timeout, summary.bytes))
end
