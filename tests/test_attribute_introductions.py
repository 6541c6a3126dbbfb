"""Tests of ficaudio.attribute.introductions: src/ficaudio/attribute/introductions.py."""

from __future__ import annotations

from ficaudio.attribute import attribute
from ficaudio.attribute.characters import Roster
from ficaudio.attribute.header import Header
from ficaudio.attribute.introductions import _lines_by_speaker, _spoke_before, bare_call, introduced_name, self_introductions
from ficaudio.attribute.rules import Decision
from ficaudio.models import SegmentKind
from types import SimpleNamespace

import pytest

from attribute_scenes import (
    dialogue_lines, dialogue_speakers, paragraph_characters, paragraph_story, scene_attribution, speakers, speakers_of,
)


def test_self_introduction_names_the_described_speaker():
    paragraphs = [
        "An old monk stood in the road, leaning on his staff.",
        'The monk bowed. "Forgive me. I am Brother Anselm. You are far from home."',
        '"Where are you going?" the monk asked.',
    ]
    story, segments = paragraph_story(paragraphs)
    result = attribute(story, segments)
    speakers = speakers_of(result)
    assert speakers == ["Brother Anselm", "Brother Anselm"]
    assert "Brother Anselm" in {c.name for c in result.characters}


def test_self_introduction_corrects_a_named_speaker_line():
    paragraphs = [
        "Oswin sat on the wall. He was whittling a stick.",
        '"Good day," Oswin said.',
        'The stranger rode a step nearer. "It was my whim," he said. "I am Parson Wendel, the antiquary."',
    ]
    speakers = dialogue_speakers(paragraphs)
    assert speakers[-1] == "Parson Wendel"


def test_a_name_that_ends_its_sentence_is_the_one_introduced():
    from collections import Counter
    from ficaudio.attribute.characters import Person
    doc = SimpleNamespace(roster=Roster())
    doc.roster.add(Person("Teo", Counter(Teo=2)), ["Teo"])
    assert introduced_name(doc, "“Teo. I’m Teo. I keep the bakery across the road.”") == "Teo"
    assert introduced_name(doc, '"I am Norwegian. This is what joy sounds like."') is None


def test_introduced_name_needs_a_name():
    doc = type("Doc", (), {"roster": Roster()})()
    assert introduced_name(doc, '"Forgive me. I am Brother Anselm."') == "Brother Anselm"
    assert introduced_name(doc, '"I am Afraid of it."') is None
    assert introduced_name(doc, '"I’m Kenji’s student."') is None


def test_a_name_given_after_call_me_ends_its_sentence():
    paragraphs = [
        "Tam and Orla had the lantern. A stranger sat on the stile in a long blue coat.",
        '"Who are you?" Tam asked.',
        'The stranger smiled. "You may call me Ysolde. And you may put that lantern down."',
        '"Why should I?" said Orla.',
        '"Because it is about to go out," the stranger said.',
    ]
    speakers = dialogue_speakers(paragraphs)
    assert speakers[1] == speakers[3] == "Ysolde"


def test_i_am_and_a_capitalised_word_is_no_name_given():
    doc = type("Doc", (), {"roster": Roster()})()
    assert introduced_name(doc, '"I am Norwegian. This is what joy sounds like."') is None


def test_described_speaker_answering_a_silent_name_is_that_character():
    scene = [
        'Teddy knocked at the kitchen of Mrs. Hall and waited. Mrs. Hall was not a woman to hurry, and she kept a cook.',
        '"Mrs. Hall, are you there?" Teddy called.',
        'The cook looked up from the stove. "What now?"',
    ]
    # "Mrs. Hall" is a subject once here, so she is known to act: no rename (and the cook was
    # brought in as someone new, so role_answering_call_named leaves her alone too)
    assert dialogue_speakers(scene)[-1] == "the cook"
    scene[0] = 'Teddy knocked at the kitchen of Mrs. Hall and waited for an answer from Mrs. Hall.'
    assert dialogue_speakers(scene)[-1] == "Mrs. Hall"


_CALLED_SCENE = [
    "The wolf came out of the trees. She was grey and enormous.",
    '"Thieves," the wolf said.',
    '"Marrow," said the old hunter.',
    'The wolf went still. "You remember my name."',
]


def test_a_described_speaker_answering_a_bare_call_takes_that_name():
    attribution = scene_attribution(_CALLED_SCENE)
    lines = [l for l in attribution.lines if l.segment.kind is SegmentKind.DIALOGUE]
    assert [(l.speaker, l.rule) for l in lines] == [
        ("Marrow", "description_tag"), ("the old hunter", "description_tag"), ("Marrow", "description_action_beat")]
    assert "Marrow" in {c.name for c in attribution.characters}


def test_a_broken_off_word_or_a_common_word_is_no_call():
    doc = SimpleNamespace(text='"Open," she said, and he opened it.')
    assert bare_call(doc, '"Open,"') is None  # the story writes "opened": a word
    assert bare_call(doc, '"Because--"') is None
    assert bare_call(doc, '"Marrow!"') == "Marrow"
    lines = dialogue_lines(["The wolf came out of the trees. She was grey.", '"Thieves," the wolf said.', '"Because--" said the old hunter.', 'The wolf went still. "Go on."'])
    assert lines[2].speaker == "the wolf"


def test_a_call_answered_by_someone_who_had_not_spoken_names_nobody():
    lines = dialogue_lines(["The wolf came out of the trees.", '"Thieves," the wolf said.', '"Marrow," said the old hunter.', 'The stranger went still. "Go on."'])
    assert lines[0].speaker == "the wolf" and lines[1].speaker == "the old hunter"


_BARE_INTRODUCTIONS = [
    "Brynn hammered on the door until a light moved behind the glass.",
    "The healer was small and grey-haired. She stepped back to let them in.",
    "“He took a bolt in the side,” Brynn said, half carrying him through the door.",
    "“Hold the lamp. Do you have a name?” The healer was already cutting away his shirt.",
    "“Marrow. Brynn Marrow. Ninth Company.” Brynn set the lamp on the shelf.",
    "“Maud Pennick. Nobody’s company.” She pressed a folded cloth against the wound.",
    "“Keep him talking,” said Pennick.",
]


def test_bare_full_name_introductions_name_the_speaker_and_the_described_asker():
    # the surname-first answer is Brynn's; the answer to it is the healer's, and all her lines are Maud Pennick's
    # (named by her full name: `Maud` names nobody else, so it lengthens `Pennick`)
    assert dialogue_speakers(_BARE_INTRODUCTIONS) == ["Brynn", "Maud Pennick", "Brynn", "Maud Pennick", "Maud Pennick"]


def test_a_full_name_alone_is_no_introduction():
    assert introduced_name(SimpleNamespace(roster=Roster()), '"Harry Potter. We meet again."', '"Hold the lamp."') is None
    assert introduced_name(SimpleNamespace(roster=Roster()), '"Harry Potter. Who else?"', '"And who are you?"') == "Harry Potter"


def test_an_introduction_answering_an_introduction_is_the_described_askers():
    # the answer was guessed for the woman just named ("She pressed..." -> Brynn): it is the asker's
    quotes = ["“Do you have a name?”", "“Marrow. Brynn Marrow. Ninth Company.”", "“Maud Pennick. Nobody’s company.”"]
    starts = [0, len(quotes[0]) + 1, len(quotes[0]) + len(quotes[1]) + 2]
    doc = SimpleNamespace(roster=Roster(), text="\n".join(quotes), paragraphs=[], header=Header(), paragraph_of={i: SimpleNamespace() for i in range(3)},
                          segments=[SimpleNamespace(text=q, kind=SegmentKind.DIALOGUE, start=at) for q, at in zip(quotes, starts)])
    decisions = {0: Decision("the healer", 0.7, "description_tag"), 1: Decision("Brynn", 0.5, "turn_taking"), 2: Decision("Brynn", 0.6, "pronoun_action_beat")}
    assert self_introductions(doc, decisions) == {"the healer": "Maud Pennick"}


_REGULAR = [
    "Owen works the morning rush. He calls out the orders as fast as he can.",
    '"Large flat white for Mira!" Owen calls.',
    '"That is Myra," says the old man at the end of the counter, without looking up.',
    '"Thanks, Walt."',
    '"Seven letters, unrequited," the old man said.',
    '"I am working, Walt."',
]


def test_a_described_speaker_called_by_a_new_name_in_the_reply_takes_it():
    result = scene_attribution(_REGULAR)
    speakers = speakers_of(result)
    assert speakers[1] == speakers[3] == "Walt"
    assert "the old man" in next(c for c in result.characters if c.name == "Walt").aliases


def test_a_reply_calling_a_name_met_before_renames_nobody():
    result = scene_attribution(["Walt came in at nine.", *_REGULAR[1:]])
    speakers = speakers_of(result)
    assert speakers[1] != "Walt"


def test_a_call_after_someone_comes_in_does_not_name_the_described_speaker():
    # round 43F: narration brings a newcomer in between; the greeting is the newcomer's name, not the stranger's
    scene = [
        "Owen works the late shift at the diner. He wipes the counter while the rain comes down.",
        '"Anything to eat?" Owen asks.',
        '"Pie, then. Thank you," says the man in the wet coat.',
        "At ten the sheriff comes in, stamping her boots on the mat and shaking the water off her hat.",
        '"Evening, Dee," Owen says.',
        'Dee takes the stool at the end of the counter, and Dee drinks her coffee. "Some night," she says.',
    ]
    result = scene_attribution(scene)
    assert speakers_of(result) == ["Owen", "the man", "Owen", "Dee"]  # on 5180088: the man's line Dee's, "the man" her alias
    assert not any("the man" in c.aliases for c in result.characters if c.name == "Dee")


