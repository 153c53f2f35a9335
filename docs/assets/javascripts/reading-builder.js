/* Reading-assignment builder (tools/reading-builder): tick sections, see the total, share a link.
 *
 * The catalogue comes from the page itself (<script type="application/json" id="lmp-catalogue">,
 * written at build time by lmp/generators/reading_builder.py). The selection lives in the URL only
 * (?s=<id>,<id>…): no server, no cookies, no storage. Ids from the URL are only looked up in the
 * catalogue; nothing from the URL is ever written into the page, and the DOM is built with
 * createElement/textContent only.
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

  /* Minutes of some sections together: their words added up and rounded up once, with the
     site's words per minute (lmp/model/pages.py minutes_for), so a whole page shows the minutes
     printed under its title. Nothing chosen is 0 min. */
  function minutesOf(list) {
    if (!list.length) return 0;
    var words = list.reduce(function (sum, entry) { return sum + entry.words; }, 0);
    return Math.max(1, Math.ceil(words / data.wpm));
  }

  /* The form: one H3 per kind of page, one fieldset per page, one checkbox per section. */
  function buildForm() {
    ["theme", "topic", "role"].forEach(function (type) {
      var ofType = entries.filter(function (entry) { return entry.type === type; });
      if (!ofType.length) return;
      form.appendChild(el("h3", { textContent: text[type] }));
      byPage(ofType).forEach(function (group) {
        var minutes = minutesOf(group[1]);
        var fieldset = el("fieldset", { className: "lmp-page" }, [
          el("legend", { textContent: group[0] + " (" + minutes + " min)" })]);
        var whole = el("input", { type: "checkbox", id: "lmp-whole-" + boxes.size });
        var items = el("div", { className: "lmp-sections" }, [el("div", { className: "lmp-whole" }, [whole,
          el("label", { htmlFor: whole.id, textContent: text.whole })])]);
        fieldset.appendChild(items);
        var own = [];
        group[1].forEach(function (entry) {
          var box = el("input", { type: "checkbox", id: "lmp-section-" + boxes.size, value: entry.id });
          boxes.set(entry.id, box);
          own.push(box);
          items.appendChild(el("div", {}, [box,
            el("label", { htmlFor: box.id, textContent: entry.section + " (" + entry.minutes + " min)" })]));
        });
        whole.addEventListener("change", function () {
          own.forEach(function (box) { box.checked = whole.checked; });
          update(true);
        });
        whole.lmpSections = own;
        form.appendChild(fieldset);
      });
    });
    form.addEventListener("change", function (event) {
      update(true);
    });
  }

  var total = el("p", { className: "lmp-total", id: "lmp-total" });
  total.setAttribute("aria-live", "polite");
  var list = el("div", { className: "lmp-list" });
  var link = el("input", { type: "text", readOnly: true, id: "lmp-share", className: "lmp-share-input" });
  var status = el("span", { className: "lmp-status" });
  status.setAttribute("role", "status");
  var note = el("p", { className: "lmp-recipient-note" });
  var bar = el("div", { className: "lmp-bar", id: "lmp-bar" });

  /* A short address to print beside each section: no scheme, no "index.html". */
  function address(url) {
    var full = new URL(url, window.location.href);
    if (full.protocol === "file:") return full.pathname.split("/").slice(-3).join("/") + full.hash;
    return (full.host + full.pathname).replace(/\/index\.html$/, "/") + full.hash;
  }

  /* The sticky bar (total and actions) sits right under the heading of the assignment and stays
     in view, under the header, while the reader ticks sections further down. */
  function buildOutput() {
    var copy = el("button", { type: "button", className: "md-button", textContent: text.copy });
    copy.addEventListener("click", function () {
      link.select();
      var done = function () { status.textContent = text.copied; };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(link.value).then(done, function () {});
      else if (document.execCommand("copy")) done();
    });
    var print = el("button", { type: "button", className: "md-button md-button--primary", textContent: text.print });
    print.addEventListener("click", function () { window.print(); });
    var clear = el("button", { type: "button", className: "md-button lmp-builder-only", textContent: text.clear });
    clear.addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = false; });
      update(true);
    });
    var edit = el("button", { type: "button", className: "md-button lmp-recipient-only", textContent: text.edit });
    edit.addEventListener("click", function () {
      document.body.classList.remove("lmp-recipient");
      form.querySelector("input").focus();
    });
    bar.appendChild(total);
    bar.appendChild(el("div", { className: "lmp-buttons" }, [copy, print, clear, edit, status]));
    output.parentNode.insertBefore(bar, output);
    output.appendChild(note);
    output.appendChild(list);
    output.appendChild(el("div", { className: "lmp-share lmp-web-only" }, [
      el("label", { htmlFor: link.id, textContent: text.link }), link]));
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
    byPage(chosen).forEach(function (group) {
      var sections = el("ul", {});
      group[1].forEach(function (entry) {
        sections.appendChild(el("li", { className: "lmp-assigned" }, [
          el("a", { href: entry.url, textContent: entry.section }), " (" + entry.minutes + " min)",
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

  buildForm();
  buildOutput();
  var received = readSelection();
  received.forEach(function (id) { boxes.get(id).checked = true; });
  /* Opened from a shared link: the reader sees what was assigned and how long it takes; the
     form to build one stays behind the "change" button. */
  if (received.length) document.body.classList.add("lmp-recipient");
  update(false);
})();
