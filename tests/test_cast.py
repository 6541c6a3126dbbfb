from ficaudio.cast import cast, speakers_by_lines
from ficaudio.config import CharacterConfig, Config
from ficaudio.models import NARRATOR, Attribution, Character, Gender, Line, Segment, SegmentKind, Voice, VoiceReason

POOLS = {
    Gender.FEMALE: (Voice("f1"), Voice("f2")),
    Gender.MALE: (Voice("m1"), Voice("m2")),
    Gender.UNKNOWN: (Voice("u1"),),
}


def attribution(*speakers: str, characters=()) -> Attribution:
    lines = []
    for index, speaker in enumerate(speakers):
        kind = SegmentKind.NARRATION if speaker == NARRATOR else SegmentKind.DIALOGUE
        lines.append(Line(Segment(1, index, kind, index, index + 1, "x"), speaker))
    return Attribution(tuple(characters), tuple(lines))


def test_speakers_ordered_by_lines_then_first_appearance():
    att = attribution("B", NARRATOR, "A", "A", "C", "B", "A")
    assert speakers_by_lines(att) == [("A", 3), ("B", 2), ("C", 1)]


def test_pool_by_gender_most_talkative_first():
    chars = (Character("Ann", gender=Gender.FEMALE), Character("Bea", gender=Gender.FEMALE), Character("Carl", gender=Gender.MALE))
    result = cast(attribution("Bea", "Ann", "Ann", "Carl", characters=chars), Config(narrator=Voice("n"), pools=POOLS))
    assert dict(result.voices) == {"Ann": Voice("f1"), "Bea": Voice("f2"), "Carl": Voice("m1")}


def test_configured_voice_wins_and_is_not_handed_out_again():
    config = Config(narrator=Voice("n"), pools=POOLS, characters=(CharacterConfig("Bea", voice=Voice("f1")),))
    chars = (Character("Ann", gender=Gender.FEMALE), Character("Bea", gender=Gender.FEMALE))
    result = cast(attribution("Ann", "Ann", "Bea", characters=chars), config)
    assert dict(result.voices) == {"Ann": Voice("f2"), "Bea": Voice("f1")}
    assert str(dict(result.reasons)["Bea"]) == "configured in voices.yaml"


def test_configured_gender_overrides_the_guess():
    config = Config(narrator=Voice("n"), pools=POOLS, characters=(CharacterConfig("Sam", gender=Gender.MALE),))
    result = cast(attribution("Sam", characters=(Character("Sam", gender=Gender.FEMALE),)), config)
    assert result.voice_for("Sam") == Voice("m1")


def test_exhausted_pool_reuses_voices_at_distinct_pitches():
    chars = tuple(Character(n, gender=Gender.FEMALE) for n in "ABCDEF")
    result = cast(attribution(*"ABCDEF", characters=chars), Config(narrator=Voice("n"), pools=POOLS))
    voices = [v for _, v in result.voices]
    assert len(set(voices)) == 6
    assert {v.id for v in voices} == {"f1", "f2"}


def test_reasons_keep_the_pool_place_and_pitch_as_data():
    chars = tuple(Character(n, gender=Gender.FEMALE) for n in "ABC")
    result = cast(attribution(*"ABC", characters=chars), Config(narrator=Voice("n", pitch=50), pools=POOLS))
    reasons = dict(result.reasons)
    assert reasons["A"] == VoiceReason(Gender.FEMALE, 1)
    assert reasons["C"] == VoiceReason(Gender.FEMALE, 1, pitch=result.voice_for("C").pitch) and reasons["C"].reused and not reasons["A"].reused
    assert str(reasons["C"]) == f"pool female #1 (reused at pitch {result.voice_for('C').pitch})"


def test_a_later_part_goes_on_reusing_where_the_earlier_parts_stopped():
    chars = tuple(Character(n, gender=Gender.FEMALE) for n in "ABCDEF")
    config = Config(narrator=Voice("n"), pools=POOLS)
    whole = cast(attribution(*"ABCDEF", characters=chars), config)
    first = cast(attribution(*"ABCD", characters=chars), config)
    assert cast(attribution(*"ABCDEF", characters=chars), config, before=first) == whole


def test_cast_is_deterministic():
    att = attribution("X", "Y", "Z", "X")
    config = Config(narrator=Voice("n"), pools=POOLS)
    assert cast(att, config) == cast(att, config)


def test_narrator_lines_use_the_narrator_voice():
    result = cast(attribution(NARRATOR), Config(narrator=Voice("n"), pools=POOLS))
    assert result.voices == () and result.voice_for(NARRATOR) == Voice("n")
