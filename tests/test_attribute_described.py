"""Tests of ficaudio.attribute.described: src/ficaudio/attribute/described.py."""

from __future__ import annotations

import pytest

from ficaudio.attribute import described

from attribute_scenes import dialogue_speakers, paragraph_characters, scene_attribution, speakers_of


def test_description_in_apposition_names_that_person():
    paragraphs = [
        "On the pier, Kira, the tall girl, waited while Lena fished. Kira sighed, and Lena laughed.",
        '"You came," the tall girl said.',
    ]
    assert dialogue_speakers(paragraphs) == ["Kira"]


def test_description_pointed_at_in_an_introduction_names_that_person():
    # the tall girl speaks before she is named; the introduction names her lines from the start
    paragraphs = [
        "The door opened and a tall girl came in. Mara looked up from her desk.",
        '"Is this room four?" the tall girl asked.',
        '"It is," Mara said.',
        "After a moment Joel came in behind her.",
        '"This is Kira," Joel said, nodding at the tall girl.',
        "Mara nodded, and Kira sat down.",
    ]
    assert dialogue_speakers(paragraphs) == ["Kira", "Mara", "Joel"]


def test_description_equated_with_a_name_by_a_copula_names_that_person():
    paragraphs = [
        "At the pier a tall girl waited while Lena fished.",
        "The tall girl was Kira, and Lena had known her for years. Kira sighed.",
        '"You came," the tall girl said.',
    ]
    assert dialogue_speakers(paragraphs) == ["Kira"]


def test_a_relation_in_apposition_names_that_person_later():
    paragraphs = [
        "Harriet read the letter by the window. Her brother Edmund looked up from his plate, and Mr. Strake coughed. Edmund grinned.",
        '"Who is it from?" asked Mr. Strake.',
        '"Nobody you know," said her brother.',
    ]
    assert dialogue_speakers(paragraphs) == ["Mr. Strake", "Edmund"]


def test_a_description_before_a_name_in_apposition_names_that_person():
    paragraphs = [
        "Jonah waited by the gate. At last the harbour pilot, Tamsin, came down the steps.",
        '"Morning," Tamsin said.',
        '"Morning," said Jonah.',
        '"Tide turns at six," said the harbour pilot.',
    ]
    assert dialogue_speakers(paragraphs) == ["Tamsin", "Jonah", "Tamsin"]


def test_a_name_the_narration_says_is_the_role_is_that_role():
    paragraphs = [
        "Tsubaki signed the last scroll. In the village everyone knew that Tsubaki was the Hokage, and Ryo bowed.",
        '"Go," the Hokage said.',
    ]
    assert dialogue_speakers(paragraphs) == ["Tsubaki"]


def test_a_description_listed_before_two_names_is_a_third_person():
    paragraphs = [
        "Jonah waited by the gate. At last the harbour pilot, Tamsin, and Jonah's brother came down the steps.",
        '"Morning," Tamsin said.',
        '"Morning," said Jonah.',
        '"Tide turns at six," said the harbour pilot.',
    ]
    assert dialogue_speakers(paragraphs)[-1] != "Tamsin"


_DEBATE = [
    "The hall smells of floor polish. Jonah and Priya sit at the long table with their cue cards.",
    "The referee is a stout man called Gus Hollis who has judged these debates for twenty years.",
    "\u201cOpening statements,\u201d the referee says. \u201cJonah, you first.\u201d",
    "Jonah clears his throat. \u201cThe motion is absurd.\u201d",
    "\u201cThat is not an argument,\u201d Priya says.",
    "\u201cTime,\u201d the referee says, and taps the bell.",
]


def test_a_description_called_by_a_name_is_that_person_and_so_is_its_subject():
    """``The referee is a stout man called Gus Hollis``: the referee's lines are Gus Hollis's."""
    assert dialogue_speakers(_DEBATE) == ["Gus Hollis", "Gus Hollis", "Jonah", "Priya", "Gus Hollis"]


def test_the_boy_called_a_name_may_be_calling_out():
    # `The boy called Gus Hollis over` is the boy calling someone, not the boy's name
    speakers = dialogue_speakers([
        "Jonah and Priya sit at the long table. At the door, a boy waits with a stack of programmes.",
        "The boy called Gus Hollis over and handed him a programme.",
        "\u201cFront row,\u201d the boy said.",
        "\u201cThanks,\u201d said Gus Hollis.",
    ])
    assert speakers == ["the boy", "Gus Hollis"]


