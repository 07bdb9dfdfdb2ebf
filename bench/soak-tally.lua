-- Shared by the soak's wrk scripts: counts the answers that were not 2xx by kind, per thread,
-- and prints the totals at the end, so that a failed soak says what went wrong.
local threads = {}
redirected = 0
bad_request = 0
not_found = 0
too_many = 0
server_error = 0
other = 0

function setup(thread)
  table.insert(threads, thread)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then return end
  if status >= 300 and status < 400 then redirected = redirected + 1
  elseif status == 400 then bad_request = bad_request + 1
  elseif status == 404 then not_found = not_found + 1
  elseif status == 429 then too_many = too_many + 1
  elseif status >= 500 then server_error = server_error + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local names = { "redirected", "bad_request", "not_found", "too_many", "server_error", "other" }
  local parts = {}
  for _, name in ipairs(names) do
    local total = 0
    for _, thread in ipairs(threads) do total = total + thread:get(name) end
    if total > 0 then parts[#parts + 1] = name .. " " .. total end
  end
  io.write("not 2xx: " .. (#parts > 0 and table.concat(parts, ", ") or "none") .. "\n")
end
