"""Tests of ficaudio.attribute.rules: src/ficaudio/attribute/rules.py."""

from __future__ import annotations

import pytest

from ficaudio.attribute import attribute
from ficaudio.attribute.mentions import words
from ficaudio.attribute.document import Mention
from ficaudio.attribute.characters import called_before_full_stop
from ficaudio.attribute.rules import _done_before, address_phrases, closing_tag, inner_vocatives, inverted_description, is_address_phrase
from ficaudio.models import Character, Gender

from attribute_scenes import (
    INO, KAKASHI, KIBA, LATE_COUPLE, THREE_AT_TABLE, dialogue_lines, dialogue_rules, dialogue_speakers, paragraph_characters, paragraph_story, scene_attribution, speakers,
    speakers_of, story,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ('Ino walked in.\n"Go," Ino said.', ("Ino", "explicit_tag")),  # tag after
        ('Ino walked in.\n"Go," said Ino.', ("Ino", "explicit_tag")),  # inverted
        ('Ino walked in.\n"Go," said Ino softly.', ("Ino", "explicit_tag")),
        ('Ino walked in.\nIno said, "Go."', ("Ino", "explicit_tag")),  # tag before
        ('Ino walked in.\nIno turned to Kiba and said quietly: "Go."', ("Ino", "explicit_tag")),
        ('Kiba and Ino sat.\n"Go," Ino told Kiba.', ("Ino", "explicit_tag")),  # object is not the speaker
        ('Kiba and Ino sat.\n"Go," said Kiba to Ino.', ("Kiba", "explicit_tag")),
    ],
)
def test_named_tags(text, expected):
    assert speakers(text, [INO, KIBA])[-1] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ('Ino waved at Kiba.\n"Go!" She whispered.', ("Ino", "pronoun_tag")),  # mis-capitalised tag
        ('Ino waved at Kiba.\n"Go," he tells Ino.', ("Kiba", "pronoun_tag")),  # object after the verb
        ('Kiba sat down by Ino.\n"Go," she said.', ("Ino", "pronoun_tag")),  # gender picks the woman
        ('Kiba sat down by Ino.\n"Go," he had said.', ("Kiba", "pronoun_tag")),
    ],
)
def test_pronoun_tags(text, expected):
    assert speakers(text, [INO, KIBA])[-1] == expected


def test_split_quotation_keeps_speaker_on_both_halves():
    assert speakers('Kiba and Ino sat.\n"Go," Ino said, "before it rains."', [INO, KIBA]) == [("Ino", "explicit_tag")] * 2


def test_description_tag_makes_a_character_named_by_it():
    text = 'Ino stood by the window.\n"Halt," the ANBU captain said.\n"Why?" Ino asked.'
    assert speakers(text)[0] == ("the ANBU captain", "description_tag")
    st, segs = story(text)
    assert "the ANBU captain" in [c.name for c in attribute(st, segs).characters]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('Kiba and Ino sat.\nIno frowned at him. "Stop."', ("Ino", "named_action_beat")),
        ('Kiba and Ino sat.\n"Stop." Ino frowned at him.', ("Ino", "named_action_beat")),  # beat after
        ('Kiba and Ino sat.\nHe sighed. "Fine."', ("Kiba", "pronoun_action_beat")),
    ],
)
def test_action_beats(text, expected):
    assert speakers(text, [INO, KIBA])[-1] == expected


def test_two_speakers_in_one_paragraph():
    text = 'Kiba and Ino sat.\n"Stop," Ino said. Kiba laughed. "Make me."'
    assert [s for s, _ in speakers(text, [INO, KIBA])] == ["Ino", "Kiba"]


def test_pronoun_tag_never_means_the_addressee():
    speakers = dialogue_speakers([
        "At noon, Naruto and Kakashi stood by the river. Naruto whistled, and he grinned. Then Kakashi pulled his shirt off, and he stretched.",
        "“Damn, Kakashi,” he drawls.",
    ])
    assert speakers == ["Naruto"]


def test_capitalised_phrase_with_a_contraction_is_no_vocative():
    # "It’s Marcus, isn’t it" names Marcus but does not address him: he may answer
    speakers = dialogue_speakers([*THREE_AT_TABLE, '"It’s Marcus, isn’t it," Nadia says, and Marcus bursts into laughter.', '"It is."'])
    assert speakers[-1] == "Marcus"
    assert not is_address_phrase("It’s Marcus")


def test_bare_honorific_addresses_its_bearer():
    paragraphs = [
        "Jiro-sensei stood by the river with Emi and Kaito. Jiro watched the water.",
        '"We train today," Jiro said.',
        '"Yes," Kaito said.',
        '"Why, sensei?"',
    ]
    assert dialogue_speakers(paragraphs)[-1] != "Jiro"


_SECT_SIBLINGS = [
    "The disciples gathered in the courtyard before dawn. Gu Heng was late again.",
    '"Where were you?" Elder Sun asked.',
    '"Fetching water, Shifu," Gu Heng said.',
    'Yan Mo snorted from the doorway. "He is always fetching water."',
    '"Yan Mo-shixiong, that is unkind," Lin Xue said.',
    '"Lin Xue-shimei, stay out of it."',
    "Bai Qiang strode in with his sword on his back.",
    '"A spar," Bai Qiang said. "Now."',
    '"Shixiong, please do not break the fence again," Lin Xue said.',
    'Bai Qiang looked at her. "I never break anything."',
]


def test_a_bare_sibling_word_calls_no_one_bearer():
    # "Shixiong" is said to any senior disciple: the one "Yan Mo-shixiong" of the scene is not
    # the one it calls, nor is he the Bai Qiang who answers it (two people, not one)
    characters = paragraph_characters(_SECT_SIBLINGS)
    assert "Yan Mo" in characters and "Yan Mo" not in characters["Bai Qiang"].aliases
    assert dialogue_speakers(_SECT_SIBLINGS)[2:5] == ["Yan Mo", "Lin Xue", "Yan Mo"]


def test_coordinated_tag_takes_the_subject_of_its_own_verb():
    scene = [LATE_COUPLE, 'While she is busy with her coat, Tomas opens his mouth and says, "You forgot the keys."']
    assert dialogue_speakers(scene)[-1] == "Tomas"


def test_tag_far_from_its_quotation_after_asides():
    scene = [LATE_COUPLE, 'Then, while she is busy, Tomas opens his mouth and says, casually, smoothly, with an infuriating amount of calm, "Coffee?"']
    line = dialogue_lines(scene)[-1]
    assert (line.speaker, line.rule) == ("Tomas", "explicit_tag")


def test_a_name_spoken_of_in_the_quotation_is_not_its_speaker():
    scene = [
        'Rika waved from the door. "Bye, everyone," Rika said.',
        '"Bye," Tomas said.',
        '"So Rika is leaving us."',
    ]
    assert dialogue_speakers(scene)[-1] != "Rika"


def test_paragraph_ending_on_a_speech_verb_announces_the_next_quotation():
    scene = [
        LATE_COUPLE,
        '"Late? I was early," Mara said.',
        'Tomas leaned across the table. He said:',
        '"Then where were you?"',
    ]
    line = dialogue_lines(scene)[-1]
    assert (line.speaker, line.rule) == ("Tomas", "announced_by_previous_paragraph")


@pytest.mark.parametrize("closing", ["Mara said, with more restraint:", "Mara put down her cup and said sternly:--", "Mara said in a very low voice:"])
def test_a_manner_between_the_speech_verb_and_the_colon_still_announces(closing):
    scene = [LATE_COUPLE, '"Late? I was early," Tomas said.', closing, '"Then where were you?"']
    line = dialogue_lines(scene)[-1]
    assert (line.speaker, line.rule) == ("Mara", "announced_by_previous_paragraph")


def test_an_inverted_closing_tag_announces_its_subject():
    # older prose: "Said she:" ends the paragraph, and her quotation follows
    scene = [
        "Tomas and Mara had not spoken all day.", '"You are late," Tomas said.', '"I was early," Mara said.',
        "Tomas looked at the clock, and then at Mara. She had always loved her little traps. Said she:",
        '"Go to bed."',
    ]
    line = dialogue_lines(scene)[-1]
    assert (line.speaker, line.rule) == ("Mara", "announced_by_previous_paragraph")


def test_said_nothing_announces_nobody():
    scene = [LATE_COUPLE, '"Late? I was early," Mara said.', 'Tomas said nothing.', '"Well?"']
    assert dialogue_lines(scene)[-1].rule != "announced_by_previous_paragraph"


def test_an_infinitive_speech_verb_inside_an_aside_announces_nobody():
    scene = [LATE_COUPLE, '"Look at his sleeve," Mara said.', 'Tomas looked. It was, he had to admit, very blue.', '"Well?"']
    assert dialogue_lines(scene)[-1].rule != "announced_by_previous_paragraph"


def test_an_inverted_tag_makes_an_unlisted_noun_a_speaker():
    lines = dialogue_lines([
        "Lady Merrow sat by the fire, and her maid stood by the door.",
        '"I cannot bear to leave you, madam," sobbed the faithful attendant.',
    ])
    assert lines[0].speaker == "the faithful attendant"
    assert lines[0].rule == "description_tag"


def test_an_inverted_description_ends_at_a_name_in_apposition():
    t = ' said the poet Ren quietly.'
    ws = words(t)
    assert inverted_description(t, ws).text == "the poet Ren"  # no mention known: the phrase
    assert inverted_description(' said the other.', words(' said the other.')) is None
    assert inverted_description(' said the crowd.', words(' said the crowd.')) is None


def test_a_quotation_split_by_its_own_tag_keeps_one_speaker():
    lines = dialogue_lines([
        "Mr. Denham sat by the window. He said nothing.",
        '"The moors are bare," said Mr. Fortescue, and he went on about the moors for some time.',
        '"Oh, Mr. Fortescue," exclaimed Mrs. Hilton, as he finished, "I had just written to say how I envied her!"',
    ])
    assert [l.speaker for l in lines[1:]] == ["Mrs. Hilton", "Mrs. Hilton"]  # "as he finished" is no new tag


