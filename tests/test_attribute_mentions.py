"""Tests of ficaudio.attribute.mentions: src/ficaudio/attribute/mentions.py."""

from __future__ import annotations

import pytest

from ficaudio.attribute.mentions import (
    calls_reader_placeholder, compound_head, description_at, fold, is_group_noun, is_name_word, may_be_surname, speaker_nouns, name_runs, split_honorific, words,
    writes_reader_placeholder,
)

from ficaudio.attribute import attribute
from attribute_scenes import dialogue_lines, dialogue_speakers, paragraph_characters, story


def test_mention_helpers():
    assert split_honorific("Sakura-chan") == ("Sakura", "chan")
    assert description_at("his wife impatiently") == ("his wife", "wife")
    assert description_at("the door creaked") is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the time when my father came", None),  # a wh-word ends the phrase
        ("the organ which her husband played", None),
        ("the old woman said", ("the old woman", "woman")),
        ("the boy officer answered", ("the boy", "boy")),
    ],
)
def test_description_stops_at_function_words(text, expected):
    assert description_at(text) == expected


def test_group_nouns():
    assert is_group_noun("sisters") and is_group_noun("people") and not is_group_noun("sister")


@pytest.mark.parametrize("word, name", [("I’m", False), ("She’d", False), ("He's", False), ("You’re", False), ("Ino’s", True), ("Iruka", True)])
def test_typographic_contractions_are_not_names(word, name):
    assert is_name_word(word) is name


def test_fold_straightens_apostrophes():
    assert fold("I’VE") == "i've"


def test_curly_contractions_never_become_characters():
    chars = paragraph_characters([
        "Iruka smiled at Kakashi. “I’m fine, really. I’m sure.” He laughed.",
        "Kakashi shrugged. “I’m not.” He sat down, and Iruka looked at him. “I’ve been worse.”",
    ])
    assert not any(name.startswith("I’") for name in chars)


def test_a_compound_kin_noun_is_a_person_of_that_gender():
    assert compound_head("step-son") == "son" and compound_head("grandmother") == "mother"
    assert description_at("his step-son shrugged") == ("his step-son", "son")
    lines = dialogue_lines([
        "Mr. Pett frowned at the breakfast table.",
        'His step-son shrugged. "I did nothing."',
    ])
    assert lines[0].speaker != "Mr. Pett"
    assert lines[0].rule == "description_action_beat"


def test_only_a_mid_sentence_adjective_may_be_a_surname():
    ws = words("Good heavens, said Good. Nobody said Nobody.")
    flags = [(w.text, may_be_surname(w)) for w in ws]
    assert flags[0] == ("Good", False) and flags[3] == ("Good", True) and ("Nobody", True) not in flags


def test_a_span_after_a_quotation_closed_on_a_comma_is_mid_sentence():
    t = '"Stop," Ino said. "Go." Ino went.'
    assert [w.initial for w in words(t, 7, 17)] == [False, False]
    assert words(t, 23)[0].initial and words(t, 0)[0].initial


def test_a_weekday_may_name_someone_in_mid_sentence_only_alone():
    ws = words("Then said Tuesday. Tuesday came.")
    assert may_be_surname(ws[2]) and not may_be_surname(ws[3])
    assert [r.form for r in name_runs(words("It was on Tuesday Lux said it."), "It was on Tuesday Lux said it.")] == ["Lux"]


def test_a_letter_after_a_digit_is_no_word():
    assert [w.text for w in words("Study Room 4B on the third floor")] == ["Study", "Room", "on", "the", "third", "floor"]


def test_a_noun_the_tags_make_a_speaker_is_a_person_in_the_narration_too():
    """``asked the Warden`` makes the narration's ``the Warden`` a person: the sentence that
    names her beside Nell shows two women, so the described speaker is not renamed Nell."""
    speakers = dialogue_speakers([
        "The ferry landing was empty but for the hut on the bank.",
        "\u201cIs the ferry running?\u201d asked the Warden. She dropped her pack on the planks.",
        "Nell came out of the hut, wiping her hands. \u201cNot tonight. River\u2019s too high.\u201d",
        "\u201cTomorrow, then.\u201d",
        "Nell shrugged, and the Warden turned away to look at the water.",
        "\u201cMaybe,\u201d Nell said.",
    ])
    assert speakers == ["the Warden", "Nell", "the Warden", "Nell"]


