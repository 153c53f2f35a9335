/* Print only (mkdocs-exporter `scripts:`, mkdocs.yml): a table that runs over a page break repeats its
   header row on the next page. Paged.js 0.4 does not do it, so the continuation was a table without
   header cells: unreadable on paper and an error for PDF/UA (tests/test_paper.py). The handler is
   registered before Paged.js lays out the pages (mkdocs-exporter awaits MkDocsExporter.render). */
(function () {
  const exporter = (window.MkDocsExporter = window.MkDocsExporter || {});
  const previous = exporter.render;

  exporter.render = async function (...args) {
    if (typeof previous === "function") await previous.apply(this, args);
    if (!window.Paged) return;

    class RepeatTableHeaders extends window.Paged.Handler {
      constructor(chunker, polisher, caller) {
        super(chunker, polisher, caller);
        this.split = [];      // data-ref of the tables cut by the last page break
      }

      afterPageLayout(pageElement, page, breakToken, chunker) {
        this.chunker = chunker;
        this.split = [];
        const node = breakToken && breakToken.node;
        if (!node) return;
        const tables = [];
        for (let el = node.nodeType === 1 ? node : node.parentElement; el; el = el.parentElement) {
          if (el.tagName === "TABLE" && el.dataset.ref) tables.push(el.dataset.ref);
        }
        this.split = tables;
      }

      layout(rendered) {
        for (const ref of this.split) {
          const table = rendered.querySelector(`table[data-ref="${ref}"]`);
          if (!table || !this.chunker) continue;
          const source = this.chunker.source.querySelector(`table[data-ref="${ref}"]`);
          // The column widths: Paged.js leaves the <colgroup> behind on the first page, and a
          // fixed-layout table without it shares its width equally (the checklist's task column
          // wrapped at 12–16 characters on its second page).
          const columns = source && source.querySelector(":scope > colgroup");
          if (columns && !table.querySelector(":scope > colgroup")) {
            table.insertBefore(columns.cloneNode(true), table.firstChild);
          }
          if (table.querySelector(":scope > thead")) continue;
          const head = source && source.querySelector(":scope > thead");
          if (!head) continue;
          const copy = head.cloneNode(true);
          copy.querySelectorAll("[id]").forEach((el) => el.removeAttribute("id"));
          copy.setAttribute("data-lmp-repeated", "");
          const colgroup = table.querySelector(":scope > colgroup");
          table.insertBefore(copy, colgroup ? colgroup.nextSibling : table.firstChild);
        }
      }
    }

    window.Paged.registerHandlers(RepeatTableHeaders);
  };
})();
