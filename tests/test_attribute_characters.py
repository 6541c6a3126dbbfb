"""Tests of ficaudio.attribute.characters: src/ficaudio/attribute/characters.py."""

from __future__ import annotations

from collections import Counter

import pytest

from ficaudio.attribute import attribute
from ficaudio.attribute.characters import (
    Occurrence, Person, Roster, _title_fits, borne_honorifics, forms_kept_apart, is_animal_noun, is_character_form, is_non_person_form,
    is_vocative_run, join_in_passing, named_in_passing, names_a_bearer, short_form_owner, wife_by_husbands_name, word_made_person,
)
from ficaudio.attribute.mentions import NameRun
from ficaudio.models import Gender

from attribute_scenes import (
    INO, KAKASHI, KIBA, dialogue_speakers, line_characters, paragraph_characters, scene_attribution, speakers, speakers_of, story,
)


def test_known_characters_keep_their_canonical_name():
    text = 'Hatake walked in.\n"Yo," Hatake said.'
    assert speakers(text, [KAKASHI]) == [("Kakashi", "explicit_tag")]


def test_honorific_forms_merge_into_one_character():
    found = line_characters('Kakashi walked in. Naruto waved.\n"Kakashi-sensei!" Naruto shouted.\nKakashi smiled at him.')
    assert "Kakashi-sensei" in found["Kakashi"].aliases


_CALL_PARTICLES = [
    "The dorm kitchen was a mess again. Jiho sat on the counter eating cereal out of the box.",
    '"Jiho-ya, that is my cereal," Taemin said.',
    '"Ya snooze, ya lose," Jiho said.',
    "Taemin took the box back, and Jiho laughed.",
    '"Ya know what? Fine."',
]


def test_a_korean_calls_particle_is_no_honorific_said_bare():
    # "Jiho-ya" is Jiho called; the particle borne by a name makes no "Ya" of "Ya snooze" a person
    assert borne_honorifics({"Jiho": Occurrence(total=2, honorifics=Counter(ya=1, hyung=1))}) == {"hyung"}
    characters = paragraph_characters(_CALL_PARTICLES)
    assert "Jiho-ya" in characters["Jiho"].aliases and "Ya" not in characters


_HYUNG_TO_ANYONE = [
    "The practice room clock said half past two. Dasol lay flat on the floor.",
    '"Hyung, my legs are gone," Dasol said.',
    '"Again from the chorus," Wonjae said.',
    "Ilhan-hyung laughed from the corner and tossed him a bottle of water.",
    '"Wonjae-hyung, have mercy."',
    '"Hyung, be nice to him," Taeri said.',
    '"I am nice."',
    '"You are not," Ilhan said.',
]


def test_a_sibling_word_only_quotations_say_names_no_one():
    # "Hyung" said to whichever older member is there (Ilhan-hyung, Wonjae-hyung) is no voice of its own
    characters = paragraph_characters(_HYUNG_TO_ANYONE)
    assert "Hyung" not in characters and not any("Hyung" in c.aliases for c in characters.values())
    assert names_a_bearer("Noona", Occurrence(total=3, in_quote=1), {"noona"}) and not names_a_bearer("Noona", Occurrence(total=3, in_quote=3), {"noona"})


def test_titles_keep_mr_and_mrs_apart_and_give_gender():
    found = line_characters('Then Mr. Bennet sat. Later Mrs. Bennet stood.\n"No," said Mr. Bennet.\n"Yes," said Mrs. Bennet.')
    assert found["Mr. Bennet"].gender is Gender.MALE and found["Mrs. Bennet"].gender is Gender.FEMALE


def test_full_name_and_parts_are_one_character():
    found = line_characters("Yesterday Daisuke Mori arrived. Then Daisuke sat. Later Mori left. Then Daisuke ran.")
    assert len([n for n in found if "Daisuke" in n or "Mori" in n]) == 1


@pytest.mark.parametrize(
    "form, occurrence, expected",
    [
        ("Kakashi", Occurrence(total=5, mid_sentence=4), True),
        ("Konoha", Occurrence(total=4, mid_sentence=4, after_preposition=4), False),  # a place
        ("Hokage", Occurrence(total=4, mid_sentence=4, after_article=4), False),  # a title: "the Hokage"
        ("Still", Occurrence(total=3, mid_sentence=0), False),  # a sentence-initial word
        ("June", Occurrence(total=3, mid_sentence=2, in_quote=1), True),  # "Go to bed, June!"
        ("June", Occurrence(total=3, mid_sentence=3), False),  # "one afternoon in early June"
    ],
)
def test_is_character_form(form, occurrence, expected):
    from collections import Counter

    assert is_character_form(form, occurrence, Counter({"still": 9})) is expected


@pytest.mark.parametrize(
    "form, occurrence, expected",
    [
        ("Front Street", Occurrence(total=2, mid_sentence=2), True),  # place word last
        ("New York", Occurrence(total=3, mid_sentence=3), True),  # place prefix
        ("American", Occurrence(total=2, mid_sentence=2), True),  # demonym
        ("Irish", Occurrence(total=5, mid_sentence=5, tagged=2), False),  # a nickname that speaks
        ("Hall", Occurrence(total=4, mid_sentence=4, titled={"mrs": 4}), False),  # Mrs. Hall
        ("Presently", Occurrence(total=2, mid_sentence=0), True),  # adverb only at sentence start
        ("Molly", Occurrence(total=3, mid_sentence=2), False),
    ],
)
def test_is_non_person_form(form, occurrence, expected):
    from collections import Counter

    occurrence.titled = Counter(occurrence.titled)
    assert is_non_person_form(form, occurrence) is expected


def test_ship_after_the_in_italics_is_not_a_speaker():
    text = ("The _Heron_ was sinking. Ino ran along the deck of the _Heron_.\n"
            "The _Heron_ tilted. Ino looked back.\n\"We have to jump,\" she said.")
    st, segs = story(text)
    result = attribute(st, segs, known=[INO])
    assert "Heron" not in [c.name for c in result.characters]
    assert speakers_of(result) == ["Ino"]


SISTERS = [
    "The school of Miss Agatha Thornbury stood at the end of the lane.",
    '"Is the coach at the gate, Miss Agatha?" asked Miss Thornbury.',
    '"It is, sister," replied Miss Agatha.',
    '"Then fetch the girl at once," said Miss Thornbury.',
    '"I shall," said Miss Agatha.',
]


