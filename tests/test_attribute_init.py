"""Tests of ficaudio.attribute itself (attribute() and its own rules): src/ficaudio/attribute/__init__.py."""

from __future__ import annotations

from ficaudio.attribute import attribute, follow_renames, possessive_reaction
from ficaudio.attribute.document import Mention
from ficaudio.models import NARRATOR, UNKNOWN_SPEAKER, Character, Gender

from attribute_scenes import INO, KIBA, dialogue_rules, dialogue_speakers, paragraph_characters, speakers, story


def test_one_line_per_segment_with_narrator_and_unknown():
    st, segs = story('The rain fell.\n***\n"Who is there?"')
    result = attribute(st, segs)
    assert [l.segment for l in result.lines] == segs
    assert result.lines[0].speaker == NARRATOR and result.lines[0].rule == "narration"
    assert result.lines[-1].speaker == UNKNOWN_SPEAKER and result.lines[-1].confidence == 0.0


def test_confidence_is_between_zero_and_one():
    st, segs = story('Ino met Kiba.\n"A," Ino said.\n"B."\nHe sighed. "C."')
    assert all(0.0 <= l.confidence <= 1.0 for l in attribute(st, segs).lines)


def test_later_quotation_goes_to_a_new_actor_not_the_first_tag():
    paragraphs = [
        "Lena and Mara sat in the café. Lena smiled at her friend. Mara smiled back at Lena.",
        'Lena is nervous, but she says, "I kissed him." Mara practically falls forward, hands flat on the table. "Start from the beginning."',
    ]
    assert dialogue_speakers(paragraphs) == ["Lena", "Mara"]


def test_later_quotation_after_its_own_tag_keeps_the_speaker():
    paragraphs = [
        "Lena and Mara sat in the café. Lena smiled at her friend. Mara smiled back at Lena.",
        '"I kissed him," Lena says. "Twice."',
    ]
    assert dialogue_speakers(paragraphs) == ["Lena", "Lena"]


def test_a_possessive_subject_is_a_reaction():
    t = "Linnea’s eyes sting."
    assert possessive_reaction(t, Mention(0, 8, "name", "Linnea’s"))
    assert not possessive_reaction("Linnea’s gone.", Mention(0, 8, "name", "Linnea’s"))


def test_an_unsure_opening_line_goes_to_the_person_the_next_paragraph_reveals():
    scene = [
        "Mr. Pett climbed the stairs to look for Ogden. He pushed open the door of the study.",
        "“Hello, pop!”",
        "Ogden was sprawling in a deep chair in the shadows.",
    ]
    assert dialogue_speakers(scene) == ["Ogden"]
    assert dialogue_rules(scene) == ["revealed_by_next_paragraph"]


def test_a_pronoun_opening_the_next_paragraph_reveals_no_one():
    scene = [
        "Mr. Pett climbed the stairs to look for Ogden. He pushed open the door of the study.",
        "“Hello, pop!”",
        "He sighed and sat down.",
    ]
    assert dialogue_rules(scene) != ["revealed_by_next_paragraph"]


def test_a_voice_after_narration_naming_no_one_is_the_newcomer_the_next_paragraph_shows():
    scene = [
        "Petra and Linnea stood over the broken loom.",
        "“It was like this when I came in,” Petra said.",
        "“It was not,” Linnea said.",
        "“Fine. I leaned on it.”",
        "The workshop door swung open.",
        "“Who has been shouting in here?”",
        "Odile Varga stood on the threshold with her cane. Nobody told Odile anything, and yet Odile always knew.",
    ]
    assert dialogue_speakers(scene)[-1] == "Odile"
    assert dialogue_rules(scene)[-1] == "revealed_by_next_paragraph"


def test_a_voice_after_narration_about_someone_keeps_its_turn():
    scene = [
        "Petra and Linnea stood over the broken loom.",
        "“It was like this when I came in,” Petra said.",
        "“It was not,” Linnea said.",
        "“Fine. I leaned on it.”",
        "Linnea kicked the loom.",
        "“Who has been shouting in here?”",
        "Odile Varga stood on the threshold with her cane. Nobody told Odile anything, and yet Odile always knew.",
    ]
    assert dialogue_rules(scene)[-1] != "revealed_by_next_paragraph"


