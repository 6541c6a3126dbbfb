"""How sure each rule is: a line's confidence is how often the rule that decided it is right on a story it has never seen.

One entry per rule (``"turn_taking"``), and one per case of a rule that is measured apart
(``"turn_taking/three_way"``: the same rule when three people share the last turns). The value
is the rule's expected precision on unseen text, rounded to 0.05, so that of the lines given 0.8
about four in five are right -- on a user's story, which the rules were never tuned on.

Why not the precision on our dev stories: the rules have been tuned on ``bench/data`` for 40
rounds, so there they are right far more often than on a new story (``turn_taking`` 0.79 on dev,
0.65 on first contact; ``description_tag`` 0.52 against 0.24). A table measured on dev had an ECE
of 0.01-0.02 there and 0.06-0.21 on each round's blind six at first contact.

How it is measured (round 43E; ``bench/first_contact.py``, data in ``bench/first_contact.json``):
every round's blind six were scored by the round's engine before anyone read them, and the
commit that put them in ``bench/heldout`` holds both. That commit's own harness, re-run on them,
gives each entry's firings and right lines on first contact; rounds 33-42 are pooled (5,770
quotations; round 42's six by the engine of round 43's start, 478a803). An entry's value is its
first-contact firings with a prior worth 20 firings added (:func:`unseen_precision` in
``bench/first_contact.py``): the prior is its precision on fan fiction today (our stories and the
seeds, quotation spans given, no roster; LitBank's novels added where it fires under 20 times
there), Laplace-smoothed (one right and one wrong firing added, so a rule seen twice is not
called certain), times the first-contact/dev ratio of its kind (tags and action beats 0.86,
the rules that read the turns and the scene 0.79 at round 43's end: the entries of each kind that fired 20 times on
first contact, pooled). So an entry that fired often on first contact gets about its
first-contact precision; one seldom seen there, or added since (``speaker_goes_on_after_gesture``,
``viewpoint_replies``, ``station_call_sign``, ``holder_goes_on``, ``identified_on_the_channel``,
``bare_line_is_the_caller``, ``narrated_other``, ``reported_speech_turn``: in the table of only
some of the rounds' engines, counted only where they were; round 43's ``calls_the_other_of_two``,
``speech_runs_on``, ``holder_picks_up``, ``holder_answers_line``, ``device_tag_is_the_line``: in
none yet), its dev precision scaled down by its kind's ratio. An entry measured nowhere (``viewpoint_thinker``: thoughts are not annotated) keeps
:data:`UNMEASURED`. Refresh it after a round (add the round's contact to ``CONTACTS`` first)::

    .venv/bin/python bench/first_contact.py measure
    PYTHONPATH=src .venv/bin/python bench/first_contact.py table   # prints this table, with each entry's counts

On our dev stories the lines are therefore right more often than they say (ECE there 0.020 ->
0.116, 0.128 at round 43's end; on round 43's blind six, seen by neither engine nor table, 0.162
-> 0.049, 0.044 at the end: see ``bench/data/README.md``, "Round 43E"). ``bench/attribution.py
--calibrate`` still prints each entry's dev precision ("smoothed"): it differs from this table on
purpose.

A rule with no entry (a new one, built with ``rules.decided``) gets :data:`UNMEASURED` -- the
same even guess -- until it is measured; a case with no entry gets its rule's; the rules of
:data:`INHERITED` take the confidence of the line they continue. No rule says more than
:data:`MOST_SURE`: 1.0 is for narration and for lines the user corrected by hand. The comment of
each entry is its first-contact and dev counts when last measured. Confidence decides no
speaker: it is read only to show the user, to write the script, and by the inherited lines.
"""

from __future__ import annotations

