"""Tests of ficaudio.attribute.narrator: src/ficaudio/attribute/narrator.py."""

from __future__ import annotations

from ficaudio.attribute.narrator import _SELF_ALIAS, _SELF_APPOSITION, _SELF_NAMING, _SELF_STATEMENT

from attribute_scenes import dialogue_speakers, paragraph_characters, scene_attribution, speakers, speakers_of


def test_first_person_narrator_is_named_by_how_others_address_them():
    text = ('Mara came in.\n"Hello, Wren," Mara said.\n"Hi," I said.\n"Come on, Wren. We are late," Mara said.\n'
            '"Coming," I said.')
    result = speakers(text)
    assert [s for s, _ in result] == ["Mara", "Wren", "Mara", "Wren"]
    assert result[1][1] == "first_person_tag"


def test_narrator_who_names_themselves():
    text = ('My name was Philip, but I called myself Pip.\nJoe came in.\n"Where were you?" Joe asked.\n'
            '"Out," I said.')
    assert speakers(text)[-1] == ("Pip", "first_person_tag")


def test_narrator_addressed_once_and_never_a_subject():
    text = ('Holmes sat by the fire.\n"You look tired, Watson," Holmes said.\n"I am," I said.\n'
            '"Mrs. Hudson says Watson works too hard," said Holmes.')
    assert speakers(text)[1] == ("Watson", "first_person_tag")


def test_narrator_named_by_how_others_address_them():
    # "I" is addressed as Wyn three times; Wyn is a narration subject only in others' reported words
    paragraphs = [
        "I had known Holt for years. I walked with Holt to the river, and I sat down.",
        '"Wyn, you look tired," Holt said.',
        '"I am," I said.',
        "Holt laughed. Wyn never sleeps, he told the boatman. Wyn is a fool, he thought.",
        '"Sleep, Wyn," Holt said.',
        '"Later," I said.',
        '"Goodnight, Wyn," Holt said.',
    ]
    assert dialogue_speakers(paragraphs) == ["Holt", "Wyn", "Holt", "Wyn", "Holt"]


_VISIT = [
    "The rain had not stopped for a week when the bell rang.",
    '"Come in out of the wet," I said, and opened the door wide.',
    "Two old friends stood there, shaking their coats.",
    '"We were passing," one of them said.',
    '"You were never passing," I answered.',
]


def test_narrator_named_by_apposition_after_i():
    scene = ["Nobody asked me, I, Tobias Wren, the last clerk of the office, to keep this record."] + _VISIT
    speakers = dialogue_speakers(scene)
    assert speakers[0] == "Tobias Wren" and speakers[2] == "Tobias Wren"


def test_narrator_named_by_self_portrait_with_alias():
    scene = [
        "Picture a short, grey man with ink on my cuffs and a cough, and you will get a very fair "
        "idea of Tobias Wren, commonly called Old Wren by the porters."
    ] + _VISIT
    speakers = dialogue_speakers(scene)
    assert speakers[0] == "Tobias Wren" and speakers[2] == "Tobias Wren"


def test_narrator_named_by_what_people_called_him():
    scene = ["In the market everyone called me Tobias, though it was never my name at birth."] + _VISIT
    assert dialogue_speakers(scene)[0] == "Tobias"


def test_i_am_a_name_only_when_the_roster_knows_it():
    assert _SELF_STATEMENT.search("I am Tobias Wren, and I keep the books.")
    known = ["Tobias Wren kept the books before me.", "I was Tobias Wren, after all; the books were mine now."] + _VISIT
    assert dialogue_speakers(known)[0] == "Tobias Wren"
    unknown = ["I am Glad, I told myself, that it rains."] + _VISIT
    assert dialogue_speakers(unknown)[0] == "I"


def test_self_naming_patterns():
    assert _SELF_APPOSITION.search("Me--I, Sallie Brown, the head of it").group(1) == "Sallie Brown"
    assert not _SELF_APPOSITION.search("Then I, too, went home.")  # lower-case: no name
    assert _SELF_NAMING.search("people call me Red now").group(1) == "Red"
    assert _SELF_ALIAS.search("a fair idea of Tom Hale, commonly called Ox").group(1) == "Tom Hale"