def test_the_one_whose_voice_is_heard_last_speaks_next():
    text = ("Ino sat in the van with the headphones on.\n"
            "She turned the dial up and heard a door close, then Kiba's voice, much too near the microphone.\n"
            '"Is anyone here?"')
    assert speakers(text, [INO, KIBA])[-1] == ("Kiba", "announced_by_previous_paragraph")


def test_a_name_called_out_is_answered_by_its_bearer():
    scene = [
        "Noa and Tess sat with Callum in the waiting room.",
        "“You look terrible,” Tess said.",
        "“Thank you, Tess,” Callum said.",
        "“Did the doctor come?” Noa asked.",
        "A nurse came through the doors with a clipboard.",
        "“Price? Callum Price?” the nurse said.",
        "“That’s me.”",
    ]
    assert dialogue_speakers(scene)[-1] == "Callum"
    for call in ("“Hello? Callum Price?” the nurse said.", "“Next! Callum Price?” the nurse said."):
        assert dialogue_speakers([*scene[:5], call, scene[6]])[-1] == "Callum"  # an interjection before the call


_VOICE_FROM_ANOTHER_ROOM = [
    "Owen made the coffee while Felix hunted for the milk, and June sang in the shower.",
    "“Who finished the milk?” Felix asked.",
    "“You did,” Owen said.",
    "“Will you two get a room,” a voice yells from the bathroom. “I need the kitchen.”",
    "Felix turns red. Owen turns very busy with the coffee.",
    "“We’re having a serious discussion, June,” Owen calls back.",
]


def test_an_unnamed_voice_is_the_third_person_the_reply_calls_by_name():
    assert dialogue_speakers(_VOICE_FROM_ANOTHER_ROOM)[2:4] == ["June", "June"]
    assert dialogue_rules(_VOICE_FROM_ANOTHER_ROOM)[2] == "revealed_voice"


def test_an_unnamed_voice_is_the_new_person_the_narration_then_shows():
    scene = [
        "I grabbed the list from Priya. Ashby and Keller, Greenhouse Three.",
        "“He set my robes on fire last term,” I said.",
        "“You will live,” Priya said.",
        "“That was an accident,” said a voice behind me.",
        "I turned. Tom Keller was standing there with his hands in his pockets.",
        "“Was it?” I asked.",
        "“Mostly,” Tom Keller said.",
    ]
    assert dialogue_speakers(scene)[2] == "Tom Keller"


def test_a_subject_inside_a_before_clause_is_not_the_paragraphs_closing_actor():
    scene = [
        "Noa and Tess sat in the waiting room with Callum.",
        "The nurse looked at Noa and Tess over the clipboard. “Which one of you is taking him home?”",
        "“Me,” said Noa, before Tess could open her mouth.",
        "“Then you get the instructions. No driving, no lifting.”",
    ]
    assert dialogue_speakers(scene)[-1] == "the nurse"


def test_a_subject_inside_a_which_clause_is_not_the_paragraphs_closing_actor():
    # first person: Jonah, back from the back room, speaks first (not "I" of "which he knows I hate")
    scene = [
        "Jonah was sorting boxes in the back room. I was counting the till.",
        "“Are we out of tape?” Jonah called.",
        "“Second drawer,” I said.",
        "The bell rang and a courier came in with a parcel.",
        "“Sign here,” the courier said.",
        "“Done,” I said.",
        "“Thanks,” the courier said.",
        "Jonah came back and leaned on the counter, which he knows I hate.",
        "“Who was that?”",
    ]
    assert dialogue_speakers(scene)[-1] == "Jonah"


def test_a_subject_of_what_does_not_happen_leaves_the_speaker_going_on():
    scene = [
        "Owen made coffee while Felix looked for the milk.",
        "“Who finished the milk?” Felix asked.",
        "“Will you two keep it down,” Mrs. Hale called from the hall.",
        "Mrs. Hale came into the kitchen and took the mug out of Owen’s hand before he could stop her.",
        "“Thank you, sweetheart.”",
    ]
    assert dialogue_speakers(scene)[-1] == "Mrs. Hale"


def test_the_caller_goes_on_after_narration_about_her_alone():
    # the vocative's addressee would answer, but the narration between gave the turn back to the caller
    scene = [
        "Aunt Maud stood at the door of the barn. Tom had been missing since noon.",
        '"Come out of there, Tom!" she shouted.',
        "She turned just in time to seize a small boy by the collar.",
        '"What have you been doing in there?"',
    ]
    assert dialogue_speakers(scene)[-1] == "Aunt Maud"


