"""Tests of ficaudio.attribute.aliases: src/ficaudio/attribute/aliases.py."""

from __future__ import annotations

import doctest

import pytest

from ficaudio.attribute import aliases

from attribute_scenes import dialogue_speakers, paragraph_characters, scene_attribution, speakers_of

_SURNAME_CALLS = [
    "After school, Owen sat on the wall and watched the rain.",
    '"Cheer up, Brandt," Felix said.',
    '"I am cheerful."',
    "Felix laughed and went back inside.",
    "In the end Owen stood up.",
    '"Where are you going, Brandt?" Felix asked from the door.',
    '"Home."',
]


def test_surname_used_only_to_call_someone_is_the_person_called():
    # "Brandt" is never written in the narration: it is Owen, so Owen answers, not a third boy
    assert dialogue_speakers(_SURNAME_CALLS) == ["Felix", "Owen", "Felix", "Owen"]


_EPITHET_CALLED_BY_NAME = [
    '"Three horses," said the Marshal. She dropped her saddlebags by the door.',
    "Tam shrugged and went out to see to the horses.",
    "Rain came down on the yard. Somewhere a dog barked. The Marshal was already at the gate, her hand on the latch.",
    '"Wait! Ilse, wait!"',
    "She turned back to the stable.",
    "Tam stayed by the fire, and the Marshal didn't call him over.",
    '"Goodnight, Ilse," Tam said.',
    '"Goodnight."',
]


def test_a_name_only_called_is_the_epithet_the_narration_is_about_when_it_is_called():
    # "Ilse" is never written in the narration; both times it is called, the Marshal is the
    # subject of the paragraph before: the Marshal is Ilse, and her lines are Ilse's
    characters = paragraph_characters(_EPITHET_CALLED_BY_NAME)
    assert "the Marshal" in characters["Ilse"].aliases and "the Marshal" not in characters
    assert dialogue_speakers(_EPITHET_CALLED_BY_NAME)[0] == "Ilse"


def test_name_called_by_the_one_the_narration_is_about_stays_another_person():
    # a voice on the phone: Owen, the subject before each call, is the one calling Jonah
    paragraphs = [
        "That night Owen rang his brother.",
        '"Hey, Jonah. It is me," Owen said.',
        '"What do you want?"',
        "Owen sighed.",
        '"Come on, Jonah," Owen said.',
        '"Fine."',
    ]
    assert dialogue_speakers(paragraphs) == ["Owen", "Jonah", "Owen", "Jonah"]


_CODENAMES = [
    "At the track, Maya tied her laces while Leon stretched. Out here Maya becomes Sparrow, and Leon becomes Flint.",
    '"Sparrow, go left," Flint says.',
    '"Going."',
    "Maya runs. Behind her, Leon counts the seconds.",
]


def test_names_the_narration_equates_are_one_person():
    # "Maya becomes Sparrow": the answer to a call of Sparrow is Maya's, and Flint is Leon
    assert dialogue_speakers(_CODENAMES) == ["Leon", "Maya"]
    assert "Sparrow" in paragraph_characters(_CODENAMES)["Maya"].aliases


_HANDLES = [
    "Dima logs on at nine, as always, and Roz is already waiting in the lobby.",
    '"Brickhaus has entered the chat," says Brickhaus, who is Dima when his mom is in the room.',
    '"You are late," Roz says.',
    '"Traffic," Brickhaus says.',
    "Dima laughs at his own joke, and Dima never laughs.",
]


def test_a_handle_and_the_name_behind_it_are_one_person():
    # ", who is Dima": the handle is a second name, not a third player
    assert dialogue_speakers(_HANDLES) == ["Dima", "Roz", "Dima"]
    assert "Brickhaus" in paragraph_characters(_HANDLES)["Dima"].aliases


def test_a_name_whose_handle_is_another_is_one_person():
    paragraphs = [
        "Roz waved at Kestrel across the hangar. Kestrel, whose real name was Priya, waved back.",
        '"Ready?" Roz asked.',
        '"Always," Priya said.',
        '"Then fly," said Kestrel.',
    ]
    assert len(set(dialogue_speakers(paragraphs))) == 2


def test_kin_name_and_kin_description_are_one_person():
    # "Mom" (a kin word used as a name) and "her mother" are one voice, not two
    paragraphs = [
        'Lena answers on the second ring. "Hi, Mom."',
        '"Are you eating properly?"',
        '"Yes, Mom."',
        '"Good," her mother says.',
    ]
    assert dialogue_speakers(paragraphs)[-1] == "Mom"
    assert "her mother" not in paragraph_characters(paragraphs)


def test_full_name_written_once_joins_its_surname_to_its_given_name():
    paragraphs = [
        "At the back of the class, Ivy opened her book, and Tom watched Ivy.",
        '"Miss Marlow, the next line, please," said the teacher.',
        '"Yes, sir."',
        '"Everyone knows Ivy Marlow hates reading aloud," Tom whispered.',
    ]
    characters = paragraph_characters(paragraphs)
    assert "Miss Marlow" in characters["Ivy"].aliases and "Miss Marlow" not in characters


def test_docstring_examples_hold():
    result = doctest.testmod(aliases)
    assert result.failed == 0 and result.attempted >= 4


_BARE_HONORIFIC = [
    'The genin waited at the gate. "We leave at noon," Akane-sensei said.',
    "Sensei checked the straps of her pack. Daichi yawned.",
    '"Why noon?"',
    '"Because I said so, Daichi."',
]


def test_bare_honorific_written_as_a_name_is_its_one_bearer():
    # "Sensei" in the narration is Akane-sensei, not a second teacher: her lines stay hers
    assert dialogue_speakers(_BARE_HONORIFIC) == ["Akane", "Daichi", "Akane"]
    assert "Sensei" in paragraph_characters(_BARE_HONORIFIC)["Akane"].aliases


_SURNAME_AND_BARE_HONORIFIC = [
    "Riku sat on the fence, sharpening a knife.",
    'Nanami threw a stone at him. "You missed me, Hoshino-senpai."',
    '"I never miss."',
    "Riku laughed and dropped down beside Nanami.",
    'Nanami rolled her eyes. "You are such a show-off, senpai."',
    '"I know."',
]


def test_calls_by_a_bare_honorific_count_for_its_bearer():
    # "Hoshino-senpai" is called once, then "senpai" (its one bearer): two calls, each after
    # Riku acted, so Hoshino is Riku and Riku answers, not a third person
    assert dialogue_speakers(_SURNAME_AND_BARE_HONORIFIC) == ["Nanami", "Riku", "Nanami", "Riku"]


_NICKNAME_CALLS = [
    "Owen stood at the stove, and the kettle began to scream.",
    "The door banged open. Felix shuffled into the kitchen in one sock.",
    '"Good morning, Sunshine."',
    '"Go away."',
    '"Coffee?" Owen asked.',
    '"Please," Felix said.',
    "Owen put the pan down and turned to Felix.",
    '"Fine," he said. "Fine, Sunshine."',
    '"Thank you."',
]


def test_nickname_used_only_as_address_joins_the_man_it_is_said_to():
    # "Sunshine" (a woman's name by the lists) is only ever said to Felix: the second call's
    # "he said" takes up Owen, the subject before it, as the caller, so Felix (acted on) gets the vote
    assert paragraph_characters(_NICKNAME_CALLS)["Felix"].aliases == ("Sunshine",)
    assert dialogue_speakers(_NICKNAME_CALLS) == ["Owen", "Felix", "Owen", "Felix", "Owen", "Owen", "Felix"]


def test_a_she_before_a_call_votes_for_the_one_woman_named_just_before():
    paragraphs = [
        "At two in the morning, Noa woke to the phone buzzing on her nightstand.",
        '"Funny story," Callum said. "I came off the bike."',
        "She was already pulling on jeans with the phone against her shoulder.",
        '"Where would I go, Hartley? I cannot ride home."',
        '"That is not funny."',
        "Noa pressed the heel of her hand to her eyes.",
        '"Hey, Hartley. I am okay."',
        '"You keep saying that."',
    ]
    assert paragraph_characters(paragraphs)["Noa"].aliases == ("Hartley",)
    assert dialogue_speakers(paragraphs)[-1] == "Noa"


def _roster_of_full_name(surname_title: str | None, runs_text: str):
    from collections import Counter

    from ficaudio.attribute.characters import Person, Roster
    from ficaudio.attribute.mentions import name_runs, words

    roster = Roster()
    roster.add(Person("Brynn", Counter(Brynn=9)), ["Brynn"])  # pronouns split: gender unknown
    surname = f"{surname_title.capitalize()}. Marrow" if surname_title else "Marrow"
    roster.add(Person(surname, Counter({surname: 3}), title=surname_title), [surname, "Marrow"])
    aliases.join_full_names(roster, name_runs(words(runs_text), runs_text), runs_text)
    return roster


def test_full_name_joins_a_given_name_of_unknown_gender_to_its_surname():
    # "Marrow. Brynn Marrow." in a quotation; the narration says Brynn, others call her Marrow
    roster = _roster_of_full_name(None, "Marrow. Brynn Marrow. Ninth Company.")
    assert roster.lookup("Marrow").name == "Brynn"
    assert len(roster.people) == 1


def test_full_name_of_unknown_gender_leaves_a_family_form_and_a_shared_surname_apart():
    assert roster_names(_roster_of_full_name("mr", "Brynn Marrow came in.")) == ["Brynn", "Mr. Marrow"]
    assert roster_names(_roster_of_full_name(None, "Brynn Marrow and Tam Marrow came in.")) == ["Brynn", "Marrow"]


def roster_names(roster) -> list[str]:
    return sorted(p.name for p in roster.people)


def test_a_full_name_never_joins_the_ms_of_its_surname():
    # "Marisol Abara." called by her mother: Ms. Abara is the mother, not Marisol
    from collections import Counter

    from ficaudio.attribute.characters import Person, Roster
    from ficaudio.attribute.mentions import name_runs, words
    from ficaudio.models import Gender

    roster = Roster()
    roster.add(Person("Marisol", Counter(Marisol=3), Gender.FEMALE), ["Marisol"])
    roster.add(Person("Ms. Abara", Counter({"Ms. Abara": 1}), Gender.FEMALE, title="ms"), ["Ms. Abara", "Abara"])
    aliases.join_full_names(roster, name_runs(words("Marisol Abara."), "Marisol Abara."), "Marisol Abara.")
    assert roster_names(roster) == ["Marisol", "Ms. Abara"]


_FAMILY = [
    "Harriet Penhallow was reading by the window, and Harriet had read the letter twice when her mother's voice came up the stairs. “Harriet! Was that the post?”",
    "Miss Penhallow folded the letter into her sleeve.",
    "“Only a note, Mama.”",
    "Then Mrs. Penhallow came up the last steps and stood in the doorway. “From whom?”",
    "“From Miss Carrick, Mama.”",
]


def test_a_parent_called_by_a_kin_word_is_the_familys_mrs():
    characters = paragraph_characters(_FAMILY)
    assert "Mama" not in characters and "Mama" in characters["Mrs. Penhallow"].aliases


def test_a_kin_word_stays_apart_when_two_families_could_own_it():
    from collections import Counter

    from ficaudio.attribute.characters import Person, Roster

    roster = Roster()
    roster.add(Person("Mama", Counter(Mama=4)), ["Mama"])
    for surname, child in (("Penhallow", "Harriet"), ("Carrick", "Anne")):
        roster.add(Person(f"Mrs. {surname}", Counter({f"Mrs. {surname}": 3}), title="mrs"), [f"Mrs. {surname}"])
        roster.add(Person(child, Counter({child: 5, f"{child} {surname}": 1})), [child, f"{child} {surname}"])
    aliases.join_parent_to_family(roster)
    assert roster.lookup("Mama").name == "Mama"


_MOM_THROUGH_THE_DOOR = [
    "I am halfway through the match when three knocks come on my bedroom door.",
    'My mom\'s voice comes through the wood. "Did you take the chicken out?"',
    '"I\'m in a match, Mom! Five minutes!"',
]


def test_the_kin_word_the_narrator_calls_someone_names_the_narrators_relative():
    # "Mom" is called once and written nowhere else: it is "my mom", not a second mother
    attribution = scene_attribution(_MOM_THROUGH_THE_DOOR)
    mother = {c.name: c for c in attribution.characters}[speakers_of(attribution)[0]]
    assert {"Mom", "my mom"} <= {mother.name, *mother.aliases}


_ORDERS_CAPTAIN = [
    "The storm had not let up by morning.",
    '"Orders, Captain?" Ortiz asked.',
    'Reyes rubbed her eyes and looked up from the charts. "We hold course."',
    "By noon the wind had dropped, and the captain walked the deck alone.",
    '"Steady as she goes," the captain said.',
]


def test_the_one_who_answers_a_title_call_is_the_one_the_title_means():
    # "Captain" is called, Reyes answers: "the captain" is Reyes, not a third sailor
    assert dialogue_speakers(_ORDERS_CAPTAIN) == ["Ortiz", "Reyes", "Reyes"]


def test_a_title_answered_by_two_people_means_neither():
    answered_twice = _ORDERS_CAPTAIN[:3] + ['"Orders, Captain?" Ortiz asked again.', 'Mendes put down his cup. "Ask her."', "After that, Mendes went below."] + _ORDERS_CAPTAIN[3:]
    assert dialogue_speakers(answered_twice)[-1] == "the captain"


_SUMMONS_TO_THE_DOCTOR = [
    "The storm drove them into the barn. The Doctor went in first with the lantern, and Nell followed him.",
    '"Is anyone here?" Nell asked.',
    '"Only the horses," the Doctor said. "I hope."',
    "He climbed the ladder to the loft and was gone from sight.",
    '"Doctor!" Nell called. "Doctor, come back down!"',
    'Tomas came in through the far door, shaking the rain off his hat. "He never listens, does he?"',
    '"Never," Nell said.',
    'The Doctor came down the ladder with straw in his hair. "Nothing up there but owls."',
    '"Doctor, your sleeve is smoking," Nell said.',
    'Tomas laughed and threw him a wet sack. "The lantern again."',
    '"Thank you," the Doctor said.',
]


def test_a_newcomer_who_answers_a_call_of_a_title_the_scene_has_shown_is_not_the_one_called():
    # the Doctor went up the ladder; Tomas, who walks in as Nell calls, is someone else, and
    # answering her second call, once he is there, does not make him the Doctor either
    assert dialogue_speakers(_SUMMONS_TO_THE_DOCTOR)[-4:] == ["the doctor", "Nell", "Tomas", "the doctor"]


_THE_DOCTOR_WAS_LATE = [
    "Pia sat in the waiting room with the cat box on her knees. The doctor was always late on Mondays.",
    '"Doctor?" Pia asked when the door opened.',
    'Brannock wiped his hands and nodded at the box. "Let us have a look at her."',
    '"She will not eat," Pia said.',
    '"Then we weigh her first," Brannock said.',
    "Pia lifted the cat out. The doctor ran a hand along its back.",
    '"Thin, but not ill," the doctor said.',
]


@pytest.mark.parametrize("before", ["The doctor was always late on Mondays.", "The doctor's lamp was already on.", "The doctor would see her soon."])
def test_a_title_written_only_as_absent_or_a_possessive_may_be_the_newcomer_who_answers(before):
    # the scene wrote `the doctor` before the call, but not speaking or acting: the newcomer
    # who answers the call is the doctor (review 40c R2)
    scene = [_THE_DOCTOR_WAS_LATE[0].replace("The doctor was always late on Mondays.", before), *_THE_DOCTOR_WAS_LATE[1:]]
    assert dialogue_speakers(scene)[-1] == "Brannock"


_BESIDE_THE_CAPTAIN = [
    "The engine room was hot. The Captain leaned on the rail while Ilse checked the gauges.",
    '"Captain, the pressure is dropping," Marek said.',
    'Ilse tapped a dial. "It is the valve again."',
    '"Fix it," the captain said.',
]


