"""Classify the lines of an AO3 work page copied as text (Ctrl+A, Ctrl+C from a browser).

Such a copy holds site furniture ("Actions", "Work Header", "Chapter Text"), a tags block
("Rating:", "Fandom:", "Stats:"...), the title and author, "Summary:" / "Notes:" blocks for
the work and for each chapter, "Chapter N: title" headings and end notes. Only the chapter
text is story text; everything else becomes an aside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ficaudio.models import AsideKind
from ficaudio.parse.lines import TextLine, byline_author
from ficaudio.parse.roles import BLANK, BODY, Role, aside, heading

BODY_STARTS = frozenset({"Chapter Text", "Work Text:", "Work Text"})
CHROME_LINES = frozenset(
    {
        "Actions", "Work Header", "(See the end of the chapter for notes.)",
        "(See the end of the work for notes.)", "(See the end of the chapter for more notes.)",
        "(See the end of the work for other works inspired by this one.)",
        "Chapter Management", "Entire Work", "Chapter Index", "Full-page index", "Share", "Download",
        "Bookmark", "Hide Comments", "Top of Work", "↑ Top", "Mark for Later", "Subscribe",
        "Share Work", "Post Comment", "Kudos ♥", "Kudos", "Comments", "Series this work belongs to:",
        "Works inspired by this one:", "Associations:", "Previous Chapter", "Next Chapter",
        "← Previous Chapter", "Next Chapter →",
    }
)
TRAILER_STARTS = frozenset({"Actions", "Kudos ♥", "Kudos", "Comments", "Post Comment", "Series this work belongs to:"})
"""Lines that, after the story text, begin the page's footer (nothing after them is story)."""
TAG_RE = re.compile(
    r"(?P<label>Rating|Ratings|Archive Warnings?|Categor(?:y|ies)|Fandoms?|Relationships?|Characters?|"
    r"Additional Tags|Language|Series|Collections?|Stats|Published|Updated|Completed|Words|Chapters|"
    r"Comments|Kudos|Bookmarks|Hits):\s*(?P<value>.*)"
)
SUMMARY_LABELS = frozenset({"Summary:", "Summary"})
NOTES_LABELS = frozenset({"Notes:", "Notes", "Author's Note:", "Author’s Note:"})
END_NOTES_LABELS = frozenset({"End Notes:", "End Notes"})
AO3_HEADING_RE = re.compile(r"Chapter (?P<num>\d+)(?:\s*:\s*(?P<title>.+))?")
PREFACE_FOLLOWERS = SUMMARY_LABELS | NOTES_LABELS | BODY_STARTS | CHROME_LINES


def is_ao3_copy(lines: list[TextLine]) -> bool:
    """An AO3 page copy always has a "Chapter Text" (or one-shot "Work Text:") landmark line.

    >>> is_ao3_copy([TextLine(0, 12, "Chapter Text")]), is_ao3_copy([TextLine(0, 4, "Text")])
    (True, False)
    """
    return any(line.text in BODY_STARTS for line in lines)


def next_text(lines: list[TextLine], index: int) -> str:
    """The next non-blank line after ``index`` ('' at the end)."""
    return next((line.text for line in lines[index + 1 :] if line.text), "")


def ao3_chapter_title(lines: list[TextLine], index: int) -> str | None:
    """Title of an AO3 chapter heading ("" when untitled), None if the line is not one.

    AO3 always follows the heading with its chapter preface ("Summary:", "Notes:",
    "Chapter Text"), which keeps a story line such as "Chapter 2" from being taken.

    >>> ls = [TextLine(0, 22, "Chapter 1: the mission"), TextLine(23, 35, "Chapter Text")]
    >>> ao3_chapter_title(ls, 0), ao3_chapter_title(ls, 1)
    ('the mission', None)
    """
    match = AO3_HEADING_RE.fullmatch(lines[index].text)
    if match is None or next_text(lines, index) not in PREFACE_FOLLOWERS:
        return None
    return (match["title"] or "").strip()


@dataclass
class Ao3State:
    """Where the scan is: 'preface' (work), 'chapter' (chapter preface), 'body', 'footer'."""

    place: str = "preface"
    content: AsideKind | None = None  # kind of the text under the last "Summary:"/"Notes:" label
    seen_body: bool = False