_NIGHT_WATCH = [
    "The sergeant finds me at the gate before dawn.",
    '"You\'re late, Rook," the sergeant says.',
    '"The horse threw a shoe," I say.',
    '"Take the east wall, Rook."',
    "Ilse comes up the ladder with two mugs and hands me one.",
    '"Drink, Tarn. You look frozen," Ilse says.',
    '"I am frozen."',
    '"Then drink faster, Tarn."',
    '"Yes, Ilse."',
]


def test_a_name_only_ever_addressed_is_the_narrator():
    attribution = scene_attribution(_NIGHT_WATCH)
    speakers = speakers_of(attribution)
    assert "Tarn" not in {c.name for c in attribution.characters}
    assert speakers[1] == speakers[4] == speakers[6] == "Rook"
    assert speakers[3] == speakers[5] == "Ilse"


def test_narrator_who_presents_themselves_by_name_in_their_own_speech():
    scene = ["The landlady met me at the door and looked me over.", '"The English gentleman?" she asked.',
             '"Yes," I said, "Tobias Wren."', "She smiled and gave me a letter."]
    assert dialogue_speakers(scene)[1] == "Tobias Wren"
    visit = ["I knocked, and a man opened the door.", '"Mr. Wren, your new tenant, sir," I said.', '"Come in," he said.']
    assert dialogue_speakers(visit)[0] == "Mr. Wren"


def test_self_presentation_pattern():
    from ficaudio.attribute.narrator import _SELF_PRESENTATION as p
    assert p.match('"Tobias Wren."').group(1) == "Tobias Wren"
    assert p.match("'Mr. Wren, at your service.'").group(1) == "Mr. Wren"
    assert not p.match('"Wren."') and not p.match('"Mr. Wren, come here."') and not p.match('"Tobias Wren is here."')


def test_narrator_called_by_a_short_name_and_a_full_name_is_one_person_under_both():
    paragraphs = [
        'I sat at my desk. Roz came in.',
        '"You\'re late, Mari," Roz said.',
        '"I know," I said.',
        '"Come on, Mari, we are late," Roz said.',
        'My mom knocked on the door.',
        '"Marisol. Dinner," my mom said.',
        '"Coming!" I said.',
        '"Marisol Abara," my mom said.',
    ]
    attribution = scene_attribution(paragraphs)
    narrator = next(c for c in attribution.characters if c.name == "Mari")
    assert {"Marisol", "Marisol Abara"} <= set(narrator.aliases)


def test_a_name_given_as_an_answer_does_not_name_the_narrator():
    scene = [
        "My uncle was sitting at the fire when I came down to supper. Old Cotter sat beside him, smoking.",
        '"Well, so your old friend is gone, you\'ll be sorry to hear," my uncle said to me.',
        '"Who?" said I.',
        '"Father Flynn."',
        '"Is he dead?"',
    ]
    assert "Father Flynn" not in dialogue_speakers(scene)


_GREENHOUSE = [
    'I was halfway through my toast when Priya sat down.',
    '"We have the exam today, Nell," Priya said.',
    '"Don\'t remind me," I said.',
    '"It\'s on the board, Nell. Go and look."',
    "The pairs were pinned to the board in the professor's hand: Ashby and Keller, Greenhouse Three.",
    'Keller dropped into the chair across from me. "Look, Ashby. I hate it too."',
    '"Then don\'t make me fail."',
    '"Then don\'t set anything on fire."',
    'Keller grinned. "Just sing to it, Ashby!"',
    '"Fine."',
]


def test_a_surname_read_once_and_called_twice_is_the_narrator():
    # `Ashby` is in the narration once (a list on the board) but addressed twice: the narrator
    speakers = dialogue_speakers(_GREENHOUSE)
    assert speakers[1] == speakers[4] == speakers[7] == "Nell"
    assert speakers[3] == speakers[5] == "Keller"


def test_a_name_the_narrator_calls_someone_never_names_the_narrator():
    scene = [
        "Brick and Roz were already in the channel when I logged on.",
        '"You\'re late, Gravy," I said.',
        '"Fashionably," someone said.',
        '"Move, Gravy," Roz said.',
        '"Gravy, left!" Brick said.',
        '"On it."',
    ]
    speakers = dialogue_speakers(scene)
    assert speakers[0] == "I"  # not "Gravy": the narrator calls him that


