"""Tests of ficaudio.attribute.alternation: src/ficaudio/attribute/alternation.py."""

from __future__ import annotations

from ficaudio.attribute.alternation import Turn, alternation_speaker
from ficaudio.attribute.document import Paragraph

from attribute_scenes import INO, KAKASHI, KIBA, SAKURA, dialogue_lines, dialogue_speakers, speakers


def test_untagged_opening_turns_alternate_back_from_the_first_tag():
    text = 'Kiba met Ino at the gate.\n"Where?"\n"North."\n"How far?" Ino asked.\n"Two days," Kiba said.'
    result = speakers(text, [INO, KIBA])
    assert [s for s, _ in result] == ["Ino", "Kiba", "Ino", "Kiba"]
    assert result[0][1] == "alternation_backfill"


def test_newcomer_tagged_later_does_not_rewrite_the_pair():
    text = ('Ino met Kiba at the gate.\n"Well," Ino said.\n"Well what?"\n"You know."\n"I do not."\n'
            '"Stop it," Sakura said.')
    result = speakers(text, [INO, KIBA, SAKURA])
    assert [s for s, _ in result] == ["Ino", "Kiba", "Ino", "Kiba", "Sakura"]


def test_alternation_speaker_needs_a_partner_for_odd_distance():
    p = Paragraph(1, 0, 0, 0)
    turns = [Turn(p, 0, "Ino", True), Turn(p, 1, None, False)]
    assert alternation_speaker(turns, 1) is None


def test_anchors_outvote_one_wrong_tag():
    p = Paragraph(1, 0, 0, 0)
    # Ino and Kiba alternate; turn 2 was mis-tagged Kiba, turn 3 is a guess (truly Kiba's)
    names = ["Ino", "Kiba", "Kiba", None, "Ino", "Kiba", "Ino"]
    turns = [Turn(p, i, n, n is not None) for i, n in enumerate(names)]
    assert alternation_speaker(turns, 3) == "Kiba"


def test_a_third_voice_between_breaks_the_count_back_from_an_anchor():
    p = Paragraph(1, 0, 0, 0)
    # Noa and Callum alternate, Tess joins; Noa's anchor after Tess says nothing of turn 5
    names = ["Noa", None, None, None, None, None, None, "Tess", None, "Noa"]
    turns = [Turn(p, i, n, n is not None) for i, n in enumerate(names)]
    assert alternation_speaker(turns, 5) is None


def test_two_anchors_that_each_rule_out_one_person_keep_a_third_persons_guess():
    p = Paragraph(1, 0, 0, 0)
    # a question by Noa, the answer (guessed Callum from the turns before, three people in them), then Tess
    turns = [Turn(p, 0, "Tess", True), Turn(p, 1, "Callum", False, "turn_taking", case="three_way"), Turn(p, 2, "Noa", True),
             Turn(p, 3, "Callum", False, "turn_taking", case="three_way"), Turn(p, 4, "Tess", True)]
    assert alternation_speaker(turns, 3) == "Callum"


FIRESIDE = ['Ino, Kiba and Sakura sat by the fire.', '"Who wants the last one?" Sakura asked.', '"I do," Kiba said.',
            '"You had two already," Ino said.', '"He always has two."']


def test_a_guessed_turn_is_the_one_the_next_turn_calls_by_name():
    text = "\n".join([*FIRESIDE, '"Stop it, Sakura."'])
    result = speakers(text, [INO, KIBA, SAKURA])
    assert result[3] == ("Sakura", "addressed_by_next_turn")


