"""Round 15 rules: a fuller description keeps its words as an alias of the described person
(:func:`keep_fuller_description`), a name of the narrator addressed in a quotation rules the
narrator out as its speaker (:func:`narrator_addressed`), and a form of address (``ma'am``,
``sir``, ``Highness``) rules out the people it fits (:func:`addressed_by_rank`).
Scenes are written by hand; each scene test fails with its rule taken out."""

from __future__ import annotations

from ficaudio.attribute import attribute
from ficaudio.attribute.address import addressed_by_rank, person_titles
from ficaudio.attribute.characters import Person
from ficaudio.models import Gender, SegmentKind

from test_attribute_round6 import _story


def _attribution(paragraphs: list[str]):
    story, segments = _story(paragraphs)
    return attribute(story, segments)


def _speakers(attribution) -> list[str]:
    return [l.speaker for l in attribution.lines if l.segment.kind is SegmentKind.DIALOGUE]


_BRIDGE = [
    "A man twice my size steps out of the reeds and blocks the bridge.",
    '"Toll," he says.',
    "The tall man holds out a hand the size of a shovel.",
    '"We have no money," I say.',
    "The tall man shrugs.",
    '"Then you have no bridge."',
]


def test_a_fuller_description_is_an_alias_of_the_described_person():
    attribution = _attribution(_BRIDGE)
    man = next(c for c in attribution.characters if c.name == "the man")
    assert "the tall man" in man.aliases
    assert _speakers(attribution)[2] == "the man"


_AMBUSH = [
    "Sergeant Holt walks the line of tents with me at his back.",
    '"Stay close, Kestrel," Holt says.',
    '"Always."',
    '"Kestrel, wake the others."',
    '"Yes, Sergeant," I say.',
    '"Quietly, Kestrel," Holt says.',
    "An arrow hisses out of the dark.",
    '"Kestrel! Left!"',
]


def test_a_name_of_the_narrator_addressed_rules_the_narrator_out():
    speakers = _speakers(_attribution(_AMBUSH))
    holt = speakers[0]
    assert holt != "Kestrel" and speakers[1] == speakers[3] == "Kestrel"
    assert speakers[4] == speakers[5] == holt


_TENT = [
    "Princess Mara spreads the map on the table. Lady Yvette holds the lamp. I stand by the flap.",
    '"Which road?" Princess Mara asks me.',
    '"The mountain road, Highness."',
    '"It is too steep," Lady Yvette says.',
    '"It is steep for them too, my lady."',
    '"Then we go at dawn," says the princess.',
    '"Yes, ma\'am."',
]


def test_a_form_of_address_rules_out_the_listener():
    speakers = _speakers(_attribution(_TENT))
    narrator = speakers[1]
    assert narrator not in ("Princess Mara", "Lady Yvette")
    assert speakers[3] == speakers[5] == narrator


def test_addressed_by_rank_fits_gender_and_title():
    class _Doc:  # only the roster is read
        class roster:
            people = [Person("Captain Vell", gender=Gender.MALE), Person("Lady Yvette", gender=Gender.FEMALE),
                      Person("Mr. Ash", gender=Gender.MALE), Person("Princess Mara", gender=Gender.FEMALE)]
    assert addressed_by_rank(_Doc, "Yes, sir.") == ["Captain Vell"]
    assert addressed_by_rank(_Doc, "Ma'am?") == ["Lady Yvette", "Princess Mara"]
    assert addressed_by_rank(_Doc, "Say what, Highness?") == ["Princess Mara"]
    assert addressed_by_rank(_Doc, "Now, Captain!") == ["Captain Vell"]
    assert addressed_by_rank(_Doc, "We ride at dawn.") == []
    assert person_titles(Person("the captain")) == {"captain"}
