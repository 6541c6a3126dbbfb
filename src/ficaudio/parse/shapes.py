"""What each part of an AO3, FanFicFare or generic HTML document is, fed to a StoryBuilder.

Shared by the HTML reader (one document) and the EPUB reader (the spine's documents).
Each ``read_*`` function walks a document tree in reading order, sends story text, chapter
headings and asides (summary, notes, end notes, site chrome) to a
:class:`~ficaudio.parse.layout.StoryBuilder` and returns the :class:`~ficaudio.parse.layout.Meta`
it found. Structure is matched by ``id`` and class names with trailing digits ignored, so the
same rules read AO3's HTML download and calibre's rewrite of it inside AO3's EPUB.
"""

from __future__ import annotations

from ficaudio.models import AsideKind
from ficaudio.parse.layout import Meta, Para, StoryBuilder, Styles, flatten
from ficaudio.parse.lines import chapter_heading_title
from ficaudio.parse.markup import Element, Node, classes, find, find_all, has_class, text_of, with_id

LABEL_KINDS = {
    "summary": AsideKind.SUMMARY,
    "chapter summary": AsideKind.SUMMARY,
    "summary for the chapter": AsideKind.SUMMARY,
    "notes": AsideKind.NOTES,
    "chapter notes": AsideKind.NOTES,
    "notes for the chapter": AsideKind.NOTES,
    "author's note": AsideKind.NOTES,
    "author’s note": AsideKind.NOTES,
    "author's notes": AsideKind.NOTES,
    "end notes": AsideKind.END_NOTES,
    "chapter end notes": AsideKind.END_NOTES,
    "works inspired by this one": AsideKind.END_NOTES,
}
"""Label paragraphs of AO3 (``<p>Chapter Notes</p>``) and FanFicFare (``<b>Notes for the Chapter:</b>``)."""

CHROME_CLASSES = frozenset({"endnote-link", "message", "byline", "toc-heading", "landmark"})
HEADING_TAGS = ("h1", "h2", "h3")


def label_kind(text: str) -> AsideKind | None:
    """The aside kind a label paragraph announces, None for other text.

    >>> label_kind("Chapter Notes"), label_kind("Notes for the Chapter:"), label_kind("Notes are fun")
    (<AsideKind.NOTES: 'notes'>, <AsideKind.NOTES: 'notes'>, None)
    """
    return LABEL_KINDS.get(text.strip().rstrip(":").strip().lower())


def foot_kind(label: AsideKind) -> AsideKind:
    """Notes after a chapter are end notes whatever their label ("Notes for the Chapter:").

    >>> foot_kind(AsideKind.NOTES), foot_kind(AsideKind.SUMMARY)
    (<AsideKind.END_NOTES: 'end_notes'>, <AsideKind.SUMMARY: 'summary'>)
    """
    return AsideKind.END_NOTES if label is AsideKind.NOTES else label


def children(element: Element) -> list[Element]:
    return [child for child in element.children if isinstance(child, Element)]


def heading_title(text: str) -> str | None:
    """Chapter title of a heading: "Chapter 3: Rain" -> "Rain", "Chapter 3" -> None, "Rain" -> "Rain".

    >>> heading_title("Chapter 3: Rain"), heading_title("Chapter 3"), heading_title("Rain")
    ('Rain', None, 'Rain')
    """
    title = chapter_heading_title(text)
    if title is None:
        return text or None
    return title or None


def texts(paras: list[Para]) -> list[str]:
    """Text of the paragraphs (breaks and empty paragraphs left out: an aside has no pauses)."""
    return [para.text for para in paras if para.kind == "text"]


# ---------------------------------------------------------------------- AO3
def ao3_tags(dl: Element) -> dict[str, str]:
    """``<dt>Fandom:</dt><dd>Naruto</dd>`` pairs of AO3's tag list.

    >>> from ficaudio.parse.markup import parse_html
    >>> ao3_tags(parse_html("<dl><dt>Fandom:</dt><dd><a>Naruto</a></dd><dt>Stats:</dt><dd>Words: 5</dd></dl>"))
    {'Fandom': 'Naruto', 'Stats': 'Words: 5'}
    """
    tags, label = {}, None
    for element in find_all(dl, lambda e: e.tag in ("dt", "dd")):
        if element.tag == "dt":
            label = text_of(element).rstrip(":").strip()
        elif label:
            tags[label] = text_of(element)
    return tags