def test_a_call_earlier_in_the_turn_before_names_the_described_replier():
    scene = [
        '"It must be Thea who coughs," said Kronborg.',
        "The doctor went in. In a single bed lay a little girl of eleven, wide awake.",
        '"Feel pretty sick, Thea?" the doctor asked. "Why didn\'t you call somebody?"',
        'She looked at him with affection. "I thought you were here," she said.',
    ]
    assert dialogue_speakers(scene)[-1] == "Thea"


_DESCRIBED_THEN_NAMED = [
    "The old lady pulled her spectacles down and looked about the room.",
    '"Well, I lay if I get hold of you I\'ll--" she said.',
    "There was a slight noise behind her and she turned just in time to seize a small boy by his collar.",
    '"There! What you been doing in there?" she said.',
    '"Nothing," said Tom.',
    "The old lady whirled round. The lad fled on the instant and disappeared over the fence.",
    "His aunt Polly stood surprised a moment, and then broke into a gentle laugh.",
    "Aunt Polly went back to her knitting.",
]


def test_a_described_speaker_is_the_one_woman_the_scene_names_after_her():
    assert dialogue_speakers(_DESCRIBED_THEN_NAMED)[:2] == ["Aunt Polly", "Aunt Polly"]


def test_a_woman_named_before_the_description_spoke_is_someone_else():
    scene = ['"Stay behind me," Maren said to Pip.', "The dragon came down out of the clouds. She landed on the ridge.",
             '"Thieves," the dragon said.', "Maren drew her bow."]
    assert dialogue_speakers(scene)[-1] == "the dragon"


_MAMA_ON_THE_STAIRS = [
    "Harriet Penhallow sat at the window with the letter. Mrs. Penhallow came up the last three steps and stood in the doorway.",
    '"It is only a note, Mama," said Harriet.',
    '"From whom?"',
    '"From a friend, Mama."',
    '"A friend who writes twice in one week."',
]


def test_the_parent_a_penhallow_calls_mama_is_mrs_penhallow():
    # "Mama" is no second woman: the callers' surname and the one Mrs. of it
    assert dialogue_speakers(_MAMA_ON_THE_STAIRS) == ["Harriet", "Mrs. Penhallow", "Harriet", "Mrs. Penhallow"]


def test_a_call_tagged_by_someone_else_in_the_same_paragraph_names_the_described_speaker():
    paragraphs = [
        "Lucilla packed the last trunk while the maid hovered in the doorway.",
        '"I shan\'t mind going after her," said the weeping handmaiden. "Ah, Ellis," cried Lucilla, "we must try to bear it."',
        "Upstairs, Ellis wiped her eyes on her apron.",
    ]
    assert dialogue_speakers(paragraphs)[0] == "Ellis"


def test_an_epithet_written_like_a_name_is_never_renamed_to_the_one_woman_named_later():
    # `the Marshal` is a title used as her name: Ilse, met after she spoke, is someone else
    scene = [
        "The rain came down on the tin roof of the trading post.",
        '"Two horses," said the Marshal. She dropped her saddlebags by the stove and sat down.',
        "The Marshal turned her cup slowly on the table.",
        '"Feed them first," she said.',
        "Ilse came in from the yard, wiping her hands, and a boy followed her.",
        '"Ilse, we need oats," said the boy.',
        '"Then fetch them," said Ilse.',
    ]
    assert dialogue_speakers(scene)[:2] == ["the Marshal", "the Marshal"]


def test_a_titled_speaker_takes_the_name_only_called_when_she_is_about():
    """``the Seneschal`` is never named in the narration; the name the others call twice, each
    time right after a paragraph about her, is hers."""
    speakers = dialogue_speakers([
        "\u201cWho goes there?\u201d asked the Seneschal.",
        "Tobin shrugged. \u201cNobody. Just the wind.\u201d",
        "The Seneschal peered into the dark, one hand on her knife.",
        "\u201cDown! Ilse, down!\u201d",
        "She dropped flat, and the arrow went over her head.",
        "\u201cThat was no wind,\u201d the Seneschal said.",
        "Tobin laughed shakily, and the Seneschal did not laugh with him.",
        "\u201cGoodnight, Ilse,\u201d Tobin said.",
    ])
    assert (speakers[0], speakers[3], speakers[4]) == ("Ilse", "Ilse", "Tobin")



_STEWARD = [
    "The hall was cold, and the fire had gone out an hour before.",
    "\u201cSomebody ought to see to the fire,\u201d said the Steward.",
    "Walter Brisk was fifty and walked like a man of thirty. He kept the keys of the house on a ring at his belt.",
    "\u201cThen see to it,\u201d said Martha, and pulled her shawl tighter.",
    "\u201cI have no wood,\u201d the Steward said.",
    "\u201cThen fetch some,\u201d Martha said.",
    "\u201cI will,\u201d Walter said, and went out.",
]


def test_a_described_speaker_is_the_name_the_next_paragraph_introduces():
    """``said the Steward`` on its first line, then ``Walter Brisk was fifty and ...``: the
    Steward is Walter, every line of his, not a second voice."""
    assert dialogue_speakers(_STEWARD) == ["Walter", "Martha", "Walter", "Martha", "Walter"]


def test_a_name_arriving_after_the_described_speaker_is_someone_else():
    # `Walter Brisk was waiting` is someone arriving, not a portrait of the speaker
    scene = [p.replace("was fifty and walked", "was waiting at the door and walked") for p in _STEWARD]
    assert dialogue_speakers(scene)[:3] == ["the Steward", "Martha", "the Steward"]
def test_a_parent_known_by_a_kin_word_takes_the_name_they_give():
    # "Mom" is no name of her own: "call me Hana" names every line of hers
    paragraphs = [
        "Jun brought Noor home for dinner on a Friday.",
        '"Mom, this is Noor," Jun said.',
        'Mom wiped her hands on a towel. "Welcome, Noor. Please, call me Hana."',
        '"Thank you for having me," Noor said.',
        '"Sit anywhere," Mom said. "Jun, get the plates."',
    ]
    assert dialogue_speakers(paragraphs) == ["Jun", "Hana", "Noor", "Hana", "Hana"]


_ROLE_ANSWERS_CALL = [
    "The meeting ran long. At the head of the table sat Ines Varga, her glasses in her hair.",
    '"Go on," Ines said to Tom.',
    '"The scans are clean," Tom said. "You trust them more than I do, Ines."',
    '"I do," said the supervisor. She turned a page.',
    '"Then sign it."',
    '"Not yet," the supervisor said.',
]


def test_a_role_first_heard_answering_a_call_is_the_person_called():
    # nobody brought in "a supervisor": the one who answers "Ines" is Ines, every line
    assert dialogue_speakers(_ROLE_ANSWERS_CALL) == ["Ines", "Tom", "Tom", "Ines", "Tom", "Ines"]


def test_a_role_brought_in_as_someone_new_answering_a_call_stays_its_own_voice():
    scene = [_ROLE_ANSWERS_CALL[0] + " A supervisor from the night shift waited outside.", *_ROLE_ANSWERS_CALL[1:]]
    assert "the supervisor" in dialogue_speakers(scene)


_HEADER_TITLE = [
    "Characters: Mara Quill, High-Archivist Osk",
    "The reading room was silent until the doors swung open.",
    '"You are late," said the High-Archivist.',
    '"The stairs," Mara said. "There are a great many stairs."',
    '"There are four hundred and twelve," said the High-Archivist.',
]


def test_a_title_the_header_lists_before_a_name_names_its_speaker():
    # the header lists "High-Archivist Osk": the one the story calls the High-Archivist is Osk
    assert dialogue_speakers(_HEADER_TITLE) == ["Osk", "Mara", "Mara", "Osk"]


def test_a_role_answering_a_call_that_opens_a_later_sentence_is_the_one_called():
    speakers = dialogue_speakers([
        "Bruno and Nadia were packing the van. Bruno argued with the satnav while Nadia wound cables.",
        "Wendell put his head round the door. “Load-in is at six. Nadia, with me. The sound desk wants you.”",
        "“They always want me,” said the bassist, but she went.",
    ])
    assert speakers[-1] == "Nadia"


_CALLED_NAME = [
    "Dimitri was scrubbing pans when the swing door banged.",
    '"Again, Ozzie?" Dimitri asked.',
    '"Again. Too much salt."',
    '"I can fix it, Ozzie," said Dimitri.',
    'Okafor shook his head. "No. I will."',
    '"You always say that, Ozzie."',
    '"And I always do," Okafor said.',
]


def test_a_name_only_called_is_the_person_who_answers_its_calls():
    # the narration never writes "Ozzie": Okafor answers both calls, so the untagged answer is his
    assert dialogue_speakers(_CALLED_NAME) == ["Dimitri", "Okafor", "Dimitri", "Okafor", "Dimitri", "Okafor"]


def test_a_name_its_answerer_calls_himself_stays_its_own_voice():
    # Okafor calls "Ozzie" in his own tagged line: Ozzie is someone else
    scene = [*_CALLED_NAME[:-1], '"And I always do."', '"Ozzie, get the door," Okafor said.']
    assert "Ozzie" in dialogue_speakers(scene)


def test_a_call_at_a_chapter_end_takes_no_vote_from_the_next_chapters_first_line():
    from ficaudio.attribute.document import build_document
    from ficaudio.attribute.introductions import _call_votes
    from ficaudio.attribute.rules import Decision
    from ficaudio.models import Block, BlockKind, Chapter, Segment, SegmentKind, Story

    paragraphs = [(1, '"Late again," Bo said.'), (1, '"Hello, Bo," Ann said.'), (2, '"Night," Cy said.')]
    text = "\n".join(p for _, p in paragraphs)
    blocks, segments, offset = {1: [], 2: []}, [], 0
    for chapter, p in paragraphs:
        b = len(blocks[chapter])
        blocks[chapter].append(Block(BlockKind.PARAGRAPH, offset, offset + len(p)))
        close = p.index('"', 1) + 1
        segments += [Segment(chapter, b, SegmentKind.DIALOGUE, offset, offset + close, p[:close]),
                     Segment(chapter, b, SegmentKind.NARRATION, offset + close, offset + len(p), p[close:])]
        offset += len(p) + 1
    story = Story(text, "t", None, "t.txt", tuple(Chapter(c, None, None, tuple(blocks[c])) for c in (1, 2)))
    doc = build_document(story, segments, ())
    decisions = {0: Decision("Bo", 1.0, "explicit_tag"), 2: Decision("Ann", 1.0, "explicit_tag"), 4: Decision("Cy", 1.0, "explicit_tag")}
    votes, _, calls, _ = _call_votes(doc, decisions, {})
    assert calls["Bo"] == 1 and "Cy" not in votes["Bo"]


