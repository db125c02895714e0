-- One request repeated (wrk builds it once, so a large body costs the client only the send).
-- usage: wrk -s static.lua URL -- METHOD TARGET [BODY_BYTES]
function init(args)
  wrk.method = args[1]
  wrk.path = args[2]
  local size = tonumber(args[3] or "0")
  if size > 0 then wrk.body = string.rep("b", size) end
end

dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")