def test_one_the_narration_sets_beside_a_title_is_not_the_one_who_answers_to_it():
    # "The Captain leaned on the rail while Ilse checked the gauges": Ilse is not the captain
    assert dialogue_speakers(_BESIDE_THE_CAPTAIN)[-1] == "the captain"


_INSPECTORS_OFFICE = [
    "The inspector's office was cold. Maud Harker sat behind the desk with the file open, and a constable waited by the door.",
    '"The Calloway case," the inspector said, without looking up. "You have read it?"',
    '"We have, Inspector," Dunn answered.',
    'Harker finally closed the file. "Good. Then you know what we are up against."',
    '"And the constable?" Harker asked.',
    '"He stays," Dunn said.',
    "By evening the rain had come, and the inspector stood at the window alone.",
    '"Go home, both of you," the inspector said.',
]


def test_one_the_scene_has_shown_who_answers_a_title_it_wrote_is_the_one_called():
    # Harker was in the office before Dunn called the inspector, and answers: the inspector is Harker
    assert dialogue_speakers(_INSPECTORS_OFFICE)[-1] == "Harker"


def test_a_name_called_with_a_suffix_is_no_role_for_a_word_it_opens():
    # "the Renji-shaped lump" writes no "the Renji": Renji is a name, and Mio, who answers the call, is not Renji
    paragraphs = [
        "Renji was asleep on the couch again. Aki poked his shoulder twice and gave up.",
        '"Wake up, Renji-san," Aki said.',
        'Mio laughed from the kitchen doorway. "He never does before noon."',
        "Aki glared at the Renji-shaped lump under the blanket.",
        '"Five more minutes," Renji mumbled.',
        '"You said that an hour ago," Mio said.',
    ]
    assert dialogue_speakers(paragraphs) == ["Aki", "Mio", "Renji", "Mio"]


def test_a_full_name_is_the_one_titled_person_of_its_surname_and_gender():
    paragraphs = [
        "Harriet climbed the stairs behind Mr. Carrick and Miss Carrick. Mr. Carrick held the lamp, and Miss Carrick laughed.",
        "At the top, Anne Carrick was waiting, and Anne smiled.",
        '"You came," said Anne Carrick.',
        '"Of course," said Harriet.',
        '"Mind the oil," said Mr. Carrick.',
        '"I knew she would," said Miss Carrick.',
    ]
    # Anne Carrick is Miss Carrick (her gender fits "Miss"), not a fourth person; Mr. Carrick stays apart
    speakers = dialogue_speakers(paragraphs)
    assert speakers[0] == speakers[3] != speakers[2] == "Mr. Carrick"


def _surname_roster():
    from collections import Counter

    from ficaudio.attribute.characters import Person, Roster
    from ficaudio.models import Gender

    roster = Roster()
    lottie = roster.add(Person("Lottie", Counter(Lottie=20), Gender.FEMALE), ["Lottie"])
    keeper = roster.add(Person("Fenwright", Counter(Fenwright=5, Fen=3), Gender.FEMALE), ["Fenwright", "Fen"])
    tull = roster.add(Person("Tull", Counter(Tull=4)), ["Tull"])
    return roster, lottie, keeper, tull


def _runs(text):
    from ficaudio.attribute.mentions import name_runs, words

    return name_runs(words(text), text)


def test_a_full_name_joins_a_surname_person_with_a_clipped_nickname():
    # `Fen` clips `Fenwright`: still nobody else, so `Lottie Fenwright` makes them one person
    roster, lottie, _, _ = _surname_roster()
    aliases.join_full_names(roster, _runs("Summary: Lottie Fenwright keeps the hoops."), "")
    assert roster.lookup("Fenwright") is lottie and roster.lookup("Fen") is lottie


def test_a_full_name_joins_a_name_called_with_an_honorific():
    # `Daiki-kun` is only Daiki called politely: `Saeki Daiki` (family name first) is one boy
    from collections import Counter

    from ficaudio.attribute.characters import Person, Roster
    from ficaudio.models import Gender

    roster = Roster()
    roster.add(Person("Saeki", Counter(Saeki=3), Gender.MALE), ["Saeki"])
    roster.add(Person("Daiki", Counter({"Daiki": 12, "Daiki-kun": 0}), Gender.MALE), ["Daiki", "Daiki-kun"])
    aliases.join_full_names(roster, _runs("Characters: Saeki Daiki, the new transfer student."), "")
    assert roster.lookup("Daiki-kun") is roster.lookup("Saeki") and len(roster.people) == 1


def test_a_self_introduced_full_name_lengthens_the_surname_person():
    # `"I'm Ambrose Tull, ..."`: Ambrose names nobody yet, so it is Tull's given name
    roster, _, _, tull = _surname_roster()
    aliases.lengthen_surnames(roster, _runs("I'm Ambrose Tull, your commentator."))
    assert roster.lookup("Ambrose") is tull and roster.lookup("Ambrose Tull") is tull


def test_a_full_name_never_lengthens_a_titled_surname():
    # `Mr. Tull` may be the father of `Ambrose Tull`
    from collections import Counter

    from ficaudio.attribute.characters import Person, Roster

    roster = Roster()
    father = roster.add(Person("Mr. Tull", Counter({"Mr. Tull": 3}), title="mr"), ["Mr. Tull", "Tull"])
    aliases.lengthen_surnames(roster, _runs("I'm Ambrose Tull, your commentator."))
    assert roster.lookup("Ambrose") is None and "Ambrose" not in father.forms


_NICKNAME_SCENE = [
    "Margaret Quill ran the bakery on Wharf Lane, and Margaret never let anyone forget it.",
    '"Flour, Tobin," Margaret said, holding out a hand.',
    "Tobin passed Margaret the sack.",
    '"You look tired, Peggy," he said.',
    '"I am always tired," said Peggy, and Peggy tipped the flour into the bowl.',
]


def test_a_listed_nickname_is_the_one_person_whose_given_name_it_shortens():
    # `Peggy` shortens `Margaret` in the nicknames table: the baker, not a third voice
    pytest.importorskip("nicknames")
    characters = paragraph_characters(_NICKNAME_SCENE)
    assert "Peggy" in characters["Margaret"].aliases and "Peggy" not in characters
    assert dialogue_speakers(_NICKNAME_SCENE)[-1] == "Margaret"


def test_a_nickname_of_two_peoples_given_names_joins_neither():
    # `Ned` shortens both `Edmund` and `Edward`: nobody can say which
    pytest.importorskip("nicknames")
    paragraphs = [
        '"Tide\'s turning," said Edmund.',
        '"Then mend faster," said Edward.',
        "Ned came down the slip with the twine and sat on the upturned boat.",
        '"You two are hopeless," said Ned.',
    ]
    assert {"Ned", "Edmund", "Edward"} <= set(paragraph_characters(paragraphs))


_TITLED_LADY_AND_HER_FULL_NAME = [
    "Lady Merrow came in from the garden with mud on her hem. In forty years Isaura Merrow had never cared for gloves, and the village said that was why they liked Isaura Merrow.",
    '"The roses are finished," said Lady Merrow.',
    "Pell took the basket from her.",
    '"Then we cut them back, my lady," Pell said.',
    'Isaura pulled off her hat. "Not yet."',
]


def test_a_full_name_gives_its_given_name_to_the_titled_person():
    # `Isaura Merrow` is Lady Merrow: a bare `Isaura` is her, and her character answers to it
    lady = next(c for c in paragraph_characters(_TITLED_LADY_AND_HER_FULL_NAME).values() if "Lady Merrow" in (c.name, *c.aliases))
    assert {"Isaura", "Isaura Merrow", "Lady Merrow"} <= {lady.name, *lady.aliases}
    speakers = dialogue_speakers(_TITLED_LADY_AND_HER_FULL_NAME)
    assert speakers[0] == speakers[-1] == lady.name


def test_a_titled_name_owns_its_bare_surname_only_when_nobody_else_bears_it():
    from collections import Counter

    from ficaudio.attribute.characters import Person, Roster

    roster = Roster()
    landlady = roster.add(Person("Mrs. Tansy", Counter({"Mrs. Tansy": 5}), title="mrs"), ["Mrs. Tansy"])
    husband = roster.add(Person("Mr. Pell", Counter({"Mr. Pell": 3}), title="mr"), ["Mr. Pell", "Pell"])
    wife = roster.add(Person("Mrs. Pell", Counter({"Mrs. Pell": 2}), title="mrs"), ["Mrs. Pell"])
    aliases.own_name_parts(roster, Counter())
    assert "Tansy" in landlady.forms and roster.lookup("Tansy") is landlady
    assert "Pell" not in husband.forms and "Pell" not in wife.forms


def test_a_married_title_before_a_full_name_gives_no_given_name():
    # `Mrs. Newland Archer` may bear her husband's given name
    from collections import Counter

    from ficaudio.attribute.characters import Person, Roster

    roster = Roster()
    wife = roster.add(Person("Mrs. Archer", Counter({"Mrs. Archer": 4, "Mrs. Newland Archer": 1}), title="mrs"), ["Mrs. Archer"])
    aliases.own_name_parts(roster, Counter())
    assert "Newland" not in wife.forms and "Archer" in wife.forms


def test_a_full_name_of_unknown_gender_joins_the_one_mr_by_its_given_name():
    # the text never says whether `Jasper Wendle` is he or she; `Jasper` is a man's name
    from collections import Counter

    from ficaudio.attribute.characters import Person, Roster

    roster = Roster()
    jasper = roster.add(Person("Jasper Wendle", Counter({"Jasper Wendle": 1})), ["Jasper Wendle"])
    roster.add(Person("Mr. Wendle", Counter({"Mr. Wendle": 6}), title="mr"), ["Mr. Wendle"])
    roster.add(Person("Martha Wendle", Counter({"Martha Wendle": 1})), ["Martha Wendle"])
    aliases.join_titled_surnames(roster)
    assert roster.lookup("Mr. Wendle") is jasper and roster.lookup("Martha Wendle").name == "Martha Wendle"


def test_a_word_the_story_writes_in_lower_case_is_no_name_part():
    # `Squad Four` is a team: `four` is a number the story writes, never one more name of it
    from collections import Counter

    from ficaudio.attribute.characters import Person, Roster

    roster = Roster()
    squad = roster.add(Person("Squad Four", Counter({"Squad Four": 3})), ["Squad Four"])
    gran = roster.add(Person("Grandma Pearl", Counter({"Grandma Pearl": 2})), ["Grandma Pearl"])
    aliases.own_name_parts(roster, Counter({"four": 2, "squad": 1}))
    assert set(squad.forms) == {"Squad Four"} and "Grandma" not in gran.forms
_TWO_KIN_WORDS = [
    "Rin came home late. Her father was still at the counter, sorting receipts.",
    '"Okaa-san says dinner is cold," Rin said.',
    '"Your mother is always right," her father said.',
    '"Dad, you never disagree with her."',
    '"Otou-san never disagrees with anyone," her little brother called from the stairs.',
]


def test_two_kin_words_for_one_parent_are_one_voice():
    # Dad and Otou-san are one father; Okaa-san is a mother, not a person called Okaa of no gender
    characters = paragraph_characters(_TWO_KIN_WORDS)
    fathers = [c for c in characters.values() if {"Dad", "Otou"} & {c.name, *c.aliases}]
    assert len(fathers) == 1 and {"Dad", "Otou"} <= {fathers[0].name, *fathers[0].aliases}
    assert characters["Okaa"].gender.value == "female"


def test_two_kin_words_a_sentence_names_apart_stay_two_parents():
    from collections import Counter

    from ficaudio.attribute.characters import Person, Roster

    roster = Roster()
    roster.add(Person("Dad", Counter(Dad=4)), ["Dad"])
    roster.add(Person("Papa", Counter(Papa=3)), ["Papa"])
    roster.apart = {frozenset(("Dad", "Papa"))}
    aliases.join_kin_names(roster)
    assert roster.lookup("Papa").name == "Papa"


_FAMILY_NAME = [
    "Characters: Emi Tanabe, Joji Tanabe, Ken Saito",
    "The Tanabe bakery opened at seven. Emi was already behind the counter, and Emi had flour on her nose.",
    '"Morning, Tanabe," Ken said.',
    '"You\'re early," Emi said.',
    "Joji came out of the back with a tray of rolls. Joji was her uncle, and he baked everything.",
    '"Tanabe-san, can I take one?" Ken asked.',
    '"Two, if you carry the tray," said Joji.',
]


def test_a_surname_two_people_bear_is_a_family_not_a_voice():
    # "Tanabe" calls Emi once and Joji once: it names the family, never a speaker of its own
    speakers = dialogue_speakers(_FAMILY_NAME)
    assert "Tanabe" not in speakers
    assert "Tanabe" not in paragraph_characters(_FAMILY_NAME)


def test_a_nickname_quoted_inside_a_full_name_is_that_persons():
    # the band only ever says "Dot"; the story said once who Dot is
    paragraphs = [
        'Dorothea "Dot" Pryce had played drums for the band since ninth grade.',
        '"Count us in, Dot," Felix said.',
        '"One, two," said Dot. "One, two, three, four."',
    ]
    dot = paragraph_characters(paragraphs)["Dot"]
    assert {"Dorothea", "Dorothea Pryce"} <= set(dot.aliases)


def test_a_name_whom_everyone_calls_by_another_is_one_person():
    paragraphs = [
        "Wilhelmina Ortiz, whom everyone called Moth, ran the night desk. Wilhelmina never slept.",
        '"Coffee, Moth?" Omar asked.',
        '"Always," said Moth.',
        "Omar went back to his desk, and Wilhelmina went back to the wire.",
        '"Omar, get out of my newsroom," Wilhelmina said.',
    ]
    speakers = dialogue_speakers(paragraphs)
    assert speakers[1] == speakers[2]


_HEADER_CAST = [
    "Rating: Teen And Up Audiences",
    "Characters: Nadia Petrova, Oscar Lindgren, Felix Moreau",
    "Summary: A long night at the lab.",
    "Nadia had been in the lab since noon. Felix came in with coffee, and Moose followed him, still in his bike helmet.",
    '"You\'re late," Nadia said.',
    '"Traffic," said Moose. He took off his helmet.',
    '"You rode a bike," Felix said.',
    '"Bikes have traffic," Moose said, and he sat down.',
]


def test_the_one_listed_character_the_story_never_names_is_its_one_unlisted_person():
    # the header lists Oscar Lindgren, the story only ever says Moose: one man, one voice
    moose = paragraph_characters(_HEADER_CAST)["Moose"]
    assert {"Oscar", "Oscar Lindgren"} <= set(moose.aliases)


def test_two_unlisted_people_of_one_gender_take_no_listed_name():
    scene = [*_HEADER_CAST, 'Pike leaned in from the corridor. He was the night guard. "Lights out at two," Pike said.', "Pike waved, and he went on down the hall."]
    characters = paragraph_characters(scene)
    assert "Oscar" not in {a for c in characters.values() for a in c.aliases}


def test_a_line_shaped_like_a_field_inside_the_story_is_no_header():
    # ``Felix: where r u`` is a text message in the story, not a header field: the Oscar Lindgren
    # written before it is written by the story, so Moose takes no listed name
    scene = [*_HEADER_CAST[:2], "Nadia had been in the lab since noon. Oscar Lindgren had gone home at six, as he always did.",
             "Felix: where r u", *_HEADER_CAST[3:]]
    moose = paragraph_characters(scene)["Moose"]
    assert "Oscar" not in moose.aliases and "Oscar Lindgren" not in moose.aliases