def test_a_role_a_named_speaker_says_is_theirs_names_the_voice_of_that_role():
    """``"I'm the cook here," Marguerite said.`` -> every ``said the cook`` is Marguerite's."""
    speakers = dialogue_speakers([
        "The kitchen of the lodge was hot and loud. Piet stood in the doorway with his bag.",
        "“Who runs this place?” Piet asked.",
        "“I'm the cook here,” Marguerite said. “Which means I run it.”",
        "Piet laughed and went up to find his room.",
        "At supper the soup came out in a great black pot.",
        "“Nobody leaves a drop,” said the cook.",
    ])
    assert speakers[-1] == "Marguerite"


_ROLE_AS_NAME = [
    "Coach blew the whistle twice and the team jogged in.",
    '"Laps," Coach said. "Ten of them."',
    "Priya groaned.",
    '"Ten laps in this heat?" Priya asked.',
    'Brennan folded his arms. "In any heat."',
    'Priya wiped her face. "I hear you, Coach, I just think it is a lot."',
    "Coach pointed at the track.",
]


def test_a_role_written_as_a_name_is_the_person_whose_line_its_call_answers():
    # "Coach" is written in the narration more often than called, but a role is a second name:
    # the call answers Brennan's line, so Coach's lines are his
    assert dialogue_speakers(_ROLE_AS_NAME) == ["Brennan", "Brennan", "Priya", "Brennan", "Priya"]


def test_a_drawn_out_shout_answered_by_a_described_speaker_names_nobody():
    scene = ['"Begin!" the referee called.', '"You are slow," Kaito said to Jun.', '"Not slow enough," Jun said.', "Kaito lunged.", '"Yaaaah!"', '"Point!" the referee called.']
    assert dialogue_speakers(scene)[-1] == "the referee"


_GREETED_FATHER = [
    "Mira rang the bell twice.",
    '"There you are!" Her father filled the doorway, beaming. "And this must be Theo. Rafael. Lovely to meet you."',
    '"Thank you for having me," Theo said.',
    '"Come in, come in," Dad said.',
]


def test_a_new_name_before_nice_to_meet_you_is_the_speakers_own():
    # "Rafael" is written nowhere before: Dad gives his own name, in the line after his own first one
    assert dialogue_speakers(_GREETED_FATHER) == ["Rafael", "Rafael", "Theo", "Rafael"]


def test_a_name_the_header_lists_is_still_new_to_the_story_when_greeted():
    assert dialogue_speakers(["Characters: Mira Solis, Theo Park, Rafael Solis", *_GREETED_FATHER]) == ["Rafael", "Rafael", "Theo", "Rafael"]


def test_a_name_written_before_nice_to_meet_you_is_the_one_greeted():
    scene = ['"Dad, this is Theo," Mira said.', '"Theo. Lovely to meet you," Dad said.', '"Thank you for having me," Theo said.']
    assert dialogue_speakers(scene) == ["Mira", "Dad", "Theo"]


def test_a_described_speaker_who_goes_on_to_give_a_name_is_named_by_it():
    """``"Only you," the clerk said. "I'm Mavis, by the way."`` -- the line before the
    introduction is the clerk's own, in the same paragraph, not a question someone else asked:
    every line of the clerk is Mavis's."""
    speakers = dialogue_speakers([
        "The store was empty but for the clerk, reading a paper behind the till.",
        "Eli set the bread down. “Anybody come by tonight?”",
        "“Only you,” the clerk said. “I'm Mavis, by the way.”",
        "“Thanks,” Eli said.",
        "“Drive safe,” the clerk said.",
    ])
    assert speakers == ["Eli", "Mavis", "Mavis", "Eli", "Mavis"]


def test_a_role_that_first_speaks_in_a_scene_is_not_the_scenes_named_woman():
    """``"Two coffees?" the waitress said, and she set down the cups.`` -- a role first heard as
    she speaks is someone new, whether the one named woman of the scene was met in an earlier
    scene or in this one, the story's first (review of round 34c: ``newcomer_then_described``
    made the waitress Greta; taken out)."""
    cafe = [
        "The cafe was full. Greta sat by the window, and Tobias came in late.",
        '"You look tired," Greta said.',
        '"I am," Tobias said.',
        '"Two coffees?" the waitress said, and she set down the cups.',
        '"Please," Tobias said.',
        '"Anything else?" the waitress asked.',
    ]
    assert dialogue_speakers(cafe) == ["Greta", "Tobias", "the waitress", "Tobias", "the waitress"]
    later = "\n".join(["Greta had waited for Tobias all week. She told him so.", "***", *cafe])
    assert [s for s, _ in speakers(later)][-1] != "Greta"


def test_a_described_speaker_saying_a_new_full_name_alone_gives_her_own_name():
    """``"Cordelia Vance," the senator's wife said`` -- a full name never met before, said alone by
    a described speaker, is her introduction: every line of the senator's wife is Cordelia Vance's
    (not a call: nobody is called by a name the story has never written)."""
    speakers = dialogue_speakers([
        "Teddy crossed the ballroom to where the admiral's widow stood by the window.",
        "“I don't believe we've met,” Teddy said.",
        "“Ottilie Brandt,” the admiral's widow said, and offered her hand.",
        "“Delighted,” Teddy said.",
        "“Are you?” said the admiral's widow.",
    ])
    assert speakers == ["Teddy", "Ottilie Brandt", "Teddy", "Ottilie Brandt"]


def test_a_role_answering_the_named_newcomer_is_not_that_newcomer():
    """``Nell came in out of the rain. "Anybody here?"`` / ``"Only me," the cook said, and she``
    -- the cook answers Nell, so she is someone else, though Nell is the scene's one named woman."""
    speakers = dialogue_speakers([
        "The kitchen was dark. Nell came in out of the rain. She shook out her hood.",
        "“Anybody here?”",
        "“Only me,” the cook said, and she wiped her hands on her apron.",
        "“Is there soup?” Nell asked.",
    ])
    assert speakers[1] != "Nell"


def test_a_newcomer_greeted_by_name_in_the_next_paragraph_is_that_person():
    """``In the doorway stood a stout woman in a green coat.`` / ``"Miss Orme," Tobias said
    weakly.`` -- the name greets the one newcomer: the woman's lines are Miss Orme's, though
    another woman is in the scene and Miss Orme acts by name later."""
    speakers = dialogue_speakers([
        "Tobias and Greta were halfway through the pie when the bell rang. Tobias went to the door, and Greta followed. She had her fork still.",
        "In the doorway stood a stout woman in a green coat. She had a carpet bag in each hand.",
        "“Miss Orme,” Tobias said weakly.",
        "“Don't gape, boy.” The woman pushed past him into the hall. “Is that pie?”",
        "“It was,” Greta said.",
        "Miss Orme took off her gloves, one finger at a time.",
        "“Then cut me a slice.”",
    ])
    assert speakers[1:3] == ["Miss Orme", "Miss Orme"]


def test_a_name_a_named_speaker_gives_that_only_quotations_say_is_a_cover_name():
    # the narration calls her Mara throughout; asked her name at the party, she gives a
    # false one, and the man goes on calling her by it: her lines stay hers
    paragraphs = [
        "Mara took a glass from a passing tray and drifted toward the window, where the host stood alone.",
        '"Lovely view," Mara said.',
        '"And you are, Miss--?" the host asked.',
        '"Lenz. Greta Lenz."',
        '"Miss Lenz. What brings you out on a night like this?"',
        '"Boredom, mostly."',
        '"Then you have come to the right house, Miss Lenz."',
        '"I can see that."',
    ]
    names = {c.name for c in scene_attribution(paragraphs).characters}
    assert dialogue_speakers(paragraphs) == ["Mara", "the host", "Mara", "the host", "Mara", "the host", "Mara"]
    assert "Miss Lenz" not in names and "Greta Lenz" not in names


def test_a_name_given_by_a_stranger_misread_as_a_named_speaker_stays_a_new_voice():
    # the paragraph shows the stranger: the name he gives is his, though `he said` was read as Oswin
    paragraphs = [
        "Oswin sat on the wall. He was whittling a stick.",
        '"Good day," Oswin said.',
        'The stranger rode a step nearer. "It was my whim," he said. "I am Parson Wendel, the antiquary."',
        '"You are welcome here, Parson Wendel," Oswin said.',
        '"Thank you, Oswin. I am glad of it, Parson Wendel or no."',
    ]
    assert dialogue_speakers(paragraphs)[2] == "Parson Wendel"


# Review of rounds 34a-c: greetings, kin words and a call to someone present are no names.

def test_a_greeting_word_before_nice_to_meet_you_names_nobody():
    """``"Welcome. Nice to meet you," Mrs. Solis said.`` -- ``Welcome`` is a greeting, not the
    speaker's name: it neither takes a tagged line nor renames a described speaker."""
    tagged = dialogue_speakers([
        "Mira rang the bell. Her mother opened the door and smiled at Theo.",
        '"Welcome. Nice to meet you," Mrs. Solis said.',
        '"Thank you for having me," Theo said.',
        '"Come in," Mrs. Solis said.',
    ])
    assert tagged == ["Mrs. Solis", "Theo", "Mrs. Solis"]
    described = dialogue_speakers([
        "Mira rang the bell. A tall woman opened the door.",
        '"Morning. Lovely to meet you," the woman said.',
        '"Thank you for having me," Theo said.',
        '"Come in," the woman said.',
    ])
    assert described == ["the woman", "Theo", "the woman"]


