"""Tests of ficaudio.attribute.resolve: src/ficaudio/attribute/resolve.py."""

from __future__ import annotations

import re

import pytest

from ficaudio.attribute import attribute
from ficaudio.attribute.document import Mention
from ficaudio.attribute.resolve import _MARKS_OF_AGE, _epithet_pattern, definite_description_acts, phrase_written_before, description_gender, in_comparison, in_complement_clause, narrators_relative, opens_subordinate_clause, possessive_rank, taken_up_by_next_sentence
from ficaudio.attribute.rules import is_address_phrase
from ficaudio.models import Character, Gender

from attribute_scenes import (
    dialogue_lines,
    INO, KAKASHI, KIBA, SAKURA, dialogue_speakers, paragraph_characters, paragraph_story, scene_attribution, speakers, speakers_of, story,
)


def test_same_gender_pronoun_goes_to_the_subject_of_the_paragraph():
    text = 'Ino met Sakura at the gate.\n"Hi," Sakura said.\nIno laughed. "Hello," she said.'
    assert speakers(text, [INO, SAKURA])[-1] == ("Ino", "pronoun_tag")


def test_same_gender_pronoun_without_subject_goes_to_the_other_speaker():
    text = 'Ino met Sakura at the gate.\n"Hi," Sakura said.\n"Hello," she said.'
    assert speakers(text, [INO, SAKURA])[-1] == ("Ino", "pronoun_tag")


def test_possessive_voice_speaks_for_its_owner():
    text = 'Kiba waited by the door.\nHis voice was rough. "Open up."'
    assert speakers(text, [KIBA]) == [("Kiba", "description_action_beat")]


def test_group_description_is_not_a_speaker():
    text = 'Ino faced the crowd.\n"Never!" cried the people.'
    assert speakers(text, [INO])[0][0] != "the people"


def test_indefinite_subject_is_a_newcomer_not_the_last_man():
    text = 'Kiba sat alone.\nA man came to the table. "Is this seat taken?" he asked.'
    assert speakers(text, [KIBA])[0] == ("the man", "pronoun_tag")


def test_indefinite_object_creates_nobody():
    st, segs = story('Kiba ran like a man on fire.\n"Hurry," Kiba said.')
    assert "the man" not in [c.name for c in attribute(st, segs, known=[KIBA]).characters]


def test_generic_noun_is_not_a_differently_described_person():
    text = ('The father stood up.\n"Sit," said the father.\nThe boy shook his head.\n"No," said the boy.')
    assert [s for s, _ in speakers(text)] == ["the father", "the boy"]


def test_pronoun_prefers_the_recent_subject_over_an_object():
    text = ('Ino woke cross and saw that the woman by her bed was not Sakura.\n'
            '"Why did you come?" she said to the woman.')
    assert speakers(text, [INO, SAKURA])[0] == ("Ino", "pronoun_tag")


def test_he_said_after_narration_is_not_forced_to_the_other_man():
    text = ('Kiba met Ryo.\n"Hi," Ryo said.\nLater Kiba handed Ino a cup. She took it.\n"Careful," he said.')
    ryo = Character("Ryo", (), Gender.MALE)
    assert speakers(text, [INO, KIBA, ryo])[-1] == ("Kiba", "pronoun_tag")


def test_first_person_thoughts_in_a_third_person_story_are_nobody():
    speakers = dialogue_speakers([
        "At dusk, Kakashi walked home, and Sakura followed Kakashi. He was tired. He sat down. He read. He sighed.",
        "He waited. He looked up. He stood. He frowned. He turned. He listened.",
        "“Are these reliable?” Sakura asked.",
        "Why do I even care?",
        "“I wouldn't know.”",
    ])
    assert speakers[-1] == "Kakashi"


_TWO_MEN = [
    "Elias and Tomas had agreed to meet at the inn.",
    "Elias had walked for an hour. He was tired, and he was cold.",
    "Tomas waited by the door. He had waited all evening for Elias.",
]


def test_pronoun_is_not_the_man_named_later_in_its_sentence():
    # binding: "he ... turning to face Tomas" cannot be Tomas, though Tomas was the last man seen
    speakers = dialogue_speakers([*_TWO_MEN, '"You are late," he says, turning to face Tomas.'])
    assert speakers == ["Elias"]


def test_sentence_initial_pronoun_is_not_the_man_it_acts_on():
    speakers = dialogue_speakers([*_TWO_MEN, 'He walks straight up to Tomas and says, "You are late."'])
    assert speakers == ["Elias"]


def test_copula_links_pronoun_and_name():
    assert is_address_phrase("Tomas")  # sanity: a plain name is a form of address
    speakers = dialogue_speakers([*_TWO_MEN, 'He was Tomas, after all. "I waited," he said.'])
    assert speakers == ["Tomas"]


def test_name_opening_a_later_clause_is_its_subject():
    # "..., and Rafael wanted to leave": Rafael acts last, so "he says" is Rafael
    paragraphs = [
        "Rafael came in and nodded to Tomas. He sat down by the fire.",
        "Tomas poured the tea for Rafael. He hummed to himself.",
        "Tomas talked about the harvest, and Rafael wanted to leave.",
        '"I should go," he says.',
    ]
    assert dialogue_speakers(paragraphs) == ["Rafael"]


def test_possessive_description_in_narration_is_no_new_character():
    # "his student" is someone already known: the one who answers is Kenji, not a new person
    paragraphs = [
        "Aiko walked home with Kenji through the snow. Kenji loosened his grip on his student.",
        '"Are you cold?" Aiko asked.',
        '"No."',
    ]
    assert dialogue_speakers(paragraphs) == ["Aiko", "Kenji"]


def test_pronoun_in_the_sentence_of_a_described_person_of_unknown_gender():
    # "As the ANBU captain approached her he stopped": he is the captain, not the last man seen
    paragraphs = [
        "Mira waited by the gate with Daren. Daren was tired, and he had waited all night for Mira.",
        'As the ANBU captain approached her he stopped. "Oh no."',
    ]
    assert dialogue_speakers(paragraphs) == ["the ANBU captain"]


def test_pronoun_tag_after_a_paragraph_subject_whose_gender_is_unknown():
    paragraphs = [
        "Renji sat with Quorin and Mira. Renji laughed at the story, and he slapped the table. Mira laughed with Quorin.",
        'Quorin presses two fingers to the bridge of the nose. "Why were you even there?" he mutters.',
    ]
    assert dialogue_speakers(paragraphs) == ["Quorin"]


def test_described_tag_subject_is_not_the_sentence_subject():
    scene = [
        'Tomas and Jonas had not spoken all day. Jonas sat down. He was tired.',
        'Tomas went to the kitchen and came back.',
        'He brought Jonas his third cup of tea before the man finally looks at him and says, "Thank you."',
    ]
    assert dialogue_speakers(scene)[-1] == "Jonas"


def test_description_met_again_by_its_head_learns_gender_from_the_next_pronoun():
    # "The surgeon" is the parish surgeon met before; the "He" after it gives the surgeon's
    # gender, so "he said" is the surgeon, not Tom, the other man in the room
    scene = [
        "Ned lay on the cot by the window. Tom Ruck sat at the foot of it, and the parish surgeon stood by the fire.",
        '"Will he live?" Tom asked.',
        '"Perhaps," said the surgeon.',
        "The surgeon leaned over the cot. He felt the boy's brow.",
        '"The fever has turned," he said.',
    ]
    assert dialogue_speakers(scene) == ["Tom", "the parish surgeon", "the parish surgeon"]


def test_title_of_a_named_person_takes_no_gender_from_the_next_pronoun():
    # "The captain" is Captain Vell, but the "He" after it is Tom, who caught the rope: the
    # captain's own "her hood" and "she said" make her a woman
    scene = [
        "Captain Vell and Tom Ruck waited on the dock in the rain.",
        '"Lines," said the captain.',
        "The captain threw the rope to Tom. He caught it and made it fast.",
        '"Cold night," Tom said.',
        "Vell pulled her hood up against the rain.",
        '"Colder at sea," she said.',
    ]
    assert paragraph_characters(scene)["Captain Vell"].gender is Gender.FEMALE