_NEIGHBOUR_MET_BEFORE_A_TEXT = [
    "Daniel Seo, who ran the shop next door, waved to Mina from his porch.",
    '"Evening, Mina," Daniel said.',
    "Jae: home late, save me food",
    "Mina set the table for four.",
    "At the head of the table, her father folded his newspaper. Daniel Seo had complained about their fence again.",
    '"Can I go out after dinner?" Mina asked.',
    '"Homework first," her father said.',
    'Jae came in and dropped his bag. "Told you. If you ask, Dad says no."',
]


def test_a_name_met_before_a_text_message_is_met_before():
    # Daniel Seo was met in the first paragraph; the ``Jae: ...`` text below it is no header,
    # so the sentence after ``her father`` does not introduce him as the father
    from attribute_scenes import paragraph_story
    from ficaudio.attribute.document import build_document
    story, segments = paragraph_story(_NEIGHBOUR_MET_BEFORE_A_TEXT)
    assert build_document(story, segments, []).roster.lookup("father") is None



_SIBLING_TITLE = [
    "Yui was halfway through her homework when Ryota came in and took her pencil.",
    '"Give it back, Ryo-nii."',
    '"Say please," Ryota said.',
    "Yui reached for it, and Ryota held it over her head.",
    '"*Onii-chan!*" Yui said.',
    '"Fine, fine."',
]


def test_a_siblings_bare_title_is_the_one_called_by_it():
    # "Onii-chan" is the brother called "Ryo-nii", not a third person who answers
    characters = paragraph_characters(_SIBLING_TITLE)
    assert "Onii" not in characters and "Onii" in characters["Ryota"].aliases


def test_review_fixes_of_round_31():
    from collections import Counter as _Counter

    from ficaudio.attribute import aliases, narrator
    from ficaudio.attribute.characters import Person, Roster
    # only a sibling's title takes the polite o-: Osama is no bare "-sama"
    assert aliases._bare_honorific(Person("Osama", _Counter(Osama=3))) is None
    # a title is nobody's given name: Agent "Wolf" Smith does not make "Agent" Wolf's
    r = Roster(); wolf = r.add(Person("Wolf", _Counter(Wolf=4)), ["Wolf"])
    aliases.join_quoted_nicknames(r, 'Agent "Wolf" Smith lit a cigarette.')
    assert r.lookup("Agent") is None and wolf.name == "Wolf"
    # one title table: "Mister Hale" in the narration is the "Mr. Hale" others call
    assert narrator._same_title("mister", "mr")


_RANK_BEFORE_A_NAME = [
    "The lift doors opened. Cadet Priya Nandakumar, nineteen and sure of nothing, stepped onto the deck.",
    '"Report," said Commander Holt.',
    "At her console, Nandakumar swallowed.",
    '"The reactor is holding, sir," the cadet said. "For now."',
    "Holt nodded at the screens, and so did Nandakumar.",
    '"Then we wait," said the cadet.',
]


def test_a_role_written_before_a_name_as_its_title_names_that_person():
    # "Cadet" is no title any list knows, but written before her name it is her rank: the
    # later "the cadet" is Nandakumar, one voice, not a second person
    assert dialogue_speakers(_RANK_BEFORE_A_NAME)[1:] == ["Nandakumar"] * 3


_RANK_BEFORE_A_NAME_IN_SPEECH = [
    "The tent smelled of butter and nerves. Pim wiped her bench down twice.",
    '"Bakers, for today\'s challenge, Chef Okonkwo would like twelve choux buns," Dara announced.',
    "Okonkwo walked the rows with his hands behind his back.",
    '"Too pale," the chef said, stopping at Pim\'s bench.',
    "Pim bit her lip, and Okonkwo moved on.",
    '"Better," said the chef at the next bench.',
]

_ONE_RANK_BEFORE_TWO_NAMES_IN_SPEECH = [
    "The tent smelled of butter and nerves. Pim wiped her bench down twice.",
    '"Bakers, Chef Okonkwo and Chef Lindqvist will judge today," Dara announced.',
    "Okonkwo and Lindqvist walked the rows with their hands behind their backs.",
    '"Too pale," the chef said, stopping at Pim\'s bench.',
]


def test_a_role_written_before_a_name_in_a_quotation_names_that_person():
    # only the host's line writes "Chef Okonkwo", and that is enough to tie the rank to him:
    # "the chef" is Okonkwo, one voice, not a second person
    assert dialogue_speakers(_RANK_BEFORE_A_NAME_IN_SPEECH)[1:] == ["Okonkwo"] * 2


def test_a_role_written_before_two_names_in_a_quotation_names_neither():
    # two chefs: "the chef" is no guess between them
    assert dialogue_speakers(_ONE_RANK_BEFORE_TWO_NAMES_IN_SPEECH)[1] == "the chef"


_RANK_OF_TWO_WORDS_BEFORE_A_NAME = [
    "The briefing started late, because Squad Leader Okafor had lost her radio again. Dev and Ines waited by the map.",
    '"Right," the squad leader said. "North ridge, both of you."',
    '"In this weather?" Dev asked.',
    '"In this weather," said the squad leader.',
    "Ines zipped her coat. Okafor found her radio at last and clipped it to her vest.",
    '"Channel two," Okafor said. "Stay on it."',
]


def test_a_rank_of_two_words_written_before_a_name_names_that_person():
    # "Squad Leader" is her rank, two words before her name: "the squad leader" is Okafor,
    # one voice, not a second person (the one-word rank of ``index_rank_titles`` missed it)
    assert dialogue_speakers(_RANK_OF_TWO_WORDS_BEFORE_A_NAME)[:4] == ["Okafor", "Okafor", "Dev", "Okafor"]


def test_a_given_name_before_a_rank_word_is_no_rank_of_two_words():
    from ficaudio.attribute.characters import Roster

    r = Roster()
    r.speaker_nouns = set()
    assert aliases._rank_size(r, ("Squad", "Leader", "Okafor")) == 2
    assert aliases._rank_size(r, ("Grace", "Leader", "Okafor")) == 0  # a given name: Grace Leader is a person
    assert aliases._rank_size(r, ("Squad", "Leader")) == 0  # no name after the rank


@pytest.mark.parametrize(
    "opening, legend, expected",
    [
        ("Chef Ruiz ran the kitchen like a ship. Pim chopped onions at the end of the line, and Ruiz watched her from the pass.", "Brandt was a legend, and Ruiz hated him.", "Ruiz"),
        ("Chef Marco Ruiz ran the kitchen like a ship. Pim chopped onions at the end of the line.", "Brandt was a legend.", "the chef"),  # no one the roster knows
    ],
)
def test_a_role_the_narration_writes_before_a_name_outranks_one_only_talked_about(opening, legend, expected):
    scene = [
        opening,
        '"Chef Brandt is coming tonight," Pim whispered to Lou. "The one from the telly."',
        "Lou dropped her knife. " + legend,
        '"Eyes on your boards," the chef said.',
        '"Yes, Chef!"',
        '"Brandt or no Brandt," the chef said, "we plate the same."',
    ]
    assert dialogue_speakers(scene)[2] == dialogue_speakers(scene)[-1] == expected


_CALL_SIGN_AGENT = [
    "The radio crackled in the cab. Mira turned it up.",
    '"Unit Six, this is Harbor Dispatch. Respond to a fire on Pier Nine."',
    '"Copy, Harbor Dispatch," Mira said. "On our way."',
    "Joel flicked on the siren and the truck lurched forward.",
    '"Where is the nearest hydrant?" Joel asked.',
    '"Pier Eight," said the dispatcher. "The pier is closed to traffic."',
]


def test_a_call_sign_is_the_agent_its_last_word_names():
    # "the dispatcher" is the voice called Harbor Dispatch, not a second voice on the radio
    characters = paragraph_characters(_CALL_SIGN_AGENT)
    assert "the dispatcher" not in characters and dialogue_speakers(_CALL_SIGN_AGENT)[-1] == "Harbor Dispatch"


_TEACHER_BY_HONORIFIC = [
    "Training ground six was empty at dawn except for the three of them and Hoshino-sensei, who was asleep against a post.",
    '"Is he breathing?" Mika asked.',
    '"Probably," said Taro.',
    'Their teacher opened one eye. "I heard that."',
    '"Sorry, Hoshino-sensei!"',
]


def test_the_one_called_sensei_is_their_teacher():
    # "-sensei" is a teacher's word: "their teacher" is Hoshino, not a fourth voice
    assert dialogue_speakers(_TEACHER_BY_HONORIFIC)[2] == "Hoshino"


_PET_NAME_SCENE = [
    "Cadet Rupert Halloway, nineteen and six weeks out of the training yard, had never held a real sword.",
    '"Stand straight, Mr. Halloway," the sergeant said.',
    "Ruppy stood straight. His knees did not agree with him.",
    '"Better," the sergeant said.',
    "Ruppy swallowed and gripped the hilt harder.",
    '"I think I am going to be sick," Ruppy said.',
    '"Not on my boots, Mr. Halloway."',
]


def test_a_pet_form_of_a_given_name_is_the_person_of_that_full_name():
    # `Ruppy` is `Rupert` cut after a doubled consonant with `-y`; the one given name it opens is
    # the `Rupert` of `Cadet Rupert Halloway`, whose surname `Mr. Halloway` bears: one person
    characters = paragraph_characters(_PET_NAME_SCENE)
    owner = next(c for c in characters.values() if "Ruppy" in (c.name, *c.aliases))
    assert {"Mr. Halloway", "Rupert"} <= {owner.name, *owner.aliases}


def test_a_pet_form_that_opens_two_given_names_joins_neither():
    scene = _PET_NAME_SCENE + ["Rupertina Vell watched from the fence and laughed.", '"Poor boy," Rupertina said.']
    characters = paragraph_characters(scene)
    assert "Ruppy" in characters and "Ruppy" not in characters["Mr. Halloway"].aliases


def test_a_title_before_an_initial_is_the_one_of_that_title_whose_surname_it_opens():
    scene = [
        "Mrs. Hollander ran the boarding house the way admirals run fleets.",
        '"Boots off in the hall," Mrs. Hollander said.',
        "Nobody argued with Mrs. H. Nobody had ever won.",
        '"Yes, ma\'am," I said.',
        "Mrs. H looked at the clock. \"Supper at six, and not a minute later.\"",
        'Mr. Pruett came down the stairs. "Is that soup?"',
    ]
    characters = paragraph_characters(scene)
    assert "Mrs. H" not in characters and "Mrs. H" in characters["Mrs. Hollander"].aliases


def test_a_brother_and_a_sister_known_by_titles_are_their_full_names_by_gender():
    # `Master Thackery` is the man and `Miss Thackery` the woman of `Osric Thackery` and
    # `Linnet Thackery` (a name the first-names list does not know): one pairing fits
    scene = [
        "Osric Thackery had been a clerk for three years; his sister Linnet Thackery kept the house.",
        "Osric rubbed his eyes. He had not slept.",
        "Linnet set down the tray and looked at him. She said nothing.",
        '"Master Thackery, the carriage is here," the porter called.',
        '"Tell it to wait," Osric said.',
        '"Miss Thackery, your coat," the porter said.',
        '"Thank you," Linnet said.',
    ]
    characters = paragraph_characters(scene)
    assert "Master Thackery" in characters["Osric"].aliases and "Miss Thackery" in characters["Linnet"].aliases


def test_two_brothers_and_two_mister_titles_are_not_paired():
    from collections import Counter

    from ficaudio.attribute.characters import Person, Roster
    from ficaudio.attribute.mentions import name_runs, words
    from ficaudio.models import Gender

    roster = Roster()
    for name in ("Osric", "Tobin"):
        roster.add(Person(name, Counter({name: 3}), Gender.MALE), [name])
    for name, title in (("Mr. Thackery", "mr"), ("Master Thackery", "master")):
        roster.add(Person(name, Counter({name: 2}), Gender.MALE, title=title), [name])
    text = "Osric Thackery and Tobin Thackery."
    aliases.join_titled_siblings(roster, name_runs(words(text), text))
    assert len(roster.people) == 4


def test_sir_before_a_given_name_is_the_one_full_name_with_that_given_name():
    # the parson's joke `Sir Walter` is the carter `Walter Pennick`, known as Pennick: `Sir`
    # stands before a given name, never a surname
    scene = [
        "Pennick came down the lane with his cart and his dog.",
        '"Good morning, Sir Walter," said the parson, and tipped his hat.',
        '"Why do you call me that?" Pennick asked.',
        '"Because your fathers were knights, Sir Walter."',
        'The miller\'s boy laughed at them both. "Who are you, Walter Pennick, to be a knight?"',
        "Pennick scratched his head and went on down the lane.",
        '"Knights," Sir Walter muttered to the dog.',
    ]
    forms = [{c.name, *c.aliases} for c in paragraph_characters(scene).values()]
    assert any({"Sir Walter", "Pennick"} <= names for names in forms)


def test_a_full_name_in_ie_is_no_pet_form_of_another_name():
    # Marie is her own name, not a pet form of Margaret: two people, two voices
    scene = [
        "Margaret Holt unlocked the staff room at seven.",
        '"Coffee first," Margaret said.',
        "Marie came in behind her, shaking rain off her umbrella.",
        '"The bus was late," Marie said.',
    ]
    assert dialogue_speakers(scene) == ["Margaret", "Marie"]


def test_a_name_the_next_sentence_gives_the_one_person_named_is_another_name_of_theirs():
    scene = [
        "Marit Solberg dropped her bag by the boards. She'd been Moose since her first season, and nobody remembered why.",
        '"Late again," Dov said.',
        '"Traffic," said Moose.',
        '"You live across the street," Dov said.',
        '"Big street," Marit said.',
    ]
    assert dialogue_speakers(scene) == ["Dov", "Moose", "Dov", "Moose"]


def test_a_name_given_after_two_people_were_named_joins_nobody():
    scene = [
        "Marit Solberg passed the puck to Ines Amsel. She'd been Moose since her first season.",
        '"Late again," Ines said.',
        '"Traffic," said Moose.',
        '"Big street," Marit said.',
    ]
    speakers = dialogue_speakers(scene)
    assert speakers[0] != speakers[1]


def test_a_name_called_after_the_narrator_acted_is_left_to_the_narrator():
    # first person: the paragraph before each call has Marta and `I` as subjects; `Dilly` is
    # only ever called, and the narrator answers it -- the narrator's name, not Marta's
    paragraphs = [
        "Sam read his paper at the table.",
        "Marta stood at the stove, and I stood at the sink with my sleeves rolled up.",
        '"The kettle, Dilly," Sam said.',
        '"On it," I said.',
        "Marta hummed to the radio. I dried the cups and stacked them.",
        '"You missed one, Dilly," Sam said.',
        '"I did not," I said.',
    ]
    assert "Dilly" not in paragraph_characters(paragraphs)["Marta"].aliases
    assert dialogue_speakers(paragraphs) == ["Sam", "Dilly", "Sam", "Dilly"]


def test_a_name_a_person_was_still_or_was_before_a_relative_clause_is_theirs():
    # a stage name and the given name behind it: `was still X from ...`, `was X who ...`
    from collections import Counter

    from ficaudio.attribute.characters import Person, Roster
    roster = Roster()
    for n in ("Sable", "Thomas Hale", "Flint", "Oliver Kerr"):
        roster.add(Person(n, Counter({n: 4})), [n])
    text = "Back when Sable was still Thomas Hale from Leeds, and Flint was Oliver Kerr who fixed bikes, nobody asked."
    aliases.join_equated_names(roster, text, [(0, len(text))])
    assert len(roster.people) == 2
    assert roster.lookup("Sable") is roster.lookup("Thomas Hale") and roster.lookup("Flint") is roster.lookup("Oliver Kerr")


def test_a_call_sign_or_stage_name_given_in_apposition_is_that_persons_name():
    from collections import Counter

    from ficaudio.attribute.characters import Person, Roster
    roster = Roster()
    for n in ("Ines", "Wasp", "Oren", "Lowtide"):
        roster.add(Person(n, Counter({n: 4})), [n])
    text = "Ines, call sign Wasp, checked the van. Oren, whose stage name was Lowtide, slept."
    aliases.join_equated_names(roster, text, [(0, len(text))])
    assert roster.lookup("Wasp") is roster.lookup("Ines") and roster.lookup("Lowtide") is roster.lookup("Oren")