_WINDOW_SEAT = [
    "I had hidden behind the curtain with a book, but the door opened and he found me.",
    '"What do you want?" I asked.',
    '"Say, \'What do you want, Master John?\'" he said.',
    "Aunt Reed lay on the sofa by the fire, and I stood at the door.",
    '"What does Bessie say I have done?" I asked.',
    '"Nora, I don\'t like questioners. Be seated somewhere, and until you can speak pleasantly, remain silent."',
    "I slipped into the breakfast-room and hid behind the curtain. Then the door opened.",
    '"Where is she?" cried Reed.',
    '"She is in the window-seat, to be sure, Jack," said Eliza.',
]


def test_the_answer_to_the_narrators_line_names_the_narrator():
    # `Nora` answers the narrator's question; `Jack` is called once by someone else, and
    # `Master John` is inside the words the narrator is told to say
    speakers = dialogue_speakers(_WINDOW_SEAT)
    assert speakers[0] == speakers[2] == "Nora" and speakers[5] == "Eliza"


def test_a_name_addressed_twice_outweighs_one_answer():
    scene = [
        "Holmes sat with his back to me, the stick of Dr. Mortimer on the table before him.",
        '"Well, Watson, what do you make of it?" said Holmes.',
        "I turned the stick over in my hands.",
        '"Come, Watson. Read me his entry," said Holmes.',
        "I took down the directory.",
        '"Here it is," I said.',
        '"Mortimer, James, surgeon, Grimpen," Holmes read over my shoulder.',
    ]
    assert dialogue_speakers(scene)[2] == "Watson"


_CORRIDOR = [
    "Bed nine was Nessa Marchant, seventeen, a day out from surgery.",
    '"Is it bad?" Nessa asked.',
    'Her brother came out of the room behind the surgeon. "You can\'t just walk off," Dex said.',
    'Okafor didn\'t stop. "Mr. Marchant, I need you to keep your voice down."',
    '"She was fine yesterday."',
    '"I know her chart by heart, Mr. Marchant," Okafor said.',
    "Dex put a hand on the wall, and I stepped in.",
    '"Dex," I said. "Sit down for a second."',
]


def test_a_family_the_narration_names_in_the_third_person_never_names_the_narrator():
    # `Mr. Marchant` is addressed twice, but `Nessa Marchant` is his family, seen from outside:
    # the narrator stays `I` rather than merge with the man the surgeon talks to
    speakers = dialogue_speakers(_CORRIDOR)
    assert speakers[-1] == "I"


def test_a_named_narrator_does_not_take_in_a_family_the_narration_names():
    # the narrator is Kit (addressed twice); `Mr. Marchant`, addressed twice and never in the
    # narration, would otherwise become one more name of hers
    scene = _CORRIDOR + ['"Okay, Kit," Dex said.', '"Thanks, Kit," Okafor said later.', '"Any time," I said.']
    result = scene_attribution(scene)
    assert result.lines[-2].speaker == "Kit"
    assert "Mr. Marchant" not in next(c.aliases for c in result.characters if c.name == "Kit")


_GREENHOUSE_LESSON = [
    "Dr. Vell had a way of looking at you over her clipboard that made you forget your own name.",
    '"Mr. Ashcombe."',
    "I looked up from the seed trays.",
    '"Yes, Doctor Vell?"',
    '"The soil in tray four. Why is it grey?"',
    "Beside me, Tamsin snorted into her sleeve.",
    '"Too much sand, Doctor Vell," Tamsin said.',
    "Dr. Vell wrote something down without looking at either of us.",
    '"I asked Mr. Ashcombe," she said.',
    '"Too much sand," I said.',
    '"Doctor Vell, can I get the watering can?" Tamsin asked.',
]


def test_a_title_spelt_another_way_in_the_narration_never_names_the_narrator():
    # `Doctor Vell` is addressed three times and never written that way in the narration, but
    # the narration writes `Dr. Vell`: she is seen from outside, and the narrator is the
    # `Mr. Ashcombe` she calls
    speakers = dialogue_speakers(_GREENHOUSE_LESSON)
    assert speakers[5] == "Mr. Ashcombe"
    assert speakers[1] != "Doctor Vell"