def ao3_meta(root: Element) -> Meta:
    """Title (``<h1>``), authors (``rel="author"`` links), fandom (tag list) of an AO3 preface."""
    preface = find(root, with_id("preface")) or root
    heading = find(preface, lambda e: e.tag == "h1")
    authors = [text_of(a) for a in find_all(preface, lambda e: e.tag == "a" and e.get("rel") == "author")]
    byline = find(preface, has_class("byline"))
    author = ", ".join(authors) or (text_of(byline).removeprefix("by ").strip() if byline else None)
    dl = find(preface, has_class("tags"))
    tags = ao3_tags(dl) if dl else {}
    fandom = tags.get("Fandom") or tags.get("Fandoms")
    return Meta(title=text_of(heading) if heading else None, author=author or None, fandom=fandom)


def is_ao3_chapter_text(element: Element) -> bool:
    """A ``div.userstuff`` holding chapter text, not the ``#chapters`` wrapper around chapters."""
    if element.tag != "div" or "userstuff" not in classes(element) or element.get("id") == "chapters":
        return False
    return not any(classes(child) & {"meta", "userstuff"} for child in children(element))


def is_ao3_chapter_heading(element: Element) -> bool:
    return element.tag == "h2" and "heading" in classes(element)


def read_meta_block(element: Element, builder: StoryBuilder, styles: Styles, *, default: AsideKind, work: bool) -> None:
    """Summary/notes/end-notes block: labels and links are chrome, quoted text is the note."""
    kind = default
    for child in children(element):
        label = label_kind(text_of(child)) if child.tag in ("p", "b", "strong", "dt", "h3") else None
        if is_ao3_chapter_heading(child):
            text = text_of(child)
            builder.open_chapter(text, heading_title(text))
        elif label is not None:
            kind = foot_kind(label) if default is AsideKind.END_NOTES else label
            builder.aside(AsideKind.CHROME, [text_of(child)], work=work)
        elif "tags" in classes(child):
            builder.aside(AsideKind.CHROME, [f"{k}: {v}" for k, v in ao3_tags(child).items()], work=work)
        elif classes(child) & CHROME_CLASSES or child.tag in ("h1", "h2"):
            builder.aside(AsideKind.CHROME, texts(flatten(child, styles)), work=work)
        elif child.tag == "div" and not ({"userstuff"} & classes(child)):
            read_meta_block(child, builder, styles, default=kind, work=work)
        elif child.tag in ("ul", "dl"):  # related works, "inspired by" links: notes, whatever label came before
            builder.aside(default, texts(flatten(child, styles)), work=work)
        else:
            builder.aside(kind, texts(flatten(child, styles)), work=work)


def read_ao3(root: Element, builder: StoryBuilder, styles: Styles = Styles()) -> Meta:
    """An AO3 download (HTML, or the EPUB's documents under one root)."""
    walk_ao3(root, builder, styles)
    return ao3_meta(root)


def walk_ao3(element: Element, builder: StoryBuilder, styles: Styles) -> None:
    for child in children(element):
        if child.get("id") == "preface":
            read_meta_block(child, builder, styles, default=AsideKind.NOTES, work=True)
        elif child.get("id") == "afterword":
            read_meta_block(child, builder, styles, default=AsideKind.END_NOTES, work=True)
        elif is_ao3_chapter_heading(child):
            builder.open_chapter(text_of(child), heading_title(text_of(child)))
        elif is_ao3_chapter_text(child):
            builder.body(flatten(child, styles))
        elif "meta" in classes(child):
            end = child.get("id").startswith("endnotes") or "endnote" in classes(child)
            read_meta_block(child, builder, styles, default=AsideKind.END_NOTES if end else AsideKind.NOTES, work=False)
        else:
            walk_ao3(child, builder, styles)