def test_a_handle_whose_summons_a_named_speaker_answers_is_that_persons_name():
    # `Foxglove` is only ever called; one call follows Oskar acting, the other is a summons
    # (a sentence opening on the handle) answered in the next paragraph by Oskar's tagged line
    paragraphs = [
        "Oskar parked the van by the gate and killed the engine.",
        '"Stay with the van, Foxglove," Mara said.',
        '"Wasn\'t planning on leaving it," Oskar said.',
        "Mara climbed the fence and dropped into the yard.",
        '"Fine. Foxglove, lights off."',
        '"Lights off," Oskar said.',
    ]
    assert "Foxglove" in paragraph_characters(paragraphs)["Oskar"].aliases


def test_a_given_name_summoned_and_answered_by_another_is_not_joined_to_the_answerer():
    # `Tobias` is a given name: the one who answers a call to him on the phone may be anyone
    paragraphs = [
        "Oskar parked the van by the gate and killed the engine.",
        '"Stay with the van, Tobias," Mara said.',
        '"Wasn\'t planning on leaving it," Oskar said.',
        "Mara climbed the fence and dropped into the yard.",
        '"Fine. Tobias, lights off."',
        '"Lights off," Oskar said.',
    ]
    assert "Tobias" not in paragraph_characters(paragraphs)["Oskar"].aliases


def test_a_called_clip_or_lengthening_of_a_given_name_is_that_persons_name():
    # the narration writes `Vivian` and `Ben`; the quotations call them `Viv` and `Benedikt`
    paragraphs = [
        "Vivian was bent over the map, and Ben held the lamp for her.",
        '"Left stair or right, Viv?" Ben asked.',
        '"Right," Vivian said. "Keep the light steady, Benedikt."',
    ]
    characters = paragraph_characters(paragraphs)
    assert "Viv" in characters["Vivian"].aliases
    assert "Benedikt" in characters["Ben"].aliases


def test_a_called_clip_that_opens_two_given_names_is_nobodys():
    paragraphs = [
        "Vivian was bent over the map, and Vivienne held the lamp for her.",
        '"Left stair or right, Viv?" Vivienne asked.',
        '"Right," Vivian said.',
    ]
    characters = paragraph_characters(paragraphs)
    assert "Viv" not in characters["Vivian"].aliases + characters["Vivienne"].aliases


def test_a_called_name_cut_from_the_middle_of_a_name_is_that_person():
    # `Tavi` is only ever called, and cut from the middle of `Octavia`, whom the narration writes
    paragraphs = [
        "Octavia hauled the sail in while Jonas held the tiller.",
        '"Reef it, Tavi," Jonas said.',
        '"Reefing," Octavia said.',
        "The squall hit them side-on.",
        '"Faster, Tavi!"',
        '"I am going as fast as I can."',
    ]
    characters = paragraph_characters(paragraphs)
    assert "Tavi" in characters["Octavia"].aliases and "Tavi" not in characters


def test_a_name_cut_from_the_front_of_one_other_name_is_that_person():
    # `Ro` opens `Roland`; `Eddy`'s stem `Ed` opens only the surname `Edmonds`: another man
    paragraphs = [
        "Tomas Edmonds was sitting on the bench with a towel over his head.",
        '"Forty saves," Edmonds announced to the room.',
        "Eddy pulled the towel down and grinned at the kid.",
        '"Don\'t," Eddy said.',
        '"Wasn\'t going to," said Lukas.',
        "Roland Birch came in last.",
        '"Ro, you\'re late," Lukas said.',
        '"Traffic, Ro?" Eddy asked.',
        '"Traffic," Roland said.',
    ]
    people = paragraph_characters(paragraphs)
    assert not any({"Eddy", "Edmonds"} <= {n, *p.aliases} for n, p in people.items())
    assert any({"Ro", "Roland"} <= {n, *p.aliases} for n, p in people.items())


def test_a_short_name_opens_a_given_name_after_a_title():
    # `Sir Roland`'s Roland is his given name: his men's `Ro` is he
    speakers = dialogue_speakers([
        "Sir Roland rode ahead. Ro, he was called by his men. Roland was tired.",
        '"Camp here," Ro said.',
        '"Aye," said Tam.',
        '"Fire first," Roland said.',
    ])
    assert speakers[0] == speakers[2]


def test_a_given_name_is_not_the_man_whose_surname_it_opens():
    # John and Mr. Johnson are two men: a bare given name opens no surname (only a pet form's stem does)
    scene = [
        "John leaned on the counter.",
        "Mr. Johnson came in from the back with a crate of apples.",
        '"You\'re late again," Mr. Johnson said.',
        '"Bus broke down," John said. He shrugged.',
        '"Every week," Johnson said. He put the crate down.',
        '"Every week," John said.',
    ]
    assert dialogue_speakers(scene) == ["Mr. Johnson", "John", "Mr. Johnson", "John"]


def test_a_given_name_is_not_the_man_called_only_by_its_patronymic():
    # Johnson, called by surname alone, is not John
    assert dialogue_speakers([
        "John leaned on the counter. Johnson came in from the back with a crate of apples.",
        '"You\'re late again," Johnson said.',
        '"Bus broke down," John said. He shrugged.',
        '"Every week," Johnson said. He put the crate down.',
        '"Every week," John said.',
    ]) == ["Johnson", "John", "Johnson", "John"]


def test_a_pet_form_is_not_the_man_whose_surname_its_stem_opens():
    # Johnny (stem John) and Mr. Johnson are two men
    assert dialogue_speakers([
        "Johnny leaned on the counter.",
        "Mr. Johnson came in from the back with a crate of apples.",
        '"You\'re late again," Mr. Johnson said.',
        '"Bus broke down," Johnny said. He shrugged.',
        '"Every week," Johnson said. He put the crate down.',
        '"Every week," Johnny said.',
    ]) == ["Mr. Johnson", "Johnny", "Mr. Johnson", "Johnny"]


def test_a_plain_y_name_is_not_cut_from_a_longer_name():
    # Henry is a name of its own, not a pet form of Henrietta (whose gender is not known either)
    from collections import Counter

    from ficaudio.attribute.characters import Person, Roster

    roster = Roster()
    henry = roster.add(Person("Henry", Counter(Henry=4)), ["Henry"])
    henrietta = roster.add(Person("Henrietta", Counter(Henrietta=5)), ["Henrietta"])
    aliases.join_clipped_names(roster)
    assert roster.people == [henry, henrietta]


def test_a_short_name_of_unknown_gender_keeps_its_first_names_gender():
    # Max (a man's name) and Maxine: two people, though nothing in the text gives his gender
    from collections import Counter

    from ficaudio.attribute.characters import Person, Roster
    from ficaudio.models import Gender

    roster = Roster()
    max_ = roster.add(Person("Max", Counter(Max=4)), ["Max"])
    maxine = roster.add(Person("Maxine", Counter(Maxine=5), Gender.FEMALE), ["Maxine"])
    aliases.join_clipped_names(roster)
    assert roster.people == [max_, maxine]


def test_a_short_name_and_a_long_one_both_of_unknown_gender_keep_their_first_names_genders():
    # Max and Maxine, neither's gender told: the first-names list is sure of both, and they differ
    from collections import Counter

    from ficaudio.attribute.characters import Person, Roster

    roster = Roster()
    max_ = roster.add(Person("Max", Counter(Max=4)), ["Max"])
    maxine = roster.add(Person("Maxine", Counter(Maxine=5)), ["Maxine"])
    aliases.join_clipped_names(roster)
    assert roster.people == [max_, maxine]


def test_a_short_form_both_genders_use_opens_a_womans_name():
    # the list leans Alex male, but Alex is as much Alexandra's as Alexander's
    from collections import Counter

    from ficaudio.attribute.characters import Person, Roster
    from ficaudio.models import Gender

    roster = Roster()
    roster.add(Person("Alex", Counter(Alex=4)), ["Alex"])
    alexandra = roster.add(Person("Alexandra", Counter(Alexandra=5), Gender.FEMALE), ["Alexandra"])
    aliases.join_clipped_names(roster)
    assert roster.people == [alexandra]


def test_a_brother_known_by_a_short_name_is_not_the_woman_whose_name_it_opens():
    # `Ren` opens `Renata`, but he is a man and she a woman: two people
    from collections import Counter

    from ficaudio.attribute.characters import Person, Roster
    from ficaudio.models import Gender

    roster = Roster()
    ren = roster.add(Person("Ren", Counter(Ren=4), Gender.MALE), ["Ren"])
    renata = roster.add(Person("Renata", Counter(Renata=5), Gender.FEMALE), ["Renata"])
    aliases.join_clipped_names(roster)
    assert roster.people == [ren, renata]


def test_a_listed_character_the_story_writes_by_a_pet_name_keeps_it():
    # the header's Winifred Hale is the story's Winnie (a pet form of Winifred): she is written,
    # so the story's one unlisted woman, Honor, does not take her name and voice
    scene = [
        "Relationships: Winifred Hale & Dora Finch",
        "Characters: Winifred Hale, Dora Finch",
        "Summary: A long night in the dormitory.",
        "Winnie was reading under the blanket. Dora Finch was asleep, and Honor sat on the window seat.",
        '"Put the torch out," Winnie said. She yawned.',
        '"Make me," said Honor. She swung her feet.',
        '"Both of you, hush," Dora said. She pulled the pillow over her head.',
    ]
    characters = paragraph_characters(scene)
    assert not any({"Winnie", "Honor"} <= {n, *c.aliases} for n, c in characters.items())


def test_a_pet_form_is_not_a_woman_whose_name_is_its_stem_and_a_letter_or_two():
    # Jenny's stem Jen opens Jenna, but Jenna is a name of her own: two girls
    assert dialogue_speakers([
        "Jenny sat on the bleachers. Across the gym, Jenna stretched.",
        '"Ready?" Jenna said.',
        '"Never," Jenny said.',
        '"Liar," Jenna said.',
        '"Always," Jenny said.',
    ]) == ["Jenna", "Jenny", "Jenna", "Jenny"]


def test_a_rank_used_alone_as_a_name_is_the_one_person_who_bears_it():
    # `Doc` is written alone and before a surname in one sentence, and `Cap` only called:
    # each is the one person the text names with that rank, not a voice of its own
    paragraphs = [
        "Doc Marrow set the bone while the ship rolled, and Doc swore at every swell.",
        '"Hold still," Doc Marrow said.',
        '"I am holding still," said Ansel.',
        '"Night, Cap," Ansel said when Captain Brask came in.',
        '"Night," Captain Brask said. "Sleep, both of you."',
        '"Aye, Cap," Doc said.',
    ]
    people = paragraph_characters(paragraphs)
    assert "Cap" in people["Captain Brask"].aliases
    assert {"Doc", "Marrow"} <= set(people["Doc Marrow"].aliases)


def test_a_clipped_rank_only_ever_said_to_someone_is_no_voice():
    # nobody is written `Sergeant X`, and the narration never says `Sarge`: it is how Tove
    # and Pell address the man they follow, and the replies to it are his, not a fourth voice's
    paragraphs = [
        "Tove and Pell crouched behind the wall while Harrow checked the road. Harrow lifted a hand and they went still.",
        '"They are moving," Tove said. "What now, Sarge?"',
        '"We wait."',
        '"You saw them, Sarge. You saw," Pell said.',
        '"I saw them."',
        'Pell shook her head. "Night, Sarge."',
        '"Night."',
    ]
    assert "Sarge" not in paragraph_characters(paragraphs)
    assert dialogue_speakers(paragraphs) == ["Tove", "Tove", "Harrow", "Pell", "Harrow", "Pell", "Harrow"]


def test_a_unisex_short_name_waives_the_names_list_but_not_genders_the_text_is_sure_of():
    from collections import Counter
    from ficaudio.attribute.characters import Person
    from ficaudio.models import Gender
    jo, joanna = Person("Jo", Counter(["Jo"]), Gender.MALE), Person("Joanna", Counter(["Joanna"]), Gender.FEMALE)
    assert not aliases._prior_allows(jo, joanna)  # the text says he and she: no join
    assert aliases._prior_allows(Person("Jo", Counter(["Jo"])), joanna)  # only the list leans: Jo may be Joanna


_HEADER_TITLES = [
    "Quiet Harbour",
    "Fandom: Saltmarrow (Webcomic)",
    "Characters: Odile Marchetti, Tobias Wren",
    "Disclaimer: Saltmarrow and its characters belong to its creator. I only borrow them.",
    "Chapter 1: Low Tide",
    "Odile had the worst luck on the whole pier.",
    "The door banged. A man in a wet coat stood dripping on the mat.",
    '"Is this the bait shop?"',
    '"It says so on the sign."',
    '"Signs lie."',
    '"Not mine."',
]


def test_a_name_only_the_header_writes_is_no_person():
    # "Saltmarrow" is the fandom, named by the Fandom field and the disclaimer and never by
    # the story: it gets no voice, and the lines of the talk go to the people in the scene
    assert "Saltmarrow" not in paragraph_characters(_HEADER_TITLES)
    assert "Saltmarrow" not in dialogue_speakers(_HEADER_TITLES)


def test_a_family_name_after_any_article_is_not_the_name_alone():
    # ``An Ito never forgets`` is one of the family (characters.after_article, as ``the Itos``), not
    # someone called Ito alone: the surname that two full names share is still dropped
    from collections import Counter
    from ficaudio.attribute.characters import Person, Roster
    from ficaudio.attribute.mentions import name_runs, words
    r = Roster()
    r.add(Person("Ito", Counter({"Ito": 3, "Ito Mei": 1})), ["Ito", "Ito Mei"])
    for n in ("Mei", "Ren"):
        r.add(Person(n, Counter({n: 5})), [n])
    t = "Ito Mei and Ito Ren came in. An Ito never forgets."
    aliases.drop_family_names(r, name_runs(words(t), t), [], t)
    assert [p.name for p in r.people] == ["Mei", "Ren"]


_RANK_THEN_A_WORD = [
    "Sergeant Okafor waved the squad forward. Mills ran to the wall. The order was understood; they were moving.",
    '"Cover the door, Mills."',
    '"Yes, Sgt. Understood."',
    '"Go, go!" Okafor said.',
    '"On it, Sgt. Moving!"',
    "Mills ran for the door, and Okafor followed him.",
]


def test_a_rank_said_alone_before_the_next_sentence_is_no_person_with_that_word():
    # ``Sgt. Understood`` is the rank called, then a sentence: the story writes ``understood``
    # and ``moving`` in lower case, so there is no Sgt Understood or Sgt Moving, and the calls
    # go to the one who bears the rank
    characters = paragraph_characters(_RANK_THEN_A_WORD)
    assert set(characters) == {"Mills", "Okafor"}
    assert "Sgt Understood" in characters["Okafor"].aliases


def test_a_rank_said_alone_in_single_quotes_or_before_a_comma_or_an_ellipsis_is_no_person():
    # the same call opening a single-quoted line, or followed by a comma or an ellipsis, is the
    # rank called and a word of the sentence: no Prof Honestly, Sgt Copied or Sgt Clear
    lecture = [
        "Professor Adeyemi set down the chalk. It had honestly been a long term.",
        "‘Prof. Honestly. That was the best lecture.’ Tamsin grinned.",
        "‘You’re welcome,’ Professor Adeyemi said.",
    ]
    thanks = ["Professor Adeyemi set down the chalk.", '"Thanks, Prof. Honestly, thanks," Tamsin said. She honestly meant it.', '"You\'re welcome," Professor Adeyemi said.']
    orders = [
        "Sergeant Okafor checked the map. The orders were copied, and the road was clear.",
        '"Yes, Sgt. Copied…" Mills said.',
        '"Go," Okafor said.',
    ]
    assert "Prof Honestly" not in paragraph_characters(lecture)
    assert "Prof Honestly" not in paragraph_characters(thanks)
    assert "Sgt Copied" not in paragraph_characters(orders)