def test_a_new_name_tagging_the_second_half_still_wins():
    lines = dialogue_lines([
        "Tom Reed and Ann Bell stood at the gate.",
        '"Come in," said Tom, and Ann answered, "Gladly."',
    ])
    assert [l.speaker for l in lines] == ["Tom", "Ann"]


def test_an_answer_to_who_is_there_names_its_speaker():
    lines = dialogue_lines([
        "Captain Vess and Oren walked down the corridor. Oren had been here before; Chief Brann had built it.",
        "A voice crackles from a speaker above the door.",
        '"Who am I speaking to?" Vess asks.',
        '"Chief Engineer Brann. The only one left."',
    ])
    assert "Brann" in lines[1].speaker
    assert lines[1].rule == "self_named_answer"


def test_a_name_given_to_a_line_broken_off_at_and_you_is_its_speaker():
    # the host hands out places and breaks off at the third guest, who gives her own name
    lines = dialogue_lines([
        "Marisol Quint kept the inn with her son Teo, and Greta and Linnea came in out of the rain.",
        '"Supper is at seven," Marisol said. "Teo will show you up. And you—"',
        '"Linnea."',
        '"Linnea. You take the room over the kitchen."',
    ])
    assert (lines[2].speaker, lines[2].rule) == ("Linnea", "self_named_answer")


def test_a_line_trailing_off_at_me_and_you_asks_for_no_name():
    # Tobin trails off; Mara cuts him short with his name: she says it, not he
    lines = dialogue_lines([
        "Mara and Tobin sat on the harbour wall and watched the ferry go out.",
        '"It was supposed to be you and me," Tobin said. "Just me and you—"',
        '"Tobin."',
        '"No. Let me finish."',
    ])
    assert lines[2].rule != "self_named_answer"
    assert lines[2].speaker in ("Mara", "Unknown")  # Mara, or nobody guessed (turn-taking does not get her yet): never Tobin nor a third


def test_the_one_who_asks_who_it_is_does_not_answer_with_her_own_name():
    # Ada asks who is at the door; the voice outside calls her by name before giving its own
    lines = dialogue_lines([
        "Ada and Bo had not spoken for a year. Ada was alone in the flat when the knocking started.",
        '"Who is it?" Ada called.',
        '"Ada. Open the door, it\'s cold out here."',
    ])
    assert lines[1].speaker != "Ada"


def test_the_one_who_asks_who_it_is_keeps_her_name_across_a_pause():
    # a paragraph of narration between the question and the answer does not forget who asked
    lines = dialogue_lines([
        "Ada and Bo had not spoken for a year. Ada was alone in the flat when the knocking started.",
        '"Who is it?" Ada called.',
        "Nobody answered. The knocking came again, harder.",
        '"Ada. Open the door, it\'s cold out here."',
    ])
    assert lines[1].speaker != "Ada"


def test_a_name_given_after_i_am_and_you_is_its_speaker():
    # Teo gives his name and hands the turn over with a comma; the first girl answers with hers
    lines = dialogue_lines([
        "Teo held the door of the hostel for the new girls, Agatha and Linnea.",
        '"I\'m Teo, and you—"',
        '"Agatha."',
        '"Linnea," the other said.',
    ])
    assert (lines[1].speaker, lines[1].rule) == ("Agatha", "self_named_answer")


def test_a_name_that_answers_identify_yourself_is_not_a_vocative():
    lines = dialogue_lines([
        "Captain Ilse Vess led the way, with Oren and Mika behind her.",
        'A voice crackles from above. "Identify yourselves."',
        'Vess doesn\'t flinch. "Captain Ilse Vess, freighter Heron. We answered your call."',
    ])
    assert "Vess" in lines[1].speaker


def test_a_full_name_and_a_comma_before_i_is_a_call_not_an_introduction():
    lines = dialogue_lines([
        "Jonah Pike and Mara Quill met on the stairs.",
        '"Hello," said Jonah.',
        '"Mara Quill, I presume." Jonah put down the lamp.',
    ])
    assert lines[1].rule != "self_named_answer"


def test_who_are_you_calling_a_coward_does_not_ask_for_a_name():
    lines = dialogue_lines([
        "Tess Marlow and Ivo Brand faced each other across the yard.",
        '"Coward," Ivo said.',
        '"Who are you calling a coward?" Tess asked.',
        '"Tess Marlow. Who else?"',
    ])
    assert lines[2].rule != "self_named_answer"


def test_a_name_opening_an_ordinary_reply_is_still_a_vocative():
    lines = dialogue_lines([
        "Captain Ilse Vess led the way, with Oren behind her.",
        '"Where are we going?" Oren asks.',
        'Vess doesn\'t turn. "Oren, keep up."',
    ])
    assert lines[1].speaker != "Oren"


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
    speakers = speakers_of(scene_attribution(_AMBUSH))
    holt = speakers[0]
    assert holt != "Kestrel" and speakers[1] == speakers[3] == "Kestrel"
    assert speakers[4] == speakers[5] == holt


_ROLL_CALL = [
    "Dani, Marcus and Bex spread out across the quarry while Hale watched from the rim.",
    '"Ready," Dani said.',
    '"Check in," Hale said.',
    '"Marcus?"',
    '"Marcus, north wall. Lots of iron in this rock."',
    '"Bex?"',
    '"Bex, east side, bored."',
    "The ground moved, and then it was still.",
    '"Everybody sound off," Hale said.',
    '"Marcus. Alive. Singed."',
    '"Dani. Fine."',
]


def test_an_answer_opening_on_the_name_just_called_is_its_bearer_reporting_in():
    lines = dialogue_lines(_ROLL_CALL)
    assert [(l.speaker, l.rule) for l in lines[3:4] + lines[5:6] + lines[7:9]] == [
        ("Marcus", "roll_call_answer"), ("Bex", "roll_call_answer"), ("Marcus", "roll_call_answer"), ("Dani", "roll_call_answer")]


def test_two_calls_opening_on_names_with_commas_are_no_roll_call():
    greetings = _ROLL_CALL[:2] + ["Bex and Marcus met at the gate.", '"Bex, old thing!"', '"Marcus, old bean!"']
    assert all(l.rule != "roll_call_answer" for l in dialogue_lines(greetings))


def test_a_name_given_as_an_answer_calls_nobody():
    # "Bingley." answers the question; Bingley is spoken of, not called, and does not reply
    scene = [
        "Everyone said that Bingley had taken the house. Mrs. Bennet sat by the fire with Mr. Bennet.",
        '"Netherfield is let at last," said Mrs. Bennet.',
        '"What is his name?" asked Mr. Bennet.',
        '"Bingley."',
        '"Is he married or single?"',
    ]
    assert dialogue_speakers(scene)[-1] == "Mr. Bennet"


def test_the_subject_nearest_a_closing_speech_verb_announces_the_next_line():
    t = "He watched her silently, till, waking from her daydream, she abruptly asked:"
    mentions = [Mention(0, 2, "pronoun", "He", subject=True), Mention(57, 60, "pronoun", "she", subject=True)]
    assert closing_tag(t, (0, len(t)), words(t), mentions).text == "she"


def test_a_realised_before_clause_hands_the_beat_to_its_subject():
    # "She gets as far as X before Bash holds up a hand." -> Bash asks; "before he can stop her" stays hers
    bash = Character("Bash", (), Gender.MALE)
    text = ('Leah sat with Bash at the table.\n'
            'She gets as far as the strong base before Bash holds up a hand. "Question."\n'
            'She takes the mug before he can stop her. "Mine."')
    assert speakers(text, [INO, bash, Character("Leah", (), Gender.FEMALE)]) == [("Bash", "named_action_beat"), ("Leah", "pronoun_action_beat")]


def test_a_pronoun_beat_means_one_man_for_both_quotations_around_it():
    # the "He" found to be the answer's speaker is the one who goes on after it
    bash, caleb = Character("Bash", (), Gender.MALE), Character("Caleb", (), Gender.MALE)
    text = ('Bash sat down across from Caleb.\n'
            '"She got an A?" Caleb puts his pen down. "Nobody gets an A."\n'
            '"Nadia does." He swipes to answer the phone. "Hey, you are on speaker."')
    assert [s for s, _ in speakers(text, [bash, caleb])][-2:] == ["Bash", "Bash"]


@pytest.mark.parametrize(
    "tagged, voice",
    [
        ('"Won\'t you tell?" somebody else inquired.', "somebody else"),
        ('"And serve him right, too," said one of the colts.', "one of the colts"),
        ('"People say," said another, "that it is so."', "another"),
        ('"Not me," another said quietly.', "another"),
        ('"Not me!" cried another female.', "another female"),
    ],
)
def test_a_voice_the_tag_does_not_identify_is_someone_new(tagged, voice):
    scene = ['Kiba and Ino sat by the fire.', '"It is late," Ino said.', '"Then go home," Kiba said.', tagged]
    assert dialogue_speakers(scene)[2] == voice


@pytest.mark.parametrize(
    "tagged, group",
    [
        ('"Psychic," the girls whispered.', "the girls"),
        ('All the ladies said "Poor child!" at once.', "the ladies"),
        ('"Never!" cried the others.', "the others"),
    ],
)
def test_a_quotation_a_group_says_is_the_groups(tagged, group):
    scene = ['Kiba and Ino sat by the fire.', '"It is late," Ino said.', '"Then go home," Kiba said.', tagged]
    assert dialogue_speakers(scene)[2] == group


def test_a_family_named_in_the_plural_is_no_group_of_people_but_a_class_is():
    scene = ['Kiba and Ino sat by the fire.', '"It is late," Ino said.', '"Then go home," Kiba said.', '"We brought pie," the Porters said.']
    assert dialogue_rules(scene)[2] != "group_tag"
    scene[-1] = '"Good morning, Mr. Abbott," said the class.'
    assert dialogue_rules(scene)[2] == "group_tag"


