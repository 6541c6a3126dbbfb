"""Tests of ficaudio.attribute.conversation: src/ficaudio/attribute/conversation.py."""

from __future__ import annotations

import pytest

from ficaudio.attribute.conversation import arrives, departs, is_remembered, left_open, narrated_partner, three_way
from ficaudio.attribute.document import Mention
from ficaudio.attribute import _attribute_paragraph
from ficaudio.attribute.document import build_document
from ficaudio.attribute.resolve import Conversation, Resolver

from attribute_scenes import (
    INO, KAKASHI, KIBA, SAKURA, THREE_AT_TABLE, dialogue_lines, dialogue_rules, dialogue_speakers, paragraph_story, speakers,
)


def test_vocative_is_not_the_speaker_and_answers_next():
    text = 'Ino and Kiba waited.\nKiba yawned.\n"Kakashi, listen." Kakashi looked up.\n"I am listening."'
    result = speakers(text, [INO, KIBA, KAKASHI])
    assert result[0][0] != "Kakashi"
    assert result[1] == ("Kakashi", "vocative_addressee_replies")


def test_turn_taking_alternates_untagged_lines():
    text = 'Ino met Kiba.\n"A," Ino said.\n"B," Kiba said.\n"C."\n"D."\n"E."'
    assert [s for s, _ in speakers(text, [INO, KIBA])] == ["Ino", "Kiba", "Ino", "Kiba", "Ino"]
    assert speakers(text, [INO, KIBA])[2][1] == "turn_taking"


def test_third_speaker_breaks_alternation():
    text = 'Ino met Kiba.\n"A," Ino said.\n"B," Kiba said.\n"C," said Sakura.\n"D."'
    assert [s for s, _ in speakers(text, [INO, KIBA, SAKURA])] == ["Ino", "Kiba", "Sakura", "Kiba"]


_PROMPT_CORNER = [
    "At the half, Nadia Brook found me in the prompt corner. Nadia had her coat on, and her reading glasses were pushed up into her hair.",
    '"Are they speaking?" she asked.',
    '"Rafe and Hana? They said good evening at the sign-in sheet."',
    "She went out front to suffer in the house. I watched her go. I had a show to call, and I called it.",
    "I set the headset on. I checked the cue lights twice. I was not nervous. I was never nervous.",
    '"Places, please," Nadia said over the speaker, and the house went dark.',
]


def test_a_first_person_narrator_shown_only_as_me_answers_the_one_who_spoke():
    # the narrator is in the scene ("found me"), though no "I" has acted in it yet: the reply to
    # Nadia's question is the narrator's, not Nadia's again
    assert [(l.speaker, l.rule) for l in dialogue_lines(_PROMPT_CORNER)][1] == ("I", "answers_previous")
    # a scene whose narration never shows the narrator leaves the reply to the next rule
    elsewhere = ["At the half, Nadia Brook came into the prompt corner. Nadia had her coat on, and her reading glasses were pushed up into her hair.", *_PROMPT_CORNER[1:]]
    assert dialogue_speakers(elsewhere)[1] != "I"


def test_scene_break_ends_the_conversation():
    text = 'Ino met Kiba.\n"A," Ino said.\n"B," Kiba said.\n***\n"C."'
    assert speakers(text, [INO, KIBA])[-1][1] != "turn_taking"


def test_thought_goes_to_the_viewpoint_character():
    assert speakers("Kiba stared at the door. *Not again.*", [KIBA]) == [("Kiba", "viewpoint_thinker")]


def test_last_actor_speaks_after_a_paragraph_ending_on_them():
    speakers = dialogue_speakers([*THREE_AT_TABLE, '"Doing what?" Nadia asked, and Marcus laughed.', '"He was at the mill."'])
    assert speakers[-1] == "Marcus"


def test_last_actor_is_not_the_one_addressed():
    speakers = dialogue_speakers([*THREE_AT_TABLE, '"Doing what?" Nadia asked, and Marcus laughed.', '"Marcus, be quiet."'])
    assert speakers[-1] != "Marcus"


def test_the_speaker_goes_on_after_the_listener_only_reacts():
    scene = [
        "“Why do I always get hurt?” Linnea asks.",
        "Petra sighs. “Because you always choose the hard way.”",
        "Linnea’s eyes sting.",
        "“I mean, you chose the north road, and the river, and the winter.”",
    ]
    assert dialogue_speakers(scene) == ["Linnea", "Petra", "Petra"]
    assert dialogue_rules(scene)[-1] == "speaker_goes_on_after_reaction"


def test_the_speaker_goes_on_after_the_listener_nods():
    scene = [
        "“Are you going up to the farm?” Greta asked.",
        "“After lunch,” Oskar said.",
        "“Oskar, is that the black mare you're taking?”",
        "Oskar nodded once.",
        "“She threw a shoe on the hill last week. Mind the stones.”",
    ]
    assert dialogue_speakers(scene)[-1] == "Greta"
    assert dialogue_rules(scene)[-1] == "speaker_goes_on_after_gesture"


def test_a_listener_who_nods_and_then_acts_on_a_third_is_no_gesture_answer():
    scene = [
        "Lina and Greta sat across the table from Oskar.",
        "“Are you going up to the farm?” Greta asked.",
        "“After lunch,” Oskar said.",
        "“Oskar, is that the black mare you're taking?”",
        "Oskar nodded, and Lina pushed back her chair.",
        "“I'll ride with him.”",
    ]
    assert dialogue_rules(scene)[-1] != "speaker_goes_on_after_gesture"


@pytest.mark.parametrize("nod", ["Ana nodded.", "Ana shook her head."])
def test_the_one_who_asked_nodding_at_the_answer_goes_on_herself(nod):
    # the nod answers nothing: the asker heard her answer and speaks again
    scene = ["“Are you ready?” Ana asked.", "“As I'll ever be,” Tom said.", nod, "“Then let's go.”"]
    assert dialogue_rules(scene)[-1] != "speaker_goes_on_after_gesture" and dialogue_speakers(scene)[-1] == "Ana"


def test_a_listener_who_shakes_the_rug_makes_no_gesture_answer():
    scene = [
        "“Are you going up to the farm?” Greta asked.",
        "“After lunch,” Oskar said.",
        "“Oskar, did you see the black mare?”",
        "Oskar shook the rug out of the window.",
        "“Not since Sunday.”",
    ]
    assert dialogue_rules(scene)[-1] != "speaker_goes_on_after_gesture"


