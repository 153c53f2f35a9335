// Onboarding (tools/onboarding): each path has a button that prints that path alone. The other
// paths and the page's introduction are left off the paper; the print header (site name, page
// title) gets today's date. Ctrl+P still prints the whole page. Without JavaScript the buttons
// stay hidden.
(function () {
  "use strict"
  var article = document.querySelector("article.md-content__inner")
  if (!article) return
  var date = document.querySelector(".lmp-print-date")

  function today() {
    var lang = document.documentElement.lang === "nb" ? "nb-NO" : document.documentElement.lang
    return new Date().toLocaleDateString(lang, { day: "numeric", month: "long", year: "numeric" })
  }

  function printOnly(id) {
    var keep = false
    Array.prototype.forEach.call(article.children, function (node) {
      if (node.tagName === "H2") keep = node.id === id
      var always = node.tagName === "H1" || node.classList.contains("lmp-print-header")
      if (!keep && !always) node.classList.add("lmp-print-hidden")
    })
    window.print()
  }

  window.addEventListener("beforeprint", function () {
    if (date) date.textContent = date.getAttribute("data-template").replace("{date}", today())
  })
  window.addEventListener("afterprint", function () {
    article.querySelectorAll(".lmp-print-hidden").forEach(function (node) {
      node.classList.remove("lmp-print-hidden")
    })
  })
  article.querySelectorAll("[data-lmp-print]").forEach(function (button) {
    button.parentNode.hidden = false
    button.addEventListener("click", function () { printOnly(button.getAttribute("data-lmp-print")) })
  })
})()
