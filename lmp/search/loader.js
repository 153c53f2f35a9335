/* The search worker a page starts (site/search/lmp-search.<lang>.js, made by lmp/search/index.py):
 * small, so that a page view does not download the index. Material starts the worker on every page
 * and sends SETUP at once; this answers READY and loads the real worker (lmp-index.<lang>.js: lunr,
 * the language's pages, worker.js) only when the first query comes, i.e. when the reader searches.
 * Then it hands that query, and every later message, to the real worker's own listener.
 * Under file:// it runs in Material's iframe-worker shim, whose importScripts returns a promise. */
(function () {
  "use strict"
  var here = self.document && document.currentScript ? document.currentScript.src : self.location.href
  var INDEX = new URL(self.LMP_INDEX, here).href
  var loaded = false, loading = null, waiting = []

  function load() {
    if (!loading) {
      loading = Promise.resolve(importScripts(INDEX)).then(function () {
        loaded = true
        waiting.forEach(function (data) { self.dispatchEvent(new MessageEvent("message", { data: data })) })
        waiting = []
      })
    }
  }

  addEventListener("message", function (event) {
    if (loaded) return                                  /* the real worker answers */
    var message = event.data
    if (message.type === 0) postMessage({ type: 1 })    /* SETUP → READY; the index is built on the first query */
    else if (message.type === 2 && !/[\p{L}\p{N}]/u.test(String(message.data)))
      postMessage({ type: 3, data: { items: [] } })     /* Material's empty query at start: no words, no results (worker.js) */
    else if (message.type === 2) { waiting.push(message); load() }
  })
})()
