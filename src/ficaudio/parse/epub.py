"""The EPUB reader: AO3 EPUB downloads, FanFicFare EPUBs and any other EPUB -> Story.

``META-INF/container.xml`` -> the OPF package (metadata, manifest, spine) -> the spine's
XHTML documents in reading order. The two XML files are parsed with ``defusedxml`` (no
entities, no external references); XHTML documents that declare entities are refused and the
rest are read with the stdlib HTML parser, which fetches nothing. The archive is checked
against zip bombs before anything is decompressed (member count, total size, compression
ratio) and every read is capped.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from ficaudio.errors import InputError
from ficaudio.models import AsideKind, Story
from ficaudio.parse import Reader
from ficaudio.parse.html import decode_markup, finish
from ficaudio.parse.layout import Meta, StoryBuilder, Styles
from ficaudio.parse.markup import (
    Element,
    classes,
    css_classes_with,
    find,
    has_entity_declaration,
    parse_html,
    text_of,
)
from ficaudio.parse.shapes import (
    chapter_heading_tag,
    heading_title,
    is_ao3,
    read_ao3,
    read_fff_chapter,
    read_fff_title_page,
    walk_generic,
)

MAX_MEMBERS = 10_000
MAX_TOTAL_BYTES = 512 * 1024 * 1024
"""Uncompressed size of all members together."""
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_RATIO = 100
"""Uncompressed/compressed size past which a member (over :data:`RATIO_MIN_BYTES`) is a bomb;
real XHTML compresses 3-10 times."""
RATIO_MIN_BYTES = 1024 * 1024
MAX_COVER_BYTES = 16 * 1024 * 1024
XHTML_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/x-dtbook+xml"})
FFF_SKIPPED_PAGES = frozenset({"fff_tocpage", "fff_logpage", "fff_coverpage"})
DC = "{http://purl.org/dc/elements/1.1/}"


@dataclass(frozen=True)
class Item:
    id: str
    path: str  # member name in the zip
    media_type: str
    properties: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Package:
    """What the OPF says: Dublin Core metadata, the manifest and the spine."""

    metadata: dict[str, list[str]]  # "title", "creator", "description", "subject", "publisher", "contributor"
    items: dict[str, Item]
    spine: list[str]  # item ids in reading order
    cover_id: str | None = None


@dataclass
class Document:
    item: Item
    root: Element
    body: Element = field(init=False)

    def __post_init__(self) -> None:
        self.body = find(self.root, lambda e: e.tag == "body") or self.root


# ---------------------------------------------------------------- the archive
def open_epub(path: Path) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"{path} is not a readable EPUB (zip) file: {exc}") from exc
    check_archive(archive, str(path))
    return archive


def check_archive(archive: zipfile.ZipFile, path: str) -> None:
    """Refuse zip bombs before decompressing anything (sizes as the archive states them;
    :func:`read_member` also caps what is actually read)."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise InputError(f"{path} has {len(members):,} files inside; an EPUB story has far fewer (limit {MAX_MEMBERS:,})")
    total = sum(info.file_size for info in members)
    if total > MAX_TOTAL_BYTES:
        raise InputError(f"{path} would unpack to {total:,} bytes (limit {MAX_TOTAL_BYTES:,}): refusing a possible zip bomb")
    for info in members:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_MIN_BYTES and ratio > MAX_RATIO:
            raise InputError(
                f"{path}: {info.filename} is compressed {ratio:,.0f} to 1 (limit {MAX_RATIO}): refusing a possible zip bomb"
            )


def read_member(archive: zipfile.ZipFile, name: str, path: str, limit: int | None = None) -> bytes:
    """A member's bytes, never more than ``limit`` (default :data:`MAX_MEMBER_BYTES`), so a
    lying size header cannot blow memory."""
    limit = MAX_MEMBER_BYTES if limit is None else limit
    try:
        with archive.open(name) as handle:
            data = handle.read(limit + 1)
    except KeyError as exc:
        raise InputError(f"{path} is not a valid EPUB: {name} is missing") from exc
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as exc:
        raise InputError(f"{path} is not a valid EPUB: cannot read {name} ({exc})") from exc
    if len(data) > limit:
        raise InputError(f"{path}: {name} is larger than {limit:,} bytes: refusing a possible zip bomb")
    return data


