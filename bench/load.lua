-- wrk script of `yarn bench load`: one wrk process per endpoint, all three
-- at once, so the load is mixed and each endpoint keeps its own latency
-- figures. Settings come from the environment (the token stays off the
-- command line):
--   MAESTRO_LOAD_ENDPOINT  list | record | report
--   MAESTRO_LOAD_TOKEN     the signed-in user's token
--   MAESTRO_LOAD_NAMES     file of server names the user may read (record)
--   MAESTRO_LOAD_REPORT    id of the saved report (report)
--   MAESTRO_LOAD_OUT       where done() writes its figures as JSON

local endpoint = os.getenv("MAESTRO_LOAD_ENDPOINT")
local headers = {
  ["Authorization"] = "Bearer " .. (os.getenv("MAESTRO_LOAD_TOKEN") or ""),
  ["Accept"] = "application/json",
}
local names = {}
local environments = { "Production", "Staging", "Development" }
local listSorts = { "spec.hostname", "metadata.title", "spec.cpu" }

local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

function init(args)
  math.randomseed(os.time())
  non2xx = 0
  if endpoint == "record" then
    for line in io.lines(os.getenv("MAESTRO_LOAD_NAMES")) do
      names[#names + 1] = line
    end
  end
end

-- Each request takes another page, filter, sort or record, as users do.
function request()
  local path
  if endpoint == "list" then
    path = string.format(
      "/api/maestro/entities/servers?filter.spec.environment=%s&sort=%s&order=%s&offset=%d&limit=20",
      environments[math.random(#environments)],
      listSorts[math.random(#listSorts)],
      math.random(2) == 1 and "asc" or "desc",
      20 * math.random(0, 24)
    )
  elseif endpoint == "record" then
    path = "/api/maestro/entities/servers/default/" .. names[math.random(#names)]
  elseif endpoint == "report" then
    path = string.format(
      "/api/maestro/reports/%s/rows?limit=50&sort=metadata.title&order=%s&offset=%d",
      os.getenv("MAESTRO_LOAD_REPORT"),
      math.random(2) == 1 and "asc" or "desc",
      50 * math.random(0, 19)
    )
  else
    error("MAESTRO_LOAD_ENDPOINT must be list, record or report")
  end
  return wrk.format("GET", path, headers)
end

-- wrk itself counts only statuses >= 400; any answer but 2xx is an error here.
function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

-- Latency quantiles (microseconds), dense in the tail, so that the three
-- endpoints' distributions can be merged into one for the whole run.
local function quantiles(latency)
  local list = {}
  local p = 0.1
  while p < 99.995 do
    list[#list + 1] = string.format("[%.2f,%d]", p, latency:percentile(p))
    if p < 89.95 then p = p + 0.1 else p = p + 0.01 end
  end
  -- percentile(100) reads past the histogram in wrk 4.1: the max instead.
  list[#list + 1] = string.format("[100,%d]", latency.max)
  return "[" .. table.concat(list, ",") .. "]"
end

function done(summary, latency, requests)
  local e = summary.errors
  local non2xx = 0
  for _, thread in ipairs(threads) do
    non2xx = non2xx + thread:get("non2xx")
  end
  local out = assert(io.open(os.getenv("MAESTRO_LOAD_OUT"), "w"))
  out:write(string.format(
    '{"endpoint":"%s","requests":%d,"durationUs":%d,"bytes":%d,' ..
      '"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d,"non2xx":%d},' ..
      '"latencyUs":{"min":%d,"max":%d,"mean":%.1f,"quantiles":%s}}',
    endpoint, summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.timeout, non2xx,
    latency.min, latency.max, latency.mean, quantiles(latency)
  ))
  out:close()
end