def test_a_role_in_apposition_with_a_possessive_names_that_person():
    """``Marco, her race engineer,``: a later ``Her engineer laughs`` is Marco, not a new voice."""
    speakers = dialogue_speakers([
        "Priya takes the last corner flat out, and the car is still in one piece. On the pit wall, Marco, her race engineer, watches the timing screen.",
        "\u201cGap is one second,\u201d Marco says. \u201cTyres?\u201d",
        "\u201cDead,\u201d Priya says. \u201cAll four.\u201d",
        "Her engineer laughs, very briefly. \u201cThen bring them home.\u201d",
    ])
    assert speakers[-1] == "Marco"


def test_a_role_the_narration_says_a_person_holds_names_that_person():
    """``Maeve had been their manager for six years``: a later ``the manager`` is Maeve."""
    speakers = dialogue_speakers([
        "The van smelled of cold chips, and Maeve had been their manager for six years. Oskar, who was their drummer and their driver, had the wheel.",
        "“Left at the lights,” Maeve said.",
        "“We're late,” Oskar said.",
        "“We're always late,” said the manager. “Drive.”",
        "“I am driving,” said the drummer.",
    ])
    assert speakers[2:] == ["Maeve", "Maeve", "Oskar"]
def test_a_friend_named_in_apposition_is_who_my_friend_means():
    # `Priya, my oldest friend,` and `my best friend Otto`: a later `my friend` / `my best
    # friend` in a tag is that person, not a voice of its own
    scene = [
        "Priya, my oldest friend, was waiting at the gate with two coffees.",
        '"You are late," my friend said.',
        '"The bus was late," I said.',
        '"The bus is always late," Priya said.',
    ]
    assert dialogue_speakers(scene)[0] == "Priya"
    scene = [
        "I found my best friend Otto in the library, asleep on a pile of maps.",
        '"Go away," my friend said.',
        '"It is noon," I said.',
        'Otto rolled over. "Then come back at one."',
    ]
    assert dialogue_speakers(scene)[0] == "Otto"


_PARENT_INTRODUCED = [
    "Mina set the table for four. Her brother Jae was late again.",
    "At the head of the table, her father folded his newspaper. Daniel Seo had run the shop on the corner for twenty years.",
    '"Can I go out after dinner?" Mina asked.',
    '"Homework first," her father said.',
    'Jae came in and dropped his bag. "Told you. If you ask, Dad says no, and then Dad makes tea."',
    '"*Dad.* That is not fair."',
    '"Sit down, Jae," Daniel said.',
]


def test_a_parent_the_next_sentence_names_is_that_named_person():
    # "her father" and "Daniel Seo" are introduced as one man; the children's "Dad" is him too
    assert dialogue_speakers(_PARENT_INTRODUCED)[1] == "Daniel"
    assert "Dad" in paragraph_characters(_PARENT_INTRODUCED)["Daniel"].aliases


_ROLE_WITHOUT_ARTICLE = [
    "The kitchen was already hot at six, and Bastien Roux, head cook, was tasting the stock with a frown.",
    '"More salt," said Lena from the pass.',
    "At the stove, Roux did not look up.",
    '"It needs time, not salt," the head cook said. "Go and check the bread."',
    "Lena went. The ovens ticked, and Roux stirred.",
    '"And the butter!" the head cook called after her.',
]


def test_a_role_set_after_a_name_without_an_article_names_that_person():
    # "Bastien Roux, head cook," says what he is: "the head cook" is Roux, one voice
    assert dialogue_speakers(_ROLE_WITHOUT_ARTICLE)[1:] == ["Roux"] * 3


_TITLE_OF_A_PLACE_AFTER_A_NAME = [
    "They had put the prisoner in the only dry tent. Ilse Varenne, Countess of Marrow, sat on a crate with her wrists bound and her chin up.",
    "Tomas came in with the lamp and set it down. Varenne did not look at him.",
    '"You may untie me now," the countess said.',
    '"Not yet," said Tomas. He watched Varenne over the lamp, and Varenne looked back.',
]

_CAPITALISED_WORD_AFTER_A_NAME = [
    "Rain drummed on the tent. Ilse Varenne, Light of the valley, sat on a crate, and the other woman watched her from the door.",
    "Tomas came in with the lamp and set it down. Varenne did not look at him.",
    '"You may untie me now," the woman said.',
    '"Not yet," said Tomas. He watched Varenne over the lamp, and Varenne looked back.',
]