def test_a_dragon_speaks_and_her_pronoun_finds_her():
    scene = [
        'Mara drew her sword. She was afraid.',
        'The dragon came down out of the clouds. She landed on the ridge above them.',
        '"Thieves," the dragon said.',
        'Mara lowered her sword. Then the dragon lowered her head until one eye was level with the sword.',
        '"Cole," she said. "You grew old."',
    ]
    speakers = dialogue_speakers(scene)
    assert speakers[0] == "the dragon"
    assert speakers[1:] == ["the dragon", "the dragon"]


def test_description_gender_reads_the_next_subject_pronoun():
    assert description_gender("The robot turned. He beeped.", 9) is Gender.MALE
    assert description_gender("The robot turned to her and beeped.", 9) is Gender.UNKNOWN


def test_a_man_who_is_back_in_a_main_clause_says_the_tagged_line():
    scene = [
        "The café was nearly empty when Daren sat down by the window. He had not slept, and he was cold. "
        "He had come to see Halvard, and now he regretted it.",
        "Daren should leave, but before he can find his resolve, Halvard’s back, setting a cup in front of him. "
        "“You looked cold,” he says simply.",
    ]
    assert dialogue_speakers(scene) == ["Halvard"]


def test_a_name_after_and_is_not_the_newest_subject_of_a_tag():
    # "and Halvard closes his eyes" is a side clause: the tag after the next line is still Daren's
    scene = [
        "Daren sat at the small table by the window with Halvard. He had not slept.",
        "“It’s fine,” Daren says, and Halvard closes his eyes. “You can stay,” he adds.",
    ]
    assert dialogue_speakers(scene) == ["Daren", "Daren"]


def test_a_name_after_if_is_marked_as_a_complement():
    t = "He wonders if Halvard is worth it."
    assert in_complement_clause(t, Mention(14, 21, "name", "Halvard"))
    assert not in_complement_clause(t, Mention(0, 2, "pronoun", "He"))


def test_a_name_inside_an_if_clause_does_not_take_the_next_he():
    scene = [
        "It was late when Daren reached the old house with Halvard, who was talking about the roof.",
        "Halvard laughed, and then he went inside.",
        "Out on the step, Daren waits. He wonders if Halvard is worth the risk.",
        "“I’d like,” he says softly, “to know you more.”",
    ]
    assert dialogue_speakers(scene) == ["Daren", "Daren"]


_SPOUSE_SCENE = [
    "Mr. Grant was reading by the fire.",
    '"My dear," said his lady to him one evening, "have you heard the news?"',
    "Mr. Grant replied that he had not.",
    "Later, Sir Hugh and Lady Ferrars came to call.",
    '"Good evening," said Lady Ferrars.',
]


def test_his_lady_is_not_the_one_titled_lady_of_the_story():
    speakers = dialogue_speakers(_SPOUSE_SCENE)
    assert speakers[0] != "Lady Ferrars" and speakers[1] != "Lady Ferrars"
    assert speakers[0] == speakers[1]  # both halves of the split quotation: the same wife
    assert speakers[2] == "Lady Ferrars"


def test_the_lady_still_finds_the_titled_character():
    scene = ["Lady Ferrars came into the hall.", '"Good evening," said the lady.']
    assert dialogue_speakers(scene) == ["Lady Ferrars"]


def test_possessive_rank_only_for_ranks_after_a_possessive():
    def m(text: str) -> Mention:
        return Mention(0, len(text), "description", text, head=text.split()[-1])

    assert possessive_rank(m("his lady")) and possessive_rank(m("her lord"))
    assert not possessive_rank(m("the lady")) and not possessive_rank(m("his aunt"))


_COUPLE = [
    "Mr. Grant sat by the fire, and Mrs. Grant sewed at the window.",
    "Miss Price, the governess, brought in a letter from the evening post and left.",
    '"My dear Mr. Grant," said his lady, "the Hartleys are coming."',
    "Mr. Grant put down his paper.",
    '"Are they indeed?" he said.',
    '"They are," cried his wife.',
]


def test_his_lady_and_his_wife_are_the_mrs_of_the_mister():
    speakers = dialogue_speakers(_COUPLE)
    assert speakers[0] == speakers[1] == "Mrs. Grant"
    assert speakers[2] == "Mr. Grant"
    assert speakers[3] == "Mrs. Grant"


def test_her_husband_is_the_mister_of_the_mrs():
    # a guard: the older nearest-man rule also gets this scene; the spouse rule must not break it
    scene = [
        "Mrs. Hale poured the tea. Mr. Hale had gone out to the barn an hour before.",
        "Tom Reed came in from the yard. He sat down to mend a harness in the corner.",
        "The door opened and she looked up.",
        'Tom Reed glanced at the window. "Snow on the road," said her husband, stamping his boots.',
    ]
    assert dialogue_speakers(scene) == ["Mr. Hale"]


def test_a_wife_with_no_named_spouse_stays_a_description():
    scene = ["Mr. Grant came in from the garden.", '"It will rain," said his wife.']
    assert dialogue_speakers(scene)[0] != "Mr. Grant"


_BRIDGE = [
    "A man twice my size steps out of the reeds and blocks the bridge.",
    '"Toll," he says.',
    "The tall man holds out a hand the size of a shovel.",
    '"We have no money," I say.',
    "The tall man shrugs.",
    '"Then you have no bridge."',
]


def test_a_fuller_description_is_an_alias_of_the_described_person():
    attribution = scene_attribution(_BRIDGE)
    man = next(c for c in attribution.characters if c.name == "the man")
    assert "the tall man" in man.aliases
    assert speakers_of(attribution)[2] == "the man"


def test_subject_pronoun_resolved_to_a_person_of_unknown_gender_teaches_it():
    # learn_gender_from_pronoun: the only man in reach of "He" is the one it means
    paragraphs = [
        'Orla sat at the table.',
        'Vesk came in from the rain, shaking water from a coat that had seen better winters and worse roads than this one ever was.',
        '"Cold out," Vesk said.',
        'Orla shook her head and laughed.',
        'He hung the coat by the door. "Tea?" he asked.',
    ]
    people = paragraph_characters(paragraphs)
    assert people["Vesk"].gender is Gender.MALE
    assert people["Orla"].gender is Gender.FEMALE


def test_subject_pronoun_does_not_teach_a_gender_when_someone_of_it_is_in_reach():
    paragraphs = [
        'Tomas waited by the door, shaking water from a coat that had seen better winters and worse roads than this.',
        'Vesk came in from the rain, shaking water from a coat that had seen better winters and worse roads than this one ever was.',
        '"Cold out," Vesk said.',
        'Tomas shook his head. He hung the coat by the door. "Tea?" he asked.',
    ]
    assert paragraph_characters(paragraphs)["Vesk"].gender is Gender.UNKNOWN


def test_title_description_is_the_one_bearer_who_goes_by_another_name():
    # "Commander Voss" is mostly "Voss": "the commander" is still him, not a new person
    paragraphs = [
        "Commander Voss stood at the gate. Later, Voss checked the list while Ana waited by the wall.",
        '"You are late," said the commander.',
        "Ana shrugged at Voss.",
    ]
    assert dialogue_speakers(paragraphs) == ["Voss"]


def test_the_narrators_relative_is_one_person_not_the_man_just_named():
    text = ('I remember old Pontifex well. Mr. Pontifex built organs and told jokes.\n'
            '"He was a fine man," returned my father.\n'
            '"He was a carpenter," I said.')
    assert speakers(text)[0] == ("my father", "description_tag")


def test_only_my_or_our_relative_is_the_narrators():
    his = Mention(0, 10, "description", "his father", head="father")
    ours = Mention(0, 10, "description", "our mother", head="mother")
    assert (narrators_relative(his), narrators_relative(ours)) == (False, True)


def test_an_indefinite_person_the_next_sentence_calls_him_enters_the_story():
    text = ('Kiba waved from the platform as the train pulled away.\n'
            'Ino watched the fields go by for an hour, then the river, then the long grey suburbs, '
            'and thought about the letter in her bag and the aunt she had never met.\n'
            'She had been conscious of a man behind. She felt him watching her.\n'
            'He leaned forward. "First visit to the city?" he asked.')
    assert speakers(text, [INO, KIBA])[0] == ("the man", "pronoun_tag")


