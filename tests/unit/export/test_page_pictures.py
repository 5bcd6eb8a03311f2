"""The typesetting process's side of the preview's pages: kept, drawn, forgotten."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from cpc_desktop.export.page_pictures import Pictures


def _pdf(pages: int) -> bytes:
    out = io.BytesIO()
    drawing = canvas.Canvas(out, pagesize=A4)
    for number in range(pages):
        drawing.drawString(72, 720, f"Page {number + 1}")
        drawing.showPage()
    drawing.save()
    return out.getvalue()


def test_a_kept_pdf_gives_its_sizes_and_any_page_at_the_scale_asked() -> None:
    pictures = Pictures()
    sizes = pictures.keep(1, True, _pdf(3))
    assert len(sizes) == 3 and all(round(w) == 595 and round(h) == 842 for w, h in sizes)
    drawn = pictures.draw(1, True, 2, 0.5)
    assert drawn is not None and drawn.index == 2 and drawn.scale == 0.5
    assert drawn.width in (297, 298) and drawn.height in (421, 422)
    assert len(drawn.pixels) == drawn.stride * drawn.height
    bigger = pictures.draw(1, True, 2, 1.0)
    assert bigger is not None and bigger.width in (595, 596)  # rounded up
    assert [p.index for p in pictures.first(1, True, 0.25, 2)] == [0, 1]
    assert pictures.first(1, True, 0.0, 2) == ()


def test_pages_not_kept_or_not_there_are_not_drawn() -> None:
    pictures = Pictures()
    pictures.keep(1, False, _pdf(1))
    assert pictures.draw(1, True, 0, 1.0) is None  # the whole is not kept yet
    assert pictures.draw(1, False, 1, 1.0) is None  # no second page
    assert pictures.draw(1, False, 0, 0.0) is None
    assert pictures.draw(2, False, 0, 1.0) is None
    assert pictures.keep(3, True, b"not a pdf") == ()
    assert pictures.draw(3, True, 0, 1.0) is None


def test_the_whole_replaces_its_first_page_and_only_the_last_few_are_kept() -> None:
    pictures = Pictures(keep=2)
    pictures.keep(1, False, _pdf(1))
    pictures.keep(1, True, _pdf(2))
    assert pictures.held() == [(1, True)]
    pictures.keep(2, True, _pdf(1))
    pictures.keep(3, True, _pdf(1))
    assert pictures.held() == [(2, True), (3, True)]
    assert pictures.draw(1, True, 0, 1.0) is None
    assert pictures.draw(3, True, 0, 1.0) is not None
    pictures.forget(3)
    assert pictures.held() == [(2, True)]
    assert pictures.draw(3, True, 0, 1.0) is None


def test_a_page_without_colour_comes_as_one_grey_byte_a_pixel_and_colour_as_three() -> None:
    out = io.BytesIO()
    drawing = canvas.Canvas(out, pagesize=A4)
    drawing.drawString(72, 720, "Black on white")
    drawing.showPage()
    drawing.setFillColorRGB(0.8, 0.1, 0.1)
    drawing.rect(72, 600, 200, 100, fill=1)
    drawing.showPage()
    drawing.save()
    pictures = Pictures()
    pictures.keep(1, True, out.getvalue())
    grey = pictures.draw(1, True, 0, 0.5)
    coloured = pictures.draw(1, True, 1, 0.5)
    assert grey is not None and coloured is not None
    assert grey.depth == 1 and grey.stride == grey.width
    assert len(grey.pixels) == grey.width * grey.height
    assert min(grey.pixels) < 128 < max(grey.pixels)  # the text is there
    assert coloured.depth == 3 and coloured.stride == coloured.width * 3
    assert len(coloured.pixels) == coloured.stride * coloured.height
    red, green, blue = coloured.pixels[0::3], coloured.pixels[1::3], coloured.pixels[2::3]
    assert any(r > 150 and g < 80 and b < 80 for r, g, b in zip(red, green, blue, strict=True))
