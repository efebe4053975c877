"""An agenda as a Word document, made from the HTML agenda the program's template renders.

Why from the HTML and not from the `Agenda` record: what goes in an agenda, in which order and
under which titles, is the program's template (or the office's own, `--templates`). Rebuilding
that layout in Python for Word would be a second copy of every template, free to drift. The HTML
is ours -- autoescaped, a small set of elements (headings, paragraphs, nested lists, tables, a
few marked spans) -- so walking it gives Word the very same sections, sources, partner
withholding and words, and each element becomes its real Word counterpart: h1-h3 the Heading
1-3 styles (Word's navigation pane lists them), lists its bullet and number styles, tables real
tables (the hand-written action plan keeps its tall empty rows), and the page's Confidential
banner the header of every page.

python-docx (and lxml under it) is imported only here, when a docx is asked for.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any, NamedTuple

CONFIDENTIAL_CLASS = "confidential"
CONFIDENTIAL = "Confidential \u2014 contains case data"
"""Every page's header when a template of the office's own leaves the banner out: an agenda
always holds case data."""
WRITE_ROW_MM = 18
"""A row of the action plan written by hand: two lines of handwriting, as in the printed HTML."""

_SKIPPED = {"head", "title", "style", "script", "noscript", "template", "svg"}
_BLOCKS = {
    "p", "div", "section", "header", "main", "footer", "article", "aside", "nav", "address", "blockquote", "pre", "hr",
    "figure", "figcaption", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tr", "td", "th", "thead",
    "tbody", "tfoot",
}  # fmt: skip
BOXED_CLASS = "partner"
"""A block the HTML draws a box around (the partner copy's notice): boxed in Word too."""
_AFTER_BORDER = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
"""What follows a paragraph's border in its properties (the schema's order, which Word holds to)."""
_TABLE_PARTS = {"table", "thead", "tbody", "tfoot", "tr", "td", "th"}
_HEADINGS = {f"h{level}": f"Heading {level}" for level in range(1, 7)}
_STATUS_COLOURS = {"blocking": "A00000", "warning": "8A5A00", "ok": "1A6B1A", "record": "1F4F8A", "needed": "A00000"}
_SPACE = re.compile(r"\s+")


class _Look(NamedTuple):
    """How a run of text looks: what the HTML's elements and classes around it say. (Named
    tuples, not dataclasses, here: this module is imported with every agenda command, and a
    dataclass costs a millisecond to define.)"""

    bold: bool = False
    italic: bool = False
    small: bool = False
    grey: bool = False
    colour: str = ""
    highlight: str = ""


class _Cell:
    """A table cell as the HTML has it: its text, whether it heads a column, whether it is left
    empty to be written in."""

    def __init__(self, header: bool, write: bool) -> None:
        self.runs: list[tuple[str, _Look]] = []
        self.header = header
        self.write = write


class _Table:
    """A table gathered from the HTML, made in Word once it is whole."""

    def __init__(self) -> None:
        self.widths: list[float] = []
        self.rows: list[list[_Cell]] = []
        self.header_rows = 0
        self.in_head = False


def _look_of(tag: str, classes: set[str], look: _Look) -> _Look:
    """The look inside an inline element (or a block whose class gives its text a look)."""
    if tag in ("strong", "b", "th", "dt"):
        look = look._replace(bold=True)
    if tag in ("em", "i"):
        look = look._replace(italic=True)
    if "src" in classes:
        look = look._replace(small=True, grey=True, bold=False, italic=False)
    if "cite" in classes:
        look = look._replace(italic=True, grey=True)
    if "gap" in classes:
        look = look._replace(highlight="YELLOW")
    if "withheld" in classes:
        look = look._replace(italic=True, highlight="GRAY_25")
    for name, colour in _STATUS_COLOURS.items():
        if name in classes:
            look = look._replace(bold=True, colour=colour)
    return look


class _Builder:
    """Turns the HTML agenda's elements, in document order, into the Word document's."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.runs: list[tuple[str, _Look]] = []
        self.style = "Normal"
        self.paragraph_look = _Look()
        self.looks: list[tuple[str, _Look]] = []
        self.lists: list[str] = []
        self.continuing = False
        """Text in a list entry after a list nested in it: it continues the entry, no new bullet."""
        self.number_id: int | None = None
        self.table: _Table | None = None
        self.nested = 0
        self.divs: list[bool] = []
        """For each open div: whether it is boxed."""
        self.cell: _Cell | None = None
        self.skipping = 0
        self.banner: list[str] | None = None
        self.confidential = ""
        self.title = ""
        self.in_title = False
        self.keep_next = False

    # -- the parser's events -------------------------------------------------------------------

    def start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = set((found.get("class") or "").split())
        if tag == "title":
            self.in_title = True
        if tag in _SKIPPED:
            self.skipping += 1
            return
        if self.skipping:
            return
        if tag == "div" and CONFIDENTIAL_CLASS in classes:
            self.banner = []
            return
        if tag == "br":
            self._text("\n")
            return
        if tag == "col":
            if self.table is not None:
                width = re.search(r"width:\s*([0-9.]+)%", found.get("style") or "")
                self.table.widths.append(float(width[1]) if width else 0.0)
            return
        if tag in _BLOCKS:
            self._block_start(tag, classes)
        if tag == "div":
            self.divs.append(BOXED_CLASS in classes)
        if tag == "dt":
            self.flush()
            self.style, self.paragraph_look = "Normal", _Look()
        self.looks.append((tag, _look_of(tag, classes, self._look())))

    def end(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIPPED:
            self.skipping -= 1
            return
        if self.skipping:
            return
        if tag == "div" and self.banner is not None:
            self.confidential = _SPACE.sub(" ", "".join(self.banner)).strip()
            self.banner = None
            return
        for index in range(len(self.looks) - 1, -1, -1):
            if self.looks[index][0] == tag:
                del self.looks[index:]
                break
        if tag == "dt":
            self._text(": ")
        if tag in _BLOCKS:
            self._block_end(tag)
        if tag == "div" and self.divs:
            self.divs.pop()

    def data(self, text: str) -> None:
        if self.in_title:
            self.title += text
        if self.skipping:
            return
        if self.banner is not None:
            self.banner.append(text)
            return
        self._text(text)

    # -- blocks ------------------------------------------------------------------------------

    def _block_start(self, tag: str, classes: set[str]) -> None:
        if self.table is not None and tag in _TABLE_PARTS:
            if tag == "table":
                self.nested += 1  # a table in a table (a template of the office's own): its text joins the cell
            if self.nested:
                self._text(" ")
            else:
                self._table_start(tag, classes)
            return
        self.flush()
        if tag == "table":
            self.table = _Table()
        elif tag in ("ul", "ol"):
            self.lists.append(tag)
            self.continuing = False
            if tag == "ol":
                self.number_id = _restarted_numbering(self.document, self._list_style())
        elif tag == "li":
            self.style, self.paragraph_look, self.continuing = self._list_style(), _Look(), False
        elif tag in _HEADINGS:
            self.style, self.paragraph_look = _HEADINGS[tag], _Look()
        elif tag == "p":
            self.style = self._continue_style() if self.lists else "Normal"
            self.paragraph_look = _look_of(tag, classes, _Look())
            self.keep_next = bool(classes & {"cite", "lead-in"})

    def _block_end(self, tag: str) -> None:
        if self.table is not None and self.nested and tag in _TABLE_PARTS:
            if tag == "table":
                self.nested -= 1
            self._text(" ")
            return
        if self.table is not None and tag in _TABLE_PARTS and tag != "table":
            self._table_end(tag)
            return
        if tag == "table" and self.table is not None:
            table, self.table = self.table, None
            _add_table(self.document, table)
            return
        self.flush()
        if tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            # What follows a nested list in the same entry continues that entry.
            self.continuing = bool(self.lists)
            if self.continuing:
                self.style = self._continue_style()
        elif tag == "li":
            self.continuing = False
        if not self.lists:
            self.style, self.paragraph_look = "Normal", _Look()

    def _list_style(self) -> str:
        depth = min(len(self.lists), 3)
        name = "List Number" if self.lists and self.lists[-1] == "ol" else "List Bullet"
        return name if depth <= 1 else f"{name} {depth}"

    def _continue_style(self) -> str:
        depth = min(len(self.lists), 3)
        return "List Continue" if depth <= 1 else f"List Continue {depth}"

    # -- tables ------------------------------------------------------------------------------

    def _table_start(self, tag: str, classes: set[str]) -> None:
        table = self.table
        assert table is not None
        if tag == "thead":
            table.in_head = True
        elif tag == "tr":
            table.rows.append([])
        elif tag in ("td", "th") and table.rows:
            self.cell = _Cell(header=table.in_head, write="write" in classes)
            table.rows[-1].append(self.cell)

    def _table_end(self, tag: str) -> None:
        table = self.table
        assert table is not None
        if tag == "thead":
            table.in_head = False
            table.header_rows = len(table.rows)
        elif tag in ("td", "th"):
            self.cell = None

    # -- text --------------------------------------------------------------------------------

    def _look(self) -> _Look:
        return self.looks[-1][1] if self.looks else _Look()

    def _text(self, text: str) -> None:
        look = self._look()
        if self.cell is not None:
            self.cell.runs.append((text, look))
        elif self.table is None:
            self.runs.append((text, look))

    def flush(self) -> None:
        """The text gathered since the last block boundary as one paragraph (none if blank)."""
        runs, self.runs = _collapsed(self.runs), []
        if not runs:
            return
        paragraph = self.document.add_paragraph(style=self.style)
        if self.number_id is not None and self.style.startswith("List Number"):
            _number(paragraph, self.number_id, len(self.lists) - 1)
        if self.keep_next or self.style.startswith("Heading"):
            paragraph.paragraph_format.keep_with_next = True
        if any(self.divs):
            _box(paragraph)
        _write_runs(paragraph, runs, self.paragraph_look)
        if self.continuing is False and self.style.startswith("List"):
            # A list entry's own text: anything after a list nested in it continues it.
            self.style = self._continue_style()
        self.keep_next = False


def _box(paragraph: Any) -> None:
    """A border around the paragraph; Word joins those of paragraphs that follow each other."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    border = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        line = OxmlElement(f"w:{side}")
        for name, value in (("val", "single"), ("sz", "12"), ("space", "4"), ("color", "333333")):
            line.set(qn(f"w:{name}"), value)
        border.append(line)
    paragraph._p.get_or_add_pPr().insert_element_before(border, *_AFTER_BORDER)


def _collapsed(runs: list[tuple[str, _Look]]) -> list[tuple[str, _Look]]:
    """HTML's white space: runs of it read as one space, none at either end of a paragraph or line."""
    out: list[tuple[str, _Look]] = []
    for text, look in runs:
        if text == "\n":
            out.append((text, look))
            continue
        said = _SPACE.sub(" ", text)
        if said.startswith(" ") and (not out or out[-1][0].endswith((" ", "\n"))):
            said = said[1:]
        if said:
            out.append((said, look))
    while out and out[-1][0] in (" ", "\n"):
        out.pop()
    if out and out[-1][0].endswith(" "):
        out[-1] = (out[-1][0].rstrip(" "), out[-1][1])
    cleaned: list[tuple[str, _Look]] = []
    for index, (text, look) in enumerate(out):
        if index + 1 < len(out) and out[index + 1][0] == "\n":
            text = text.rstrip(" ")
        if text:
            cleaned.append((text, look))
    return cleaned


def _write_runs(paragraph: Any, runs: list[tuple[str, _Look]], base: _Look) -> None:
    from docx.enum.text import WD_COLOR_INDEX
    from docx.shared import Pt, RGBColor

    gap_marked = False
    for text, look in runs:
        if text == "\n":
            paragraph.add_run().add_break()
            continue
        look = _merged(base, look)
        if look.highlight == "YELLOW" and not gap_marked:
            # The HTML marks a gap with a "? " (in its style sheet); so does Word, in print too.
            marker = paragraph.add_run("? ")
            marker.bold = True
            marker.font.highlight_color = WD_COLOR_INDEX.YELLOW
        gap_marked = look.highlight == "YELLOW"
        run = paragraph.add_run(text)
        run.bold = look.bold or None
        run.italic = look.italic or None
        if look.small:
            run.font.size = Pt(7.5)
        if look.colour or look.grey:
            run.font.color.rgb = RGBColor.from_string(look.colour or "555555")
        if look.highlight:
            run.font.highlight_color = getattr(WD_COLOR_INDEX, look.highlight)


def _merged(base: _Look, look: _Look) -> _Look:
    return _Look(
        bold=base.bold or look.bold,
        italic=base.italic or look.italic,
        small=base.small or look.small,
        grey=base.grey or look.grey,
        colour=look.colour or base.colour,
        highlight=look.highlight or base.highlight,
    )


def _restarted_numbering(document: Any, style: str) -> int | None:
    """A numbering of its own for one numbered list, starting at 1 (Word would otherwise carry
    on counting from the document's previous numbered list)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    try:
        style_id = document.styles[style].element.pPr.numPr.numId.val
    except (KeyError, AttributeError):
        return None
    numbering = document.part.numbering_part.element
    abstract = next((n.abstractNumId.val for n in numbering.num_lst if n.numId == style_id), None)
    if abstract is None:
        return None
    num = numbering.add_num(abstract)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    return int(num.numId)


def _number(paragraph: Any, number_id: int, level: int) -> None:
    numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numbering.get_or_add_numId().val = number_id
    numbering.get_or_add_ilvl().val = max(0, level)


def _add_table(document: Any, table: _Table) -> None:
    """A real Word table: header rows repeated on each page, rows kept whole, widths as in the
    HTML; the rows to be written in at the meeting tall and empty."""
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.oxml import OxmlElement
    from docx.shared import Mm

    rows = [row for row in table.rows if row]
    if not rows:
        return
    columns = max(len(row) for row in rows)
    made = document.add_table(rows=len(rows), cols=columns)
    made.style = "Table Grid"
    usable = document.sections[-1].page_width - document.sections[-1].left_margin - document.sections[-1].right_margin
    total = sum(table.widths[:columns]) if len(table.widths) >= columns else 0
    for row_index, row in enumerate(rows):
        word_row = made.rows[row_index]
        properties = word_row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if row_index < table.header_rows:
            properties.append(OxmlElement("w:tblHeader"))
        if row and all(cell.write for cell in row):
            word_row.height = Mm(WRITE_ROW_MM)
            word_row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        for column, cell in enumerate(row):
            word_cell = word_row.cells[column]
            if total:
                word_cell.width = int(usable * table.widths[column] / total)
            runs = _collapsed(cell.runs)
            if runs:
                _write_runs(word_cell.paragraphs[0], runs, _Look(bold=cell.header))


def _header_and_footer(document: Any, confidential: str) -> None:
    """The Confidential mark at the top of every page, and "page N of M" at the foot, as the
    printed HTML has them."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    section = document.sections[0]
    head = section.header.paragraphs[0]
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    mark = head.add_run(confidential)
    mark.bold = True
    mark.font.size = Pt(9)
    mark.font.color.rgb = RGBColor.from_string("7A0000")
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for text, instruction in (("page ", ""), ("", "PAGE"), (" of ", ""), ("", "NUMPAGES")):
        if text:
            foot.add_run(text).font.size = Pt(8)
            continue
        fld = OxmlElement("w:fldSimple")
        fld.set(qn("w:instr"), instruction)
        shown = OxmlElement("w:r")  # what a reader that does not work out fields shows
        said = OxmlElement("w:t")
        said.text = "1"
        shown.append(said)
        fld.append(shown)
        foot._p.append(fld)


def docx_from_html(html: str) -> bytes:
    """The HTML agenda (as `render_agenda` makes it) as a .docx file's bytes."""
    from html.parser import HTMLParser

    import docx

    document = docx.Document()
    builder = _Builder(document)

    class _Feed(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            builder.start(tag, attrs)

        def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            builder.start(tag, attrs)
            if tag not in ("br", "col", "meta"):
                builder.end(tag)

        def handle_endtag(self, tag: str) -> None:
            builder.end(tag)

        def handle_data(self, data: str) -> None:
            builder.data(data)

    feed = _Feed(convert_charrefs=True)
    feed.feed(html)
    feed.close()
    builder.flush()
    _header_and_footer(document, builder.confidential or CONFIDENTIAL)
    properties = document.core_properties
    properties.title = _SPACE.sub(" ", builder.title).strip()
    properties.author = "casestaff"
    properties.last_modified_by = "casestaff"
    properties.comments = ""
    properties.created = properties.modified = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    properties.subject = builder.confidential or CONFIDENTIAL
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