def test_a_tagged_speaker_addressing_a_relative_keeps_them_apart():
    speakers = dialogue_speakers(SISTERS)
    assert speakers[0] != speakers[1]
    assert speakers[0] == speakers[2] and speakers[1] == speakers[3]


def test_two_forms_named_in_one_sentence_are_two_people():
    scene = [
        "Mr. Oswin Hale kept the shop.",
        "In the morning Mr. Oswin watched Mr. Hale count the coins.",
        '"Twelve," said Mr. Hale.',
        '"Thirteen," said Mr. Oswin.',
    ]
    first, second = dialogue_speakers(scene)
    assert first != second


def test_forms_kept_apart_ignores_an_apposition():
    a, b = NameRun(("Hale",), "mr", None, 0, 8, False), NameRun(("Oswin", "Hale"), None, None, 10, 20, False)
    text = "Mr. Hale, Oswin Hale, came."
    assert forms_kept_apart([], [[a, b]], text) == set()


def test_a_short_name_a_he_is_said_to_be_is_not_kept_apart_from_him():
    # `Fitzgerald ... he was just Fitz again`: what the sentence says Fitzgerald is, not a second boy
    scene = [
        "Fitzgerald grinned at his sister, and for a second he was just Fitz again, the boy who stole pies.",
        '"Do you remember the pies?" Fitz asked.',
        "Ada laughed.",
        '"You were sick for a week," Ada said.',
        '"Worth it," Fitzgerald said.',
    ]
    characters = paragraph_characters(scene)
    assert "Fitz" not in characters and "Fitz" in characters["Fitzgerald"].aliases


def test_a_man_saying_his_own_titled_name_is_not_kept_apart_from_it():
    # `"Mister Pell," said Pell`: a man speaking of himself with his title, not calling another man
    scene = [
        "Orrin Pell, the quartermaster, came down the ladder with a lantern.",
        '"Mister Pell wants his rum," said Tamsin.',
        '"Mister Pell," said Pell, "wants nothing of the kind."',
        '"Then Mister Pell can count the casks," Tamsin said.',
        '"I counted them twice," Pell said.',
    ]
    characters = paragraph_characters(scene)
    assert any({"Pell", "Mister Pell"} <= {c.name, *c.aliases} for c in characters.values())


def test_a_rank_and_the_bare_name_in_one_sentence_are_one_person():
    # `Sergeant Mabry ... as only Mabry did`: a rank belongs to one person, not to a relative
    scene = [
        "Sergeant Mabry came through the door at midnight, stamping snow off his boots the way only Mabry did.",
        '"Evening, Sergeant," Nell said.',
        '"Is it?" Mabry asked. "I hadn\'t noticed."',
        "Nell poured him a coffee.",
        '"You look tired," she said.',
        '"I am tired," said Mabry.',
    ]
    characters = paragraph_characters(scene)
    assert any({"Mabry", "Sergeant Mabry"} <= {c.name, *c.aliases} for c in characters.values())


def test_vocative_run_needs_a_pause_after_it():
    text = '"Ask Miss Agatha about it."'
    assert not is_vocative_run(text, NameRun(("Agatha",), "miss", None, 5, 16, False), 0)
    text = '"Miss Agatha, come here."'
    assert is_vocative_run(text, NameRun(("Agatha",), "miss", None, 1, 12, False), 0)


def test_a_name_opening_a_sentence_after_a_cry_is_a_call():
    # "Left! Maelis, left!": a name after ! or ? and before a comma calls someone
    text = '"Run! Ilse, run!"'
    assert is_vocative_run(text, NameRun(("Ilse",), None, None, 6, 10, False), 0)
    text = '"Why? Ilse said so."'
    assert not is_vocative_run(text, NameRun(("Ilse",), None, None, 6, 10, False), 0)


def test_a_name_opening_a_sentence_after_a_full_stop_before_a_comma_is_a_call():
    # "Fine. Wren, the lights.": after any sentence's end, as after a cry
    text = '"Fine. Wren, the lights."'
    assert is_vocative_run(text, NameRun(("Wren",), None, None, 7, 11, False), 0)
    text = '"Fine. Wren said so."'
    assert not is_vocative_run(text, NameRun(("Wren",), None, None, 7, 11, False), 0)


def test_a_wife_title_does_not_join_a_man_named_in_full():
    assert not _title_fits(Person("Peter Marlowe"), "mrs")
    assert _title_fits(Person("Peter Marlowe"), "mr")
    assert _title_fits(Person("Mary Lennard"), "mrs")  # no contradiction: may be the same woman


def test_a_bare_surname_names_the_husband_not_mrs():
    scene = [
        "At six Peter Marlowe came home late. Mrs. Marlowe was waiting by the fire for Peter Marlowe.",
        "Marlowe hung up his coat and sat down. Mrs. Marlowe put down her sewing.",
        '"You are late," said Mrs. Marlowe.',
        '"The roads were bad," said Marlowe.',
    ]
    attribution = scene_attribution(scene)
    speakers = dialogue_speakers(scene)
    assert speakers[0] != speakers[1]
    husband = next(c for c in attribution.characters if c.name == speakers[1])
    assert "Mrs. Marlowe" not in (husband.name, *husband.aliases)


_FRIENDS = [
    "It was a good evening, and a good fire burned. Good food was on the table, good wine in the jug.",
    "Then there was Good, who is not like the rest of us: short and loud, and a good friend.",
    "Hollis had been silent a long while, and so had Good.",
    '"Three years," said Good. "Why do you ask?"',
    '"Because I have a good reason," said Hollis.',
    '"Then tell it," said Good.',
]


def test_a_surname_that_is_a_word_speaks_once_a_tag_names_it():
    speakers = dialogue_speakers(_FRIENDS)
    assert speakers == ["Good", "Good", "Hollis", "Good"]


_SHIP = [
    "The engines hummed. On Tuesday the crew would reach port, and nobody wanted to talk about it.",
    '"How many jumps left?" Lux asked.',
    '"Three," said Tuesday.',
    '"You could have rounded down," Lux said.',
    '"I could not," Tuesday said. "I am a ship. I do not round."',
]


def test_a_weekday_tagged_as_a_speaker_is_a_person():
    assert dialogue_speakers(_SHIP) == ["Lux", "Tuesday", "Lux", "Tuesday", "Tuesday"]


def test_a_weekday_never_tagged_stays_a_day():
    scene = ["It was Tuesday again. Lux hated Tuesday, and Tuesday hated her back.", '"Good," Lux said.']
    assert "Tuesday" not in paragraph_characters(scene)