def test_a_possessive_answer_is_no_call_and_never_names_the_narrator():
    # `"Mr. Brandt’s, sir."` answers whose voice it was: read as a call, it and the echo that
    # follows made `Mr. Brandt` a name addressed twice, and the narrator took it
    scene = [
        "Orla brought the girl up from the kitchen, and I gave her the chair by the fire.",
        '"Whose voice was it?" I asked.',
        '"Mr. Brandt’s, sir."',
        '"You are sure of it?" I asked.',
        '"Mr. Brandt’s. I would know it anywhere."',
        '"Mr. Brandt," Orla repeated slowly. "Mr. Brandt is a magistrate."',
        '"Thank you, Wyn," Orla said.',
        "Orla took her down again.",
        '"Sit down, Wyn," Orla said when she came back. "You look worn out."',
    ]
    characters = {c.name: c for c in scene_attribution(scene).characters}
    assert "I" in characters["Wyn"].aliases and "Mr. Brandt" in characters


def test_the_name_later_in_an_answer_to_the_narrator_names_the_narrator():
    # the answer to the narrator's line is cut by its tag; its second part calls the narrator
    # `Tobias`, while `Jack` was called once up the stairs and never answered
    scene = [
        'Mrs. Peel shouted up the stairs. "Jack, your tea is on the table!"',
        "I was at the desk with the lamp on, and she came in to draw the curtains.",
        '"I have lost my pen again," I said.',
        '"Your trouble," Mrs. Peel said, "is that you never look back. Go to bed, Tobias."',
        '"Goodnight," I said.',
    ]
    assert dialogue_speakers(scene)[-1] == "Tobias"


def test_an_interjection_that_answers_the_narrator_is_no_name_of_hers():
    # `"Ugh. Okay."` opens the answer to the narrator's question: read as a call, `Ugh` became
    # the narrator's name
    scene = [
        "I called down to the lab and Teddy picked up on the first ring.",
        '"Lab, Teddy speaking."',
        '"It\'s me. Can you run a sample for bed four?" I asked.',
        '"Ugh. Okay. Send it. I\'ll call you back with a number."',
        '"You\'re a star."',
        '"I\'m a man in a basement," Teddy said.',
    ]
    assert dialogue_speakers(scene)[1] == dialogue_speakers(scene)[3] == "I"


def test_the_reader_told_to_is_named_by_the_placeholder_else_you():
    scene = [
        "You duck under the tape. Officer Bell is already waiting, arms crossed.",
        '"{call}you\'re late," Bell says.',
        '"Traffic," you say, and you hand her a coffee.',
    ]
    assert dialogue_speakers([p.format(call="(Y/N), ") for p in scene]) == ["Officer Bell", "Y/N"]
    assert dialogue_speakers([p.format(call="") for p in scene]) == ["Officer Bell", "You"]


_JETTY = [  # the narrator, called Pudding by Joss, never named by the narration
    "Joss was already on the jetty when I got there, feet in the water.",
    '"You\'re late, Pudding," Joss said.',
    '"I know," I said.',
    "Joss kicked a spray of lake at me.",
    '"Sit down, Pudding. The fish are biting."',
    '"They never bite," I said.',
]


def _shown_as_pudding(result) -> bool:
    return "I" in next(c.aliases for c in result.characters if c.name == "Pudding")


def test_a_header_listing_the_narrators_name_is_no_narration_about_them():
    # the header and the author's note write `Pudding` three times; in the story the name is
    # only ever called to `me`: the narrator, not a third person the narration writes of
    scene = [
        "Relationships: Pudding & Joss",
        "Characters: Pudding, Joss Harlan, Ms. Quill",
        "A/N: Pudding is the best boy and I will not be taking questions.",
        "~~~",
        *_JETTY,
    ]
    result = scene_attribution(scene)
    assert speakers_of(result)[-1] == "Pudding"
    assert _shown_as_pudding(result)


def test_the_narrator_is_shown_by_the_name_the_story_uses_most():
    # `they call me Arthur` once at home; everyone here calls the narrator `Pudding`: shown as Pudding
    scene = [
        "At home they call me Arthur, which is my name, and nobody here does.",
        *_JETTY,
        '"Pudding, you say that every summer."',
    ]
    result = scene_attribution(scene)
    assert speakers_of(result)[-2] == "Pudding"
    assert _shown_as_pudding(result)


