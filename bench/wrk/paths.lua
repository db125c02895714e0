-- Cycles through a list of request targets (one per line, e.g. presigned URLs), so that every
-- request is a different object and the client does no signing work at run time.
-- usage: wrk -s paths.lua URL -- LISTFILE [METHOD] [BODY_BYTES]
local paths = {}
local idx = 1
local method = "GET"
local body = nil
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end

function init(args)
  local f = assert(io.open(args[1], "r"))
  for line in f:lines() do
    if #line > 0 then paths[#paths + 1] = line end
  end
  f:close()
  method = args[2] or "GET"
  local size = tonumber(args[3] or "0")
  if size > 0 then body = string.rep("b", size) end
  -- threads start at different places of the list
  idx = (((tid or 1) - 1) * 7919) % #paths + 1
end

function request()
  local p = paths[idx]
  idx = idx % #paths + 1
  return wrk.format(method, p, nil, body)
end

dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")