def test_a_title_of_a_place_after_a_name_names_that_person():
    # "Ilse Varenne, Countess of Marrow," says what she is: "the countess" is Varenne
    assert dialogue_speakers(_TITLE_OF_A_PLACE_AFTER_A_NAME)[0] == "Varenne"


def test_a_title_of_a_place_after_a_name_leaves_the_rank_to_one_titled_before_her_name():
    # the old Countess Dunmere bears the rank before her name: "the countess" is hers, not the one of Marrow's
    scene = [
        "The ball was in full swing. Ilse Varenne, Countess of Marrow, held court by the fire.",
        "Across the room the old Countess Dunmere leaned on her cane and glared at everyone.",
        '"Such noise," the countess muttered to her maid. "In my day we danced properly."',
        "Ilse laughed at something by the fire.",
    ]
    assert dialogue_speakers(scene)[0] == "Countess Dunmere"


def test_a_capitalised_word_that_is_no_role_after_a_name_names_nothing():
    # "Light of the valley" is a praise, not a role: "the light" names no one, and the woman
    # in the door stays a voice of her own
    assert dialogue_speakers(_CAPITALISED_WORD_AFTER_A_NAME)[0] == "the woman"


_DESCRIPTION_LABELLED_BY_NAME = [
    "Harlan leaned on the bar. At the far end, the new bartender was polishing the same glass for the third time. Odile Marchand: twenty, from the coast, hired on Tuesday.",
    '"Another?" the new bartender asked.',
    '"Why not," Harlan said.',
    "Without a word, Marchand poured it and pushed it across, and Harlan watched Marchand go back to her glass.",
    '"On the house," said the bartender. "Don\'t tell anyone."',
]


def test_a_description_the_next_sentence_labels_with_a_name_is_that_person():
    # "Odile Marchand:" names the new bartender just described: one voice, not a stranger
    assert dialogue_speakers(_DESCRIPTION_LABELLED_BY_NAME) == ["Marchand", "Harlan", "Marchand", "Marchand"]
    # a portrayal labels too; an action does not (someone else arriving)
    assert described._LABELLED_NAME.search("She waited. Odile Marchand was twenty and bored.")
    assert not described._LABELLED_NAME.search("She waited. Odile Marchand was sitting at the bar.")


def test_a_copula_description_headed_by_a_speaking_noun_names_the_person():
    from collections import Counter

    from ficaudio.attribute.characters import Person, Roster

    roster = Roster()
    roster.speaker_nouns = frozenset({"lookout"})
    oren = roster.add(Person("Oren", Counter(Oren=2)), ["Oren"])
    described._index_described_by_copula(roster, "Oren", "the lookout that night, and")
    assert roster.lookup("the lookout") is oren


def test_a_role_of_a_possessor_in_apposition_names_the_person_by_the_role_alone():
    """``Noor, the ferry's pilot,``: a later ``said the pilot`` is Noor, not a new voice."""
    speakers = dialogue_speakers([
        "Fog sat on the harbour. Noor, the ferry's pilot, leaned on the rail beside Elias.",
        "“We'll be an hour late,” Noor said.",
        "“The market won't wait,” Elias said.",
        "“The market can swim,” said the pilot.",
    ])
    assert speakers == ["Noor", "Elias", "Noor"]


def test_a_role_given_by_a_pronoun_copula_names_the_person_just_named():
    """``Birgit ... She was the quartermaster, ...``: a later ``the quartermaster`` is Birgit."""
    speakers = dialogue_speakers([
        "Birgit counted the water casks twice. She was the quartermaster, and nothing left the hold without her mark.",
        "“Two short,” Birgit said.",
        "“Then we drink less,” Anselm said.",
        "“Then you drink less,” said the quartermaster.",
    ])
    assert speakers == ["Birgit", "Anselm", "Birgit"]


_NAMED_ROLE = [
    "Bertil the ferryman had a laugh like a foghorn, and he used it on every passenger.",
    '"Mind the rail!" the ferryman shouted.',
    "Ylva gripped it with both hands.",
    '"Is it always this rough?" Ylva asked.',
    '"Only on days ending in y," the ferryman said.',
]


def test_a_name_given_with_the_role_the_tags_make_a_speaker_names_the_role():
    assert dialogue_speakers(_NAMED_ROLE) == ["Bertil", "Ylva", "Bertil"]