def is_ao3(root: Element) -> bool:
    """AO3's download preface: ``#preface`` with its posted-on message or its tag list."""
    preface = find(root, with_id("preface"))
    if preface is None:
        return False
    message = find(preface, has_class("message"))
    return find(preface, has_class("tags")) is not None or (message is not None and "Archive of Our Own" in text_of(message))


# ------------------------------------------------------------------ FanFicFare
FFF_FANDOM_LABELS = ("Fandom", "Fandoms", "Category", "Categories")


def fff_fields(paras: list[Para]) -> dict[str, str]:
    """``Label: value`` lines of a FanFicFare title page (table rows or ``<b>`` + ``<br>``).

    >>> fff_fields([Para("Category: Naruto"), Para("Summary: Rain.")])
    {'Category': 'Naruto', 'Summary': 'Rain.'}
    """
    fields = {}
    for para in paras:
        label, sep, value = para.text.partition(":")
        if sep and label and len(label) <= 30:
            fields.setdefault(label.strip(), value.strip())
    return fields


def title_page_rows(element: Element, styles: Styles) -> list[Para]:
    """One paragraph per table row (cells joined) or per ``<br>`` line."""
    rows = find_all(element, lambda e: e.tag == "tr")
    if rows:
        return [Para(" ".join(text_of(cell) for cell in children(row))) for row in rows]
    return flatten(element, styles)


def split_title_byline(text: str) -> tuple[str | None, str | None]:
    """``Title by Author`` of FanFicFare's title heading.

    >>> split_title_byline("Salt Road by Ana Reyes")
    ('Salt Road', 'Ana Reyes')
    """
    title, sep, author = text.rpartition(" by ")
    return (title.strip(), author.strip()) if sep else (text or None, None)


def read_fff_title_page(root: Element, builder: StoryBuilder, styles: Styles) -> Meta:
    """The title heading and metadata table: chrome, except the summary (a SUMMARY aside)."""
    heading = find(root, lambda e: e.tag in ("h1", "h3") and find(e, lambda a: a.tag == "a") is not None)
    title, author = split_title_byline(text_of(heading)) if heading else (None, None)
    if heading:
        builder.aside(AsideKind.CHROME, [text_of(heading)], work=True)
    table = find(root, lambda e: e.tag == "table" or "fff_titlepage" in classes(e))
    rows = title_page_rows(table, styles) if table else []
    fields = fff_fields(rows)
    for row in rows:
        label = row.text.partition(":")[0].strip()
        if label in ("Summary", "Description"):
            builder.aside(AsideKind.CHROME, [label + ":"], work=True)
            builder.aside(AsideKind.SUMMARY, [row.text.partition(":")[2]], work=True)
        else:
            builder.aside(AsideKind.CHROME, [row.text], work=True)
    fandom = next((fields[k] for k in FFF_FANDOM_LABELS if fields.get(k)), None)
    return Meta(title=title, author=fields.get("Author") or author, fandom=fandom)


def read_fff_chapter(element: Element, builder: StoryBuilder, styles: Styles) -> None:
    """A chapter's nodes: its title heading, head/foot note divs, the rest story text."""
    pending: list[Node] = []
    for child in element.children:
        if isinstance(child, Element) and is_fff_part(child):
            builder.body(flatten(pending, styles))
            pending = []
            read_fff_part(child, builder, styles)
        elif isinstance(child, Element) and contains_fff_part(child):
            builder.body(flatten(pending, styles))
            pending = []
            read_fff_chapter(child, builder, styles)
        else:
            pending.append(child)
    builder.body(flatten(pending, styles))


def is_fff_part(element: Element) -> bool:
    return bool(classes(element) & {"fff_chapter_title", "fff_chapter_notes"}) or is_fff_section_anchor(element)


def contains_fff_part(element: Element) -> bool:
    return find(element, lambda e: e is not element and is_fff_part(e)) is not None


def is_fff_section_anchor(element: Element) -> bool:
    """FanFicFare's HTML chapter start: ``<a name="section1"><h2>Chapter</h2></a>``."""
    return element.tag == "a" and element.get("name").startswith("section")


