"""How sure each rule is: a line's confidence is how often the rule that decided it is right.

One entry per rule (``"turn_taking"``), and one per case of a rule that is measured apart
(``"turn_taking/three_way"``: the same rule when three people share the last turns). The value
is the rule's measured precision, rounded to 0.05, so that of the lines given 0.8 about four in
five are right: measured on fan fiction (our annotated stories and the real seeds, quotation
spans given, no roster) where the rule fires at least 20 times there, else on fan fiction and
LitBank's novels pooled. (Rules differ by genre: a description tag is right 0.60 of the time in
fan fiction, 0.79 in the novels; ficaudio is for fan fiction.) Refresh it from the two tables
these print (each shows the measured precision next to each entry, and the calibration error)::

    PYTHONPATH=src .venv/bin/python bench/attribution.py --gold-spans --only fixtures --only seeds --calibrate
    PYTHONPATH=src .venv/bin/python bench/attribution.py --gold-spans --calibrate

The precision is smoothed by one right and one wrong firing (Laplace's rule of succession), so
that a rule seen twice is not called certain. A rule with no entry (a new one, built with
``rules.decided``) gets :data:`UNMEASURED` -- the same even guess -- until it is measured; a
case with no entry gets its rule's; the rules of :data:`INHERITED` take the confidence of the
line they continue. No rule says more than :data:`MOST_SURE`: 1.0 is for narration and for
lines the user corrected by hand. The comment of each entry is its count when last measured.
"""

from __future__ import annotations

CALIBRATED = {
    "explicit_tag": 0.95,  # 1074/1089, held to MOST_SURE
    "first_person_tag": 0.95,  # 107/108
    "second_person_tag": 0.95,  # 25/25
    "pronoun_tag": 0.85,  # 451/518
    "description_tag": 0.6,  # 131/224
    "named_action_beat": 0.95,  # 880/905
    "pronoun_action_beat": 0.85,  # 539/629
    "description_action_beat": 0.65,  # 113/173
    "first_person_action_beat": 0.8,  # 36/43
    "second_person_action_beat": 0.85,  # 9/10 pooled with LitBank
    "announced_by_previous_paragraph": 0.85,  # 42/49 pooled with LitBank
    "self_named_answer": 0.8,  # 7/8 pooled with LitBank
    "roll_call_answer": 0.9,  # 6/6 pooled with LitBank
    "self_introduction": 0.8,  # 7/8 pooled with LitBank
    "vocative_addressee_replies": 0.8,  # 454/554
    "summoned_answers": 0.65,  # 1/1 pooled with LitBank
    "acted_on_replies": 0.75,  # 42/55
    "addressed_by_next_turn": 0.7,  # 70/102
    "turn_taking": 0.8,  # 1107/1365
    "turn_taking/three_way": 0.65,  # 521/792
    "narrated_partner": 0.45,  # 42/89
    "narrated_other": 0.5,  # 19/40
    "calls_the_other_of_two": 0.65,  # 5/7 pooled with LitBank (no firing there)
    "speech_runs_on": 0.6,  # 4/6 pooled with LitBank
    "reported_speech_turn": 0.75,  # 8/10 pooled with LitBank
    "last_actor_speaks": 0.6,  # 71/123
    "speaker_goes_on_after_narration": 0.5,  # 11/21
    "speaker_goes_on_past_silence": 0.5,  # 2/4 pooled with LitBank
    "speaker_goes_on_after_reaction": 0.4,  # 1/3 pooled with LitBank
    "speaker_goes_on_after_gesture": 0.65,  # 4/6 pooled with LitBank
    "revealed_voice": 0.85,  # 10/11 pooled with LitBank
    "revealed_by_next_paragraph": 0.4,  # 10/25
    "alternation_backfill": 0.45,  # 62/136
    "salient_character": 0.65,  # 67/104
    "viewpoint_replies": 0.65,  # 4/6 pooled with LitBank
    "answers_previous": 0.6,  # 104/178
    "anonymous_tag": 0.6,  # 6/10 pooled with LitBank
    "group_tag": 0.6,  # 2/3 pooled with LitBank
    "line_answers_phone": 0.75,  # 8/10 pooled with LitBank
    "holder_goes_on": 0.75,  # 2/2 pooled with LitBank
    "voice_on_the_line": 0.75,  # 7/9 pooled with LitBank
    "identified_on_the_channel": 0.85,  # 4/4 pooled with LitBank
    "station_call_sign": 0.95,  # 16/16 pooled with LitBank
    "bare_line_is_the_caller": 0.8,  # 7/8 pooled with LitBank
    "viewpoint_thinker": 0.5,  # 0/0: thoughts are not annotated
}
"""rule (or ``rule/case``) -> confidence: measured precision, rounded to 0.05."""

UNMEASURED = 0.5
"""The confidence of a rule not in the table yet: an even guess."""

INHERITED = frozenset({"same_paragraph_continuation"})
"""Rules with no entry of their own: a line of theirs is as sure as the line it continues."""

MOST_SURE = 0.95
"""No rule is certain: at most this (1.0 is narration's and the user's corrections')."""


def table_key(rule: str, case: str = "") -> str:
    """The entry a decision is measured under: ``turn_taking/three_way``, or the rule alone."""
    return f"{rule}/{case}" if case else rule


def confidence(rule: str, case: str = "") -> float:
    """The calibrated confidence of a rule (and case); a missing case falls back to its rule,
    a missing rule to :data:`UNMEASURED`.

    >>> confidence("turn_taking", "three_way") < confidence("turn_taking")
    True
    >>> confidence("turn_taking", "no_such_case") == confidence("turn_taking"), confidence("no_such_rule")
    (True, 0.5)
    """
    return CALIBRATED.get(table_key(rule, case), CALIBRATED.get(rule, UNMEASURED))