def test_a_simile_or_an_unmentioned_indefinite_is_nobody():
    man = dict(kind="description", text="a man", head="man", gender=Gender.MALE)
    assert not taken_up_by_next_sentence("He ran like a man. He laughed.", Mention(12, 17, **man))
    assert not taken_up_by_next_sentence("She saw a man. She laughed.", Mention(8, 13, **man))
    assert taken_up_by_next_sentence("She saw a man. She waved at him.", Mention(8, 13, **man))


def test_a_name_made_someones_relation_by_apposition_is_not_the_she_that_follows():
    text = ('Ino was glad of a guest in winter. She hurried to the kitchen.\n'
            'As soon as the kettle was on, and Sakura, her sleepy maid, had been scolded awake, '
            'she carried the tray into the parlour. "Tea, sir?" she said.')
    assert speakers(text, [INO, SAKURA])[0] == ("Ino", "pronoun_tag")


def test_an_indefinite_person_in_a_comparison_is_nobody_new():
    text = ('Ino came to the fair at last, and Kiba showed her the stalls.\n'
            'No other woman looked such a lady as she did. She smiled at him.\n'
            '"Are you coming now?" she said.')
    assert speakers(text, [INO, KIBA])[0] == ("Ino", "pronoun_tag")


def test_comparison_words_before_an_indefinite():
    lady = dict(kind="description", text="a lady", head="lady", gender=Gender.FEMALE)
    assert in_comparison("she looked like a lady", Mention(16, 22, **lady))
    assert not in_comparison("she met a lady", Mention(8, 14, **lady))


def test_a_relatives_voice_speaks_for_the_relative_not_the_possessor():
    text = ('Kiba stood in the doorway of his room, talking about the job.\n'
            '"Well, you asked my advice," interrupted his mother\'s voice from the hall.')
    assert speakers(text, [KIBA])[0] == ("his mother", "description_tag")


def test_she_beat_is_the_woman_named_not_a_subject_of_unknown_gender():
    text = ('The road climbed through grey rock, and on the third day they smelled smoke.\n'
            'Pip edged closer to Ino. She put a hand on his shoulder without looking at him. "Stay behind me."')
    pip = Character("Pip", (), Gender.UNKNOWN)
    assert speakers(text, [INO, pip])[0] == ("Ino", "pronoun_action_beat")


def test_a_definite_description_followed_by_its_verb_is_someone_in_the_scene():
    iruka = Character("Iruka", (), Gender.MALE)
    text = ('"Sit down, Iruka," Kakashi says.\n'
            '"I don\'t need to," Iruka says.\n'
            'Kakashi pauses in the doorway with the smirk that makes Iruka\'s cheeks flush, and the man needs some colour in his face.\n'
            'His eyes drop, his face turns red, and he says, "Hot tea, then."')
    assert speakers(text, [KAKASHI, iruka])[-1] == ("Iruka", "pronoun_tag")


def test_definite_description_acts_only_before_a_verb():
    man = dict(kind="description", text="the man", head="man", gender=Gender.MALE)
    assert definite_description_acts("and the man needs colour", Mention(4, 11, **man))
    assert not definite_description_acts("and the man who came", Mention(4, 11, **man))
    assert not definite_description_acts("and a man needs colour", Mention(4, 9, **{**man, "text": "a man"}))


def test_a_subject_inside_a_while_clause_does_not_take_the_next_she():
    text = ('Kiba set fire to his notes, and the teacher put it out.\n'
            'Ino leaned across the gap while the teacher was busy with the fire.\n'
            '"Blue chalk," she murmured.')
    teacher = Character("the teacher", (), Gender.FEMALE)
    assert speakers(text, [INO, KIBA, teacher])[0] == ("Ino", "pronoun_tag")


def test_subordinators_open_a_side_clause():
    t = "She leaned across while the professor was busy, and because Tess was late."
    assert opens_subordinate_clause(t, 24) and opens_subordinate_clause(t, 60)
    assert not opens_subordinate_clause(t, 0)


def test_after_a_scene_break_she_is_the_scenes_own_person_of_unknown_gender():
    text = ('Ino laughed at the door. She waved and went home.\n***\n'
            "Pip's phone buzzed in the locker. The screen lit up.\n"
            'She was typing a reply when it rang. "Hi, Mom."')
    pip = Character("Pip", (), Gender.UNKNOWN)
    assert speakers(text, [INO, pip])[0] == ("Pip", "pronoun_action_beat")


def test_a_described_newcomer_named_by_the_next_tag_is_that_person():
    text = ('Ino stopped at the door of the way station.\n'
            'A figure stepped through the doorway, tall and thin. He had a mask pushed up on his forehead.\n'
            '"Ino-chan," said Gensai Kurobane. "They sent you."\n'
            '"You are a missing-nin, Gensai."\n'
            'He tilted his head. "And you brought children."')
    assert speakers(text, [INO])[-1] == ("Gensai Kurobane", "pronoun_action_beat")


def test_the_other_girl_is_not_the_one_who_spoke_last():
    text = ('Ino sat on the bench. Sakura watched her from the other end.\n'
            '"Thanks for pulling him out," Ino said.\n'
            '"He would have been fine."\n'
            '"He would not have been fine."\n'
            '"No," the other girl admits.')
    assert speakers(text, [INO, SAKURA])[-1] == ("Sakura", "description_tag")


def test_a_description_followed_by_who_and_a_verb_acts_and_takes_the_next_he():
    text = ('A big man charged out of the trees. He swung an axe, and Kiba knocked him down.\n'
            'Kiba looks down at his arm. He moves it.\n'
            'Ino kneels beside the big man, who sits bound against a wagon wheel.\n'
            '"Who sent you?" Ino asks.\n'
            'He spits into the dirt. "Nobody you would know."')
    assert speakers(text, [INO, KIBA])[-1] == ("the man", "pronoun_action_beat")


def test_a_described_speaker_takes_no_gender_from_the_next_paragraphs_he():
    # "the healer agreed." / "He turned ...": the He answers her, so the healer is not a man
    scene = [
        'Brynn carried Declan into the cottage and laid him on the table.',
        '"Foul," the healer agreed.',
        'He turned his head to find Brynn. "Did we hold it?"',
        '"We held it."',
        'When it was done, the healer went to bed.',
        '***',
        'Brynn woke with a crick in her neck. She sat up.',
        '"Morning," he said.',
    ]
    brynn, declan = Character("Brynn", (), Gender.FEMALE), Character("Declan", (), Gender.MALE)
    assert speakers("\n".join(scene), [brynn, declan])[-1] == ("Declan", "pronoun_tag")


def test_a_man_placed_where_he_sits_is_someone_new():
    paragraphs = [
        "Owen works the morning rush. He calls out the orders as fast as he can.",
        '"Large flat white for Mira!" Owen calls.',
        '"That is Myra," says the old man at the end of the counter, without looking up.',
    ]
    assert dialogue_speakers(paragraphs)[-1] == "the man"


def test_a_description_that_says_what_someone_is_brings_in_nobody():
    # "A capital fellow!" and "being a modern mother" describe the one already there: the
    # next "he"/"she" is still that person, not a newcomer called "the fellow"/"the mother".
    text = ('Mr. Heathcliff and I are a suitable pair. A capital fellow! He scowled at me.\n'
            '"Walk in," he said.')
    assert speakers(text)[-1] == ("Mr. Heathcliff", "pronoun_tag")
    text = ('Ino folded her napkin. And then, being a modern mother, she put on her hat.\n'
            '"Lamb chops tonight," she said.')
    assert speakers(text, [INO])[-1] == ("Ino", "pronoun_tag")


def test_the_doctor_is_the_one_character_titled_dr():
    text = ('Dr. Archie came up from a game of pool. Dr. Archie sat down.\n'
            'The doctor lit the lamp.\n"Sit down," said the doctor.')
    assert speakers(text)[-1] == ("Dr. Archie", "description_tag")


def test_the_voice_of_a_named_person_is_theirs():
    scene = [
        "Eliza went out with John. Jane sat alone with a book, glad that John was gone.",
        "“Go away,” Eliza said.",
        "“Boh! Madam Mope!” cried the voice of John.",
    ]
    assert dialogue_speakers(scene)[1] == "John"


