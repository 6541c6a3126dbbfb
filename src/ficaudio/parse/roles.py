"""What each line of a text story is (story text, heading, aside) and how lines become
the :class:`~ficaudio.models.Chapter` / :class:`~ficaudio.models.Block` /
:class:`~ficaudio.models.Aside` spans of a Story.

A reader classifies lines into :class:`Role` s; :func:`assemble` is shared by all text shapes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from enum import StrEnum

from ficaudio.models import Aside, AsideKind, Block, BlockKind, Chapter
from ficaudio.parse.lines import QUOTE_OPENERS, TextLine, is_scene_break_line


class RoleKind(StrEnum):
    BLANK = "blank"
    BODY = "body"  # story text
    HEADING = "heading"  # a chapter heading line
    ASIDE = "aside"  # not story text: chrome, notes, header


@dataclass(frozen=True)
class Role:
    kind: RoleKind
    aside: AsideKind | None = None
    title: str | None = None  # chapter title of a HEADING ("" or None: no title)
    new_region: bool = False  # an aside that must not merge with the aside before it


BLANK = Role(RoleKind.BLANK)
BODY = Role(RoleKind.BODY)


def aside(kind: AsideKind, *, new_region: bool = False) -> Role:
    return Role(RoleKind.ASIDE, aside=kind, new_region=new_region)


def heading(title: str | None) -> Role:
    return Role(RoleKind.HEADING, title=title or None)


def initial_roles(lines: list[TextLine]) -> list[Role]:
    """Every line story text until a rule says otherwise.

    >>> [r.kind.value for r in initial_roles([TextLine(0, 1, "a"), TextLine(2, 2, "")])]
    ['body', 'blank']
    """
    return [BLANK if line.blank else BODY for line in lines]


# ----------------------------------------------------------------- chapters
@dataclass
class ChapterDraft:
    title: str | None
    heading: tuple[int, int] | None
    body: list[int] = field(default_factory=list)  # indices of BODY lines


def only_blanks_between(roles: list[Role], first: int, last: int) -> bool:
    """True when every line strictly between the two indices is blank."""
    return all(role.kind is RoleKind.BLANK for role in roles[first + 1 : last])


def merges_with(previous: tuple[Aside, int], role: Role, chapter: int | None, index: int, roles: list[Role]) -> bool:
    """An aside line continues the aside before it: same kind and chapter, blanks between.

    >>> a = Aside(AsideKind.NOTES, 0, 3, None)
    >>> merges_with((a, 0), aside(AsideKind.NOTES), None, 2, [BLANK] * 3)
    True
    """
    last_aside, last_index = previous
    return (
        last_aside.kind is role.aside
        and last_aside.chapter == chapter
        and not role.new_region
        and only_blanks_between(roles, last_index, index)
    )


def split_chapters(lines: list[TextLine], roles: list[Role]) -> tuple[list[ChapterDraft], list[Aside]]:
    """Headings open chapters; story text before any heading opens an untitled one.

    Asides belong to the chapter open when they appear, or to the work (None) before any.
    """
    drafts: list[ChapterDraft] = []
    asides: list[tuple[Aside, int]] = []
    for index, (line, role) in enumerate(zip(lines, roles)):
        if role.kind is RoleKind.HEADING:
            drafts.append(ChapterDraft(role.title, (line.start, line.end)))
        elif role.kind is RoleKind.BODY:
            if not drafts:
                drafts.append(ChapterDraft(None, None))
            drafts[-1].body.append(index)
        elif role.kind is RoleKind.ASIDE:
            chapter = len(drafts) or None
            if asides and merges_with(asides[-1], role, chapter, index, roles):
                asides[-1] = (replace(asides[-1][0], end=line.end), index)
            else:
                asides.append((Aside(role.aside, line.start, line.end, chapter), index))
    return drafts, [a for a, _ in asides]


# ------------------------------------------------------------- blank gaps
def body_gaps(drafts: list[ChapterDraft], roles: list[Role]) -> list[int]:
    """Blank lines between consecutive story lines (pairs split by an aside are skipped)."""
    gaps = []
    for draft in drafts:
        for before, after in zip(draft.body, draft.body[1:]):
            if only_blanks_between(roles, before, after):
                gaps.append(after - before - 1)
    return gaps


def scene_break_min_blank_lines(gaps: list[int]) -> int:
    """Blank lines that make a scene break, from the file's usual paragraph gap.

    Single-spaced files: 2 (1 when single blank lines are rare); a file that
    separates paragraphs with N >= 2 blank lines everywhere needs 2N.

    >>> scene_break_min_blank_lines([1, 1, 1, 2]), scene_break_min_blank_lines([2, 2, 3, 2])
    (2, 4)
    >>> scene_break_min_blank_lines([0] * 40 + [1]), scene_break_min_blank_lines([0, 0, 1, 1, 0])
    (1, 2)
    """
    counts = Counter(gaps)
    usual = counts.most_common(1)[0][0] if counts else 1
    if usual == 0:
        return 1 if counts[1] <= 0.05 * len(gaps) else 2
    return 2 if usual == 1 else 2 * usual


def dialogue_continues_across_gap(before: str, after: str) -> bool:
    """Two quotation lines on either side of a gap: a conversation goes on, no scene break.

    >>> dialogue_continues_across_gap('"I see."', '"Because mine is warm."')
    True
    >>> dialogue_continues_across_gap("She waved.", '"Hi."')
    False
    """
    return before[:1] in QUOTE_OPENERS and after[:1] in QUOTE_OPENERS


def is_blank_run_break(blank_lines: int, min_blank_lines: int, before: str, after: str) -> bool:
    """A run of blank lines long enough to be a scene break (a barely long enough run
    inside a conversation is taken for a stray gap).

    >>> is_blank_run_break(2, 2, "She left.", "Morning came."), is_blank_run_break(2, 2, '"A."', '"B."')
    (True, False)
    """
    if blank_lines < min_blank_lines:
        return False
    return blank_lines > min_blank_lines or not dialogue_continues_across_gap(before, after)


# ------------------------------------------------------------- hard wrap
def looks_hard_wrapped(lengths: list[int], continues: list[bool]) -> bool:
    """Gutenberg-style text: lines cut near one width, paragraphs split by blank lines.

    ``continues[i]``: line i is followed directly (no blank line) by more story text.

    >>> looks_hard_wrapped([70, 72, 30, 71, 69, 40, 70, 12], [1, 1, 0, 1, 1, 0, 1, 0])
    True
    >>> looks_hard_wrapped([300, 20, 90, 45, 120, 60], [1] * 6)
    False
    """
    inner = [n for n, more in zip(lengths, continues) if more]
    if len(lengths) < 6 or len(inner) < 0.3 * len(lengths) or all(continues):
        return False
    width = sorted(lengths)[int(0.9 * (len(lengths) - 1))]
    if width > 100:
        return False
    return sum(n >= 0.7 * width for n in inner) >= 0.8 * len(inner)


def wrap_profile(drafts: list[ChapterDraft], lines: list[TextLine], roles: list[Role]) -> bool:
    """Apply :func:`looks_hard_wrapped` to all story lines of the file."""
    lengths, continues = [], []
    for draft in drafts:
        for position, index in enumerate(draft.body):
            nxt = draft.body[position + 1] if position + 1 < len(draft.body) else None
            lengths.append(len(lines[index].text))
            continues.append(nxt == index + 1)
    return looks_hard_wrapped(lengths, continues)


# ---------------------------------------------------------------- blocks
def build_blocks(
    draft: ChapterDraft, lines: list[TextLine], roles: list[Role], *, hard_wrapped: bool, min_blank_lines: int
) -> tuple[Block, ...]:
    """Story lines of one chapter -> paragraph and scene-break blocks.

    A blank-run scene break is a zero-width block at the end of the text before it
    (it holds no characters; a symbol line such as ``***`` is a block spanning the symbols).
    """
    blocks: list[Block] = []
    previous: int | None = None
    for index in draft.body:
        line = lines[index]
        joined = previous is not None and only_blanks_between(roles, previous, index)
        gap = index - previous - 1 if joined else None
        if is_scene_break_line(line.text):
            blocks.append(Block(BlockKind.SCENE_BREAK, line.start, line.end))
        elif hard_wrapped and gap == 0 and blocks and blocks[-1].kind is BlockKind.PARAGRAPH:
            blocks[-1] = replace(blocks[-1], end=line.end)
        else:
            before = lines[previous].text if previous is not None else ""
            if gap and blocks[-1].kind is BlockKind.PARAGRAPH and is_blank_run_break(gap, min_blank_lines, before, line.text):
                blocks.append(Block(BlockKind.SCENE_BREAK, blocks[-1].end, blocks[-1].end))
            blocks.append(Block(BlockKind.PARAGRAPH, line.start, line.end))
        previous = index
    return tuple(blocks)


def assemble(lines: list[TextLine], roles: list[Role]) -> tuple[tuple[Chapter, ...], tuple[Aside, ...]]:
    """Classified lines -> chapters (with blocks) and asides, in reading order."""
    drafts, asides = split_chapters(lines, roles)
    hard_wrapped = wrap_profile(drafts, lines, roles)
    min_blank_lines = scene_break_min_blank_lines(body_gaps(drafts, roles))
    chapters = tuple(
        Chapter(
            index=number,
            title=draft.title,
            heading=draft.heading,
            blocks=build_blocks(draft, lines, roles, hard_wrapped=hard_wrapped, min_blank_lines=min_blank_lines),
        )
        for number, draft in enumerate(drafts, start=1)
    )
    return chapters, tuple(asides)