def test_a_title_also_makes_the_word_a_person():
    scene = [
        "The good doctor was late. It was a good day for it, and good weather too.",
        "Mr. Good came in at last, shaking the rain from his hat.",
        '"Sorry," Mr. Good muttered.',
        '"No matter," Hollis said.',
    ]
    assert dialogue_speakers(scene)[0] in ("Good", "Mr. Good")


def test_word_made_person_needs_a_title_or_a_mid_sentence_tag():
    assert word_made_person(Occurrence(total=4, tagged_mid=1))
    assert not word_made_person(Occurrence(total=4, tagged=2))  # "Good," she said: a word


_NICKNAME = [
    "Callum was waiting at the gate when the bus pulled in. Callum waved.",
    '"You took your time," Callum said.',
    '"Traffic," said Mira.',
    "Cal grinned and took her bag.",
    '"Liar," said Cal.',
]


def test_a_clipped_nickname_speaks_as_the_full_name():
    attribution = scene_attribution(_NICKNAME)
    speakers = speakers_of(attribution)
    assert speakers == ["Callum", "Mira", "Callum"]
    assert "Cal" not in {c.name for c in attribution.characters}


def _roster(*names: str) -> tuple[Roster, list[Person]]:
    roster = Roster()
    people = [roster.add(Person(n, Counter({n: 3})), [n]) for n in names]
    return roster, people


def test_short_form_needs_three_letters_two_more_and_one_owner():
    roster, (ann, anne) = _roster("Ann", "Anne")
    assert short_form_owner(roster, ann) is None  # one letter longer: a spelling, not a nickname
    roster, (sam, samantha, samuel) = _roster("Sam", "Samantha", "Samuel")
    assert short_form_owner(roster, sam) is None  # two owners: nobody
    roster, (al, alan) = _roster("Al", "Alan")
    assert short_form_owner(roster, al) is None  # too short to trust


def test_short_form_kept_apart_when_a_sentence_names_both():
    roster, (cal, callum) = _roster("Cal", "Callum")
    roster.apart = {frozenset(("Cal", "Callum"))}
    assert short_form_owner(roster, cal) is None


def test_a_titled_name_alluded_to_once_is_no_character():
    text = ('Kiba lay in bed, and his mother sat by the window.\n'
            'She had wavered for years in her faith in Mother Church, and she liked it so.\n'
            '"Stay in bed, dear," said his mother.')
    assert speakers(text, [KIBA])[0][0] != "Mother Church"


def test_named_in_passing_is_once_after_a_preposition_and_never_tagged():
    assert named_in_passing(Occurrence(total=1, after_preposition=1, titled=Counter({"st": 1})))
    assert not named_in_passing(Occurrence(total=1, after_preposition=1, tagged=1, titled=Counter({"mr": 1})))
    assert not named_in_passing(Occurrence(total=1, titled=Counter({"mr": 1})))


def test_a_full_name_in_passing_joins_the_person_its_surname_names():
    r = Roster()
    pett = r.add(Person("Mr. Pett"), ["Mr. Pett"])
    join_in_passing(r, "Peter Pett", Occurrence(total=1, after_preposition=1, titled=Counter({"mr": 1})))
    assert r.lookup("Mr. Peter Pett") is pett


def test_mrs_before_a_mans_full_name_is_his_wife():
    text = ('Joe Gargery was a mild man. Joe Gargery smiled at me. Mrs. Joe Gargery was a tall woman.\n'
            '"Where have you been?" said Mrs. Joe Gargery.\n"Out," said Joe Gargery.')
    assert [s for s, _ in speakers(text)] == ["Mrs. Joe Gargery", "Joe Gargery"]
    assert wife_by_husbands_name("mrs", "Joe Gargery") and not wife_by_husbands_name("mrs", "Emma Hale")


def test_mrs_with_a_surname_is_not_a_man_of_that_surname_whose_given_name_is_unknown():
    text = ('Newland Archer went to the opera, and Newland Archer sat in the club box. Mrs. Archer stayed home.\n'
            '"Go on," said Mrs. Archer.\n"I will," said Newland Archer.')
    result = line_characters(text)
    assert "Mrs. Archer" not in result["Newland Archer"].aliases
    assert [s for s, _ in speakers(text)] == ["Mrs. Archer", "Newland Archer"]


def test_a_month_that_is_a_given_name_speaks_when_a_quotation_calls_it():
    paragraphs = [
        "Owen made coffee while Felix read the paper, and June sang in the shower.",
        '"Go to bed, June!" Felix said.',
        "June came down the hall with a towel around her hair. She took the mug out of Owen's hand.",
        '"Thank you, sweetheart."',
    ]
    assert dialogue_speakers(paragraphs)[-1] == "June"


def test_a_place_called_by_its_first_word_is_no_person():
    text = ('Ino reached Brightwater Academy at dawn.\n'
            'The last time Brightwater ran the drill, she had held a wall up for two hours. Ino sat down.\n'
            'Brightwater was quiet that morning.\n'
            '"Not again," Ino said.')
    st, segs = story(text)
    assert "Brightwater" not in [c.name for c in attribute(st, segs).characters]


def test_a_word_in_capitals_on_a_screen_is_no_person():
    text = ('The overlay says LIVE in red. Later the screen says LIVE again.\n'
            '"Okay, we are back," Ino said.\n'
            '"Sir," said JARVIS.')
    names = [c.name for c in attribute(*story(text)).characters]
    assert "LIVE" not in names and "JARVIS" in names


def test_a_full_name_with_another_given_name_is_not_the_mrs_or_ms_of_its_surname():
    text = ('Ms. Abara knocked. Ms. Abara waited at the door.\n'
            '"Marisol Abara," said Ms. Abara.')
    st, segs = story(text)
    from ficaudio.attribute.document import build_document
    from ficaudio.attribute.mentions import name_runs, words
    doc = build_document(st, segs, ())
    assert doc.roster.resolve(name_runs(words("Marisol Abara"), "Marisol Abara")[0]) is None


def test_a_name_only_ever_called_before_a_full_stop_is_a_person():
    from ficaudio.attribute.document import build_document

    text = 'Ana knocked on the door.\n"Marisol. Did you take the chicken out?"\n"Yes!"\n"Marisol. Go and check."'
    st, segs = story(text)
    assert build_document(st, segs, []).roster.lookup("Marisol") is not None


