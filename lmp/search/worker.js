/* Site search worker: one language, Norwegian-aware. Built into site/search/lmp-search.<lang>.js by
 * lmp/search/index.py, after lunr (docs/assets/vendor/lunr), Material's lunr-languages stemmer
 * (nb only) and `self.LMP_SEARCH = {lang, docs, synonyms}` (that language's pages and sections).
 *
 * It is loaded by loader.js (site/search/lmp-search.<lang>.js, the worker the page starts) when
 * the reader first searches. It speaks Material's search-worker protocol (SETUP 0 → READY 1, QUERY 2 → RESULT 3), so Material's
 * own search box, result list, keyboard handling and highlighting stay as they are. It runs as a
 * Web Worker over HTTP and inside Material's iframe-worker shim under file:// (the offline zip).
 *
 * Query pipeline, per query word (a "slot"): the word itself; every indexed word with the same stem
 * (Snowball: krenkelsene → krenkelse, krenkelser); words that start with it (typing; from three
 * letters); words that contain it or its stem as a later compound part (plikt → aktivitetsplikten); the words of its
 * synonym groups (includes/search-synonyms.<lang>.yml); and, only when nothing else matched, indexed
 * words one or two edits away (typos). A page must match every slot (stop words aside) to rank
 * first; pages that miss a word follow, with the missing word struck through by Material.
 */
