"""Tests of ficaudio.attribute.address: src/ficaudio/attribute/address.py."""

from __future__ import annotations

from ficaudio.attribute.address import addressed_by_rank, person_titles
from ficaudio.attribute.characters import Person
from ficaudio.models import Gender

from attribute_scenes import scene_attribution, speakers, speakers_of


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
    speakers = speakers_of(scene_attribution(_TENT))
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


def test_a_short_title_before_a_name_calls_that_person_alone():
    text = ("Dr. Voss ran the meeting. Dr. Kell and Dr. Oduya sat across from her.\n"
            '"Dr. Kell," Dr. Voss said, "take the notes. Dr. Oduya, you will present."\n'
            '"Dr. Voss, I am not ready."')
    assert speakers(text)[-1][0] == "Dr. Oduya"
    class _Doc:  # only the roster is read
        class roster:
            people = [Person("Dr. Voss", gender=Gender.FEMALE), Person("Dr. Kell", gender=Gender.MALE)]
    assert addressed_by_rank(_Doc, "Dr. Voss, I am not ready.") == []


def test_a_short_title_closing_the_quotation_stands_for_the_person():
    class _Doc:  # only the roster is read
        class roster:
            people = [Person("Captain Vell", gender=Gender.MALE), Person("Sgt Orla Finch", gender=Gender.FEMALE)]
    assert addressed_by_rank(_Doc, "Aye, Capt.") == ["Captain Vell"]
    assert addressed_by_rank(_Doc, "On my way, Sergeant.") == ["Sgt Orla Finch"]
    assert addressed_by_rank(_Doc, "Capt. Vell, the boats are in.") == []


def test_majesty_calls_a_monarch_and_highness_a_royal_child_and_master_is_no_rank():
    class _Doc:  # only the roster is read
        class roster:
            people = [Person("Queen Ysolde", gender=Gender.FEMALE), Person("Prince Tam", gender=Gender.MALE),
                      Person("Master Orrin", gender=Gender.MALE)]
    assert addressed_by_rank(_Doc, "Yes, Your Majesty.") == ["Queen Ysolde"]
    assert addressed_by_rank(_Doc, "Late again, Highness?") == ["Prince Tam"]
    assert addressed_by_rank(_Doc, "Thank you, sir.") == ["Prince Tam"]
    assert addressed_by_rank(_Doc, "Thank you, sir.", courtesy=False) == []
    assert addressed_by_rank(_Doc, "Yes, Master.") == ["Master Orrin"]  # a bare "Master" still calls the master


def test_majesty_spoken_of_or_in_lower_case_calls_no_one():
    class _Doc:  # only the roster is read
        class roster:
            people = [Person("Queen Ysolde", gender=Gender.FEMALE), Person("Sir Bors", gender=Gender.MALE)]
    assert addressed_by_rank(_Doc, "His Majesty will want the long road watched.") == []
    assert addressed_by_rank(_Doc, "The sheer majesty of those peaks.") == []
    assert addressed_by_rank(_Doc, "Her Majesty is asleep.", courtesy=False) == []
    assert addressed_by_rank(_Doc, "Yes, Your Royal Majesty.") == ["Queen Ysolde"]


def test_a_capitalised_sir_or_madam_is_courtesy_too():
    class _Doc:  # only the roster is read
        class roster:
            people = [Person("Sir Bors", gender=Gender.MALE), Person("Madam Quill", gender=Gender.FEMALE)]
    assert addressed_by_rank(_Doc, "Sir, the bridge is down.", courtesy=False) == []
    assert addressed_by_rank(_Doc, "A man in a grey coat, Sir.", courtesy=False) == []
    assert addressed_by_rank(_Doc, "Thank you, Madam.", courtesy=False) == []
    assert addressed_by_rank(_Doc, "Sir, the bridge is down.") == ["Sir Bors"]


def test_highness_calls_a_monarch_when_no_royal_child_is_known():
    class _Doc:  # only the roster is read
        class roster:
            people = [Person("Queen Ysolde", gender=Gender.FEMALE), Person("Lord Fenn", gender=Gender.MALE)]
    assert addressed_by_rank(_Doc, "Yes, Your Highness.") == ["Queen Ysolde"]
    assert addressed_by_rank(_Doc, "Yes, my lord.") == ["Lord Fenn"]


_VAN = [
    "The manager drove like a man with a grudge against the road.",
    '"Manager-nim, slow down," Hana said from the back seat.',
    '"We are late," the manager said.',
    '"We are always late," Dami said.',
    '"Manager-nim, can we stop for coffee?" Bora asked.',
    '"No."',
    '"Please, Manager-nim."',
    'The manager sighed. "Five minutes."',
    '"The boss will kill us," Dami said.',
    '"The boss is in Japan," the manager said.',
]


def test_a_role_called_with_nim_calls_its_holder():
    # Korean -nim makes a title of any role: "Manager-nim" is the manager, who answers the call
    assert speakers_of(scene_attribution(_VAN))[4] == "the manager"
    class _Doc:  # only the roster is read
        class roster:
            people = [Person("the manager", gender=Gender.MALE), Person("Hana", gender=Gender.FEMALE)]
    assert addressed_by_rank(_Doc, "Manager-nim, slow down.") == ["the manager"]
    assert addressed_by_rank(_Doc, "Manager, slow down.") == []