def test_he_in_an_established_exchange_is_the_man_whose_turn_it_is():
    text = ('"Are you coming?" Ino asked.\n"Maybe," Kiba said.\n'
            '"Why maybe?" Ino said. Behind her, Ryo waved from the road.\nHe laughed. "Because."')
    ryo = Character("Ryo", (), Gender.MALE)
    assert speakers(text, [INO, KIBA, ryo])[-1] == ("Kiba", "pronoun_action_beat")


def test_an_exchange_broken_by_a_paragraph_of_narration_is_not_established():
    text = ('"Are you coming?" Ino asked.\n"Maybe," Kiba said.\nRyo waved from the road.\n'
            '"Why maybe?" Ino said.\nHe laughed. "Because."')
    ryo = Character("Ryo", (), Gender.MALE)
    assert speakers(text, [INO, KIBA, ryo])[-1] == ("Ryo", "pronoun_action_beat")


_RED_SCARF = [
    "Priya and Mara sat on the library floor. Across the chessboard, Mara has a red scarf wound twice around her neck. Priya is losing.",
    '"This is hopeless," Priya says.',
    '"It is not," says the girl with the red scarf.',
]


def test_the_girl_with_a_thing_is_the_one_the_narration_wrote_beside_it():
    # "Mara has a red scarf": the girl with the red scarf is Mara, not the girl who just spoke
    assert dialogue_speakers(_RED_SCARF) == ["Priya", "Mara"]


def test_a_thing_written_beside_two_girls_names_neither():
    # two paragraphs of narration before the reply, so the turn (not the scarf) cannot decide it
    # (past one, a reply's tag still answers the last speaker, Priya: Mara by the turn)
    two_scarves = _RED_SCARF[:1] + ["Then Priya pulls on a red scarf too."] + _RED_SCARF[1:2] + ["Mara moves a bishop.", "Priya studies the board."] + _RED_SCARF[2:]
    assert dialogue_speakers(two_scarves)[-1] != "Mara"


def test_the_redhead_is_the_one_the_narration_gave_red_hair():
    paragraphs = [
        "The light snapped on. Noa turned, and Tess stood in the doorway of her room, hair a red tangle.",
        '"Where are you going?" Tess asked.',
        '"Out for a walk," Noa said.',
        '"At two in the morning," said the redhead.',
    ]
    assert dialogue_speakers(paragraphs) == ["Tess", "Noa", "Tess"]


def test_the_old_woman_is_the_one_the_narration_gave_an_old_age():
    paragraphs = [
        "Mrs. Maren Holt is seventy-eight and has sat in the corner chair since before the cafe had a name.",
        '"Is the tea still hot?" Juno asked, tucking her hair behind her ear.',
        '"Hot enough," said Priya. She poured a cup.',
        '"It was hotter in my day," the old woman said.',
    ]
    assert dialogue_speakers(paragraphs) == ["Juno", "Priya", "Mrs. Maren Holt"]


def test_the_old_man_is_the_one_the_narration_gave_a_grandchild():
    paragraphs = [
        "Mr. Tobias Wren pushed a plate toward his grandson and said nothing.",
        '"Where is Ben?" Rafe asked, and he sat down.',
        '"Out with the sheep," said Sam. He yawned.',
        '"Storm is coming," the old man said.',
    ]
    assert dialogue_speakers(paragraphs) == ["Rafe", "Sam", "Mr. Tobias Wren"]


@pytest.mark.parametrize("said", [
    "Tess's gran was seventy and still drove the tractor.",  # the gran's age, not Tess's
    "Tess, her granddaughter, carried the bags in from the car.",  # Tess is the grandchild
    "Tess counted the steps under her breath, forty-nine, fifty.",  # a count
    '"I was seventy last spring," Tess joked, though she was not.',  # said in a quotation
])
def test_an_age_or_grandchild_that_is_not_the_names_gives_no_old_bearer(said):
    # were the sentence read as Tess's age, Tess would tie with Mrs. Odell and the old woman be guessed
    paragraphs = [
        "Mrs. Odell was eighty-two and sat nearest the stove.",
        said,
        '"Is the kettle on?" Tess asked.',
        '"It is," said Priya.',
        '"Then pour," the old woman said.',
    ]
    assert dialogue_speakers(paragraphs)[-1] == "Mrs. Odell"


def test_an_age_is_said_of_someone_a_count_is_not():
    aged = [bool(re.search(_MARKS_OF_AGE, t, re.IGNORECASE)) for t in ("Mrs. Holt is seventy-eight and deaf.", "Abel, ninety-one years old.", "Ana counted to fifty.", "They walked fifty yards.")]
    assert aged == [True, True, False, False]


_MAN_OF_TWO_SCENES = "\n".join([
    "At the gate a man in a grey coat waited. The man lit his pipe and watched the road.",
    '"Evening," said the man.',
    "***",
    "The ballroom was hot. Harriet slipped behind the curtain, and Mr. Strake strolled past it with his hands behind his back.",
    '"Not until Monday," the man said.',
])


def test_the_man_of_an_earlier_scene_is_not_the_man_this_scene_names():
    # the man at the gate is not in the ballroom: "the man" there is Mr. Strake, who was just named
    assert [s for s, _ in speakers(_MAN_OF_TWO_SCENES)] == ["the man", "Mr. Strake"]


def test_the_man_met_again_in_the_new_scene_stays_the_man():
    text = _MAN_OF_TWO_SCENES.replace("The ballroom was hot.", "The man came back at dusk, to the ballroom.")
    assert [s for s, _ in speakers(text)][-1] == "the man"


def test_the_man_in_the_grey_coat_met_again_after_a_scene_break_is_the_man_of_before():
    # "the man in a grey coat" said again is the story's fixed name for him, not Mr. Strake, just named
    text = "\n".join([
        "At the gate the man in the grey coat waited, and lit his pipe.",
        '"Evening," said the man.',
        "***",
        "The ballroom was hot. Mr. Strake strolled past the curtain with his hands behind his back.",
        'The man in the grey coat stood by the door. "Not until Monday," he said.',
    ])
    assert [s for s, _ in speakers(text)] == ["the man", "the man"]


def test_a_described_character_of_the_roster_stays_itself_in_a_new_scene():
    # the user's voices name "the man" as a character: he is not re-read as Mr. Strake
    known = [Character("the man", (), Gender.MALE), Character("Mr. Strake", (), Gender.MALE)]
    assert [s for s, _ in speakers(_MAN_OF_TWO_SCENES, known)] == ["the man", "the man"]


def test_a_description_acting_in_a_clause_after_the_way_does_not_take_the_next_he():
    paragraphs = [
        '"Move over," Idris said, and sat down on the floor.',
        '"I\'m not going to cry," the kid said. He put his chin on his knees.',
        'Idris didn\'t push. He had seen the arms, too, and the way the kid flinched from the sound of a door, '
        'and he had a fair idea how that sentence ended. He leaned back and looked at the dust. '
        'Then he said, "You want to know how I got this ship?"',
    ]
    assert dialogue_speakers(paragraphs)[-1] == "Idris"


def test_a_she_whose_last_woman_only_spoke_is_the_scenes_viewpoint_character():
    paragraphs = [
        "Marta wondered why she had come. She knew nobody at the party but the host, and she hated crowds.",
        "Gwen pushed a glass into Marta's hand and vanished towards the kitchen. Then Tomas was beside her, smiling like nothing had happened, and Marta felt her face go hot.",
        '"You came," Tomas said.',
        '"Gwen made me."',
        '"Remind me to thank her."',
        '"You could have called first. You could have written. Three years, Tomas, and not one postcard from anywhere."',
        '"I know. I kept starting letters and tearing them up, and after a while it seemed too late to send any of them."',
        "Across the room somebody waved at Gwen.",
        "The music changed. She stared at the ice in her glass and thought about leaving.",
        '"Don\'t," she said.',
    ]
    assert dialogue_speakers(paragraphs)[-1] == "Marta"