def test_a_kin_word_called_once_is_a_person_though_the_narration_writes_my_mom():
    from ficaudio.attribute.document import build_document

    text = 'My mom knocked on the door. My mom said nothing.\n"I\'m in a match, Mom!"\nMy mom went away.'
    st, segs = story(text)
    assert build_document(st, segs, []).roster.lookup("Mom") is not None


def test_a_speech_verb_ending_the_sentence_before_a_capital_word_does_not_tag_it():
    text = ('Idris let the diagnostic finish. Green lights, all the way down. He closed it.\n'
            '"Go on, then," Idris said.')
    assert "Green" not in line_characters(text)


def test_a_single_letter_is_no_person_unless_a_tag_makes_it_one():
    text = ('He found section forty-one, subsection C, and read it out.\n'
            '"Section forty-one, subsection C," Tuesday supplied.\n'
            '"Right," said K.')
    names = line_characters(text)
    assert "C" not in names and "K" in names


def test_a_word_after_upon_or_throughout_half_the_time_is_no_person():
    text = ('Men fancied there might be other men upon Mars. Since Mars is older than the earth, life began there sooner.\n'
            'Throughout Senior year she read. At times during Senior year Carol wrote poems.\n'
            '"Never," said Carol.')
    names = line_characters(text)
    assert "Mars" not in names and "Senior" not in names and "Carol" in names


def test_a_name_only_opening_sentences_is_a_person_when_its_own_body_follows():
    text = ('"Cold out," Vesk said.\n'
            'Orla shook her head and laughed.\n'
            'Orla poured the tea.')
    assert "Orla" in line_characters(text)


def test_a_capital_word_before_a_noun_half_the_time_is_no_person():
    text = ('Idris fixed a Kessler drive once. Wick read about Kessler drives all night. The drive hummed and the drives cooled.\n'
            '"Fine," Idris said.')
    assert "Kessler" not in line_characters(text)


def test_a_word_called_once_that_no_list_knows_is_no_person():
    paragraphs = [
        "Rhys keyed the radio. “Contact, two hundred metres, north side.”",
        "“Affirmative. Hold position and wait for the drone.”",
        "“Holding.”",
    ]
    assert "Affirmative" not in paragraph_characters(paragraphs)
    assert "Mari" in paragraph_characters(["Rhys looked up. “Mari. Tell him.”", "“Tell him yourself.”"])
_ONE_DOCTOR_TWO_SPELLINGS = [
    "Dr. Quennell set down her pen and looked at the boy by the door.",
    '"Sit down, Jory," said Dr. Quennell.',
    "Jory sat on the very edge of the chair.",
    '"Am I in trouble, Doctor Quennell?" he asked.',
    '"Not yet," said Doctor Quennell.',
]


def test_a_title_written_out_or_short_is_one_title():
    # `Dr. Quennell` and `Doctor Quennell` are one woman, not two voices
    doctors = [c for c in paragraph_characters(_ONE_DOCTOR_TWO_SPELLINGS).values() if c.name != "Jory"]
    assert len(doctors) == 1 and {"Dr. Quennell", "Doctor Quennell"} <= {doctors[0].name, *doctors[0].aliases}
    speakers = dialogue_speakers(_ONE_DOCTOR_TWO_SPELLINGS)
    assert speakers[0] == speakers[-1] == doctors[0].name
def test_a_short_form_called_with_honorifics_still_shortens_one_given_name():
    roster, (tomoya,) = _roster("Tomoya")
    tomo = roster.add(Person("Tomo", Counter({"Tomo": 2, "Tomo-kun": 0, "Tomo-nii": 0})), ["Tomo", "Tomo-kun", "Tomo-nii"])
    assert short_form_owner(roster, tomo) is tomoya


def test_a_name_then_its_me_calls_that_person():
    from ficaudio.attribute.characters import called_before_full_stop
    assert called_before_full_stop("“Jamie. It’s me.”") == ["Jamie"]
    assert called_before_full_stop("“Jamie. It’s raining.”") == []


def test_a_description_is_the_one_person_whose_short_title_it_spells_out():
    paras = ["Capt. Ilse Marrow came down the ladder. Sgt. Bodo Kern followed her.",
             '"Report," the captain said.', '"Nothing, ma\'am," the sergeant said.']
    assert dialogue_speakers(paras) == ["Capt Ilse Marrow", "Sgt Bodo Kern"]


def test_a_name_inside_a_longer_name_is_not_the_name_given_again():
    from ficaudio.attribute.characters import called_before_full_stop
    assert called_before_full_stop("“Ed. Go find Edwina, she has the keys.”") == ["Ed"]
    assert called_before_full_stop("“Ed. Ed Marsh. Go on, ask me.”") == []


def test_a_name_met_once_in_close_apposition_with_a_role_is_a_person():
    """``Wyn the ferryman had hands like oars.`` -- met once, opening a sentence, but the role
    right after it (one the tags make a speaker: ``said the ferryman``) makes Wyn somebody."""
    characters = paragraph_characters([
        "The river was high. Brannoc waited on the bank with his mule.",
        "Wyn the ferryman had hands like oars. “Two pennies, or swim.”",
        "“Two pennies,” Brannoc said.",
        "“And one for the mule,” said the ferryman.",
    ])
    assert "Wyn" in characters


@pytest.mark.parametrize("adverb", ["Upstairs", "Together"])
def test_an_adverb_opening_a_sentence_before_the_is_no_person(adverb):
    """``Upstairs the floor creaked.`` -- no role after the word (a floor is nobody), and an
    adverb of place is no name: no character ``Upstairs``."""
    characters = [c.name for c in scene_attribution([
        "Mara waited by the fire with her tea.",
        f"{adverb} the floor creaked.",
        '"Did you hear that?" Mara asked.',
        '"Only the wind," Tomas said.',
    ]).characters]
    assert adverb not in characters


def test_a_given_name_ending_in_ly_is_a_person_though_it_only_opens_sentences():
    # "Holly" is never written mid-sentence here, like an adverb ("Presently"), but it is a
    # listed given name: she keeps her own explicitly tagged line
    scene = ["Holly and Bram waited on the pier.", "Holly looked up.", '"Captain, how far is it?" Holly asked.', '"Two miles," Bram said.']
    assert dialogue_speakers(scene) == ["Holly", "Bram"]


def test_a_capitalised_thing_after_an_article_is_no_person_who_can_take_a_beat():
    paragraphs = [
        "Odile leaned on the gate while Bram checked the post.",
        "“Your aunt's late,” Bram said.",
        "“She's parking. It's a Land Cruiser, Bram.”",
        "“Traffic was murder.” A silence long enough to park a Land Cruiser in. “Is that the dress?”",
    ]
    assert "Land Cruiser" not in paragraph_characters(paragraphs)
    assert dialogue_speakers(paragraphs)[-1] != "Land Cruiser"


