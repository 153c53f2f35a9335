"""The PDF cache (lmp/print/pdf_cache.py): a rebuild re-prints only PDFs whose input changed."""
from __future__ import annotations

from lmp.print import pdf_cache


def test_key_follows_the_html_and_every_local_file_it_loads(tmp_path):
    css = tmp_path / "print.css"
    css.write_text("body { font-size: 11pt }", encoding="utf-8")
    html = f'<link rel="stylesheet" href="file://{css}"><p>Tekst</p>'
    first = pdf_cache.key(html)
    assert pdf_cache.key(html) == first                                  # same input, same key
    assert pdf_cache.key(html.replace("Tekst", "Tekst.")) != first        # the page changed
    css.write_text("body { font-size: 10.5pt }", encoding="utf-8")
    assert pdf_cache.key(html) != first                                  # its stylesheet changed
    neighbour = tmp_path / "next.html"
    neighbour.write_text("<p>1</p>", encoding="utf-8")
    linked = html + f"<link rel=\"next\" href=\"file://{neighbour}\">"
    before = pdf_cache.key(linked)
    neighbour.write_text("<p>2</p>", encoding="utf-8")
    assert pdf_cache.key(linked) == before                               # a linked page is not loaded
    finished = pdf_cache.key(html, also=("<h2>Tekst</h2>", b"def finish(): ..."))
    assert finished != pdf_cache.key(html)                               # finished with what else
    assert pdf_cache.key(html, also=("<h2>Tekst</h2>", b"def finish(): pass")) != finished  # new code


def test_round_trip_and_switch_off(tmp_path, monkeypatch):
    monkeypatch.setenv("LMP_PDF_CACHE", str(tmp_path / "cache"))
    key = pdf_cache.key("<p>x</p>")
    assert pdf_cache.get(key) is None
    pdf_cache.put(key, b"%PDF-1.7 test", 3)
    assert pdf_cache.get(key) == (b"%PDF-1.7 test", 3)
    monkeypatch.setenv("LMP_PDF_CACHE", "off")
    assert pdf_cache.get(key) is None


def test_a_booklet_is_imposed_once_for_the_same_a5_print(tmp_path, monkeypatch):
    """lmp/print/booklets.py `make`: a booklet whose A5 print (bytes), title and language are
    unchanged comes from the cache; another A5 print is imposed again. Booklets are not counted as
    prints."""
    import pikepdf
    from lmp.print import booklets
    monkeypatch.setenv("LMP_PDF_CACHE", str(tmp_path / "cache"))
    imposed = []

    def impose(source, target, title, lang, metadata=None):
        imposed.append(source.read_bytes())
        target.write_bytes(b"%PDF booklet of " + source.read_bytes())
        return 2

    monkeypatch.setattr(booklets, "impose", impose)
    monkeypatch.setattr(pdf_cache, "stats", {"printed": 0, "cached": 0})
    a4, target = tmp_path / "index.pdf", tmp_path / "index-hefte.pdf"
    with pikepdf.new() as document:          # the finished A4 PDF: the booklet takes its metadata
        document.add_blank_page()
        document.save(a4)
    booklets.make(b"%PDF A5 one", a4, target, "Tittel", "nb")
    target.unlink()
    booklets.make(b"%PDF A5 one", a4, target, "Tittel", "nb")
    assert imposed == [b"%PDF A5 one"] and target.read_bytes() == b"%PDF booklet of %PDF A5 one"
    booklets.make(b"%PDF A5 one", a4, target, "Tittel", "nn")            # another language
    booklets.make(b"%PDF A5 two", a4, target, "Tittel", "nb")            # the handout changed
    assert imposed == [b"%PDF A5 one", b"%PDF A5 one", b"%PDF A5 two"]
    assert target.read_bytes() == b"%PDF booklet of %PDF A5 two"
    assert pdf_cache.stats == {"printed": 0, "cached": 0}