def test_names_written_with_accents_are_whole_names():
    # "Tomás" once read as "Tom" and "Élodie" as no name: two people became three voices
    assert [w.text for w in words("Tomás met Élodie.")] == ["Tomás", "met", "Élodie"]
    speakers = dialogue_speakers([
        "Tomás leaned on the pit wall. “You braked early,” Tomás said.",
        "Élodie rolled her eyes. “I braked on time.”",
        "“Early,” said Tomás.",
    ])
    assert speakers == ["Tomás", "Élodie", "Tomás"]


def test_a_noun_two_ordinary_tags_make_a_speaker_is_a_person_in_the_narration():
    """``"...," the referee says`` twice: ``The referee taps the bell.`` acts as a person; one
    such tag (``the speaker crackled``, a thing) is not enough."""
    speakers = dialogue_speakers([
        "Jonah and Priya sit at the long table with their cue cards.",
        "\u201cOpening statements,\u201d the referee says.",
        "Jonah clears his throat. \u201cThe motion is absurd.\u201d",
        "\u201cThat is not an argument,\u201d Priya says.",
        "\u201cTime,\u201d the referee says.",
        "The referee taps the bell. \u201cRebuttals.\u201d",
    ])
    assert speakers[-1] == "the referee"


def test_a_slashed_placeholder_is_no_name_but_a_pairing_keeps_its_names():
    assert [w.text for w in words('"Y/N, meet (L/N)." Kai/Dario, (e/c) eyes')] == ["Y/N", "meet", "Kai", "Dario", "eyes"]
    paragraphs = [
        "You lean on the counter. Kai looks up from the till.",
        '"Y/N! The usual?" Kai asks.',
        '"Please," you say.',
    ]
    assert dialogue_speakers(paragraphs) == ["Kai", "Y/N"]
    assert "Y" not in paragraph_characters(paragraphs)


def test_the_readers_placeholder_in_a_quotation():
    assert writes_reader_placeholder('"The famous (Y/N)."') and not writes_reader_placeholder("N/A, and/or")
    assert calls_reader_placeholder('"Come here, y/n!"') and not calls_reader_placeholder('"Where is Y/N?"')


def test_the_readers_placeholder_in_any_spelling_is_one_word_y_n():
    spelt = words("(Y/N) waved. [y/n] sat. Y/n's bag, y/n, F/N L/N.")
    assert [w.text for w in spelt] == ["Y/N", "waved", "Y/N", "sat", "Y/N's", "bag", "Y/N", "Y/N"]


# A reader-insert told in the third person: the placeholder is the reader's name in the narration.
THIRD_PERSON_READER = [
    "The observatory dome was freezing by the time (Y/N) climbed the last stair.",
    'Dr. Okafor didn\'t look up from the telescope. "You\'re late."',
    '"The bus broke down," Y/N said. She unwound her scarf and hung it on the railing.',
    '"Come and see this, then."',
    "Y/n crossed to the eyepiece and bent over it.",
    '"Oh," she breathed. "Is that Saturn?"',
    '"It is," said Dr. Okafor.',
    '"It has rings. Actual rings," said y/n.',
]


def test_the_readers_placeholder_in_the_narration_names_a_speaker():
    assert dialogue_speakers(THIRD_PERSON_READER) == ["Dr. Okafor", "Y/N", "Dr. Okafor", "Y/N", "Y/N", "Dr. Okafor", "Y/N"]
    assert paragraph_characters(THIRD_PERSON_READER)["Y/N"].gender.value == "female"


def test_no_word_is_read_inside_a_placeholder():
    assert [w.text for w in words("(Y/N)'s bag and [y/n]'s coat")] == ["Y/N's", "bag", "and", "Y/N's", "coat"]


def test_a_role_the_narration_gives_a_named_person_is_a_person_noun():
    text = "Rain again, and Maeve had been their manager for six years. He nodded at Oskar, who was their drummer and driver. Silence was her answer."
    assert sorted(speaker_nouns(text, frozenset())) == ["drummer", "manager"]