def test_a_sentence_opening_word_before_a_role_names_nobody():
    scene = ["Downstairs the ferryman had a laugh like a foghorn.", *_NAMED_ROLE[1:], "He went downstairs."]
    assert dialogue_speakers(scene)[0] == "the ferryman"


def test_a_name_with_its_role_right_after_it_names_the_person_by_the_role():
    """``Wyn the ferryman had hands like oars.`` -- a close apposition (no comma): every later
    ``the ferryman`` is Wyn."""
    speakers = dialogue_speakers([
        "The river was high. Brannoc waited on the bank with his mule.",
        "Wyn the ferryman had hands like oars. “Two pennies, or swim.”",
        "“Two pennies,” Brannoc said.",
        "“And one for the mule,” said the ferryman.",
        "Brannoc paid, and the ferryman pushed off.",
        "“Hold on to something,” the ferryman said.",
    ])
    assert speakers == ["Wyn", "Brannoc", "Wyn", "Wyn"]


def _ferry_scene(introduction: str) -> list[str]:
    return [
        "The river was high. Brannoc waited on the bank with his mule.",
        introduction + " “Two pennies, or swim.”",
        "“Two pennies,” Brannoc said.",
        "“And one for the mule,” said the ferryman.",
        "Brannoc paid. Later he would remember that Wyn had not smiled once.",
    ]


@pytest.mark.parametrize("introduction", [
    "The ferryman, whose name was Wyn, had hands like oars.",
    "The ferryman introduced himself as Wyn and held out a hand like an oar.",
])
def test_a_description_whose_name_the_sentence_gives_is_that_person(introduction):
    """``The ferryman, whose name was Wyn,`` / ``The ferryman introduced himself as Wyn``: every
    ``the ferryman`` is Wyn."""
    assert dialogue_speakers(_ferry_scene(introduction)) == ["Wyn", "Brannoc", "Wyn"]


def test_his_name_given_after_a_sentence_opened_by_a_description_names_it():
    """``The ferryman spat in the water. His name was Wyn.`` -- the name ``his`` gives belongs to
    the man the sentence before opened on."""
    assert dialogue_speakers(_ferry_scene("The ferryman spat in the water. His name was Wyn. The ferryman held out a hand like an oar.")) == ["Wyn", "Brannoc", "Wyn"]


def test_a_description_set_off_by_dashes_from_a_person_called_by_name_is_that_person():
    """``The ferryman -- a bent old man called Wyn -- held out a hand``: as with commas."""
    assert dialogue_speakers(_ferry_scene("The ferryman — a bent old man called Wyn — held out a hand.")) == ["Wyn", "Brannoc", "Wyn"]


# Review of rounds 34a-c: a description equated with a name only where nobody else stands between.

def test_a_clause_before_a_comma_is_no_subject_for_a_called_name():
    """``The sergeant waved at the newcomer, a lanky boy called Wyn.`` -- Wyn is the boy; the
    sergeant is someone else (with a comma or a dash)."""
    for opening in ("The sergeant waved at the newcomer, a lanky boy called Wyn. Wyn came over.",
                    "The sergeant pointed — a lanky boy called Wyn stepped out of line."):
        assert dialogue_speakers([
            opening,
            '"Name?" the sergeant said.',
            '"Wyn, sir," Wyn said.',
            '"Louder," the sergeant said.',
        ]) == ["the sergeant", "Wyn", "the sergeant"]


def test_his_name_after_a_sentence_bringing_in_someone_else_is_not_the_subjects():
    """``The sergeant pointed at a skinny boy by the door. His name was Pell`` -- the name is the
    boy's, not the sergeant's."""
    assert dialogue_speakers([
        "The sergeant pointed at a skinny boy by the door. His name was Pell, and he had never held a sword.",
        '"You. Step forward," the sergeant said.',
        "Pell stepped forward.",
        '"Yes, sir," Pell said.',
        '"Louder," the sergeant said.',
    ]) == ["the sergeant", "Pell", "the sergeant"]


@pytest.mark.parametrize("adverb", ["Apparently", "Eventually", "Sometimes", "Occasionally"])
def test_a_sentence_adverb_before_a_role_names_nobody(adverb):
    """``Apparently the ferryman had a laugh like a foghorn`` -- an adverb the short text never
    writes in lower case is still no name."""
    scene = [f"{adverb} the ferryman had a laugh like a foghorn, and he used it on every passenger.", *_NAMED_ROLE[1:]]
    assert dialogue_speakers(scene) == ["the ferryman", "Ylva", "the ferryman"]