def test_a_girl_in_a_named_womans_portrait_is_that_woman_not_a_newcomer():
    """``Miss Hannah Pell was perhaps twenty, ... with the inky fingers of a girl who copies
    letters``: the girl is Miss Pell, so ``The girl twisted her gloves`` speaks as her."""
    paragraphs = [
        "Mrs. Oakes showed the visitor into the parlour and went to fetch the tea.",
        "Miss Hannah Pell was perhaps twenty, thin and quick, with the inky fingers of a girl who copies letters all day. She perched on the edge of the chair.",
        "\u201cTell me what you saw,\u201d said Dr. Rook.",
        "The girl twisted her gloves in her lap. \u201cA man on the stair, sir. Two, maybe.\u201d",
        "\u201cAnd then?\u201d",
        "\u201cThen I ran.\u201d",
    ]
    assert dialogue_speakers(paragraphs) == ["Dr. Rook", "Miss Hannah Pell", "Dr. Rook", "Miss Hannah Pell"]


def test_he_right_after_a_man_spoke_is_not_a_man_only_named_in_passing():
    """``"...," said Tobias.`` / ``He did not turn from the window.``: Mr. Grell, named once as
    someone a cab waits for, is not the other man of the talk; he is Tobias going on."""
    paragraphs = [
        "The fog had swallowed the street. Tobias stood at the window with a watch in pieces on the sill, and below, a cab waited for Mr. Grell.",
        "\u201cYou will ruin your eyes,\u201d said Edith.",
        "\u201cThen it is lucky I have two,\u201d said Tobias.",
        "He did not turn from the window. \u201cBesides, we are about to have company.\u201d",
    ]
    assert dialogue_speakers(paragraphs) == ["Edith", "Tobias", "Tobias"]


def test_he_right_after_a_man_spoke_is_the_other_man_talking_not_one_named_in_passing():
    """Tomas and Jonah talk; the narration names Mr. Osei once, in passing (``took lessons from
    Mr. Osei``). ``"..." He taps the screen`` right after Jonah spoke is Tomas, the other man
    of the talk: Mr. Osei, the more recent man, is no one who talks, and is passed over."""
    paragraphs = [
        "\u201cWho keeps calling you?\u201d asked Jonah.",
        "Tomas slid his phone across the table. \u201cMy sister.\u201d",
        "Ines is Tomas\u2019s older sister. She works nights at the bakery, and last spring she took piano lessons from Mr. Osei and came out of it with a prize.",
        "\u201cA prize from Osei?\u201d Jonah puts his pen down. \u201cNobody gets a prize from Osei.\u201d",
        "\u201cInes does. Ines gets a prize from everybody.\u201d He taps the screen to answer. \u201cHey, you\u2019re on speaker.\u201d",
    ]
    assert dialogue_speakers(paragraphs) == ["Jonah", "Tomas", "Jonah", "Jonah", "Tomas", "Tomas"]


@pytest.mark.parametrize("tag", ["said he, addressing the old man", "said he to the old man", "he said, turning to the old man", "he told the old man"])
def test_a_tag_pronoun_is_not_the_man_its_own_clause_describes(tag):
    """``"Well?" said the old man.`` / ``"I have brought the rope," said Hollis.`` / ``"And the
    tar," said he, addressing the old man.``: the tag's own clause speaks to the old man, so
    ``he`` is not him (the one who spoke before Hollis) but Hollis going on; inverted tags
    (``said he``) bind as well as ``he said``, and a ``the`` description as well as a name."""
    paragraphs = [
        "The chandlery was cold. An old man sat by the stove in the back room, mending a net, and did not look up when the bell rang.",
        "Hollis stamped the snow off his boots and shut the door behind him.",
        "\u201cWell?\u201d said the old man.",
        "\u201cI have brought the rope,\u201d said Hollis.",
        f"\u201cAnd the tar,\u201d {tag}.",
    ]
    assert dialogue_speakers(paragraphs)[1:] == ["Hollis", "Hollis"]


def test_joining_a_description_to_a_name_renames_it_in_all_the_scene_state():
    from ficaudio.attribute.document import build_document
    from ficaudio.attribute.resolve import Resolver

    doc = build_document(*paragraph_story(["A stranger came in out of the rain.", "“Is this the ferry office?” the stranger asked.", "“It is,” said Wen."]), ())
    resolver = Resolver(doc)
    for para in doc.paragraphs:
        resolver.read(para)
    conv = resolver.conversation
    conv.turns, conv.addressee, conv.acted_on, conv.last_actor, conv.departed = ["the stranger"], "the stranger", "the stranger", "the stranger", {"the stranger"}
    conv.tagged_quote = (1, "the stranger")
    resolver.settled[5], resolver.voice_sources["radio"] = "the stranger", "the stranger"
    resolver.join("the stranger", "Wen")
    assert (conv.turns, conv.addressee, conv.acted_on, conv.last_actor, conv.departed) == (["Wen"], "Wen", "Wen", "Wen", {"Wen"})
    assert conv.tagged_quote == (1, "Wen")
    assert (resolver.settled[5], resolver.voice_sources["radio"]) == ("Wen", "Wen")


def test_the_girl_in_grey_is_someone_pointed_out_not_the_girl_just_named():
    scene = [
        "Nell and Priya were the last two in the library.",
        "“Are you nearly done?” Nell asked.",
        "Priya shut her book and stretched. She yawned.",
        "The girl in grey by the window had not moved all evening. “We close at nine,” she said.",
    ]
    assert dialogue_speakers(scene)[-1] not in ("Nell", "Priya")


def test_after_a_scene_break_she_is_still_the_storys_viewpoint_character():
    """Each short scene gives Marta's thoughts once only; together they make her the head the
    story is told from, so the last scene's ``She ... thought about leaving`` is Marta, not
    Gwen, the last woman the narration made act."""
    text = ("Marta wondered whether the party had been a mistake.\n"
            '"You came," Gwen said.\n'
            "***\n"
            "Marta knew the music was far too loud for a Tuesday.\n"
            '"Drink?" Gwen asked.\n'
            "***\n"
            "Gwen pulled Marta through the crowd by the wrist, and then Tomas was in front of them.\n"
            '"You came," Tomas said.\n'
            '"Gwen made me."\n'
            '"Remind me to thank her."\n'
            '"You could have called first. You could have written. Three years, Tomas, and not one postcard from anywhere."\n'
            '"I know. I kept starting letters and tearing them up, and after a while it seemed too late to send any of them."\n'
            "Across the room somebody laughed at a joke.\n"
            "The music changed. She stared at the ice in her glass and thought about leaving.\n"
            '"Don\'t," she said.')
    assert speakers(text)[-1] == ("Marta", "pronoun_tag")


def test_a_she_opening_a_scene_is_the_storys_viewpoint_character_not_its_stranger():
    """A new scene that has named no woman yet: ``she`` is the heroine whose head the story
    is told from, not the guard of unknown gender the scene opened on."""
    text = ("Wren gripped the rail of the stand with both hands.\n"
            '"I did not start the fire," Wren said. She wondered whether anyone believed her, and she knew the answer.\n'
            '"Take her down," the judge said.\n'
            "***\n"
            "The guard gave them a quarter of an hour and stood at the end of the corridor.\n"
            "Corvin pressed his face to the bars and grinned at her.\n"
            '"You were good up there," Corvin said.\n'
            '"I was terrified," she said.')
    assert speakers(text)[-1] == ("Wren", "pronoun_tag")


def test_a_described_subject_is_not_the_person_its_own_clause_names():
    hiroshi = Character("Hiroshi", (), Gender.MALE)
    text = ('Hiroshi and Kiba stood over the generator.\n'
            '"It won\'t start," Hiroshi said.\n'
            'Kiba sighed and wiped his hands.\n'
            'The old man crossed the shed, moved Kiba aside, and kicked the casing twice.\n'
            '"Now," he said.')
    assert speakers(text, [KIBA, hiroshi])[-1] == ("Hiroshi", "pronoun_tag")


def test_a_described_subject_bound_away_from_the_one_man_in_reach_is_someone_new():
    ryo = Character("Ryo", (), Gender.MALE)
    text = ('"Hold the gate," Ryo said.\n'
            'Kiba held it until the smoke cleared and the bells stopped ringing across the valley below the walls.\n'
            'Hours passed. Kiba counted the carts on the road, the crows on the roof of the granary, the '
            'sacks stacked by the mill, and the clouds that drifted in from the hills beyond the river.\n'
            'Night fell, and the lamps were lit one by one along the wall where Kiba kept his watch alone.\n'
            'The wounded man crawled to the feet of Kiba. "Run," he whispered.')
    assert speakers(text, [KIBA, ryo])[-1][0] not in ("Ryo", "Kiba")


