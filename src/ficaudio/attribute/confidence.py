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
gives each entry's firings and right lines on first contact; rounds 33-43 are pooled (6,348
quotations; round 42's six by the engine of round 43's start, 478a803; round 43's by its own start, e311ff5). An entry's value is its
first-contact firings with a prior worth 20 firings added (:func:`unseen_precision` in
``bench/first_contact.py``): the prior is its precision on fan fiction today (our stories and the
seeds, quotation spans given, no roster; LitBank's novels added where it fires under 20 times
there), Laplace-smoothed (one right and one wrong firing added, so a rule seen twice is not
called certain), times the first-contact/dev ratio of its kind (tags and action beats 0.86,
the rules that read the turns and the scene 0.79 at round 44's end: the entries of each kind that fired 20 times on
first contact, pooled). So an entry that fired often on first contact gets about its
first-contact precision; one seldom seen there, or added since (``speaker_goes_on_after_gesture``,
``viewpoint_replies``, ``station_call_sign``, ``holder_goes_on``, ``identified_on_the_channel``,
``bare_line_is_the_caller``, ``narrated_other``, ``reported_speech_turn``: in the table of only
some of the rounds' engines, counted only where they were; round 43's ``calls_the_other_of_two``,
``speech_runs_on``, ``holder_picks_up``, ``holder_answers_line``, ``device_tag_is_the_line`` and round
44's ``far_voice_named``: in none yet), its dev precision scaled down by its kind's ratio. An entry measured nowhere (``viewpoint_thinker``: thoughts are not annotated) keeps
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
    "explicit_tag": 0.9,  # first contact 733/802, dev 1354/1373
    "first_person_tag": 0.85,  # first contact 91/107, dev 152/153
    "second_person_tag": 0.85,  # first contact 5/5, dev 25/25
    "pronoun_tag": 0.75,  # first contact 266/359, dev 574/664
    "description_tag": 0.25,  # first contact 47/204, dev 168/317
    "named_action_beat": 0.9,  # first contact 635/707, dev 1145/1172
    "pronoun_action_beat": 0.7,  # first contact 329/461, dev 660/780
    "description_action_beat": 0.4,  # first contact 57/154, dev 159/243
    "first_person_action_beat": 0.65,  # first contact 32/54, dev 59/66
    "second_person_action_beat": 0.7,  # first contact 3/5, dev 9/10 (dev pooled with LitBank)
    "announced_by_previous_paragraph": 0.55,  # first contact 0/3, dev 42/51 (dev pooled with LitBank)
    "self_named_answer": 0.45,  # first contact 2/13, dev 7/8 (dev pooled with LitBank)
    "roll_call_answer": 0.8,  # first contact 5/5, dev 11/11 (dev pooled with LitBank)
    "self_introduction": 0.6,  # first contact 4/6, dev 9/11 (dev pooled with LitBank)
    "vocative_addressee_replies": 0.65,  # first contact 284/436, dev 601/738
    "summoned_answers": 0.55,  # first contact 0/0, dev 1/1 (dev pooled with LitBank)
    "acted_on_replies": 0.65,  # first contact 27/39, dev 71/87
    "addressed_by_next_turn": 0.5,  # first contact 43/89, dev 92/131
    "turn_taking": 0.65,  # first contact 652/1008, dev 1333/1671
    "turn_taking/three_way": 0.55,  # first contact 367/693, dev 687/1046
    "narrated_partner": 0.45,  # first contact 35/80, dev 56/112
    "narrated_other": 0.45,  # first contact 11/20, dev 24/48
    "calls_the_other_of_two": 0.55,  # first contact 0/0, dev 5/7 (dev pooled with LitBank)
    "speech_runs_on": 0.65,  # first contact 0/0, dev 7/8 (dev pooled with LitBank)
    "reported_speech_turn": 0.55,  # first contact 1/4, dev 10/13 (dev pooled with LitBank)
    "last_actor_speaks": 0.45,  # first contact 50/105, dev 79/139
    "speaker_goes_on_after_narration": 0.45,  # first contact 8/18, dev 12/23
    "speaker_goes_on_past_silence": 0.4,  # first contact 0/1, dev 2/4 (dev pooled with LitBank)
    "speaker_goes_on_after_reaction": 0.3,  # first contact 0/3, dev 1/3 (dev pooled with LitBank)
    "speaker_goes_on_after_gesture": 0.5,  # first contact 0/0, dev 4/6 (dev pooled with LitBank)
    "revealed_voice": 0.6,  # first contact 4/6, dev 11/14 (dev pooled with LitBank)
    "revealed_by_next_paragraph": 0.35,  # first contact 8/22, dev 14/33
    "alternation_backfill": 0.35,  # first contact 50/135, dev 87/186
    "salient_character": 0.45,  # first contact 36/83, dev 87/138
    "viewpoint_replies": 0.55,  # first contact 0/0, dev 5/7 (dev pooled with LitBank)
    "answers_previous": 0.4,  # first contact 61/150, dev 131/223
    "anonymous_tag": 0.5,  # first contact 0/0, dev 6/10 (dev pooled with LitBank)
    "group_tag": 0.5,  # first contact 0/0, dev 2/3 (dev pooled with LitBank)
    "line_answers_phone": 0.65,  # first contact 1/1, dev 9/11 (dev pooled with LitBank)
    "holder_goes_on": 0.6,  # first contact 0/0, dev 2/2 (dev pooled with LitBank)
    "voice_on_the_line": 0.65,  # first contact 1/2, dev 9/10 (dev pooled with LitBank)
    "identified_on_the_channel": 0.7,  # first contact 0/0, dev 7/7 (dev pooled with LitBank)
    "station_call_sign": 0.8,  # first contact 3/3, dev 25/25
    "holder_picks_up": 0.55,  # first contact 0/0, dev 1/1 (dev pooled with LitBank)
    "holder_answers_line": 0.7,  # first contact 0/0, dev 6/6 (dev pooled with LitBank)
    "device_tag_is_the_line": 0.55,  # first contact 0/0, dev 1/1 (dev pooled with LitBank)
    "bare_line_is_the_caller": 0.6,  # first contact 1/3, dev 13/15 (dev pooled with LitBank)
    "far_voice_named": 0.7,  # first contact 0/0, dev 5/5 (dev pooled with LitBank)
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