def parse_xml(data: bytes, name: str, path: str):
    """An XML member parsed safely; entities and external references are refused."""
    try:
        return fromstring(data)
    except DefusedXmlException as exc:
        raise InputError(f"{path}: {name} declares XML entities or external references, which ficaudio refuses ({type(exc).__name__})") from exc
    except ParseError as exc:
        raise InputError(f"{path} is not a valid EPUB: {name} is not well-formed XML ({exc})") from exc


def local(tag: str) -> str:
    """``{namespace}name`` -> ``name``.

    >>> local("{http://www.idpf.org/2007/opf}spine")
    'spine'
    """
    return tag.rsplit("}", 1)[-1]


# -------------------------------------------------------------------- the OPF
def package_path(archive: zipfile.ZipFile, path: str) -> str:
    """The OPF's member name, from ``META-INF/container.xml``."""
    root = parse_xml(read_member(archive, "META-INF/container.xml", path), "META-INF/container.xml", path)
    for element in root.iter():
        if local(element.tag) == "rootfile" and element.get("full-path"):
            return element.get("full-path")
    raise InputError(f"{path} is not a valid EPUB: META-INF/container.xml names no package (rootfile)")


def member_name(base: str, href: str) -> str:
    """A manifest href resolved against the OPF's folder.

    >>> member_name("OEBPS", "Text/ch%201.xhtml"), member_name("", "OEBPS/file0001.xhtml")
    ('OEBPS/Text/ch 1.xhtml', 'OEBPS/file0001.xhtml')
    """
    return posixpath.normpath(posixpath.join(base, unquote(href.split("#", 1)[0])))


def read_package(archive: zipfile.ZipFile, path: str) -> Package:
    name = package_path(archive, path)
    root = parse_xml(read_member(archive, name, path), name, path)
    base = posixpath.dirname(name)
    metadata: dict[str, list[str]] = {}
    items: dict[str, Item] = {}
    spine: list[str] = []
    cover_id = None
    for element in root.iter():
        tag = local(element.tag)
        if element.tag.startswith(DC) and (element.text or "").strip():
            metadata.setdefault(tag, []).append(" ".join(element.text.split()))
        elif tag == "meta" and element.get("name") == "cover":
            cover_id = element.get("content")
        elif tag == "item" and element.get("id") and element.get("href"):
            props = frozenset((element.get("properties") or "").split())
            item = Item(element.get("id"), member_name(base, element.get("href")), element.get("media-type", ""), props)
            items[item.id] = item
            cover_id = item.id if "cover-image" in props else cover_id
        elif tag == "itemref" and element.get("idref"):
            spine.append(element.get("idref"))
    return Package(metadata, items, spine, cover_id)


def first(package: Package, key: str) -> str | None:
    values = package.metadata.get(key)
    return values[0] if values else None


def opf_meta(package: Package) -> Meta:
    """Title, authors and summary from the OPF (the fallback when the pages lack them)."""
    creators = package.metadata.get("creator", [])
    description = first(package, "description")
    summary = text_of(parse_html(description)) if description else None
    return Meta(title=first(package, "title"), author=", ".join(creators) or None, summary=summary or None)


# ------------------------------------------------------------------ documents
def spine_documents(archive: zipfile.ZipFile, package: Package, path: str) -> list[Document]:
    """The spine's XHTML documents, parsed, in reading order (navigation documents skipped)."""
    documents = []
    for item_id in package.spine:
        item = package.items.get(item_id)
        if item is None or item.media_type not in XHTML_TYPES or "nav" in item.properties:
            continue
        data = read_member(archive, item.path, path)
        if has_entity_declaration(data):
            raise InputError(f"{path}: {item.path} declares XML entities, which ficaudio refuses (possible XXE or entity bomb)")
        documents.append(Document(item, parse_html(decode_markup(data)[0])))
    return documents


def stylesheet_styles(archive: zipfile.ZipFile, package: Package, path: str) -> Styles:
    """Italic, centred and monospace classes of the book's stylesheets (calibre's flattened CSS)."""
    css = "\n".join(
        read_member(archive, item.path, path).decode("utf-8", "replace")
        for item in package.items.values()
        if item.media_type == "text/css" and item.path in archive.namelist()
    )
    return Styles(
        italic=css_classes_with(css, "font-style", ("italic", "oblique")),
        centred=css_classes_with(css, "text-align", ("center",)),
        monospace=css_classes_with(css, "font-family", ("monospace", "courier", '"courier')),
    )