def test_an_unnamed_voice_is_the_person_its_own_paragraph_then_names():
    scene = [
        "Roz had gone home early. Mari and Dima sat at the desk in front of the stream.",
        "“We go live at nine,” Mari said.",
        "“Nine is fine,” Dima said.",
        "“You can’t just announce that,” says a voice out of my phone, because of course Roz is already in the channel.",
    ]
    assert dialogue_speakers(scene)[2] == "Roz"


def test_an_unnamed_voice_is_the_person_the_tag_says_it_is():
    scene = [
        "Margaret listened from the back room. Edith and Mrs. Shaw sat by the fire with Mrs. Gibson.",
        "'She has all the shawls,' said Edith.",
        "'Lovely,' said Mrs. Shaw.",
        "'She is a lucky girl,' replied another voice, which Margaret knew to be that of Mrs. Gibson.",
    ]
    assert dialogue_speakers(scene)[2] == "Mrs. Gibson"


def test_a_groups_chorus_is_no_ones_turn():
    scene = [
        "Margaret and Mrs. Shaw sat in the drawing-room with the other ladies.",
        "'Edith is asleep,' said Margaret.",
        "All the ladies said 'Poor child!' together.",
        "'Hush! She will wake,' said Mrs. Shaw.",
        "'I will sit with her.'",
    ]
    assert dialogue_speakers(scene)[1:] == ["the ladies", "Mrs. Shaw", "Margaret"]


_CAMPFIRE = [
    "Mara and Lise sat by the campfire. Tomas poked at it with a stick, and Tomas hummed to himself, and he looked guilty.",
    "“Who forgot the marshmallows?” Lise asked.",
    "“You did,” Mara told him.",
    "“I did not.”",
]


def test_the_one_a_tag_tells_by_pronoun_replies():
    assert (dialogue_speakers(_CAMPFIRE)[-1], dialogue_rules(_CAMPFIRE)[-1]) == ("Tomas", "acted_on_replies")
    called = [*_CAMPFIRE[:2], "“You did, Tommy,” Mara told her.", "“I did not.”"]
    assert dialogue_rules(called)[-1] != "acted_on_replies"  # the name says who is told, not the pronoun


def test_a_crowds_line_leaves_the_last_persons_turn_as_it_was():
    # after Kiba's tagged line and the crowd's answer, "the man" opening the next paragraph is not Kiba
    shino = Character("Shino", (), Gender.MALE)
    scene = ['Kiba and Shino faced the recruits in the yard.', '"At dawn," Shino said.', '"We march at dawn," Kiba said.',
             '"Never!" cried the others.', 'The man nodded. "Even in rain."']
    assert speakers("\n".join(scene), [KIBA, shino])[-1] == ("Shino", "description_action_beat")


_THRONE_ROOM = [
    "The hall was cold. Queen Ysolde sat on the dais, and Prince Tam lounged by the window.",
    '"The granaries are half empty," said Lord Brannoc.',
    '"Then fill them," the queen said.',
    '"The south road is closed, Your Highness," Lord Brannoc said.',
    '"I rode it yesterday."',
]


def test_the_one_a_title_addresses_answers_next():
    assert dialogue_speakers(_THRONE_ROOM)[-1] == "Prince Tam"



def test_a_question_about_someone_by_name_does_not_call_them():
    scene = [
        "Marta and Jonas stood at the nurses' station. Marta was reading a chart.",
        '"Dr. Fairweather wants the bed," Jonas said.',
        '"Who\'s Dr. Fairweather?"',
        '"The new registrar."',
    ]
    assert dialogue_speakers(scene)[-1] == "Jonas"


def test_sir_calls_no_one_in_particular():
    scene = [
        "Inspector Rhodes sat by the fire. He lit his pipe. Mr. Pym stood at the window, and the maid Lettice waited by the door.",
        '"Sit down, girl," Inspector Rhodes said.',
        '"What did you see on the stairs?" Mr. Pym asked.',
        '"A man in a grey coat, sir," said Lettice.',
        '"How tall?"',
    ]
    assert dialogue_speakers(scene)[-1] == "Mr. Pym"
    knighted = [scene[0].replace("Inspector Rhodes", "Sir Bors"), scene[1].replace("Inspector Rhodes", "Sir Bors"), scene[2],
                '"Sir, a man in a grey coat," said Lettice.', scene[4]]
    assert dialogue_speakers(knighted)[-1] == "Mr. Pym"  # a capitalised Sir is no more the knight's


