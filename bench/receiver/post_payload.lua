-- wrk script: POSTs one payload file as application/json, each request with a new root
-- interview_id, so that a receiver that deduplicates stores every one.
--
--   wrk -t1 -c32 -d10s --latency -s post_payload.lua URL -- FILE TAG [MAX_REQUESTS]
--
-- TAG makes the ids of one run differ from another's. MAX_REQUESTS (0 = none) stops each
-- thread after that many responses, so the store of a large-payload run stays bounded.
-- done() prints one line that run.sh reads:
--   RESULT requests=N seconds=S rps=R p50_ms=A p99_ms=B non2xx=C socket_errors=D

local ffi = require("ffi")
ffi.cdef [[
  struct timespec { long tv_sec; long tv_nsec; };
  int clock_gettime(int clock_id, struct timespec *tp);
]]
local timespec = ffi.new("struct timespec")
local function now()  -- CLOCK_MONOTONIC, in seconds
  ffi.C.clock_gettime(1, timespec)
  return tonumber(timespec.tv_sec) + tonumber(timespec.tv_nsec) / 1e9
end

local prefix, suffix, tag
local max_requests = 0
local counter, responses = 0, 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(args[1], "rb"), "cannot open " .. tostring(args[1]))
  local body = file:read("*a")
  file:close()
  tag = args[2] or "W"
  max_requests = tonumber(args[3] or "0")
  -- In every payload here (the docs' examples, `heymilo generate`) the root's interview_id
  -- is its first key, so its first occurrence is the root's: nothing opens before it.
  local first, last = body:find('"interview_id"%s*:%s*"[^"]*"')
  assert(first and not body:sub(2, first - 1):find("[{%[]"), "the root interview_id must come first")
  local value = body:find('"', body:find(":", first + 14, true), true)
  prefix, suffix = body:sub(1, value), body:sub(last)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  if counter == 0 then
    first_request = now()  -- a global, so that done() can read it with thread:get()
  end
  counter = counter + 1
  local interview_id = string.format("%s%02d%012d", tag, id, counter)
  return wrk.format(nil, nil, nil, prefix .. interview_id .. suffix)
end

function response(status)
  responses = responses + 1
  last_response = now()
  if max_requests > 0 and responses >= max_requests then
    wrk.thread:stop()
  end
end

-- Requests per second over the time the threads were sending: wrk's own duration is the -d
-- given, also when MAX_REQUESTS stopped every thread earlier.
function done(summary, latency)
  local started, finished = math.huge, 0
  for _, thread in ipairs(threads) do
    started = math.min(started, thread:get("first_request") or math.huge)
    finished = math.max(finished, thread:get("last_response") or 0)
  end
  local seconds = math.max(finished - started, 1e-9)
  local errors = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f non2xx=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