def test_a_greeting_never_moves_a_line_its_own_tag_names():
    """``"Likewise. Nice to meet you," Theo said.`` stays Theo's."""
    speakers = dialogue_speakers([
        "Mira rang the bell. Her mother opened the door.",
        '"Mom, this is Theo," Mira said.',
        '"Likewise. Nice to meet you," Theo said.',
        '"Come in," Mom said.',
    ])
    assert speakers == ["Mira", "Theo", "Mom"]


def test_a_call_to_someone_at_the_table_does_not_name_the_waiter_who_came_over():
    """``A waiter in a white apron came over`` / ``"Tom," Ana said, "what are you having?"`` --
    Tom has sat at the table all along (he spoke already) and the call goes on into a
    question: the waiter is someone else."""
    speakers = dialogue_speakers([
        "Tom and Ana sat down at the corner table. Tom was tired.",
        '"Long day?" Ana asked.',
        '"The longest," Tom said.',
        "A waiter in a white apron came over with the menus.",
        '"Tom," Ana said, "what are you having?"',
        '"Can I get you anything to drink?" the waiter asked.',
        '"Water, please," Tom said.',
        '"Right away," the waiter said.',
    ])
    assert speakers[-3:] == ["the waiter", "Tom", "the waiter"]


def test_a_parent_called_dad_is_not_the_sibling_who_answers():
    """``"Dad, where is the salt?" Lily asked.`` / ``"In the cupboard," Tom said.`` -- ``Dad`` is a
    kin word, no role: one answer by a brother does not make Dad's own tagged lines Tom's."""
    speakers = dialogue_speakers([
        "Dad came in from the yard and kicked off his boots. Lily and Tom were at the table.",
        '"Dinner in ten," Dad said.',
        "Lily looked up from her book.",
        '"Dad, where is the salt?" Lily asked.',
        '"In the cupboard," Tom said.',
        "Dad washed his hands.",
        '"Who set the table?" Dad asked.',
        '"I did," Lily said.',
    ])
    assert speakers == ["Dad", "Lily", "Tom", "Dad", "Lily"]


def test_kin_words_and_polite_address_are_no_role_words():
    from ficaudio.attribute.introductions import is_role_word
    assert not any(is_role_word(w) for w in ("Dad", "Mom", "Sir", "Boy", "Miss", "Brother", "Lady", "Man", "Friend", "Voice"))
    assert all(is_role_word(w) for w in ("Chef", "Coach", "Captain"))


def test_a_full_name_met_only_in_the_header_or_inside_a_longer_word_is_still_new():
    """The header's cast (``Characters: Teddy Marsh, Ottilie Brandt``) and ``Roses filled every
    vase`` write no ``Ottilie`` nor ``Rose`` in the story: ``"Rose Ashby," the admiral's widow
    said`` is still her own name."""
    scene = [
        "Teddy crossed the ballroom to where the admiral's widow stood by the window.",
        "“I don't believe we've met,” Teddy said.",
        "“Ottilie Brandt,” the admiral's widow said, and offered her hand.",
        "“Delighted,” Teddy said.",
        "“Are you?” said the admiral's widow.",
    ]
    assert dialogue_speakers(["Characters: Teddy Marsh, Ottilie Brandt", "~~~", *scene])[1] == "Ottilie Brandt"
    roses = [scene[0] + " Roses filled every vase.", scene[1], scene[2].replace("Ottilie Brandt", "Rose Ashby"), *scene[3:]]
    assert dialogue_speakers(roses)[1] == "Rose Ashby"


@pytest.mark.parametrize("word", ["Delighted", "Exactly", "Seriously", "Welcome", "Likewise", "Morning", "Right", "Charmed"])
def test_a_word_said_as_a_one_word_reply_names_nobody(word):
    # a described speaker answered by an ordinary word keeps her description: only a real
    # name, or one the reply owns ("You remember my name."), names her
    scene = ["Piet crossed the gallery to where the consul's sister stood by a tall window.",
             '"Good evening," the consul\'s sister said.', f'"{word}," Piet said.',
             '"Are you enjoying the exhibition?" said the consul\'s sister.', '"Very much," Piet said.']
    attribution = scene_attribution(scene)
    assert dialogue_speakers(scene) == ["the consul's sister", "Piet", "the consul's sister", "Piet"]
    assert word not in {c.name for c in attribution.characters}


def test_one_who_answers_a_call_of_a_role_after_it_is_not_the_one_called():
    # the chef's only "vote" is the cook who answered Nell's question: the one who
    # answers a call is not always the one called, so Chef keeps her own tagged lines
    scene = ["Chef came down the stairs with the crates. Nell and Jory were peeling onions.",
             '"Knives out," Chef said.', "Nell looked up.", '"Chef, which one?" Nell asked.',
             '"The small one," Jory said.', "Chef lit her pipe.", '"Move," Chef said.']
    assert dialogue_speakers(scene) == ["Chef", "Nell", "Jory", "Chef"]


def test_a_role_claimed_by_two_named_speakers_names_nobody():
    """``"I'm the captain," said Idris.`` and ``"I'm the captain," said Mara.``: two claimers, so
    ``the captain`` stays its own voice (this once raised a ValueError)."""
    scene = [
        "The deck pitched. Idris and Mara held the rail.",
        '"Hold the line!" shouted the captain.',
        '"I\'m the captain," said Idris.',
        '"I\'m the captain," said Mara.',
        '"Hold the line!" shouted the captain.',
    ]
    assert dialogue_speakers(scene) == ["the captain", "Idris", "Mara", "the captain"]


def test_a_title_line_above_the_header_is_not_the_story():
    # the note names Rafael above the story: still new to the story when he greets Theo
    header = ["The Long Way Home", "Characters: Mira Solis, Theo Park", "A/N: Rafael is Mira's dad, and mine."]
    assert dialogue_speakers([*header, *_GREETED_FATHER]) == ["Rafael", "Rafael", "Theo", "Rafael"]


_NEWCOMER_ASKED = [
    "Tam and Joa waited at the airlock of the wreck.",
    "A woman in a patched flight suit was crouched by the hatch.",
    '"You\'re letting the cold in," said the woman.',
    '"Identify yourself," Tam said.',
    '"Captain Runa Holm, ore barge Tallow."',
    '"Welcome aboard, Captain," Joa said.',
    '"Shut the door," the woman said.',
]


def test_a_described_newcomer_who_answers_with_a_new_name_is_that_name():
    # the woman at the hatch is the one newcomer talking when Holm gives her name: every line hers
    assert dialogue_speakers(_NEWCOMER_ASKED) == ["Captain Runa Holm", "Tam", "Captain Runa Holm", "Joa", "Captain Runa Holm"]


def test_the_described_one_who_asks_for_a_name_is_not_the_one_who_gives_it():
    # the woman asks; the name given in answer is someone else's, so she keeps her description
    scene = [
        "Tam waited at the airlock of the wreck.",
        "A woman in a patched flight suit was crouched by the hatch.",
        '"Identify yourself," said the woman.',
        '"Captain Runa Holm, ore barge Tallow."',
        '"Shut the door," the woman said.',
    ]
    assert dialogue_speakers(scene)[0] == dialogue_speakers(scene)[2] == "the woman"


def test_a_line_backfilled_from_a_name_answer_is_no_earlier_line_of_theirs():
    # self_named_newcomer asks whether the one who gives a name spoke before; a line the backward
    # pass gave them from that very answer (the self-naming anchors the turns before it) must not count
    lines = _lines_by_speaker({3: Decision("Milo Hart", 0.4, "alternation_backfill"), 5: Decision("Cass", 0.95, "explicit_tag")})
    assert _spoke_before(lines, "Milo Hart", 7)
    assert not _spoke_before(lines, "Milo Hart", 7, unless="alternation_backfill")
    assert _spoke_before(lines, "Cass", 7, unless="alternation_backfill")
    assert not _spoke_before(lines, "Cass", 5) and not _spoke_before(lines, "Ines", 7)


def test_a_word_stressed_in_capitals_after_im_is_no_name_given():
    # ``I'm TRYING to--`` stresses a word; it introduces no one called TRYING
    from types import SimpleNamespace
    from ficaudio.attribute.characters import Roster
    from ficaudio.attribute.introductions import introduced_name
    doc = SimpleNamespace(roster=Roster())
    assert introduced_name(doc, "\u201cI'm TRYING to\u2014\u201d") is None
    assert introduced_name(doc, "\u201cI'm Ysolde.\u201d") == "Ysolde"


def test_brought_in_before_agrees_with_the_pattern_at_every_cut():
    """``_brought_in_before`` (looked for where the role's word is written) answers as the plain
    pattern searched up to each position would, a cut inside a word included."""
    import re

    from ficaudio.attribute.introductions import _brought_in_before

    text = ("The ferryman waved. A ferrymanly grin. \"An old, tired ferryman,\" she said.\n"
            "A\nferryman rowed past. Then a very old grey ferryman came, an ferrymen, a ferryman")
    plain = re.compile(r"\b[Aa]n? (?:[\w'’-]+ ){0,2}ferryman\b")
    for before in range(len(text) + 1):
        assert _brought_in_before(text, "ferryman", before) == bool(plain.search(text, 0, before)), before


def test_a_name_of_initials_after_im_is_a_name_given():
    # ``DJ`` is two capitals, a name of initials, not a word stressed, where the text shows DJ
    # acting as a person
    doc = SimpleNamespace(roster=Roster(), text="DJ waved from the stairs. KC nodded.")
    assert introduced_name(doc, "\u201cHey. I'm DJ.\u201d") == "DJ"
    assert introduced_name(doc, "\u201cI'm KC, by the way.\u201d") == "KC"