def test_a_title_written_out_before_a_full_stop_ends_the_sentence():
    # "Captain." closes a sentence; only a title written short (`Capt.`, `Mr.`) stands before a name
    text = '"Yes, Captain. Harland will see to it." Capt. Rhys nodded.'
    assert [(r.title, r.form) for r in name_runs(words(text), text)] == [(None, "Captain"), (None, "Harland"), ("capt", "Rhys")]


def test_the_captain_is_the_one_person_bearing_the_rank_even_after_a_called_rank():
    scene = [
        "Captain Ilse Brandt held the wheel while the sea came over the rail.",
        '"She\'s breaking up, Captain. Orders?" Tobin shouted.',
        '"Hold her steady!" the captain yelled back.',
    ]
    assert dialogue_speakers(scene)[-1] == "Captain Ilse Brandt"


def test_a_drawn_out_shout_is_no_name():
    from ficaudio.attribute.mentions import is_name_word

    assert not is_name_word("Gooooal") and not is_name_word("Whaaat")
    assert is_name_word("Isaac") and is_name_word("Anneliese")


def test_a_stammered_name_is_the_name():
    # "H-Hayden-senpai!": the stammer starts the name over; a double name stays whole
    text = '"H-Hayden-senpai!" Then K-K-Kit waved at Jean-Luc.'
    assert [r.form for r in name_runs(words(text), text)] == ["Hayden", "Kit", "Jean-Luc"]


def test_a_double_name_with_a_short_first_part_is_no_stammer():
    # "Eva-Evelyn" and "Bo-Bonnie" are names in two parts; "E-Evelyn" and "Bo-Bo-Bonnie" stammer
    text = "Then Eva-Evelyn waved at Bo-Bonnie. Later E-Evelyn saw Bo-Bo-Bonnie."
    assert [r.form for r in name_runs(words(text), text)] == ["Eva-Evelyn", "Bo-Bonnie", "Evelyn", "Bonnie"]


def test_a_role_written_in_capitals_is_a_tag_subject():
    text = "\n".join([
        "The captain leaned over the chart table. Nell watched the depth gauge.",
        '"Take her down to sixty," the captain said.',
        '"Sixty, aye," Nell said.',
        '"Quietly, though," the XO said.',
        '"We are always quiet," the XO said, and grinned at Nell.',
    ])
    st, segs = story(text)
    result = attribute(st, segs)
    assert [(line.speaker, line.rule) for line in result.lines if line.rule != "narration"][2:] == [("the XO", "description_tag")] * 2


@pytest.mark.parametrize(
    "word, expected",
    [
        ("Yerin-noona", ("Yerin", "noona")),  # Korean: a sibling's word said to an older friend
        ("Taemin-hyung", ("Taemin", "hyung")),
        ("Dongwook-sunbaenim", ("Dongwook", "sunbaenim")),
        ("Park-daeri", ("Park", "daeri")),  # an office rank after a surname
        ("Xichen-ge", ("Xichen", "ge")),  # Chinese
        ("Yanli-jie", ("Yanli", "jie")),
        ("Wen-jie", ("Wen-jie", None)),  # a given name of two syllables, not Wen and a sister's word
        ("Jiho-ya", ("Jiho", "ya")),  # a Korean call's particle
        ("Na-rae-ah", ("Na-rae", "ah")),
        ("Su-ah", ("Su-ah", None)),  # a given name ending in -ah
        ("Jean-Luc", ("Jean-Luc", None)),
    ],
)
def test_korean_and_chinese_honorifics_and_call_particles_come_off_a_name(word, expected):
    assert split_honorific(word) == expected


@pytest.mark.parametrize(
    "word, expected",
    [
        ("Yoon-ah", ("Yoon-ah", None)),  # Korean given names of one syllable and -ah, spelt with four letters and more
        ("Hyun-ah", ("Hyun-ah", None)),
        ("Kyung-ah", ("Kyung-ah", None)),
        ("Yoongi-ya", ("Yoongi", "ya")),  # two syllables called: the particle comes off
        ("Seungmin-ah", ("Seungmin", "ah")),
    ],
)
def test_a_call_particle_comes_off_only_a_name_of_two_syllables_however_long_the_first(word, expected):
    # round 41H: "Yoon-ah" came apart into "Yoon" (and a voice of that name) as its first part has four letters
    assert split_honorific(word) == expected