def test_a_possessive_after_introduced_herself_as_is_not_her_name():
    """``The girl beside her introduced herself as Kira's cousin`` -- the girl is not Kira;
    ``introduced herself as Mrs. Grey`` gives the titled name."""
    cousin = scene_attribution([
        "Kira waited at the gate. The girl beside her introduced herself as Kira's cousin and shook my hand.",
        '"Nice to meet you," the girl said.',
        '"Likewise," Kira said.',
        '"We should go," the girl said.',
    ])
    assert speakers_of(cousin)[-1] == "the girl"
    assert dialogue_speakers([
        "The housekeeper introduced herself as Mrs. Grey and took our coats.",
        '"This way," the housekeeper said.',
        "Tomas followed her up the stairs.",
        '"Is it far?" Tomas asked.',
        '"Not far," the housekeeper said.',
    ]) == ["Mrs. Grey", "Tomas", "Mrs. Grey"]


def test_a_list_is_no_relation_in_apposition():
    # a list is no apposition: "Sam, my sister and I" does not make Sam "my sister"
    assert described._RELATION_AFTER_NAME.search("Sam, my sister and I drove home.") is None
    assert described._RELATION_AFTER_NAME.search("Sam, my sister, drove home.")


_ROLE_SAID_OF_A_NAME_WITHOUT_ARTICLE = [
    "The archive was cold at night. Hollis Reade is sixty-eight, has been curator of maps since before the war, and owns one good coat. Mina watched him from the door.",
    '"You are late," said the curator.',
    '"The bus," Mina said.',
    "Reade only sighed, and Mina hung up her scarf.",
    '"It is always the bus," the curator said.',
    '"Tea?" Reade asked, and Mina nodded.',
]


def test_a_role_said_of_a_name_without_an_article_names_that_person():
    # "has been curator of maps" says what Reade is: "the curator" is Reade, one voice
    assert dialogue_speakers(_ROLE_SAID_OF_A_NAME_WITHOUT_ARTICLE) == ["Reade", "Mina", "Reade", "Reade"]


def test_a_group_or_a_word_that_is_no_role_after_a_name_names_nobody():
    from collections import Counter

    from ficaudio.attribute.characters import Person, Roster

    r = Roster()
    r.add(Person("Kite", Counter(Kite=3)), ["Kite"])
    r.add(Person("Tom", Counter(Tom=3)), ["Tom"])
    # a group is no one person: "the boys go by their stage names (Sol, Kite, ...)"
    described._index_description(r, "Kite", "the boys go by their stage names (Sol", closed=False)
    assert r.lookup("the boys") is None
    text = "For Kite, of all people, it was easy. Tom was tired of it. Tom was captain of the team."
    for m in described._BARE_ROLE_APPOSITION.finditer(text):
        described._index_bare_role(r, m.group(1), m.group(2))
    for m in described._BARE_ROLE_PREDICATE.finditer(text):
        described._index_bare_role(r, m.group(1), m.group(2))
    assert r.lookup("the of all people") is None and r.lookup("the tired") is None
    assert r.lookup("the captain").name == "Tom"

def _dialogue_of_file(tmp_path, text: str) -> list[str]:
    """The speakers of a story file read as a user's is (``read_story``: its header and notes set aside)."""
    from ficaudio.attribute import attribute
    from ficaudio.models import SegmentKind
    from ficaudio.parse import read_story
    from ficaudio.segment import segment

    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    story = read_story(path)
    return [l.speaker for l in attribute(story, list(segment(story))).lines if l.segment.kind is SegmentKind.DIALOGUE]


_GAME_NIGHT = [
    "Fandom: Saltwick (Web Series)",
    "Characters: Priya Shah, Tom Bell, Lena Ortiz",
    "A/N: A game night AU for the Saltwick swap. Priya is the GM because of course she is. Unbeta'd.",
    "Chapter 1: Natural Twenty",
    "Tom set out the crisps. Lena sat cross-legged on the rug with her character sheet, and Priya took the armchair at the head of the table, behind her screen.",
    '"I pick the lock," Lena said.',
    '"Roll for it," said the GM.',
    '"Nineteen!"',
    'The GM smiled behind the screen. "The lock clicks open."',
]


