/* Print only (mkdocs-exporter `scripts:`, mkdocs.yml): paper instead of blank pages. Once Paged.js
   has laid out the pages (afterRendered), a page it left blank right before the notes page (the
   notes start on a right-hand page, print/kit.css) gets a copy of the notes page: a second notes
   page. In the A5 print of a handout (print/booklet.css sets --lmp-pad-to: 4) further notes pages go
   before the back page until the count fills whole folded sheets, so the booklet needs no blank
   pages (lmp/print/booklets.py pads only what is still missing). Copies carry no ids. */
(function () {
  const exporter = (window.MkDocsExporter = window.MkDocsExporter || {});
  const previous = exporter.render;

  const copyOf = (page) => {
    const copy = page.cloneNode(true);
    copy.querySelectorAll("[id]").forEach((el) => el.removeAttribute("id"));
    copy.querySelectorAll("[aria-labelledby]").forEach((el) => el.removeAttribute("aria-labelledby"));
    copy.removeAttribute("id");
    copy.setAttribute("data-lmp-notes-copy", "");
    // Paged.js shows only the margin boxes that had content on the page copied (the running title
    // and the page number sit at the other corners on a page of the other side)
    copy.querySelectorAll(".pagedjs_margin-top-left, .pagedjs_margin-top-right, .pagedjs_margin-bottom-left, " +
                          ".pagedjs_margin-bottom-right").forEach((box) => box.classList.add("hasContent"));
    return copy;
  };

  exporter.render = async function (...args) {
    if (typeof previous === "function") await previous.apply(this, args);
    if (!window.Paged) return;

    class NotesInsteadOfBlankPages extends window.Paged.Handler {
      afterRendered() {
        const notes = [...document.querySelectorAll(".pagedjs_page")]
          .find((page) => page.querySelector(".lmp-notes-page"));
        if (!notes) return;
        const content = notes.querySelector(".pagedjs_page_content");
        for (const page of document.querySelectorAll(".pagedjs_page.pagedjs_blank_page")) {
          if (page.nextElementSibling !== notes) continue;
          const target = page.querySelector(".pagedjs_page_content");
          target.replaceChildren(...copyOf(content).childNodes);
          page.classList.remove("pagedjs_blank_page");
        }
        const padTo = parseInt(getComputedStyle(document.documentElement).getPropertyValue("--lmp-pad-to"), 10);
        const back = [...document.querySelectorAll(".pagedjs_page")].find((page) => page.querySelector(".lmp-back"));
        if (!padTo || !back) return;
        const pages = () => document.querySelectorAll(".pagedjs_page").length;
        while (pages() % padTo !== 0) {
          const page = copyOf(notes);
          // right- and left-hand pages alternate: the copy takes the side of the page it replaces
          const left = back.classList.contains("pagedjs_left_page");
          page.classList.toggle("pagedjs_left_page", left);
          page.classList.toggle("pagedjs_right_page", !left);
          page.classList.remove("pagedjs_first_page");
          back.parentNode.insertBefore(page, back);
          back.classList.toggle("pagedjs_left_page", !left);
          back.classList.toggle("pagedjs_right_page", left);
        }
      }
    }

    window.Paged.registerHandlers(NotesInsteadOfBlankPages);
  };
})();
