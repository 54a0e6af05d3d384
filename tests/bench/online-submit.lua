-- online-submit.lua: wrk's script for the public site's benchmark
-- (tests/bench/run, docs/benchmarks.md "Online submissions").
--
-- Each wrk thread first GETs / for the form's CSRF token and the cookie that
-- goes with it, as a browser does, then POSTs submissions with them: each to
-- a station of the city, in turn, with its own title and phone (so that no
-- per-phone limit is met). The stations and the category come from the
-- environment: LIAISON_BENCH_STATIONS (uuids, comma-separated) and
-- LIAISON_BENCH_CATEGORY. At the end it prints, after wrk's own summary:
--   online-posts N, online-posts-ok N, online-posts-bad N, online-gets N,
--   online-p50 MS, online-p99 MS, online-max MS
-- (latencies over every request of the run, the few GETs included).

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

local stations = {}
local category = os.getenv("LIAISON_BENCH_CATEGORY") or ""
local token = nil
local cookie = nil
local sent = 0
posts, posts_ok, posts_bad, gets, wrong = 0, 0, 0, 0, ""

function init(args)
  for uuid in string.gmatch(os.getenv("LIAISON_BENCH_STATIONS") or "", "[^,]+") do
    table.insert(stations, uuid)
  end
end

local function escape(text)
  return (string.gsub(text, "[^%w%-%._~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

function request()
  if token == nil then
    return wrk.format("GET", "/", { ["Accept-Language"] = "zh-CN" })
  end
  sent = sent + 1
  local n = id * 10000000 + sent
  local body = table.concat({
    "station=" .. escape(stations[(n % #stations) + 1]),
    "category=" .. escape(category),
    "title=" .. escape("小区道路积水第" .. n .. "号"),
    "content=" .. escape("每逢下雨小区东门积水，希望疏通排水管道。编号" .. n),
    "name=" .. escape("居民" .. n),
    "phone=" .. escape(string.format("139%08d", n % 100000000)),
    "community=" .. escape("金色家园社区"),
    "consent=1",
    "csrf=" .. escape(token),
    "website=",
  }, "&")
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept-Language"] = "zh-CN",
  }
  if cookie ~= nil then
    headers["Cookie"] = cookie
  end
  return wrk.format("POST", "/", headers, body)
end

-- A thread's first requests are GETs, one on each of its connections, sent
-- before any answer came; their answers may arrive after the token, among
-- the POSTs' answers. So an answer is told by what it holds: a receipt (a
-- submission taken), an error (a submission refused), else the bare form
-- (a GET's).
function response(status, headers, body)
  body = body or ""
  if status >= 200 and status < 300 and string.find(body, 'id="receipt-code"', 1, true) then
    posts = posts + 1
    posts_ok = posts_ok + 1
  elseif status >= 200 and status < 300 and not string.find(body, 'id="error"', 1, true) then
    gets = gets + 1
    if token == nil then
      token = string.match(body, 'name="csrf"[^>]-value="([^"]+)"')
        or string.match(body, 'value="([^"]+)"[^>]-name="csrf"')
      local set = headers["Set-Cookie"] or headers["set-cookie"]
      if set ~= nil then
        cookie = string.match(set, "^([^;]+)")
      end
    end
  else
    posts = posts + 1
    posts_bad = posts_bad + 1
    if wrong == "" then
      local said = string.match(body, '<p id="error"[^>]*>(.-)</p>') or string.sub(body, 1, 300)
      wrong = status .. " " .. string.gsub(said, "%s+", " ")
    end
  end
end

function done(summary, latency, requests)
  local p, ok, bad, g = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    p = p + thread:get("posts")
    ok = ok + thread:get("posts_ok")
    bad = bad + thread:get("posts_bad")
    g = g + thread:get("gets")
    local w = thread:get("wrong")
    if w ~= nil and w ~= "" then
      io.write("online-first-refusal " .. w .. "\n")
    end
  end
  io.write(string.format("online-posts %d\n", p))
  io.write(string.format("online-posts-ok %d\n", ok))
  io.write(string.format("online-posts-bad %d\n", bad))
  io.write(string.format("online-gets %d\n", g))
  io.write(string.format("online-errors-socket %d\n",
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("online-non-2xx %d\n", summary.errors.status))
  io.write(string.format("online-p50 %.1f\n", latency:percentile(50) / 1000))
  io.write(string.format("online-p99 %.1f\n", latency:percentile(99) / 1000))
  io.write(string.format("online-max %.1f\n", latency.max / 1000))
  io.write(string.format("online-seconds %.2f\n", summary.duration / 1000000))
end