def test_an_authors_note_the_reader_sets_aside_says_who_a_description_is(tmp_path):
    # "Priya is the GM" is written only in the author's note, which the reader keeps out of the
    # story as an aside: it still makes every "the GM" Priya, as the story's own narration would
    speakers = _dialogue_of_file(tmp_path, "\n\n".join(["Roll Carefully", *_GAME_NIGHT]) + "\n")
    assert speakers[1] == speakers[3] == "Priya"
    # the same when the note is pasted as a paragraph of the story
    assert dialogue_speakers(_GAME_NIGHT)[1] == "Priya"


def test_a_description_stops_at_a_parenthesis():
    # "the boys go by their stage names (Sol, Kite, Rook)" lists names in a parenthesis: no
    # apposition makes "the boys" Kite
    assert described._DESCRIPTION_THEN_NAME.search("In public the boys go by their stage names (Sol, Kite, Rook and Ari), so the fans use those.") is None
    assert described._DESCRIPTION_THEN_NAME.search("At last the harbour pilot, Tamsin, came down the steps.").group(2) == "Tamsin"


def test_a_preposition_after_a_name_gives_no_role():
    # "Kakashi, of all people," and "Tomas, from the doorway," say nothing of what he is
    found = [m.group(2) for m in described._BARE_ROLE_APPOSITION.finditer("She fell for Kakashi, of all people. Tomas, from the doorway, waved. Iris Fennimore, charge nurse, sat.")]
    assert found == ["charge nurse"]


_MASTER_OF_NOTHING = [
    "The dojo smelled of sweat and cedar. Jun had been there since six, and so had Mara.",
    "The master came out from behind the screen, slow on his cane. Jun bowed so fast he almost fell over.",
    '"Again," said the master. "Slower."',
    "Jun was master of nothing yet, and he knew it. He did it again, slower.",
    '"Better," said the master.',
    "Mara grinned at Jun behind the master's back.",
]


def test_a_role_said_of_a_name_as_a_figure_of_speech_names_nobody():
    # "Jun was master of nothing yet" is a figure of speech: the narration shows the master
    # beside Jun as someone else ("grinned at Jun behind the master's back"), so the master keeps his lines
    assert dialogue_speakers(_MASTER_OF_NOTHING) == ["the master", "the master", "the master"]


_WHODUNIT = [
    "Dead Air",
    "Fandom: Harbour Lights (TV)",
    "Characters: Kit Morrow, Ana Reyes, Tom Vale",
    "A/N: So many of you asked whether Kit is the killer. No comment!",
    "* * *",
    "The station was dark except for the red light over the booth. Ana let herself in with the spare key. Kit had given it to her in March, and Tom had laughed at them both for it.",
    "Kit was not at the desk. Tom was not anywhere.",
    "Ana knew the voice before she saw the face. She didn't want to. \"Tom?\"",
    '"Not Tom," said the killer, and stepped into the light.',
]


def test_a_name_asked_about_is_not_described(tmp_path):
    # "whether Kit is the killer" asks, it does not say: the killer's line is not Kit's
    assert _dialogue_of_file(tmp_path, "\n\n".join(_WHODUNIT) + "\n")[-1] != "Kit"
    assert described._NAME_IS.search("I wonder if Kit is the killer.") is None
    assert described._NAME_IS.search("Everyone knew Kit was the killer.").group(1) == "Kit"


_TEA = [
    "Tea at the End of the World",
    "Fandom: Doctor Who",
    "Characters: The Doctor, Rose Tyler, Jackie Tyler",
    "Relationship: The Doctor/Rose Tyler",
    "* * *",
    "The ship landed in Jackie's kitchen, which Jackie would have words about later.",
    'Rose stepped out first. "Mum? Don\'t be cross."',
    '"I\'m always cross," Jackie said. "Where\'s himself?"',
    'The Doctor stuck his head out of the door. "Hello, Jackie!"',
    '"Don\'t you hello me," said Jackie.',
    '"Tea?" said the Doctor hopefully.',
]


def test_a_header_fields_list_says_nothing_of_who_a_description_is(tmp_path):
    # "Characters: The Doctor, Rose Tyler, ..." is a list, not an apposition: the Doctor is not Rose
    speakers = _dialogue_of_file(tmp_path, "\n\n".join(_TEA) + "\n")
    assert speakers[3] == speakers[5] == "the doctor"