@pytest.mark.parametrize("reply", ['"Not yet," the woman said.', '"Not yet," said the woman.', '"Not yet," the woman answers her.',
                                   'The woman shook her head. "Not yet."', '"Not yet." The woman shook her head.'])
def test_a_description_tagging_the_reply_is_not_the_one_who_just_spoke(reply):
    mara = Character("Mara", (), Gender.FEMALE)
    text = f'Mara and Ino sat by the fire.\n"Put it out," Ino said.\n{reply}'
    assert speakers(text, [INO, mara])[-1][0] == "Mara"


def test_the_man_in_charge_is_the_man_of_the_scene_not_a_newcomer():
    lines = dialogue_lines([
        "Cole ran the dig, and Maya and Ivy carried the buckets.",
        '"Faster," said Cole.',
        '"We are going as fast as we can," Maya said.',
        '"Then go faster," said the man in charge.',
    ])
    assert lines[-1].speaker == "Cole"


def test_the_role_is_the_one_the_narration_gave_the_mark_of_the_role():
    """``Saoirse came in, referee's whistle round her neck``: a later ``the referee`` is Saoirse."""
    speakers = dialogue_speakers([
        "The hall smelled of floor polish. Saoirse came in late, referee's whistle round her neck, and dropped her bag by the bench.",
        "“Sorry. Traffic,” Saoirse said.",
        "“Warm-up's over,” Dara said.",
        "“Then we start,” said the referee.",
    ])
    assert speakers == ["Saoirse", "Dara", "Saoirse"]


def test_binding_a_person_of_the_other_gender_does_not_make_the_description_someone_new():
    text = ('The kitchen smelled of onions. Ino had cooked for both boys since they were small.\n'
            '"Late again," Kiba said. "The bus broke down on the hill road and we waited for an hour in the rain."\n'
            '"Bus broke down," Sam said. "The driver said it was the engine, and nobody came for ages and ages."\n'
            '"Again?" Kiba said. "That is the third time this month, and every time it is the same hill."\n'
            '"Again," Sam said. "Nobody ever fixes anything around here, not the road and not the bus."\n'
            'The woman hugged Kiba. "Sit," she said.')
    assert speakers(text, [INO, KIBA])[-1] == ("Ino", "pronoun_tag")


def test_a_pronoun_opening_a_side_clause_means_the_subject_it_hangs_on():
    """``He went, and Felix waited until the door had closed before he sat down.`` -- the
    ``he`` of ``before he sat`` is Felix, the subject of its own sentence's latest clause,
    not the man who went first (round 34e)."""
    scene = [
        "Hugo and Felix stood in the hall. Felix rubbed his eyes.",
        "“Good night,” Hugo said.",
        "He went, and Felix waited until the door had closed before he sat down. “Finally.”",
    ]
    assert dialogue_speakers(scene)[-1] == "Felix"


_FERRY = [
    "Owen Marlowe leaned on the rail of the ferry, his collar turned up. Beside him, Tess Marlowe was counting gulls under her breath.",
    '"Forty," Tess said. "Forty-one."',
    '"Nobody is keeping score," Owen said.',
    "Priya Shah came up the stairs with three coffees, her scarf over her mouth, and handed them round.",
    '"Careful, they are hot," Priya said.',
    'Owen took one and sipped. "This is burnt," he said.',
    '"You say that every time," his sister said.',
]


def test_his_sister_is_the_one_woman_who_shares_his_surname():
    # the most recent woman (Priya) is not his sister: the family name says who is
    assert "Tess" in dialogue_speakers(_FERRY)[-1]


def test_his_sister_with_two_women_of_his_surname_is_neither():
    scene = [_FERRY[0].replace("under her breath.", "under her breath, and Ruth Marlowe was asleep on her bag."),
             '"Wake me at the harbour," Ruth said.', *_FERRY[1:]]
    assert dialogue_speakers(scene)[-1] not in ("Tess", "Ruth")


def test_he_after_a_scene_break_is_the_man_of_the_new_scene_not_the_last_subject_before_it():
    # Mr. Brask is the subject just before the break; the new scene names only Owen (as an
    # object): its `he` is Owen, not a man of the scene before
    assert speakers(
        '"Sleep," said Mr. Brask. He took his boots off. Mr. Brask pulled his hood down over his eyes.\n'
        "***\n"
        "The inn door was never barred to Owen Tarrow.\n"
        '"Tea," he said.\n'
        "Owen rubbed his eyes."
    ) == [("Mr. Brask", "explicit_tag"), ("Owen", "pronoun_tag")]


def test_a_pronoun_after_a_scene_break_means_the_man_of_the_new_scene_not_a_subject_before_it():
    # Ansel is the last man who did something before the break; the new scene names only
    # Tobias (after "to"), so its "He found" is Tobias, and so are the answer and the beat.
    text = "\n".join([
        'Ottilie Marsh ran the bakery. Tobias Crane kept the ledgers across the road, and he kept them badly.',
        '"Again?" Tobias Crane said.',
        '"He will mend," Ansel said. Ansel wiped his hands on his apron and set his spectacles on the shelf.',
        "***",
        "The bakery never locked its back door to Tobias Crane. He found Ottilie at the ovens, flour to her elbows.",
        '"You look tired," Ottilie said, without looking up.',
        '"Long night."',
        '"Sit, then."',
        'He sat on a sack of meal. "I will."',
    ])
    assert [s for s, _ in speakers(text)][3:] == ["Tobias Crane", "Ottilie", "Tobias Crane"]


@pytest.fixture
def narrator_of_gender(monkeypatch):
    """The first-person narrator made a man or a woman (the engine finds no gender for ``I``
    today; the guard below must hold whatever gender a later round gives them)."""
    from ficaudio.attribute.resolve import Resolver

    def give(gender: Gender) -> None:
        first_person = Resolver.first_person

        def gendered(self):
            person = first_person(self)
            person.gender = gender
            return person
        monkeypatch.setattr(Resolver, "first_person", gendered)
    return give


def test_a_he_or_she_never_means_the_narrator_of_that_gender(narrator_of_gender):
    narrator_of_gender(Gender.FEMALE)
    text = ('Marguerite came in at ten, and I propped the door open for her with my hip.\n'
            '"Thanks," she said.')
    assert speakers(text, [Character("Marguerite", (), Gender.FEMALE)]) == [("Marguerite", "pronoun_tag")]


def test_a_description_never_means_the_narrator_of_its_gender(narrator_of_gender):
    narrator_of_gender(Gender.MALE)
    text = ('Bertrand was already in the dorm when we got back, reading on his bed.\n'
            '"You took your time," Bertrand said.\n'
            'I dropped my bag on the floor and sat down on the end of my bed.\n'
            '"Move your feet," the boy said.')
    assert speakers(text, [])[-1][0] == "Bertrand"


def test_a_phrase_written_before_is_found_where_the_case_blind_pattern_finds_it():
    text = "Oathe boy on the steps waved. The boy on the stepstool. THE BOY\nON  the Steps nodded."
    phrase = ("the", "boy", "on", "the", "steps")
    for t in (text, text.replace("Steps", "ſteps")):  # a letter re matches to s: read by the case-blind pattern itself
        for end in range(len(t) + 1):
            assert phrase_written_before(t, phrase, end) is (_epithet_pattern(phrase).search(t, 0, end) is not None)


def _drawn_breaks(story_, segments) -> list[bool]:
    """Resolver.drawn_break at each scene's first paragraph, read in order."""
    from ficaudio.attribute.document import build_document
    from ficaudio.attribute.resolve import Resolver

    resolver = Resolver(build_document(story_, segments, []))
    seen = []
    for para in resolver.doc.paragraphs:
        resolver.read(para)
        if para.scene_start and para.start:
            seen.append(resolver.drawn_break)
    return seen


