/* Reading-assignment builder (tools/reading-builder): tick sections, see the total, share a link.
 *
 * The catalogue comes from the page itself (<script type="application/json" id="lmp-catalogue">,
 * written at build time by lmp/generators/reading_builder.py). The selection lives in the URL only
 * (?s=<id>,<id>…): no server, no cookies, no storage. Ids from the URL are only looked up in the
 * catalogue; nothing from the URL is ever written into the page, and the DOM is built with
 * createElement/textContent only. The form, the bar and the empty assignment are in the page's
 * HTML (no layout shift); this script wires them and fills the list.
 */
(function () {
  "use strict";
  var source = document.getElementById("lmp-catalogue");
  var form = document.getElementById("lmp-choose");
  var output = document.getElementById("lmp-assignment");
  if (!source || !form || !output) return;
  var data = JSON.parse(source.textContent);
  var text = data.text;
  var entries = data.entries;
  var byId = new Map(entries.map(function (entry) { return [entry.id, entry]; }));
  var boxes = new Map();   // id -> checkbox

  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) { node[key] = props[key]; });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return String(values[key]); });
  }

  /* The selection in the URL, reduced to ids that exist in the catalogue, in catalogue order. */
  function readSelection() {
    var wanted = new Set((new URLSearchParams(window.location.search).get("s") || "").split(","));
    return entries.filter(function (entry) { return wanted.has(entry.id); }).map(function (e) { return e.id; });
  }

  function selected() {
    return entries.filter(function (entry) { return boxes.get(entry.id).checked; });
  }

  function shareUrl(ids) {
    var url = new URL(window.location.href);
    url.hash = "";
    if (ids.length) url.searchParams.set("s", ids.join(","));
    else url.searchParams.delete("s");
    return url.href;
  }

  /* Group consecutive entries of the same page: [[page title, [entries]], …]. */
  function byPage(list) {
    var groups = [];
    list.forEach(function (entry) {
      var last = groups[groups.length - 1];
      if (last && last[0] === entry.page) last[1].push(entry);
      else groups.push([entry.page, [entry]]);
    });
    return groups;
  }

  /* Minutes of some sections together: the sum of the minutes shown beside each (catalogue.py
     minutes_of), so every total adds up; a whole page: the minutes under its title. */
  function minutesOf(list) {
    return list.reduce(function (sum, entry) { return sum + entry.minutes; }, 0);
  }

  /* The boxes are in the page's HTML (lmp/generators/reading_builder.py, so nothing moves when
     this runs): one fieldset per page, its "whole page" box and a box per section. */
  function wireForm() {
    form.querySelectorAll("input[value]").forEach(function (box) {
      if (byId.has(box.value)) boxes.set(box.value, box);
    });
    form.querySelectorAll("fieldset").forEach(function (fieldset) {
      var whole = fieldset.querySelector(".lmp-whole input");
      var own = Array.prototype.slice.call(fieldset.querySelectorAll("input[value]"));
      whole.lmpSections = own;
      whole.addEventListener("change", function () {
        own.forEach(function (box) { box.checked = whole.checked; });
        update(true);
      });
    });
    form.addEventListener("change", function () { update(true); });
  }

  var bar = document.getElementById("lmp-bar");
  var total = document.getElementById("lmp-total");
  var list = output.querySelector(".lmp-list");
  var link = document.getElementById("lmp-share");
  var status = bar.querySelector(".lmp-status");
  var note = output.querySelector(".lmp-recipient-note");

  /* A short address to print beside each section: no scheme, no "index.html". */
  function address(url) {
    var full = new URL(url, window.location.href);
    if (full.protocol === "file:") return full.pathname.split("/").slice(-3).join("/") + full.hash;
    return (full.host + full.pathname).replace(/\/index\.html$/, "/") + full.hash;
  }

  /* The sticky bar (total and actions) sits right under the heading of the assignment and stays
     in view, under the header, while the reader ticks sections further down. */
  function wireOutput() {
    var actions = {
      copy: function () {
        link.select();
        var done = function () { status.textContent = text.copied; };
        if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(link.value).then(done, function () {});
        else if (document.execCommand("copy")) done();
      },
      print: function () { window.print(); },
      clear: function () {
        boxes.forEach(function (box) { box.checked = false; });
        update(true);
      },
      edit: function () {
        document.body.classList.remove("lmp-recipient");
        form.querySelector("input").focus();
      }
    };
    bar.querySelectorAll("button[data-lmp-action]").forEach(function (button) {
      button.addEventListener("click", actions[button.getAttribute("data-lmp-action")]);
    });
  }

  function update(writeUrl) {
    var chosen = selected();
    var ids = chosen.map(function (entry) { return entry.id; });
    var minutes = minutesOf(chosen);
    total.textContent = format(text.total, { minutes: minutes, count: chosen.length });
    total.dataset.minutes = String(minutes);
    note.textContent = format(text.received, { minutes: minutes, count: chosen.length });
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!chosen.length) list.appendChild(el("p", { textContent: text.empty }));
    var pages = el("ol", { className: "lmp-assignment-list" });
    var counted = 0;
    byPage(chosen).forEach(function (group) {
      var sections = el("ul", {});
      group[1].forEach(function (entry) {
        /* A box to tick when read (the note asks for it; on paper too): named by the link. */
        var number = counted++;
        var box = el("input", { type: "checkbox", id: "lmp-read-" + number, className: "lmp-read" });
        box.setAttribute("aria-labelledby", "lmp-read-link-" + number);
        sections.appendChild(el("li", { className: "lmp-assigned" }, [box,
          el("a", { href: entry.url, textContent: entry.section, id: "lmp-read-link-" + number }),
          " (" + entry.minutes + " min)",
          el("span", { className: "lmp-address", textContent: address(entry.url) })]));
      });
      pages.appendChild(el("li", {}, [el("strong", { textContent: group[0] }), sections]));
    });
    if (chosen.length) list.appendChild(pages);
    form.querySelectorAll(".lmp-whole input").forEach(function (whole) {
      var on = whole.lmpSections.filter(function (box) { return box.checked; }).length;
      whole.checked = on === whole.lmpSections.length;
      whole.indeterminate = on > 0 && on < whole.lmpSections.length;
    });
    link.value = shareUrl(ids);
    status.textContent = "";
    if (writeUrl) window.history.replaceState(null, "", link.value);
  }

  wireForm();
  wireOutput();
  var received = readSelection();
  received.forEach(function (id) { boxes.get(id).checked = true; });
  /* Opened from a shared link: the reader sees what was assigned and how long it takes; the
     form to build one stays behind the "change" button. */
  if (received.length) document.body.classList.add("lmp-recipient");
  update(false);
})();
