-- wrk script of bench/rating-ingest.sh: posts valid ratings to POST /api/v1/ratings, each from a
-- device of its own (so every acknowledged rating is a new row), to stations drawn at random from
-- the tokens in $BENCH_TOKENS, with 1-5 stars, up to two tags and a fingerprint; counts what was
-- sent, acknowledged (201/200) and refused, per thread, and prints the totals at the end.
local threads = {}
local next_id = 0
local tokens = {}
local counter = 0
sent = 0
acked = 0
refused = 0
local tags = { "CLEAN", "WELL_EQUIPPED", "OPEN_ON_TIME", "FRIENDLY", "NOT_OPEN", "FACILITY_BROKEN",
  "UNHYGIENIC", "OUT_OF_SUPPLIES", "UNATTENDED" }
local run = os.getenv("BENCH_RUN") or "r"

function setup(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    tokens[#tokens + 1] = line
  end
  math.randomseed(id * 7919 + os.time())
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  sent = sent + 1
  local chosen = {}
  for i = 1, math.random(0, 2) do
    chosen[i] = '"' .. tags[math.random(#tags)] .. '"'
  end
  local device = string.format("%s-%02d-%012d", run, id, counter)
  local body = string.format(
    '{"token":"%s","stars":%d,"tags":[%s],"deviceId":"%s","fingerprint":"fp%s%02d%010d"}',
    tokens[math.random(#tokens)], math.random(5), table.concat(chosen, ","), device, run, id, counter)
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status == 201 or status == 200 then
    acked = acked + 1
  else
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local s, a, r = 0, 0, 0
  for _, thread in ipairs(threads) do
    s = s + thread:get("sent")
    a = a + thread:get("acked")
    r = r + thread:get("refused")
  end
  io.write(string.format("sent %d\nacknowledged %d\nrefused %d\n", s, a, r))
end