def test_a_name_in_single_quotes_after_the_is_a_thing_not_a_person():
    # a ship written the British way, the ‘Kestrel’, is read past its quote marks as after an article
    people = paragraph_characters([
        "Tomas had crewed on the ‘Kestrel’ for nine years. The ‘Kestrel’ was old; the ‘Kestrel’ was slow.",
        "“Kestrel’s faster than she looks,” Tomas said.",
        "Ada watched the ‘Kestrel’ come about, and Kestrel leaned into the wind. “Everything is,” she said.",
    ])
    assert "Kestrel" not in people and "Tomas" in people


def test_a_person_named_mostly_by_a_rank_alone_keeps_their_name():
    # `Commander` alone is said more often than `Commander Iyer`, but a rank is no name:
    # the voice is Commander Iyer
    paragraphs = [
        "Commander Iyer came onto the bridge. Commander Iyer did not sit.",
        '"Report," the Commander said.',
        '"All quiet, Commander," said Voss.',
        '"Keep it so," Commander said. Commander turned to the screen.',
        '"Aye, Commander."',
    ]
    people = paragraph_characters(paragraphs)
    assert "Commander Iyer" in people and "Commander" not in people


def test_a_given_name_that_only_opens_sentences_is_a_person():
    # Teo is never mid-sentence, never tagged: still the one the narration turns to
    assert dialogue_speakers([
        "Teo sat on the wall and swung his legs. Mara leaned beside him.",
        '"Cold," Mara said.',
        "Teo sat on the wall a while longer.",
        '"It is."',
        '"Go in, then."',
    ]) == ["Mara", "Teo", "Mara"]


def test_a_place_that_opens_sentences_is_no_person():
    # "Paris" (a listed given name) opens two sentences and no sentence shows it doing what a person does.
    scene = [
        "Ines and Rui walked along the quay.", "Paris was cold and bright.", '"Cold," Ines said.', '"Too cold."',
        "Paris always was, in winter.", '"Is it far?"', '"Nearly there."',
    ]
    assert sorted(paragraph_characters(scene)) == ["Ines"]


_TEAM = [
    "Team Harrowgate limped into the hall at dusk, and Team Harrowgate was the last to arrive. Mira carried the flag.",
    "The proctor stood at the top of the stairs. She held out one hand.",
    '"Team number."',
    '"Nine," Mira said.',
    '"Late."',
]


def test_a_team_is_no_person():
    # "Team Harrowgate" is a group of people: no one voice answers as the team
    assert "Team Harrowgate" not in paragraph_characters(_TEAM)
    assert "Team Harrowgate" not in dialogue_speakers(_TEAM)


def test_a_group_word_before_a_rank_titles_a_person():
    # "Squad Leader Ames" leads a squad: a person, whose tagged line is hers
    scene = [
        "Crew Chief Varga knelt by the engine with Private Lorne. Crew Chief Varga wiped her hands.",
        '"She will fly," Crew Chief Varga said.',
        '"You sure?" Lorne said.',
    ]
    assert "Crew Chief Varga" in paragraph_characters(scene)
    assert dialogue_speakers(scene)[0] == "Crew Chief Varga"


def test_a_name_after_its_or_any_determiner_before_a_noun_modifies_the_noun():
    # the determiners are lexicon.DETERMINERS, one list: ``its Harwick mill`` is a mill, no Harwick
    from ficaudio.attribute.characters import modifies_noun
    t = "The town kept its Harwick mill."
    run = NameRun(("Harwick",), None, None, t.index("Harwick"), t.index("Harwick") + 7, False)
    assert modifies_noun(t, run, {"mill"})


def test_a_place_a_quotation_calls_out_is_no_person():
    # "Brackenmoor" is written once after "from" and once opening a quotation as a topic; no tag,
    # title or body makes it a person, so it is a place, not a voice.
    scene = [
        '"This is Oona Vey," Teller said, waving at the girl by the door. "Just moved up from Brackenmoor."',
        "Oona sat down at the end of the bench.",
        '"Brackenmoor. Do they really swim in the lake all winter?" Jory asked.',
        '"Only the brave ones."',
    ]
    assert "Brackenmoor" not in paragraph_characters(scene)
    assert is_character_form("Brackenmoor", Occurrence(total=2, mid_sentence=1, in_quote=2, called=1, after_preposition=1, after_place_preposition=1), Counter()) is False


def test_a_person_called_and_then_run_to_or_looked_at_stays_a_person():
    # "to" and "at" take people ("ran to Sefa", "looked at Sefa"): a name a quotation calls out
    # and the narration writes only after them is the person called, not a place
    scene = [
        '"Sefa. Wait for me," Daren called.',
        "Daren ran to Sefa. Sefa smiled, and Daren looked at Sefa for a long moment.",
        '"You\'re slow," she said.',
        '"You\'re fast."',
    ]
    assert "Sefa" in paragraph_characters(scene)
    assert dialogue_speakers(scene) == ["Daren", "Sefa", "Daren"]


def test_a_person_who_starts_a_clause_after_until_stays_a_person():
    # "until Mr. Pell came home" is a man who comes home, no date: his call is answered by him
    scene = [
        "Lottie could not sleep until Mr. Pell came home.",
        '"Papa!" she cried at the door.',
        '"My dear girl," he said.',
    ]
    assert "Mr. Pell" in paragraph_characters(scene)
    assert dialogue_speakers(scene)[1] == "Mr. Pell"


def test_a_feast_day_after_until_is_no_person():
    # "Lady Day" (a quarter day) is written once, after "until": a date, not the woman the tag means.
    scene = [
        "Mrs. Hebden had heard that the old earl could not possibly last until Lady Day.",
        '"Only think of it, Kitty," she said, squeezing her niece\'s hand.',
    ]
    assert "Lady Day" not in paragraph_characters(scene)
    assert dialogue_speakers(scene) == ["Mrs. Hebden"]


def test_a_people_counted_before_a_plural_noun_is_no_person():
    text = "\n".join([
        "The hangar was cold, the way the Varn liked it. Two Varn guards stood by the door, and three Varn pilots waited behind Mira.",
        "Mira had met exactly four Varn before today. Varn etiquette still confused her.",
        '"They are early," Mira said.',
        "Oskar shrugged at the Varn shuttle.",
        '"They are always early."',
    ])
    st, segs = story(text)
    result = attribute(st, segs)
    assert "Varn" not in [c.name for c in result.characters]
    assert "Varn" not in speakers_of(result)