def test_a_thing_a_named_voice_came_from_speaks_for_that_person():
    scene = [
        "Idris sat in the pilot’s chair. Wick sat on the floor beside it, and Tuesday ran the ship.",
        "“I am right here,” said Tuesday, very softly, from the console.",
        "“Go to bed, Wick,” Idris said.",
        "“It’s Tuesday’s ship,” said Wick.",
        "“Thank you,” said the console.",
    ]
    assert dialogue_speakers(scene)[-1] == "Tuesday"


def test_the_person_a_beat_hears_speaks_not_the_one_who_hears():
    scene = [
        "Marisol waited upstairs while her friends rang the bell.",
        "“They’re here,” Marisol said to the cat.",
        "Her mother opened the door. I hear her before I see her. “Marisol! Your friends are here.”",
    ]
    assert dialogue_speakers(scene)[-1] == "her mother"


def test_a_hearer_after_the_quotation_is_not_its_speaker():
    scene = [
        "Oren dozed on the couch while the rain came down.",
        "“Dinner’s ready, and it won’t keep,” Oren heard his grandmother call from the kitchen.",
    ]
    assert dialogue_speakers(scene) == ["his grandmother"]


def test_a_hearer_in_a_tag_before_the_quotation_is_not_its_speaker():
    scene = [
        "I pushed through the market with my basket held high.",
        "Then I heard somebody near the fountain shout, “Thief! Stop him!”",
    ]
    assert dialogue_speakers(scene) != ["I"]


def test_a_tag_ending_a_list_of_verb_phrases_takes_their_subject():
    """``the old man had walked down the row, stopped in front of him, and said,`` (round
    34e): the commas part one subject's verbs, so the tag is his, not the ``he`` before."""
    scene = [
        "Hugo remembered. He had been twelve, trying not to look at the one boy he had hoped never to meet again, and the old man had walked down the row, stopped in front of him, and said, “Wait for it.”",
    ]
    assert dialogue_speakers(scene) == ["the man"] and dialogue_rules(scene) == ["description_tag"]


def test_the_one_heard_speaks_after_a_perfect_or_an_adverb():
    """``he's never heard her fake that`` (round 34e): the hearer is no speaker, whatever the tense."""
    scene = [
        "Wim and Odile waited on the quay while Lars minded the van.",
        "“It’s here,” Odile says softly, and Lars has heard her lie about many things, but he’s never heard her say that. “It’s really here.”",
    ]
    assert dialogue_speakers(scene) == ["Odile", "Odile"]


def test_a_pronoun_opening_the_reply_to_a_called_name_is_the_one_called():
    """A turn that calls someone by name is answered by that person: a ``she`` opening the
    next paragraph is her, not the last woman the narration named (round 34e)."""
    scene = [
        "Greta and Ilse stood at the rail. Marta came up the ladder with the charts.",
        "“We lost the wind an hour ago,” Marta said.",
        "“Before you start, Greta—” Ilse said.",
        "She did not turn from the rail. “You said noon.”",
    ]
    assert dialogue_speakers(scene)[-1] == "Greta"


@pytest.mark.parametrize(
    "scene, called",
    [
        ([  # a tag right after the opening quotation: the one asked, not the last man the narration made a subject
            "Bram and Tobias hauled the nets in while Hester watched from the wheelhouse. Tobias coiled the last of the rope and sat down on it.",
            "“Where did you stow the gutting knife, Bram?” Hester asked.",
            "“In the starboard locker,” he said. “Under the flares.”",
        ], "Bram"),
        ([  # a beat right after it
            "Orla and Wynne sat at the kitchen table. Wynne was peeling an apple in one long strip, and Corin leaned in the doorway.",
            "“You knew about the letter, Orla,” Corin said.",
            "“I knew it was coming.” She set her cup down. “Not what it said.”",
        ], "Orla"),
        ([  # one whose gender the text never gave
            "The cook and Pim were scrubbing the galley when Oswin came down the ladder. Oswin ducked under the lamp and looked around.",
            "“Where's your brother, Pim?”",
            "“Gone to sea,” he said. “Two winters back.”",
        ], "Pim"),
    ],
)
def test_a_pronoun_right_after_the_reply_to_a_called_name_is_the_one_called(scene, called):
    """``"Where's your aunt, Wick?"`` / ``"Dead, Captain," he said.``: the tag or beat of the
    quotation that opens the next paragraph means the person the turn called (round 37b)."""
    assert dialogue_speakers(scene)[1] == called


def test_a_name_met_only_in_the_call_is_not_who_the_next_pronoun_means():
    """A name the narration never gave (``Nell``) may be another name of someone present: the
    ``she`` of the reply is not a new person by that name (round 37b)."""
    scene = [
        "Nonna sat by the stove, shelling peas into her apron. Rosa came in with the bread.",
        "“Thank you for the loaf, Nell,” Rosa said.",
        "“Nell.” She laughed. “Nobody has called me that in years.”",
    ]
    assert "Nell" not in dialogue_speakers(scene)


_BANK = "Kakashi sat on the bank of the river. Kiba pulled his shirt off and waded in."


def test_a_name_set_off_by_commas_inside_a_sentence_is_addressed():
    # "he" is never the man the quotation calls, even in mid-sentence
    said = speakers(_BANK + '\n"Come in with me, Kiba, for the water is warm," he says.', [KIBA, KAKASHI])
    assert said == [("Kakashi", "pronoun_tag")]


def test_a_name_in_a_list_or_after_a_person_noun_is_not_addressed():
    assert inner_vocatives("“Ask them, Tom, Dick, and Harry.”") == []
    assert inner_vocatives("“I saw my brother, Edmund, at the ball.”") == []


def test_a_name_and_a_full_stop_before_words_to_someone_is_a_call():
    said = speakers(_BANK + '\n"Kiba. Tell me the water is not warm," he says.', [KIBA, KAKASHI])
    assert said == [("Kakashi", "pronoun_tag")]


@pytest.mark.parametrize(
    "quote",
    [
        "“Jonah. We met at the graduation.”",  # a self-introduction
        "“Marrow. Brynn Marrow. You know me.”",  # the name said again in full
        "“Aya. She likes you.”",  # the next sentence is about the one named
        "“Static. Alive. Singed.”",  # a report
    ],
)
def test_a_name_and_a_full_stop_that_calls_nobody(quote):
    assert called_before_full_stop(quote) == []


def test_he_added_is_the_man_who_spoke_last():
    text = 'Kiba and Ryo sat by the fire.\n"What folly!" exclaimed Kiba. Ryo laughed at him.\n"You are soaked," he added.'
    ryo = Character("Ryo", (), Gender.MALE)
    assert speakers(text, [KIBA, ryo])[-1] == ("Kiba", "pronoun_tag")


def test_a_pronoun_tag_that_goes_on_is_the_last_speaker():
    # "he added" after another man acted in the paragraph: the one who spoke goes on
    scene = ["David and Tom sat at the bar.", '"It will rain all night," said David. Tom stood up and went to the window. "Bring the wood in," he added.']
    assert dialogue_speakers(scene) == ["David", "David"]


def test_a_pronoun_tag_that_goes_on_after_a_narration_paragraph_is_read_as_any_pronoun():
    scene = [
        "David and Tom sat at the bar.",
        '"It will rain all night," said David.',
        "Tom stood up and went to the window. He looked out for a long while.",
        '"Bring the wood in," he added.',
    ]
    assert dialogue_speakers(scene)[-1] == "Tom"


def test_a_pronoun_tag_that_replies_is_the_one_the_last_turn_called():
    scene = [
        "David, Tom and Harry sat at the bar.",
        '"Harry is tired," said Tom.',
        '"You should go home, Harry," said David, and Tom laughed at him.',
        '"Why should I?" replied he.',
    ]
    assert dialogue_speakers(scene)[-1] == "Harry"


def test_a_name_that_only_might_answer_does_not_tag_the_second_half():
    paragraphs = [
        "Harriet came up the path, and Anne met her at the foot of the tower.",
        '"You came," said Anne, and then, before Harriet could answer, "Show her the lamp, Tobias."',
    ]
    assert dialogue_speakers(paragraphs) == ["Anne", "Anne"]


def test_a_beats_side_clause_subject_does_not_take_the_line_from_the_main_subject():
    # "like she", "so long that I": the side clause's subject is talked about; the main subject speaks
    speakers = dialogue_speakers([
        'Tomas leaned on the rail of the depot roof, watching the night trains go by.',
        '"You took your time," Tomas said.',
        '"I only came up because you did," Nadia said.',
        'He grinned at that, like she had handed him a prize. "Best thing you have said all week."',
    ])
    assert speakers[-1] == "Tomas"
    first_person = dialogue_speakers([
        'I was halfway through the invoices when Mrs. Amsel came in with the parcel.',
        '"It came for you this morning," Mrs. Amsel said, and set it on my desk.',
        'She waited so long that I could hear the clock tick. "Are you going to open it?"',
    ])
    assert first_person[-1] == "Mrs. Amsel"


def test_a_pronoun_tag_right_after_a_turn_that_acted_on_one_person_of_its_gender_is_that_person():
    # Greta throws at Oskar and speaks; "he muttered" is the one she hit, not Bram, the last man a subject
    speakers = dialogue_speakers([
        'Bram and Oskar were stacking wood behind the barn while Greta watched from the fence.',
        '"You missed a log," Bram said, and wiped his forehead.',
        '"I did not," Oskar said.',
        'Bram kicked the log onto the pile himself.',
        'Greta threw a pinecone at Oskar. "Slowpoke!"',
        '"Traitor," he muttered.',
    ])
    assert speakers[-1] == "Oskar"


