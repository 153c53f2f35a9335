"""The built PDFs, each parsed at most once per library per test run (the `pdfs` session fixture in
conftest.py hands out one `Pdfs` for the whole run).

`pdfs[path]` is the `Pdf` of one file; everything on it is read on first use and kept:

- `reader`: the pypdf `PdfReader` (metadata, trailer, outline, named destinations);
- `pages`: the page count; `text`: pypdf `extract_text()` of every page, a tuple of strings
  (`page_text(n)`: of page n only, 1-based);
- `annotations`: per page, every annotation as an `Annotation` (subtype, /URI, /Dest name);
  `uris`: the /URI targets of all of them, in page order (no text extraction needed);
- `destinations`: named destination (anchor) → page number, 1-based;
- `drawing(n)`: the words with their height and the ruled lines of page n (1-based), read by a
  pypdf `extract_text()` with visitors, for the pages that need it only;
- `plumber`: per page, pdfplumber's width, height, characters and edges (`PlumberPage`), each
  character and edge with the keys in CHAR_KEYS and EDGE_KEYS only: all of pdfplumber's keys
  would hold ~0.5 GB per handbook for the run (add a key here when a test needs it).

A file written afresh at the same path during a run (a test's own tmp_path PDF) must not go
through the cache: build a `Pdf(path)` of its own, which caches only for itself.

`text` is also kept on disk for the run (`Pdfs(shared=…)`: the run's folder that both pytest-xdist
workers see), keyed by the file's SHA-256 and pypdf's version: the worker that reads a PDF second
takes the first one's text instead of extracting it again (~1 min of both workers' time).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path


CHAR_KEYS = ("text", "fontname", "size", "x0", "x1", "top", "bottom", "matrix", "non_stroking_color")
EDGE_KEYS = ("x0", "x1", "top", "bottom", "orientation", "non_stroking_color", "stroking_color")


@dataclass(frozen=True)
class Annotation:
    subtype: str | None      # "/Link", "/Widget"…
    action: bool             # the annotation has an /A (action) entry
    uri: str | None          # the action's /URI, if it has one
    dest: str | None         # the /Dest entry when it is a name (a named destination), else None


@dataclass(frozen=True)
class PlumberPage:
    number: int              # 1-based
    width: float
    height: float
    chars: tuple[dict, ...]  # pdfplumber's characters (`page.chars`), keys CHAR_KEYS
    edges: tuple[dict, ...]  # pdfplumber's edges (`page.edges`: rules, box sides), keys EDGE_KEYS
    links: tuple[tuple[float, float, float, float], ...] = ()   # each link annotation's (x0, top, x1, bottom)


class Pdf:
    """One PDF file, read lazily and cached on the object."""

    def __init__(self, path: Path, shared: Path | None = None):
        self.path = Path(path)
        self.shared = shared
        self._texts: dict[int, str] = {}
        self._drawings: dict[int, tuple[list[tuple[float, str]], list[float]]] = {}

    def __repr__(self):
        return f"Pdf({self.path})"

    @cached_property
    def reader(self):
        from pypdf import PdfReader
        return PdfReader(self.path)

    @cached_property
    def pages(self) -> int:
        return len(self.reader.pages)

    @cached_property
    def text(self) -> tuple[str, ...]:
        if self.shared is None:
            return tuple(self.page_text(number) for number in range(1, self.pages + 1))
        import hashlib
        import json
        import os
        import pypdf
        digest = hashlib.sha256(self.path.read_bytes() + pypdf.__version__.encode()).hexdigest()
        kept = self.shared / f"{digest}.json"
        if kept.exists():
            return tuple(json.loads(kept.read_text(encoding="utf-8")))
        texts = tuple(self.page_text(number) for number in range(1, self.pages + 1))
        self.shared.mkdir(parents=True, exist_ok=True)
        partial = kept.with_suffix(f".{os.getpid()}.part")
        partial.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        partial.replace(kept)            # whole or absent: the other worker never reads half a file
        return texts

    def page_text(self, number: int) -> str:
        """pypdf `extract_text()` of page `number` (1-based), for a test that needs one page only."""
        if number not in self._texts:
            self._texts[number] = self.reader.pages[number - 1].extract_text() or ""
        return self._texts[number]

    @cached_property
    def annotations(self) -> tuple[tuple[Annotation, ...], ...]:
        found = []
        for page in self.reader.pages:
            on_page = []
            for annotation in page.get("/Annots") or []:
                annotation = annotation.get_object()
                action = annotation.get("/A")
                uri = action.get_object().get("/URI") if action is not None else None
                dest = annotation.get("/Dest")
                subtype = annotation.get("/Subtype")
                on_page.append(Annotation(None if subtype is None else str(subtype), action is not None,
                                          None if uri is None else str(uri),
                                          str(dest) if isinstance(dest, str) else None))
            found.append(tuple(on_page))
        return tuple(found)

    @cached_property
    def uris(self) -> tuple[str, ...]:
        return tuple(a.uri for page in self.annotations for a in page if a.uri is not None)

    @cached_property
    def destinations(self) -> dict[str, int]:
        reader = self.reader
        return {name.lstrip("/"): reader.get_destination_page_number(dest) + 1
                for name, dest in reader.named_destinations.items()}

    def drawing(self, number: int) -> tuple[list[tuple[float, str]], list[float]]:
        """(y, text) of the words and y of the ruled lines (thin filled rectangles wider than
        200 pt) on page `number` (1-based), y in points from the bottom. Callers get a copy."""
        if number not in self._drawings:
            words_at, rules = [], []

            def operand(op, args, cm, tm):
                if op == b"re":
                    x, y, w, h = (float(a) for a in args)
                    if abs(h * cm[3]) < 1.5 and abs(w * cm[0]) > 200:
                        rules.append(cm[3] * y + cm[5])

            def text(value, cm, tm, font, size):
                if value.strip():
                    words_at.append((tm[5] * cm[3] + cm[5], value.strip()))

            self.reader.pages[number - 1].extract_text(visitor_operand_before=operand, visitor_text=text)
            self._drawings[number] = (words_at, rules)
        words_at, rules = self._drawings[number]
        return list(words_at), list(rules)

    @cached_property
    def faces(self) -> frozenset[tuple[str, int, bool]]:
        """(name without the subset prefix, weight, italic) of each embedded TrueType font, weight
        and style as the font file itself says (its OS/2 table: usWeightClass, fsSelection bit 0),
        not as its name does."""
        import struct
        found, stack, seen = set(), [page.get("/Resources") for page in self.reader.pages], []
        while stack:   # the pages' resources and their forms' (a booklet's pages are forms)
            resources = stack.pop()
            resources = resources.get_object() if resources is not None else {}
            if any(resources is done for done in seen):
                continue
            seen.append(resources)
            forms = resources.get("/XObject")
            stack += [form.get_object().get("/Resources") for form in (forms.get_object().values() if forms else ())]
            fonts = resources.get("/Font")
            for ref in (fonts.get_object().values() if fonts is not None else ()):
                font = ref.get_object()
                try:
                    descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
                    data = descriptor["/FontFile2"].get_object().get_data()
                except (KeyError, IndexError):
                    continue
                tables = dict(struct.unpack(">4s4xI4x", data[12 + 16 * i:28 + 16 * i])
                              for i in range(struct.unpack(">H", data[4:6])[0]))
                if b"OS/2" in tables:
                    os2 = tables[b"OS/2"]
                    found.add((str(font.get("/BaseFont", "")).lstrip("/").split("+", 1)[-1],
                               struct.unpack(">H", data[os2 + 4:os2 + 6])[0], bool(data[os2 + 63] & 1)))
        return frozenset(found)

    @cached_property
    def plumber(self) -> tuple[PlumberPage, ...]:
        import pdfplumber
        sheets = []
        with pdfplumber.open(self.path) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                chars = tuple({key: char[key] for key in CHAR_KEYS} for char in page.chars)
                edges = tuple({key: edge.get(key) for key in EDGE_KEYS} for edge in page.edges)
                links = _link_boxes(page)
                sheets.append(PlumberPage(number, float(page.width), float(page.height), chars, edges, links))
                page.close()   # drop pdfminer's layout objects; the dicts above are all we keep
        return tuple(sheets)


def _link_boxes(page) -> tuple[tuple[float, float, float, float], ...]:
    """(x0, top, x1, bottom) of each /Link annotation, read from the page object (pdfplumber's own
    `hyperlinks` fails on a /Contents in PDFDocEncoding)."""
    from pdfminer.pdftypes import resolve1
    boxes = []
    for annotation in resolve1(page.page_obj.annots) or []:
        annotation = resolve1(annotation)
        if getattr(resolve1(annotation.get("Subtype")), "name", None) != "Link":
            continue
        x0, y0, x1, y1 = (float(resolve1(v)) for v in resolve1(annotation["Rect"]))
        height = float(page.height)
        boxes.append((min(x0, x1), height - max(y0, y1), max(x0, x1), height - min(y0, y1)))
    return tuple(boxes)


class Pdfs:
    """path → `Pdf`, one per file (by resolved path) for the whole run."""

    def __init__(self, shared: Path | None = None):
        self._files: dict[Path, Pdf] = {}
        self.shared = shared

    def __getitem__(self, path: Path) -> Pdf:
        key = Path(path).resolve()
        if key not in self._files:
            self._files[key] = Pdf(key, self.shared)
        return self._files[key]