def test_a_listener_who_acts_takes_the_turn():
    scene = [
        "“Why do I always get hurt?” Linnea asks.",
        "Petra sighs. “Because you always choose the hard way.”",
        "Linnea wipes her eyes and turns to the window.",
        "“I chose what I could.”",
    ]
    assert dialogue_speakers(scene)[-1] == "Linnea"


def test_turn_taking_among_three_is_a_weaker_guess():
    assert three_way(["Ino", "Shino", "Kiba", "Ino"]) and not three_way(["Ino", "Kiba", "Ino", "Kiba"])
    three = dialogue_lines([
        '"Where?" asked Ino.',
        '"North," said Shino.',
        '"How far?" asked Kiba.',
        '"Two days."',
    ])
    two = dialogue_lines([
        '"Where?" asked Ino.',
        '"North," said Kiba.',
        '"How far?" asked Ino.',
        '"Two days."',
    ])
    assert three[-1].rule == two[-1].rule == "turn_taking"
    assert (three[-1].case, two[-1].case) == ("three_way", "")
    assert three[-1].confidence < two[-1].confidence


def test_a_continuation_is_as_sure_as_the_line_it_continues():
    tagged = dialogue_lines(['"Go," Ino said. "Now."'])
    assert tagged[1].rule == "same_paragraph_continuation" and tagged[1].confidence == tagged[0].confidence
    guessed = dialogue_lines(['"Where?" asked Ino.', '"North," said Kiba.', '"How far?" "Days?"'])
    assert guessed[-2].rule == "turn_taking" and guessed[-1].rule == "same_paragraph_continuation"
    assert guessed[-1].confidence == guessed[-2].confidence < tagged[1].confidence


_KITCHEN = [
    "Omar sat on the sofa with his arm in a sling.",
    '"Chocolate," said Omar.',
    '"Painkillers first," Rosa said.',
    '"Yes, Mum," said Omar.',
    "In the kitchen, Lena filled a glass of water while Rosa hunted for a spoon.",
    '"So," Lena said.',
    '"Don\'t."',
]


def test_untagged_reply_goes_to_the_one_the_narration_is_about():
    assert dialogue_speakers(_KITCHEN)[-1] == "Rosa"


def test_narrated_partner_stays_out_when_the_previous_speaker_is_narrated_too_or_the_last_is_not():
    conv = Conversation(turns=["Omar", "Rosa", "Omar", "Lena"], before_last_turn=["Lena", "Omar", "Rosa"])
    assert narrated_partner(conv, []) is None
    conv = Conversation(turns=["Omar", "Lena"], before_last_turn=["Rosa"])
    assert narrated_partner(conv, []) is None  # Rosa has not spoken, and the narration leaves out Lena


def test_a_newcomer_narrated_beside_the_last_speaker_is_the_partner():
    conv = Conversation(turns=["Omar", "Lena"], before_last_turn=["Lena", "Rosa"])
    assert narrated_partner(conv, []) == "Rosa"  # Rosa has not spoken, but the narration puts her beside Lena
    conv = Conversation(turns=["Rosa", "Omar", "Lena"], before_last_turn=["Lena", "Rosa"])
    assert narrated_partner(conv, ["Rosa"]) is None  # the quotation addresses her


_FLAT_TYRE = [
    "Mara carried the cool box out to the drive, and Teo followed with the tent.",
    '"Is the car packed?" Mara asked.',
    '"Nearly," said Ines.',
    "Ines dropped the last bag by the boot. Out on the verge, Teo was kicking the front tyre.",
    '"It\'s flat," Ines said.',
    '"Of course it\'s flat. I told you yesterday."',
]


def test_untagged_reply_goes_to_the_newcomer_the_narration_puts_beside_the_last_speaker():
    assert dialogue_speakers(_FLAT_TYRE)[-1] == "Teo"
    assert dialogue_rules(_FLAT_TYRE)[-1] == "narrated_partner"


def test_a_newcomer_who_only_watches_is_no_partner():
    watched = [p.replace("Teo was kicking the front tyre", "Teo watched them") for p in _FLAT_TYRE]
    assert dialogue_speakers(watched)[-1] == "Mara"


_RIVER = [
    "Mara and Teo reached the river at dusk, and Ines was waiting on the far bank.",
    '"Bring the rope," Mara said.',
    '"Which one?" Ines asked.',
    "Teo dragged the sled up the bank. Ines's hands were shaking.",
    '"Got it."',
]


def test_untagged_line_after_narration_about_someone_else_is_theirs():
    assert dialogue_speakers(_RIVER)[-1] == "Teo"
    assert dialogue_rules(_RIVER)[-1] == "narrated_other"


def test_the_anchors_around_a_narrated_guess_overrule_it():
    tagged_after = [*_RIVER, '"Good. Now tie it off," Mara said.', '"With these hands?" Ines asked.']
    assert dialogue_speakers(tagged_after)[2:] == ["Ines", "Mara", "Ines"]
    assert dialogue_rules(tagged_after)[2] == "alternation_backfill"


_BEDSIDE = [
    "Sara lay in bed. Hale came in.",
    '“How are you feeling?” asked Hale.',
    '“Tired,” said Sara.',
    '“Of course you are,” said Hale.',
    "Hale put his bag down and bent over the bed.",
    '“Let me see your hand.”',
]


def test_speaker_goes_on_after_narration_about_them_alone():
    assert dialogue_speakers(_BEDSIDE)[-1] == "Hale"
    assert dialogue_rules(_BEDSIDE)[-1] == "speaker_goes_on_after_narration"


def test_narration_about_the_listener_too_gives_no_one_the_turn_again():
    scene = [*_BEDSIDE[:4], "Hale bent over the bed. Sara turned her face to the wall.", '“Let me see your hand.”']
    assert dialogue_rules(scene)[-1] != "speaker_goes_on_after_narration"


def test_a_question_is_answered_past_narration_about_the_one_who_asked():
    scene = [*_BEDSIDE[:3], "“Did you take the tablets?” asked Hale.", "Hale put his bag down and bent over the bed.", "“Two, this morning.”"]
    assert dialogue_speakers(scene)[-1] == "Sara"
    assert dialogue_rules(scene)[-1] != "speaker_goes_on_after_narration"