def test_a_name_closing_a_quotation_as_its_own_sentence_calls_the_one_who_answers():
    scene = [
        "Coach Brannigan paced in front of the bench. Tomas and Wendell sat side by side.",
        '"Are we starting?" Tomas asked.',
        '"We are," Brannigan said. "Listen up, because you each get one shot at this. Wendell."',
        '"Yes, Coach?"',
    ]
    assert dialogue_speakers(scene)[-1] == "Wendell"


def test_a_name_closing_a_quotation_that_speaks_to_no_one_calls_nobody():
    from ficaudio.attribute.rules import called_after_full_stop
    assert called_after_full_stop('"The one who broke it was my cousin. Wendell."') == []
    assert called_after_full_stop('"You get one shot. Wendell."') == ["Wendell"]


def test_a_name_opening_a_later_sentence_before_a_comma_calls_the_one_who_answers():
    scene = [
        "Coach Brannigan paced in front of the bench. Tomas and Wendell sat side by side.",
        '"Are we starting?" Tomas asked.',
        '"We are," Brannigan said. "Eyes on the board. Wendell, tell me the first play."',
        '"Cut left, then screen."',
    ]
    assert dialogue_speakers(scene)[-1] == "Wendell"


def test_a_greeting_then_a_name_calls_that_person():
    from ficaudio.attribute.rules import called_after_full_stop
    assert called_after_full_stop('"Hey. Wendell."') == ["Wendell"]


def test_a_name_turned_to_late_in_a_quotation_is_not_the_one_it_answers():
    scene = [
        "Coach Brannigan paced in front of the bench. Tomas and Wendell sat side by side.",
        '"Are we starting?" Tomas asked.',
        '"We are," Brannigan said.',
        '"Can I go first?"',
        '"No. Wait your turn. Wendell, tell me the first play."',
    ]
    assert dialogue_speakers(scene)[2] == "Tomas"


def test_names_listed_at_a_sentence_start_call_nobody():
    scene = [
        "Coach Brannigan paced in front of the bench. Tomas and Wendell sat side by side.",
        '"Are we starting?" Tomas asked.',
        '"We went early," Brannigan said. "Tomas, Wendell and I took the bus."',
        '"Why?"',
    ]
    assert dialogue_speakers(scene)[-1] == "Tomas"


def test_a_line_said_to_you_is_never_the_readers():
    paragraphs = [
        "You shoulder the greenhouse door open. Ines is up a ladder, pruning.",
        '"You\'re early," Ines calls down.',
        '"The bus was empty," you say, and you set the crate down.',
        'You follow Ines to the back, where a tall man is watering the ferns.',
        '"Tomas, this is the new volunteer," Ines says.',
        '"Welcome," he tells you.',
    ]
    assert dialogue_speakers(paragraphs)[:2] == ["Ines", "You"]
    assert dialogue_speakers(paragraphs)[-1] != "You"


def test_the_readers_placeholder_called_addresses_the_reader():
    paragraphs = [
        "Dario and Noor are arguing about the map when you catch up. Dario jabs a finger at the river.",
        '"It\'s north."',
        '"It is obviously south."',
        'Noor turns to you. "Y/N, which way is north?"',
        '"Don\'t drag me into this."',
    ]
    assert dialogue_speakers(paragraphs)[-2:] == ["Noor", "Y/N"]
    assert dialogue_rules(paragraphs)[-1] == "vocative_addressee_replies"


def test_a_line_that_speaks_of_the_readers_placeholder_is_not_the_readers():
    paragraphs = [
        "You wait by the fountain. Dario jogs up, out of breath, and Dario waves.",
        '"Where\'s Noor?" you ask.',
        '"Coming," Dario says.',
        '"Noor! Over here! Y/N has been waiting for ages!"',
    ]
    assert dialogue_speakers(paragraphs) == ["Y/N", "Dario", "Dario"]


def test_a_subject_after_than_is_no_speaker_of_the_beat():
    paragraphs = [
        "You and Dario sit on the wall. Dario kicks his heels against the stone.",
        '"Noor said no."',
        'His voice is lower than you have ever heard it. "She said no."',
    ]
    assert dialogue_speakers(paragraphs)[-1] == "Dario"


@pytest.mark.parametrize("tag", ["thought he", "he thought", "said he mentally", "he muttered to himself"])
def test_a_thought_is_no_turn_so_the_thinker_answers_aloud_next(tag):
    """``"..." said Dunstan.`` / ``Rafe eyed the planks. "A fool's hope," thought he.`` /
    ``"Then you cross first," he said.``: the thought was heard by no one, so Dunstan is
    still the last to have spoken and the ``he`` answering him is Rafe, not the other man."""
    paragraphs = [
        "Dunstan and Rafe reached the rope bridge at dusk. Dunstan went first. He tested the first plank with his boot.",
        "\u201cIt will hold,\u201d said Dunstan.",
        f"Rafe eyed the rotten planks. He had crossed worse. \u201cA fool\u2019s hope,\u201d {tag}.",
        "\u201cThen you cross first,\u201d he said.",
    ]
    assert dialogue_speakers(paragraphs) == ["Dunstan", "Rafe", "Rafe"]


def test_a_thought_tag_before_the_quotation_also_makes_no_turn():
    """``Rafe eyed the planks, and said he mentally: "A fool's hope."``: a thought tag before
    the quotation makes it a thought too, and Rafe's ``he said`` next answers Dunstan."""
    paragraphs = [
        "Dunstan and Rafe reached the rope bridge at dusk. Dunstan went first. He tested the first plank with his boot.",
        "\u201cIt will hold,\u201d said Dunstan.",
        "Rafe eyed the rotten planks. He had crossed worse. and said he mentally: \u201cA fool\u2019s hope.\u201d",
        "\u201cThen you cross first,\u201d he said.",
    ]
    assert dialogue_speakers(paragraphs) == ["Dunstan", "Rafe", "Rafe"]


def test_a_name_said_back_is_the_one_it_called_not_a_call():
    """``"Thank you, Gran. I mean, Madame..."`` / ``"Gran." Her mouth twitched.``: the bare
    name repeats what the last quotation called Odile; it calls nobody, so it does not rule
    Odile out: ``Her`` is Odile weighing the word, not Mira."""
    paragraphs = [
        "Odile sat at the head of the table with her hands folded. Mira set the teapot down in front of her and stood back.",
        "\u201cYou made it the old way,\u201d Odile said. \u201cWith the bay leaf.\u201d",
        "\u201cThank you, Gran. I mean, Madame, I...\u201d",
        "\u201cGran.\u201d Her mouth twitched. \u201cLike a farmer\u2019s wife. No. Keep it.\u201d",
    ]
    known = [Character("Odile", ("Gran",), Gender.FEMALE), Character("Mira", (), Gender.FEMALE)]
    st, segs = paragraph_story(paragraphs)
    assert speakers_of(attribute(st, segs, known=known)) == ["Odile", "Odile", "Mira", "Odile", "Odile"]


def test_the_reader_introducing_themself_speaks_the_line():
    paragraphs = [
        "You hover at the edge of the kitchen. A tall man is refilling the ice bucket, and he grins at you.",
        '"I don\'t think we\'ve met. I\'m Theo."',
        '"Nice to meet you, Theo. I\'m Y/N."',
    ]
    assert dialogue_speakers(paragraphs)[-1] == "Y/N"


def test_a_question_of_who_does_something_is_no_request_for_a_name():
    scene = [
        "Vess and Corin climbed toward the ridge. Dalia had gone ahead, and Dalia had the map.",
        "“Who is carrying the rope?” Vess asked.",
        "“Dalia, I think.”",
    ]
    assert dialogue_speakers(scene)[-1] != "Dalia"


def test_a_name_opening_a_self_presentation_does_not_keep_its_bearer_from_speaking():
    scene = [
        "“Hello?” Ivo calls, pushing open the bakery door. Kesh and Marta look up from the till.",
        "“We're closed,” Kesh says.",
        "“Not to him,” Marta says.",
        "Ivo holds out a hand like he's at a job interview. “Ivo. New baker. I start today.”",
    ]
    assert dialogue_speakers(scene)[-1] == "Ivo"


def test_a_titled_name_called_between_two_sentences_is_the_one_who_answers():
    # three in the room; the visitor speaks to Mr. Vance in the middle of her line, and he answers
    paragraphs = [
        "Mr. Vance sat at his desk. Tilda stood by the window, and Mrs. Oduya waited by the door.",
        '"Is the shop still open?" Mrs. Oduya asked.',
        '"Until six," Tilda said.',
        '"The roof leaks again, Mr. Vance. It dripped on the flour all night."',
        '"Then I will fetch a ladder."',
    ]
    assert dialogue_speakers(paragraphs)[-1] == "Mr. Vance"


def test_a_subject_inside_a_which_clause_does_not_take_the_beat():
    # "as far as I could tell" sits in a which-clause: Corrigan's beat, his line
    paragraphs = [
        "Corrigan knocked once and came in. I was at the desk.",
        '"Working late?" Corrigan asked.',
        '"Always," I said.',
        'Corrigan took the spare chair, which was still damp from the umbrella as far as I could tell,'
        ' and set his hat on his knee. "Your name was in a dead man\'s diary."',
    ]
    assert dialogue_speakers(paragraphs)[-1] == "Corrigan"


def test_a_narrator_who_only_notices_someone_act_does_not_take_their_line():
    paragraphs = [
        "Corrigan sat by the fire. I was at the window.",
        '"Any news?" Corrigan asked.',
        '"None," I said.',
        "Corrigan turned a brass key over in his fingers. I had not noticed him take it from the desk."
        ' "Then we make some."',
    ]
    assert dialogue_speakers(paragraphs)[-1] == "Corrigan"


def test_a_full_name_and_whom_it_works_for_introduces_the_speaker():
    speakers = dialogue_speakers([
        "The press room was half empty. Bruno sat behind the microphones, and Greta Holm from the local paper had the front row.",
        "“Questions,” said the moderator.",
        "“Hello! Greta Holm, Valley Courier. Bruno, was the crash your fault?”",
        "“No,” Bruno said.",
    ])
    assert speakers[1] == "Greta Holm"


