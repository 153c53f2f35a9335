// The setting view (lmp/generators/setting_view.py): the reader chooses Barnehage, Skole, SFO or
// Alle once; the choice lives only in the address (?for=barnehage), never in storage. The inline
// script in the page head (overrides/main.html) has already set <html data-view> from the address,
// so the CSS (setting-view.css) hides the other settings' text before the first paint. Here:
// switching in place (history.replaceState), aria-current on the chosen link, and ?for= carried on
// the site's own links: rewritten on the page, and at the moment of a click on a link made later
// (search results, the reading builder's list).
(function () {
  "use strict"
  var SETTINGS = window.lmpSettings || []   // set by the head script from lmp.model.settings.SETTINGS
  var root = document.documentElement

  function current() {
    var value = new URLSearchParams(location.search).get("for")
    return SETTINGS.indexOf(value) >= 0 ? value : ""
  }

  // A link to a page of this site (same scheme and host; a page, not a file to download).
  function internal(anchor) {
    var href = anchor.getAttribute("href")
    if (!href || href.charAt(0) === "#" || anchor.hasAttribute("download") || anchor.closest(".lmp-view")) return null
    var url
    try { url = new URL(href, location.href) } catch (error) { return null }
    if (url.protocol !== location.protocol || url.host !== location.host) return null
    if (!/(\.html|\/)$/.test(url.pathname)) return null
    return url
  }

  function carry(anchor, view) {
    var url = internal(anchor)
    if (!url) return
    if (view) url.searchParams.set("for", view)
    else url.searchParams.delete("for")
    if (url.href !== anchor.href) anchor.href = url.href
  }

  function apply(view) {
    if (view) root.setAttribute("data-view", view)
    else root.removeAttribute("data-view")
    document.querySelectorAll(".lmp-view a[data-view-choice]").forEach(function (link) {
      var chosen = link.getAttribute("data-view-choice") === view && link.closest("li")
      if (chosen) link.setAttribute("aria-current", "true")
      else link.removeAttribute("aria-current")
      var url = new URL(location.href)
      if (link.getAttribute("data-view-choice")) url.searchParams.set("for", link.getAttribute("data-view-choice"))
      else url.searchParams.delete("for")
      link.href = url.href
    })
    document.querySelectorAll("a[href]").forEach(function (anchor) { carry(anchor, view) })
    // A handout's editions (lmp/print/editions.py): the reader's own first (skole: school and SFO).
    var edition = view === "barnehage" ? "barnehage" : view ? "skole" : ""
    document.querySelectorAll("[data-lmp-editions]").forEach(function (list) {
      var own = edition && list.querySelector(":scope > [data-edition='" + edition + "']")
      if (own && own !== list.firstElementChild) {
        var separator = own.previousSibling
        list.insertBefore(own, list.firstChild)
        if (separator && separator.nodeType === 3) list.insertBefore(separator, own.nextSibling)
      }
    })
  }

  document.addEventListener("click", function (event) {
    var anchor = event.target.closest && event.target.closest("a[href]")
    if (!anchor) return
    if (anchor.hasAttribute("data-view-choice") && anchor.closest(".lmp-view")) {
      event.preventDefault()
      var view = anchor.getAttribute("data-view-choice")
      var url = new URL(location.href)
      if (view) url.searchParams.set("for", view)
      else url.searchParams.delete("for")
      history.replaceState(history.state, "", url.href)
      apply(view)
      return
    }
    carry(anchor, current())
  }, true)
  window.addEventListener("popstate", function () { apply(current()) })
  apply(current())
})()
