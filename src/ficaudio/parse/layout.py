"""Element trees -> Story text: paragraphs, emphasis, set-apart passages, scene breaks.

The HTML and EPUB readers decide what each part of a document is (story text, heading,
summary, notes, site chrome); this module turns those parts into :attr:`Story.text`, one
paragraph a line with a blank line between, and records every span against that text.
Scene breaks (``<hr>``, symbol-only paragraphs, runs of empty ``<p>&nbsp;</p>``) become
breaks; ``<em>``/``<i>``/italic-styled text becomes :attr:`Story.emphasis`; blockquotes,
centred, monospace and texting-styled blocks become :attr:`Story.set_apart`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ficaudio.models import Aside, AsideKind, Block, BlockKind, Chapter, Story
from ficaudio.parse.lines import is_scene_break_line
from ficaudio.parse.markup import BLOCK_TAGS, Element, Node, classes, raw_classes, style_of, text_of

BREAK_TEXT = "* * *"
"""What an ``<hr>`` or a run of empty paragraphs becomes in Story.text (never spoken)."""

ITALIC_TAGS = frozenset({"em", "i", "cite", "dfn", "var"})
SET_APART_TAGS = frozenset({"blockquote", "pre", "center"})
MONOSPACE_TAGS = frozenset({"code", "tt", "kbd", "samp", "pre"})
# Class names (digits stripped) fan writers and skins give to texts, chats and letters.
SET_APART_CLASSES = frozenset(
    "text texts textmessage text-message texting sms chat message messages phone letter email "
    "epistolary note-text".split()
)
SKIPPED_TAGS = frozenset({"head", "title", "meta", "link", "img", "base"})
MONOSPACE_FONTS = ("monospace", "courier", "consolas", "menlo", "monaco", '"courier')
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class Styles:
    """Stylesheet classes that italicise, centre or set text in monospace (EPUBs)."""

    italic: frozenset[str] = frozenset()
    centred: frozenset[str] = frozenset()
    monospace: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Para:
    """One paragraph as extracted: text, emphasis spans relative to it, and its kind."""

    text: str
    emphasis: tuple[tuple[int, int], ...] = ()
    set_apart: bool = False
    kind: str = "text"  # "text", "break" (an <hr>), "empty" (a <p> with no text)


# ------------------------------------------------------------------ element tests
def is_italic(element: Element, styles: Styles) -> bool:
    """``<em>``, ``<i>``, an italic inline style or stylesheet class.

    >>> is_italic(Element("span", {"style": "font-style: italic"}), Styles()), is_italic(Element("b"), Styles())
    (True, False)
    """
    if element.tag in ITALIC_TAGS:
        return True
    if style_of(element).get("font-style", "").startswith(("italic", "oblique")):
        return True
    return bool(raw_classes(element) & styles.italic)


def is_centred(element: Element, styles: Styles) -> bool:
    """``align="center"``, ``text-align: center`` inline or by class, or ``<center>``."""
    return (
        element.get("align").lower() == "center"
        or style_of(element).get("text-align") == "center"
        or bool(raw_classes(element) & styles.centred)
        or element.tag == "center"
    )


def is_monospace(element: Element, styles: Styles) -> bool:
    family = style_of(element).get("font-family", "")
    return element.tag in MONOSPACE_TAGS or family.startswith(MONOSPACE_FONTS) or bool(raw_classes(element) & styles.monospace)


def is_set_apart(element: Element, styles: Styles) -> bool:
    """A block AO3 writers use for texts, letters and signs: quoted, centred, monospace
    or classed like a text message.

    >>> is_set_apart(Element("div", {"class": "sms"}), Styles()), is_set_apart(Element("p"), Styles())
    (True, False)
    """
    return (
        element.tag in SET_APART_TAGS
        or is_centred(element, styles)
        or is_monospace(element, styles)
        or bool(classes(element) & SET_APART_CLASSES)
    )


def is_blank_paragraph(element: Element) -> bool:
    """``<p>&nbsp;</p>``, ``<p><br/></p>``: a paragraph with no text and no block inside."""
    if element.tag not in ("p", "div") or text_of(element):
        return False
    return not any(isinstance(c, Element) and c.tag in BLOCK_TAGS and c.tag != "br" for c in element.children)


# ------------------------------------------------------------------- flattening
@dataclass
class Flattener:
    """Walks elements, collecting paragraphs with their emphasis (see :func:`flatten`)."""

    styles: Styles
    paras: list[Para] = field(default_factory=list)
    line: str = ""
    spans: list[tuple[int, int]] = field(default_factory=list)
    apart: int = 0  # depth inside set-apart blocks
    pre: int = 0  # depth inside <pre>: line ends are paragraph ends

    def add_text(self, data: str) -> None:
        if self.pre:
            pieces = data.split("\n")
            for index, piece in enumerate(pieces):
                if index:
                    self.flush()
                self.append(piece)
        else:
            self.append(data)

    def append(self, data: str) -> None:
        piece = _SPACE_RE.sub(" ", data)
        if not self.line or self.line.endswith(" "):
            piece = piece.lstrip(" ")
        self.line += piece

    def flush(self, *, blank: bool = False) -> None:
        text = self.line.rstrip(" ")
        if text:
            self.paras.append(Para(text, trimmed_spans(text, self.spans), self.apart > 0))
        elif blank:
            self.paras.append(Para("", kind="empty"))
        self.line, self.spans = "", []

    def walk(self, node: Node) -> None:
        if isinstance(node, str):
            self.add_text(node)
        elif node.tag == "br":
            self.flush()
        elif node.tag == "hr":
            self.flush()
            self.paras.append(Para(BREAK_TEXT, kind="break"))
        elif node.tag not in SKIPPED_TAGS:
            self.walk_element(node)

    def walk_element(self, element: Element) -> None:
        block = element.tag in BLOCK_TAGS
        apart = block and is_set_apart(element, self.styles)
        if block:
            self.flush()
        self.apart += apart
        self.pre += element.tag == "pre"
        start = len(self.line)
        for child in element.children:
            self.walk(child)
        if is_italic(element, self.styles) and len(self.line) > start:
            self.spans.append((start, len(self.line)))  # a block's own italics cover its last line
        if block:
            self.flush(blank=is_blank_paragraph(element))
        self.apart -= apart
        self.pre -= element.tag == "pre"


def trimmed_spans(text: str, spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Spans clipped to ``text``, without edge spaces, merged when only spaces lie between.

    >>> trimmed_spans("I am  here now", [(0, 2), (2, 5), (10, 20)])
    ((0, 4), (11, 14))
    """
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        end = min(end, len(text))
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            continue
        if out and not text[out[-1][1] : start].strip():
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return tuple(out)