def test_a_name_called_after_an_abbreviated_rank_is_the_one_addressed():
    lines = dialogue_lines([
        "Hale and Voss stood on the bridge. Ro waited by the hatch.",
        '"All hands are aboard, Capt. Hale. Shall we cast off?" said Ro.',
        '"Cast off."',
    ])
    assert "Hale" in lines[1].speaker
    assert lines[1].rule == "vocative_addressee_replies"


def test_a_name_turned_to_before_i_is_answered_by_its_bearer():
    scene = [
        "Coach Brannigan paced in front of the bench. Tomas and Wendell sat side by side.",
        '"Are we starting?" Tomas asked.',
        '"We are," Brannigan said.',
        '"Now?"',
        '"In a minute. Wendell, I want you on the left."',
        '"The left is where I always play."',
    ]
    assert dialogue_speakers(scene)[-1] == "Wendell"


def test_a_name_set_off_inside_a_sentence_before_i_is_a_call():
    scene = [
        "Coach Brannigan paced in front of the bench. Tomas and Wendell sat side by side.",
        '"Are we starting?" Tomas asked.',
        '"We are," Brannigan said.',
        '"Now?"',
        '"Not yet, Wendell, I said the left side first."',
        '"The left is where I always play."',
    ]
    assert dialogue_speakers(scene)[-1] == "Wendell"


def test_an_object_before_a_list_of_verb_phrases_does_not_take_the_tag():
    """``Mara handed the cup to Tom, stood up, and said,``: the list is Mara's; Tom, the object
    before its first comma, opens no verb phrase of his own."""
    scene = [
        "Mara and Tom sat in the kitchen.",
        '"It\'s late," Tom said.',
        'Then Mara handed the cup to Tom, stood up, and said, "We should go."',
    ]
    assert dialogue_speakers(scene)[-1] == "Mara"


def test_a_name_before_a_parenthetical_i_think_is_its_sentences_subject_not_a_call():
    """``"Wendell, I think, is late again."``: Wendell is spoken of, so he is not the one who answers."""
    scene = [
        "Tomas and Ines waited at the bus stop. Wendell was nowhere to be seen.",
        '"Where is everyone?" Tomas asked.',
        '"In a minute. Wendell, I think, is late again," Ines said.',
        '"He always is."',
    ]
    assert dialogue_speakers(scene)[-1] == "Tomas"
    assert inner_vocatives('"You know what, Wendell, I believe, wants the left."') == []


def test_a_titled_name_asked_about_is_not_called():
    scene = [
        "Mr. Pike owned the shop. Nell and Tom sat in the back office.",
        '"Where were you?" Tom asked.',
        '"Out," Nell said. "Did you tell Mr. Pike?"',
        '"I told nobody."',
    ]
    assert dialogue_speakers(scene)[-1] == "Tom"


def test_a_name_called_in_words_someone_repeats_calls_nobody_now():
    scene = [
        "Mara and Tom sat by the fire.",
        '"You\'re back," Mara said.',
        '"What did the old man say?" Tom asked.',
        '"He said, ‘Go home, Mara.’ So I came home."',
        '"And that was all?"',
    ]
    assert dialogue_speakers(scene) == ["Mara", "Tom", "Mara", "Tom"]


@pytest.mark.parametrize("quote", [
    "“‘Ow are you, Bryn? I’ve been waitin’ an hour.”",
    '"\'Tis you, Bryn, come in, I was expectin\' you."',
    "“‘Course, Bryn, I’m comin’.”",  # the clipped word opening the quotation is no name called
    "“‘Ello, Bryn, an’ where’ve you been?”",
    "“‘Ello, Bryn, I brought you a pie o’ course.”",
    "“‘Course, Bryn, th’ gate’s open.”",
    "“I told ‘em, Bryn, I’m not stayin’.”",  # a speech verb before ‘em: still no quotation
    "“‘Ello, Bryn, the twins’ pony is loose.”",
])
def test_a_dialect_elision_is_no_quotation_inside_the_quotation(quote):
    # a dropped letter ('Tis, ‘Course, an’, th’, ‘em) and a dropped g (waitin’) are apostrophes, not quote marks: the call stands
    assert "Bryn" in address_phrases(quote)


def test_one_who_is_called_past_a_dropped_letter_answers():
    scene = [
        "Bryn and Tollan leaned on the gate. Old Maddock came up the lane with a sack.",
        "“Afternoon, Maddock,” Tollan said.",
        "“‘Ello, Bryn, an’ where’ve you been all day?” Maddock said.",
        "“At the mill.”",
    ]
    assert dialogue_speakers(scene)[-1] == "Bryn"


def test_a_name_quoted_as_a_word_is_still_words_repeated():
    # ``Don’t ‘Tollan’ me``: a one-word stretch is the name repeated back, not a dialect's dropped
    # letters, though nothing introduces it -- so it does not name its own speaker out of the turn
    scene = [
        "Bryn and Tollan stood on the wall in the rain.",
        "“Tollan, you fool, you could have died,” Bryn said.",
        "“Don’t. Don’t ‘Tollan’ me. You stood in front of the arrow.”",
        "“It was aimed at you.”",
    ]
    assert dialogue_speakers(scene) == ["Bryn", "Tollan", "Bryn"]


def test_the_one_called_in_dialect_answers():
    scene = [
        "Bryn and Tollan leaned on the gate. Old Maddock came up the lane with a sack.",
        "“Afternoon, Maddock,” Tollan said.",
        "“‘Ow do, Bryn, I’ve been lookin’ for you all day,” Maddock said.",
        "“Sorry. I was at the mill.”",
    ]
    assert dialogue_speakers(scene)[-1] == "Bryn"


def test_a_name_asked_back_in_surprise_is_not_a_call():
    scene = [
        "Tom and Mara sat at the table. Hale was out on the boat.",
        '"The boat is Hale\'s now," Tom said.',
        '"Hale? Since when?" Mara asked.',
        '"Since Monday."',
    ]
    assert dialogue_speakers(scene)[-1] == "Tom"



@pytest.mark.parametrize("echo", ["Are you sure?", "You believe that?", "Did you hear that?"])
def test_a_name_asked_back_then_a_you_speaks_to_the_one_who_named_it(echo):
    scene = [
        "Pim and Suri stood by the gate. Brack was out in the far field.",
        '"The dog is Brack\'s now," Pim said.',
        f'"Brack? {echo}" Suri asked.',
        '"Since the spring."',
    ]
    assert dialogue_speakers(scene)[-1] == "Pim"

def test_a_name_just_spoken_of_then_called_is_a_call():
    # "Orla? You up?" speaks to Orla (you): no echo of the question before, so Orla answers
    scene = [
        "Fenn, Jory and Orla had come back from the fair after midnight. Orla went up first.",
        '"Is Orla asleep?" Fenn asked.',
        '"Orla? You up?" Jory called.',
        '"Go away."',
    ]
    assert dialogue_speakers(scene)[-1] == "Orla"


def test_a_name_asked_back_and_then_called_is_still_a_call():
    scene = [
        "Fenn, Jory and Orla had come back from the fair after midnight. Orla went up first.",
        '"Is Orla asleep?" Fenn asked.',
        '"Orla? Come down here, Orla." Jory called up the stairs.',
        '"Go away."',
    ]
    assert dialogue_speakers(scene)[-1] == "Orla"


@pytest.mark.parametrize("quote, called", [
    ('"Cheers, Prof. Same time Thursday."', "Prof"),
    ('"On it, Sgt. Two minutes."', "Sgt"),
    ('"Not now, Rev. Ask me later."', "Rev"),
    ('"Good one, Rev. Really."', "Rev"),  # a word after the rank that is no name: a sentence of its own
    ('"Thanks, Prof. Bye."', "Prof"),
    ('"Thanks, Capt. Rhys."', None),  # a name after the rank: Capt. Rhys is called, not a bare Capt
    ('"The man, Capt. Rhys, said so."', None),  # a rank written short before a name calls no one
    ('"Did you tell Mrs. Pell? Good."', None),  # Mrs is never said alone: its stop goes on to the name
    ('"The cook, Mrs. Pell, said so."', None),
])
def test_a_short_rank_said_alone_is_a_call_but_mr_or_mrs_is_not(quote, called):
    phrases = address_phrases(quote)
    assert (called in phrases) if called else not any(p.rstrip(".") in ("Mrs", "Mr", "Capt") for p in phrases)
    assert not any(p.endswith(("Really", "Bye")) for p in phrases)  # nor glued to the rank


def test_a_goodbye_after_a_rank_is_no_one_s_name():
    scene = [
        "Prof sat at the bench with Nell and Dory. Prof was marking papers.",
        '"I fixed the pump," Nell said.',
        '"Thanks, Prof. Bye." Dory said.',
        '"Any time."',
    ]
    assert not any("Bye" in name for name in paragraph_characters(scene))
    assert dialogue_lines(scene)[-1].speaker != "Prof Bye"


def test_a_pronoun_opening_the_reply_to_a_call_on_the_narrator_is_not_the_narrator(monkeypatch):
    # the narrator made a man (the engine finds no gender for "I" today): a "he" after a
    # turn that called the narrator by name still means someone else
    from ficaudio.attribute.resolve import Resolver
    first_person = Resolver.first_person

    def male_narrator(self):
        person = first_person(self)
        person.gender = Gender.MALE
        return person
    monkeypatch.setattr(Resolver, "first_person", male_narrator)
    text = ('Ashby stood at the window with his back to the room. I had been watching him for an hour.\n'
            '"You will catch cold," I said at last.\n'
            '"Pell."\n'
            '"My dear Pell, I never catch cold."\n'
            'He did not turn round. "Besides, it is nearly dawn."')
    assert speakers(text, [Character("Ashby", (), Gender.MALE)])[-1] == ("Ashby", "pronoun_action_beat")


