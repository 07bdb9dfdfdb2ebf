-- wrk script of bench/check-ins.sh: posts one-tap check-ins to POST /api/v1/check-ins, each from a
-- device of its own (so every acknowledged check-in is counted: 201), at stations drawn at random
-- from the tokens in $BENCH_TOKENS; counts what was sent, counted (201), answered as already
-- counted (200) and refused, per thread, and prints the totals at the end.
local threads = {}
local next_id = 0
local tokens = {}
local counter = 0
sent = 0
counted = 0
already = 0
refused = 0
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
  local body = string.format('{"token":"%s","deviceId":"c%s-%02d-%012d"}', tokens[math.random(#tokens)], run, id,
    counter)
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status == 201 then
    counted = counted + 1
  elseif status == 200 then
    already = already + 1
  else
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local s, c, a, r = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    s = s + thread:get("sent")
    c = c + thread:get("counted")
    a = a + thread:get("already")
    r = r + thread:get("refused")
  end
  io.write(string.format("sent %d\ncounted %d\nalready %d\nrefused %d\n", s, c, a, r))
end