def test_a_speaker_renamed_to_a_name_later_renamed_again_takes_the_last_name():
    # `the bosun` answered a call of `Rafe` and took that name; `Rafe` was then found to be
    # a second name of Harrow: the bosun's lines are Harrow's, not a voice called Rafe
    assert follow_renames({"the bosun": "Rafe", "Rafe": "Harrow", "I": "Nell"}) == {"the bosun": "Harrow", "Rafe": "Harrow", "I": "Nell"}


def test_a_role_renamed_to_a_woman_leaves_her_gender_known():
    # "Chef", a voice of unknown gender met first, is found to be Ms. Okonkwo (the call answered):
    # the one character keeps the gender her title says, not the role's unknown one.
    scene = [
        "“Service in ten,” Chef called from the pass.",
        "Ms. Okonkwo looked at the clock. “It’s late.”",
        "“I know, Chef, I’m just the messenger,” Tomas said.",
    ]
    chef = paragraph_characters(scene)["Ms. Okonkwo"]
    assert "Chef" in chef.aliases and chef.gender is Gender.FEMALE


_WALK_IN = [
    "Mara was counting the till when the bell rang. Her brother Pia was asleep upstairs.",
    "“We close at six,” Mara said.",
    "Nobody answered. Rain ran down the window.",
    "“Does it hurt?”",
    "“Depends where.”",
    "“On the wrist.”",
    "“Then yes.”",
    "“Teo. I’m Teo. I keep the bakery across the road.”",
    "“I know the one.”",
    "Teo laughed and sat down.",
]


def test_a_self_introduction_anchors_the_turns_before_it():
    assert dialogue_speakers(_WALK_IN)[1:6] == ["Teo", "Mara", "Teo", "Mara", "Teo"]



# --------------------------------------------------------------- thoughts (round 44J)
def _thought_scene(paragraphs: list[str]):
    """A list of paragraphs segmented as a user's run segments them: thoughts marked."""
    from ficaudio.segment import segment

    from attribute_scenes import paragraph_story

    st, _ = paragraph_story(paragraphs)
    return st, list(segment(st))


def _state_after(paragraphs: list[str]):
    """The conversation once every paragraph of the scene has been read, and the document."""
    from ficaudio.attribute import _attribute_paragraph
    from ficaudio.attribute.document import build_document
    from ficaudio.attribute.resolve import Resolver

    st, segs = _thought_scene(paragraphs)
    resolver = Resolver(build_document(st, segs, ()))
    decisions: dict = {}
    for para in resolver.doc.paragraphs:
        _attribute_paragraph(resolver, para, decisions)
    return resolver


_DOCK = [
    "Mira and Tomas sat on the end of the dock while the ferryman coiled his ropes.",
    "“The boat leaves Friday,” Mira said.",
    "“You could stay,” Tomas said.",
]


def test_a_paragraph_of_narration_and_a_thought_is_narration_to_the_talk():
    """``Tomas skimmed a stone. *Don't beg,* he told himself.``: the thought is no quotation of
    the paragraph; the paragraph is narration, whose actor acted last, and the thinker has no
    turn in the talk."""
    resolver = _state_after([*_DOCK, "Tomas skimmed a stone across the water. *Don’t beg,* he told himself. *She has to choose it.*"])
    para = resolver.doc.paragraphs[-1]
    assert para.quotes == [] and len(para.thoughts) == 2
    conv = resolver.conversation
    assert conv.narration_paragraphs == 1 and conv.last_speaker is None
    assert conv.last_actor == "Tomas" and conv.turns == ["Mira", "Tomas"]
    # the thought's words are no narration: the paragraph's narration is around them
    assert [resolver.doc.text[s:e].strip() for s, e in para.narration(resolver.doc.segments)] == ["Tomas skimmed a stone across the water.", "he told himself."]