_TWO_LIEUTENANTS = [
    "Lt. Pike and Lt. Crane crouched behind the hedge. A crane stood in the reeds, and a pike turned in the ditch.",
    '"Move up," Lt. Pike said.',
    '"Not yet," Lt. Crane said. "Wait for the flare."',
    "Mud ran off the hedge and into the ditch.",
    '"Now," Lt. Pike said.',
]


def test_an_officer_named_by_a_tag_keeps_a_surname_that_is_an_ordinary_word():
    # ``crane`` and ``pike`` are written in lower case too, but each officer is named in the
    # narration and by tags: two lieutenants, neither folded into a bare ``Lt`` nor into the other
    characters = paragraph_characters(_TWO_LIEUTENANTS)
    assert {"Lt Pike", "Lt Crane"} <= set(characters)
    assert dialogue_speakers(_TWO_LIEUTENANTS) == ["Lt Pike", "Lt Crane", "Lt Crane", "Lt Pike"]


def test_a_professor_written_only_with_the_rank_is_no_rank_said_alone():
    # ``Prof. Birch`` is a person the narration shows pouring tea, not ``Prof`` then a sentence
    scene = [
        "Prof. Birch poured the tea under the birch by the window.",
        '"Milk?" Prof. Birch asked.',
        '"Please," Tamsin said.',
    ]
    assert dialogue_speakers(scene) == ["Prof Birch", "Tamsin"]


def test_a_hero_listed_with_her_code_name_after_a_bar_is_one_person():
    # the header lists Dana Pike and her code name with a bar between them: on the comms the
    # story calls her Nightjar, at home Dana, and both voices are hers
    scene = [
        "Characters: Dana Pike | Nightjar, Leo Marsh",
        "Summary: A bad night on the rooftops.",
        "Nightjar watched the alley from the water tower. Below her, Leo Marsh crept along the fence.",
        '"Two guards at the gate," Nightjar said. She zoomed the scope.',
        '"Copy," said Leo.',
        "Later, Dana sat on the kitchen counter with a bag of ice on her wrist.",
        '"Never again," Dana said. She winced.',
    ]
    characters = paragraph_characters(scene)
    assert any({"Dana", "Nightjar"} <= {n, *c.aliases} for n, c in characters.items())


def test_a_nickname_in_brackets_after_a_listed_name_is_that_person():
    # the header lists Piotr Zielinski with his nickname in brackets: the crew call him Ferret,
    # the narration writes his full name once, and both voices are his
    scene = [
        "Characters: Piotr Zielinski (Ferret), Alma Reyes",
        "Summary: The night shift on the rig.",
        "Piotr Zielinski had the radio. He adjusted the squelch and frowned.",
        '"Nothing on channel nine," Piotr Zielinski said. He yawned.',
        "Alma Reyes came down the ladder with two mugs.",
        '"Drink this, Ferret," said Alma. She sat beside him.',
        '"Thanks," Ferret said. He drank.',
    ]
    characters = paragraph_characters(scene)
    assert any({"Ferret", "Piotr Zielinski"} <= {n, *c.aliases} for n, c in characters.items())


def test_a_listed_full_name_whose_two_words_the_story_writes_apart_is_one_person():
    # the header lists Takeda Hiro (surname first); the story has a Takeda only called and a
    # Hiro who acts: one boy. Anna and Ben Castle share a surname, so Castle joins neither
    from collections import Counter

    from ficaudio.attribute.characters import Person, Roster
    from ficaudio.attribute.header import Header
    from ficaudio.models import Gender

    cast = "Takeda Hiro, Anna Castle, Ben Castle"
    text = f"Characters: {cast}\nHiro ran."
    roster = Roster()
    hiro = roster.add(Person("Hiro", Counter(Hiro=9), Gender.MALE), ["Hiro"])
    roster.add(Person("Takeda", Counter(Takeda=2), Gender.MALE), ["Takeda"])
    anna = roster.add(Person("Anna", Counter(Anna=5), Gender.FEMALE), ["Anna"])
    castle = roster.add(Person("Castle", Counter(Castle=3), Gender.FEMALE), ["Castle"])
    aliases.join_header_name_forms(roster, text, Header(text.index("Hiro ran"), (12, 12 + len(cast))))
    assert roster.people == [hiro, anna, castle] and roster.lookup("Takeda") is hiro


def test_a_place_in_brackets_after_a_listed_name_is_not_that_person():
    # a bracket after a listed name may be the fandom's place: Marrowby is where Tobias lives
    scene = [
        "Characters: Tobias (Marrowby), Nell Price",
        "Summary: Fog over the marsh.",
        "The fog came down on Marrowby at noon. Tobias watched it from the gate.",
        '"It will lift by four," Tobias said. He pulled his collar up.',
        '"Marrowby never lifts by four," said Nell. She laughed.',
    ]
    characters = paragraph_characters(scene)
    assert not any({"Tobias", "Marrowby"} <= {n, *c.aliases} for n, c in characters.items())


@pytest.mark.parametrize("fields, a, b", [
    (["Fandom: Merlin (TV)", "Characters: Merlin (Merlin), Arthur Pendragon (Merlin)"], "Arthur", "Merlin"),  # AO3's fandom after each name
    (["Characters: Sasuke Uchiha (Naruto), Izuku Midoriya (My Hero Academia)"], "Sasuke", "Naruto"),  # a crossover's two fandoms
    (["Characters: Arthur Weasley (Ron's dad), Ron Weasley"], "Arthur", "Ron"),  # a relation, not a second name
    (["Characters: Sherlock/John Watson, Mrs. Hudson"], "Sherlock", "Watson"),  # a pairing
    (["Characters: Sam Winchester | Dean Winchester"], "Sam", "Dean"),  # a bar between two of a family
])
def test_two_people_of_a_cast_entry_that_names_no_second_name_stay_two(fields, a, b):
    scene = [
        *fields,
        "Summary: A long night.",
        f"{a} woke before dawn. He lit the fire and fetched the water.",
        f"{b} hummed on the stairs. He carried the tray up himself.",
        f"{a} strode in and threw his gloves on the table. {b} was folding shirts by the bed.",
        f'"Pack for three days," {a} said. He sat down to pull off his boots.',
        f'"Three days of rain," {b} said. He sighed.',
    ]
    assert dialogue_speakers(scene) == [a, b]


def test_a_full_name_whose_word_the_story_writes_after_another_name_is_not_joined_by_it():
    # Han Solo is Ben's father: the listed Ben Solo does not make the called "Solo" Ben
    scene = [
        "Characters: Ben Solo, Rey",
        "Summary: The ship, one last time.",
        "Han Solo leaned against the ramp. Ben stood at the bottom of it, and Rey waited by the crates.",
        '"You came back," Han said. He did not smile.',
        '"I came for the ship," Ben said. He crossed his arms.',
        '"Solo," Rey said. "Your son is lying."',
        '"I know," said Solo. He walked up the ramp.',
    ]
    assert dialogue_speakers(scene)[1] == "Ben"


def test_two_bracketed_nicknames_in_the_cast_each_join_their_person():
    scene = [
        "Night Shift",
        "Fandom: Original Work",
        "Characters: Tomasz Nowak (Mouse), Agnes Ek (Birdie)",
        "Tags: Found Family",
        "The bakery opened at four. Tomasz was already elbow-deep in dough when Agnes came in stamping snow off her boots.",
        '"You\'re late, Birdie," Tomasz said.',
        '"And you\'re covered in flour, Mouse," Agnes said. She grinned.',
        'Mouse threw a towel at her. "Ovens. Now."',
        'Birdie saluted. "Yes, chef." She laughed.',
        '"Don\'t call me chef, Birdie."',
        "Agnes laughed and tied on her apron.",
    ]
    assert any({"Agnes", "Birdie"} <= {n, *c.aliases} for n, c in paragraph_characters(scene).items())


_FATHER_AND_SON = [
    "Tomas sat on the bench in the corridor beside his dad. Mr. Brandt had his coat folded over his knees.",
    "\"They're running late,\" Mr. Brandt said. He looked at the clock.",
    "\"They always run late,\" Tomas said. He swung his feet.",
    "Nell came out of the office with a clipboard.",
    "\"Next,\" Nell said.",
    "\"That's us,\" said Brandt. He stood up first.",
]


def test_a_mr_of_the_family_is_the_father_the_story_writes_not_the_son_of_the_listed_full_name():
    # the header lists the boy's full name; the narration writes his dad, and then a Mr. of that surname:
    # the Mr. is the father (the header's entry and a full name join nobody to him)
    paragraphs = ["Characters: Tomas Brandt, Nell Ives", "Summary: A school visit.", *_FATHER_AND_SON]
    assert dialogue_speakers(paragraphs) == ["Mr. Brandt", "Tomas", "Nell", "Mr. Brandt"]
    assert "Tomas" not in paragraph_characters(paragraphs)["Mr. Brandt"].aliases


def test_a_full_name_in_a_quotation_joins_no_son_to_the_father_the_story_writes():
    # `Tomas Brandt` written once in the story itself (no header): the written dad keeps Mr. Brandt apart
    paragraphs = [*_FATHER_AND_SON, "\"Tomas Brandt?\" Nell read from the list. Tomas nodded."]
    assert dialogue_speakers(paragraphs)[:4] == ["Mr. Brandt", "Tomas", "Nell", "Mr. Brandt"]


def test_a_full_name_still_joins_a_mr_of_its_surname_where_no_father_is_written():
    # no parent written: `Tomas Brandt` and `Mr. Brandt` may be one man (a teacher called by both)
    paragraphs = [p.replace(" beside his dad", "") for p in _FATHER_AND_SON] + ["\"Tomas Brandt?\" Nell read from the list. Tomas nodded."]
    assert "Mr. Brandt" in paragraph_characters(paragraphs)["Tomas"].aliases


def test_a_listed_full_name_joins_no_mrs_of_its_surname():
    # the header lists the daughter; `Mrs. Ferrant` is her mother, though no sentence says so
    paragraphs = ["Characters: Ines Ferrant, Dov Klein", "Summary: Moving day.",
                  "Ines carried the last box up the stairs. Mrs. Ferrant held the door.",
                  "\"Mind the paint,\" Mrs. Ferrant said. She stepped back.",
                  "\"I'm minding it,\" Ines said. She set the box down.",
                  "Dov leaned in from the landing.", "\"Where's the kettle?\" Dov said.",
                  "\"In the blue one,\" said Ferrant. She pointed."]
    assert dialogue_speakers(paragraphs) == ["Mrs. Ferrant", "Ines", "Dov", "Mrs. Ferrant"]


_TITLE_READ_AS_A_NAME = [
    "The Daimyo's hall was cold. Renji waited by the screen while Akemi finished a letter.",
    '"Daimyo-sama," Renji said, kneeling on the mat. "The bridge is down."',
    'Akemi set her brush aside and looked at him for a long moment. "Which one?"',
    '"The east bridge."',
    '"Then we build another," the Daimyo said. "Tell the carpenters."',
    '"They want paying first."',
    "Akemi laughed. A careful Daimyo paid her carpenters, and she had been a careful Daimyo for six winters.",
    '"Pay them," she said.',
    "Renji bowed and went out. Akemi went back to her letters.",
]


def test_a_title_read_as_a_name_is_the_person_who_answers_to_it():
    # "Daimyo" (a capitalised role, also written "the Daimyo") is no one of its own: Akemi answers the call
    characters = paragraph_characters(_TITLE_READ_AS_A_NAME)
    assert "Daimyo" not in characters and "Daimyo" in characters["Akemi"].aliases
    assert dialogue_speakers(_TITLE_READ_AS_A_NAME) == ["Renji", "Renji", "Akemi", "Renji", "Akemi", "Akemi", "Renji", "Akemi"]


def test_a_title_read_as_a_name_stays_its_own_when_two_people_answer_to_it():
    scene = _TITLE_READ_AS_A_NAME + [
        '"Daimyo-sama," Renji said at the door. "The carpenters are here."',
        'Hoshi glanced up from the map. "Good."',
        "Hoshi rolled the map up. Hoshi had waited all morning for them.",
    ]
    assert "Daimyo" in paragraph_characters(scene)


def test_a_rank_before_a_listed_given_name_is_another_person_than_the_titled_surname():
    # the header lists Ellis Marwood; the story's Captain Ellis is a captain whose surname is
    # Ellis, and Mr. Marwood is the listed man: two voices, not one
    scene = [
        "Characters: Ellis Marwood, Nora Quinn",
        "Summary: A wet week at the garrison.",
        "Nora walked the wall every morning. On the third day she met Captain Ellis by the gate.",
        '"You walk early, Miss Quinn," Captain Ellis said.',
        '"I like the quiet," said Nora.',
        'Mr. Marwood came up the steps a moment later and bowed stiffly. "Cousin. Miss Quinn."',
        '"We were talking of the quiet," Captain Ellis said.',
        'Mr. Marwood frowned. "Were you."',
    ]
    assert dialogue_speakers(scene) == ["Captain Ellis", "Miss Quinn", "Mr. Marwood", "Captain Ellis", "Mr. Marwood"]


def test_a_title_before_a_listed_given_name_is_still_the_listed_person():
    # Lady Ysolde and Captain Marwood: a lady is called by her given name, so both are the listed Ysolde Marwood
    scene = [
        "Characters: Ysolde Marwood, Nora Quinn",
        "Summary: A wet week at the garrison.",
        "Nora walked the wall every morning. On the third day she met Lady Ysolde by the gate.",
        '"You walk early, Nora," Lady Ysolde said.',
        '"I like the quiet," said Nora.',
        'Captain Marwood came up the steps a moment later and nodded to her. "Report, Quinn."',
        '"All quiet," Nora said.',
        'Captain Marwood frowned. "Good."',
    ]
    characters = paragraph_characters(scene)
    assert any({"Lady Ysolde", "Captain Marwood"} <= {n, *c.aliases} for n, c in characters.items())


def test_one_title_before_a_listed_given_name_and_its_surname_is_still_the_listed_person():
    # a servant's "Mr. Edmund" for the son of the house is the narration's Mr. Hale: one voice
    scene = [
        "Characters: Edmund Hale, Jenny Platt",
        "Summary: Below stairs at the big house.",
        "Jenny was laying the fire when the carriage came up the drive. Mr. Edmund was back from London.",
        '"He wants his supper upstairs," Jenny told the cook.',
        "Mr. Hale stood in the hall and shook the rain off his coat.",
        '"Thank you, Jenny," Mr. Hale said.',
        '"Welcome back, Mr. Edmund."',
        '"It is good to be back," Mr. Edmund said.',
    ]
    characters = paragraph_characters(scene)
    assert any({"Mr. Edmund", "Mr. Hale"} <= {n, *c.aliases} for n, c in characters.items())


_LISTED_FAMILY = [
    "Characters: Owen Garrow, Tilly Garrow, Sam Price",
    "Summary: Lambing season on the hill farm.",
    "Tilly Garrow was in the barn before dawn. Tilly counted the ewes twice and came up one short.",
    "Garrow came in from the yard and hung his coat on the nail. He looked older than he had at supper.",
    '"Well?" Garrow said.',
    '"One missing," said Tilly.',
    "Garrow swore under his breath and reached for the lamp. Sam Price was already at the door.",
    '"I\'ll take the top field," Sam said.',
    '"Take the dog," Garrow said. He was out of the barn before either of them could answer.',
]


