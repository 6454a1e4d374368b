-- wrk script of scripts/bench.sh: send prepared requests in turn.
--
--   LIQA_BENCH_BODIES=FILE wrk -t1 -c64 -d5s --timeout 30s -s bench/post.lua \
--       http://127.0.0.1:PORT
--
-- FILE, written by bench/bench.py from the dev articles at run time, is a
-- series of records, each three lines and a body:
--   PATH (with its query string)\n CONTENT-TYPE\n LENGTH\n BODY (LENGTH bytes)
-- so JSON bodies ({"id", "text", "published"}) and text/plain bodies (the
-- published date in the query) go the same way. Each thread formats every
-- request once in init() and sends them round-robin from its own start, so
-- wrk does no per-request work in Lua (and there is no response() callback).
-- done() prints one machine-readable line:
--   LIQA_BENCH requests=N duration_s=S rps=R p50_ms=.. p90_ms=.. p99_ms=..
--     max_ms=.. non2xx=N connect=N read=N write=N timeout=N bytes_in=N

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
  while true do
    local target = f:read("*l")
    if target == nil or target == "" then break end
    local ctype = assert(f:read("*l"), "truncated record")
    local len = assert(tonumber(f:read("*l")), "bad length")
    local body = f:read(len) or ""
    assert(#body == len, "truncated body")
    nreq = nreq + 1
    requests[nreq] = wrk.format("POST", target, {["Content-Type"] = ctype}, body)
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