_GREENHOUSE = [
    "Hale waited by the door with Tom and Nell.",
    '“Your task is simple. Repot the plant,” said Hale.',
    '“And if it bites?” Tom asked.',
    '“Then I suggest you run.”',
    "Hale left, and the door swung shut behind him.",
    "“Okay,” Nell whispered. “You hold the pot.”",
    "“Why do I hold the pot?”",
]


def test_someone_who_left_takes_no_more_turns():
    assert dialogue_speakers(_GREENHOUSE)[-1] == "Tom"


def test_departs_reads_a_verb_of_leaving_after_its_subject():
    text = "Hale left the room. Mira walked away. Toma left his coat."
    assert [departs(text, Mention(s, s + 4, "name", text[s:s + 4])) for s in (0, 20, 38)] == [True, True, False]


def test_departs_reads_going_to_bed_or_home_as_leaving_the_scene():
    text = "Ilse has gone to bed without a word. Oren went home. Kaja has gone out. Pell went to the window."
    assert [departs(text, Mention(s, s + 4, "name", text[s:s + 4])) for s in (0, 37, 53, 72)] == [True, True, True, False]


def test_departs_reads_a_manner_of_leaving_and_going_to_bed():
    text = "Opal shuffles off down the hall. Rook has gone to bed. Wynn ran off toward the gate. Opal ran out of tea."
    starts = [text.index(n) for n in ("Opal shuffles", "Rook", "Wynn", "Opal ran")]
    assert [departs(text, Mention(s, s + 4, "name", text[s:s + 4])) for s in starts] == [True, True, True, False]


def test_departs_reads_already_gone_and_already_left():
    # "already" between the subject and its going (round 41G): still gone
    text = "Nola was already gone. Rafe had already left the room. Tova was already there."
    starts = [text.index(n) for n in ("Nola", "Rafe", "Tova")]
    assert [departs(text, Mention(s, s + 4, "name", text[s:s + 4])) for s in starts] == [True, True, False]


def test_departs_reads_falling_asleep_as_leaving_the_talk():
    text = "Bram was asleep on the sofa. Nell had fallen asleep. Lusk’s fast asleep. Bram was sleepy."
    starts = [text.index(n) for n in ("Bram was asleep", "Nell", "Lusk", "Bram was sleepy")]
    assert [departs(text, Mention(s, s + 4, "name", text[s:s + 4])) for s in starts] == [True, True, True, False]


def test_someone_asleep_does_not_answer_the_one_who_spoke():
    paragraphs = [
        "I let myself into the ward at dawn. I had been on shift since midnight and I could barely see straight.",
        "Petra was awake, propped on her pillows. Her husband was asleep in the chair by the window with his cap over his eyes.",
        "“Is it over?” Petra whispered.",
        "“Not yet. How is the leg?”",
    ]
    assert dialogue_speakers(paragraphs)[-1] == "I"


_NIGHT_KITCHEN = [
    "Opal, Rook and Wynn sat up late in the kitchen.",
    '"Somebody has to wash the pot," Opal said.',
    '"Not me," said Wynn.',
    '"Then it\'s the two of you. Goodnight."',
    "Opal shuffles off down the hall, yawning.",
    '"I washed it yesterday," Rook said.',
    '"You rinsed it. That isn\'t washing."',
]


def test_someone_who_shuffles_off_takes_no_more_turns():
    assert dialogue_speakers(_NIGHT_KITCHEN)[-1] == "Wynn"


_BACK_OFFICE = [
    "Marta, Idris and Sol were still in the back office.",
    '"Invoices by five," Marta said. "Both of you."',
    '"Five is early," said Idris.',
    '"Five is when the courier comes."',
    "The door clicked shut behind her.",
    '"She means it," Sol said.',
    '"She always means it."',
]


def test_the_one_a_door_shuts_behind_takes_no_more_turns():
    assert dialogue_speakers(_BACK_OFFICE)[-1] == "Idris"


def test_the_man_a_door_shuts_behind_takes_no_more_turns():
    # "him" is never a mention: the narration itself is searched for the pronoun
    scene = [
        "Hugo, Nell and Pia were still in the back office.",
        '"Invoices by five," Hugo said. "Both of you."',
        '"Five is early," said Nell.',
        '"Five is when the courier comes."',
        "The door clicked shut behind him.",
        '"He means it," Pia said.',
        '"He always means it."',
    ]
    assert dialogue_speakers(scene)[-1] == "Nell"


def test_a_short_beat_before_an_opening_line_gives_it_to_its_first_subject():
    text = ('The locker room smelled of ozone.\n'
            'Ino drops her bag on the bench. Kiba is sitting on the floor with sparks on his knuckles.\n'
            '"Bad night?"\n'
            '"Bad morning."')
    assert [s for s, _ in speakers(text, [INO, KIBA])] == ["Ino", "Kiba"]


def test_the_one_who_sits_down_without_a_word_is_not_the_first_to_speak():
    text = ('The flat was dark.\n'
            'Kiba drops his bag by the door. Ino moves her feet, and Kiba sits down without a word.\n'
            '"Bad?"\n'
            '"Bad."')
    assert [s for s, _ in speakers(text, [INO, KIBA])] == ["Ino", "Kiba"]


def test_after_narration_about_the_narrator_alone_the_narrator_answers():
    paragraphs = [
        'Roz and Kiba were online, and Kiba had a new chair.',
        '"Gotta go," Kiba says, and his icon blinks out.',
        'For a while I stare at the screen and think about the goats.',
        '"Well," Roz says. "That was beautiful."',
        '"Thank you. I worked really hard on it."',
    ]
    assert dialogue_speakers(paragraphs)[-1] == "I"


_SILENT_STEPFATHER = [
    "Ogden sat in the deep chair with a box of candy. Mr. Pett came in.",
    '"What are you eating, boy?" demanded Mr. Pett.',
    '"Mother gave it to me," said Ogden. Mr. Pett grunted, but made no verbal comment.',
    '"Got a grouch this morning, haven\'t you?"',
]


def test_the_last_speaker_goes_on_when_the_other_keeps_silent():
    assert dialogue_speakers(_SILENT_STEPFATHER)[-1] == "Ogden"
    assert dialogue_rules(_SILENT_STEPFATHER)[-1] == "speaker_goes_on_past_silence"


def test_one_who_keeps_silent_only_for_a_moment_may_answer():
    scene = [*_SILENT_STEPFATHER[:2], '"Mother gave it to me," said Ogden. Mr. Pett made no answer for a moment.', _SILENT_STEPFATHER[3]]
    assert dialogue_rules(scene)[-1] != "speaker_goes_on_past_silence"