def test_a_bare_surname_the_header_lists_for_two_is_the_one_its_pronouns_fit():
    # the header lists a father and a daughter; the narration's "Garrow" is a he: Owen, not Tilly
    characters = paragraph_characters(_LISTED_FAMILY)
    assert "Owen Garrow" in characters["Garrow"].aliases and "Garrow" not in characters["Tilly Garrow"].aliases
    assert dialogue_speakers(_LISTED_FAMILY) == ["Garrow", "Tilly Garrow", "Sam Price", "Garrow"]


@pytest.mark.parametrize(
    "body, bearer",
    [
        ("Harry ran. James slept.", "Harry"),  # both given names written: the surname goes to its most mentioned bearer, as before
        ("Harry ran.", "Vance"),  # only Harry written: Vance is James, who keeps the surname's person
    ],
)
def test_a_bare_surname_the_header_lists_for_two_of_its_gender_is_the_one_never_called_by_his_given_name(body, bearer):
    from collections import Counter

    from ficaudio.attribute.characters import Person, Roster
    from ficaudio.attribute.header import Header
    from ficaudio.models import Gender

    text = f"Characters: Harry Vance, James Vance\n{body}"
    roster = Roster()
    roster.add(Person("Harry", Counter({"Harry": 9, "Harry Vance": 1}), Gender.MALE), ["Harry", "Harry Vance"])
    roster.add(Person("Vance", Counter(Vance=4), Gender.MALE), ["Vance"])
    aliases.place_family_surnames(roster, text, Header(36, (12, 36)))
    assert roster.lookup("Vance").name == bearer


def test_a_bare_surname_no_listed_bearer_fits_joins_no_one_of_the_other_gender():
    from collections import Counter

    from ficaudio.attribute.characters import Person, Roster
    from ficaudio.attribute.header import Header
    from ficaudio.models import Gender

    text = "Characters: Kirsty Haldane, Morag Haldane\nKirsty ran."
    roster = Roster()
    roster.add(Person("Kirsty", Counter({"Kirsty": 9, "Kirsty Haldane": 1}), Gender.FEMALE), ["Kirsty", "Kirsty Haldane"])
    haldane = roster.add(Person("Haldane", Counter(Haldane=4), Gender.MALE), ["Haldane"])
    aliases.place_family_surnames(roster, text, Header(41, (12, 41)))
    assert roster.lookup("Haldane") is haldane  # a he is no daughter, nor her mother


def test_a_bare_surname_of_a_father_stays_apart_from_his_daughter_when_the_header_lists_her_brother_too():
    scene = [
        "Characters: Ewan Haldane, Kirsty Haldane, Rob Haldane",
        "Summary: A week on the boat.",
        "Kirsty Haldane was up before the gulls. Rob was still asleep in the bunk.",
        "Haldane came down the ladder with the kettle. He looked tired.",
        '"Tide\'s turning," Haldane said.',
        '"I know," said Kirsty.',
        '"Up," Haldane said. He went back on deck.',
    ]
    characters = paragraph_characters(scene)
    assert "Kirsty" not in characters["Haldane"].aliases and characters["Haldane"].gender.name == "MALE"
    assert dialogue_speakers(scene) == ["Haldane", "Kirsty Haldane", "Haldane"]


_QUAY_STREET = [
    "Mrs. Petra Hollis kept the house on Quay Street, and Major Tobias Wren had its front room.",
    '"Tea, Major?" Mrs. Hollis asked.',
    '"If you would," Wren said.',
    '"Milk?" said Mrs. Hollis.',
    '"None, thank you," said Wren.',
]


def test_a_titled_full_name_gives_its_person_the_given_name_the_full_name_and_the_titled_surname():
    characters = paragraph_characters(_QUAY_STREET)
    assert {"Petra", "Petra Hollis"} <= set(characters["Mrs. Hollis"].aliases)
    assert {"Tobias Wren", "Major Wren"} <= set(characters["Wren"].aliases)


def test_a_husbands_name_after_mrs_and_a_knights_surname_are_no_forms_of_theirs():
    # `Mrs. Charles Hollis` is the wife of Charles Hollis; `Sir Tobias Wren` is never `Sir Wren`
    scene = [_QUAY_STREET[0].replace("Petra", "Charles").replace("Major", "Sir"), *_QUAY_STREET[1:]]
    characters = paragraph_characters(scene)
    assert not {"Charles", "Charles Hollis"} & set(characters["Mrs. Hollis"].aliases)
    assert "Sir Wren" not in characters["Wren"].aliases


def test_ms_stands_before_her_own_given_name():
    scene = [_QUAY_STREET[0].replace("Mrs. Petra", "Ms. Alex"), *(line.replace("Mrs.", "Ms.") for line in _QUAY_STREET[1:])]
    assert {"Alex", "Alex Hollis"} <= set(paragraph_characters(scene)["Ms. Hollis"].aliases)


def _voice_of(characters, name):
    return next(c for c in characters.values() if name in (c.name, *c.aliases))


def test_a_pet_form_written_after_its_full_name_in_one_sentence_is_that_person():
    # `Rosaly` comes in a later clause of the sentence that names `Miss Rosalia Pym`: the
    # narration giving her short name, not a second girl (the sentence guard lets it pass)
    scene = [
        "After supper the vicar asked Miss Rosalia Pym to play for them, and Rosaly, who was fifteen and hated the pianoforte, went very red.",
        '"I only know the one piece," Rosaly said.',
        '"Then play the one piece," said the vicar.',
    ]
    voice = _voice_of(paragraph_characters(scene), "Rosaly")
    assert "Miss Rosalia Pym" in (voice.name, *voice.aliases)



@pytest.mark.parametrize("opening", [
    "Charles came in from the yard, and Charlie, his son, followed with the bucket.",
    "Mr. Charles Pell came in from the yard, and Charlie, his son, followed with the bucket.",
    "Charles, Bill and Charlie came in from the yard with the bucket.",
    "Charles carried the bucket, but Charlie carried the lamp.",
    "Annabel came in from the yard, and Anna, her sister, followed with the bucket.",
    "Annabel, Bill and Anna came in from the yard with the bucket.",
])
def test_a_look_alike_short_name_beside_another_name_is_someone_else(opening):
    # a father and his son, sisters, a list with a third name between, a contrast: two people,
    # not one name and its pet form (review 40c R1; a full name before its look-alike,
    # `Charles Pell ..., but Charlie`, is still merged by Roster.may_join, as before round 40u)
    first, short = ("Annabel", "Anna") if "Anna" in opening else ("Charles", "Charlie")
    scene = [opening, f'"Where does it go?" {short} asked.', f'"By the door," {first} said.', f'"It leaks," said {short}.', f'"Then mend it," said {first}.']
    assert dialogue_speakers(scene) == [short, first, short, first]


_TEACHER_AND_HER_NIECE = [
    "Ms. Anna Hale taught the evening class. Her niece, Elena Hale, sat at the back. Elena Hale was bored.",
    '"Quiet, please," said Ms. Hale.',
    '"Sorry," said Elena Hale.',
    '"Page ten," Anna said.',
]


def test_a_full_name_takes_no_titled_surname_a_titled_full_name_gives():
    # `Ms. Hale` is `Ms. Anna Hale`'s (written): her niece `Elena Hale` takes neither it nor the teacher with it
    characters = paragraph_characters(_TEACHER_AND_HER_NIECE)
    teacher = next(c for c in characters.values() if "Ms. Hale" in (c.name, *c.aliases))
    assert "Elena" not in teacher.aliases and "Anna Hale" in (teacher.name, *teacher.aliases)
    assert dialogue_speakers(_TEACHER_AND_HER_NIECE) == [teacher.name, "Elena Hale", teacher.name]


_BARE_SUNBAE = [
    "Rain drummed on the office windows. Soo-bin stared at the spreadsheet until the numbers swam.",
    '"Go home, Soo-bin," Chae-won-sunbae said from the next desk.',
    "Soo-bin shook her head and kept typing.",
    "Sunbae sighed, rolled her chair over and closed the laptop for her.",
    '"I said home."',
    '"Five more minutes, sunbae."',
    '"Not one."',
]

_BARE_NOONA = [
    "Yerin-noona came in with two bags of takeout and kicked the door shut behind her.",
    "Jiho looked up from the couch.",
    '"Noona, you are a saint," Jiho said.',
    "Noona dropped the bags on the table.",
    '"Eat first. Then dishes."',
]


def test_a_bare_korean_honorific_is_its_one_bearer():
    # "Sunbae" (a senior colleague) and "Noona" (a man's older sister or friend) written as names
    # are the one Chae-won-sunbae and the one Yerin-noona, as "Sensei" is the one X-sensei
    assert dialogue_speakers(_BARE_SUNBAE) == ["Chae-won", "Chae-won", "Soo-bin", "Chae-won"]
    assert {"Sunbae", "Chae-won-sunbae"} <= set(paragraph_characters(_BARE_SUNBAE)["Chae-won"].aliases)
    assert dialogue_speakers(_BARE_NOONA) == ["Jiho", "Yerin"]


_FAMILY_FIRST = [
    "Kang Hyun-woo had worked the night desk at the hotel for three years.",
    "Ye-jin came in soaked, her umbrella inside out.",
    '"You look like a drowned cat," Kang Hyun-woo said.',
    '"Thank you so much," Ye-jin said.',
]


def test_a_korean_full_name_gives_its_given_name_written_last():
    # family name first: "Kang Hyun-woo" is also "Hyun-woo", his everyday name
    assert "Hyun-woo" in paragraph_characters(_FAMILY_FIRST)["Kang Hyun-woo"].aliases


@pytest.mark.parametrize(
    "form, lower, expected",
    [
        ("Kang Hyun-woo", "", ("Kang", "Hyun-woo")),
        ("Han Na-rae-sunbae", "", ("Han", "Na-rae")),  # the honorific is no part of the name
        ("Quill Ashby-Kerr", "", ("Quill",)),  # a double surname
        ("Old Sea-dog", "old", ("Old",)),  # a word the story writes in lower case is no family name
        ("Gravel Re-run", "", ("Gravel",)),  # a first word of more than one syllable
    ],
)
def test_only_a_one_syllable_family_name_before_a_hyphened_given_name_is_written_family_first(form, lower, expected):
    from collections import Counter

    assert aliases._name_parts(form, Counter(lower.split())) == expected


_COMPOUND_RANKS = {
    "team leader": [
        "The meeting room smelled of burnt coffee. Dae-ho sat by the window and tried to look awake.",
        '"We need a new slogan by Friday," Team Leader Jang said, tapping the whiteboard with his marker.',
        '"What about something with rain?" Dae-ho asked.',
        "Jang frowned at him over his glasses.",
        '"Rain is depressing," the team leader said.',
    ],
    "head chef": [
        "The kitchen was loud with pans. Pim chopped onions at the end of the line.",
        '"Faster, Pim," Head Chef Moreau said as he passed.',
        '"Yes, Chef!"',
        "Pim bent over her board and did not look up.",
        '"Better," the head chef said from the pass.',
    ],
}


@pytest.mark.parametrize("rank", sorted(_COMPOUND_RANKS))
def test_a_rank_of_two_words_before_a_name_is_that_person(rank):
    # "Team Leader Jang" / "the team leader said": one man, not a second voice
    scene = _COMPOUND_RANKS[rank]
    speakers = dialogue_speakers(scene)
    assert speakers[-1] == speakers[0] != f"the {rank}" and f"the {rank}" not in paragraph_characters(scene)


_THE_COUNT = [
    "Characters: Count Anselm von Radegast, Lotte Brenner",
    "Summary: An evening at the theatre.",
    "Count Anselm took the chair by the window. Lotte stood by the door with her hands folded.",
    '"You are late," Count Anselm said. He did not look up.',
    '"The trams were stopped," said Lotte.',
    "Radegast set down his glass and looked at her for a long moment.",
    '"Then we shall begin without them," Radegast said.',
]


def test_a_listed_counts_given_name_and_particled_surname_are_one_person():
    # the header's Count Anselm von Radegast: the narration's Count Anselm and its Radegast are one
    characters = paragraph_characters(_THE_COUNT)
    assert any({"Count Anselm", "Radegast"} <= {n, *c.aliases} for n, c in characters.items())


def test_a_count_and_his_son_of_one_surname_stay_two():
    # the header lists the count and his son: the bare Radegast names neither through the header
    scene = [_THE_COUNT[0].replace("Lotte Brenner", "Felix von Radegast, Lotte Brenner"), *_THE_COUNT[1:],
             "Felix came in with his coat still on.", '"Father," Felix said.']
    characters = paragraph_characters(scene)
    assert not any({"Count Anselm", "Radegast"} <= {n, *c.aliases} for n, c in characters.items())


def test_a_listed_ladys_particled_surname_after_another_title_is_another_of_her_family():
    # the header lists Lady Catherine de Bourgh; the story's Miss de Bourgh is her daughter, no form of hers
    scene = [
        "Characters: Lady Catherine de Bourgh, Elizabeth Bennet",
        "Miss de Bourgh sat by the fire in a great many shawls. Her mother stood at the window.",
        '"You are very late, Miss Bennet," said Lady Catherine.',
        '"The roads were bad," said Elizabeth.',
        '"Mamma, the roads are always bad in March," said Miss de Bourgh faintly.',
        '"Nonsense," said Lady Catherine.',
    ]
    speakers = dialogue_speakers(scene)
    assert speakers[0] == speakers[-1] != speakers[2]

# round 42E: a nickname before a listed surname; a pet name made of a given name's end; a pet name in -a

_BOAT_DECK = [
    "Characters: Dougal Fraser, Mairi Lennox",
    "Summary: A long night on the nets.",
    "Tank Fraser, a slab of a man in a yellow oilskin, was coiling rope by the wheelhouse.",
    '"Weather\'s turning," Tank said.',
    '"It always is," said Mairi.',
    "Tank laughed and threw her a glove.",
    '"Put that on before you lose a finger."',
]


def test_a_nickname_before_the_one_listed_surname_is_that_listed_person():
    # the header's Dougal Fraser is the Tank Fraser of the story, whom the story calls Tank
    tank = paragraph_characters(_BOAT_DECK)["Tank"]
    assert {"Dougal", "Dougal Fraser"} <= set(tank.aliases)


def test_a_nickname_before_a_surname_two_listed_people_bear_is_neither():
    # Dougal and Ewan Fraser are both listed: Tank Fraser may be either, or a third Fraser
    scene = [_BOAT_DECK[0].replace("Mairi Lennox", "Ewan Fraser, Mairi Lennox"), *_BOAT_DECK[1:]]
    assert not {"Dougal", "Ewan"} & set(paragraph_characters(scene)["Tank"].aliases)


def test_a_mother_under_her_title_is_no_nickname_of_her_listed_daughter():
    # the header lists Winnie Hale; the story's Mrs. Hale is her mother, and Winnie is her own person
    scene = [
        "Characters: Winnie Hale, Tom Reyes",
        "Summary: The school run.",
        "Mrs. Hale was waiting at the gate with the car keys. Winnie ran out with her coat half on.",
        '"You forgot your lunch again," Mrs. Hale said.',
        '"I didn\'t forget it, I left it on purpose," said Winnie.',
    ]
    cast = paragraph_characters(scene)
    assert "Winnie" in cast and "Mrs. Hale" in cast
    assert "Winnie Hale" not in cast["Mrs. Hale"].aliases and "Mrs. Hale" not in cast["Winnie"].aliases


_POTIONS_ROOM = [
    "Characters: Marigold Ashby, Delphine Ashby",
    "Summary: A potion goes wrong.",
    "Marigold Ashby had never once in her life read the instructions first.",
    "Goldie tipped the whole jar into the cauldron. Delphine sighed.",
    '"That was meant to be a pinch," Delphine said.',
    '"It was a generous pinch," said Goldie.',
]


def test_a_pet_name_made_of_the_end_of_a_given_name_is_that_person():
    goldie = speakers_of(scene_attribution(_POTIONS_ROOM))[1]
    cast = paragraph_characters(_POTIONS_ROOM)
    assert "Marigold" in (goldie, *cast[goldie].aliases)