def test_the_thinker_of_a_thought_is_still_found():
    st, segs = _thought_scene([*_DOCK, "Tomas skimmed a stone across the water. *Don’t beg,* he told himself. *She has to choose it.*", "“If you go,” he said, “write to me.”"])
    lines = [(l.segment.kind.value, l.speaker) for l in attribute(st, segs).lines if l.segment.kind.value in ("thought", "dialogue")]
    assert lines[2:] == [("thought", "Tomas"), ("thought", "Tomas"), ("dialogue", "Tomas"), ("dialogue", "Tomas")]


_KITCHEN = [
    "Nadia, Leo and Pim sat in the kitchen.",
    "“Who left the gas on?” Nadia asked.",
    "“Nobody,” Leo said.",
]


def test_a_thought_tag_is_no_act_the_talk_answers():
    """``*She knows,* Pim thinks.``: Pim thinks, and does nothing the talk turns to: no last
    actor, no one narrated."""
    conv = _state_after([*_KITCHEN, "*She knows,* Pim thinks. *She knows it was me.*"]).conversation
    assert conv.last_actor is None and conv.narrated == []


def test_one_who_acts_beside_a_thought_is_still_the_last_actor():
    """Not a sentence whose subject acts: ``Pim looks at the stove.`` makes Pim the last actor,
    with a thought beside it or without."""
    for last in ("Pim looks at the stove.", "*She knows,* she thinks. Pim looks at the stove."):
        conv = _state_after([*_KITCHEN, last]).conversation
        assert conv.last_actor == "Pim" and "Pim" in conv.narrated


# ------------------------------------------------ thoughts: round 44L's invented scenes
def _thought_lines(paragraphs: list[str]) -> list[tuple[str, str]]:
    st, segs = _thought_scene(paragraphs)
    return [(l.segment.kind.value, l.speaker) for l in attribute(st, segs).lines if l.segment.kind.value in ("thought", "dialogue")]


def test_a_thinker_after_an_untagged_line_is_not_revealed_as_its_voice():
    """``"I said seven."`` / ``Dev unlocked the doors. *She definitely said six.*``: the one
    who thinks about the line is no voice the next paragraph reveals -- Priya answers Dev."""
    lines = _thought_lines([
        "Priya and Dev argued all the way to the car.",
        "\u201cYou said six,\u201d Dev said.",
        "\u201cI said seven.\u201d",
        "Dev unlocked the doors. *She definitely said six.*",
        "\u201cGet in,\u201d Priya said.",
    ])
    assert lines == [("dialogue", "Dev"), ("dialogue", "Priya"), ("thought", "Dev"), ("dialogue", "Priya")]


def test_an_untagged_thought_before_its_paragraphs_tagged_line_is_the_speakers():
    """``*You have no idea.* "Long week," Kira said.``: one paragraph, one character -- Kira
    thinks it, not Jamie, who asked last."""
    lines = _thought_lines([
        "Kira dropped her bag by the door, and her roommate looked up from the couch.",
        "\u201cLong day?\u201d Jamie asked.",
        "*You have no idea.* \u201cLong week,\u201d Kira said.",
    ])
    assert lines == [("dialogue", "Jamie"), ("thought", "Kira"), ("dialogue", "Kira")]
    # a thought after another's line in the paragraph, or with narration before the line, keeps the viewpoint
    lines = _thought_lines([
        "Priya leaned against the counter and Dev poured the coffee.",
        "\u201cYou okay?\u201d Dev asked.",
        "\u201cFine,\u201d Priya said. *Liar.*",
    ])
    assert lines == [("dialogue", "Dev"), ("dialogue", "Priya"), ("thought", "Priya")]


def test_a_run_of_untagged_thoughts_before_a_tagged_line_is_the_speakers_even_with_no_viewpoint():
    # no subject before them to take as the viewpoint: the thoughts were no one's; two thoughts
    # in a row before the line are both the speaker's
    lines = _thought_lines([
        "The room was quiet.",
        "*You have no idea.* \u201cLong week,\u201d Kira said.",
    ])
    assert lines == [("thought", "Kira"), ("dialogue", "Kira")]
    lines = _thought_lines([
        "Tom drove with the radio off.",
        "*Not again.* *Not today.* \u201cDrive faster,\u201d Mara said.",
    ])
    assert lines == [("thought", "Mara"), ("thought", "Mara"), ("dialogue", "Mara")]