def test_two_capitals_after_im_that_never_act_are_no_name():
    # ``I'm HR`` names a department, ``I'm UK based`` a country: the text shows neither acting
    doc = SimpleNamespace(roster=Roster(), text="The meeting room smelled of coffee. HR had booked it.")
    assert introduced_name(doc, "\u201cI'm HR, actually.\u201d") is None
    assert introduced_name(doc, "\u201cI'm UK based.\u201d") is None


def test_a_roster_name_shouted_after_im_is_that_person():
    # ``I'm PETRA!`` shouts a name the roster holds as ``Petra`` (its lookup ignores case), so
    # the capitals test never sees it
    from collections import Counter
    from ficaudio.attribute.characters import Person
    doc = SimpleNamespace(roster=Roster())
    doc.roster.add(Person("Petra", Counter(Petra=3)), ["Petra"])
    assert introduced_name(doc, "\u201cOpen up! I'm PETRA!\u201d") == "Petra"


_FAMILY_FARM = [
    "Characters: Owen Garrow, Tilly Garrow, Sam Price",
    "Summary: Lambing season on the hill farm.",
    "Tilly Garrow was in the barn before dawn. Tilly counted the ewes twice and came up one short.",
    "Garrow came in from the yard and hung his coat on the nail. He looked older than he had at supper.",
    '"Well?" Garrow said.',
    '"One missing," said Tilly.',
    "Garrow swore under his breath and reached for the lamp. Sam Price was already at the door.",
    '"I\'ll take the top field," Sam said.',
    '"Take the dog," Garrow said. He was out of the barn before either of them could answer.',
    '"Dad, wait!" Tilly called.',
    'He stopped at the gate. "What is it?"',
]


def test_a_kin_name_is_the_listed_man_of_the_callers_surname_whom_the_story_calls_by_it_alone():
    # Tilly Garrow calls "Dad"; the header's Owen Garrow is the narration's "Garrow", never "Owen"
    assert dialogue_speakers(_FAMILY_FARM)[-1] == "Garrow"


@pytest.mark.parametrize("apposition", ["Old Garrow, her grandfather,", "Garrow, her uncle,"])
def test_a_kin_name_is_no_one_the_narration_sets_apart_as_other_kin(apposition):
    # the narration's Garrow is her grandfather (or uncle): the father she calls "Dad" keeps his own voice
    scene = [
        "Characters: Owen Garrow, Tilly Garrow",
        "Summary: Lambing season on the hill farm.",
        f"Tilly Garrow was in the barn before dawn. {apposition} was already mending the gate.",
        '"Frost tonight," Garrow said. He did not look up.',
        '"I know," said Tilly.',
        "Her father came across the yard with two mugs of tea.",
        '"Dad!" Tilly called. "Over here!"',
        'He grinned and handed her a mug. "Drink that."',
    ]
    characters = paragraph_characters(scene)
    assert "Dad" not in characters["Garrow"].aliases and dialogue_speakers(scene)[-1] == "Dad"


def test_a_kin_name_is_no_brother_the_story_calls_by_his_given_name():
    # Rob Garrow is her brother, written "Rob": the unnamed father keeps his own voice
    scene = [
        "Characters: Rob Garrow, Tilly Garrow, Sam Price",
        "Summary: Lambing season on the hill farm.",
        "Tilly Garrow was in the barn before dawn. Tilly counted the ewes twice and came up one short.",
        "Rob Garrow came in from the yard and hung his coat on the nail. Rob was her older brother and he never hurried.",
        '"Well?" Rob said.',
        '"One missing," said Tilly.',
        "Rob swore under his breath and reached for the lamp. Sam Price was already at the door.",
        '"I\'ll take the top field," Sam said.',
        "Their father came into the barn with the dog at his heels.",
        '"Dad, wait!" Tilly called.',
        'He stopped at the gate. "What is it?"',
    ]
    assert dialogue_speakers(scene)[-1] == "Dad"


def test_call_me_the_title_names_the_one_who_gives_a_name_in_the_same_breath():
    assert dialogue_speakers([
        "Nell pushed through the door of the club. A tall man in a grey suit waited at the bar.",
        '"Who runs this place?" Nell asked.',
        'The tall man smiled. "They call me the Warden. You may call me Mr. Ashcombe, if you prefer."',
        '"Fine," Nell said.',
        '"You will want the ledger," said the Warden.',
    ]) == ["Nell", "Mr. Ashcombe", "Nell", "Mr. Ashcombe"]


def test_call_me_the_title_said_by_a_named_speaker_names_that_speaker():
    assert dialogue_speakers([
        "Nell pushed through the door of the club. Mr. Ashcombe waited at the bar.",
        '"Who runs this place?" Nell asked.',
        '"They call me the Warden," Mr. Ashcombe said.',
        '"Fine," Nell said.',
        '"You will want the ledger," said the Warden.',
    ])[-1] == "Mr. Ashcombe"


def test_a_title_said_of_another_or_refused_names_nobody():
    # "They call him the Warden" is someone else; "Nobody calls me the Warden" refuses it
    assert dialogue_speakers([
        "Nell pushed through the door of the club. Mr. Ashcombe waited at the bar.",
        '"Who runs this place?" Nell asked.',
        '"They call him the Warden," Mr. Ashcombe said. "Nobody calls me the Warden."',
        '"Fine," Nell said.',
        '"You will want the ledger," said the Warden.',
    ])[-1] == "the Warden"

_GRAN_AT_THE_RANGE = [
    "Characters: Edna Voss, Tilly Voss, Sam Price",
    "Summary: Sunday dinner at the farm.",
    "Gran was at the range with her back to the door. Tilly dropped her bag on the flagstones.",
    "Edna Voss set a plate in front of her granddaughter and sat down across from her.",
    '"You\'re late," Gran said. She did not smile.',
    '"The bus broke down, Gran," said Tilly.',
    '"Eat your dinner," Gran said.',
]


def test_a_kin_name_is_no_grandmother_the_header_does_not_list():
    # the header lists no Voss of her gender but Tilly: Gran keeps her own voice
    scene = [line.replace("Edna Voss set a plate in front of her granddaughter", "Sam Price set a plate in front of Tilly")
             for line in _GRAN_AT_THE_RANGE]
    scene[0] = "Characters: Tilly Voss, Sam Price"
    assert dialogue_speakers(scene)[0] == "Gran"


def test_a_kin_name_is_no_sister_the_narration_calls_by_her_given_name():
    # Nora Voss is Tilly's sister, written "Nora" in the narration: the mother Tilly calls "Mum" is not her
    scene = [
        "Characters: Nora Voss, Tilly Voss",
        "Summary: Sunday dinner at the farm.",
        "Nora Voss was peeling potatoes at the sink. Tilly dropped her bag on the flagstones.",
        '"You\'re late," Nora said.',
        "Their mother came in from the yard with the dog at her heels.",
        '"Mum, the bus broke down!" Tilly called.',
        'She hung up her coat. "Then you can set the table."',
    ]
    assert dialogue_speakers(scene)[-1] == "Mum"


def test_a_kin_name_is_the_listed_man_whom_only_the_quotations_call_by_his_given_name():
    # his wife calls him Walter; the narration, his granddaughter's, only ever says Grandad
    scene = [
        "Relationship: Walter Pryce & Tilly Pryce",
        "Characters: Walter Pryce, Tilly Pryce",
        "Summary: Snowed in.",
        "Grandad came in from the barn with snow on his shoulders. Tilly Pryce was at the table.",
        '"The mat, Walter!" his wife called from the pantry. "And your boots, Walter."',
        '"It\'s what it\'s for," Grandad said.',
        '"Grandad, the lane\'s blocked," said Tilly.',
        '"Then we\'ll dig," he said.',
    ]
    assert dialogue_speakers(scene)[2] == "Walter Pryce"


_SHOP_MORNING = [
    "Characters: Wren Dale, Pip Dale, Juno Marsh",
    "Additional Tags: Wren POV, Siblings",
    "Summary: Opening the shop.",
    "I unlock the shop at eight. Juno is already waiting on the step with two coffees.",
    '"You\'re late, Wren," Juno says.',
    '"I\'m exactly on time."',
    "Pip comes in behind us with his scarf over his nose. He is nine and thinks he runs the place.",
    '"She says you\'re always late," my brother reports.',
    '"Thanks, Pip."',
]


def test_the_narrators_brother_is_the_one_listed_person_of_the_narrators_surname():
    # Wren Dale tells it; the header lists one other Dale, Pip: "my brother" is Pip's voice
    assert dialogue_speakers(_SHOP_MORNING)[2] == "Pip"


def test_the_narrators_brother_is_no_one_of_two_listed_of_the_narrators_surname():
    # two other Dales are listed (two brothers): "my brother" names neither
    scene = [_SHOP_MORNING[0].replace("Juno Marsh", "Rob Dale, Juno Marsh"), *_SHOP_MORNING[1:]]
    assert dialogue_speakers(scene)[2] == "my brother"

def test_a_place_said_alone_in_answer_is_no_name_the_speaker_gives():
    """``"Harrow Bend," the old soldier said`` ... ``Kell had been at Harrow Bend too`` -- a full
    name said alone that the narration writes where a place goes (``was at``, ``from``, ``across``)
    answers where, not who: the old soldier keeps his description; a new name said alone and never
    written as a place is still his own."""
    scene = [
        "Kell sat down across from the old soldier and nodded at the scar on his wrist.",
        "“Where did you get that?” Kell asked.",
        "“Harrow Bend,” the old soldier said. “Six winters back.”",
        "Kell had been at Harrow Bend too. Half the regiment had.",
        "“So was I,” Kell said.",
        "“Then you know,” said the old soldier.",
    ]
    assert "Harrow Bend" not in paragraph_characters(scene)
    assert dialogue_speakers(scene) == ["Kell", "the old soldier", "the old soldier", "Kell", "the old soldier"]
    named = [line.replace("Kell had been at Harrow Bend too. Half the regiment had.", "Kell poured him a drink.") for line in scene]
    named[1] = "“I don't believe we've met,” Kell said."
    assert dialogue_speakers(named)[1] == "Harrow Bend"