(function () {
  "use strict"

  var data = self.LMP_SEARCH
  var norwegian = data.lang !== "en"
  var WORD = /[\p{L}\p{N}]+/gu
  var stemmer = norwegian ? lunr.no.stemmer : lunr.stemmer
  var stopWord = norwegian ? lunr.no.stopWordFilter : lunr.stopWordFilter

  var WEIGHT = { exact: 1, stem: 0.9, synonym: 0.8, prefix: 0.6, compound: 0.5, typo: 0.4, phrase: 0.3 }
  var MAX_TERMS = 40                          /* per slot and kind, so "a" stays fast */

  var index, docs = {}, vocabulary = [], byKey = {}, synonyms = []

  function words(text) {
    return String(text).normalize("NFC").toLowerCase().match(WORD) || []
  }

  function decode(html) {
    return html.replace(/<[^>]*>/g, " ")
      .replace(/&nbsp;/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">")
      .replace(/&quot;/g, "\"").replace(/&#39;/g, "'").replace(/&amp;/g, "&")
  }

  function squash(text) {
    return text.replace(/\s+/g, " ").trim()
  }

  function tokenizer(value, metadata) {
    if (value == null) return []
    return words(String(value)).map(function (word) {
      return new lunr.Token(word, metadata)   /* shared: no metadata is kept (no positions) */
    })
  }

  /* Keys a word is matched by: its stem, and for Norwegian definite plurals (lærerne) the stem of
     the indefinite plural too (lærer), which Snowball's Norwegian stemmer misses. */
  var keyCache = new Map()
  function keys(word) {
    if (!keyCache.has(word)) keyCache.set(word, stems(word))
    return keyCache.get(word)
  }

  function stems(word) {
    var found = [stemmer(new lunr.Token(word)).toString()]
    if (norwegian && /[^e]erne$/.test(word)) found.push(stemmer(new lunr.Token(word.slice(0, -2))).toString())
    if (norwegian && /ene$/.test(word) && word.length > 5) found.push(stemmer(new lunr.Token(word.slice(0, -3))).toString())
    return found
  }

  function isStopWord(word) {
    return stopWord(new lunr.Token(word)) === undefined
  }

  function setup() {
    index = lunr(function () {
      this.ref("location")
      this.field("title", { boost: 10 })      /* page titles and section headings outrank mentions */
      this.field("terms", { boost: 10 })      /* terms a section defines (glossary, key concepts) */
      this.field("text")
      this.pipeline.reset()                   /* no stemming in the index: prefix search stays exact */
      this.searchPipeline.reset()
      this.tokenizer = tokenizer
      this.metadataWhitelist = []
      data.docs.forEach(function (doc) {
        doc.plainTitle = squash(decode(doc.title))
        doc.plainText = squash(decode(doc.text))
        docs[doc.location] = doc
        this.add({ location: doc.location, title: doc.plainTitle, terms: doc.terms, text: doc.plainText })
      }, this)
    })
    vocabulary = Object.keys(index.invertedIndex).sort()
    vocabulary.forEach(function (term) {
      keys(term).forEach(function (key) { (byKey[key] = byKey[key] || []).push(term) })
    })
    synonyms = data.synonyms.map(function (group) {
      return group.map(function (entry) {
        return words(entry).filter(function (word) { return !isStopWord(word) })
      })
    })
  }

  /* Damerau-Levenshtein distance (optimal string alignment), giving up above `max` */
  var rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)]
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max || b.length >= 63) return max + 1
    var before = rows[0], previous = rows[1], current = rows[2], i, j
    for (j = 0; j <= b.length; j++) previous[j] = j
    for (i = 1; i <= a.length; i++) {
      current[0] = i
      var best = i
      for (j = 1; j <= b.length; j++) {
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1)
        current[j] = value
        if (value < best) best = value
      }
      if (best > max) return max + 1
      var spare = before; before = previous; previous = current; current = spare
    }
    return previous[b.length]
  }

  function add(terms, term, weight) {
    if ((terms.get(term) || 0) < weight) terms.set(term, weight)
  }

  /* Indexed words with the same stem as `word` (and the word itself) */
  function inflections(terms, word, weight) {
    if (index.invertedIndex[word]) add(terms, word, weight)
    keys(word).forEach(function (key) {
      (byKey[key] || []).forEach(function (term) { add(terms, term, weight * WEIGHT.stem) })
    })
  }

  function expand(word, last) {
    var terms = new Map(), count = 0, i
    inflections(terms, word, WEIGHT.exact)

    /* Prefix: while typing, and for short forms (aktivitetspl…); not for one or two letters, which
       start too many words to mean anything and would bury a two-letter abbreviation (SU) */
    var start = word.length >= 3 ? lowerBound(word) : vocabulary.length
    for (i = start; i < vocabulary.length && vocabulary[i].startsWith(word) && count < MAX_TERMS; i++, count++)
      add(terms, vocabulary[i], WEIGHT.prefix)

    /* Compound parts: plikt → aktivitetsplikt, miljø → læringsmiljøet */
    var parts = [word].concat(keys(word)).filter(function (part) { return part.length >= 4 })
    count = 0
    for (i = 0; i < vocabulary.length && parts.length && count < MAX_TERMS; i++) {
      var term = vocabulary[i]
      if (term.length - parts[0].length >= 3 && parts.some(function (part) { return term.indexOf(part, 3) >= 3 })) {
        add(terms, term, WEIGHT.compound)
        count++
      }
    }

    /* Synonyms and abbreviations: a group matches when one entry is this word (any inflection),
       or, for the word being typed, starts with it. One-word entries join the word's terms; an
       entry of several words (pedagogisk-psykologisk tjeneste) counts only where all its words
       are found, so its common words alone (tjeneste) do not make a page match. */
    var own = keys(word), phrases = []
    synonyms.forEach(function (group) {
      var hit = group.some(function (entry) {
        return entry.length === 1 && (entry[0] === word ||
          keys(entry[0]).some(function (key) { return own.indexOf(key) >= 0 }) ||
          (last && word.length >= 3 && entry[0].startsWith(word)))
      })
      if (hit) group.forEach(function (entry) {
        if (entry.length === 1) return inflections(terms, entry[0], WEIGHT.synonym)
        phrases.push(entry.map(function (other) {
          var each = new Map()
          inflections(each, other, WEIGHT.phrase)
          return each
        }).filter(function (each) { return each.size }))
      })
    })

    /* Typos, only when nothing else matched: one edit up to 6 letters, two from 7 */
    if (!terms.size && word.length >= 4) {
      var max = word.length >= 7 ? 2 : 1
      vocabulary.forEach(function (term) {
        if (distance(word, term, max) <= max) add(terms, term, WEIGHT.typo)
      })
    }
    return { terms: terms, phrases: phrases.filter(function (phrase) { return phrase.length }) }
  }

  function lowerBound(word) {
    var low = 0, high = vocabulary.length
    while (low < high) {
      var middle = (low + high) >> 1
      if (vocabulary[middle] < word) low = middle + 1; else high = middle
    }
    return low
  }

  function escapeHTML(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
  }

  /* The part of a text around its first matched word, as HTML with the matched words in <mark> */
  var SNIPPET = 280
  function snippet(text, matched) {
    var plain = text, first = -1, match
    WORD.lastIndex = 0
    while (matched.size && (match = WORD.exec(plain))) {
      if (matched.has(match[0].toLowerCase())) { first = match.index; break }
    }
    var start = first > SNIPPET / 3 ? plain.lastIndexOf(" ", first - SNIPPET / 3) + 1 : 0
    var end = Math.min(plain.length, start + SNIPPET)
    if (end < plain.length) end = Math.max(plain.lastIndexOf(" ", end), first + 1)
    var part = (start > 0 ? "… " : "") + plain.slice(start, end) + (end < plain.length ? " …" : "")
    return highlight(escapeHTML(part), matched)
  }

  /* The text a result shows: a page's own text without its reading-time line, or, when nothing
     else comes before its first heading, the page's description */
  function shown(doc) {
    if (!doc.reading) return doc.plainText
    var reading = squash(decode(doc.reading)), text = doc.plainText
    if (text.indexOf(reading) === 0) text = text.slice(reading.length).trim()
    return text || squash(decode(doc.summary || ""))
  }

  function highlight(text, matched) {
    if (!matched.size) return text
    return text.replace(WORD, function (word) {
      return matched.has(word.toLowerCase()) ? "<mark>" + word + "</mark>" : word
    })
  }

  /* A synonym entry of several words typed in full (pedagogisk-psykologisk tjeneste): each of
     those words also matches the group's one-word entries (PPT) */
  function phraseSynonyms(slots) {
    var typed = slots.map(function (slot) { return keys(slot.word).concat(slot.word) })
    synonyms.forEach(function (group) {
      group.forEach(function (entry) {
        if (entry.length < 2) return
        var at = entry.map(function (word) {
          var own = keys(word).concat(word)
          return typed.findIndex(function (forms) { return forms.some(function (form) { return own.indexOf(form) >= 0 }) })
        })
        if (at.some(function (i) { return i < 0 })) return
        group.forEach(function (other) {
          if (other.length === 1) at.forEach(function (i) { inflections(slots[i].terms, other[0], WEIGHT.synonym) })
        })
      })
    })
  }

  /* How well `matched` (term → fields) covers a slot: the best weight, 0 if not at all */
  function cover(slot, matched, field) {
    var best = 0
    matched.forEach(function (fields, term) {
      if ((!field || field in fields) && slot.terms.has(term)) best = Math.max(best, slot.terms.get(term))
    })
    slot.phrases.forEach(function (phrase) {
      var all = phrase.every(function (each) {
        return Array.from(matched.keys()).some(function (term) {
          return each.has(term) && (!field || field in matched.get(term))
        })
      })
      if (all) best = Math.max(best, WEIGHT.synonym)
    })
    return best
  }

  function search(query) {
    var all = words(query)
    if (!all.length) return { items: [] }
    var slots = all.map(function (word, i) {
      var slot = expand(word, i === all.length - 1)
      slot.word = word
      slot.stop = isStopWord(word)
      return slot
    })
    if (slots.every(function (slot) { return slot.stop })) slots.forEach(function (slot) { slot.stop = false })
    slots = slots.filter(function (slot) { return !slot.stop })
    phraseSynonyms(slots)

    var clauses = new Map()
    slots.forEach(function (slot) {
      slot.terms.forEach(function (weight, term) { add(clauses, term, weight) })
      slot.phrases.forEach(function (phrase) {
        phrase.forEach(function (each) { each.forEach(function (weight, term) { add(clauses, term, weight) }) })
      })
    })
    if (!clauses.size) return { items: [] }

    var results = index.query(function (builder) {
      clauses.forEach(function (weight, term) {
        builder.term(term, { usePipeline: false, boost: weight, wildcard: lunr.Query.wildcard.NONE })
      })
    })

    /* Group sections under their page. A page covers a slot if any of its parts matched it; its
       title weight is how well the query matches the page title (counted double) and headings. */
    var groups = new Map()
    results.forEach(function (result) {
      var doc = docs[result.ref], page = result.ref.split("#")[0]
      var group = groups.get(page)
      if (!group) groups.set(page, group = { page: page, items: [], matched: new Map(), title: 0, best: 0 })
      var matched = new Map(Object.entries(result.matchData.metadata))
      matched.forEach(function (fields, term) {
        group.matched.set(term, Object.assign({}, group.matched.get(term), fields))
      })
      /* A page or heading that names the words explains them, and so does a section's key
         concepts list; the glossary's short definition counts a little less than a heading, and
         a page that lists and links rather than explains (home, overviews) half. */
      var owner = docs[page] || doc
      var title = slots.reduce(function (sum, slot) {
        return sum + Math.max((doc.location === page ? 2 : 1) * cover(slot, matched, "title"),
                              (owner.glossary ? 0.9 : 1.5) * cover(slot, matched, "terms"))
      }, 0)
      if (owner.lists) title *= 0.5
      group.title = Math.max(group.title, title)
      group.items.push({ doc: doc, score: result.score, matched: new Set(matched.keys()) })
      group.best = Math.max(group.best, result.score)
    })
    groups.forEach(function (group) {
      group.covered = slots.map(function (slot) { return cover(slot, group.matched) > 0 })
      group.count = group.covered.filter(Boolean).length
    })

    var ranked = Array.from(groups.values()).sort(function (a, b) {
      return (b.count - a.count) || (b.title - a.title) || (b.best - a.best)
    })

    /* Material renders groups in order and treats the score as relevance: keep both in step */
    var items = ranked.map(function (group, rank) {
      var base = ranked.length - rank
      var terms = {}
      slots.forEach(function (slot, i) { terms[slot.word] = group.covered[i] })
      if (!group.items.some(function (item) { return item.doc.location === group.page }) && docs[group.page])
        group.items.push({ doc: docs[group.page], score: 0, matched: new Set() })
      return group.items
        .sort(function (a, b) { return b.score - a.score })
        .map(function (item) {
          return {
            location: item.doc.location,
            title: highlight(escapeHTML(item.doc.plainTitle), item.matched),
            text: "<p>" + snippet(shown(item.doc), item.matched) + "</p>",
            score: base + 0.99 * item.score / (group.best || 1),
            terms: terms
          }
        })
    })
    return { items: items }
  }

  /* Material's worker protocol */
  addEventListener("message", function (event) {
    var message = event.data
    if (message.type === 0) {
      if (!index) setup()
      postMessage({ type: 1 })
    } else if (message.type === 2) {
      if (!index) setup()   /* started by loader.js on the first query: no SETUP came here */
      var result
      try {
        result = search(message.data)
      } catch (error) {
        console.warn("Search failed: " + message.data, error)
        result = { items: [] }
      }
      postMessage({ type: 3, data: result })
    }
  })
})()