def read_fff_part(element: Element, builder: StoryBuilder, styles: Styles) -> None:
    if "fff_chapter_notes" in classes(element):
        foot = "fff_foot_notes" in classes(element)
        read_meta_block(element, builder, styles, default=AsideKind.END_NOTES if foot else AsideKind.NOTES, work=False)
    else:
        text = text_of(element)
        builder.open_chapter(text, heading_title(text))


def is_fff_html(root: Element) -> bool:
    """FanFicFare's HTML: its ``fff_`` note classes, ``section`` anchors or title table."""
    return find(root, lambda e: is_fff_part(e) or (e.tag == "table" and "full" in classes(e))) is not None


def read_fff_html(root: Element, builder: StoryBuilder, styles: Styles = Styles()) -> Meta:
    """FanFicFare's one-file HTML: title heading, metadata table, contents list, chapters."""
    meta = read_fff_title_page(root, builder, styles)
    body = find(root, lambda e: e.tag == "body") or root
    first = find(body, is_fff_section_anchor)
    if first is None:
        read_fff_chapter(body, builder, styles)
        return meta
    chapters = Element("#chapters", children=following(body, first))
    read_fff_chapter(chapters, builder, styles)
    return meta


def following(body: Element, first: Element) -> list[Node]:
    """The body's top-level nodes from the one that holds ``first`` on (chapters, not front matter)."""
    nodes = body.children
    for index, node in enumerate(nodes):
        if node is first or (isinstance(node, Element) and find(node, lambda e: e is first)):
            return nodes[index:]
    return []


# --------------------------------------------------------------------- generic
def chapter_heading_tag(root: Element) -> str | None:
    """The heading level that divides chapters: the first of h1-h3 used twice or more,
    else one heading that reads like "Chapter 1".

    >>> from ficaudio.parse.markup import parse_html
    >>> chapter_heading_tag(parse_html("<h1>T</h1><h2>One</h2><p>a</p><h2>Two</h2>"))
    'h2'
    """
    counts = {tag: find_all(root, lambda e, t=tag: e.tag == t and bool(text_of(e))) for tag in HEADING_TAGS}
    for tag in HEADING_TAGS:
        if len(counts[tag]) >= 2:
            return tag
    for tag in HEADING_TAGS:
        if counts[tag] and chapter_heading_title(text_of(counts[tag][0])) is not None:
            return tag
    return None


def read_generic(root: Element, builder: StoryBuilder, styles: Styles = Styles(), *, heading_tag: str | None = None) -> Meta:
    """Any HTML: chapters at the dividing heading level; a lone top ``<h1>`` is the title."""
    body = find(root, lambda e: e.tag == "body") or root
    tag = heading_tag or chapter_heading_tag(body)
    title_element = find(root, lambda e: e.tag == "title")
    h1 = find(body, lambda e: e.tag == "h1")
    title = text_of(h1) if h1 is not None and tag != "h1" else None
    if title:
        builder.aside(AsideKind.CHROME, [title], work=True)
    walk_generic(body, builder, styles, tag, skip=h1 if title else None)
    return Meta(title=title or (text_of(title_element) if title_element else None))


def walk_generic(element: Element, builder: StoryBuilder, styles: Styles, tag: str | None, *, skip: Element | None) -> None:
    """Story text in order; headings at ``tag`` open chapters (descending to find them)."""
    pending: list[Node] = []
    for child in element.children:
        if child is skip:
            continue
        holds = isinstance(child, Element) and tag is not None and (child.tag == tag or holds_heading(child, tag, skip))
        if not holds:
            pending.append(child)
            continue
        builder.body(flatten(pending, styles))
        pending = []
        if child.tag == tag:
            builder.open_chapter(text_of(child), heading_title(text_of(child)))
        else:
            walk_generic(child, builder, styles, tag, skip=skip)
    builder.body(flatten(pending, styles))


def holds_heading(element: Element, tag: str, skip: Element | None) -> bool:
    return find(element, lambda e: e.tag == tag and e is not skip) is not None or (skip is not None and find(element, lambda e: e is skip) is not None)
