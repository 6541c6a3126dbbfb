"""Round 4 rules: conversation state (who acts, who is addressed, who introduces themselves)
and binding (``He walks up to Tomas`` is not Tomas). Scenes are written by hand here; each
test fails when its rule is taken out."""

from __future__ import annotations

from ficaudio.attribute import attribute
from ficaudio.attribute.introductions import introduced_name
from ficaudio.attribute.characters import Roster
from ficaudio.attribute.rules import is_address_phrase
from ficaudio.models import Block, BlockKind, Chapter, Segment, SegmentKind, Story
from ficaudio.segment import find_quotations


def _story(paragraphs: list[str]) -> tuple[Story, list[Segment]]:
    text = "\n\n".join(paragraphs)
    blocks, cursor = [], 0
    for p in paragraphs:
        blocks.append(Block(BlockKind.PARAGRAPH, cursor, cursor + len(p)))
        cursor += len(p) + 2
    story = Story(text, "t", None, "t", (Chapter(1, None, None, tuple(blocks)),))
    segments = []
    for b, block in enumerate(blocks):
        at = block.start
        for s, e in [q for q in map(tuple, find_quotations(text)) if block.start <= q[0] < block.end]:
            if s > at:
                segments.append(Segment(1, b, SegmentKind.NARRATION, at, s, text[at:s]))
            segments.append(Segment(1, b, SegmentKind.DIALOGUE, s, e, text[s:e]))
            at = e
        if at < block.end:
            segments.append(Segment(1, b, SegmentKind.NARRATION, at, block.end, text[at:block.end]))
    return story, segments


def _lines(paragraphs: list[str]):
    story, segments = _story(paragraphs)
    return [l for l in attribute(story, segments).lines if l.segment.kind is SegmentKind.DIALOGUE]


def _speakers(paragraphs: list[str]) -> list[str]:
    return [l.speaker for l in _lines(paragraphs)]


_TWO_MEN = [
    "Elias and Tomas had agreed to meet at the inn.",
    "Elias had walked for an hour. He was tired, and he was cold.",
    "Tomas waited by the door. He had waited all evening for Elias.",
]


def test_pronoun_is_not_the_man_named_later_in_its_sentence():
    # binding: "he ... turning to face Tomas" cannot be Tomas, though Tomas was the last man seen
    speakers = _speakers([*_TWO_MEN, '"You are late," he says, turning to face Tomas.'])
    assert speakers == ["Elias"]


def test_sentence_initial_pronoun_is_not_the_man_it_acts_on():
    speakers = _speakers([*_TWO_MEN, 'He walks straight up to Tomas and says, "You are late."'])
    assert speakers == ["Elias"]


def test_copula_links_pronoun_and_name():
    assert is_address_phrase("Tomas")  # sanity: a plain name is a form of address
    speakers = _speakers([*_TWO_MEN, 'He was Tomas, after all. "I waited," he said.'])
    assert speakers == ["Tomas"]


def test_name_opening_a_later_clause_is_its_subject():
    # "..., and Rafael wanted to leave": Rafael acts last, so "he says" is Rafael
    paragraphs = [
        "Rafael came in and nodded to Tomas. He sat down by the fire.",
        "Tomas poured the tea for Rafael. He hummed to himself.",
        "Tomas talked about the harvest, and Rafael wanted to leave.",
        '"I should go," he says.',
    ]
    assert _speakers(paragraphs) == ["Rafael"]


def test_possessive_name_before_participle_is_a_subject():
    paragraphs = [
        "Rafael came in and nodded to Tomas. He sat down by the fire.",
        "Tomas poured the tea for Rafael. He hummed to himself.",
        "Tomas kept talking, and by the time Rafael’s done listening, the tea is cold.",
        '"Thank you," he says.',
    ]
    assert _speakers(paragraphs) == ["Rafael"]


def test_later_quotation_goes_to_a_new_actor_not_the_first_tag():
    paragraphs = [
        "Lena and Mara sat in the café. Lena smiled at her friend. Mara smiled back at Lena.",
        'Lena is nervous, but she says, "I kissed him." Mara practically falls forward, hands flat on the table. "Start from the beginning."',
    ]
    assert _speakers(paragraphs) == ["Lena", "Mara"]


def test_later_quotation_after_its_own_tag_keeps_the_speaker():
    paragraphs = [
        "Lena and Mara sat in the café. Lena smiled at her friend. Mara smiled back at Lena.",
        '"I kissed him," Lena says. "Twice."',
    ]
    assert _speakers(paragraphs) == ["Lena", "Lena"]