# Round 42F: invented scenes where 42A and 42D misfired

_GRAN_AND_HIS_MOTHER = [
    "Characters: Ann Reyes, Tom Reyes",
    "Relationship: Ann Reyes & Tom Reyes",
    "Summary: Tom drives his mother to see his grandmother for Christmas.",
    "Tom parked outside the bungalow and his mother got out before the engine had stopped. Gran was waiting on the step in her slippers.",
    '"You took your time," Gran said.',
    '"Traffic, Gran," said Tom.',
    'Gran looked past him at his mother. "Ann. You look tired."',
    '"Thank you, Maureen," his mother said stiffly. "Merry Christmas to you too."',
    '"Come in before you let the heat out," Gran said, and she went inside.',
]


def test_a_kin_name_is_no_one_its_own_quotations_call_by_name():
    # Gran says "Ann. You look tired." to Tom's mother: Gran is not the listed Ann Reyes
    speakers = dialogue_speakers(_GRAN_AND_HIS_MOTHER)
    assert speakers[0] == speakers[2] == speakers[-1] == "Gran"


def test_a_kin_name_is_no_listed_person_the_story_never_writes():
    # no quotation or narration writes Ann or Reyes: the header alone gives no grandmother
    scene = [line.replace('"Ann. You look tired."', '"You look tired."') for line in _GRAN_AND_HIS_MOTHER]
    assert dialogue_speakers(scene)[0] == "Gran"


def test_the_narrators_brother_is_no_listed_one_when_the_narration_counts_two():
    # "I have two brothers": the header lists Finn only, and "my brother" is Ciaran
    scene = [
        "Characters: Jess Hart, Finn Hart, Dev Patel",
        "Additional Tags: Jess POV",
        "Summary: The morning of the match.",
        "I have two brothers. Finn is ten and lives in his football kit. Ciaran is nineteen and only comes home from uni when he runs out of money.",
        '"Jess, where are my boots?" Finn yells from the hall.',
        '"Where you left them," I say.',
        'My brother comes down the stairs in his dressing gown, eyes half shut. "Why is everyone shouting?"',
        '"Because some of us have a match," Finn says.',
        '"Go back to bed, Ciaran," I tell him.',
        '"Happily," my brother says.',
    ]
    speakers = dialogue_speakers(scene)
    assert speakers[2] == speakers[-1] == "my brother"


def test_the_narrators_brother_is_no_listed_man_while_dad_is_a_voice_of_his_own():
    # Marcus Dale is Wren's dad, heard as "Dad": the one other Dale listed may be him, not the brother
    scene = [
        "Characters: Wren Dale, Marcus Dale, Juno Marsh",
        "Summary: The shop, the morning after the storm.",
        "The shop has been ours since before I was born. Dad unlocks it at eight every day, storm or no storm.",
        '"Mind the glass, Wren," Dad says.',
        '"I see it," I say.',
        "My brother slouches in behind me with his hood up. He is fifteen and has opinions.",
        '"Can I go back to bed?" my brother asks.',
        '"No," says Dad.',
        'Juno arrives at nine with coffee. "Morning, Marcus. Morning, Wren."',
        '"Morning," says Marcus. "Don\'t step on the glass."',
        '"Thanks," my brother mutters.',
    ]
    speakers = dialogue_speakers(scene)
    assert speakers[2] == speakers[-1] == "my brother"


def test_call_me_the_phrase_said_of_oneself_is_no_name_of_the_storys_fool():
    # "They will call me the fool who lost the fleet": the king's fear, not the fool's voice
    scene = [
        "The hall was cold and the king sat alone. The fool sat at his feet with his bells muffled in his fist.",
        '"You are quiet tonight," the fool said.',
        '"The ships are lost," said King Aldric. "All of them. They will call me the fool who lost the fleet."',
        '"Then we shall be two fools," the fool said.',
    ]
    speakers = dialogue_speakers(scene)
    assert speakers[0] == speakers[-1] == "the fool"


def test_call_me_the_asked_in_anger_names_nobody():
    # "Did you just call me the intern?": Maya refuses the name; the intern is another voice
    scene = [
        "The intern had been at Halvorsen & Lund for a week and had already broken the coffee machine twice.",
        '"Should I order a new one?" the intern asked.',
        '"No," said Maya, without looking up from her screen.',
        'Derek leaned over the partition. "Hey, intern, can you get the Baxter file?"',
        'Maya turned her chair very slowly. "Did you just call me the intern? I have been here nine years, Derek."',
        '"I\'ll get it," the intern said quickly.',
    ]
    speakers = dialogue_speakers(scene)
    assert speakers[0] == speakers[-1] == "the intern"


def test_the_narrators_brother_is_no_cousin_of_the_narrators_surname():
    # "My cousin Kit": the one other Dale the header lists is no sibling
    scene = [
        "Characters: Wren Dale, Kit Dale, Juno Marsh",
        "Additional Tags: Cousins",
        "Summary: Kit comes to stay.",
        "My cousin Kit arrived on Friday with a rucksack and a skateboard. He is a year older than me and never lets me forget it.",
        '"Nice place," Kit says.',
        '"It\'s the same place it was last summer," I say.',
        '"Wren, take your cousin\'s bag up," Mum calls.',
        "My brother watches all this from the stairs, chewing his sleeve.",
        '"Is he staying in my room?" my brother asks.',
    ]
    assert dialogue_speakers(scene)[-1] == "my brother"


# round 42E: a gran (here Nana: Gran opens Grandad, a clip join of its own) whose grandad was found is the one the header pairs him with

_SNOWED_IN = [
    "Relationship: Nora Quill/Harold Quill, Tilly Quill & Sam Bright",
    "Characters: Nora Quill, Harold Quill, Tilly Quill, Sam Bright",
    "Summary: Snowed in at the farm.",
    "Grandad came in from the barn with snow on his shoulders. Tilly Quill was at the table with her cousin Sam.",
    '"The mat, Harold!" Nana called from the pantry. "And your boots, Harold."',
    '"Grandad, the lane\'s blocked," said Tilly.',
    '"Then we\'ll dig," Grandad said.',
    '"Nana, can I have the last scone?" Sam asked.',
    '"You can have half of it," said Nana.',
]


def test_a_gran_is_the_woman_the_header_pairs_with_the_grandad_found():
    # Grandad is Harold Quill (Tilly Quill calls him, his wife calls him Harold); only Sam Bright,
    # of another surname, calls Nana: she is the one the header pairs with Harold
    speakers = dialogue_speakers(_SNOWED_IN)
    assert speakers[3] == "Harold Quill"
    assert speakers[0] == speakers[5] == "Nora Quill"


def test_a_gran_is_no_one_when_the_header_pairs_the_grandad_with_nobody():
    scene = [_SNOWED_IN[0].replace("Nora Quill/Harold Quill", "Nora Quill & Harold Quill"), *_SNOWED_IN[1:]]
    assert dialogue_speakers(scene)[5] == "Nana"


# round 42I: the gran of the other side of the family, beside the grandad's wife whom the narration names

def test_a_gran_is_no_grandads_wife_whom_the_narration_writes_by_her_name():
    scene = [
        "Relationship: Margaret Lowther/Albert Lowther",
        "Characters: Margaret Lowther, Albert Lowther, Libby Lowther, Sam Pike",
        "Summary: Both sides of the family at one barbecue.",
        "Grandad was at the grill with a pair of tongs. Libby Lowther sat on the cool box next to him.",
        '"Grandad, those are on fire," said Libby.',
        '"They\'re meant to be," Grandad said.',
        "Margaret came out of the kitchen with a bowl of coleslaw and set it down hard on the table.",
        '"Albert, turn them over before you poison us all," Margaret said.',
        "Sam Pike's gran had driven up from Dover that morning and was sitting in the only deckchair with a gin and tonic.",
        '"Gran, do you want a burger?" Sam asked.',
        '"I want a sausage that isn\'t black," said Gran.',
        '"Nobody asked you, Albert," said Gran.',
        "Margaret laughed so hard she had to sit down.",
    ]
    speakers = dialogue_speakers(scene)
    assert speakers[1] == "Albert Lowther"
    assert speakers[4] == speakers[5] == "Gran"


# Round 43B: the narrator's parent, a call across a scene break

_RAINY_SHIFT = [
    "Characters: Tess Harlow, Nora Harlow, Sam Ortiz",
    "Relationship: Tess Harlow & Nora Harlow",
    "Additional Tags: Tess POV, Phone Calls",
    "Summary: A wet night at the bakery.",
    "I was wiping down the counter when the phone rang. My mother never said hello.",
    '"Are you driving home in this, Tess?"',
    '"Not yet, Mom," I said. "Sam is still here."',
    "Sam took the receiver out of my hand and listened for a while.",
    '"Yes, Nora," he said at last. "I will drive her myself."',
    "He hung up and went back to the ovens.",
    '"Your mom worries," Sam said.',
    '"She worries professionally," I said.',
    '"Tell him I said goodnight," my mother said when I called her back.',
]


def test_the_narrators_mother_is_the_one_listed_woman_of_the_narrators_surname():
    # Tess Harlow tells it; the header lists one other Harlow, Nora, whom only a quotation calls
    # by name: "my mother" / "Mom" is Nora's voice, not a voice of its own
    spoken = dialogue_speakers(_RAINY_SHIFT)
    assert spoken[0] == "Nora Harlow" and spoken[-1] == "Nora Harlow"


