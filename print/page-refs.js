/* Print only (mkdocs-exporter `scripts:`, mkdocs.yml): " (se side 7)" after a link to another part of
   the same PDF. lmp/print/handouts.py writes `<span class="lmp-page-no" data-lmp-target="ID">000</span>`;
   once Paged.js has laid out every page (its afterRendered hook, before mkdocs-exporter prints),
   each stand-in gets the number of the page the element with that id landed on: one print, where
   reading the numbers back from a first PDF took two.
   The stand-in is as wide as any number up to 999 (the print fonts' digits are of equal width), so
   filling it in never lengthens a line and no page is laid out differently. That is checked: a
   block that grows when its numbers go in is reported as a console error (fatal under --strict). */
(function () {
  const exporter = (window.MkDocsExporter = window.MkDocsExporter || {});
  const previous = exporter.render;

  const id = (anchor) => { try { return decodeURIComponent(anchor); } catch (error) { return anchor; } };

  exporter.render = async function (...args) {
    if (typeof previous === "function") await previous.apply(this, args);
    if (!window.Paged) return;

    class FillPageNumbers extends window.Paged.Handler {
      afterRendered() {
        const filled = [];
        for (const span of document.querySelectorAll(".pagedjs_page .lmp-page-no[data-lmp-target]")) {
          const target = document.getElementById(id(span.dataset.lmpTarget));
          const page = target && target.closest(".pagedjs_page");
          if (!page) continue;      // a target the PDF does not have: the stand-in stays, visibly
          const block = span.closest("p, li, dd, dt, td, th, h1, h2, h3, h4, h5, h6, div") || span.parentElement;
          filled.push([span, page.dataset.pageNumber, block, block.getBoundingClientRect().height]);
        }
        for (const [span, number] of filled) span.textContent = number;
        for (const [span, number, block, height] of filled) {
          if (block.getBoundingClientRect().height > height + 0.5) {
            console.error(`[mkdocs-exporter] page-refs.js: filling in page ${number} for ` +
                          `#${span.dataset.lmpTarget} made its block taller: the layout moved`);
          }
        }
      }
    }

    window.Paged.registerHandlers(FillPageNumbers);
  };
})();