_RADIO_CALLS = [
    "The radio on the bulkhead hissed, and a woman's voice came through.",
    '"Silver Gull, Silver Gull, this is Harbour Control, over."',
    'Brenna unhooked the handset. "Harbour Control, Silver Gull. Go ahead, over."',
    '"Silver Gull, Harbour Control. Gale warning now storm force ten. State your position, over."',
    'Brenna read the plotter. "Harbour Control, Silver Gull. Running for the sound, four on board, over."',
]


def test_a_radio_call_opens_on_the_station_called_not_the_caller():
    # "Silver Gull, Harbour Control. ..., over.": Harbour Control calling Silver Gull; the first
    # name of a call is not its speaker as it is in "Ingrid Haugland, NRK."
    assert "Silver Gull" not in dialogue_speakers(_RADIO_CALLS)


def test_a_name_called_in_a_line_repeated_in_single_marks_calls_nobody():
    # the skipper's words inside the story told call Rory, not anyone listening; the repeated
    # line's own apostrophes (don't) do not end it
    assert address_phrases("“So the skipper says, 'Aye, Rory. But the gulls don't get a share.'”") == []


@pytest.mark.parametrize("quote", [
    "“The sign over the door read ‘Welcome back, Ossian!’”",
    "“Her note was just ‘Sorry, Ossian.’”",
    "“He said, 'Round the back, Ossian.'”",  # a clipped opening, but said words to the end
])
def test_written_or_said_words_in_single_marks_call_nobody(quote):
    # words written on a sign or a note are repeated words, not a call: no dialect mark shows
    assert address_phrases(quote) == []


def test_a_name_written_on_a_cake_is_not_the_next_speaker():
    scene = [
        "Wren and Ossian stood by the table. Pell came in with the cake.",
        "“Who iced this?” Wren asked.",
        "“I did. The top reads ‘Many happy returns, Ossian.’”",
        "“It’s lovely.”",
    ]
    assert dialogue_speakers(scene)[-1] != "Ossian"


_RADIO_FROM_THE_RIDGE = [
    "Cole unclips the radio and turns his back to the wind. I crouch beside him to hear.",
    '"Ridge Base, Ridge Base, this is Ridge Two, over," Cole says.',
    '"Ridge Two, Ridge Base. Go ahead, over."',
    '"Ridge Base, we are at the col. Wind rising. Over," Cole says.',
    '"Copy, Ridge Two. Over."',
    "He clips the radio back on and looks at me.",
    '"You cold, Nessa?" Cole asks.',
    '"No," I lie.',
    '"Liar. Eat something, Nessa."',
    "I eat something. The radio crackles again, and Cole answers it.",
    '"Ridge Base, Ridge Two. Moving on. Ridge Two out," Cole says.',
]


def test_a_radio_call_names_the_station_not_the_narrator_beside_the_caller():
    # the call sign called over the radio three times is the far station's, not a name of the
    # "I" who crouches beside the caller: the narrator is Nessa, whom Cole calls in the room
    assert dialogue_speakers(_RADIO_FROM_THE_RIDGE)[5] == "Nessa"


def test_an_order_to_leave_is_no_radio_sign_off():
    # ``"Kids, out!"`` sends people out of the room; ``"... Falmoor, out."`` closes a radio channel
    from ficaudio.attribute.rules import is_radio_procedure
    assert not any(is_radio_procedure(q) for q in ("\u201cKids, out!\u201d", "\u201cEveryone, out.\u201d", "\u201cDrop it, Rufus. Out!\u201d"))
    assert is_radio_procedure("\u201cTide's turning. Falmoor, out.\u201d")


def test_the_word_before_out_tells_an_order_from_a_sign_off():
    # people before "out" send them out ("All of you, out."); a procedure word or a station
    # before it closes the channel, shouted or not ("Wilco, out.", "..., over and out!")
    from ficaudio.attribute.rules import is_radio_procedure
    assert not any(is_radio_procedure(q) for q in ("\u201cAll of you, out.\u201d", "\u201cOi, you three, out.\u201d"))
    assert all(is_radio_procedure(q) for q in ("\u201cWilco, out.\u201d", "\u201cCopy, out.\u201d", "\u201cHarbour Watch, this is Kestrel, over and out!\u201d", "\u201cKestrel Two, out!\u201d"))


def test_a_thought_with_an_object_after_the_quotation_is_no_tag():
    """``"..." I thought it was the silliest thing`` (round 39c): the narrator thinks about a
    line someone else said; ``thought`` with an object tags nobody."""
    scene = [
        "I sat on the sea wall and waited for the ferry.",
        "On the pier, years ago, my aunt Odile had put down her rod and looked at me over her glasses: “Never trust a quiet harbour.” I thought it was the silliest thing I had ever heard.",
    ]
    assert dialogue_speakers(scene) != ["I"]


def test_a_narrator_who_only_perceives_leaves_the_beat_to_the_one_who_acted():
    """``Tova bumps her shoulder into mine. Over the engines I only catch half of it.`` (round
    39c): the narrator taking the line in by ear or eye does not say it; the earlier actor does."""
    scene = [
        "Tova and I stand at the stern while the ferry pulls out.",
        "Tova bumps her shoulder into mine. Over the engines I only catch half of it. “—left at the lighthouse?”",
    ]
    assert dialogue_speakers(scene) == ["Tova"]


def test_the_one_heard_speaks_after_a_modal_and_an_adverb():
    """``Jo could just barely hear Bram`` (round 39c): adverbs after ``could`` leave the one heard the speaker."""
    scene = [
        "Bram and Jo climbed down into the hold.",
        "Jo could just barely hear Bram. “Mind the third rung.”",
    ]
    assert dialogue_speakers(scene) == ["Bram"]


def test_a_radio_caller_naming_themselves_before_the_callee_keeps_the_beat():
    text = "\n".join([
        "Marek sat at the console in the ops tent. Halley had gone up the ridge an hour ago.",
        '"Any word?" Marek asked the empty tent.',
        'The radio hissed. Up on the ridge Halley flattened herself against the rock. "Halley to Base, I have eyes on the convoy. Six trucks."',
        '"Copy that, Halley. Stay low."',
    ])
    st, segs = story(text)
    result = attribute(st, segs)
    assert [(line.speaker, line.rule) for line in result.lines if line.rule != "narration"][1] == ("Halley", "named_action_beat")


@pytest.mark.parametrize("beat", [
    'Mara held out a beer. I caught it one-handed. "Nice throw."',
    'Tom slid the letter across the table. I read it twice. "You can\'t be serious."',
    'Mara laughed at something Tom said. I saw my chance. "So you\'ll both come?"',
])
def test_a_narrator_who_takes_a_thing_in_hand_or_eye_acts_and_speaks(beat):
    # catching a beer, reading a letter, seeing a chance: the narrator acts; the line is theirs
    scene = [
        "I got to the lake house late. Mara and Tom were already on the porch.",
        '"Finally," Mara said.',
        '"Traffic," I said.',
        beat,
    ]
    assert dialogue_speakers(scene)[-1] == "I"


def test_a_name_sent_somewhere_is_no_radio_caller():
    # "Mara to Records, Tom to Docks": a duty roster read out, not Mara calling Records
    scene = [
        "Captain Reyes pinned the duty roster to the board. Mara and Tom crowded in to read it.",
        '"Who has nights?" Tom asked.',
        '"Mara to Records, Tom to Docks. Any complaints?"',
        '"Plenty," Mara said.',
    ]
    assert dialogue_speakers(scene)[1] != "Mara"


def test_the_narrator_in_a_when_clause_leaves_the_beat_to_the_one_who_spoke():
    paragraphs = [
        "Rosa and Ben sat in the kitchen. I had gone out for milk.",
        '"Any news?" Rosa asked.',
        '"None yet," Ben said.',
        '"It was the boiler," Ben said before I had even shut the door. "It has been banging all night."',
    ]
    assert dialogue_speakers(paragraphs)[-1] == "Ben"
    own = paragraphs[:3] + ['When I came in, the kitchen was cold. "Is the boiler out again?"']
    assert dialogue_speakers(own)[-1] == "I"  # no one acts before the narrator's clause


_LAKE_HOUSE = ["I got to the lake house late. Mara and Tom were already on the porch.", '"Finally," Mara said.', '"Traffic," I said.']


@pytest.mark.parametrize(
    "beat, expected",
    [
        ('Tom was halfway through the door before I caught his arm. "Wait."', "I"),  # the narrator steps in
        ('Mara was almost at the car when I finally caught up. "Wait!"', "I"),
        ('Mara kept talking until I held up a hand. "Stop."', "I"),
        ('Mara said nothing until I held up a hand. "Stop."', "I"),  # `said nothing` is no tag
        ('Tom was gone before I had time to say a word. "Coward."', "I"),  # `had time` is no past perfect
        ('Mara argued until I had no choice. "Fine."', "I"),
        ('"Tell him," Mara said, when I said nothing. "Tell him or I will."', "Mara"),  # the earlier subject is a tag's
        ('"Tell him," Mara said quietly, when I said nothing. "Tell him or I will."', "Mara"),  # a tag's adverb
        ('"Tell him," Mara said to Tom, when I said nothing. "Tell him or I will."', "Mara"),  # a tag's addressee
        ('"Tell him," said Mara, when I said nothing. "Tell him or I will."', "Mara"),  # an inverted tag
        ('"Tell him," said Mara quietly, when I said nothing. "Tell him or I will."', "Mara"),
        ('"Tell him," said Tom to Mara, when I said nothing. "Tell him or I will."', "Tom"),
        ('Then came Mara, when I said nothing. "Tell him or I will."', "I"),  # `came` is no speech verb
        ('Tom was gone before I had fifteen seconds to react. "Coward."', "I"),  # `fifteen` is no participle
        ('Mara kept talking until I had men at the door. "Out."', "I"),  # nor `men`
    ],
)
def test_the_narrators_event_in_a_time_clause_is_the_narrator_stepping_in(beat, expected):
    assert dialogue_speakers(_LAKE_HOUSE + [beat])[-1] == expected