def test_the_narrators_own_name_said_into_a_phone_is_no_call_of_someone_else():
    # the narrator answers the phone with her surname; others call her by it: she is Okafor
    paragraphs = [
        "Bram was asleep in the chair by the window. I was still at the typewriter.",
        '"Go home, Okafor," Bram said without opening his eyes.',
        '"Soon," I said.',
        "The telephone rang a little after one.",
        '"Okafor," I said into the receiver.',
        '"You sound tired, Okafor," the voice said.',
        '"I am," I said.',
    ]
    speakers = dialogue_speakers(paragraphs)
    assert [speakers[i] for i in (1, 2, 4)] == ["Okafor", "Okafor", "Okafor"]


def test_a_narrator_known_by_title_and_surname_also_has_the_given_name_once_called():
    # schoolmates and the master say "Mr. Pryor"/"Pryor"; only his aunt, remembered, says "Toby"
    paragraphs = [
        "Mr. Quell looked down the row of desks.",
        '"Mr. Pryor. The date of the treaty."',
        '"Eighteen fifteen, sir," I said.',
        '"Correct, Mr. Pryor," Mr. Quell said.',
        "My aunt had a saying for every time I lost a glove.",
        'She said it in the same tired voice every time: "Slow down, Toby. It is where you left it."',
        "Vance leaned over after the bell.",
        '"How did you know that, Pryor?" Vance asked.',
        '"I guessed," I said.',
        '"Lucky guess, Pry."',
    ]
    from attribute_scenes import scene_attribution

    result = scene_attribution(paragraphs)
    narrator = next(c for c in result.characters if c.name == "Mr. Pryor")
    assert "Toby" in narrator.aliases and "Pry" in narrator.aliases


def test_the_header_lists_the_full_name_of_a_narrator_called_by_surname():
    # the story never writes `Juniper`; others call the narrator `Adair` and `Junebug`; the
    # header's cast gives her full name. `Tomas Reyes`, whom the narration writes, is not hers
    scene = [
        "Characters: Juniper Adair, Tomas Reyes",
        "~~~",
        "Reyes was already at the counter when I came in, counting the float.",
        '"You\'re late, Junebug," Reyes said.',
        '"I know," I said.',
        "Reyes slid the till drawer shut.",
        '"Adair, the float\'s short again."',
        '"Not my shift," I said.',
        '"Junebug, it\'s always your shift."',
    ]
    result = scene_attribution(scene)
    narrator = next(c for c in result.characters if "I" in c.aliases)
    assert {"Juniper", "Juniper Adair"} <= set(narrator.aliases) | {narrator.name}
    assert not {"Tomas", "Tomas Reyes"} & set(narrator.aliases)


def test_the_narrators_own_calls_do_not_give_her_the_listed_name_she_calls():
    """``"I know, Tomas," I said.`` -- the narrator calling her brother by his listed name does
    not make ``Tomas Reyes`` hers, nor the brother's lines hers."""
    result = scene_attribution([
        "Characters: Wren Castellano, Tomas Reyes",
        "~~~",
        "My brother was already at the counter when I came in, counting the float.",
        '"You\'re late, Birdie," he said.',
        '"I know, Tomas," I said.',
        "He slid the till drawer shut.",
        '"Birdie, the float\'s short again."',
        '"Not my shift," I said.',
        '"Tomas, it\'s always your shift," I said.',
        '"Whatever," my brother said.',
    ])
    narrator = next(c for c in result.characters if "I" in c.aliases)
    assert not {"Tomas", "Tomas Reyes"} & ({narrator.name} | set(narrator.aliases))
    assert speakers_of(result)[2] != narrator.name


def test_a_name_the_narrators_own_line_calls_is_not_the_narrators():
    """``I lean over to her. "It is coming, Bean."`` (round 39c): the narrator's own line calls
    a friend by a pet name the narration never writes; that name is the friend's, so it does
    not take the narrator's lines from them, and the narrator is still the one others call Ola."""
    paragraphs = [
        "I wait at the bus stop in the rain. I count the puddles. I have been here an hour, and I am soaked through.",
        'Hanna pulls her hood up. "This bus is never coming, Ola."',
        'I lean over to her. "It is coming, Bean. Be patient."',
        'I check the timetable again. Hanna kicks the kerb. "You always say that, Ola."',
        '"Bean."',
        'Hanna grins. "Fine. Fine."',
    ]
    assert dialogue_speakers(paragraphs) == ["Hanna", "Ola", "Hanna", "Ola", "Hanna"]