def flatten(nodes: list[Node] | Node, styles: Styles = Styles()) -> list[Para]:
    """Paragraphs of some nodes: blocks and ``<br>`` end paragraphs, whitespace collapsed.

    >>> from ficaudio.parse.markup import parse_html
    >>> [(p.text, p.emphasis) for p in flatten(parse_html("<p>He <em>knew</em> it.</p><p>a<br>b</p>"))]
    [('He knew it.', ((3, 7),)), ('a', ()), ('b', ())]
    """
    flattener = Flattener(styles)
    for node in nodes if isinstance(nodes, list) else [nodes]:
        flattener.walk(node)
    flattener.flush()
    return flattener.paras


# ---------------------------------------------------------------- scene breaks
def empty_run_lengths(paras: list[Para]) -> list[int]:
    """Empty paragraphs between consecutive text paragraphs (0 where none)."""
    runs, current, seen_text = [], 0, False
    for para in paras:
        if para.kind == "empty":
            current += 1
        elif para.kind == "text":
            if seen_text:
                runs.append(current)
            current, seen_text = 0, True
        else:
            current = 0
    return runs


def empty_run_break_min(paras: list[Para]) -> int:
    """Empty paragraphs that make a scene break. Where empty paragraphs are the usual
    spacing between paragraphs (pasted from a word processor), a break needs more than usual.

    >>> T, E = Para("a"), Para("", kind="empty")
    >>> empty_run_break_min([T, E, T, T, T]), empty_run_break_min([T, E, T, E, T, E, E, T])
    (1, 2)
    """
    runs = empty_run_lengths(paras)
    spaced = [run for run in runs if run]
    if not runs or len(spaced) * 2 <= len(runs):
        return 1
    return Counter(spaced).most_common(1)[0][0] + 1


def with_scene_breaks(paras: list[Para]) -> list[Para]:
    """Text and break paragraphs only: symbol-only lines and long empty runs become breaks;
    breaks never open or close a body and never follow each other.

    >>> T, E = Para("a"), Para("", kind="empty")
    >>> [p.kind for p in with_scene_breaks([Para("<hr>", kind="break"), T, E, Para("oOo"), T, E])]
    ['text', 'break', 'text']
    """
    threshold = empty_run_break_min(paras)
    out: list[Para] = []
    empties = 0
    for para in paras:
        if para.kind == "empty":
            empties += 1
            continue
        if para.kind == "break" or is_break_paragraph(para):
            add_break(out, para.text)  # a symbol line keeps its own text; an <hr> is BREAK_TEXT
        else:
            if empties >= threshold:
                add_break(out, BREAK_TEXT)
            out.append(para)
        empties = 0
    while out and out[-1].kind == "break":
        out.pop()
    return out


