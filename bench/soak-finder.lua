-- wrk script of bench/soak.sh, the workers' side: nearby searches at random points of the demo
-- city (Hangzhou's main districts, WGS-84) with varying filters, the map's in-box clusters and
-- the public place search, in about the ratio a phone's finder sends them (a search, a map pan,
-- now and then a typed place). Throttled like bench/throttle.lua: each connection waits
-- WRK_DELAY_MS between requests.
dofile("bench/soak-tally.lua")
local delay_ms = tonumber(os.getenv("WRK_DELAY_MS") or "40")
local filters = { "", "&openNow=true", "&amenities=TOILET", "&amenities=DRINKING_WATER,PHONE_CHARGING", "&openNow=true&amenities=MICROWAVE" }
local places = { "%E8%A5%BF%E6%B9%96", "%E6%BB%A8%E6%B1%9F", "%E6%8B%B1%E5%A2%85", "%E4%B8%8A%E5%9F%8E" }

function init(args)
  math.randomseed(os.time() + math.random(100000))
end

function delay()
  return delay_ms
end

function request()
  local lat = 30.15 + math.random() * 0.2
  local lon = 120.05 + math.random() * 0.25
  local pick = math.random(100)
  local path
  if pick <= 70 then
    path = string.format("/api/v1/stations/nearby?lat=%.5f&lon=%.5f&radius=3000&limit=20%s", lat, lon,
      filters[math.random(#filters)])
  elseif pick <= 95 then
    path = string.format("/api/v1/stations/in-box?south=%.4f&west=%.4f&north=%.4f&east=%.4f&zoom=%d",
      lat - 0.03, lon - 0.05, lat + 0.03, lon + 0.05, math.random(11, 16))
  else
    path = "/api/v1/places?q=" .. places[math.random(#places)]
  end
  return wrk.format("GET", path)
end