def test_a_greeting_at_the_narrators_door_is_no_call_of_the_narrators():
    # the one line whose beat has only "I" calls Nell; Kit calls her Nell twice more: Nell is the narrator
    scene = [
        "I had not been home in three years. The gate still stuck.",
        'I knock twice and the door flies open. "Nell! You actually came!"',
        "Kit pulls me into a hug. I laugh into her shoulder.",
        '"Put me down, you lunatic."',
        '"Never." Kit sets me down and looks me over. "You look tired, Nell."',
        '"Four hours on a train will do that."',
        'Kit grabs my bag. "Come on. Mum made far too much food."',
        '"Does she know I\'m here?"',
        '"Nell, she has been cooking since Tuesday."',
    ]
    assert not {"I", "Nell"} <= set(paragraph_characters(scene))
    assert dialogue_speakers(scene)[0] not in ("I", "Nell")


def test_a_pov_tag_in_the_header_names_the_first_person_narrator():
    # nobody calls the narrator by name; the work's "Nell POV" tag says who "I" is
    scene = [
        "Rain Check",
        "Fandom: Tideway",
        "Characters: Nell Price, Kit Moss",
        "Tags: Nell POV, First Person POV, Fluff",
        "I pulled the door shut behind me. The rain had followed me all the way up the hill.",
        '"You\'re soaked," Kit said from the sofa.',
        '"Thanks, I noticed."',
        'Kit tossed me a towel. "You\'re dripping on the rug."',
        '"Sorry."',
    ]
    characters = paragraph_characters(scene)
    assert "I" not in characters and any({"I", "Nell"} <= {n, *c.aliases} for n, c in characters.items())


def test_a_thanks_or_a_wish_is_no_name_the_narrator_gives():
    # "Bless Jun." is no self-presentation: the narrator is Nell, not "Bless Jun"
    scene = [
        "Rain Check",
        "Characters: Nell Price, Kit Moss, Jun Arai",
        "Tags: Nell POV, Fluff",
        "I pulled the door shut behind me. The rain had followed me all the way up the hill.",
        '"You\'re soaked," Kit said from the sofa.',
        '"Thanks, I noticed."',
        'Kit tossed me a towel. "Jun\'s making tea."',
        '"Bless Jun."',
    ]
    characters = paragraph_characters(scene)
    assert "Bless Jun" not in characters and any({"I", "Nell"} <= {n, *c.aliases} for n, c in characters.items())


def test_only_the_narrators_own_lines_name_the_narrator():
    # a stranger's "You may call me Mr. Vane" that turn taking guessed to be the narrator's is no
    # name of the narrator's; the same line their paragraph gives them ("I said") is
    from ficaudio.attribute.document import build_document
    from ficaudio.attribute.narrator import self_named
    from ficaudio.attribute.rules import Decision

    from attribute_scenes import paragraph_story

    scene = ["I wiped the counter in front of him and waited.", '"You may call me Mr. Vane."', '"Okay."']
    story, segments = paragraph_story(scene)
    doc = build_document(story, segments, ())
    said = [i for i, s in enumerate(segments) if s.kind.name == "DIALOGUE"]
    guessed = {said[0]: Decision("I", 0.6, "turn_taking"), said[1]: Decision("Mr. Vane", 0.6, "turn_taking")}
    assert self_named(doc, guessed) is None
    tagged = {said[0]: Decision("I", 0.95, "first_person_tag"), said[1]: Decision("Mr. Vane", 0.6, "turn_taking")}
    assert self_named(doc, tagged) == "Mr. Vane"


def test_the_narrator_says_my_name_is_at_the_start_of_a_line():
    # round 42H: "My name is" and "Call me" open sentences, capitalised; and the second quotation of
    # a paragraph whose first the narrator's tag gives them is theirs too
    for line in ('"My name is Wren Aldane," I said, because somebody had to.',
                 '"Hi," I said, because somebody had to. "My name is Wren Aldane."',
                 '"Call me Wren," I said.'):
        scene = [
            "The new girl sat down across from me at lunch like she owned the table.",
            line,
            '"Juno." She stole one of my fries. "You\'re the one with the brother."',
        ]
        assert dialogue_speakers(scene)[0] in ("Wren Aldane", "Wren"), line
    assert _SELF_NAMING.search("My name is Wren.") and _SELF_NAMING.search("Call me Ishmael.")