CALIBRATED = {
    "explicit_tag": 0.9,  # first contact 672/734, dev 1286/1305
    "first_person_tag": 0.85,  # first contact 81/97, dev 142/143
    "second_person_tag": 0.85,  # first contact 5/5, dev 25/25
    "pronoun_tag": 0.75,  # first contact 225/305, dev 524/610
    "description_tag": 0.25,  # first contact 43/178, dev 158/291
    "named_action_beat": 0.9,  # first contact 596/663, dev 1101/1127
    "pronoun_action_beat": 0.7,  # first contact 309/432, dev 635/751
    "description_action_beat": 0.4,  # first contact 54/136, dev 149/224
    "first_person_action_beat": 0.65,  # first contact 30/52, dev 57/64
    "second_person_action_beat": 0.7,  # first contact 3/5, dev 9/10 (dev pooled with LitBank)
    "announced_by_previous_paragraph": 0.6,  # first contact 0/2, dev 42/50 (dev pooled with LitBank)
    "self_named_answer": 0.45,  # first contact 2/13, dev 7/8 (dev pooled with LitBank)
    "roll_call_answer": 0.8,  # first contact 5/5, dev 11/11 (dev pooled with LitBank)
    "self_introduction": 0.6,  # first contact 4/6, dev 9/11 (dev pooled with LitBank)
    "vocative_addressee_replies": 0.65,  # first contact 260/400, dev 558/689
    "summoned_answers": 0.55,  # first contact 0/0, dev 1/1 (dev pooled with LitBank)
    "acted_on_replies": 0.65,  # first contact 25/37, dev 69/85
    "addressed_by_next_turn": 0.5,  # first contact 38/82, dev 87/125
    "turn_taking": 0.65,  # first contact 599/918, dev 1269/1588
    "turn_taking/three_way": 0.55,  # first contact 331/609, dev 641/974
    "narrated_partner": 0.4,  # first contact 32/75, dev 54/108
    "narrated_other": 0.5,  # first contact 8/13, dev 21/43
    "calls_the_other_of_two": 0.6,  # first contact 0/0, dev 5/6 (dev pooled with LitBank)
    "speech_runs_on": 0.6,  # first contact 0/0, dev 5/6 (dev pooled with LitBank)
    "reported_speech_turn": 0.5,  # first contact 0/3, dev 9/12 (dev pooled with LitBank)
    "last_actor_speaks": 0.5,  # first contact 49/101, dev 80/137
    "speaker_goes_on_after_narration": 0.45,  # first contact 8/15, dev 12/23
    "speaker_goes_on_past_silence": 0.4,  # first contact 0/1, dev 2/4 (dev pooled with LitBank)
    "speaker_goes_on_after_reaction": 0.3,  # first contact 0/3, dev 1/3 (dev pooled with LitBank)
    "speaker_goes_on_after_gesture": 0.5,  # first contact 0/0, dev 4/6 (dev pooled with LitBank)
    "revealed_voice": 0.6,  # first contact 4/6, dev 11/14 (dev pooled with LitBank)
    "revealed_by_next_paragraph": 0.3,  # first contact 6/19, dev 12/30
    "alternation_backfill": 0.35,  # first contact 45/127, dev 81/178
    "salient_character": 0.4,  # first contact 29/73, dev 79/130
    "viewpoint_replies": 0.5,  # first contact 0/0, dev 4/6 (dev pooled with LitBank)
    "answers_previous": 0.4,  # first contact 57/139, dev 126/214
    "anonymous_tag": 0.5,  # first contact 0/0, dev 6/10 (dev pooled with LitBank)
    "group_tag": 0.5,  # first contact 0/0, dev 2/3 (dev pooled with LitBank)
    "line_answers_phone": 0.65,  # first contact 1/1, dev 9/11 (dev pooled with LitBank)
    "holder_goes_on": 0.6,  # first contact 0/0, dev 2/2 (dev pooled with LitBank)
    "voice_on_the_line": 0.65,  # first contact 1/2, dev 9/10 (dev pooled with LitBank)
    "identified_on_the_channel": 0.7,  # first contact 0/0, dev 5/5 (dev pooled with LitBank)
    "station_call_sign": 0.8,  # first contact 3/3, dev 19/19 (dev pooled with LitBank)
    "holder_picks_up": 0.55,  # first contact 0/0, dev 1/1 (dev pooled with LitBank)
    "holder_answers_line": 0.7,  # first contact 0/0, dev 6/6 (dev pooled with LitBank)
    "device_tag_is_the_line": 0.55,  # first contact 0/0, dev 1/1 (dev pooled with LitBank)
    "bare_line_is_the_caller": 0.6,  # first contact 1/3, dev 12/14 (dev pooled with LitBank)
    "viewpoint_thinker": 0.5,  # first contact 0/0, dev 0/0
}
"""rule (or ``rule/case``) -> confidence: expected precision on unseen text, rounded to 0.05."""

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