def test_a_line_of_symbols_is_a_drawn_break_and_a_run_of_blank_lines_is_not():
    from dataclasses import replace

    text = 'Pell shut the gate.\n***\n"Late again," Vos said.'
    st, segs = story(text)
    assert _drawn_breaks(st, segs) == [True]
    chapter = st.chapters[0]
    gate, stars, talk = chapter.blocks
    blank = replace(stars, start=gate.end, end=gate.end)  # the reader's blank-run break holds no characters
    st = replace(st, text=text.replace("***", "   "), chapters=(replace(chapter, blocks=(gate, blank, talk)),))
    assert _drawn_breaks(st, segs) == [False]


def test_an_age_after_had_just_turned_is_said_of_the_name():
    paragraphs = [
        "Mrs. Odell had just turned eighty and sat nearest the stove.",
        "Tess came in from the yard with Priya.",
        '"Is the kettle on?" Tess asked.',
        '"It is," said Priya.',
        '"Then pour," the old woman said.',
    ]
    assert dialogue_speakers(paragraphs)[-1] == "Mrs. Odell"


def _description_gender_after(paragraphs: list[str], description: str) -> tuple[Gender, list[tuple[str, str | None]]]:
    from ficaudio.attribute.document import build_document
    from ficaudio.attribute.resolve import Resolver

    built, segments = paragraph_story(paragraphs)
    doc = build_document(built, segments, ())
    resolver = Resolver(doc)
    read = []
    for para in doc.paragraphs:
        resolver.read(para)
        read += [(m.text, resolver.read_as(m)) for m in para.mentions]
    return resolver.gender(description), read


def test_a_description_after_a_preposition_takes_no_gender_from_a_pronoun_meaning_the_woman_just_named():
    # the pronoun after "except for the guard lamp" is Mara's: the guard (no one here) is no woman
    gender, read = _description_gender_after([
        "Tom and Mara walked down to the harbour. Mara liked the harbour at night, and Tom liked Mara.",
        "Tom found Mara on the empty quay. The harbour was dark except for the guard lamp, and she was sitting on a crate.",
    ], "the guard")
    assert gender is Gender.UNKNOWN
    assert read[-1] == ("she", "Mara")


def test_a_description_after_a_preposition_takes_the_next_pronouns_gender_when_no_one_of_it_was_named():
    # no woman met before: "She came at noon" is the guard's
    gender, read = _description_gender_after([
        "Tom walked down to the harbour. Tom liked the harbour at night.",
        "Tom waited on the quay for the guard. She came at noon, soaked to the skin.",
    ], "the guard")
    assert gender is Gender.FEMALE
    assert read[-1] == ("She", "the guard")


def test_a_description_that_acts_takes_the_next_pronouns_gender_beside_a_named_woman():
    # the guard is the subject: "she" after it may well be the guard's, so it still learns
    gender, _ = _description_gender_after([
        "Tom and Mara walked down to the harbour. Mara liked the harbour at night, and Tom liked Mara.",
        "Tom found Mara on the empty quay. The guard came out of the hut, and she waved them over.",
    ], "the guard")
    assert gender is Gender.FEMALE


def test_a_description_after_a_preposition_takes_the_gender_of_a_portrait_after_it():
    # "spoke with the guard. She was a broad woman": the portrait is the guard's, though Mara was named
    gender, _ = _description_gender_after([
        "Tom and Mara reached the gate at dusk. Mara had the papers; Tom had the horses.",
        "Tom went ahead and spoke with the guard. She was a broad woman with a scar through one eyebrow, and she did not look impressed.",
    ], "the guard")
    assert gender is Gender.FEMALE

def test_a_description_takes_the_gender_of_a_possessive_after_a_preposition_in_its_own_sentence():
    # "with her head on one side" is the ghost's own head: the ghost is a woman, so the
    # "she observed" of the next paragraph is hers, not Nell's (the woman named before)
    speakers = dialogue_speakers([
        "“Careful on the stairs,” Nell said. She set the candle on the trunk and sat down.",
        "It took ten minutes for Nell to stop calling it a trick of the light. By then the ghost had drifted off the window seat and was standing by the shelf, reading the old spines with her head on one side.",
        "“You have no poetry at all,” she observed, disappointed.",
    ])
    assert speakers == ["Nell", "the ghost"]


def test_a_possessive_that_may_be_someone_elses_gives_a_description_no_gender():
    # "looked at her and" is an object, and a name between ("waved Tom through with his pass")
    # may be the one the possessive means: the guard learns nothing from either
    for sentence in ("Mara reached the gate at dusk. The guard looked at her and nodded.",
                     "Mara reached the gate at dusk. The guard waved Tom through with his pass."):
        gender, _ = _description_gender_after([sentence], "the guard")
        assert gender is Gender.UNKNOWN


@pytest.mark.parametrize("text, gender", [
    ("The nurse put a hand on his shoulder. \"Don't sit up yet.\"", Gender.UNKNOWN),  # the patient's shoulder (round 42K)
    ("The stranger knelt and laid two fingers against her throat. \"She's breathing.\"", Gender.UNKNOWN),
    ("The girl was reading the spines with her head on one side. \"Hello.\"", Gender.FEMALE),  # must-not: her own head
])
def test_a_hand_laid_on_a_body_is_laid_on_someone_elses(text, gender):
    end = text.index(" ", 4)
    assert description_gender(text, end) is gender


# Round 43B: two of one head noun set apart by a contrast

_TWO_BROTHERS_ON_THE_PORCH = [
    "After dinner the two brothers stood on the back porch in the cold.",
    '"You didn\'t have to tell him," said the younger brother.',
    '"He already knew," the older brother said. "He always knows."',
    '"You could have let me tell him myself," the younger brother said.',
]


def test_the_older_brother_is_not_the_younger_brother():
    # "the older brother" after "the younger brother" is the other of the two, not the same voice
    assert dialogue_speakers(_TWO_BROTHERS_ON_THE_PORCH) == ["the younger brother", "the older brother", "the older brother", "the younger brother"]


def test_a_description_without_a_contrast_is_still_the_one_met_before():
    # "the brother" after "the younger brother" carries no contrast of its own: the same man
    scene = [line.replace("the older brother said", "the brother said") for line in _TWO_BROTHERS_ON_THE_PORCH[:3]]
    assert dialogue_speakers(scene) == ["the younger brother", "the younger brother", "the younger brother"]


def test_descriptions_set_apart_by_contrast():
    from ficaudio.attribute.resolve import set_apart_by_contrast

    assert set_apart_by_contrast("the taller man", "the shorter man")
    assert not set_apart_by_contrast("the ANBU captain", "the captain")
    assert not set_apart_by_contrast("the elder sister", "the elder sister")


_BENCH_SEVEN = [
    "Teddy stood at bench seven with his dough going soft. Femi leaned on the corner of it, sleeves pushed to the elbow.",
    "“Let it sit for five minutes,” Femi said.",
    "“I don’t have five minutes,” Teddy said.",
    "It was the first time he had raised his voice all week. They both noticed.",
]


def test_a_description_tagging_the_reply_past_a_paragraph_of_narration_is_not_the_last_speaker():
    # the narration between is about Teddy, the last man named; the tag still answers him
    scene = [*_BENCH_SEVEN, "“You have exactly five minutes,” the taller man said, “because the judges will count.”"]
    assert dialogue_speakers(scene)[-1] == "Femi"


def test_a_description_tag_that_goes_on_past_a_paragraph_of_narration_is_the_last_speaker():
    scene = [*_BENCH_SEVEN, "“And the oven runs hot,” the younger man went on, “so I lose another two.”"]
    assert dialogue_speakers(scene)[-1] == "Teddy"


def test_the_oldest_sister_is_the_eldest_sister_not_a_third():
    # `eldest` and `oldest` are one contrast: of three sisters on the porch, the oldest is the
    # eldest met before, not a voice of her own, and the youngest stays apart
    scene = [
        "The three sisters sat on the porch. The eldest sister was shelling peas.",
        '"Mama wants them by six," the eldest sister said.',
        '"Then Mama can shell them," said the youngest sister.',
        "The oldest sister threw a pea at her.",
        '"Don\'t be lazy," the oldest sister said.',
    ]
    assert dialogue_speakers(scene) == ["the eldest sister", "the youngest sister", "the eldest sister"]


# Round 44A: a relation the work's header pairs -- `her best friend` is the one `Relationship:` writes `A & B` with her

