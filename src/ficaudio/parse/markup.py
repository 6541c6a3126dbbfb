"""HTML/XHTML -> a small tree of :class:`Element` s, with the stdlib ``html.parser``.

The stdlib parser never fetches anything (no DTDs, no external entities, no network) and
accepts broken markup. This module adds what it lacks for story files: a tree with implied
closing of ``<p>``/``<li>``, script and style contents dropped, a depth cap (nesting past
:data:`MAX_DEPTH` is flattened into the deepest allowed element, so a hostile file cannot make
the tree walkers recurse too deep) and a few queries the format readers share.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

MAX_DEPTH = 120
"""Deepest nesting kept; real story files nest fewer than 30 levels."""

VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
DROPPED_TAGS = frozenset("script style template noscript svg math iframe object button select textarea".split())
BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details div dl dt figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header hr html li main nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
# A new block start closes an open <p> (HTML's implied end tag), so `<p>a<p>b` is two paragraphs.
CLOSES_P = BLOCK_TAGS - {"html", "body"}
ENTITY_DECLARATION_RE = re.compile(rb"<!ENTITY", re.IGNORECASE)
_DIGITS_RE = re.compile(r"\d+$")


@dataclass
class Element:
    """One element: lower-case tag, attributes, children (Elements and text strings)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)

    def get(self, name: str) -> str:
        return self.attrs.get(name) or ""


Node = Element | str


class TreeBuilder(HTMLParser):
    """Builds the :class:`Element` tree; ``root`` holds the whole document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document")
        self.stack: list[Element] = [self.root]
        self.dropping = 0  # inside <script>/<style>...: text and tags are ignored

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = local_name(tag)
        if tag in DROPPED_TAGS:
            self.dropping += tag not in VOID_TAGS
            return
        if self.dropping:
            return
        if tag in CLOSES_P:
            self.close_open("p", stop_at=BLOCK_TAGS - {"p"})
        if tag == "li":
            self.close_open("li", stop_at=frozenset({"ul", "ol"}))
        element = Element(tag, {local_name(k): v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID_TAGS and len(self.stack) <= MAX_DEPTH:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if local_name(tag) not in VOID_TAGS | DROPPED_TAGS and not self.dropping:
            self.handle_endtag(tag)  # XHTML `<p/>`, `<a/>`: opened and closed at once

    def handle_endtag(self, tag: str) -> None:
        tag = local_name(tag)
        if tag in DROPPED_TAGS:
            self.dropping = max(0, self.dropping - 1)
            return
        if self.dropping:
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return  # an end tag nothing opened is ignored, like browsers do

    def handle_data(self, data: str) -> None:
        if not self.dropping and data:
            self.stack[-1].children.append(data)

    def close_open(self, tag: str, *, stop_at: frozenset[str]) -> None:
        """Close an open ``tag`` unless a ``stop_at`` element lies between (a <p> inside a <div>)."""
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return
            if self.stack[depth].tag in stop_at:
                return


def local_name(name: str) -> str:
    """Tag or attribute name without its namespace prefix, lower-case.

    >>> local_name("xhtml:P"), local_name("epub:type")
    ('p', 'type')
    """
    return name.rsplit(":", 1)[-1].lower()


def has_entity_declaration(data: bytes) -> bool:
    """True when a document declares entities (the XXE / billion-laughs trick).

    >>> has_entity_declaration(b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'), has_entity_declaration(b"<p>Hi</p>")
    (True, False)
    """
    return ENTITY_DECLARATION_RE.search(data) is not None


def parse_html(text: str) -> Element:
    """The document tree of an HTML or XHTML text (never raises on broken markup).

    >>> root = parse_html("<p>One<p>Two <script>x()</script>three")
    >>> [text_of(p) for p in find_all(root, lambda e: e.tag == "p")]
    ['One', 'Two three']
    """
    builder = TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


# ------------------------------------------------------------------- queries
def elements(node: Element) -> Iterator[Element]:
    """Every element under ``node`` (itself first), in document order, without recursion."""
    stack: list[Element] = [node]
    while stack:
        element = stack.pop()
        yield element
        stack.extend(child for child in reversed(element.children) if isinstance(child, Element))


def find_all(node: Element, test: Callable[[Element], bool]) -> list[Element]:
    return [element for element in elements(node) if test(element)]


def find(node: Element, test: Callable[[Element], bool]) -> Element | None:
    return next((element for element in elements(node) if test(element)), None)


def classes(element: Element) -> frozenset[str]:
    """Class names without trailing digits: calibre renames ``userstuff`` to ``userstuff1``.

    >>> sorted(classes(Element("div", {"class": "meta1 group"})))
    ['group', 'meta']
    """
    return frozenset(_DIGITS_RE.sub("", name).lower() for name in element.get("class").split())


def raw_classes(element: Element) -> frozenset[str]:
    """Class names as written, lower-case (for stylesheet lookups)."""
    return frozenset(name.lower() for name in element.get("class").split())


def has_class(name: str) -> Callable[[Element], bool]:
    return lambda element: name in classes(element)


def with_id(name: str) -> Callable[[Element], bool]:
    return lambda element: element.get("id") == name


def text_of(node: Node) -> str:
    """All text under a node, whitespace collapsed.

    >>> text_of(parse_html("<p> by <a>Ana</a>\\n Reyes</p>"))
    'by Ana Reyes'
    """
    parts: list[str] = []
    stack: list[Node] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
        else:
            spacer = [" "] if item.tag in BLOCK_TAGS or item.tag == "br" else []
            stack.extend(spacer + list(reversed(item.children)) + spacer)  # blocks never glue words
    return " ".join("".join(parts).split())


def style_of(element: Element) -> dict[str, str]:
    """Inline CSS declarations, lower-case.

    >>> style_of(Element("span", {"style": "Font-Style: italic; color:red"}))
    {'font-style': 'italic', 'color': 'red'}
    """
    declarations = {}
    for part in element.get("style").split(";"):
        name, _, value = part.partition(":")
        if value.strip():
            declarations[name.strip().lower()] = value.strip().lower()
    return declarations


CSS_RULE_RE = re.compile(r"([^{}]+)\{([^{}]*)\}")
CSS_CLASS_RE = re.compile(r"\.([A-Za-z_][\w-]*)\s*$")


def css_classes_with(css: str, prop: str, values: tuple[str, ...]) -> frozenset[str]:
    """Class names whose stylesheet rule sets ``prop`` to one of ``values`` (exact names:
    calibre's ``calibre3`` and ``calibre4`` are different styles).

    calibre (AO3's EPUBs) moves inline styles into generated classes, so italics and centring
    are only visible through the stylesheet.

    >>> sorted(css_classes_with(".calibre3 { font-style: italic } p.x{color:red}", "font-style", ("italic",)))
    ['calibre3']
    """
    found = set()
    for selectors, body in CSS_RULE_RE.findall(css):
        declarations = style_of(Element("x", {"style": body}))
        if any(declarations.get(prop, "").startswith(value) for value in values):
            for selector in selectors.split(","):
                match = CSS_CLASS_RE.search(selector.strip())
                if match:
                    found.add(match.group(1).lower())
    return frozenset(found)
