-- wrk script: POST real articles to /v1/extract, one after another.
--
--   LIQA_ARTICLES=DIR wrk -t2 -c64 -d20s --timeout 30s -s bench/stress/extract.lua \
--       http://127.0.0.1:PORT/v1/extract
--
-- DIR holds one UTF-8 article per *.txt file (scripts/stress.sh passes
-- ../shared/dev/articles, read at run time). Without it, a few sentences
-- written for this script are used. Each thread starts at a different
-- article. done() prints one machine-readable line:
--   LIQA_WRK requests=N non2xx=N connect=N read=N write=N timeout=N ...

local articles = {}

local function json_string(s)
  s = s:gsub('[%c"\\]', function(c)
    if c == '"' then return '\\"' end
    if c == '\\' then return '\\\\' end
    if c == '\n' then return '\\n' end
    if c == '\r' then return '\\r' end
    if c == '\t' then return '\\t' end
    return string.format('\\u%04x', c:byte())
  end)
  return '"' .. s .. '"'
end

local function load_articles()
  local dir = os.getenv("LIQA_ARTICLES")
  if dir and dir ~= "" then
    local p = io.popen('ls "' .. dir .. '"')
    for name in p:lines() do
      if name:match("%.txt$") then
        local f = io.open(dir .. "/" .. name, "rb")
        if f then
          local t = f:read("*a")
          f:close()
          if #t > 0 then articles[#articles + 1] = t end
        end
      end
    end
    p:close()
  end
  if #articles == 0 then
    articles[1] = "بغداد - التقى وزير الخارجية العراقي سامي الحديثي يوم الخميس الماضي " ..
      "في بغداد بنظيره الأردني خالد الروسان، وبحث الجانبان العلاقات الثنائية.\n"
    articles[2] = "القاهرة - استقبل رئيس الوزراء المصري صباح اليوم وزير الخارجية " ..
      "الياباني كينجي موراتا، وقال المتحدث باسم الحكومة إن اللقاء تناول التطورات.\n"
  end
end

local bodies = {}
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads)
  threads[#threads + 1] = thread
end

function init(args)
  load_articles()
  for i, t in ipairs(articles) do
    bodies[i] = '{"text": ' .. json_string(t) .. ', "published": "2018-01-30", "id": "wrk-' ..
      i .. '"}'
  end
  counter = (thread_id or 0) * 7
  codes = {}
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local body = bodies[(counter % #bodies) + 1]
  return wrk.format("POST", "/v1/extract", {["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  codes[status] = (codes[status] or 0) + 1
end

function done(summary, latency, requests)
  local statuses = {}
  for _, t in ipairs(threads) do
    local c = t:get("codes")
    if c then
      for k, v in pairs(c) do statuses[k] = (statuses[k] or 0) + v end
    end
  end
  local list = {}
  for k, v in pairs(statuses) do list[#list + 1] = k .. ":" .. v end
  table.sort(list)
  local e = summary.errors
  io.write(string.format(
    "LIQA_WRK requests=%d non2xx=%d connect=%d read=%d write=%d timeout=%d " ..
    "duration_s=%.2f rps=%.1f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f statuses=%s\n",
    summary.requests, e.status, e.connect, e.read, e.write, e.timeout,
    summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    table.concat(list, ",")))
end
