// The home page's «Nå i prosjektet» at the moment of reading (lmp/generators/home_page.py): the
// page holds the programme's calendar as periods, each with the block for it; this picks the period
// of the reader's today and shows its block, dated today. Without JavaScript the block of the build
// date stays, dated the build date.
(function () {
  "use strict"
  var source = document.getElementById("lmp-now-data")
  var block = document.querySelector("article .lmp-now")
  if (!source || !block) return
  var data = JSON.parse(source.textContent)
  var now = new Date()
  function two(n) { return (n < 10 ? "0" : "") + n }
  var today = now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate())
  var period = data.periods.filter(function (p) {
    return (!p.from || p.from <= today) && (!p.until || today < p.until)
  })[0]
  if (!period) return
  block.innerHTML = period.html
  var date = now.getDate() + data.day_suffix + " " + data.months[now.getMonth()] + " " + now.getFullYear()
  var asOf = block.querySelector(".lmp-as-of")
  if (asOf) asOf.textContent = data.as_of.replace("{date}", date)
  block.setAttribute("data-phase", period.phase)
  block.setAttribute("data-semester", period.semester)
  block.setAttribute("data-today", today)
})()