def test_the_last_actor_who_says_nothing_does_not_take_the_turn():
    scene = [
        "Felix drops his bag by the door and sits down. Owen is on the couch.",
        "“Bad?” Owen asks.",
        "“Kid with a broken arm,” Felix says. “He’ll be fine.”",
        "Owen doesn’t say anything. He gets up and comes back with a mug, and he holds it out until Felix opens his eyes.",
        "“What’s this?”",
    ]
    assert dialogue_speakers(scene)[-1] == "Felix"


def test_the_one_the_last_speaker_acts_on_answers():
    scene = [
        "Pearl sat down between Jonah and Iris at the table.",
        "“You had a terrible car,” Pearl says.",
        "“I still have the car,” Jonah says.",
        "Pearl turns her enormous glasses on Iris. “And you let him go.”",
        "“It was more complicated than that.”",
    ]
    assert dialogue_speakers(scene)[-1] == "Iris"
    assert dialogue_rules(scene)[-1] == "acted_on_replies"


def test_the_one_a_speaker_turns_on_by_pronoun_answers():
    scene = [
        "Ada, Bram and Cole were arguing over the rota in the kitchen.",
        "“Who is cooking tonight?” Ada asked.",
        "“Not me,” said Bram.",
        "Cole rounded on her. “You skipped your turn on Friday.”",
        "“I cooked on Sunday instead.”",
    ]
    assert dialogue_speakers(scene)[-1] == "Ada"
    assert dialogue_rules(scene)[-1] == "acted_on_replies"


def test_the_man_a_speaker_turns_on_by_pronoun_answers():
    scene = [
        "Ada, Bram and Cole were arguing over the rota in the kitchen.",
        "“Who is cooking tonight?” Bram asked.",
        "“Not me,” said Ada.",
        "Cole rounded on him. “You skipped your turn on Friday.”",
        "“I cooked on Sunday instead.”",
    ]
    assert dialogue_speakers(scene)[-1] == "Bram"
    assert dialogue_rules(scene)[-1] == "acted_on_replies"


def test_looking_at_her_hands_is_not_turning_on_her():
    scene = [
        "Ada, Bram and Cole were arguing over the rota in the kitchen.",
        "“Who is cooking tonight?” Ada asked.",
        "“Not me,” said Bram.",
        "Cole sat down next to her. “You skipped your turn on Friday.”",
        "“I cooked on Sunday instead.”",
    ]
    assert dialogue_rules(scene)[-1] != "acted_on_replies"


def test_one_named_only_as_an_owner_or_after_narration_was_not_acted_on():
    owner = [
        "Pearl sat down between Jonah and Iris at the table.",
        "“You look tired,” Iris says.",
        "“I still have the car,” Jonah says.",
        "Pearl pats Iris’s hand. “And you let him go.”",
        "“It was more complicated than that.”",
    ]
    assert dialogue_rules(owner)[-1] != "acted_on_replies"
    narration_between = [
        "Pearl sat down between Jonah and Iris at the table.",
        "“You had a terrible car,” Pearl says.",
        "“I still have the car,” Jonah says.",
        "Pearl turns her enormous glasses on Iris. “And you let him go.”",
        "The band struck up a waltz.",
        "“It was more complicated than that.”",
    ]
    assert dialogue_rules(narration_between)[-1] != "acted_on_replies"


def test_the_one_called_to_be_questioned_answers_the_first_question():
    text = ("The hall was full. Judge Hale sat above the clerks.\n"
            '"Be seated," Judge Hale said.\n'
            '"The Crown calls Edith Marsh, keeper of the Mill Lane inn," said Mr. Crane.\n'
            "The door at the back opened, and Edith Marsh walked slowly to the front of the hall.\n"
            '"You have kept the inn for some years?" Mr. Crane asked.\n'
            '"Thirty years, sir."\n'
            '"And on the night of the fire?"\n'
            '"I was behind the bar."')
    said = speakers(text)
    assert said[-3:] == [("Edith Marsh", "summoned_answers"), ("Mr. Crane", "turn_taking"), ("Edith Marsh", "turn_taking")]


def test_a_summoned_witness_does_not_answer_what_was_not_a_question():
    text = ("Judge Hale sat above the clerks.\n"
            '"The Crown calls Edith Marsh," said Mr. Crane.\n'
            "Edith Marsh rose from the bench.\n"
            '"I object," said Mr. Lowe.\n'
            '"Overruled."')
    assert speakers(text)[-1][0] != "Edith Marsh"


def test_a_phone_call_proposed_summons_no_one_to_answer():
    # "call Sarah" is a phone call to make, not a witness called to the stand: Sarah is not here
    scene = [
        "Mara and Jonah sat on the kitchen floor. Sarah had moved to Leeds in the spring.",
        '"We should call Sarah," Mara said.',
        '"Why? Is she a doctor?" Jonah asked.',
        '"No. But she will know."',
    ]
    assert dialogue_speakers(scene)[-1] == "Mara"


_FAIR = [
    "You let Tamsin drag you and Oskar all the way to the fairground gate.",
    "“Ride the wheel together,” Tamsin says. “I'll find us drinks.”",
    "And she's gone, lost in the crowd before either of you can stop her.",
    "“She does this,” Oskar says at last.",
    "“Yeah.”",
]


def test_someone_gone_takes_no_more_turns():
    assert dialogue_speakers(_FAIR)[-1] != "Tamsin"
    text = "She's gone. Oskar had gone to the rail."
    assert [departs(text, Mention(0, 5, "pronoun", "She's")), departs(text, Mention(12, 17, "name", "Oskar"))] == [True, False]


_PLATFORM = (
    'Pia hands you a coffee at the bus stop. "Tobin says he\'s running late," she says.\n'
    '"He\'s always late," you say.\n'
    "Pia laughs and checks her phone.\n"
    "***\n"
    '"You waited," Tobin says when he finally finds you on the platform.\n'
    '"Obviously."'
)


def test_after_a_scene_break_the_reader_told_the_story_replies_not_someone_of_the_scene_before():
    assert speakers(_PLATFORM)[-1] == ("You", "answers_previous")


