-- wrk script of bench/soak.sh, the union's clerks: the console's lists and figures pages in one
-- signed-in session (the cookie comes with -H), throttled: each connection waits WRK_DELAY_MS
-- between pages. A page that sends the clerk to the login page (302) counts as an error in
-- wrk's "Non-2xx" line.
dofile("bench/soak-tally.lua")
local delay_ms = tonumber(os.getenv("WRK_DELAY_MS") or "1000")
local pages = { "/console/stations", "/console/stations?status=LISTED&page=3", "/console/tickets",
  "/console/figures", "/console/silent-stations", "/console/applications", "/console/inspections",
  "/console/visits", "/console/coverage", "/console/audit", "/console/notifications" }

function delay()
  return delay_ms
end

function request()
  return wrk.format("GET", pages[math.random(#pages)])
end
