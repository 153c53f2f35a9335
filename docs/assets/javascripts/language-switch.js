// The language switcher (overrides/partials/alternate.html): links to the same page in the other
// languages. When the reader follows one, it gets this page's ?query (the reading builder's ?s=,
// the setting's ?for=) and the section in view: the heading nearest the top of the window. Heading
// ids are the same in every language (CONTRIBUTING.md; lmp/checks/translation_pairs.py), so the
// other page has the same anchor. Without JavaScript the links still go to the same page.
(function () {
  "use strict"
  var LINKS = ".lmp-lang__link[hreflang]"

  // The heading the reader is at: one whose top is in the upper part of the window, else the last
  // one above the window's top (the reader is inside its section); none above the first heading.
  function sectionInView() {
    var header = document.querySelector(".md-header")
    var top = header ? header.getBoundingClientRect().bottom : 0
    var reach = top + window.innerHeight / 3
    var headings = document.querySelectorAll(
      ".md-content article :is(h2, h3, h4, h5, h6)[id]")
    var above = null
    for (var i = 0; i < headings.length; i++) {
      var y = headings[i].getBoundingClientRect().top
      if (y >= top - 2) return y <= reach ? headings[i].id : above
      above = headings[i].id
    }
    return above
  }

  function update() {
    var id = window.scrollY > 0 ? sectionInView() : null
    var hash = id ? "#" + id : (window.scrollY > 0 ? location.hash : "")
    document.querySelectorAll(LINKS).forEach(function (link) {
      var base = link.getAttribute("data-lmp-href")
      if (base === null) {
        base = link.getAttribute("href")
        link.setAttribute("data-lmp-href", base)
      }
      link.setAttribute("href", base.replace(/[?#].*$/, "") + location.search + hash)
    })
  }
  update()
  // Before the browser follows a link (click, Enter, middle click, "open in new tab"), and when the
  // reader points at or tabs to one, so that a status bar shows where it goes.
  ;["click", "auxclick", "contextmenu", "focusin", "pointerover"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (event.target.closest && event.target.closest(LINKS)) update()
    }, true)
  })
})()

// The header's search form has a submit button (overrides/partials/search.html; WCAG technique
// H32): sending the form opens the best result, as Enter in the field does (Material), instead of
// reloading the page with ?query=.
document.addEventListener("submit", function (event) {
  if (!event.target.matches || !event.target.matches(".md-search__form")) return
  event.preventDefault()
  var best = document.querySelector(".md-search-result__list [href]")
  if (best) best.click()
})
