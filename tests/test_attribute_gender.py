"""Tests of ficaudio.attribute.gender: src/ficaudio/attribute/gender.py."""

from __future__ import annotations

import pytest

from collections import Counter

from ficaudio.attribute.characters import Person
from ficaudio.attribute.gender import _object_discount, _pronoun_weight, honorific_gender, is_object_her, narration_window, pronoun_after_object, vote_pronouns
from ficaudio.attribute.mentions import name_runs, words
from ficaudio.models import Gender

from attribute_scenes import line_characters, paragraph_characters


_STACKS = [
    'Wen-jie pushed the cart between the shelves. "Fiction goes upstairs."',
    '"I know where fiction goes," Xiong said.',
    'Wen-jie stopped. "Then why is it on my cart?"',
    '"Because you put it there," Xiong said.',
    '"I did not," Wen-jie said.',
    '"Prove it," Xiong said.',
]


def test_a_given_name_or_surname_like_an_honorific_says_no_gender():
    # "Wen-jie" is a given name (no sister's -jie), "Xiong" a surname (no brother's -xiong)
    characters = paragraph_characters(_STACKS)
    assert characters["Wen-jie"].gender is Gender.UNKNOWN and characters["Xiong"].gender is Gender.UNKNOWN
    assert honorific_gender(Person("Minho", Counter({"Minho": 2, "Minho-hyung": 1}))) is Gender.MALE
    assert honorific_gender(Person("Yanli", Counter({"Yanli": 2, "Yanli-jie": 1}))) is Gender.FEMALE


def test_gender_from_pronouns_after_mentions():
    found = line_characters("Then Hoshiko shook her head. Later Hoshiko sat. She smiled. Then Ryo waved. He laughed. Later Ryo sat.")
    assert found["Hoshiko"].gender is Gender.FEMALE and found["Ryo"].gender is Gender.MALE


def _run(text: str):
    return name_runs(words(text), text)[0]


@pytest.mark.parametrize(
    "text, weight",
    [
        ("Oren smiled and he sat.", 1.0),
        ("Oren settles into his seat.", 0.8),
        ("Oren looked at her warily.", 0.0),  # an object: someone else (round 3)
        ("Oren lifted her cup.", 0.3),  # a possessive, often hers in a woman's point of view
        ("Oren pushed him away.", 0.0),
        ("Oren shook his head.", 1.0),  # own body
        ("Tess stood in the doorway of her own room.", 1.0),  # "her own": the subject's
        ("Oren raised his free hand.", 1.0),  # a word between: still his own body (round 34e)
        ("Mara said in his ear.", 0.0),  # the body spoken into is the listener's (round 34e)
        ("Mara leaned against his chest.", 0.0),
        ("Mara leaned back against his shoulder.", 0.0),  # a body part of any kind leant on
        ("Mara whispered softly into his hair.", 0.0),
        ("Mara said, softly, in his ear.", 0.0),  # an adverb set off by commas changes nothing
        ("Mara laughed, helplessly, into his shoulder.", 0.0),
        ("Mara laughed into her hands.", 1.0),  # one speaks into one's own hands
        ("Oren pressed the phone against his ear.", 0.8),  # a thing held to his own ear: his, as "his" usually is
        ("Oren pressed a fist against his chest.", 0.8),
        ("Oren held her small hands.", 0.3),  # not "her free hand": someone else's hands
        ("Oren kissed her open mouth.", 0.3),
        ("Oren lifted her cup and drank her tea.", 1.0),  # two possessives alike, no one else's: the subject's
        ("Oren took her cup and his coat.", 0.3),  # two genders: the first may be someone else's
        ("Oren's elbow knocked against his own.", 0.0),  # "his own" set against Oren's: another's (round 42J)
        ("Priya's hand found her own on the rail.", 0.0),
        ("Oren's hands shook, and he hid them.", 1.0),  # must-not: a possessive name's plain "he" is still his
        ("Oren folded his own shirt.", 1.0),  # must-not: no possessive name, "his own" is the subject's
        ("Sasha's life was her own now.", 1.0),  # "own" after a copula: the named one's thing is hers (round 42K)
    ],
)
def test_pronoun_weight(text, weight):
    assert _pronoun_weight(text, _run(text), len(text)) == weight