def test_you_stepping_in_in_a_when_clause_take_the_line():
    scene = ["You get to the lake house late. Mara and Tom are already on the porch.", '"Finally," Mara says.', '"Traffic," you say.', 'Tom is halfway down the steps when you grab his sleeve. "Wait."']
    assert dialogue_speakers(scene)[-1] == "You"


def test_a_narrator_who_sees_someone_else_act_does_not_take_the_line():
    paragraphs = [
        "Rosa and Ben sat in the kitchen. I stood at the sink.",
        '"Who had the key last?" Rosa asked.',
        '"Not me," Ben said.',
        'Rosa set her cup down, and I saw the young man go pale. "Then who?"',
    ]
    assert dialogue_speakers(paragraphs)[-1] == "Rosa"


@pytest.mark.parametrize(
    "beat",
    ['Tom leaned against the railing. I saw him grin and rolled my eyes. "Don\'t."', 'Mara picked up her bag. I watched her go down the steps. "Good riddance."'],
)
def test_a_narrator_who_sees_him_or_her_act_reacts_with_the_line(beat):
    assert dialogue_speakers(_LAKE_HOUSE + [beat])[-1] == "I"  # the one in view is no third party


def test_you_watching_him_act_keep_the_line():
    scene = ["You get to the lake house late. Mara and Tom are already on the porch.", '"Finally," Mara says.', '"Traffic," you say.', 'Tom leans on the railing. You watch him grin. "Don\'t."']
    assert dialogue_speakers(scene)[-1] == "You"


def test_the_narrators_own_tag_takes_the_second_quotation_of_a_paragraph():
    paragraphs = [
        "Rosa and Ben sat in the kitchen with me.",
        '"Shall we go?" Ben asked.',
        '"Yes," Rosa said, just as I said, "No."',
    ]
    lines = dialogue_lines(paragraphs)
    assert [l.rule for l in lines[1:]] == ["explicit_tag", "first_person_tag"]
    unsaid = paragraphs[:2] + ['"Yes," Rosa said, and then, before I could say a word, "Get your coat."']
    assert dialogue_speakers(unsaid)[-1] == "Rosa"


@pytest.mark.parametrize("beat", ["she said before he had even opened the door.", "she said before I'd even opened the door."])
def test_a_past_perfect_time_clause_hands_no_turn(beat):
    first, second = dialogue_lines(["Mara Quinn pulled her coat tight. Tom Avery rubbed his hands.", f'"It is only the wind," {beat} "Sit down."'])
    assert second.speaker == first.speaker  # what had happened by then: the speaker goes on


def test_a_past_perfect_time_clause_after_a_pronoun_tag_hands_no_turn():
    # the clause's she had not yet sat down when he spoke: he goes on, she does not take the line
    scene = [
        "Mara Quinn came into the van. Tom Avery was bent over the radio.",
        '"Anything?" Mara asked.',
        "Tom shook his head.",
        '"It\'s bleed," he said before she\'d even sat down. "Radio bleed."',
    ]
    assert dialogue_speakers(scene)[-2:] == ["Tom", "Tom"]


@pytest.mark.parametrize("clause, expected", [("before he had even opened it", True), ("when I'd sat down", True), ("before he opened it", False), ("when he had to stop", False), ("and he had", False), ("before he had time", False), ("when I had red hair", False), ("before he had long since gone", True), ("when he had still not opened it", True)])
def test_only_a_time_clause_in_the_past_perfect_is_done_before(clause, expected):
    text = f"She said {clause}."
    at = text.index(" he ") + 1 if " he " in text else text.index(" I") + 1
    subject = Mention(at, at + (2 if text[at] == "h" else 1), "pronoun", text[at:at + 2].strip("'"), subject=True)
    assert _done_before(text, subject) is expected


_PORCH = ["Tom and Ana sat on the porch steps. Leo was fixing the gate.", '"Need a hand?" Tom called.', '"I\'ve got it," Leo said, and went off to fetch the toolbox.']


@pytest.mark.parametrize(
    "beat",
    [
        'When he had gone, Ana leaned back against the railing. "He never asks for help."',
        'Once Leo was out of earshot, Ana leaned back against the railing. "He never asks for help."',
        'As the shed door banged, Ana leaned back against the railing. "He never asks for help."',  # no person in the clause
    ],
)
def test_a_sentence_that_opens_on_a_time_clause_has_its_subject_after_the_comma(beat):
    assert dialogue_speakers(_PORCH + [beat])[-1] == "Ana"



_COUNTER = ["The bakery was nearly empty. Jun was counting the till, Ana was wiping down the tables, and Kit was asleep on the flour sacks.", '"Nearly done?" Ana asked.', '"Five minutes," Jun said.', "Kit woke up and yawned."]


@pytest.mark.parametrize(
    "beat, expected",
    [
        # the main subject after the comma has gone: the clause's subject is the one in the scene
        ('When Jun looked up from the register, Ana was already gone. "Typical. She didn\'t even take her change."', "Jun"),
        ('When Jun looked up from the register, Ana had left. "Typical. She didn\'t even take her change."', "Jun"),
        # a name inside the clause's own subject is no main subject: "the lights" is
        ('When Jun, Ana and Kit got to the door, the lights were already off. "Great. Perfect."', "Jun"),
        # one talking in a while/as clause goes on talking; the listener only stares
        ('While Jun talked, Ana stared at the wall. "Are you even listening?"', "Jun"),
        # speaking up in a when-clause: the quotation is what was said
        ('When Jun finally spoke, Ana flinched. "I\'m not doing this again."', "Jun"),
        # but when the talking is over, or a question was asked before, the one after the comma answers
        ('When Ana asked, Jun only shrugged. "No idea."', "Jun"),
        ('When Jun finally stopped talking, Ana laughed. "That\'s insane."', "Ana"),
        ('After Jun had gone, Ana hung up the phone. "She\'s coming over."', "Ana"),  # hanging up leaves a call, not the room
    ],
)
def test_a_time_clause_keeps_its_subject_where_the_name_after_the_comma_does_not_act(beat, expected):
    assert dialogue_speakers(_COUNTER + [beat])[-1] == expected


def test_a_narrator_who_finds_a_voice_in_a_time_clause_says_the_line():
    scene = [
        "I had been staring at the floor for a full minute. Tom had been staring at me, and I could feel it.",
        '"Well?" Tom said.',
        'When I finally found my voice, Tom was already at the door. "Wait!"',
    ]
    assert dialogue_speakers(scene)[-1] == "I"


def test_a_narrator_inside_a_contact_relative_clause_does_not_take_the_beat():
    # round 42C: "the only person I knew who ...", "the mug I was holding": the sentence is about the other
    scene = [
        'Dana and Priya were arguing about the crossword again. "Seven down is heron," Priya said.',
        '"Egret," said Dana.',
        '"Heron!" Priya said.',
        "Dana, on the bench, didn't look up from the paper. She was the only person I knew who did crosswords in pen. \"She's right, actually.\"",
        '"Thank you," Priya said.',
        "Dana looked at the mug I was holding. \"Is that my tea?\"",
        '"It was," I said.',
    ]
    assert dialogue_speakers(scene)[3:6] == ["Dana", "Priya", "Dana"]


def test_a_noun_phrase_that_opens_a_clause_leaves_the_narrator_acting():
    # not a relative clause: "and at the door I stopped" -- I acts, and says the line
    scene = [
        'Dana held the door for Priya. "After you," Dana said.',
        '"Thanks," said Priya.',
        "Dana went in first, and at the top of the stairs I stopped for breath. \"Give me a second.\"",
    ]
    assert dialogue_speakers(scene)[-1] == "I"


def test_a_narrator_in_a_noun_set_beside_the_clause_does_not_take_the_beat():
    # round 43F: "He laughed, a big rusty laugh I hadn't heard in years" -- the noun after the comma is his laugh, the I only remembers it
    scene = [
        'Hal rolled out the dough while Hal hummed to himself. Marta set the table.',
        '"Hand me the butter," Hal said.',
        "I handed him the butter.",
        'He laughed, a big rusty laugh I hadn\'t heard out of him in a while. "Nobody wants to go to Ohio."',
    ]
    assert dialogue_speakers(scene)[-1] == "Hal"


def test_a_time_noun_after_a_comma_leaves_the_narrator_acting():
    # must not fire: "He left, the next morning I cried" -- a time phrase, not a noun set beside the clause; I act and speak
    scene = [
        'Hal rolled out the dough while Hal hummed to himself. Marta set the table.',
        '"Hand me the butter," Hal said.',
        'He went out to the truck, the next morning I found the note. "He left it on the counter."',
        'She picked up her coat, that evening I called him. "Come home."',
    ]
    assert dialogue_speakers(scene)[-2:] == ["I", "I"]


def test_the_one_who_takes_what_he_was_handed_in_a_when_clause_does_not_take_the_beat():
    # round 43F: "She handed him a plate ... when he took it" -- she acts and speaks; he only takes the plate
    scene = [
        "In the kitchen, Rosa washed and Paolo dried, and Paolo whistled under his breath.",
        '"You were hard on the boy," Rosa said.',
        '"I was soft on him," Paolo said.',
        'She handed him a plate, and then another, and didn\'t let go of the second one when he took it. "That story. About the boat."',
    ]
    assert dialogue_speakers(scene)[-1] == "Rosa"


def test_the_one_acted_on_who_acts_in_a_when_clause_takes_the_beat():
    # round 43H: "She ... him when he took it" only for a taking verb; "She was still glaring at
    # him when he turned his head." -- he acts there, and the line after is his
    scene = [
        "Ino lay on the roof beside Shikamaru, watching the clouds.",
        "“That one looks like a rabbit,” Ino said.",
        "“They all look like rabbits to you,” Shikamaru said.",
        "She was still glaring at him when he turned his head. “You’re staring.”",
    ]
    assert dialogue_speakers(scene)[-1] == "Shikamaru"