def test_someone_asleep_does_not_stop_the_door_shutting_behind_another():
    scene = (["Marta, Idris, Sol and old Ben were still in the back office.", "Ben had his feet on the desk."] + _BACK_OFFICE[1:-3]
             + ["Ben was asleep over the files. The door clicked shut behind her.", '"She means it," Sol said.', '"She always means it."'])
    assert dialogue_speakers(scene)[-1] == "Idris"


HARBOUR = [
    "Brannock and Oriel sat by the stove, and Tamsin mended a net by the window.",
    '"Rain tonight," Brannock said.',
    '"Maybe," Tamsin said.',
]


def test_a_speech_act_the_narration_leaves_open_is_the_next_quotation():
    scene = [*HARBOUR, "Oriel explained to Brannock.", '"The tide turns at six, and the wind turns with it."']
    assert dialogue_speakers(scene)[-1] == "Oriel"
    assert dialogue_rules(scene)[-1] == "reported_speech_turn"


def test_someone_still_talking_or_a_voice_coming_in_speaks_next():
    assert dialogue_speakers([*HARBOUR, "Out in the yard Oriel was still talking.", '"Six, and not a minute later."'])[-1] == "Oriel"
    assert dialogue_speakers([*HARBOUR, "Then Oriel’s voice came through the wall.", '"Six, and not a minute later."'])[-1] == "Oriel"


def test_a_question_the_narration_reports_is_answered_by_the_one_asked():
    scene = [*HARBOUR, "Oriel asked Brannock whether the boats were in.", '"Two of them."']
    assert dialogue_speakers(scene)[-1] == "Brannock"
    assert dialogue_speakers([*HARBOUR, "Oriel told Tamsin.", '"Then we wait."'])[-1] == "Tamsin"


def test_the_one_asked_called_by_name_leaves_the_asker():
    scene = [*HARBOUR, "Oriel asked Brannock whether the boats were in, and Ewan laughed.", '"Brannock?"']
    assert dialogue_speakers(scene)[-1] == "Oriel"


def test_a_remembered_speech_act_or_one_in_a_side_clause_names_no_one():
    remembered = dialogue_lines([*HARBOUR, "Oriel had explained to Brannock.", '"The tide turns at six."'])
    aside = dialogue_lines([*HARBOUR, "Tamsin stood up as Oriel spoke.", '"The tide turns at six."'])
    assert remembered[-1].rule != "reported_speech_turn" and aside[-1].rule != "reported_speech_turn"


_FERRY_CALL = [
    "Wenna and Corin waited on the slipway, and Pasco coiled a rope on the jetty.",
    '"Pasco, is the ferry late?" Corin asked.',
]


def test_going_on_down_a_path_or_reading_is_no_speech_act():
    # went on / continued / resumed / was reading: moving, working or reading, not talking; the one called answers
    for act in ("went on down the slipway", "continued to scrub the hull", "resumed her seat", "was reading by the lamp"):
        line = dialogue_lines([*_FERRY_CALL, f"Wenna {act}.", '"Ten minutes, no more."'])[-1]
        assert (line.speaker, line.rule) == ("Pasco", "vocative_addressee_replies"), act


def test_going_on_to_a_place_is_no_speech_act_but_to_a_person_is():
    # ``went on to Truro``: a journey, the one called answers; ``went on to Corin``: words to him
    for act in ("went on to Truro", "continued to Corin's boat"):
        line = dialogue_lines([*_FERRY_CALL, f"Wenna {act}.", '"Ten minutes, no more."'])[-1]
        assert (line.speaker, line.rule) == ("Pasco", "vocative_addressee_replies"), act
    scene = [*HARBOUR, "Oriel went on to Brannock.", '"Six, and not a minute later."']
    assert dialogue_rules(scene)[-1] == "reported_speech_turn" and dialogue_speakers(scene)[-1] == "Oriel"


def test_going_on_or_reading_aloud_is_still_a_speech_act():
    for act in ("went on", "continued, more quietly", "was reading aloud from the timetable"):
        scene = [*HARBOUR, f"Oriel {act}.", '"Six, and not a minute later."']
        assert dialogue_rules(scene)[-1] == "reported_speech_turn" and dialogue_speakers(scene)[-1] == "Oriel", act


@pytest.mark.parametrize("owner", ["Brannock's", "Brannock’s", "Jess'", "Jess’"])
def test_a_question_put_to_someone_s_kin_is_no_report_that_names_the_answer(owner):
    # the one asked is the sister, not Brannock (nor Jess, in ``Jess’ sister``), and the words
    # are given: the report names no one to answer. The asker may still take the line by a later
    # rule (last_actor_speaks): skipping an asker there cost fixtures 4 lines (round 37m).
    line = dialogue_lines([*HARBOUR, f"Oriel asked {owner} sister whether the boats were in.", '"Two of them."'])[-1]
    assert line.rule != "reported_speech_turn"


def test_a_speech_act_narrated_after_a_call_outranks_the_call():
    # the narration between says who talks now: Wenna's explaining, not the one Corin called
    line = dialogue_lines([*_FERRY_CALL, "Wenna explained to Corin.", '"The tide is against it, that is all."'])[-1]
    assert (line.speaker, line.rule) == ("Wenna", "reported_speech_turn")


def test_someone_the_narration_remembers_in_the_pluperfect_takes_no_turn():
    scene = [
        "Sela and Ivo sat on the harbour wall.",
        '"Where has Dace got to?" Sela asked.',
        '"Up the coast," Ivo said.',
        "Dace had sailed north in the spring and had not been heard of since.",
        '"He will come back."',
        '"He never does."',
    ]
    assert dialogue_speakers(scene)[-2:] == ["Sela", "Ivo"]  # not Dace, the last one the narration names
    gone = [*scene[:3], "Dace had gone off to the islands in May. No letter had come from him since.", *scene[4:]]
    assert dialogue_speakers(gone)[-2:] == ["Sela", "Ivo"]  # nor Dace as the one person narrated (narrated_other)


def conversation_before_last_line(paragraphs: list[str]) -> Conversation:
    """The conversation's state as the scene's last paragraph is reached."""
    story, segments = paragraph_story(paragraphs)
    resolver = Resolver(build_document(story, segments, ()))
    decisions: dict = {}  # one for the whole scene, as attribute() keeps it
    for para in resolver.doc.paragraphs[:-1]:
        _attribute_paragraph(resolver, para, decisions)
    return resolver.conversation


