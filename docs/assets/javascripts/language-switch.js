// The language switcher (overrides/partials/alternate.html) keeps the reader's place: the links to
// the other language get this page's ?query (the reading builder's ?s= selection) and #section.
// Heading ids are the same in both languages (CONTRIBUTING.md), so the anchor exists there too.
// Without JavaScript the links still go to the same page in the other language.
(function () {
  "use strict"
  function update() {
    document.querySelectorAll(".md-select__link[hreflang]").forEach(function (link) {
      var base = link.getAttribute("data-lmp-href")
      if (base === null) {
        base = link.getAttribute("href")
        link.setAttribute("data-lmp-href", base)
      }
      link.setAttribute("href", base.replace(/[?#].*$/, "") + location.search + location.hash)
    })
  }
  update()
  window.addEventListener("hashchange", update)
  window.addEventListener("popstate", update)
  // The reading builder changes ?s= with history.replaceState, which fires no event: catch the
  // moment the reader reaches for the switcher instead (keyboard focus, or the click itself,
  // caught before the browser follows the link).
  document.addEventListener("focusin", update)
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".md-select__link[hreflang]")) update()
  }, true)
})()