def test_a_japanese_rank_after_a_surname_comes_off_as_an_honorific():
    # round 43A: Kuroiwa-kantoku is Kuroiwa, as Kakashi-sensei is Kakashi; a hyphenated name stays whole
    from ficaudio.attribute.mentions import split_honorific

    assert split_honorific("Kuroiwa-kantoku") == ("Kuroiwa", "kantoku")
    assert split_honorific("Sato-buchou") == ("Sato", "buchou")
    assert split_honorific("Mary-Kate") == ("Mary-Kate", None)


def test_the_elder_brother_is_a_brother_not_the_elder():
    # "the elder brother" is a brother older than the other, not a village elder: the younger
    # brother's answer sets the two apart, and a council's "the elder" is a third (round 43K)
    scene = [
        "Tom and his brother Sam walked into the village hall. The elder of the council sat at the long table.",
        '"Sit," the elder said.',
        '"We came about the well," the elder brother said.',
        '"It is dry," the younger brother said.',
    ]
    assert dialogue_speakers(scene) == ["the elder", "the elder brother", "the younger brother"]


def test_the_older_deputy_is_a_deputy_not_the_sheriff():
    # "the older deputy said" names a deputy, as "the older guard" a guard: not the sheriff the
    # scene named last (round 43K: `deputy` and `sheriff` were no person nouns)
    scene = [
        "Sheriff Boone leaned back in his chair. Two deputies stood at the door.",
        '"Well?" Sheriff Boone asked.',
        '"Nothing on the road," the older deputy said.',
        '"Nothing by the river," the younger deputy said.',
    ]
    assert dialogue_speakers(scene) == ["Sheriff Boone", "the older deputy", "the younger deputy"]


def test_a_given_name_in_ly_the_story_writes_mid_sentence_is_still_the_name():
    # Everly and Waverly are no adverbs, though the first-names list does not know them: the
    # story writes them capitalised where no sentence starts (`"Morning," Everly said.`, the header)
    precinct = [
        "Everly Hart pushed open the door of the precinct. Behind her came Sam Cole.",
        '"Morning," Everly said.',
        '"Morning, Hart," Cole said.',
        '"Coffee?" Hart asked.',
    ]
    people = paragraph_characters(precinct)
    assert "Everly" in people["Hart"].aliases and "Everly" not in people
    assert dialogue_speakers(precinct) == ["Hart", "Sam Cole", "Hart"]
    station = [
        "Characters: Waverly Earp, Nicole Haught",
        "Waverly Earp ran down the steps of the station.",
        '"Nicole!" Waverly shouted.',
    ]
    assert dialogue_speakers(station) == ["Waverly Earp"]


def test_an_adverb_opening_a_sentence_is_no_part_of_the_name_after_it():
    # `Naturally Nell`, `Eventually Theo`: the adverb is capitalised by its place only
    scene = [
        "Characters: Nell Varga, Theo Brandt",
        "Summary: The roof.",
        "Nell sat on the roof with her knees up. Theo came out of the window after a while.",
        '"You found me," Nell said.',
        "Theo sat down beside her. For a long time neither of them spoke.",
        'Eventually Theo leaned back on his hands. "I always find you."',
        'Naturally Nell laughed. "You always do."',
    ]
    people = paragraph_characters(scene)
    assert set(people) == {"Nell", "Theo"}
    assert not any(a.startswith(("Naturally", "Eventually")) for p in people.values() for a in p.aliases)
    assert dialogue_speakers(scene) == ["Nell", "Theo", "Nell"]


def test_a_given_name_in_ly_opening_a_sentence_is_still_the_name():
    # must not fire: Molly and Emily are given names (the first-names list knows them)
    scene = [
        "Characters: Molly Hart, Emily Cole",
        "Summary: The porch.",
        'Molly Hart sat on the porch step. "Cold," she said.',
        'Emily Cole came out with two mugs. "Tea," she said.',
        '"Thanks," Molly said.',
    ]
    people = paragraph_characters(scene)
    assert "Molly" in people["Molly Hart"].aliases and "Emily" in people["Emily Cole"].aliases
    assert dialogue_speakers(scene) == ["Molly Hart", "Emily Cole", "Molly Hart"]