def test_an_opening_no_rule_could_guess_is_the_one_the_reply_calls_by_name():
    # "It's gravel, Milo." calls the only person the narration has shown, so no rule guesses who
    # says it; the reply calls Jess by name: she said it, and the count back gives her the first line too
    scene = [
        "The radio had died an hour ago, and Milo had been humming to fill the quiet ever since.",
        "“Those aren’t the words.”",
        "“They’re the words now.”",
        "“It’s not gravy on the highway, Milo. It’s gravel.”",
        "Milo drummed on the wheel and grinned at the road. “Everything’s gravy if you sing it loud enough, Jess.”",
        "Jess slid lower in the passenger seat and pulled her jacket tight.",
    ]
    assert [(l.speaker, l.rule) for l in dialogue_lines(scene)][2] == ("Jess", "addressed_by_next_turn")
    assert dialogue_speakers(scene) == ["Jess", "Milo", "Jess", "Milo"]


def test_a_name_after_narration_greets_rather_than_answers():
    text = "\n".join([*FIRESIDE, 'Ino stood up. "Stop it, Sakura."'])
    result = speakers(text, [INO, KIBA, SAKURA])
    assert result[3] == ("Kiba", "turn_taking")


def test_a_name_given_to_a_question_for_one_is_an_answer_not_a_call():
    text = "\n".join([*FIRESIDE[:4], '"What was his name?"', '"Sakura."'])
    result = speakers(text, [INO, KIBA, SAKURA])
    assert result[3][1] != "addressed_by_next_turn"


def test_a_name_only_ever_said_aloud_is_not_taken_for_the_one_answered():
    # "Kiba" is never written in the narration (like "Mama" for a mother the narration calls "her mother")
    text = "\n".join(['Ino and Sakura sat by the fire.', '"Who wants the last one?" Sakura asked.', '"Kiba, do you?" Ino said.',
                      '"No."', '"He always has two."', '"Stop it, Kiba."'])
    result = speakers(text, [INO, KIBA, SAKURA])
    assert result[2][0] == "Kiba" and result[3] == ("Ino", "turn_taking")


def test_a_name_called_out_is_not_an_answer():
    text = "\n".join([*FIRESIDE, '"Sakura! The fire!"'])
    result = speakers(text, [INO, KIBA, SAKURA])
    assert result[3] == ("Kiba", "turn_taking")


def test_who_talks_after_someone_comes_in_says_nothing_about_who_talked_before():
    # Kiba and Sakura talk untagged; Ino comes in and trades tagged lines with Sakura
    text = ('Kiba sat on the porch. Sakura sat beside him.\n'
            '"You look tired, Sakura."\n"I slept in a tree."\n"On purpose?"\n"Mostly."\n'
            'The gate creaked and Ino put her head in. "Lunch is ready."\n'
            '"What kind?" Sakura asked.\n"The cold kind," Ino said.')
    result = speakers(text, [INO, KIBA, SAKURA])
    assert [s for s, _ in result][:4] == ["Kiba", "Sakura", "Kiba", "Sakura"]


def test_a_name_that_answers_who_did_calls_nobody():
    # "Kakashi." answers "Who did?": Kakashi, not even in the room, did not ask it
    text = ('Kakashi had gone down an hour before. Ino and Sakura sat on the roof.\n"He said well done," Ino said.\n"Who did?"\n'
            '"Kakashi."\n"Shut up."\n"I swear," Ino said.')
    result = speakers(text, [INO, SAKURA, KAKASHI])
    assert [s for s, _ in result] == ["Ino", "Sakura", "Ino", "Sakura", "Ino"]


def test_a_name_called_to_talk_about_the_last_speaker_did_not_say_the_line_before():
    # Ino asks Kiba about Sakura's face: Kiba did not say "I'm fine", Sakura did (Ino called her)
    text = ('Ino, Kiba and Sakura sat by the fire. Kiba was turning a stick in the coals.\n'
            '"Sakura," Ino said. "You look like you have a secret."\n'
            '"I\'m fine."\n'
            '"She has a face. Doesn\'t she have a face, Kiba?"\n'
            '"She always has a face," Kiba said.')
    result = speakers(text, [INO, KIBA, SAKURA])
    assert result[2][0] == "Sakura"