_GATE = [
    "Hesper and Lark stood at the gate. Teo sat on the wall above them.",
    '"Evening," Teo said.',
    '"Did you bring the lamp?" Hesper asked.',
    '"It\'s in the cart," Lark said.',
]


def test_who_watches_in_one_paragraph_and_acts_in_the_next_is_no_onlooker():
    scene = [*_GATE, "Teo watched them for a long while.", "Teo jumped down from the wall.", '"I\'ll fetch it."']
    state = conversation_before_last_line(scene)
    assert "Teo" not in state.onlookers


def test_who_sees_something_and_snatches_it_is_no_onlooker():
    scene = [*_GATE, "Teo saw the lamp and snatched it out of the cart.", '"Mine now."']
    assert "Teo" not in conversation_before_last_line(scene).onlookers
    still = [*_GATE, "Teo watched them from the wall.", '"Mine now."']
    assert conversation_before_last_line(still).onlookers == {"Teo"}


@pytest.mark.parametrize("act", ["saw the lamp and took it from the cart", "sees the lamp and takes it", "watched the cart, then jumped down"])
def test_who_sees_something_and_takes_it_is_no_onlooker(act):
    # an irregular past, a present, a ``then``: acting all the same
    assert "Teo" not in conversation_before_last_line([*_GATE, f"Teo {act}.", '"Mine now."']).onlookers


@pytest.mark.parametrize("look", ["watches the mules and wagons", "watches the barges and ferries go by", "stares at the carts and barrels"])
def test_present_plural_nouns_after_and_are_no_act(look):
    # in the present a plural noun ends in s like a verb: "the mules and wagons" is what Teo watches
    assert conversation_before_last_line([*_GATE, f"Teo {look}.", '"Mine now."']).onlookers == {"Teo"}


def test_who_watches_and_waits_is_still_an_onlooker():
    assert conversation_before_last_line([*_GATE, "Teo watched and waited.", '"Mine now."']).onlookers == {"Teo"}


def test_one_who_watches_then_acts_in_another_sentence_of_the_paragraph_is_no_onlooker():
    scene = [*_GATE, "Teo watched them. Teo swung his legs.", '"Mine now."']
    assert conversation_before_last_line(scene).onlookers == set()


def test_one_the_narration_only_glimpses_in_passing_does_not_take_the_turn():
    # Caspar, met in the scene before, is first seen in this one in the paragraph that ends on him,
    # rowing by: he is no one in the talk, and the one who asked goes on.
    scene = _JETTY + '"In the boathouse," Bram said. Out on the lake, Caspar rowed past.\n"Then fetch them."'
    assert [s for s, _ in speakers(scene)] == ["Odile", "Bram", "Odile"]


def test_one_who_moves_in_a_place_or_a_state_does_not_come_in():
    # ``trudged in the snow`` up on the cliff: moving about elsewhere, not coming in; Odile goes on
    scene = _JETTY + '"In the boathouse," Bram said. Up on the cliff path, Caspar trudged in the snow.\n"Then fetch them."'
    assert [s for s, _ in speakers(scene)] == ["Odile", "Bram", "Odile"]


@pytest.mark.parametrize("act, comes_in", [
    ("shuffled in his seat", False), ("stumbled in the dark", False), ("limped in pain", False), ("leant out over the rail", False),
    ("walked in the door", True), ("came in a moment later", True), ("leaned out of the window", True),
])
def test_coming_in_is_not_moving_within_a_place(act, comes_in):
    text = f"Teo {act}."
    assert arrives(text, Mention(0, 3, "name", "Teo")) is comes_in


def test_one_who_comes_in_as_the_narration_ends_takes_the_turn():
    scene = _JETTY + '"In the boathouse," Bram said, and Caspar padded in.\n"I moved them."'
    assert speakers(scene)[-1] == ("Caspar", "last_actor_speaks")


_JETTY = (
    "Caspar mended nets all morning. Caspar sang while he worked.\n"
    "***\n"
    'Odile and Bram carried the sail down to the jetty. "Where are the oars?" Odile asked.\n'
)


def test_one_named_at_a_long_scene_s_start_is_still_in_it():
    lines = ["Odile, Bram and Caspar sat in the boathouse. Caspar mended a net."]
    lines += [f'"Line {k}," {("Odile", "Bram")[k % 2]} said.' for k in range(40)]
    lines += ['"Enough," Bram said. Caspar put down the net.', '"I agree."']
    assert speakers("\n".join(lines))[-1] == ("Caspar", "last_actor_speaks")


@pytest.mark.parametrize(("clause", "remembered"), [
    ("Teo had red hair.", False), ("Teo had ten minutes left.", False), ("Teo had kitchen duty.", False),
    ("Teo had golden hair.", False), ("Teo had often been there.", True), ("Teo had opened the gate.", True),
])
def test_an_adjective_number_or_noun_after_had_is_no_pluperfect(clause, remembered):
    assert is_remembered(clause, Mention(0, 3, "name", "Teo", subject=True)) is remembered


_FERRY = (
    "I carried the last crate into the barn and set it down beside Bram.\n"
    '"That the lot?" Bram asked.\n'
    '"That\'s the lot," I said, and Bram went off whistling to find the van keys.\n'
    "***\n"
    "The ferry was late. Odile was waiting at the rail with two coffees going cold.\n"
    '"You\'re late," Odile said.\n'
    '"Traffic."'
)


def test_past_a_drawn_scene_break_the_narrator_answers_not_someone_of_the_scene_before():
    assert speakers(_FERRY)[-1] == ("I", "answers_previous")


def test_past_a_drawn_scene_break_the_company_the_narrator_came_back_with_answers():
    walk = (
        "I walked the dogs along the cliff with Bram until the light went.\n"
        '"Home?" I asked, and Bram whistled the dogs in.\n'
        "***\n"
        "It was dark when {} got back, and Odile had the stove lit.\n"
        '"Did you walk all the way to the point?" Odile asked.\n'
        '"All the way, and the dogs are filthy."'
    )
    assert speakers(walk.format("we"))[-1] == ("Bram", "answers_previous")
    assert speakers(walk.format("the van"))[-1] == ("I", "answers_previous")


_HARBOUR = (
    "Maren thought the boat would never come. She wondered where Piet had gone, and she knew he would be late.\n"
    '"You\'re late," Maren said when Piet came down the slip.\n'
    '"The tide," Piet said. Maren felt the cold in her hands and thought of home.\n'
    "***\n"
    "{}\n"
    '"You came back," Oskar said.\n'
    '"I said I would."'
)


