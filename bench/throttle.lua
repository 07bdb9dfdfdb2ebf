-- Makes wrk send at a set rate instead of as fast as it can: each connection waits
-- delay_ms between requests, so with C connections the rate is about C * 1000 / delay_ms.
-- wrk's latency figures then describe the server at that load.
local delay_ms = tonumber(os.getenv("WRK_DELAY_MS") or "10")
function delay()
  return delay_ms
end