def test_a_pet_name_said_to_the_one_whose_name_it_ends_is_someone_else():
    # Goldie and Marigold talk to each other: two girls, one name's end shared
    scene = [
        "Summary: Two cousins in the kitchen.",
        "Marigold was at the sink and Goldie was at the table.",
        '"Pass the salt, Marigold," Goldie said.',
        '"Get it yourself, Goldie," said Marigold.',
    ]
    assert speakers_of(scene_attribution(scene)) == ["Goldie", "Marigold"]


def test_a_pet_name_in_a_is_cut_from_the_given_name_its_stem_opens():
    # Cora is Corisande Vell, whom the narration names in full in the same sentence
    scene = [
        "Summary: A council meeting.",
        "Corisande Vell listened, and the queen knew by now that the quieter Cora got, the more she knew.",
        '"You have read the letter," Cora said.',
        '"I have," said the queen.',
        "Corisande Vell folded her hands.",
        '"Then you know what it costs."',
    ]
    cast = paragraph_characters(scene)
    assert len([n for n in cast if n in ("Cora", "Corisande Vell", "Corisande")]) == 1


def test_two_girls_whose_names_share_a_clip_and_talk_to_each_other_stay_two():
    # Cora and Corinna call each other by name: two people, though Cora's stem opens Corinna
    scene = [
        "Summary: Two sisters on a train.",
        "Corinna had the window seat. Cora had the crisps.",
        '"Give me one, Cora," Corinna said.',
        '"Get your own, Corinna," said Cora.',
        '"You are the worst sister."',
    ]
    assert speakers_of(scene_attribution(scene))[:2] == ["Corinna", "Cora"]


def test_jo_and_joanna_who_talk_to_each_other_stay_two():
    scene = [
        "Summary: Moving day.",
        "Joanna carried the lamp. Jo carried everything else.",
        '"You could help, Joanna," Jo said.',
        '"I am helping, Jo," said Joanna. "I am supervising."',
    ]
    assert speakers_of(scene_attribution(scene)) == ["Jo", "Joanna", "Joanna"]


def test_gran_is_no_clip_of_grandad():
    # two grandparents at one table: Gran opens Grandad, but a kin word is cut from no other kin word
    scene = [
        "Summary: Sunday lunch.",
        "Gran carved. Grandad poured the gravy over everything, as he always did.",
        '"Not on the pudding," Gran said.',
        '"It was one time," said Grandad.',
        "Milly looked from one to the other and she laughed.",
    ]
    cast = paragraph_characters(scene)
    assert speakers_of(scene_attribution(scene)) == ["Gran", "Grandad"]
    assert cast["Grandad"].gender.value == "male" and cast["Gran"].gender.value == "female"


def test_a_kin_word_keeps_its_own_gender_over_the_pronouns_after_it():
    # every "she" after Grandad is his granddaughter's: Grandad is still a man
    scene = [
        "Summary: Tea.",
        "Tess found Grandad asleep in his chair, and she woke him with a cup of tea.",
        '"You let it stew," Grandad said.',
        "Grandad was right, and she knew it. She sat on the arm of the chair.",
        '"I like it stewed," Tess said.',
        "Grandad snorted, and she grinned at him.",
    ]
    assert paragraph_characters(scene)["Grandad"].gender.value == "male"


# round 42I: a review of 42E's joins with invented scenes

_LADDER = [
    "Characters: Struan McCall, Isla Brodie",
    "Summary: A night on the boat, and a brother who won't shut up.",
    "The harbour was black when I came down the ladder. My brother was already aboard. Tank McCall, six foot four and every inch of it in my way, was sitting on the fish boxes. He was eating a pie, and he did not offer me any.",
    '"You\'re late," Tank said.',
    '"I\'m on time. You\'re early," I said.',
    '"Struan, son, that\'s the same thing on a boat." He grinned at me with pastry on his chin.',
    "Isla came down after me with the flask. She looked at the two of us and rolled her eyes.",
    '"Are you two starting already?" Isla asked.',
    '"He started it," said Tank.',
]


def test_the_narrators_brother_is_no_nickname_of_the_listed_narrator():
    # told by I, whose listed name (Struan McCall) the narration never writes: Tank McCall is his brother
    cast = paragraph_characters(_LADDER)
    assert not {"Struan", "Struan McCall"} & set(cast["Tank"].aliases)


def test_a_bare_japanese_kin_stem_keeps_the_gender_its_pronouns_give():
    # Kaa the python is no Kaa-san: the story's he keeps him male
    scene = [
        "Characters: Mowgli, Kaa, Bagheera",
        "Summary: Kaa has a proposition.",
        "Kaa was coiled on the warm rock above the river, and he did not open his eyes when Mowgli climbed up beside him.",
        '"You are late, Manling," said Kaa.',
        '"Bagheera made me eat first," Mowgli said.',
        "Kaa laughed, a long dry hiss. He lifted his great head and swayed it once from side to side.",
        '"Bagheera fusses like a mother bird," Kaa said.',
        '"You were meant to," said Kaa, and he slid down into the water.',
    ]
    assert paragraph_characters(scene)["Kaa"].gender is aliases.Gender.MALE


def test_two_women_tagged_by_names_that_share_an_end_stay_two():
    # Linda is no pet name of Rosalind's when the tags name both: two neighbours talking
    scene = [
        "Characters: Rosalind Finch, Isolde Hart",
        "Summary: Three neighbours, one allotment.",
        "Rosalind Finch had been up since five watering the beans. Isolde brought the flask at eight.",
        "Linda turned up at nine with a deckchair and no intention of digging anything.",
        '"You could at least hold the hose," said Rosalind.',
        '"I\'m supervising," Linda said.',
        '"Who grew those?" Linda asked.',
        '"I\'ll give away whatever I like," said Rosalind.',
    ]
    cast = paragraph_characters(scene)
    assert "Linda" in cast and "Rosalind" not in cast["Linda"].aliases


def test_a_name_in_a_tied_by_its_stem_alone_is_no_pet_name_of_a_tagged_speaker():
    # Vera and Veronica Finch, each tagged: two women; an -a stem is the only tie
    scene = [
        "Characters: Veronica Finch, Isolde Hart",
        "Summary: Three neighbours, one allotment.",
        "Veronica Finch had been up since five watering the beans. Isolde brought the flask at eight.",
        "Vera turned up at nine with a deckchair and no intention of digging anything.",
        '"You could at least hold the hose," said Veronica.',
        '"I\'m supervising," Vera said.',
        '"Who grew those?" Vera asked.',
        '"I\'ll give away whatever I like," said Veronica.',
    ]
    cast = paragraph_characters(scene)
    assert "Vera" in cast and "Veronica" not in cast["Vera"].aliases


# Round 43B: a club's rank written as an honorific

_COACHS_WHISTLE = [
    "The pitch was still wet. Kantoku blew the whistle and the first-years ran.",
    '"Again!" Kantoku shouted. "Your first touch is a wall, Haru."',
    '"Yes, Kantoku!"',
    'Morita-kantoku folded his arms. "Again, I said."',
]


def test_a_bare_kantoku_is_the_one_surname_called_kantoku():
    # "Kantoku" is Morita-kantoku, the club's coach, not a voice of its own
    characters = paragraph_characters(_COACHS_WHISTLE)
    assert "Kantoku" not in characters and "Kantoku" in characters["Morita"].aliases
    assert dialogue_speakers(_COACHS_WHISTLE)[-1] == "Morita"


def test_a_bare_kantoku_beside_two_bearers_is_neither():
    # two coaches, Morita-kantoku and Sato-kantoku: the bare "Kantoku" names neither
    scene = [*_COACHS_WHISTLE, 'Sato-kantoku laughed from the other bench. "Yours are slow, Morita."']
    characters = paragraph_characters(scene)
    assert "Kantoku" not in characters["Morita"].aliases and "Kantoku" not in characters["Sato"].aliases


_SHERIFF_COMES_IN = [
    "At ten the sheriff came in. Dolores Whitcomb had been sheriff of the county for twenty years.",
    '"Evening, all," Sheriff Whitcomb said, and shook the rain off her hat.',
    '"Coffee, Sheriff?" Margie asked.',
    '"Please," said Dolores Whitcomb.',
]


def test_a_sheriff_and_her_surname_are_one_person():
    # "Sheriff" is a title: Sheriff Whitcomb is the one Whitcomb, Dolores, not a voice of her own
    characters = paragraph_characters(_SHERIFF_COMES_IN)
    assert "Sheriff Whitcomb" not in characters and "Sheriff Whitcomb" in characters["Dolores Whitcomb"].aliases


def test_a_sheriff_beside_two_of_her_surname_is_neither():
    # two Whitcomb women, Dolores and her sister Ada: "Sheriff Whitcomb" is not joined to Ada
    scene = [_SHERIFF_COMES_IN[0] + " Her sister Ada Whitcomb ran the feed store.", *_SHERIFF_COMES_IN[1:], '"Not for me," said Ada Whitcomb.']
    characters = paragraph_characters(scene)
    assert "Sheriff Whitcomb" not in characters["Ada Whitcomb"].aliases


# ----------------------------------------------------------------------------- round 43A: one person, two names

_CONES = [
    "Characters: Ozaki Hinata, Mochizuki Kaede, Tachibana Ryuuji",
    "Summary: Practice before the match.",
    "Ozaki-san was waiting at the gate with the water bottles. She handed me one without looking.",
    '"Hydrate," she said.',
    '"Thanks, Ozaki-san," I say.',
    'Tachibana-senpai jogged up behind me. "Kaede, you\'re on the left today."',
    '"Again?"',
    '"Again," said Tachibana. He took a bottle from Ozaki.',
    'Ozaki rolled her eyes. "You two are hopeless."',
]


def test_a_japanese_name_with_an_honorific_gives_its_person_both_words():
    # Tachibana-senpai marks Tachibana Ryuuji a name of two names: Ryuuji is his too
    assert "Ryuuji" in paragraph_characters(_CONES)["Tachibana"].aliases


def test_a_listed_name_gives_its_other_word_to_the_person_the_story_knows_by_one():
    # the story writes Ozaki and Ozaki-san, never Hinata: the listed Ozaki Hinata is hers
    assert {"Hinata", "Ozaki Hinata"} <= set(paragraph_characters(_CONES)["Ozaki"].aliases)


def test_a_listed_given_name_of_the_other_gender_is_no_name_of_the_surnames_person():
    # Ozaki here is the shopkeeper, a man; the listed Ozaki Aya (a woman's name) is his daughter
    scene = [
        "Characters: Ozaki Aya, Tachibana Ryuuji",
        "Summary: The shop by the station.",
        "Ozaki-san ran the shop by the station. He was a big man with a bad knee and a worse temper.",
        '"You again," Ozaki said when Tachibana came in.',
        '"Me again," Tachibana said. "Is she here?"',
        '"Upstairs," said Ozaki. He went back to his newspaper.',
    ]
    assert not {"Aya", "Ozaki Aya"} & set(paragraph_characters(scene)["Ozaki"].aliases)


def test_a_title_before_a_listed_full_name_joins_it_to_the_titled_person():
    # Sect Leader Yan Zhaolin, written once: Sect Leader Yan is the listed Yan Zhaolin
    scene = [
        "Characters: Yan Zhaolin, Qin Mo, Lu Wenxuan",
        "Summary: A talisman at night.",
        "The talisman on the pillar flared gold, and Sect Leader Yan Zhaolin's voice came out of the paper.",
        '"Lu Wenxuan. Are you awake?"',
        '"I am," said Lu Wenxuan. He sat up.',
        '"Then listen carefully," said Sect Leader Yan. "Keep the boy on the peak."',
        '"Yes, Sect Leader," Lu Wenxuan said.',
    ]
    assert "Yan Zhaolin" in paragraph_characters(scene)["Sect Leader Yan"].aliases


def test_a_sect_leader_and_his_daughter_of_one_surname_stay_two():
    scene = [
        "Characters: Yan Lin, Qin Mo",
        "Summary: The hall.",
        "Sect Leader Yan sat at the head of the hall. He did not look up when his daughter came in.",
        'Yan Lin knelt. "Father."',
        '"You were at the river again," Sect Leader Yan said.',
        '"I was," said Yan Lin. She kept her eyes on the floor.',
        'Qin Mo stepped forward. "Sect Leader, it was my doing."',
        '"Was it," said Sect Leader Yan. He set down his brush.',
    ]
    cast = paragraph_characters(scene)
    assert "Yan Lin" in cast and "Sect Leader Yan" in cast and "Yan Lin" not in cast["Sect Leader Yan"].aliases


def test_a_chinese_a_pet_form_is_the_full_name_ending_in_its_syllable():
    scene = [
        "Characters: Jiang Ci, Lu Wenxuan, Xie Lan",
        "Summary: The youngest is missing again.",
        "Jiang Ci was hiding behind the woodpile. He had a cat in his arms.",
        '"A-Ci," Lu Wenxuan said. "Put it down."',
        '"It followed me," said A-Ci.',
        "Xie Lan laughed. She took the cat from him.",
        '"A-Ci, it did not," said Xie Lan.',
        "Jiang Ci sulked all the way back to the hall.",
    ]
    cast = paragraph_characters(scene)
    assert "A-Ci" in cast["Jiang Ci"].aliases and "A-Ci" not in cast


def test_an_a_pet_form_two_full_names_end_in_joins_neither():
    # A-Lin may be Yan Lin or Yan Zhaolin: nobody
    scene = [
        "Characters: Yan Lin, Yan Zhaolin",
        "Summary: Mother and daughter.",
        "Yan Zhaolin stood at the window. Yan Lin knelt by the brazier.",
        '"A-Lin," said a voice from the door. "Come here."',
        '"A-Lin is busy," said Yan Zhaolin.',
        "Yan Lin did not move.",
    ]
    cast = paragraph_characters(scene)
    assert "A-Lin" not in cast["Yan Lin"].aliases and "A-Lin" not in cast["Yan Zhaolin"].aliases


_STORM = [
    "Characters: Dolores Whitcomb, Hal Brennan",
    "Summary: The creek is up.",
    "Dolores Whitcomb had been sheriff for nine years. She came up the porch steps slowly.",
    '"Evening, Hal," Sheriff Whitcomb said. She shook the rain off her hat.',
    '"Evening, Sheriff," said Hal. "Coffee?"',
    '"Please."',
    'Hal poured. "Creek\'s up."',
    '"I know," Sheriff Whitcomb said. "Bridge or no bridge."',
]


def test_a_sheriff_and_her_surname_are_her_full_name():
    assert "Sheriff Whitcomb" in paragraph_characters(_STORM)["Dolores Whitcomb"].aliases


@pytest.mark.xfail(strict=True, reason="known gap: round 43A's fix (a rank waits for the genders before it joins a full name of its surname) cost 12 lines on the blind six and was taken out at the merge")
def test_a_ranked_woman_is_no_husband_of_her_surname():
    # Sheriff Whitcomb (she) and Bill Whitcomb (he) are two, whether her rank is a sheriff's or a captain's
    for rank in ("Sheriff", "Captain"):
        scene = [
            "Characters: Bill Whitcomb, Hal Brennan",
            "Summary: The store.",
            "Bill Whitcomb had run the hardware store for thirty years. He was sweeping the porch when the cruiser pulled up.",
            f'{rank} Whitcomb got out and shook the rain off her hat. "Bill."',
            '"Dee," he said. "You look tired."',
            f'"Creek\'s up," {rank} Whitcomb said. She leaned on the rail.',
            '"Hal says a lot of things," said Bill Whitcomb.',
        ]
        cast = paragraph_characters(scene)
        assert f"{rank} Whitcomb" in cast and f"{rank} Whitcomb" not in cast["Bill Whitcomb"].aliases