def test_a_scene_first_reply_no_one_of_the_scene_is_free_to_give_is_the_viewpoint_persons():
    assert speakers(_HARBOUR.format("The cottage on the point smelled of tar, and Oskar was at the stove."))[-1] == ("Maren", "viewpoint_replies")


def test_a_scene_first_reply_goes_to_one_the_scene_names_before_the_viewpoint_person():
    assert speakers(_HARBOUR.format("The cottage on the point smelled of tar, and Piet and Oskar were at the stove."))[-1] == ("Piet", "answers_previous")


def test_a_scene_first_reply_to_a_first_line_only_guessed_is_not_given_to_the_viewpoint_person():
    scene = _HARBOUR.replace('"You came back," Oskar said.', '"You came back."')
    assert speakers(scene.format("Oskar stirred the pot. He did not look up."))[-1][1] != "viewpoint_replies"


@pytest.mark.parametrize("nod", ["Tom nodded.", "Tom shook his head."])
def test_the_speaker_goes_on_after_a_listener_nods_at_a_remark(nod):
    # no question, no call: Tom's nod takes Ana's remark, and Ana goes on (review 40c R3)
    scene = ["Ana and Tom sat on the wall.", "“You look tired,” Ana said.", nod, "“Go to bed, then.”"]
    assert dialogue_speakers(scene)[-1] == "Ana"


_FLOOD_STORY = [
    "Wes sat in the booth by the door with the box beside him. Margie had put her cards down, and Earl was turning his coffee cup round and round.",
    "“Adair,” Earl said slowly. “There was a Nell Adair used to live out on the lake road.”",
    "“That was my grandmother,” Wes said.",
    "“Nell Adair,” Earl said again, settling in. “In the flood of ’78 your grandmother rowed a johnboat clear down to the Dawson farm and took off six kids and a goat.",
    "“And you know what she told them, Margie? That she’d sooner be crazy than sorry.”",
    "“I never heard that,” Margie said.",
]


@pytest.mark.parametrize("straight", [False, True])
def test_a_speech_left_open_at_the_end_of_its_paragraph_goes_on_in_the_next(straight):
    # no closing mark: the writer's sign that the same voice keeps talking (not Wes by the
    # count of turns, nor Margie, whom the speech calls)
    scene = [p.replace("“", '"').replace("”", '"') for p in _FLOOD_STORY] if straight else _FLOOD_STORY
    lines = dialogue_lines(scene)
    assert (lines[-2].speaker, lines[-2].rule) == ("Earl", "speech_runs_on")


def test_a_speech_closed_at_the_end_of_its_paragraph_does_not_run_on():
    closed = [*_FLOOD_STORY[:3], _FLOOD_STORY[3] + "”", *_FLOOD_STORY[4:]]
    assert dialogue_rules(closed)[-2] != "speech_runs_on"


def test_a_speech_left_open_before_a_scene_break_does_not_run_on():
    broken = [*_FLOOD_STORY[:4], "* * *", *_FLOOD_STORY[4:]]
    assert dialogue_rules(broken)[-2] != "speech_runs_on"


def test_left_open_reads_the_last_mark_of_the_paragraph():
    assert left_open("“Go,” he said. “In the flood we rowed.")
    assert left_open('"Go," he said. "We rowed.')
    assert not left_open("“Go,” he said.")
    assert not left_open('We rowed--" She laughed.')  # a straight mark after a letter closes
    assert not left_open('"Go," she said. "Why?”')  # mixed marks: the curly one closes


def test_a_name_shouted_from_elsewhere_is_not_the_last_speaker_again():
    # round 43H: in a talk of two, "Mara! Come and dry these dishes!" (from indoors) was made
    # Teo's by calls_the_other_of_two, an anchor, and the backfill then gave Teo's own line before it to Mara
    scene = [
        "Mara found Teo on the porch steps after dinner.",
        "“You’re quiet,” Mara said.",
        "“Tired,” Teo said.",
        "“Liar.”",
        "“Fine. I’m sad. Happy?”",
        "“Mara! Come and dry these dishes!”",
    ]
    assert dialogue_speakers(scene)[3] == "Teo"
    assert dialogue_rules(scene)[4] != "calls_the_other_of_two"


def test_a_few_words_left_open_are_a_closing_mark_forgotten_and_do_not_run_on():
    # round 43H: "Maybe tomorrow. -- a short speech left open is more likely a typo than a
    # speaker holding forth; the untagged reply is the other's
    scene = [
        "Ana sat on the steps of the library. Ben sat two steps below her, picking at his shoelace.",
        '"When are you telling him?" Ben asked.',
        '"I don\'t know," Ana said. "Maybe tomorrow.',
        '"Tomorrow\'s too late."',
        '"Then tonight."',
    ]
    assert dialogue_speakers(scene)[-2:] == ["Ben", "Ana"]


def test_a_speech_cut_off_with_its_closing_mark_typed_as_an_opening_one_does_not_run_on():
    # round 43H: a word processor turns the mark after a dash into an opening one
    # (“I didn’t mean—“); the cut-off speech is closed, and the next line is the other's
    assert not left_open("“I didn’t mean—“ Tom started.")
    scene = [
        "Tom and Ana stood on the porch in the rain.",
        "“I didn’t mean—“ Tom started.",
        "“Save it.”",
        "“Ana, please.”",
    ]
    assert dialogue_speakers(scene)[1] == "Ana"


_PORCH = [
    "Mara found her brother on the porch steps after dinner, with the dog asleep across his feet.",
    "“You’re quiet,” Mara said.",
    "“Tired,” Teo said.",
    "“You were tired yesterday,” Mara said.",
    "“Teo, you can’t keep doing this.”",
    "“Doing what?”",
]


def test_in_a_talk_of_two_a_line_calling_one_of_them_is_the_others():
    # the count of turns would give the line to Teo, whom it calls: of two, the other speaks
    lines = dialogue_lines(_PORCH)
    assert [(l.speaker, l.rule) for l in lines[-2:]] == [("Mara", "calls_the_other_of_two"), ("Teo", "vocative_addressee_replies")]