@dataclass(frozen=True)
class Ao3Meta:
    title: str | None
    author: str | None
    fandom: str | None


def label_role(text: str, state: Ao3State) -> Role | None:
    """Roles of structure lines; updates the state they switch. None for other lines."""
    in_story = state.place in ("body", "footer")
    if text in BODY_STARTS:
        state.place, state.content, state.seen_body = "body", None, True
    elif text in SUMMARY_LABELS and not in_story:
        state.content = AsideKind.SUMMARY
    elif text in NOTES_LABELS | END_NOTES_LABELS:
        state.content = AsideKind.END_NOTES if in_story else AsideKind.NOTES
        state.place = "end_notes" if in_story else state.place
    elif text in TRAILER_STARTS and state.seen_body:
        state.place, state.content = "footer", None
    elif text not in CHROME_LINES:
        return None
    return aside(AsideKind.CHROME)


def content_role(state: Ao3State) -> Role:
    """Role of an ordinary line in the current place."""
    if state.place == "body":
        return BODY
    if state.place == "footer":
        return aside(AsideKind.CHROME)
    return aside(state.content or AsideKind.CHROME)


def classify_ao3(lines: list[TextLine], *, in_story: bool = False) -> tuple[list[Role], Ao3Meta]:
    """Roles for every line of an AO3 page copy, plus title/author/fandom found in its preface.

    ``in_story``: the lines are a later part of a page copy, starting inside its story text."""
    roles: list[Role] = []
    state = Ao3State("body", None, True) if in_story else Ao3State()
    preface_free: list[int] = []  # preface lines outside Summary/Notes: tags, title, author
    for index, line in enumerate(lines):
        roles.append(line_role(lines, index, state, preface_free))
    meta = preface_meta(lines, preface_free)
    for index in preface_free:  # title and byline as asides of their own, apart from the tags
        if lines[index].text in (meta.title, meta.author) or byline_author(lines[index].text) == meta.author:
            roles[index] = aside(AsideKind.CHROME, new_region=True)
    return roles, meta


def line_role(lines: list[TextLine], index: int, state: Ao3State, preface_free: list[int]) -> Role:
    text = lines[index].text
    if not text:
        return BLANK
    title = ao3_chapter_title(lines, index)
    if title is not None:
        state.place, state.content = "chapter", None
        return heading(title)
    role = label_role(text, state)
    if role is not None:
        if text in SUMMARY_LABELS | NOTES_LABELS | END_NOTES_LABELS:
            return aside(AsideKind.CHROME, new_region=True)
        return role
    if state.place == "preface" and state.content is None:
        preface_free.append(index)
    return content_role(state)


def preface_meta(lines: list[TextLine], free: list[int]) -> Ao3Meta:
    """Title, author and fandom from the work preface.

    The tags block comes first ("Fandom:" + value lines ...); after the last tag's value come
    the title and, when present, the author ("by NAME" or a bare NAME line).
    """
    texts = [lines[i].text for i in free]
    fandom, rest = tag_values(texts)
    title = rest[0] if rest else None
    author = None
    if len(rest) > 1 and len(rest[1]) <= 60:
        author = byline_author(rest[1]) or rest[1]
    return Ao3Meta(title, author, fandom)


def tag_values(texts: list[str]) -> tuple[str | None, list[str]]:
    """Split preface lines into the fandom tag value and the lines after the tags block.

    >>> tag_values(["Fandom:", "Original Work", "Hits:", "120", "Salt Road", "Ana Reyes"])
    ('Original Work', ['Salt Road', 'Ana Reyes'])
    >>> tag_values(["Fandom: Original Work", "Salt Road"])
    ('Original Work', ['Salt Road'])
    """
    fandom, last_label, inline = None, -1, True
    for position, text in enumerate(texts):
        match = TAG_RE.fullmatch(text)
        if match:
            last_label, inline = position, bool(match["value"])
            if match["label"].startswith("Fandom"):
                fandom = match["value"] or (texts[position + 1] if position + 1 < len(texts) else None)
    rest = texts[last_label + 1 + (0 if inline else 1) :]
    return fandom, rest
