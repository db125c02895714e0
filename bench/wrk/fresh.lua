-- Sends one request per line of a file of request targets (e.g. presigned PUT URLs of distinct keys),
-- reading the file as it goes, so that a list of hundreds of thousands of targets costs no load time.
-- Starts at line START (the lines are all the same length, so that is a seek), wraps at the end.
-- With one wrk thread (bench.py runs -t1) every request of a run writes a different key, and a run that
-- starts where the last one stopped writes keys no earlier run wrote.
-- usage: wrk -t1 -s fresh.lua URL -- LISTFILE METHOD BODY_BYTES START
local file, width, method, body

function init(args)
  file = assert(io.open(args[1], "r"))
  width = #file:read("*l") + 1
  method = args[2]
  local size = tonumber(args[3] or "0")
  if size > 0 then body = string.rep("b", size) end
  local lines = file:seek("end") / width
  file:seek("set", (tonumber(args[4] or "0") % lines) * width)
end

function request()
  local target = file:read("*l")
  if not target then
    file:seek("set", 0)
    target = file:read("*l")
  end
  return wrk.format(method, target, nil, body)
end

dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")
