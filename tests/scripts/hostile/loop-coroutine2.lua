local co = coroutine.create(function() local i = 0 while true do i = i + 1 end end)
local ok = coroutine.resume(co)
while true do coroutine.resume(co) end