def test_an_opening_turn_given_to_the_one_the_narration_put_forward_is_not_counted_away():
    # The beat puts Marek forward; the two tags after it are Dana's and Lio's, and counting back
    # from them as if only two people talked would give the opening line to Lio.
    paragraphs = [
        "Dana and Lio went looking for Marek and found the garage door open.",
        "Marek was sitting on an upturned crate, a wrench across his knees. He looked up when they came in.",
        "“The cavalry, at last.”",
        "“Hardly,” Dana said.",
        "“You said to come at ten,” Lio said.",
    ]
    assert [(l.speaker, l.rule) for l in dialogue_lines(paragraphs)][0] == ("Marek", "salient_character")


def test_a_count_through_two_people_holds_against_a_tag_after_it():
    # Sakura speaks before and after the tea, two turns on from "Sugar?": a count from after would
    # make her ask it; the count from before, through Ino and Kiba alone, says Ino
    text = ('"I\'ll be outside," Sakura said.\n"Who wants tea?" Ino asked.\n"Me," Kiba said.\n"Milk?"\n"No milk."\n'
            '"Sugar?"\n"Two."\n"It\'s cold out here," Sakura said.')
    result = speakers(text, [INO, KIBA, SAKURA])
    assert [s for s, _ in result] == ["Sakura", "Ino", "Kiba", "Ino", "Kiba", "Ino", "Kiba", "Sakura"]
    assert result[5][1] == "turn_taking"


def test_a_name_given_on_request_anchors_the_turns_before_it():
    scene = [
        "Mara was counting the till when the bell rang. Her brother Pia was asleep upstairs.",
        "“We close at six,” Mara said.",
        "Nobody answered. Rain ran down the window.",
        "“Does it hurt?”",
        "“Depends where. Who’s asking?”",
        "“Teo Marsh. I keep the bakery across the road.”",
        "Teo laughed and sat down.",
    ]
    assert dialogue_speakers(scene)[1:4] == ["Teo", "Mara", "Teo"]


CALLED_BACK = [
    "Wren had stayed behind after the concert. Wren stacked the last chairs against the wall of the empty hall.",
    "“You missed one.”",
    "She didn't look round. She knew that voice.",
    "“Go home, Petra.”",
    "“Not without you.”",
    "Petra picked up the chair herself and carried it over to Wren.",
]


def test_an_opening_guessed_from_the_narration_is_the_one_the_reply_calls():
    lines = dialogue_lines(CALLED_BACK)
    assert [(l.speaker, l.rule) for l in lines][0] == ("Petra", "addressed_by_next_turn")
    assert [l.speaker for l in lines] == ["Petra", "Wren", "Petra"]


def test_an_opening_whose_speaker_the_narration_announces_going_on_is_kept():
    paragraphs = [
        "Jory had won the game. Jory climbed onto the yard wall and spread his arms wide.",
        "“Behold the king of the wall.”",
        "He looked down at the yard and called out:",
        "“Come up, Nell!”",
        "Nell stayed where she was, by the pump, and Jory laughed.",
    ]
    assert dialogue_speakers(paragraphs)[0] == "Jory"


def test_a_call_that_cuts_out_leaves_the_two_in_the_room_to_take_turns():
    # round 42C: the voice on the line takes no more turns once the call has cut out
    scene = [
        "Tom and I were halfway through the dishes when my phone buzzed. I dried my hands and answered it.",
        '"Jess? It\'s Mara. Are you busy?"',
        '"Not really. What\'s up?" I said.',
        '"Can you come over tonight? I need help with the cake," Mara said.',
        '"Sure. Give me an hour."',
        '"You\'re the best. Oh, and bring the—" The call cut out before she could finish.',
        'Tom looked at me over the sink. "Who was that?"',
        '"Mara. She needs help with a cake."',
        '"Of course she does," Tom said.',
        '"Don\'t start."',
        '"I\'m not starting anything."',
        '"You are."',
    ]
    assert dialogue_speakers(scene)[-3:] == ["I", "Tom", "I"]