_CAPTAIN_AND_HIS_WIFE = [
    "Captain Rowan Tate ran the night ferry. His wife, Mara Tate, kept its ledgers.",
    '"Any news from the harbour?" Mara asked.',
    '"Nothing yet," Captain Tate said.',
    '"Then we wait," said Mara Tate.',
]


def test_a_titled_surname_is_the_person_whose_titled_full_name_gives_it():
    # `Captain Rowan Tate` is written: `Captain Tate` is he, never his wife (a captain may be a woman, but not this one)
    characters = paragraph_characters(_CAPTAIN_AND_HIS_WIFE)
    captain = next(c for c in characters.values() if "Captain Tate" in (c.name, *c.aliases))
    assert "Rowan Tate" in (captain.name, *captain.aliases) and "Mara" not in captain.aliases
    assert dialogue_speakers(_CAPTAIN_AND_HIS_WIFE) == ["Mara Tate", captain.name, "Mara Tate"]


_TWO_TITLED_BROTHERS = [
    "Mr. Owen Quill and Mr. Peter Quill had not shared a table in ten years.",
    '"You look tired," Mr. Quill said.',
]


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_a_titled_surname_two_titled_full_names_give_is_neither_persons(order):
    # two brothers written `Mr. Owen Quill` and `Mr. Peter Quill`: the bare `Mr. Quill` may be either, so it is neither,
    # whichever is introduced first
    names = ["Mr. Owen Quill", "Mr. Peter Quill"]
    scene = [f"{names[order[0]]} and {names[order[1]]} had not shared a table in ten years.", _TWO_TITLED_BROTHERS[1]]
    characters = paragraph_characters(scene)
    assert not any("Mr. Quill" in c.aliases for c in characters.values())
    assert dialogue_speakers(scene) == ["Mr. Quill"]


def test_a_titled_surname_with_no_titled_full_name_still_joins_a_full_name():
    # no titled full name gives `Mr. Quill`: it joins the one Quill as before
    scene = ["Peter Quill lived alone above the shop. Nobody in town knew Peter Quill well.", '"Closed," said Mr. Quill.']
    speaker = dialogue_speakers(scene)[0]
    assert "Peter Quill" in (speaker, *paragraph_characters(scene)[speaker].aliases)


def test_the_knight_is_the_one_sir_or_dame_of_the_story():
    roster = Roster()
    isolde = roster.add(Person("Dame Isolde", Counter({"Dame Isolde": 3})), ["Dame Isolde"])
    roster.add(Person("Aurelie", Counter({"Aurelie": 5})), ["Aurelie"])
    assert [p.name for p in roster.title_bearers("knight")] == [isolde.name]
    assert dialogue_speakers([
        '"Is the hall ready?" Aurelie asked. Behind her stood Dame Isolde, her helm under one arm.',
        '"The hall is full," Aurelie said.',
        'The knight turned from the window. "Then we shall not keep them waiting."',
    ])[-1] == "Dame Isolde"


def test_the_knight_beside_a_sir_and_a_dame_is_neither():
    assert dialogue_speakers([
        '"Is the hall ready?" Aurelie asked. Behind her stood Dame Isolde and Sir Brom.',
        '"The hall is full," Aurelie said.',
        'The knight turned from the window. "Then we shall not keep them waiting."',
    ])[-1] == "the knight"

def test_a_pet_or_a_monster_a_trainer_keeps_is_no_voice():
    # "a tabby named Pickles", "Pickles was the cat", a made-up species ending in an animal
    # ("Stormhawk") and feathers of its own: an animal, no person, so no line is given to it
    scene = [
        "Mara came home late. Her partner, a scruffy Stormhawk called Juniper, rode on her shoulder.",
        "“You're soaked,” Tobin said from the sofa.",
        "Juniper ruffled her feathers and hopped onto the lamp.",
        "“It's pouring,” Mara said.",
        "“Dinner's in the oven.”",
        "“Thanks.”",
    ]
    assert "Juniper" not in paragraph_characters(scene)
    assert dialogue_speakers(scene) == ["Tobin", "Mara", "Tobin", "Mara"]
    header = [
        "Characters: Mara Quill, Tobin Reyes, Pickles the Goose",
        "Pickles was the goose, and he hated everyone.",
        "“Has anyone seen Pickles?” Mara asked.",
        "Tobin shook his head. “Not since breakfast.”",
    ]
    assert "Pickles" not in paragraph_characters(header)


def test_a_talking_animal_tagged_as_a_speaker_keeps_its_voice():
    # the cat is called a cat and has paws, but a tag beside a quotation names it as a speaker
    scene = [
        "The witch's familiar was a black cat named Sorrel, and he was not impressed.",
        "“You've burned the potion again,” Sorrel said, and licked one of his paws.",
        "“I have not,” Mara said.",
        "“You have. I can smell it from here.”",
    ]
    assert "Sorrel" in paragraph_characters(scene)
    assert dialogue_speakers(scene) == ["Sorrel", "Mara", "Sorrel"]


def test_animal_words_name_animals_not_creatures_that_talk():
    assert is_animal_noun("tabby") and is_animal_noun("Thunderhawk") and is_animal_noun("geese") is False
    assert not is_animal_noun("dragon") and not is_animal_noun("Werewolf") and not is_animal_noun("Ravenclaw")


@pytest.mark.parametrize("form", ["Cold Hollow", "Liberty Point", "Riverside Drive", "Chiswick Mall", "Pelican Cove", "Harlan Heights"])
def test_a_name_ending_in_a_place_word_is_a_place(form):
    assert is_non_person_form(form, Occurrence(total=2, mid_sentence=2)) is True


def test_a_place_talked_about_and_never_acting_is_no_voice():
    # "in Fenmoor" twice and "outside Fenmoor": a county the team talks about; it never does
    # anything a person does, no tag, title or body makes it a person
    scene = [
        "“Where are we in Fenmoor?” Dee asked.",
        "“Down four in Fenmoor. Up two everywhere else.”",
        "Hal had spent a night at a motel outside Fenmoor. He rubbed his eyes.",
        "“Fenmoor always comes in late,” Dee said. “Fenmoor does whatever it likes.”",
        "“Fenmoor does whatever you like. You ate pie at every diner on the main road, Hal.”",
        "“Then we wait for Fenmoor.”",
    ]
    assert "Fenmoor" not in paragraph_characters(scene)
    # a person the narration writes in her own room and into her arms, and who acts, stays
    person = [
        "Hal found the files in Mara's room and dropped them into Mara's arms.",
        "Mara laughed. “You could knock.”",
        "“I did,” Hal said.",
    ]
    assert "Mara" in paragraph_characters(person)


