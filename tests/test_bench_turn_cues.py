"""The turn-cue probe (bench/turn_cues.py): what each cue proposes from the talk as the engine
sees it, and that logging leaves the engine's rules as they were and its lines unchanged."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))
cues = pytest.importorskip("turn_cues")
attribution_bench = pytest.importorskip("attribution")

import ficaudio.attribute as engine  # noqa: E402


def _moment(text, turns=("Wen", "Ada", "Bo", "Ada", "Bo"), named=(), calls=None):
    return cues.Moment(list(turns), text, list(named), calls or [[] for _ in turns])


def test_a_line_to_the_two_talking_is_a_third_persons():
    assert cues.pair_called(_moment("“Both of you, sit down.”")) == "Wen"
    assert cues.pair_called(_moment("“You two-faced liar.”")) is None
    assert cues.alternation(_moment("“Both of you, sit down.”")) == "Ada"


def test_a_verdict_on_the_last_speaker_and_an_agreement_are_a_third_persons():
    assert cues.verdict_on_the_last(_moment("“She's right, you know.”")) == "Wen"
    assert cues.verdict_on_the_last(_moment("“You're right.”")) is None
    assert cues.agreement(_moment("“Me too.”")) == "Wen" and cues.agreement(_moment("“Me too, if Ada goes.”")) is None


def test_one_called_before_the_last_turn_and_not_heard_since_is_proposed():
    calls = [[], [], [], ["Cy"], []]
    assert cues.called_and_unanswered(_moment("“Well?”", calls=calls)) == "Cy"
    assert cues.called_and_unanswered(_moment("“Well, Cy?”", named=["Cy"], calls=calls)) is None


def test_the_busiest_speaker_of_late_leaves_out_the_last():
    assert cues.busiest_of_late(_moment("“Go on.”", turns=("Ada", "Bo", "Ada", "Cy", "Ada", "Bo"))) == "Ada"


def test_logging_leaves_the_engine_as_it_was():
    text = next(t for t in attribution_bench.load_texts(attribution_bench.DEFAULT_FIXTURES, typed=True) if t.name == "two_am")
    story, segments = attribution_bench._story_and_segments(text, True)
    plain = engine.attribute(story, segments)
    log = {}
    with cues.logging_moments(log):
        logged = engine.attribute(story, segments)
    assert log and [l.speaker for l in logged.lines] == [l.speaker for l in plain.lines]
    assert engine.decide.__name__ == "decide" and all(r.__name__ != "ask" for r in engine._CONVERSATION_RULES)


def test_a_line_to_the_two_talking_goes_to_the_one_other_person_present():
    assert cues.pair_called_present(cues.Moment(["Ada", "Bo", "Ada", "Bo"], "“You two, quiet.”", [], [[]] * 4, {"Ada", "Bo", "Cy"})) == "Cy"
    assert cues.pair_called_present(cues.Moment(["Ada", "Bo"], "“You two, quiet.”", [], [[]] * 2, {"Cy", "Di"})) is None
    assert cues.pair_called_present(cues.Moment(["Ada", "Bo"], "“Quiet.”", [], [[]] * 2, {"Cy"})) is None


def _present_at_last_line(text: str) -> set[str]:
    quotes = [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”", text)]
    gold = tuple({"start": s, "end": e, "speaker": "?"} for s, e in quotes)
    story, segments = attribution_bench._story_and_segments(attribution_bench.Text("scene", text, gold, (), False), True)
    log = {}
    with cues.logging_moments(log):
        engine.attribute(story, segments)
    return log[quotes[-1]].present


def test_who_is_present_is_who_the_scene_put_in_the_room_and_did_not_send_away():
    before = "“Go north,” Mara said to Tova.\n\nTova nodded.\n\n* * *\n\n"
    scene = ("Jun, Pell and Ines sat round the stove. Pell left.\n\n“Cold,” Jun said.\n\n“Colder tomorrow,” Ines said.\n\n"
             "Jun shrugged.\n\n“Says who?”")
    present = _present_at_last_line(before + scene)
    assert {"Jun", "Ines"} <= present and "Pell" not in present and not present & {"Mara", "Tova"}