def test_a_third_person_of_the_scene_who_acts_may_call_one_of_the_two():
    scene = [
        "Mara found her brother on the porch steps after dinner. Ines came out behind her with the lemonade and sat on the rail.",
        "“Lemonade,” Ines said. “Nobody asked, but here it is.”",
        "“You’re quiet,” Mara said.",
        "“Tired,” Teo said.",
        "“You were tired yesterday,” Mara said.",
        "Ines set the glasses down one by one on the rail.",
        "“Teo, drink something.”",
    ]
    assert dialogue_speakers(scene)[-1] == "Ines"
    # with three people in the last turns the rule says nothing
    assert "calls_the_other_of_two" not in dialogue_rules([*scene[:5], "“Both of you, stop,” Ines said.", "“Teo, drink something.”"])


_WATER_BREAK = [
    "I sat on the bench with my boots off. Ken sat beside me, and Tomo was stretching by the fence.",
    "“Water,” Aiko said, coming down the steps with a crate.",
    "“You’re a lifesaver,” Ken said.",
    "“Say that again and you get the warm one.”",
    "“Sorry.”",
    "She hands me mine last. She flips a page. “Coach wants you on the left on Saturday.”",
    "“Why the left?”",
]


def test_the_narrator_a_speaker_acts_on_as_me_answers():
    # "She hands me mine last": the one spoken to is the narrator, not Ken by the count of turns
    lines = dialogue_lines(_WATER_BREAK)
    assert (lines[-1].speaker, lines[-1].rule) == ("I", "acted_on_replies")


def test_me_in_a_paragraph_where_someone_else_acts_is_no_one_acted_on():
    scene = [*_WATER_BREAK[:5], "She hands me mine last. Tomo laughs at something behind me. “Coach wants you on the left on Saturday.”", "“Why the left?”"]
    assert dialogue_speakers(scene)[-1] != "I"


def test_me_measured_against_is_no_one_acted_on():
    scene = [*_WATER_BREAK[:5], "She has managed the team a year longer than me. “Coach wants you on the left on Saturday.”", "“Why the left?”"]
    assert dialogue_rules(scene)[-1] != "acted_on_replies"


def test_a_call_by_another_name_than_the_last_speaker_used_is_a_new_voice():
    # the reader calls her "Dana"; "Oi, Reyes" a line later is no slip of the count of two:
    # a new voice, whom the next paragraph shows
    scene = [
        "Characters: Dana Reyes, Tomas Vidal", "Summary: The festival.",
        "You wait by the lantern stall. Dana Reyes is already there, two candied apples in her hands. Dana Reyes never waits quietly.",
        '"You came," Dana says.', '"You made me."', '"Don\'t be mad."', '"Dana, who else is coming?"',
        '"Oi, Reyes. You said seven."',
        "A tall boy shoulders his way between the stalls.",
    ]
    assert dialogue_speakers(scene)[-1] == "the boy"


def test_another_word_shouted_before_the_call_still_calls_the_other_of_two():
    # "Stop! Teo, ..." shouts a word, not the name: the line is no summons from elsewhere
    scene = [*_PORCH[:4], "“Stop! Teo, you can’t keep doing this.”", "“Doing what?”"]
    lines = dialogue_lines(scene)
    assert (lines[-2].speaker, lines[-2].rule) == ("Mara", "calls_the_other_of_two")


# a name opening a question, a please, or cut off by a dash calls its bearer, who answers next (round 44C)
_PEAS = [
    "Greta stood at the stove with the soup. Pavel and Odile sat at the kitchen table, shelling peas into a bowl.",
    "“Who had the ladle last?” Greta asked.",
    "“Not me,” Pavel said.",
]
_QUIET_TEA = [
    "Mireille poured the tea. Stellan and Lotta sat across the table from her, not looking at each other.",
    "“You two are very quiet tonight,” Mireille said.",
]


def test_a_name_opening_a_question_calls_the_one_who_answers():
    # the count would give the reply to Greta, who spoke two turns before; Odile was asked
    scene = [*_PEAS, "“Odile. Where did we put it after Sunday?” Pavel asked.", "“In the drawer by the sink, where it always goes.”"]
    assert [(l.speaker, l.rule) for l in dialogue_lines(scene)][-1] == ("Odile", "vocative_addressee_replies")


@pytest.mark.parametrize("call", ["“Lotta—” Stellan began.", "“Lotta. Please. I only want to talk about it,” Stellan said."])
def test_a_name_cut_off_or_a_please_calls_the_one_who_answers(call):
    assert dialogue_speakers([*_QUIET_TEA, call, "“There is nothing to talk about.”"])[-1] == "Lotta"


@pytest.mark.parametrize("line", ["“Kitchen. Who left the kettle on?” Stellan asked.", "“I—” Stellan began."])
def test_a_word_that_is_no_one_s_name_calls_no_one_and_the_count_decides(line):
    # "Kitchen" is no person, "I" no call: the reply goes by the count, to Mireille
    assert dialogue_speakers([*_QUIET_TEA, line, "“Not me.”"])[-1] == "Mireille"


def test_a_name_opening_a_question_calls_no_one_the_scene_has_not_had_in_it():
    # Rudi left in the scene before: a call by a name the scene has neither heard nor named may
    # be someone's other name not yet joined to them (Kasia's, here), so the count decides
    text = "\n".join([
        "Rudi pulled on his coat by the tent flap.",
        '"I am off to town for the post," Rudi said. "Back by dark."',
        "***",
        "Sten sat on an upturned crate by the stove. Kasia stood by the door, counting the takings into a tin.",
        '"Well?" Sten said.',
        '"Not much," Kasia said.',
        '"Rudi. How much is in the tin?" Sten asked.',
        '"Forty dollars, give or take."',
    ])
    assert speakers(text)[-1] == ("Kasia", "turn_taking")


# round 44K: review of 44C with invented scenes
_ROOFTOP = [
    "Ren and Aiko sat on the roof. Kaito had left for Osaka that morning without a word.",
    "“I keep thinking about Kaito,” Ren said.",
    "“Me too,” Aiko said.",
]


@pytest.mark.parametrize("line", ["“Kaito—”", "“Kaito. Did he call you?”", "“Kaito. Is he ever coming back?”"])
def test_a_name_said_as_the_topic_calls_no_one_who_has_not_talked(line):
    # Kaito has only been named (he left); a name broken off, or a question about him, is said
    # about him to the one beside the speaker, and he does not answer (on main f6b11a8 he did)
    speakers = dialogue_speakers([*_ROOFTOP, line, "“Don’t. Please.”", "“Fine.”"])
    assert "Kaito" not in speakers