# ------------------------------------------------ a title after the word of its post (round 44F)
def test_a_title_after_the_word_of_its_post_opens_a_full_name():
    # "Station Chief Ruth Halvorsen": chief is the title, Ruth Halvorsen the name (on ef5bf1e a run
    # of four words with no title, so "the Chief" had no bearer)
    t = "The wind rose. Station Chief Ruth Halvorsen did not like it. Head Coach Dan Okafor shrugged."
    assert [(r.title, r.form) for r in name_runs(words(t), t)] == [("chief", "Ruth Halvorsen"), ("coach", "Dan Okafor")]


def test_a_run_with_no_title_second_or_too_short_keeps_its_words():
    # a title first is read as before; three words (the post, the title, one name) are left as they
    # were; a title word first and second is the first's
    t = "Then Professor Minerva Vance came. Fire Chief Dunn waved. Kessler Station Ruth Halvorsen. Captain Major Tom Bell."
    assert [(r.title, r.form) for r in name_runs(words(t), t)] == [
        ("professor", "Minerva Vance"), (None, "Fire Chief Dunn"), (None, "Kessler Station Ruth Halvorsen"), ("captain", "Major Tom Bell")]


def test_the_chief_is_the_station_chief_the_story_named():
    scene = [
        "Station Chief Ruth Halvorsen did not like the look of the sky. Priya stood at the window beside Eli.",
        '"It\'s getting worse," Priya said.',
        '"It\'ll hold," Eli said.',
        'The Chief put her mug down. "Nobody goes out alone tonight."',
    ]
    lines = dialogue_lines(scene)
    assert lines[-1].speaker in ("Ruth Halvorsen", "Chief Ruth Halvorsen")  # on ef5bf1e: "the Chief", a voice of its own


# round 44K: review of 44F with invented scenes
@pytest.mark.parametrize("place", ["the Old Major Thomas Bridge", "Lake Captain Thomas Park"])
def test_a_place_named_for_a_titled_person_is_no_post_and_its_bearer(place):
    # on main f6b11a8 "Major Thomas Bridge" was a name, and Thomas took it (and "Thomas Bridge") as his
    scene = [
        f"The bus crossed {place}. Nell and Thomas sat in the back.",
        '"I hate this bridge," Nell said.',
        '"It\'s fine," Thomas said.',
    ]
    people = paragraph_characters(scene)
    assert people["Thomas"].aliases == () and not any("Park" in n or "Bridge" in n for n in people)


@pytest.mark.parametrize("part", ["gut", "pride", "stomach", "conscience"])
def test_a_part_of_the_speaker_that_talks_is_no_relation_of_theirs(part):
    # "his gut said" in a talk of two is Tom's own inner voice, not the other of the two (on main
    # f6b11a8 the line went to Ada as "his ... " relation answering)
    scene = [
        "Tom and Ada stood at the edge of the quarry.",
        '"It\'s safe," Ada said.',
        '"Sure," Tom said.',
        f'"Don\'t jump," his {part} said.',
    ]
    assert dialogue_speakers(scene)[-1] != "Ada"

def test_a_title_before_a_name_heads_no_description():
    """Round 44J: ``For a long moment Lady Ashgrove said nothing`` is Lady Ashgrove, no
    description ``a long moment Lady``; ``a text from Professor Hale`` is no professor of its own.
    A lower-case head, or a title with no name after it, still heads one."""
    from ficaudio.attribute.mentions import description_at

    assert description_at("a long moment Lady Ashgrove said nothing") is None
    assert description_at("a text from Professor Hale came in") is None
    assert description_at("the old woman said") == ("the old woman", "woman")
    assert description_at("the old Lady said") == ("the old Lady", "lady")


def test_an_abbreviated_title_after_its_posts_word_opens_the_name():
    # "Police Sgt. Ruth Vale" as "Station Chief Ruth Halvorsen": the title written short
    t = "Police Sgt. Ruth Vale took the call."
    run = name_runs(words(t), t)[0]
    assert run.title == "sgt" and run.form == "Ruth Vale"
