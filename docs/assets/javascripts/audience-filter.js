// The audience filter on tools/by-audience (lmp/generators/audience_index.py writes the form and the lists).
// The reader chooses a setting and a role; only the sections that concern them stay visible (a page
// with none of them left is hidden), with a count of sections per theme and in all. The choice lives
// only in the URL (?for=…&role=…, the same ?for= as the setting view on every page): shareable,
// never stored. Without JavaScript the form stays hidden and every list is shown.
(function () {
  "use strict"
  var form = document.getElementById("lmp-audience")   // a group of controls, not a <form>
  if (!form) return
  var fields = { for: document.getElementById("lmp-audience-for"), role: document.getElementById("lmp-audience-role") }
  var count = form.querySelector(".lmp-audience-count")

  function allowed(select, value) {
    return Array.prototype.some.call(select.options, function (option) { return option.value === value })
  }

  function readUrl() {
    var params = new URLSearchParams(location.search)
    Object.keys(fields).forEach(function (name) {
      var value = params.get(name) || ""
      fields[name].value = allowed(fields[name], value) ? value : ""
    })
  }

  function writeUrl() {
    var params = new URLSearchParams(location.search)
    Object.keys(fields).forEach(function (name) {
      if (fields[name].value) params.set(name, fields[name].value)
      else params.delete(name)
    })
    var query = params.toString()
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash)
  }

  // A section that names no setting (or a page that names no role) concerns every setting (or role).
  function fits(item, key, value) {
    var named = (item.getAttribute("data-" + key) || "").split(" ").filter(Boolean)
    return !value || !named.length || named.indexOf(value) >= 0
  }

  function apply() {
    var total = 0
    document.querySelectorAll(".lmp-audience-list").forEach(function (list) {
      var shown = 0
      list.querySelectorAll("li[data-settings]").forEach(function (item) {
        var show = fits(item, "settings", fields["for"].value) && fits(item, "roles", fields.role.value)
        item.hidden = !show
        if (show) shown += 1
      })
      list.querySelectorAll(".lmp-audience-page").forEach(function (item) {
        item.hidden = !item.querySelector("li[data-settings]:not([hidden])")
      })
      total += shown
      var heading = list.parentElement.previousElementSibling
      while (heading && !/^H[23]$/.test(heading.tagName)) heading = heading.previousElementSibling
      var badge = heading && heading.querySelector(".lmp-group-count")
      if (badge) badge.textContent = "(" + shown + ")"
      var none = list.parentElement.nextElementSibling
      if (none && none.classList.contains("lmp-audience-none")) none.hidden = shown > 0
    })
    var chosen = fields["for"].value || fields.role.value
    count.textContent = count.getAttribute(chosen ? "data-count" : "data-count-all").replace("{count}", total)
    count.setAttribute("data-total", String(total))
  }

  readUrl()
  form.hidden = false
  form.addEventListener("change", function () { writeUrl(); apply() })
  window.addEventListener("popstate", function () { readUrl(); apply() })
  apply()
})()