def test_a_knight_who_rides_in_is_not_the_storys_one_sir():
    # "A knight in black armour rode into the hall": a newcomer, so "The knight laughed" is his, not Sir Kay's
    speakers = dialogue_speakers([
        "Characters: Sir Kay, Arthur Pendragon, Guinevere",
        "The feast was half over when the doors crashed open. A knight in black armour rode into the hall, his horse's hooves ringing on the stones.",
        '"Who dares?" Sir Kay demanded, rising.',
        'The knight laughed. "One who has come a long way for a game."',
        '"Name yourself," said Arthur.',
        '"Not yet," the knight said.',
    ])
    assert speakers == ["Sir Kay", "the knight", "Arthur", "the knight"]


def test_a_winged_or_hoofed_person_who_speaks_keeps_a_voice():
    # round 42H: feathers, hooves and paws are an angel's, a centaur's and a werewolf's too; with no
    # animal named in their paragraph they make no pet of a speaker who talks only in beats
    angel = [
        "Aziraphale's wings were a mess. Crowley could see it from across the bookshop.",
        "“Angel.” Crowley set down his glass. “When did you last groom those?”",
        "Aziraphale ruffled his feathers, embarrassed. “I don't see that it's any of your business.”",
        "“It's very much my business. I have to look at them.”",
        "“Then don't look.” Aziraphale turned back to his ledger, but his wings drooped.",
        "Crowley sighed and crossed the room to Aziraphale. “Hold still.”",
    ]
    assert "Aziraphale" in paragraph_characters(angel)
    assert dialogue_speakers(angel)[2:5] == ["Aziraphale", "Crowley", "Aziraphale"]
    centaur = [
        "Firenze's hooves rang on the stone as he came out of the trees. Harry stopped.",
        "“Harry Potter.” Firenze inclined his head. “You should not be here.”",
        "“I know.” Harry looked past him into the dark. “I'm looking for Hagrid.”",
        "“Hagrid is not in the forest tonight.” Firenze lifted his eyes to the sky.",
    ]
    assert dialogue_speakers(centaur) == ["Firenze", "Firenze", "Harry", "Harry", "Firenze"]
    pet = [  # a dog's paws beside the dog's breed: a pet all the same
        "Nell knelt by the table. Biscuit's paws were muddy to the elbow, fifty pounds of basset hound and all of it sulking.",
        "“He's been in the creek again,” Mrs. Hale said.",
        "“I can see that.” Nell reached for a towel. “Good boy, Biscuit.”",
    ]
    assert "Biscuit" not in paragraph_characters(pet)


def test_a_person_called_a_rat_is_no_animal():
    # round 42H: "Vinnie was the rat" says what kind of man he is (he talked to the police)
    scene = [
        "Nobody wanted to say it out loud, but by Thursday everyone on the crew knew Vinnie was the rat.",
        "Sal found him behind the bakery, smoking. “Feds pay good?”",
        "Vinnie dropped the cigarette. “Sal. It's not what you think.”",
        "“It's exactly what I think.” Sal stepped closer. “Walk with me.”",
        "Vinnie looked at the alley mouth, then back. “Please.”",
    ]
    assert dialogue_speakers(scene) == ["Sal", "Vinnie", "Sal", "Sal", "Vinnie"]


def test_a_person_reached_across_is_no_place():
    # round 42H: "across Tom" takes a person; Tom speaks only in beats and is no place
    scene = [
        "Sunday dinner at the Reyes house was a contact sport. Lucia reached across Tom for the potatoes and knocked the gravy boat over.",
        "“Hey.” Tom grabbed a napkin. “Ask, next time.”",
        "“You'd have said no.” Lucia heaped her plate.",
        "Tom shrugged. “I would have said no.”",
    ]
    assert dialogue_speakers(scene) == ["Tom", "Tom", "Lucia", "Tom"]


def test_a_speaker_whose_one_word_name_is_a_place_word_keeps_a_voice():
    # round 42H: "Heath", "Park", "Lane" alone beside a quotation's tag are people, not places
    scene = [
        "Cliff was at Hollis's place when the storm hit.",
        "“You look like hell,” Hollis said.",
        "Heath knocked an hour later. Hollis let him in.",
        "“I need to talk to Cliff,” Heath said.",
    ]
    assert "Heath" in paragraph_characters(scene)
    assert dialogue_speakers(scene)[-1] == "Heath"
    newsroom = [
        "Lois Lane got to the office before anyone else.",
        "“You're here early,” Jimmy Park said, dropping his camera bag on her desk.",
        "“Somebody has to be.” Lois didn't look up.",
        "“No idea,” Park said.",
    ]
    assert dialogue_speakers(newsroom)[0] == dialogue_speakers(newsroom)[-1] == "Jimmy Park"

# round 42I: another name between a full name and its pet form, the pet form next in a list after it

def test_three_girls_in_a_list_are_three_though_one_name_is_a_pet_form_of_another():
    scene = [
        "Characters: Marigold Finch, Isolde Hart",
        "Summary: Three girls, one cake stall.",
        "Marigold Finch had been up since five icing the lemon drizzle, Isolde had brought the tins, and Goldie had brought nothing at all.",
        '"You could at least hold the bunting," said Marigold.',
        '"I\'m supervising," Goldie said.',
        '"Who won a fish?" Goldie asked.',
        '"I\'ll give her whatever bit I like," said Marigold.',
    ]
    cast = paragraph_characters(scene)
    assert "Goldie" in cast and "Marigold" not in cast["Goldie"].aliases


def test_a_name_no_list_knows_that_only_opens_sentences_is_a_person_when_it_acts_twice():
    # a short scene: "Kakashi" opens two sentences, each time doing what a person does
    assert dialogue_speakers([
        "Kakashi coughed, his hand on his chest. Sakura knelt beside him. Kakashi watched her work.",
        '"Sakura," he said softly.',
        "Sakura shook her head.",
        '"Stop talking," she said.',
    ]) == ["Kakashi", "Sakura"]