def test_possessive_name_owning_someone_else_votes_weakly():
    """``Mara's cousin had painted it, and he`` -- the he is the cousin's (round 34e);
    ``Dez's voice came on, as if he`` is Dez's own."""
    owned, voice = "Mara's cousin had painted it, and he was proud.", "Dez's voice came on, as if he was bored."
    assert _object_discount(owned, _run(owned)) == 0.3 and _object_discount(voice, _run(voice)) == 1.0


@pytest.mark.parametrize("text", ["Noor's going to be late, and she knows it.", "Noor's been here before. She knows.",
                                  "Noor's phone buzzed, and she answered it.", "Noor's car stalled. She swore."])
def test_a_contraction_or_a_thing_owned_keeps_the_names_pronoun(text):
    """``Noor's going`` is "Noor is going", and a phone or a car is no ``she``: the pronoun is Noor's."""
    assert _object_discount(text, _run(text)) == 1.0


def test_name_after_preposition_votes_weakly():
    text = "To Oren she is a mystery."
    assert _object_discount(text, _run(text)) == 0.3
    assert _object_discount("Oren said", _run("Oren said")) == 1.0


def test_narration_window_stops_at_a_quotation():
    text = 'Kakashi turned. "She left."'
    run = name_runs(words(text), text)[0]
    assert "She" not in narration_window(text, run, len(text))


@pytest.mark.parametrize("rest, is_object", [(" into a narrow alcove", True), (" cup", False), (".", True), (" close", True), (" eyes", False)])
def test_object_her(rest, is_object):
    assert is_object_her(rest) is is_object


def test_object_her_does_not_make_a_man_female():
    # a name the first-names list does not know: only the text can tell
    chars = paragraph_characters([
        "At dusk, Zarek pulls her into an alcove. Mara gasps when Zarek holds her against the wall.",
        "Later Zarek kisses her. “Quiet,” Zarek says, and he waits.",
    ])
    assert chars["Zarek"].gender is Gender.MALE


def test_text_evidence_overrides_the_name_prior():
    # "Elizabeth" is a woman's name in the list, but the text says he, three times
    chars = paragraph_characters([
        "Elizabeth sighed. He rubbed his eyes. Elizabeth was tired, and he knew it. Elizabeth said he would go.",
        "“Fine,” Elizabeth said.",
    ])
    assert chars["Elizabeth"].gender is Gender.MALE


def test_name_prior_decides_when_the_text_is_silent():
    pytest.importorskip("gender_guesser")
    chars = paragraph_characters([
        "Margaret and Thomas walked to the river.",
        "“Cold,” said Margaret. “Very,” said Thomas.",
    ])
    assert chars["Margaret"].gender is Gender.FEMALE
    assert chars["Thomas"].gender is Gender.MALE


def test_a_surname_in_the_list_gives_way_to_the_given_name_written_before_it():
    pytest.importorskip("gender_guesser")
    # "Douglas" is a man's given name in the list; here it is Nadia's surname
    chars = paragraph_characters([
        "Nadia Douglas from the county paper reached the gate first.",
        "“Any comment?” Douglas asked.",
        "“None,” said Thomas.",
        "Douglas wrote that down anyway.",
    ])
    assert chars["Douglas"].gender is Gender.FEMALE


def test_narration_window_stops_at_the_paragraph_end():
    text = "It was Zarek who laughed first.\nHe went home alone."
    assert "He" not in narration_window(text, _run(text), len(text))


def test_name_ending_a_list_votes_weakly():
    text = "He goes to Asuma and Zarek's wedding. He dances."
    run = name_runs(words(text), text)[1]
    assert _object_discount(text, run) == 0.3


def test_pronouns_of_the_next_paragraph_and_after_a_list_do_not_make_a_woman_male():
    chars = paragraph_characters([
        "Later Kiri sighs and lifts her cup. Kiri nods, and she smiles.",
        "It's Kiri who calls his bluff.",
        "He goes to Asuma and Kiri's wedding and celebrates. He dances with everyone.",
        "He sends a text to Gai, Asuma, and Kiri telling them he is fine.",
    ])
    assert chars["Kiri"].gender is Gender.FEMALE