DECORATION_RE = re.compile(r"[\W_xXoO]*[^\w\s][\W_xXoO]*")
DECORATION_MAX_CHARS = 30


def is_break_paragraph(para: Para) -> bool:
    """A scene-break line: symbols only (``***``, ``oOo``, ``-x-x-x-``, ``~o~``), or, when
    centred, a short row of symbols with other x/o letters between (``~xx~``, ``-oo-``).

    >>> is_break_paragraph(Para("~xx~", set_apart=True)), is_break_paragraph(Para("~xx~")), is_break_paragraph(Para("Ok!", set_apart=True))
    (True, False, False)
    """
    if is_scene_break_line(para.text):
        return True
    text = "".join(para.text.split())
    return para.set_apart and len(text) <= DECORATION_MAX_CHARS and DECORATION_RE.fullmatch(text) is not None


def add_break(out: list[Para], text: str) -> None:
    """Append a break unless the body is empty so far or already ends with one."""
    if out and out[-1].kind != "break":
        out.append(Para(text, kind="break"))


# ---------------------------------------------------------------------- builder
@dataclass
class ChapterDraft:
    title: str | None
    heading: tuple[int, int] | None
    blocks: list[Block] = field(default_factory=list)


@dataclass(frozen=True)
class Meta:
    """What a reader found about the work (all optional)."""

    title: str | None = None
    author: str | None = None
    fandom: str | None = None
    summary: str | None = None
    cover: bytes | None = None


@dataclass
class StoryBuilder:
    """Collects lines of Story text in reading order with the spans they make."""

    lines: list[str] = field(default_factory=list)
    length: int = 0
    chapters: list[ChapterDraft] = field(default_factory=list)
    asides: list[Aside] = field(default_factory=list)
    emphasis: list[tuple[int, int]] = field(default_factory=list)
    set_apart: list[tuple[int, int]] = field(default_factory=list)

    def add_line(self, text: str) -> tuple[int, int]:
        """Append one line (a blank line before it) and return its span."""
        if self.lines:
            self.length += 2
        start = self.length
        self.lines.append(text)
        self.length += len(text)
        return start, self.length

    def open_chapter(self, heading: str | None, title: str | None) -> None:
        span = self.add_line(heading) if heading else None
        self.chapters.append(ChapterDraft(title or None, span))

    def aside(self, kind: AsideKind, texts: list[str], *, work: bool = False) -> None:
        """One aside over some lines; it belongs to the open chapter unless ``work``."""
        texts = [t for t in (" ".join(t.split()) for t in texts) if t]
        if not texts:
            return
        spans = [self.add_line(text) for text in texts]
        chapter = None if work or not self.chapters else len(self.chapters)
        self.asides.append(Aside(kind, spans[0][0], spans[-1][1], chapter))

    def body(self, paras: list[Para]) -> None:
        """Story paragraphs (and breaks) for the open chapter; opens an untitled one if none."""
        paras = with_scene_breaks(paras)
        if not paras:
            return
        if not self.chapters:
            self.open_chapter(None, None)
        for para in paras:
            start, end = self.add_line(para.text)
            kind = BlockKind.SCENE_BREAK if para.kind == "break" else BlockKind.PARAGRAPH
            self.chapters[-1].blocks.append(Block(kind, start, end))
            self.emphasis.extend((start + s, start + e) for s, e in para.emphasis)
            if para.set_apart and kind is BlockKind.PARAGRAPH:
                self.set_apart.append((start, end))

    def text(self) -> str:
        return "\n\n".join(self.lines) + "\n"

    def has_story_text(self) -> bool:
        return any(block.kind is BlockKind.PARAGRAPH for chapter in self.chapters for block in chapter.blocks)

    def story(self, meta: Meta, *, source_path: str, encoding: str, format: str, fallback_title: str) -> Story:
        text = self.text()
        chapters = tuple(
            Chapter(index, draft.title, draft.heading, tuple(draft.blocks))
            for index, draft in enumerate(self.chapters, start=1)
        )
        return Story(
            text=text,
            title=meta.title or fallback_title,
            title_from_file=not meta.title,
            author=meta.author,
            source_path=source_path,
            chapters=chapters,
            asides=tuple(self.asides),
            fandom=meta.fandom,
            summary=meta.summary or work_summary(text, self.asides),
            encoding=encoding,
            format=format,
            emphasis=tuple(self.emphasis),
            set_apart=tuple(self.set_apart),
            cover=meta.cover,
        )


def work_summary(text: str, asides: list[Aside]) -> str | None:
    """The work's summary: its work-level SUMMARY asides' text."""
    parts = [text[a.start : a.end] for a in asides if a.kind is AsideKind.SUMMARY and a.chapter is None]
    return "\n\n".join(parts) or None