def test_weather_a_school_or_an_adverb_opening_sentences_is_no_person():
    # round 43H: "Thunder rolled ... Thunder cracked", "Hogwarts loomed ... Hogwarts welcomed them
    # back": two openings with a verb in -ed, but no sentence only a person's; the first became a
    # voice and took "No." from the one who answered
    weather = [
        "Thunder rolled over the hills. Thunder cracked again, closer. Lucy pulled the blanket up to her chin.",
        "“Can’t sleep?” Lucy asked.", "“No.”", "“Me neither.”",
    ]
    assert "Thunder" not in paragraph_characters(weather)
    school = [
        "Hogwarts loomed out of the mist. Hogwarts welcomed them back the way it always did.",
        "“Home,” Hermione said.", "“Home,” Harry agreed.",
    ]
    assert "Hogwarts" not in paragraph_characters(school)
    panic = [
        "Panic gripped her. Panic clawed at her throat until she could barely breathe.",
        "“Breathe,” Remus said quietly.", "“I can’t.”", "“You can. In, and out.”",
    ]
    assert "Panic" not in paragraph_characters(panic) and dialogue_speakers(panic)[1] != "Panic"
    tired = [
        "Exhaustion dragged at him with every step. Exhaustion pulled his eyelids down as he walked.",
        "“Almost there,” Hinata said.", "“You said that an hour ago.”",
    ]
    assert "Exhaustion" not in paragraph_characters(tired)
    routine = [
        "Training starts before dawn. Training leaves him bruised and starving by noon.",
        "“Eat,” Kiba says, shoving a bowl at him.", "“Not hungry.”",
    ]
    assert "Training" not in paragraph_characters(routine)
    # a person is still found so when a sentence of theirs has a person's pronoun
    assert "Aziraphale" in paragraph_characters(["Aziraphale fussed with his waistcoat. Aziraphale glanced at the door again.", "“He’s late,” the angel said."])


def test_weather_that_is_also_a_listed_given_name_is_no_person_until_it_acts_as_one():
    # Rain, Dawn and Summer are in the first-names list: one opening acting sufficed, and the
    # weather took the answer to "Will it stop?"
    weather = [
        "Mara stood at the window. Rain drummed on the glass.",
        "Rain lashed the garden all night.",
        '"Will it stop?" Mara asked.', '"No."', '"It has to."',
    ]
    assert "Rain" not in paragraph_characters(weather) and "Rain" not in dialogue_speakers(weather)
    # a woman of such a name is found by a sentence only a person's
    person = [
        "Summer sat on the porch steps with her coffee. Summer shrugged when the dog barked.",
        '"Morning," Eli said.', '"Morning."',
    ]
    assert "Summer" in paragraph_characters(person)


def test_a_listed_given_name_opening_one_beat_is_a_person():
    # the header lists Ada Quinn; the story writes Ada once, as the beat of the scene's last line:
    # she says it, not the one who spoke before her
    scene = [
        "Characters: Ada Quinn, Tom Birch, Lou Park", "Summary: A shop in the rain.",
        "Tom pushed the door open and the bell rang. Lou was behind him, shaking rain off her coat.",
        '"We\'re closed," Tom said.', '"You\'re not," Lou said. "The sign says open."',
        'Ada glanced up from the till. "The sign lies."',
    ]
    assert dialogue_speakers(scene)[-1] == "Ada"
    # not a listed name: one opening is not enough (a short scene names its people twice)
    unlisted = [scene[0].replace("Ada Quinn, ", ""), *scene[1:]]
    assert "Ada" not in paragraph_characters(unlisted)
    # nor a listed name the story also writes in lower case, opening a sentence as a word
    hope = [
        "Characters: Hope Marsh, Tom Birch", "Summary: A shop in the rain.",
        "Tom stood by the window. There was no hope of the rain stopping.",
        "Hope flickered anyway when the clouds thinned.",
        '"Maybe it\'ll stop," Tom said.', '"Maybe."',
    ]
    assert "Hope" not in paragraph_characters(hope)


def test_a_number_opening_sentences_is_no_person():
    # "Twelve wolves sat": a plural noun after it reads like a verb, but a number names no one
    scene = [
        "Twelve wolves sat around the table. Twelve pairs of eyes turned to Ines.",
        '"Well?" Ines said.', '"We wait."',
    ]
    assert "Twelve" not in paragraph_characters(scene)


def test_a_name_before_a_question_or_a_please_is_called_for_the_turns_only():
    from ficaudio.attribute.characters import called_before_full_stop, called_before_question
    assert called_before_question("“Oren. Where did we leave the canoe?”") == ["Oren"]
    assert called_before_question("“Lise. Please. I need one minute.”") == ["Lise"]
    # a topic the next sentence takes up, a name given again, a report: no call
    assert called_before_question("“Noemi. She asked for me?”") == []
    assert called_before_question("“Dahl. Ivo Dahl. Got a minute?”") == []
    assert called_before_question("“Brennan. Night porter at the old hotel.”") == []
    # the roster reads no call from a question: a topic said first asks the room
    assert called_before_full_stop("“Kitchen. Who's got the big pan?”") == []


def test_a_question_about_the_one_named_is_no_call():
    # round 44K: "Mum. Is she still angry?" asks about Mum, not Mum herself
    from ficaudio.attribute.characters import called_before_full_stop, called_before_question
    assert called_before_question("“Mum. Is she still angry?”") == []
    assert called_before_question("“Oren. Where did he go?”") == []
    assert called_before_full_stop("“Kaito. Did he call you?”") == []
    # a question to the one named about someone else still calls them
    assert called_before_question("“Oren. Did you see her?”") == ["Oren"]
    assert called_before_full_stop("“Kaito. Did you call him?”") == ["Kaito"]


def test_a_call_closed_by_please_and_a_quote_mark_or_dash_is_a_call():
    from ficaudio.attribute.characters import called_before_question
    assert called_before_question('"Lise. Please."') == ["Lise"] and called_before_question('"Oren. Please—"') == ["Oren"]


def test_a_generic_cast_tag_is_no_listed_given_name():
    # AO3's "Ensemble" and "Original Female Character" name no one who opens a beat
    scene = [
        "Characters: Ensemble, Original Female Character, Tom Birch", "Summary: A party.",
        "Tom stood by the punch bowl. Ensemble cast parties were always like this.",
        '"Drink?" Tom said.', '"Please."',
    ]
    assert not {"Ensemble", "Original"} & set(paragraph_characters(scene)) and dialogue_speakers(scene)[1] != "Ensemble"