def test_the_pronoun_after_an_object_pronoun_is_the_subjects():
    # "her" is the woman addressed: the "he" after it, not the next "She", tells Zarek's gender
    text = "Zarek addressed her in the tone he used when she was his student. She stopped crying."
    votes = vote_pronouns(text, [(_run(text), Person("Zarek"))])["Zarek"]
    assert votes[Gender.MALE] == 0.8 and votes[Gender.FEMALE] == 0


def test_pronoun_after_object_needs_the_other_gender_in_the_same_sentence():
    assert pronoun_after_object(" addressed her in the tone he used.", Gender.FEMALE) is Gender.MALE
    assert pronoun_after_object(" pulled her close. He smiled.", Gender.FEMALE) is None
    assert pronoun_after_object(" pulled her close and she smiled.", Gender.FEMALE) is None


def test_a_name_equated_with_a_gendered_noun_takes_its_gender_over_a_neighbours_pronouns():
    found = line_characters(
        "Then Philip cried, and Emma hugged him. Later Emma was a tall, big-boned woman, and he loved her. "
        "Then Philip sat and Emma watched him. He smiled. Later Emma looked at him and he nodded."
    )
    assert found["Emma"].gender is Gender.FEMALE


def test_two_own_clause_pronouns_overrule_the_first_name_list():
    # "Mika" is a boy's name in the list; the text says "her" in two of her own sentences
    paragraphs = [
        'Mika Sato leans in, her medical kit slung over one shoulder. "Hold still," Mika says.',
        'Mika looks up from her bunk across the galley. "Some of us would like to sleep."',
    ]
    assert paragraph_characters(paragraphs)["Mika"].gender is Gender.FEMALE


def test_pronouns_of_later_sentences_do_not_overrule_the_first_name_list():
    # the "he" after "Eileen" is the boy's, in later sentences: the list's girl is not made a man
    paragraphs = [
        '"I will hide," said Stephen.',
        "Eileen lived next door. Eileen's father and mother were Protestants. When they were grown up he was going to marry Eileen. He hid under the table.",
        '"Apologise," his mother said.',
    ]
    assert paragraph_characters(paragraphs)["Eileen"].gender is not Gender.MALE


def test_a_he_opening_the_next_paragraph_is_no_vote_for_the_name_before_it():
    # the next paragraph's "He" is the listener reacting, not the woman who just asked
    chars = paragraph_characters([
        "Quillon raised her hand.",
        "“Where is it?” Quillon asked from the door.",
        "He looked at her, then at the floor.",
        "“Under the bed,” said Tomas.",
    ])
    assert chars["Quillon"].gender is Gender.FEMALE


def test_a_titled_name_with_two_possessives_of_one_gender_in_its_sentence_is_that_gender():
    # "Judge" says no gender and no first name is written: the two "his" of one clause do.
    found = line_characters("The clerk called the room to order. Judge Abelard swept in with his robe flapping and his spectacles low, and sat.")
    assert found["Judge Abelard"].gender is Gender.MALE


def test_a_pronoun_window_never_ends_in_half_a_word():
    # 120 characters after the name end inside "Her": the window stops before the word, so no "He"
    text = ("Corisande Vell is tall and grey-haired and wears a long coat that I am fairly sure is at least "
            "half for show, which is fine by all. Her dog follows her.")
    run = _run(text)
    assert text[run.end + 118:run.end + 121] == "Her"  # the 120th character is the e of Her
    assert not narration_window(text, run, len(text)).rstrip().endswith("He")
    assert vote_pronouns(text, [(run, Person("Corisande Vell"))]).get("Corisande Vell", Counter())[Gender.MALE] == 0


def test_his_own_after_a_possessive_name_gives_that_name_no_gender():
    """``Sam took the bag off Ellis's back and slung it over his own`` -- the ``his`` is Sam's;
    Ellis, whose pronouns elsewhere are ``she``, stays a woman (round 42J)."""
    found = paragraph_characters([
        "Ellis shrugged off her jacket by the tent. Ellis looked at her boots.",
        "Sam took the bag off Ellis's back and slung it over his own.",
        "Ellis rubbed her shoulder. Ellis sat down on her pack.",
        '"Thanks," Ellis said.',
    ])
    assert found["Ellis"].gender is Gender.FEMALE