_ADAIRS = [
    "Characters: June Pruitt, Earl Tibbs, Original Male Character",
    "Summary: A stranger at the diner.",
    "I was wiping the counter when the door opened. Earl looked up from his cards. The man in the wet coat stood dripping on the mat.",
    '"You open?"',
    '"We\'re open," I said.',
    "Sheriff Whitcomb came in behind him and looked him over. \"And I don't know you.\"",
    '"Wes Adair, ma\'am. My car\'s in the ditch."',
    '"What brings you to town, Mr. Adair?"',
    '"Adair," Earl said slowly. "Adair. There was a Nell Adair used to live out on the lake road."',
    '"Nell Adair\'s girl was in my class," I said. "She corrected my spelling."',
    '"Nell Adair rowed a boat through the flood," Earl said. "She was a wonder."',
    '"She was my grandmother," Wes said. He put his hand on the box.',
    "Wes looked at the window. He did not say anything else.",
]


def test_a_mister_is_the_man_of_two_full_names_of_his_surname():
    # Mr. Adair is Wes Adair, not Nell Adair, his grandmother, and no name of the narrator's
    cast = paragraph_characters(_ADAIRS)
    adair = next(c for c in cast.values() if "Mr. Adair" in (c.name, *c.aliases))
    assert "Wes" in (adair.name, *adair.aliases) and "I" not in adair.aliases


def test_a_polish_pet_form_is_the_sister_whose_name_it_is():
    # Zosia is Zofia's pet form, not Zuzanna's: the two sisters stay two, Zosia joins Zofia
    scene = [
        "Characters: Zofia Nowak, Zuzanna Nowak, Marek Nowak",
        "Summary: Two sisters and the goats.",
        "Zofia Nowak came in from the yard with snow on her boots. Her sister Zuzanna was already at the table.",
        '"You\'re late," Zuzanna said.',
        '"I had to feed the goats," Zofia said. She pulled off her gloves.',
        "Marek came down the stairs and looked at them both.",
        '"Zosia, sit," Marek said. "Eat something."',
        "Zofia sat down. Zuzanna passed her the bread.",
        '"Zosia always feeds the goats," said Zuzanna.',
    ]
    cast = paragraph_characters(scene)
    zofia = next(c for c in cast.values() if "Zofia" in (c.name, *c.aliases))
    assert "Zosia" in zofia.aliases and "Zosia" not in cast and "Zuzanna" in cast and "Zosia" not in cast["Zuzanna"].aliases


def test_a_pet_form_typed_without_its_diacritic_is_the_one_whose_name_it_is():
    # Staś is Stanisław's pet form; beside Stanislaw typed without the stroke on its l it still is
    scene = [
        "Characters: Stanislaw Wojcik, Agata Wojcik",
        "Summary: The bakery at dawn.",
        "Stanislaw Wojcik had the ovens lit before the sun was up. His sister Agata came in yawning.",
        '"You could have woken me," Agata said.',
        '"You needed the sleep," Stanislaw said. He slid a tray onto the rack.',
        '"Staś, you always say that," Agata said. "Pass me an apron."',
        "Stanislaw passed her an apron.",
    ]
    cast = paragraph_characters(scene)
    stanislaw = next(c for c in cast.values() if "Stanislaw" in (c.name, *c.aliases))
    assert "Staś" in stanislaw.aliases and "Staś" not in cast and "Staś" not in cast["Agata"].aliases


def test_a_pet_form_is_no_name_of_a_sister_whose_name_it_is_not():
    scene = [
        "Characters: Zuzanna Nowak, Marek Nowak",
        "Summary: The kitchen.",
        "Zuzanna Nowak came in from the yard with snow on her boots. Her brother Marek was already at the table.",
        '"You\'re late," Marek said.',
        '"I had to feed the goats," Zuzanna said. She pulled off her gloves.',
        '"Did you see Zosia at the market?"',
        '"No," Zuzanna said. "Zosia went to the city."',
    ]
    cast = paragraph_characters(scene)
    assert not any("Zosia" in c.aliases for c in cast.values())


# ----------------------------------------------------------------- round 43G: two speakers the tags name
def test_a_pet_form_and_the_full_name_tagged_on_turns_in_a_row_are_two_speakers():
    # Lola is a pet form of Dolores, but here the granddaughter and her grandmother answer each
    # other, each tagged by her own name: two voices (cf. Peggy and Margaret above, never a
    # turn apart)
    scene = [
        "Grandma Dolores was already in the kitchen when Lola came down. Dolores was rolling out the dough.",
        '"Morning, Abuela," Lola said.',
        '"You slept late," Dolores said. She did not look up. "Get the eggs."',
        "Lola got the eggs. She set them on the counter.",
        '"Only six?" Dolores asked.',
        '"That\'s all there were," said Lola.',
    ]
    assert dialogue_speakers(scene) == ["Lola", "Dolores", "Dolores", "Dolores", "Lola"]


def test_a_pet_form_whose_bearer_speaks_by_beats_answering_the_full_name_is_another_woman():
    # Lena and Elena share a flat: Lena is tagged, Elena speaks only through the beats that
    # open her paragraphs, one turn answering the other -- two women, though the pet-form
    # table lists Lena for Elena (round 43K; 43G's guard read tags only)
    scene = [
        "The flat was quiet until Lena came home.",
        '"You are impossible," Lena said.',
        'Elena grinned at her. "I know."',
        '"Hey!" Lena said.',
        'Elena shrugged. "You deserved it."',
    ]
    assert dialogue_speakers(scene) == ["Lena", "Elena", "Lena", "Elena"]
    assert {n: c.aliases for n, c in paragraph_characters(scene).items()} == {"Lena": (), "Elena": ()}


def test_a_pet_form_answering_the_full_name_is_another_woman():
    # Ania (Polish for Anna) supervises Anna, the new intern, and answers her question
    scene = [
        "Anna was the new intern. Ania, her supervisor, handed her a stack of files.",
        '"Where do these go?" Anna asked.',
        '"Cabinet three," Ania said.',
    ]
    assert dialogue_speakers(scene) == ["Anna", "Ania"]


def test_a_mister_the_tags_name_beside_his_tagged_son_is_not_the_son():
    # Mr. Reyes coaches the twins Luis Reyes and Ana Reyes: he and Luis are both tagged
    # speakers, so Mr. Reyes is no name of Luis (he is their father, or a coach of their name)
    scene = [
        "Luis Reyes and Ana Reyes were twins. Luis was taller; Ana was faster.",
        "Mr. Reyes blew the whistle.",
        '"Again," Mr. Reyes said. "From the top."',
        '"My legs hurt," Luis said. He bent over.',
        '"Mine don\'t," said Ana. She was already at the line.',
        '"Good," Mr. Reyes said.',
    ]
    assert dialogue_speakers(scene) == ["Mr. Reyes", "Mr. Reyes", "Luis", "Ana", "Mr. Reyes"]
    assert "Luis" not in paragraph_characters(scene)["Mr. Reyes"].aliases


def test_a_mister_speaking_by_beats_beside_his_tagged_son_is_not_the_son():
    # the header lists the children Wes Adair and Nell Adair; their father, Mr. Adair, speaks
    # through a beat (`Mr. Adair smiled. "Call me Tom."`) and Wes by a tag: two speakers, so
    # Mr. Adair is no name of Wes (43G's guard read tags only; round 43K)
    scene = [
        "Characters: Wes Adair, Nell Adair, Priya Shah",
        "Summary: Dinner.",
        "Wes came home late. Nell was at the table with their father. Priya had come for dinner.",
        '"Good evening, Mr. Adair," Priya said.',
        'Mr. Adair smiled. "Call me Tom."',
        '"Hi, Dad," Wes said.',
        '"You are late," Nell said.',
    ]
    assert dialogue_speakers(scene)[2:] == ["Wes", "Nell"]
    assert "Wes" not in paragraph_characters(scene)["Mr. Adair"].aliases


def test_a_coach_of_a_listed_girls_surname_is_not_the_girl_both_tagged():
    # the header lists Kuroiwa Emi (family name first); Kuroiwa-kantoku, the coach, and Emi
    # are both tagged speakers: two people (round 43K); as a teacher Mochizuki-sensei beside a
    # listed student Mochizuki Kaede
    coach = [
        "Characters: Kuroiwa Emi, Sato Ren",
        "Summary: Practice.",
        "Kuroiwa-kantoku blew the whistle. Emi and Ren jogged over.",
        '"Laps," Kuroiwa-kantoku said.',
        '"Again?" Emi said.',
        '"Again," Kuroiwa-kantoku said.',
    ]
    assert dialogue_speakers(coach) == ["Kuroiwa", "Emi", "Kuroiwa"]
    teacher = [
        "Characters: Mochizuki Kaede, Sato Ren",
        "Summary: Class.",
        "Mochizuki-sensei wrote on the board. Kaede and Ren sat at the back.",
        '"Open your books," Mochizuki-sensei said.',
        '"Which page?" Kaede asked.',
        '"Forty," Mochizuki-sensei said.',
    ]
    assert dialogue_speakers(teacher) == ["Mochizuki", "Kaede", "Mochizuki"]


def test_a_ranked_surname_whose_given_name_no_tag_gives_is_still_the_listed_one():
    # must not fire: Shiraishi-kaichou is listed as Shiraishi Rin, and only the narration writes
    # Rin (no tag names her so): one person, as before
    scene = [
        "Characters: Shiraishi Rin, Mori Kenta",
        "Summary: Council.",
        "Shiraishi-kaichou slammed the folder on the desk. Kenta flinched. Rin was never patient.",
        '"Who approved this budget?" Shiraishi-kaichou asked.',
        '"Not me," Kenta said.',
    ]
    assert dialogue_speakers(scene) == ["Shiraishi", "Kenta"]
    assert "Rin" in paragraph_characters(scene)["Shiraishi"].aliases


def test_a_rank_after_a_surname_two_listed_sisters_share_is_neither_sister():
    # Shiraishi Rin and Shiraishi Aoi are listed family name first: Shiraishi-kaichou (Rin, the
    # council president) is no name of Aoi, her little sister, though the header writes
    # `Shiraishi Aoi` (Aoi is no surname)
    scene = [
        "Characters: Shiraishi Rin, Shiraishi Aoi, Mori Kenta",
        "Summary: Council.",
        "Shiraishi-kaichou slammed the folder on the desk. Kenta flinched.",
        '"Who approved this budget?"',
        '"Not me, Kaichou," Kenta said.',
        "Aoi, her little sister, leaned in the doorway and laughed.",
        '"Onee-chan is scary today," Aoi said.',
        '"Go home, Aoi," Shiraishi-kaichou said.',
    ]
    spoken = dialogue_speakers(scene)
    assert spoken[2] == "Aoi" and spoken[3] != "Aoi"
    assert "Shiraishi-kaichou" not in paragraph_characters(scene)["Aoi"].aliases


# ---------------------------------------------------------------- round 44B: a listed family's full names, a rank's listed name
_PRYOR_BROTHERS = [
    "Characters: Fred Pryor, George Pryor, Ada Quill",
    "Summary: The shop after closing.",
    "Fred was stacking boxes behind the counter when George came in with the post.",
    '"Anything for me?" Fred asked.',
    '"Bills," George said. He dropped them on the counter.',
    '"Bills for all of us, then," Ada said from the till.',
]


def test_a_listed_full_name_whose_surname_a_brother_shares_is_the_name_of_its_given_names_person():
    # Pryor is listed twice (a family), so no one is joined by the surname; but Fred and George are
    # each listed once, and the story's Fred is Fred Pryor, its George George Pryor
    people = paragraph_characters(_PRYOR_BROTHERS)
    assert "Fred Pryor" in people["Fred"].aliases and "George Pryor" not in people["Fred"].aliases
    assert "George Pryor" in people["George"].aliases and "Fred Pryor" not in people["George"].aliases
    assert dialogue_speakers(_PRYOR_BROTHERS) == ["Fred", "George", "Ada"]


def test_a_mother_of_the_listed_surname_takes_no_listed_full_name_of_her_family():
    # must not fire on Mrs. Hale: the listed Anna Hale is her daughter, whom the story calls
    # Anna; Ellen Hale (the mother's own listed name) is never written, so nobody takes it
    scene = [
        "Characters: Ellen Hale, Anna Hale, Tom Birch",
        "Summary: Tea at the Hales'.",
        "Mrs. Hale poured the tea. Anna sat by the window and pretended not to watch the road.",
        '"He is late," Mrs. Hale said.',
        '"He is always late," said Anna. She did not turn round.',
        'Tom came up the path at last. "Good afternoon, Mrs. Hale."',
        '"Good afternoon, Tom," said Mrs. Hale.',
    ]
    people = paragraph_characters(scene)
    assert "Anna Hale" in people["Anna"].aliases
    assert not {"Anna", "Anna Hale", "Ellen Hale"} & set(people["Mrs. Hale"].aliases)
    assert dialogue_speakers(scene) == ["Mrs. Hale", "Anna", "Tom", "Mrs. Hale"]


def test_a_mum_called_by_the_children_of_two_listed_families_takes_no_listed_name():
    # must not fire on Mum: two families are listed (Price, Moss), and Mum is no given name the
    # header lists; Jess takes Jess Price though the first-names list calls Jess a man's name
    scene = [
        "Characters: Jess Price, Tom Price, Kit Moss, Ruth Moss",
        "Summary: The school gate.",
        "Jess and Kit waited at the gate with their bags.",
        '"There she is," Jess said. She waved. "Mum!"',
        '"Hello, love," Mum said. She kissed the top of her head.',
        'Kit looked at his shoes. "My mum is late again."',
    ]
    people = paragraph_characters(scene)
    assert not {"Ruth Moss", "Tom Price", "Jess Price", "Kit Moss"} & set(people["Mum"].aliases)
    assert "Jess Price" in people["Jess"].aliases and "Kit Moss" in people["Kit"].aliases


def test_a_professor_known_by_her_surname_takes_the_listed_full_name_of_it():
    # the story writes only Professor Thorne and Thorne; the header's Agatha Thorne is hers
    scene = [
        "Characters: Ivy Rowe, Agatha Thorne, Ben Cole",
        "Summary: The lab.",
        "Professor Thorne was waiting at the door of the lab with her arms folded.",
        '"You are late, Miss Rowe," Professor Thorne said.',
        '"Sorry, Professor," said Ivy. She slid into a seat beside Ben.',
        '"Sit down, both of you," said Thorne.',
    ]
    assert {"Agatha", "Agatha Thorne"} <= set(paragraph_characters(scene)["Professor Thorne"].aliases)


def test_a_mrs_of_a_listed_surname_takes_no_listed_given_name():
    # must not fire: a Mrs. is a family's title (a mother, a wife), so the listed Agatha Thorne
    # may be her daughter; a rank is one person's own, a family title is not
    scene = [
        "Characters: Ivy Rowe, Agatha Thorne, Ben Cole",
        "Summary: The kitchen.",
        "Mrs. Thorne was waiting at the door of the kitchen with her arms folded.",
        '"You are late, Ivy," Mrs. Thorne said.',
        '"Sorry," said Ivy. She slid into a seat beside Ben.',
        '"Sit down, both of you," said Mrs. Thorne.',
    ]
    assert not {"Agatha", "Agatha Thorne"} & set(paragraph_characters(scene)["Mrs. Thorne"].aliases)


def test_a_captain_takes_no_listed_full_name_of_the_other_gender():
    # must not fire: Captain Reyes is a woman, the listed Luis Reyes a man (her son, say)
    scene = [
        "Characters: Luis Reyes, Mara Quint",
        "Summary: The bridge.",
        "Captain Reyes stood at the rail. She had not slept in two days.",
        '"Report," Captain Reyes said.',
        '"Nothing on the scope, Captain," said Mara. She rubbed her eyes.',
        '"Keep looking," said Reyes.',
    ]
    assert not {"Luis", "Luis Reyes"} & set(paragraph_characters(scene)["Captain Reyes"].aliases)