_THREE = [
    "Nadia sat at the table. Felix stood at the sink, and Marcus leaned in the doorway.",
    '"Where were you?" Nadia asked.',
    '"Out," Felix said.',
]


def test_last_actor_speaks_after_a_paragraph_ending_on_them():
    speakers = _speakers([*_THREE, '"Doing what?" Nadia asked, and Marcus laughed.', '"He was at the mill."'])
    assert speakers[-1] == "Marcus"


def test_last_actor_is_not_the_one_addressed():
    speakers = _speakers([*_THREE, '"Doing what?" Nadia asked, and Marcus laughed.', '"Marcus, be quiet."'])
    assert speakers[-1] != "Marcus"


def test_capitalised_phrase_with_a_contraction_is_no_vocative():
    # "It’s Marcus, isn’t it" names Marcus but does not address him: he may answer
    speakers = _speakers([*_THREE, '"It’s Marcus, isn’t it," Nadia says, and Marcus bursts into laughter.', '"It is."'])
    assert speakers[-1] == "Marcus"
    assert not is_address_phrase("It’s Marcus")


def test_possessive_description_in_narration_is_no_new_character():
    # "his student" is someone already known: the one who answers is Kenji, not a new person
    paragraphs = [
        "Aiko walked home with Kenji through the snow. Kenji loosened his grip on his student.",
        '"Are you cold?" Aiko asked.',
        '"No."',
    ]
    assert _speakers(paragraphs) == ["Aiko", "Kenji"]


def test_self_introduction_names_the_described_speaker():
    paragraphs = [
        "An old monk stood in the road, leaning on his staff.",
        'The monk bowed. "Forgive me. I am Brother Anselm. You are far from home."',
        '"Where are you going?" the monk asked.',
    ]
    story, segments = _story(paragraphs)
    result = attribute(story, segments)
    speakers = [l.speaker for l in result.lines if l.segment.kind is SegmentKind.DIALOGUE]
    assert speakers == ["Brother Anselm", "Brother Anselm"]
    assert "Brother Anselm" in {c.name for c in result.characters}


def test_self_introduction_corrects_a_named_speaker_line():
    paragraphs = [
        "Oswin sat on the wall. He was whittling a stick.",
        '"Good day," Oswin said.',
        'The stranger rode a step nearer. "It was my whim," he said. "I am Parson Wendel, the antiquary."',
    ]
    speakers = _speakers(paragraphs)
    assert speakers[-1] == "Parson Wendel"


def test_introduced_name_needs_a_name():
    doc = type("Doc", (), {"roster": Roster()})()
    assert introduced_name(doc, '"Forgive me. I am Brother Anselm."') == "Brother Anselm"
    assert introduced_name(doc, '"I am Afraid of it."') is None
    assert introduced_name(doc, '"I’m Kenji’s student."') is None


def test_bare_honorific_addresses_its_bearer():
    paragraphs = [
        "Jiro-sensei stood by the river with Emi and Kaito. Jiro watched the water.",
        '"We train today," Jiro said.',
        '"Yes," Kaito said.',
        '"Why, sensei?"',
    ]
    assert _speakers(paragraphs)[-1] != "Jiro"


def test_pronoun_in_the_sentence_of_a_described_person_of_unknown_gender():
    # "As the ANBU captain approached her he stopped": he is the captain, not the last man seen
    paragraphs = [
        "Mira waited by the gate with Daren. Daren was tired, and he had waited all night for Mira.",
        'As the ANBU captain approached her he stopped. "Oh no."',
    ]
    assert _speakers(paragraphs) == ["the ANBU captain"]


def test_pronoun_tag_after_a_paragraph_subject_whose_gender_is_unknown():
    paragraphs = [
        "Renji sat with Quorin and Mira. Renji laughed at the story, and he slapped the table. Mira laughed with Quorin.",
        'Quorin presses two fingers to the bridge of the nose. "Why were you even there?" he mutters.',
    ]
    assert _speakers(paragraphs) == ["Quorin"]


def test_narrator_named_by_how_others_address_them():
    # "I" is addressed as Wyn three times; Wyn is a narration subject only in others' reported words
    paragraphs = [
        "I had known Holt for years. I walked with Holt to the river, and I sat down.",
        '"Wyn, you look tired," Holt said.',
        '"I am," I said.',
        "Holt laughed. Wyn never sleeps, he told the boatman. Wyn is a fool, he thought.",
        '"Sleep, Wyn," Holt said.',
        '"Later," I said.',
        '"Goodnight, Wyn," Holt said.',
    ]
    assert _speakers(paragraphs) == ["Holt", "Wyn", "Holt", "Wyn", "Holt"]