_REUNION = [
    "Relationship: Tess Morgan/Owen Pike, Tess Morgan & Dana Reyes",
    "Characters: Tess Morgan, Owen Pike, Dana Reyes, Kit Lowe",
    "Summary: The ten-year reunion.",
    "Tess stopped at the door of the gym and looked at the balloons with deep suspicion.",
    '"I am not wearing a name tag," Tess said.',
    'A hand landed on her shoulder, and her best friend leaned in. "Oh, you are. We all are."',
    "Dana Reyes pinned the tag on her herself, and Tess let her.",
    '"There," Dana said. "Now you look like a person."',
    "Kit Lowe waved at them from the punch bowl.",
    '"Ladies," said Kit.',
]


def test_her_best_friend_is_the_one_the_header_pairs_with_her_as_friends():
    # `Tess Morgan & Dana Reyes` (AO3's `&`: a friendship); `her` is Tess, so her best friend is Dana
    assert dialogue_speakers(_REUNION)[:2] == ["Tess Morgan", "Dana Reyes"]


def test_her_best_friend_is_nobody_when_the_header_pairs_her_with_two_friends():
    scene = [_REUNION[0].replace("Tess Morgan & Dana Reyes", "Tess Morgan & Dana Reyes, Tess Morgan & Kit Lowe"), *_REUNION[1:]]
    assert dialogue_speakers(scene)[1] == "her best friend"


def test_her_best_friend_is_no_sister_the_header_pairs_her_with():
    # one surname, or a note that says so: kin, whatever the mark
    sisters = [line.replace("Dana Reyes", "Dana Morgan") for line in _REUNION]
    assert dialogue_speakers(sisters)[1] == "her best friend"
    noted = [_REUNION[0].replace("Tess Morgan & Dana Reyes", "Tess Morgan & Dana Reyes (sisters)"), *_REUNION[1:]]
    assert dialogue_speakers(noted)[1] == "her best friend"


def test_her_new_friend_is_no_friend_the_header_pairs():
    scene = [line.replace("her best friend", "her new friend") for line in _REUNION]
    assert dialogue_speakers(scene)[1] == "her new friend"


def test_the_best_friend_of_someone_the_header_pairs_with_nobody_stays_a_description():
    # after Tess's best friend is Dana, `her` is Nora, whom the header pairs with no one: Nora's
    # best friend is nobody the header names, and no voice of Dana's
    scene = [
        *_REUNION[:8],
        "* * *",
        "Across the gym, Nora Lowe stood alone by the punch bowl. Nora had come early and regretted it.",
        '"Nobody is here yet," Nora said to the punch.',
        "She looked at her phone again.",
        'Then her best friend came through the doors with two coats. "Sorry, sorry. Parking."',
    ]
    assert dialogue_speakers(scene)[1] == "Dana Reyes"
    assert dialogue_speakers(scene)[-1] == "her best friend"


_FLAT = [
    "Relationship: Ares/Aphrodite, Hermes & Persephone",
    "Characters: Ares, Aphrodite, Hermes, Persephone",
    "Summary: The boiler is dead.",
    "Ares stood in the doorway of the flat with a towel round his neck and shampoo in his hair.",
    '"Who turned off the hot water?" Ares shouted.',
    "Behind him, in the bathroom, a hairdryer started up.",
    '"Not me!" His girlfriend\'s voice carried easily over the noise. "I only used a little!"',
    "Ares sighed and went back in.",
]


def test_his_girlfriend_is_the_one_the_header_pairs_with_him_as_lovers():
    assert dialogue_speakers(_FLAT)[1:] == ["Aphrodite", "Aphrodite"]


def test_his_girlfriend_is_nobody_for_a_friendship_or_two_pairings():
    friends = [_FLAT[0].replace("Ares/Aphrodite", "Ares & Aphrodite"), *_FLAT[1:]]
    assert dialogue_speakers(friends)[1] == "his girlfriend"
    two = [_FLAT[0].replace("Ares/Aphrodite", "Ares/Aphrodite, Ares/Eris"), *_FLAT[1:]]  # Eris is never met: still a second pairing
    assert dialogue_speakers(two)[1] == "his girlfriend"


def test_a_cook_named_by_apposition_is_no_second_cook():
    # the brief's must-not: a second, unnamed cook keeps a voice of his own
    scene = [
        "Dennis Kowalczyk, the cook, banged a ladle against the stockpot.",
        '"Soup first," the cook said. "Then the weather."',
        "Priya sat down at the long table.",
        "A second cook, a thin man nobody had introduced, came in from the store room with a sack of onions.",
        '"Where do these go?" the new cook asked.',
        '"Anywhere but my bench," said Dennis.',
    ]
    assert dialogue_speakers(scene) == ["Dennis", "Dennis", "the new cook", "Dennis"]


def test_a_woman_who_is_a_stranger_is_not_the_named_ferrywoman():
    scene = [
        "Tam knocked on the door of the hut. Old Hesk, the ferrywoman, opened it and squinted at him.",
        '"Ferry\'s closed," Hesk said.',
        "Further down the bank a woman in a green shawl was mending a net. She did not look up.",
        '"River\'s high," the woman said. "Nobody crosses today."',
        '"We can pay," said Tam.',
    ]
    assert dialogue_speakers(scene) == ["Hesk", "the woman", "the woman", "Tam"]


# ---------------------------------------------------------------- round 44G: invented scenes for 44A's header partner
def test_his_best_friend_is_no_mentor_the_header_pairs_with_him_and_the_story_never_names():
    # AO3's `&` pairs a mentor too: Peter's best friend is no Tony the header alone lists
    scene = [
        "Relationship: Peter Parker & Tony Stark",
        "Characters: Peter Parker, Tony Stark, Ned Leeds",
        "Peter slammed his locker shut and slung his bag over his shoulder.",
        '"You are coming to the lab later, right?" his best friend asked, falling into step beside him.',
        '"Can\'t," Peter said. "Internship."',
        '"The Stark internship," his best friend said. "Right. Of course."',
    ]
    assert dialogue_speakers(scene)[0] == "his best friend"
    assert "Tony Stark" not in speakers_of(scene_attribution(scene))


def test_her_best_friend_said_again_is_the_friend_not_the_one_she_is_friends_with():
    # the scene's second `her best friend` is the first one's Dana, though `her` is read as
    # Dana there by then: not Dana's best friend Tess, talking to herself
    scene = [
        "Relationship: Tess Morgan & Dana Reyes",
        "Characters: Tess Morgan, Dana Reyes",
        "Tess leaned back in her chair. Her best friend had brought a cake, of course, and was cutting it.",
        '"Who wants the first slice?" her best friend asked.',
        '"Me," Tess said.',
        '"Greedy," her best friend said, and handed it over.',
        "Dana Reyes had always been generous.",
    ]
    assert dialogue_speakers(scene) == ["Dana Reyes", "Tess Morgan", "Dana Reyes"]


def test_his_girlfriend_is_no_man_the_header_pairs_him_with():
    # the header's endgame `Harry Potter/Cedric Diggory` is not who Harry dates now
    scene = [
        "Relationship: Harry Potter/Cedric Diggory",
        "Characters: Harry Potter, Cedric Diggory, Cho Chang",
        "Harry stood in the doorway of the flat with a towel round his neck and shampoo in his hair.",
        '"Who turned off the hot water?" Harry shouted.',
        "Behind him, in the bathroom, a hairdryer started up.",
        '"Not me!" His girlfriend\'s voice carried easily over the noise. "I only used a little!"',
        "Harry sighed and went back in. Cedric would have laughed at him.",
    ]
    assert dialogue_speakers(scene)[1:] == ["his girlfriend", "his girlfriend"]


def test_her_best_friend_is_not_the_partner_who_just_spoke():
    # "her" read as Priya (the last woman named) makes Priya's partner Jess the best friend; but
    # Jess spoke the line before: no one answers herself
    scene = [
        "Relationship: Jess Hale & Priya Shah", "Summary: A park.",
        "Jess sat on the bench. Tom was late again. Priya had texted twice.",
        '"He is not coming," Jess said.', '"He never does," her best friend said.',
    ]
    assert dialogue_speakers(scene)[1] != "Jess"
