-- wrk script of bench/soak.sh, the ratings: bench/rating-ingest.lua's valid ratings (each from a
-- device of its own, to listed stations at random), throttled: each connection waits
-- WRK_DELAY_MS between requests.
dofile("bench/rating-ingest.lua")
local delay_ms = tonumber(os.getenv("WRK_DELAY_MS") or "100")
function delay()
  return delay_ms
end