def test_the_narrators_mother_is_no_listed_sister_the_narration_calls_by_name():
    # the one other Harlow listed is a sister the narration writes as Nora: the mother is unlisted
    scene = [line.replace("Sam took the receiver", "Nora, my sister, took the receiver").replace('"Yes, Nora," he said', '"Yes, Mom," she said') for line in _RAINY_SHIFT]
    spoken = dialogue_speakers(scene)
    assert spoken[0] != "Nora Harlow" and spoken[-1] != "Nora Harlow"


def test_the_narrators_mother_is_no_one_of_two_listed_women_of_the_narrators_surname():
    scene = [_RAINY_SHIFT[0].replace("Sam Ortiz", "Ivy Harlow, Sam Ortiz"), *_RAINY_SHIFT[1:]]
    spoken = dialogue_speakers(scene)
    assert "Nora Harlow" not in (spoken[0], spoken[-1]) and "Ivy Harlow" not in (spoken[0], spoken[-1])


def test_a_friends_mother_is_no_listed_woman_of_the_narrators_surname():
    # Sam's mother calls, and the narration never writes her as "my mother": she is not Nora
    scene = [
        "Characters: Tess Harlow, Nora Harlow, Sam Ortiz",
        "Summary: A wet night at the bakery.",
        "I was wiping down the counter when Sam's phone rang. His mom never said hello either.",
        '"Are you driving home in this, Samuel?" his mom said.',
        '"Not yet, Mom. Tess is still here."',
        '"Tell her mother I said hello," his mom said.',
    ]
    assert "Nora Harlow" not in dialogue_speakers(scene)


_TWO_SCENES_CALL = [
    "Ada stood at the counter with the ledger. The clerk was counting coins at the back.",
    '"Mrs. Pell, the order from the mill?" Ada said.',
    "* * *",
    "The next morning the shop was empty but for the two of them.",
    '"The mill can wait," the clerk said.',
]


def _dialogue_of_file(tmp_path, paragraphs: list[str]) -> list[str]:
    """The speakers of a story file read as a user's is (``read_story``: a scene break is a break)."""
    from ficaudio.parse import read_story
    from ficaudio.segment import segment

    path = tmp_path / "story.txt"
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    story = read_story(path)
    return [l.speaker for l in attribute(story, list(segment(story))).lines if l.segment.kind is SegmentKind.DIALOGUE]


def test_a_described_reply_after_a_scene_break_answers_no_call(tmp_path):
    # the call to Mrs. Pell is made before the break: the clerk who speaks after it is not her
    assert _dialogue_of_file(tmp_path, _TWO_SCENES_CALL)[1] == "the clerk"


def test_a_described_reply_right_after_the_call_is_the_one_called(tmp_path):
    scene = [line for line in _TWO_SCENES_CALL if line not in ("* * *", "The next morning the shop was empty but for the two of them.")]
    assert _dialogue_of_file(tmp_path, scene)[1] == "Mrs. Pell"


_THANKS_AFTER_THE_BREAK = [
    "Margie wiped the counter. An old man sat at the far end with his coffee.",
    '"That\'s the last of the pie," says the old man at the end of the counter.',
    "* * *",
    "The next morning the diner opened late.",
    '"Thanks, Walt," Margie said.',
    "Walt only grunted and went back to his paper.",
]


def test_a_call_after_a_scene_break_thanks_no_described_speaker(tmp_path):
    # "Thanks, Walt" after the break thanks someone of the new scene: the old man is not Walt
    assert _dialogue_of_file(tmp_path, _THANKS_AFTER_THE_BREAK)[0] == "the man"


def test_a_call_right_after_a_described_speaker_names_him(tmp_path):
    scene = [line for line in _THANKS_AFTER_THE_BREAK if line not in ("* * *", "The next morning the diner opened late.")]
    assert _dialogue_of_file(tmp_path, scene)[0] == "Walt"


def test_the_narrators_father_is_no_listed_man_where_the_narration_writes_her_husband():
    # Tess Harlow's husband shares her surname: with "my husband" in the narration, the one
    # listed Harlow man may be him (only quotations call him Ben), so "my dad" names nobody
    scene = [
        "Characters: Tess Harlow, Ben Harlow, Sam Ortiz",
        "Additional Tags: Tess POV",
        "Summary: A wet night at the bakery.",
        "I was wiping down the counter when the phone rang. My dad never said hello. My husband was asleep upstairs.",
        '"Are you driving home in this, Tess?"',
        '"Not yet, Dad," I said. "Sam is still here."',
        '"Tell him to drive slowly," my dad said.',
        '"Ben, are you awake?" I called up the stairs.',
        '"Yes, Ben is awake," Sam said.',
    ]
    assert dialogue_speakers(scene)[0] == "Dad"
    without = [line.replace(" My husband was asleep upstairs.", "") for line in scene]
    assert dialogue_speakers(without)[0] == "Ben"  # no other kin of his gender written: the one listed Harlow man


_ROUNDS_AFTER_THE_BREAK = [
    "The meeting ran long. At the head of the table sat Ines Varga, her glasses in her hair.",
    '"Go on," Ines said to Tom.',
    '"The scans are clean," Tom said. "You trust them more than I do, Ines."',
    "* * *",
    "The night shift came on at seven, and the ward was quiet.",
    '"I do," said the supervisor. She turned a page.',
]


def test_a_role_after_a_scene_break_answers_no_call_made_before_it(tmp_path):
    # Tom calls Ines before the break; the supervisor who speaks after it is not named by that call
    assert _dialogue_of_file(tmp_path, _ROUNDS_AFTER_THE_BREAK)[-1] == "the supervisor"


def test_a_role_answering_a_call_in_the_next_paragraph_is_the_one_called(tmp_path):
    scene = [line for line in _ROUNDS_AFTER_THE_BREAK if line not in ("* * *", "The night shift came on at seven, and the ward was quiet.")]
    assert _dialogue_of_file(tmp_path, scene)[-1] == "Ines"


def test_the_narrators_mother_is_no_listed_woman_of_the_surname_where_a_gran_is_in_the_story():
    # Nora Harlow, listed, is Gran (Sam calls her Nora right after she speaks); the narrator's
    # mother on the phone is unlisted: her voice takes no listed name
    scene = [
        "Characters: Tess Harlow, Nora Harlow, Sam Ortiz",
        "Additional Tags: Tess POV",
        "Summary: A wet night at the bakery.",
        "I was wiping down the counter when the phone rang. My mother never said hello.",
        '"Are you driving home in this, Tess?"',
        '"Not yet, Mom," I said. "Sam is still here."',
        "Sam took the receiver out of my hand and listened for a while.",
        '"Yes, ma\'am," he said at last. "I will drive her myself."',
        "He hung up. Gran came down from the flat upstairs in her slippers.",
        '"Was that your mother?" Gran asked.',
        '"Go back to bed, Nora," Sam said. "It\'s late."',
        '"Don\'t you Nora me," Gran said.',
        '"Tell him I said goodnight," my mother said when I called her back.',
    ]
    spoken = dialogue_speakers(scene)
    assert "Nora" not in (spoken[0], spoken[-1]) and "Nora Harlow" not in (spoken[0], spoken[-1])


# ---------------------------------------------------------------- round 44B: a name the speaker says others call them
_OLD_NAME = [
    "Summary: The kitchen.",
    "Dana stood at the stove. Her daughter came down the stairs in two jumpers.",
    '"You of all people should know that, Pip," Dana said.',
    '"Nobody calls me Pip anymore," said Rosalind. She sat down.',
    '"I do," Dana said.',
    '"Fine. Pip it is," Rosalind said.',
]


def test_a_name_the_speaker_says_nobody_calls_her_any_more_is_hers():
    # Pip, heard only in Dana's call, is Rosalind: "Nobody calls me Pip anymore"
    people = paragraph_characters(_OLD_NAME)
    assert "Pip" in people["Rosalind"].aliases and "Pip" not in people
    assert dialogue_speakers(_OLD_NAME) == ["Dana", "Rosalind", "Dana", "Rosalind"]


def test_a_wrong_name_the_speaker_was_called_is_no_name_of_theirs():
    # must not fire: Steve speaks by his own tags; "You just called me Steve" is Sam's complaint
    scene = [
        "Summary: The office.",
        "Steve and Sam were the only two left in the office. Steve had his feet on the desk.",
        '"Pass the stapler, Sammy," Steve said.',
        '"You just called me Steve," Sam said. "I am not Steve."',
        '"Sorry," said Steve.',
    ]
    people = paragraph_characters(scene)
    assert "Steve" not in people["Sam"].aliases and "Steve" in people
    assert dialogue_speakers(scene) == ["Steve", "Sam", "Sam", "Steve"]

# Round 44A: the narrator's `my co-host` is the one the header pairs with the narrator

_POD = [
    "Relationship: Nina Park & Jo Ellis",
    "Characters: Nina Park, Jo Ellis, Sam Ruiz",
    "Additional Tags: First Person, Nina POV, Podcasts",
    "Summary: Episode forty of a small true-crime podcast.",
    "I had the headphones on before the red light came up. Jo was already at the other mic, chewing a pen.",
    '"Nina, you\'re live in five," Jo said.',
    '"I know," I said.',
    '"Welcome back to Cold Files," I said. "I\'m Nina Park."',
    '"And I\'m Jo Ellis," said Jo.',
    "We had done forty of these, and I still hated the first minute.",
    '"Tonight we have a guest," my co-host said, and nodded at the man in the corner.',
    "Sam Ruiz leaned into the spare mic.",
    '"Thanks for having me," said Sam.',
]


def test_the_narrators_co_host_is_the_one_the_header_pairs_with_the_narrator():
    # Nina tells it (`Nina POV`); `Nina Park & Jo Ellis`: her co-host is Jo
    assert dialogue_speakers(_POD)[5] == "Jo Ellis"


