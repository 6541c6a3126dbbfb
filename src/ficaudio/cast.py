"""Cast each speaker to a voice: configured voices first, then pools by gender.

Deterministic: the same story and voices.yaml give the same cast every run. The most
talkative speakers are cast first, so they get the first (most distinct) pool voices;
a voice already taken (by the narrator, a configured character or an earlier speaker)
is not handed out again until the pool runs dry, and then it comes back at another pitch.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from .config import Config
from .models import NARRATOR, Attribution, Cast, Character, Gender, SegmentKind, Voice, VoiceReason

PITCH_STEP = 12  # how far a reused pool voice is shifted per round, on espeak's 0..99 scale


def speakers_by_lines(attribution: Attribution) -> list[tuple[str, int]]:
    """Speakers of dialogue/thought with their line counts, most lines first, ties by first line."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for index, line in enumerate(attribution.lines):
        if line.speaker == NARRATOR or line.segment.kind not in (SegmentKind.DIALOGUE, SegmentKind.THOUGHT):
            continue
        counts[line.speaker] += 1
        first_seen.setdefault(line.speaker, index)
    return sorted(counts.items(), key=lambda item: (-item[1], first_seen[item[0]]))


def cast(attribution: Attribution, config: Config, *, before: Cast | None = None) -> Cast:
    """Give every speaker of ``attribution`` a voice.

    ``before``: the cast of the earlier parts of a big story read in parts; its speakers keep
    their voices and new ones take the next free voices, as if cast in one go.
    """
    configured = {c.name: c for c in config.characters}
    found = {c.name: c for c in attribution.characters}
    voices: list[tuple[str, Voice]] = list(before.voices) if before else []
    reasons: list[tuple[str, VoiceReason]] = list(before.reasons) if before else []
    taken = {config.narrator.id} | {c.voice.id for c in config.characters if c.voice} | {v.id for _, v in voices}
    pool_turns = _reuses(reasons)
    known = {speaker for speaker, _ in voices}
    for speaker, _count in speakers_by_lines(attribution):
        if speaker in known:
            continue
        entry = configured.get(speaker)
        if entry is not None and entry.voice is not None:
            voices.append((speaker, entry.voice))
            reasons.append((speaker, VoiceReason()))
            continue
        gender = _gender_of(speaker, entry, found.get(speaker))
        voice, reason = _from_pool(gender, config, taken, pool_turns)
        taken.add(voice.id)
        voices.append((speaker, voice))
        reasons.append((speaker, reason))
    return Cast(narrator=config.narrator, voices=tuple(voices), reasons=tuple(reasons))


def _reuses(reasons: list[tuple[str, VoiceReason]]) -> Counter[Gender]:
    """How many times each gender's pool has been reused at a shifted pitch (:func:`_from_pool`)."""
    return Counter(reason.gender for _, reason in reasons if reason.reused)


def _gender_of(speaker: str, entry, character: Character | None) -> Gender:
    if entry is not None and entry.gender != Gender.UNKNOWN:
        return entry.gender
    return character.gender if character is not None else Gender.UNKNOWN


def _from_pool(gender: Gender, config: Config, taken: set[str], turns: Counter) -> tuple[Voice, VoiceReason]:
    """Next free voice of the gender's pool; when all are taken, reuse one at a shifted pitch.

    Pool [a, b] with the narrator on a: first speaker b, then a at pitch+12, b at pitch-12...
    """
    pool = config.pools.get(gender) or config.pools.get(Gender.UNKNOWN) or (config.narrator,)
    for index, voice in enumerate(pool):
        if voice.id not in taken:
            return voice, VoiceReason(gender, index + 1)
    turn = turns[gender]
    turns[gender] += 1
    voice = pool[turn % len(pool)]
    shift = PITCH_STEP * (turn // len(pool) + 1) * (1 if turn % 2 == 0 else -1)
    pitch = min(99, max(0, voice.pitch + shift))
    return replace(voice, pitch=pitch), VoiceReason(gender, turn % len(pool) + 1, pitch=pitch)