def cover_image(archive: zipfile.ZipFile, package: Package, path: str) -> bytes | None:
    """The cover item's bytes when it is a JPEG or PNG (what ID3 pictures carry), else None."""
    item = package.items.get(package.cover_id or "")
    if item is None or item.path not in archive.namelist():
        return None
    data = read_member(archive, item.path, path, MAX_COVER_BYTES)
    return data if data.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")) else None


# ---------------------------------------------------------------------- shapes
def epub_kind(package: Package, documents: list[Document]) -> str:
    """"ao3-epub", "fanficfare-epub" or "epub", from the OPF and the pages' markup."""
    publisher = " ".join(package.metadata.get("publisher", []))
    if "Archive of Our Own" in publisher or any(is_ao3(d.body) for d in documents):
        return "ao3-epub"
    contributors = " ".join(package.metadata.get("contributor", []))
    if "FanFicFare" in contributors or any(classes(d.body) & {"fff_chapter", "fff_titlepage"} for d in documents):
        return "fanficfare-epub"
    return "epub"


def read_ao3_epub(documents: list[Document], builder: StoryBuilder, styles: Styles) -> Meta:
    """calibre splits AO3's HTML at each chapter; read the bodies as one document again."""
    book = Element("#book", children=[document.body for document in documents])
    return read_ao3(book, builder, styles)


def read_fff_epub(documents: list[Document], builder: StoryBuilder, styles: Styles) -> Meta:
    """FanFicFare: ``title_page.xhtml`` (metadata table), then one ``fileNNNN.xhtml`` per chapter."""
    meta = Meta()
    for document in documents:
        page = classes(document.body)
        if "fff_titlepage" in page:
            meta = read_fff_title_page(document.body, builder, styles)
        elif not page & FFF_SKIPPED_PAGES:
            read_fff_chapter(document.body, builder, styles)
    return meta


TITLE_PAGE_MAX_WORDS = 80


def is_title_page(document: Document, book_title: str | None) -> bool:
    """A short page naming the book, before any chapter: front matter, not story text
    (an epigraph page, which does not repeat the title, stays story text)."""
    text = text_of(document.body)
    return bool(book_title) and book_title.lower() in text.lower() and len(text.split()) <= TITLE_PAGE_MAX_WORDS


def read_generic_epub(documents: list[Document], builder: StoryBuilder, styles: Styles, book_title: str | None) -> Meta:
    """Any EPUB: chapters at the book's dividing heading level; a document without such a
    heading is a chapter of its own, titled by its ``<title>`` when that is not the book's."""
    tag = chapter_heading_tag(Element("#book", children=[d.body for d in documents]))
    for document in documents:
        if tag is None or find(document.body, lambda e: e.tag == tag) is None:
            if not text_of(document.body):
                continue  # a cover or blank page
            if not builder.chapters and is_title_page(document, book_title):
                builder.aside(AsideKind.CHROME, [text_of(document.body)], work=True)
                continue
            title_element = find(document.root, lambda e: e.tag == "title")
            title = text_of(title_element) if title_element else None
            builder.open_chapter(None, heading_title(title) if title and title != book_title else None)
        walk_generic(document.body, builder, styles, tag, skip=None)
    return Meta()


def read_epub_file(path: Path) -> Story:
    """The registered reader for ``.epub`` files."""
    with open_epub(path) as archive:
        package = read_package(archive, str(path))
        documents = spine_documents(archive, package, str(path))
        styles = stylesheet_styles(archive, package, str(path))
        cover = cover_image(archive, package, str(path))
    kind = epub_kind(package, documents)
    builder = StoryBuilder()
    fallback = opf_meta(package)
    if kind == "ao3-epub":
        found = read_ao3_epub(documents, builder, styles)
    elif kind == "fanficfare-epub":
        found = read_fff_epub(documents, builder, styles)
    else:
        if fallback.summary:  # a generic book's description is only in the OPF
            builder.aside(AsideKind.SUMMARY, [fallback.summary], work=True)
        found = read_generic_epub(documents, builder, styles, fallback.title)
    meta = merged(found, fallback, cover)
    return finish(builder, meta, source_path=str(path), encoding="utf-8", format=kind)


def merged(found: Meta, fallback: Meta, cover: bytes | None) -> Meta:
    """What the pages say, completed by the OPF."""
    return replace(
        found,
        title=found.title or fallback.title,
        author=found.author or fallback.author,
        summary=found.summary,
        cover=cover,
    )


READER = Reader(format="epub", read=read_epub_file)