def test_the_narrators_co_host_is_nobody_beside_two_friendships_or_a_romance():
    two = [_POD[0].replace("Nina Park & Jo Ellis", "Nina Park & Jo Ellis, Nina Park & Sam Ruiz"), *_POD[1:]]
    assert dialogue_speakers(two)[5] == "my co-host"
    lovers = [_POD[0].replace("Nina Park & Jo Ellis", "Nina Park/Jo Ellis"), *_POD[1:]]  # a co-host is no romance's word
    assert dialogue_speakers(lovers)[5] == "my co-host"


# Round 44A: `Her name was X` names the described speaker `her` means there

_FERRY = [
    "Tam splashed over to the hut and knocked on the door. Aldric waited by the horses.",
    '"Ferry\'s closed!" came a voice from inside.',
    '"We can pay," Tam called.',
    "The door creaked open, and an old woman peered out at us with one clouded eye and one very sharp one.",
    '"How much?" she said.',
    "* * *",
    "Her name was Old Hesk, and she had run the ferry for forty years, and she did not think much of knights.",
    '"Had one through here last spring," Hesk told us. "Wouldn\'t pay the fare."',
    '"Then we will pay double," said Aldric.',
]


def test_her_name_was_names_the_described_speaker_her_means():
    # `an old woman` spoke as `the woman`; across the break `Her name was Old Hesk` gives her name
    assert dialogue_speakers(_FERRY)[2] == "Hesk"


def test_her_name_was_a_name_met_before_names_no_described_speaker():
    # Hesk was written before the old woman came: a name the reader knows is someone already met
    scene = [_FERRY[0].replace("Aldric waited by the horses.", "Aldric waited by the horses. Hesk, he had heard, kept the ferry."), *_FERRY[1:]]
    assert dialogue_speakers(scene)[2] == "the woman"


def test_her_name_was_said_of_a_named_woman_names_no_described_one():
    scene = [
        "Tam splashed over to the hut and knocked on the door. Aldric waited by the horses.",
        "Morwenna sat on the bank with her scroll. An old woman was mending a net further down.",
        '"River\'s high," the woman said.',
        "Morwenna rolled up her scroll and stood.",
        "Her name was Morwenna Ash, and she had been a witch for nine years.",
        '"We cross anyway," said Morwenna.',
    ]
    assert dialogue_speakers(scene) == ["the woman", "Morwenna"]


# ---------------------------------------------------------------- round 44G: invented scenes for 44A and 44B
def test_the_narrators_best_friend_is_no_mentor_the_story_never_names():
    # `Peter Parker & Tony Stark` is no friendship of classmates: the header's Tony, never
    # written in the story, is not the narrator's best friend
    scene = [
        "Relationship: Peter Parker & Tony Stark",
        "Characters: Peter Parker, Tony Stark, Ned Leeds",
        '"Peter, you are late," Mr. Harrington said when I slid into my seat.',
        "My best friend kicked my chair.",
        '"Dude, where were you?" my best friend whispered.',
        '"Lab," I said.',
    ]
    assert dialogue_speakers(scene)[1] == "my best friend"
    assert "my best friend" not in paragraph_characters(scene).get("Tony Stark", SimpleNamespace(aliases=())).aliases


def test_a_wrong_name_the_narration_writes_as_someone_else_is_no_name_of_the_speaker():
    # "He called me Nadia": Nadia, whom the narration writes as someone texting Marco, is not
    # Lena; nor is the dead Aunt Rachel Tessa, nor the classmate Anika Priya
    ex = [
        "Lena sat on the bathroom floor with her phone in her hand. Nadia had texted Marco twice that week; Lena had seen the messages.",
        "Her sister knelt beside her.",
        '"What happened?" her sister asked.',
        '"He called me Nadia," Lena said. "In the middle of dinner."',
        '"Oh, honey," her sister said.',
    ]
    aunt = [
        "Tessa and her brother Cal sat in the car outside the hospital.",
        '"Mom called me Rachel this morning," Tessa said quietly. "Rachel was her sister."',
        "Cal said nothing. Aunt Rachel had been dead for ten years.",
        '"She does that now," Cal said finally.',
    ]
    classmate = [
        "Priya dropped her bag on the kitchen table.",
        '"Mr. Dunn called me Anika again," Priya said. "Anika is the other girl in my class."',
        '"Did you correct him?" her mother asked.',
        "Anika had laughed about it at lunch, but Priya had not.",
    ]
    assert "Nadia" not in paragraph_characters(ex)["Lena"].aliases
    assert "Lena" not in dialogue_speakers(ex)[::4]
    assert "Rachel" not in paragraph_characters(aunt)["Tessa"].aliases
    assert "Anika" not in paragraph_characters(classmate)["Priya"].aliases


# Round 45C: the narrator's parent heard as the family's title (`Mrs. Marlowe`, called `Mum`)

_FAMILY_EVENING = [
    "Characters: Tess Marlowe, Anna Marlowe, Ruth Marlowe, Peter Marlowe, Sam Okafor",
    "Additional Tags: First Person, Tess POV, Sisters",
    "Summary: The night before the party.",
    "I was peeling potatoes when the doorbell went. Mum got there first, wiping her hands on her apron. Sam was on the step with a cake tin.",
    "“Evening, Mrs. Marlowe,” Sam said.",
    "“Come in, love,” Mum said. “The kettle’s on.”",
    "Anna came down the stairs in one boot. My sister has never owned the right shoes for anything.",
    "“They’re not a crisis,” Anna said. “They’re a choice.”",
    "“It’s a bad choice,” I said.",
    "Dad looked up from the crossword. “Is that Sam? Hello, Sam.”",
    "“Hello, Mr. Marlowe.”",
    "“Ruth, where did you put the good pen?” Dad asked.",
    "“In your hand, Peter,” Mum said.",
]


def test_the_narrators_titled_parents_take_the_listed_names_of_the_narrators_surname():
    # Tess Marlowe tells it; of the listed Marlowes Anna speaks as herself, so the Mrs. whom Tess
    # calls Mum is Ruth Marlowe and the Mr. she calls Dad is Peter Marlowe (the one man listed)
    people = paragraph_characters(_FAMILY_EVENING)
    assert "Ruth Marlowe" in people["Mrs. Marlowe"].aliases
    assert "Peter Marlowe" in people["Mr. Marlowe"].aliases
    assert "Anna Marlowe" in people["Anna"].aliases


def test_the_sister_is_the_listed_one_of_the_surname_the_titled_mother_did_not_take():
    # two other Marlowe women are listed; once the Mrs. (Mum) is Ruth, `my sister` is Anna
    f = _FAMILY_EVENING
    scene = [*f[:7], "“They’re not a crisis,” Anna said.", "My sister looked down at the boot. “Fine. It’s a choice,” my sister said.",
             *f[8:11], "“Where’s the good pen?” Dad asked.", f[12]]
    speakers = dialogue_speakers(scene)
    assert speakers[3] == speakers[4] == "Anna"
    assert "Ruth Marlowe" in paragraph_characters(scene)["Mrs. Marlowe"].aliases


def test_a_friends_titled_mother_is_not_the_narrators():
    # Sam's mother, Mrs. Okafor, whom Sam calls Mum: not of the narrator's surname, so no Marlowe
    scene = [
        "Characters: Tess Marlowe, Ruth Marlowe, Sam Okafor",
        "Additional Tags: First Person, Tess POV",
        "Summary: After school.",
        "I walked Sam home. His mother was in the front garden, pulling up weeds.",
        "“Afternoon, Mrs. Okafor,” I said.",
        "“Hi, Mum,” Sam said. “Can Tess stay for tea?”",
        "“Of course she can,” Mrs. Okafor said. “Tell Ruth I said hello.”",
    ]
    people = paragraph_characters(scene)
    assert not any(a.startswith("Ruth") for a in people["Mrs. Okafor"].aliases)


def test_a_titled_mother_takes_no_listed_name_in_a_story_told_in_the_third_person():
    # no narrator: his mum and her mum are two women, and the listed Ruth Marlowe is no one's by title
    scene = [
        "Characters: Anna Marlowe, Ruth Marlowe, Tom Birch",
        "Summary: Two families at the school gate.",
        "Anna waited at the gate with Tom. Her mum came first, then his.",
        "“Hello, Mrs. Marlowe,” Tom said.",
        "“Hi, Mum,” Anna said.",
        "“Hello, Tom,” Mrs. Marlowe said. “Is your mum coming?”",
        "“She’s parking,” Tom said.",
    ]
    people = paragraph_characters(scene)
    assert not any(a.startswith("Ruth") for a in people["Mrs. Marlowe"].aliases)


def test_a_titled_mother_who_talks_about_the_listed_one_is_not_her():
    # Anna's lines go to `my sister`, so Anna is no voice of her own; Mum talks about her, so she is not Anna
    scene = [line.replace("“They’re not a crisis,” Anna said.", "“They’re not a crisis,” my sister said.")
             .replace("“The kettle’s on.”", "“Anna’s upstairs having a crisis about shoes.”") for line in _FAMILY_EVENING]
    scene[0] = "Characters: Tess Marlowe, Anna Marlowe, Sam Okafor"
    people = paragraph_characters(scene)
    assert not any(a.startswith("Anna") for a in people["Mrs. Marlowe"].aliases)


def test_a_titled_mother_takes_no_listed_name_a_silent_sister_may_bear():
    # the one other Marlowe listed never speaks, and the narration writes `my sister`: she may be the sister
    scene = ["Characters: Tess Marlowe, Ruth Marlowe, Sam Okafor", *(line for line in _FAMILY_EVENING[1:] if "Anna" not in line and "bad choice" not in line)]
    scene[4:4] = ["My sister was still at work.", "“Hi, Sam,” I said."]
    people = paragraph_characters(scene)
    assert not any(a.startswith("Ruth") for a in people["Mrs. Marlowe"].aliases)