def test_a_man_who_calls_out_in_a_when_clause_still_takes_the_beat():
    # must not fire: no "him" before -- "when he called" is the interruption, and the line his
    scene = [
        "In the kitchen, Rosa washed and Paolo dried, and Paolo whistled under his breath.",
        '"You were hard on the boy," Rosa said.',
        '"I was soft on him," Paolo said.',
        'She was halfway to the door when he called after her. "Wait. The story about the boat."',
    ]
    assert dialogue_speakers(scene)[-1] == "Paolo"


def test_a_speech_verb_someone_only_wants_to_say_is_no_tag():
    # round 42C: "made you want to tell him": the narrator goes on, the one wanted to be told is no speaker
    scene = [
        'Tom leaned on the counter. "Was he scared?" Tom asked.',
        '"He was fine," I said. Then, because something about Tom made you want to tell him the truth: "He was jumpy. He asked about the cellar."',
        '"I\'d like to see the cellar," Tom said.',
    ]
    assert dialogue_speakers(scene)[1:3] == ["I", "I"]


def test_a_quotation_someone_needs_to_say_is_tagged_by_them():
    # round 42H: "Lena needed to tell him, "..."" -- the quotation is what she goes on to say
    scene = [
        "Lena and Pike stood at the rail while the ferry pulled out. Sam was below decks with the bags.",
        'Pike tried to say, "Lena, wait--" but the horn drowned him out.',
        'Lena turned anyway. "What?"',
        'Then Sam came up the stairs, and Lena needed to tell him, "The ledger\'s gone."',
        '"Gone where?" Sam said.',
    ]
    assert dialogue_speakers(scene) == ["Pike", "Lena", "Lena", "Sam"]

def test_a_radio_that_comes_alive_with_a_described_voice_gives_that_person_the_line():
    """``The radio on Nell's belt came alive with the sergeant's voice`` -- the line is the
    sergeant's, not Nell's, the one wearing the radio (round 42J)."""
    speakers = dialogue_speakers([
        "Sergeant Boyd sent the squad down the ravine and stayed up by the truck.",
        "Nell slid the last few metres on loose shale and caught hold of a root.",
        "The radio on Nell's belt came alive with the sergeant's voice, calm and slow. \"All units, fall back to the road.\"",
        '"Copy," Nell said.',
    ])
    assert speakers[0] == "Sergeant Boyd"


def test_a_room_that_fills_with_a_voice_is_no_radio():
    """Must-not: ``The kitchen filled with the sergeant's voice`` is no device speaking; the
    voice rule keeps to phones and radios (round 42J)."""
    from ficaudio.attribute.document import Mention
    from ficaudio.attribute.rules import device_gives_voice
    text = "The kitchen filled with the sergeant's voice. The handheld crackled with the sergeant's voice."
    first, second = (text.index("the sergeant's voice"), text.rindex("the sergeant's voice"))
    mention = lambda at: Mention(at, at + 20, "description", "the sergeant's voice", head="voice")
    assert not device_gives_voice(text, mention(first), 0) and device_gives_voice(text, mention(second), 0)
    his = text.replace("the sergeant's", "his", 1)
    assert not device_gives_voice(his, Mention(his.index("his voice"), his.index("his voice") + 9, "description", "his voice", head="voice"), 0)


def test_a_radio_voice_gives_no_line_when_the_beat_goes_on_past_it():
    """``The radio came alive with the captain's voice. Hollis snatched it off his belt ...
    "Copy, Cap."`` -- the one who picks the radio up answers it; the voice's owner speaks only
    where the radio's sentence is the last before the quotation (round 42K)."""
    speakers = dialogue_speakers([
        "Hollis checked the ridge line again.",
        '"We should go," Jess said.',
        "The radio came alive with the captain's voice. Hollis snatched it off his belt and thumbed the key. \"Copy, Cap. We're moving.\"",
        '"About time," Jess said.',
    ])
    assert speakers[1] == "Hollis"


def test_a_radio_that_comes_alive_with_a_named_voice_gives_that_person_the_line():
    """``The radio came alive with Mara's voice.`` -- a name's voice as well as a
    description's (round 42K)."""
    speakers = dialogue_speakers([
        "Mara had gone up the ridge an hour ago. Hollis checked the ridge line again.",
        '"We should go," Jess said.',
        '"Not without Mara," Hollis said.',
        "The radio came alive with Mara's voice. \"Hollis, I see you. Come left.\"",
        '"Copy," Hollis said.',
    ])
    assert speakers[2] == "Mara"


def test_a_name_owning_the_words_after_it_is_no_call():
    # "Miller's Bridge?" asks about a place: the Millers are not called to answer
    assert not is_address_phrase("Miller’s Bridge")
    assert not is_address_phrase("Miller's Bridge")
    assert is_address_phrase("Mr. Miller")
    scene = [
        "Earl and Hal had the diner to themselves until the stranger came in out of the rain. Miller ran the feed store, and everybody knew Miller.",
        "“My car’s in the ditch out by the bridge,” the stranger said. “I walked.”",
        "“Miller’s Bridge?” Earl swiveled round on his stool. “That’s two miles, son.”",
        "“Felt like more.”",
    ]
    assert dialogue_speakers(scene)[-1] != "Miller"


def test_two_who_call_each_other_by_name_are_no_roll_call():
    # round 43H: "Mum. It was fine." / "Ellie, you're allowed ..." -- two bare lines opening on
    # two names, one with a full stop, were read as people reporting in (roll_call_answer), and
    # each went to the one it called
    scene = [
        "Mum was at the sink when Ellie came in from school.",
        "“How was it?” Mum asked.",
        "“Fine,” Ellie said.",
        "“Just fine?”",
        "“Mum. It was fine.”",
        "“Ellie, you’re allowed to say more than one word.”",
    ]
    assert dialogue_speakers(scene)[-2:] == ["Ellie", "Mum"]


def test_a_description_tag_is_not_the_one_its_quotation_asks_after():
    # Round 43J: `the man` went to Tom, the last man seen, though the line asks for Tom.
    assert dialogue_speakers([
        '"I\'m going to bed," Tom said. He went upstairs.',
        "The door banged.",
        '"Is Tom there?" the man asked.',
        '"Upstairs," Ana said.',
    ]) == ["Tom", "the man", "Ana"]
    assert dialogue_speakers([
        '"Back in five," Jonah said, and he went out to the truck.',
        "Mara kept sorting the mail.",
        '"Where\'s Jonah got to?" asked the old man at the counter.',
        '"Out back," Mara said.',
    ])[1] != "Jonah"
    assert dialogue_speakers([  # naming oneself is still one's own line
        "Tom came in from the rain.",
        '"I\'m Tom," the man said.',
    ]) == ["Tom"]



# ---------------------------------------------------------------- a tag's his/her relation (round 44F)
_EX_TALK = [
    "Nina found Leo by the coat rack. She had not seen him since the divorce.",
    '"You came," Nina said.',
    '"I said I would," Leo said.',
    '"You say a lot of things," Nina said.',
]


def test_a_relation_tagging_a_reply_in_a_talk_of_two_is_the_other():
    # "her ex" is no listed person noun; the "her" is Nina, who spoke last, so her ex is Leo
    # (on ef5bf1e both lines were Nina's: the "her" read as the speaker)
    assert speakers("\n".join([*_EX_TALK, '"I meant that one," her ex admitted.']))[-1] == ("Leo", "pronoun_action_beat")
    assert speakers("\n".join([*_EX_TALK, '"I meant that one," says her ex.']))[-1] == ("Leo", "pronoun_tag")


def test_a_relation_in_a_talk_of_three_is_left_as_it_was():
    # with Dana in the talk the other is no one person: the rule stays silent and the line keeps
    # the reading it had on ef5bf1e (Dana)
    scene = [
        "Nina found Leo by the coat rack. Dana was pouring the wine.",
        '"You came," Nina said.',
        '"I said I would," Leo said.',
        '"He always does," Dana said.',
        '"You say a lot of things," Nina said.',
        '"I meant that one," her ex admitted.',
    ]
    assert speakers("\n".join(scene))[-1] == ("Dana", "pronoun_action_beat")


@pytest.mark.parametrize("tag, expected", [
    ('"I meant that one," her phone said.', ("Nina", "pronoun_action_beat")),  # a thing that tells: as on ef5bf1e
    ('"I meant that one," her voice said.', ("Nina", "description_tag")),  # her own voice
])
def test_a_thing_or_a_voice_after_her_is_no_relation(tag, expected):
    assert speakers("\n".join([*_EX_TALK, tag]))[-1] == expected


def test_a_listed_relation_keeps_its_description():
    # "her sister" is a person noun: a description of its own, read as before
    scene = [
        "Nina sat on the step. Mara sat beside her, picking at the paint.",
        '"You\'re quiet," Nina said.',
        '"I\'m thinking," Mara said.',
        '"About what?" Nina asked.',
        '"About leaving," her sister said.',
    ]
    assert speakers("\n".join(scene))[-1] == ("Mara", "description_tag")

def test_turn_calls_read_a_name_before_a_question_and_a_name_cut_off():
    from ficaudio.attribute.rules import turn_calls
    assert turn_calls("“Ada. Six. Is the gate shut again?”") == ["Ada"]
    assert turn_calls("“Oren—”") == ["Oren"]
    assert turn_calls("“I—”") == [] and turn_calls("“Oren, I—”") == [] and turn_calls("“But why—”") == []
    # neither is a call the other passes read (they find names, and would make a pet name a voice)
    assert address_phrases("“Oren—”") == [] and address_phrases("“Ada. Six. Is the gate shut again?”") == []
