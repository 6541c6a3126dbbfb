"""Tests of ficaudio.attribute.calls: src/ficaudio/attribute/calls.py."""

from __future__ import annotations

from ficaudio.attribute.calls import join_call_signs_to_users
from ficaudio.attribute.document import build_document
from ficaudio.models import Character, Gender

from attribute_scenes import INO, KIBA, SAKURA, dialogue_speakers, paragraph_story, speakers

NADIA = Character("Nadia", (), Gender.FEMALE)
JAMIE = Character("Jamie", (), Gender.MALE)

_NADIA_CALLS = [
    "Kiba's phone starts buzzing against the table.",
    '"It\'s Nadia. Everyone be quiet."',
    '"Who is she?" Ino asks.',
    '"My sister." He swipes to answer and sets the phone on the table. "Hey, you\'re on speaker."',
]


def test_the_voice_out_of_the_phone_is_the_caller_named_over_the_ringing():
    text = "\n".join([*_NADIA_CALLS, '"Hi, everyone." The voice that comes out of the phone is dry.'])
    assert speakers(text, [INO, KIBA, NADIA])[-1] == ("Nadia", "voice_on_the_line")


def test_the_other_end_is_the_one_the_answered_call_greets():
    text = ("Ino and Sakura walk home.\nIno's phone lit up. She held it to her ear.\n"
            '"Hey, Jamie."\n"Is that him?" Sakura asks.\n"Yes," Ino says.\n'
            'There was a long breath on the other end. "Okay."')
    assert speakers(text, [INO, SAKURA, JAMIE])[-1] == ("Jamie", "voice_on_the_line")


def test_the_reply_to_a_line_spoken_into_the_phone_is_the_caller():
    text = "\n".join([*_NADIA_CALLS, '"Hi."', '"We are in the library," Ino says.',
                      'Kiba picks the phone back up. "Okay, bye."', '"Sleep, Kiba."'])
    assert speakers(text, [INO, KIBA, NADIA])[-1] == ("Nadia", "line_answers_phone")


def test_after_the_call_ends_the_line_speaks_no_more():
    text = "\n".join([*_NADIA_CALLS, '"Hi."', "Kiba hangs up on her.", 'Ino stares at the phone. "Really?"', '"What?"'])
    assert "Nadia" not in [s for s, _ in speakers(text, [INO, KIBA, NADIA])[-2:]]


def test_a_call_put_on_speaker_opens_and_its_far_end_answers_the_caller():
    text = ("Ino and Sakura stared at the dead kettle.\n"
            "Ino dug out her phone and stabbed the speaker button. It rang twice.\n"
            '"Jamie. It\'s me."\n"What time is it?"\n"Early," Sakura said.\n'
            'Ino glared at the phone. "The kettle died."\n"Did you try the switch?"')
    assert speakers(text, [INO, SAKURA, JAMIE])[-1][0] == "Jamie"


def test_on_speaker_opens_a_call():
    from ficaudio.attribute.calls import call_opens
    assert call_opens("She put it on speaker.") and call_opens("He hit the speakerphone button.")
    assert not call_opens("The speaker at the podium coughed.")


def test_once_the_line_goes_dead_its_voice_takes_no_turn():
    text = ("Ino and Sakura sat on the step.\n"
            "Ino's phone lit up. She held it to her ear.\n"
            '"Jamie. It\'s me."\n"Bring the cake by noon."\n"Fine," Ino said.\n'
            'The line went dead. Ino frowned at the phone.\n"What cake?"\n"The one you forgot, I bet."')
    assert [s for s, _ in speakers(text, [INO, SAKURA, JAMIE])[-2:]] == ["Ino", "Sakura"]


def test_a_bare_name_said_on_answering_is_the_speakers_own_but_not_one_said_after_dialling():
    from ficaudio.attribute.calls import answers_with_own_name
    from ficaudio.attribute.document import build_document

    from attribute_scenes import story

    def own_name(scene: str) -> bool:
        st, segments = story(scene)
        doc = build_document(st, segments, ())
        return answers_with_own_name(doc, max(doc.paragraph_of))

    assert own_name('The phone rang twice.\n"Okafor," I said into the receiver.')
    assert own_name('She answered the phone. "Okafor."')
    assert not own_name('I dialled the lab.\n"Okafor," I said into the receiver.')
    assert not own_name('The phone rang twice.\n"Okafor?" I said into the receiver.')
    assert not own_name('Bram pointed at the ringing phone. "Okafor."')


def test_when_the_narration_only_reports_the_far_end_the_one_on_the_phone_goes_on():
    text = ("Ino and Kiba sat in the office. Ino dialled the bakery.\n"
            '"Is this the bakery?" Ino asked.\n'
            "The voice on the other end said it was, and wanted to know what she wanted.\n"
            '"Two loaves for Friday."\n'
            '"Tell them no raisins," Kiba said.')
    assert speakers(text, [INO, KIBA])[1] == ("Ino", "holder_goes_on")


_STUDIO_CALL = [
    "Bruno and Nadia were eating crisps in the green room. The interview with Greta Holm was at ten, and at ten the phone on the table buzzed. Nadia put it on speaker.",
    "“Hello?”",
    "“Nadia! Hi! Greta Holm, Valley Radio breakfast. You're on in ten seconds.”",
    "Nadia pulled a face at Bruno.",
    "A jingle played, and then the voice on the phone got louder. “And we are back, with the band everyone is talking about!”",
]


def test_a_caller_who_gives_name_and_station_is_the_voice_on_the_line():
    speakers = dialogue_speakers(_STUDIO_CALL)
    assert speakers[1:] == ["Greta Holm", "Greta Holm"]


def test_the_voice_on_the_line_is_no_holder_who_goes_on():
    text = ("Kiba's phone starts buzzing against the table. Ino looks up.\n"
            '"It\'s Nadia." He swipes to answer.\n'
            '"Hey," Kiba says into the phone.\n'
            '"Hey yourself," says Nadia.\n'
            "The voice on the other end said she was at the station, and wanted to know if he could come.\n"
            '"Give me ten minutes."')
    assert speakers(text, [INO, KIBA, NADIA])[-1] == ("Kiba", "holder_goes_on")



HALLORAN = Character("Halloran", (), Gender.MALE)


def test_a_voice_that_says_this_is_over_a_radio_is_the_one_it_names():
    text = ("Ino and Kiba sat in the truck with the engine off.\n"
            "The radio on the dash crackled.\n"
            '"Truck two, this is Halloran. Where are you?"')
    assert speakers(text, [INO, KIBA, HALLORAN])[-1] == ("Halloran", "identified_on_the_channel")


def test_a_radio_that_says_this_is_speaks_for_the_one_it_names():
    text = ("Ino and Kiba sat in the truck with the engine off.\n"
            '"This is Halloran," said the radio. "Where are you?"')
    assert speakers(text, [INO, KIBA, HALLORAN])[-2:] == [("Halloran", "identified_on_the_channel"), ("Halloran", "same_paragraph_continuation")]


def test_this_is_said_face_to_face_introduces_someone_else():
    text = ("Ino waited by the truck.\n"
            '"This is Halloran," Kiba said, nodding at the man beside him.')
    assert speakers(text, [INO, KIBA, HALLORAN])[-1] == ("Kiba", "explicit_tag")


def test_the_one_whose_voice_fills_the_room_over_a_ringing_phone_is_on_the_line():
    text = ("Ino and Kiba were doing the dishes.\n"
            "Kiba's phone buzzed on the counter. He held it up between them, and Nadia's voice filled the kitchen.\n"
            '"Are you two home?"\n'
            '"We are," Ino said.\n'
            'Kiba leaned toward the phone. "Why?"\n'
            '"Then open the door."')
    assert speakers(text, [INO, KIBA, NADIA])[-1] == ("Nadia", "line_answers_phone")



def test_a_bare_line_after_the_room_answers_the_caller_is_the_caller_again():
    text = ("Ino and Kiba stood over the broken boiler.\n"
            "Ino's phone lit up. She put it on speaker and set it on the shelf.\n"
            '"Hey, Nadia."\n'
            '"Is the little light at the bottom on?"\n'
            'Kiba crouched and peered at the dial. "Which light?"\n'
            '"The red one, next to the switch."')
    assert speakers(text, [INO, KIBA, NADIA])[-1] == ("Nadia", "bare_line_is_the_caller")


_RIDGE_CALLS = [
    "Harlow and Josie sat in the ranger hut with the radio between them.",
    'Harlow keyed the handset. "Pine Ridge, Pine Ridge, this is Tamarack Hut, over."',
    "A hiss. Then Dana's voice, faint and patient. \"Tamarack Hut, Pine Ridge. Go ahead, over.\"",
    '"Pine Ridge, we have smoke on the north slope. Over."',
    '"Tamarack Hut, Pine Ridge. Copy smoke on the north slope. Stand by, over."',
    'Josie looked at Harlow. "She sounds worried."',
    '"Pine Ridge, Tamarack Hut. Standing by. Thanks, Dana. Tamarack Hut out."',
]


def test_a_call_sign_is_the_one_shown_speaking_it_and_its_calls_are_theirs():
    """``Pine Ridge`` is Dana (her voice gives its call); ``Tamarack Hut`` is Harlow (he keys the
    handset): their later calls are theirs, and ``Thanks, Dana`` over the radio calls no one in the hut."""
    assert dialogue_speakers(_RIDGE_CALLS)[-3:] == ["Dana", "Josie", "Harlow"]
    assert dialogue_speakers(_RIDGE_CALLS)[:2] == ["Harlow", "Dana"]


_SHARED_SIGN = [
    "Ewan had skippered the boat for thirty years. Kirsty had crewed for him since she was twelve. Ewan trusted her with the wheel now, and Kirsty knew it.",
    "The radio on the bulkhead hissed.",
    '"Silver Gull, Silver Gull, this is Harbour Control, over."',
    'Ewan unhooked the handset. "Harbour Control, Silver Gull. Go ahead, over."',
    '"Silver Gull, Harbour Control. Gale warning for the bank, over."',
    "Kirsty took the handset. \"Harbour Control, Silver Gull. Copied, we're running for the sound, over.\"",
    '"Harbour Control, Silver Gull. Four persons on board, over."',
]


def _call_signs(scene):
    doc = build_document(*paragraph_story(scene), ())
    join_call_signs_to_users(doc)
    return doc.call_signs


def test_a_call_sign_two_people_are_shown_using_is_no_ones():
    """A boat's call sign that father and daughter both use stays its own; each of the two
    speaks the call their paragraph shows them making."""
    assert "Silver Gull" not in _call_signs(_SHARED_SIGN)
    speakers = dialogue_speakers(_SHARED_SIGN)
    assert (speakers[1], speakers[3]) == ("Ewan", "Kirsty")


_WATCHED_AT_THE_RADIO = [
    "Kirsty sat on the bench and watched her father work the radio.",
    '"Silver Gull, Silver Gull, this is Harbour Control, over."',
    'Kirsty watched her father unhook the handset. "Harbour Control, Silver Gull. Go ahead, over."',
    '"Silver Gull, Harbour Control. Gale warning for the bank, over."',
    '"Harbour Control, Silver Gull. Copied, over."',
    'Kirsty frowned at him. "Gale?"',
    '"Gale," her father said.',
]


def test_one_who_opens_a_sentence_watching_another_is_not_shown_using_the_call_sign():
    """``Kirsty watched her father unhook the handset.``: the sentence names another person,
    so Kirsty is no operator, and the calls are not hers (review 40c R5). Harbour Control,
    whom no paragraph shows anyone speaking for, speaks its own calls (round 44D)."""
    assert _call_signs(_WATCHED_AT_THE_RADIO) == {"Harbour Control": "Harbour Control"}
    speakers = dialogue_speakers(_WATCHED_AT_THE_RADIO)
    assert speakers[1] != "Kirsty" and speakers[3] != "Kirsty"


_DINNER_CALL = [
    "Hana stood at the back door with the pot in her hands. Kiba was up the tree, as usual.",
    'Hana leaned out of the door. "Kiba, Akamaru, dinner!"',
    "Kiba dropped out of the tree and ran to the door, the puppy at his heels.",
    '"Is it curry?" Kiba asked.',
    '"Wash your hands," Hana said. "And wash Akamaru, too."',
    '"Akamaru is clean," Kiba said.',
    '"Akamaru rolled in the mud this morning."',
]


def test_two_names_called_in_a_story_with_no_radio_are_no_call_sign():
    """``"Kiba, Akamaru, dinner!"`` in a story that names no radio or phone calls two people
    face to face: Akamaru is no call sign of the caller (review 40c R5)."""
    assert _call_signs(_DINNER_CALL) == {}
    assert dialogue_speakers(_DINNER_CALL)[-1] == "Hana"


def test_two_names_opening_a_line_face_to_face_join_no_one():
    """``"Okafor, Moss."`` called by a commander is no radio call: Moss, a subject of the
    narration, is no station, so the one who called it is not Moss."""
    scene = ["Moss crouched by the wall and Okafor checked her rifle. Hale watched them both.",
             'Hale pointed at the gate. "Okafor, Moss. Take the left side."',
             '"Going," Moss said.',
             "Hale nodded."]
    assert dialogue_speakers(scene)[-1] == "Moss"


def test_a_pronoun_after_a_call_is_no_station():
    """``"Ines, I--"`` gives ``I`` to no one: a station's name opens on a name word."""
    scene = ["I waited by the door. Ines was reading the letter. Ines sighed at it.",
             "Rafe came in. Rafe always came in without knocking.",
             'Rafe sat down. "Ines, I—"',
             'Ines did not look up. "Go away, Rafe."']
    doc = build_document(*paragraph_story(scene), ())
    join_call_signs_to_users(doc)
    assert doc.call_signs == {}


_HUT_RADIO = [
    "My name is Wren and I keep the fire at Larch Hut. I sat by the stove while Harlow worked the radio. Harlow had been at it since dawn.",
    '"Wren, put the kettle on," Harlow said.',
    '"Put it on yourself," I said.',
    'Harlow keyed the handset. "Pine Ridge, Pine Ridge, this is Larch Hut, over."',
    "Then Dana's voice, faint and patient. \"Larch Hut, Pine Ridge. Go ahead, over.\"",
    'Harlow grinned at me. "Smoke on the north slope. Thanks, Dana. Larch Hut out."',
    '"Copy, Larch Hut. Pine Ridge out."',
    'Harlow keyed it again. "One more thing, Dana. Larch Hut out."',
    '"Wren, the kettle," Harlow said.',
    '"Fine," I said.',
]


def test_names_called_over_the_radio_by_a_known_station_are_no_names_of_the_narrator():
    """``Thanks, Dana. Larch Hut out.`` is said to the far end: Dana, called twice that way,
    is not what the hut calls the narrator, and her station's calls stay hers."""
    assert dialogue_speakers(_HUT_RADIO)[3:7] == ["Dana", "Harlow", "Dana", "Harlow"]


_LIGHT_RADIO = [
    "Kit was asleep upstairs at Gull Rock when the flare went up over the reef.",
    'I took the handset off its hook. "Harbour Watch, Harbour Watch, this is Gull Rock, over."',
    "There was a hiss, then a woman's voice, small and calm. \"Gull Rock, Harbour Watch. Go ahead, over.\"",
    '"A red flare past the reef, five minutes ago. Over."',
    '"Copy, Gull Rock. Stay where you are. Over."',
    '"Gull Rock, out," I said.',
]


def test_the_narrators_own_call_sign_called_is_the_narrator_addressed():
    """The station ``I`` call from is the narrator's: a line calling it is said to the narrator,
    not by them."""
    assert dialogue_speakers(_LIGHT_RADIO)[0] == "I"
    assert dialogue_speakers(_LIGHT_RADIO)[3] != "I"


# Round 43C: the one holding the phone, a phone left to ring, a phone handed over, a phone as a tag.

_TILL_CALL = [
    "Ino and Kiba were closing up the flower shop.",
    "The phone by the till rang.",
    '"Yamanaka Flowers," Ino said.',
    'Nadia did not bother with hello. "Are you watching the storm?"',
    '"I\'m at work, Nadia. I\'m watching the windows."',
    'The lights went out. In the dark Kiba said, "Well, that wasn\'t me."',
    'Then the lights came back, and Nadia was still talking in her ear. "—hear me? Did I lose you?"',
]


def test_the_one_holding_the_phone_answers_the_line_though_someone_in_the_room_spoke_before_it():
    text = "\n".join([*_TILL_CALL, '"The lights went out for a second. They\'re back."'])
    assert speakers(text, [INO, KIBA, NADIA])[-1] == ("Ino", "holder_answers_line")


def test_the_one_who_answers_a_ringing_phone_with_a_name_holds_it():
    text = "\n".join([*_TILL_CALL, '"The lights went out for a second. They\'re back."', '"You come home the minute you close."', '"I will, Nadia."'])
    assert [s for s, _ in speakers(text, [INO, KIBA, NADIA])[-2:]] == ["Nadia", "Ino"]


def test_a_phone_left_to_ring_makes_no_call_of_the_room():
    text = ("Ino, Kiba and Sakura sat round the table with the cards dealt. Ino's phone rang on the counter, and she let it ring.\n"
            '"You\'re not getting that?" Sakura asked.\n'
            '"It\'s only the garage."\n'
            'Kiba laid down a seven. "Your turn, Sakura."\n'
            '"I know whose turn it is."\n'
            '"Then play."')
    found = speakers(text, [INO, KIBA, SAKURA])
    assert found[-1] == ("Kiba", "turn_taking")
    assert "holder_answers_line" not in [r for _, r in found]


def test_a_phone_that_buzzes_with_a_text_has_no_holder():
    text = ("Ino, Kiba and Sakura sat round the table.\n"
            "Ino's phone buzzed. It was a message from her sister.\n"
            '"Who is it?" Sakura asked.\n'
            '"Nadia. She wants to know about Sunday."\n'
            'Kiba laid down a seven. "Tell her yes."\n'
            '"You tell her."\n'
            '"I\'m playing."')
    assert "holder_answers_line" not in [r for _, r in speakers(text, [INO, KIBA, SAKURA, NADIA])]


def test_on_speaker_the_room_answers_the_line_too():
    text = ("Ino and Kiba were doing the dishes.\n"
            "Ino's phone rang. She put it on speaker and set it by the sink.\n"
            '"Ino? Is Kiba there?"\n'
            '"Hi, Nadia," Kiba called.\n'
            '"Are you eating properly?"\n'
            '"He eats fine."')
    assert "holder_answers_line" not in [r for _, r in speakers(text, [INO, KIBA, NADIA])]


def test_the_one_the_phone_is_handed_to_answers_the_line():
    text = ("Ino and Kiba were closing up the flower shop.\n"
            "The phone by the till rang. Ino picked it up.\n"
            '"Yamanaka Flowers."\n'
            'Nadia\'s voice came down the line. "Is Kiba there? Put him on."\n'
            '"Nadia, he\'s busy."\n'
            '"Put him on, Ino."\n'
            "Ino held the phone out to Kiba. Kiba wiped his hands and took it.\n"
            '"Hi, Nadia."')
    found = speakers(text, [INO, KIBA, NADIA])
    assert found[0] == ("Ino", "holder_picks_up")
    assert found[-1] == ("Kiba", "holder_answers_line")


def test_hey_first_after_the_ring_may_be_the_caller_and_is_not_the_holders_answer():
    text = ("Ino and Kiba were closing up the flower shop.\n"
            "Ino's phone buzzed in her apron. She answered it.\n"
            '"Hey."\n')
    assert "holder_picks_up" not in [r for _, r in speakers(text, [INO, KIBA, NADIA])]


def test_a_line_the_phone_says_is_the_callers_and_the_phone_takes_no_turn_after():
    text = ("Ino and Kiba were closing up the flower shop.\n"
            "Ino's phone buzzed in her apron. Nadia, of course, did not bother with hello. \"The bus leaves in four minutes.\"\n"
            '"I\'m coming, I\'m at the shop."\n'
            '"Three minutes," says the phone, and hangs up.\n'
            'Kiba grinned at her. "You lied to her."\n'
            '"I lied to her for a flower."')
    found = speakers(text, [INO, KIBA, NADIA])
    assert found[1] == ("Ino", "holder_answers_line")
    assert found[2] == ("Nadia", "device_tag_is_the_line")
    assert found[-1][0] == "Ino"


def test_a_telephone_that_rang_rings():
    from ficaudio.attribute.calls import call_ends, phone_rings
    assert phone_rings("Then the telephone rang.") and phone_rings("The phone by the register rang.")
    assert not phone_rings("The doorbell rang.")
    assert call_ends("She rang off.") and call_ends("The earpiece went back on its hook.")
    assert not call_ends("He put the kettle down.")


def test_one_who_snatches_up_anothers_ringing_phone_holds_it():
    text = ("Ino and Kiba were closing up the flower shop.\n"
            "Kiba's phone rang on the counter. Ino snatched it up before he could reach it.\n"
            '"Kiba\'s phone."\n'
            'Nadia\'s voice came down the line. "Where is he?"\n'
            '"Hiding from you."')
    assert speakers(text, [INO, KIBA, NADIA])[-1] == ("Ino", "holder_answers_line")


def test_a_doorbell_that_rings_beside_a_phone_is_no_call():
    # round 43H: `phone ... rang` took the doorbell's ringing for the phone's, and the first
    # "Hello?" after it (the grandmother at the door) went to the phone's owner as its holder
    from ficaudio.attribute.calls import phone_rings
    from attribute_scenes import dialogue_rules
    assert not phone_rings("Jun shoved his phone in his pocket when the bell rang for class.")
    assert phone_rings("He stared at his phone as it rang.")
    scene = [
        "Mara tossed her phone onto the couch as the doorbell rang. The front door creaked open before she could get up.",
        '"Hello?"',
        '"In here, Gran!" Mara called.',
        '"There you are," said her grandmother.',
    ]
    assert dialogue_rules(scene)[0] != "holder_picks_up"


def test_a_line_said_in_the_room_before_the_phone_is_answered_is_not_the_voice_on_the_line():
    # round 43H: "Don't you dare," Ino said -- before "He answered it anyway" in the ring's own
    # paragraph -- was taken for the far voice, and the line "on the other end" went to her
    from attribute_scenes import dialogue_lines
    scene = [
        "Ino and Kiba were closing up the flower shop.",
        "Kiba’s phone buzzed on the counter. “Don’t you dare,” Ino said. He answered it anyway.",
        "“Yeah?”",
        "There was a long pause on the other end. “Is this Kiba Inuzuka?”",
    ]
    lines = dialogue_lines(scene)
    assert (lines[1].speaker, lines[1].rule) == ("Kiba", "holder_picks_up")
    assert lines[2].rule != "voice_on_the_line"


def test_the_one_the_voice_on_the_line_calls_answers_it_not_the_holder():
    # round 43H: the phone set on the table for all to hear (no "speaker" said); the coach
    # calls Ben, and "No!" is Ben's, not the holder's by holder_answers_line
    scene = [
        "Ana’s phone rang. She answered it and set it on the table so they could all hear.",
        "“Ana? Is everyone there?” said Coach Reyes.",
        "“Everyone’s here, Coach,” Ana said.",
        "“Good. Practice is cancelled tomorrow.”",
        "“Yes!” Ben shouted.",
        "“Don’t celebrate, Ben. We run on Saturday instead.”",
        "“No!”",
    ]
    assert dialogue_speakers(scene)[-1] == "Ben"


def test_one_in_the_room_before_the_ring_is_not_the_voice_on_a_phone_no_one_answered():
    # round 43H: Nadia, named in the room before Felix's phone buzzed, speaks in the ring's own
    # paragraph; no one answers, so she is no far voice, and the line after Marcus's is not
    # given to the phone's owner by holder_answers_line
    scene = [
        "Nadia, Felix and Marcus were halfway through the pizza when Felix’s phone buzzed against the table. “Aren’t you going to get that?” Nadia asked.",
        "“He never gets it,” Marcus said.",
        "“Why not?” Nadia asked.",
        "“Because it’s always his mum.”",
    ]
    assert dialogue_speakers(scene)[-1] == "Marcus"


def test_a_caller_who_names_themselves_to_the_holder_is_the_voice_on_the_line():
    # Round 43J: "Sakura, it's Tsunade." on an answered call went to no one, and the holder's
    # reply to the caller.
    assert dialogue_speakers([
        '"I\'m going to bed," Sakura said to Ino. "Night."',
        "Tsunade had been gone a week. Sakura's phone rang just as she lay down. She answered it.",
        '"Sakura, it\'s Tsunade."',
        '"My lady! Where are you?"',
    ]) == ["Sakura", "Sakura", "Tsunade", "Sakura"]
    # said to someone other than the holder, it hands the phone over: not the caller's
    assert dialogue_speakers([
        '"Where\'s Dad?" Ana asked. "He\'s late," Mum said.',
        "Ana's phone buzzed. She answered it, listened, then turned to Mum.",
        '"Mum, it\'s Dad."',
        '"Tell him I\'m out," Mum said.',
    ])[2] == "Ana"


def test_holding_the_phone_to_an_ear_hands_it_to_no_one():
    # "held it to her ear" reads like a handing over, but names no one who takes it: Ino still holds it
    text = ("Ino and Kiba were closing up the flower shop.\n"
            "The phone by the till rang. Ino picked it up and held it to her ear.\n"
            '"Yamanaka Flowers."\n'
            'Nadia\'s voice came down the line. "Are you watching the storm?"\n'
            '"I\'m at work, Nadia. I\'m watching the windows."\n'
            'The lights went out. In the dark Kiba said, "Well, that wasn\'t me."\n'
            'Then the lights came back, and Nadia was still talking in her ear. "—hear me? Did I lose you?"\n'
            '"The lights went out for a second. They\'re back."')
    assert speakers(text, [INO, KIBA, NADIA])[-1] == ("Ino", "holder_answers_line")


# ---------------------------------------------------------------- round 44D: voices from elsewhere
class _Roster:
    """A roster that knows only the names given."""

    def __init__(self, *names: str):
        self.names = set(names)

    def lookup(self, name: str):
        return name if name in self.names else None


def test_a_one_word_answer_to_a_ringing_phone_is_a_name_only_if_the_story_knows_it():
    from ficaudio.attribute.calls import answers_the_phone
    roster = _Roster("Yamanaka")
    assert answers_the_phone('"Yamanaka."', roster) and answers_the_phone('"Blue Heron,"', roster) and answers_the_phone('"Hello?"', roster)
    assert not answers_the_phone('"Damn,"', roster) and not answers_the_phone('"Typical."', roster)
    assert answers_the_phone('"Damn,"')  # with no roster to ask, the old reading


def test_an_oath_over_a_ringing_phone_is_no_answer_and_the_one_who_picks_up_holds_it():
    # Round 43's phone bug: "Damn," over the ringing made Kiba the holder, so Ino's pick-up was
    # ignored, Sakura (calling Ino) was no caller, and her lines went to Kiba.
    text = "\n".join([
        "Ino and Kiba were halfway through the washing-up when the phone in the hall rang.",
        '"Damn," Kiba said.',
        "Ino dried her hands and picked it up.",
        '"Hello?"',
        '"Ino, it\'s Sakura. Is he there?"',
        '"He is."',
        '"Tell him he owes me."',
        '"Sure."',
    ])
    assert [s for s, _ in speakers(text, [INO, KIBA, SAKURA])] == ["Kiba", "Ino", "Sakura", "Ino", "Sakura", "Ino"]


_HARBOUR_CALL = [
    "The storm had been building since noon. Mara and Tom sat in the cabin of the *Grey Heron*, listening to the hull groan.",
    'The radio over the chart table hissed, and a man\'s voice came through the static. "Grey Heron, Grey Heron, this is Kilda Rescue, over."',
    'Mara grabbed the handset. "Kilda Rescue, Grey Heron. Go ahead, over."',
    '"Grey Heron, Kilda Rescue. The wind is backing west. Make for the north pier, over."',
    'Tom leaned over her shoulder. "Tell him we can\'t see the pier."',
    '"Kilda Rescue, Grey Heron. No sight of the pier yet, over."',
    '"Grey Heron, Kilda Rescue. Understood. We will put the lights on, over."',
]


def test_a_station_no_one_is_shown_speaking_for_speaks_its_own_calls():
    # the rescue station is only ever a voice on the radio: its calls are its own, not the turns
    # of the two in the cabin; the boat's sign, which Mara is shown using, stays with the crew
    speakers_ = dialogue_speakers(_HARBOUR_CALL)
    assert [speakers_[i] for i in (0, 2, 5)] == ["Kilda Rescue"] * 3
    assert speakers_[1] == "Mara" and "Grey Heron" not in speakers_


def test_orders_called_out_in_a_battle_are_no_station():
    # "Pebblehorn, Rockslide!" reads like a radio call (a name, then another), but no radio is in
    # sight and no procedure word closes it: Rockslide is no station speaking
    scene = [
        "The arena roared. Dax shoved his phone into his pocket and planted his feet at the edge of the chalk circle.",
        '"Pebblehorn, Rockslide! Bring the ceiling down!"',
        'Across the field, Mira only laughed. "Breeze, dodge it!"',
        '"Pebblehorn, Stomp!"',
    ]
    assert _call_signs(scene) == {}
    assert "Rockslide" not in dialogue_speakers(scene)


_TOM, _ANA = Character("Tom", (), Gender.MALE), Character("Ana", (), Gender.FEMALE)
_MIRA = Character("Mira Holt", ("Mira",), Gender.FEMALE)


def test_a_voice_over_the_speakers_that_introduces_itself_is_that_person():
    text = "\n".join([
        "Tom and Ana found their seats. Above the crowd, the speakers crackled to life.",
        '"Good evening, everyone!" says the voice, warm and everywhere at once. "This is Mira Holt, and welcome to the finals!"',
        'Tom rolled his eyes at Ana. "She says that every year."',
        '"She means it every year," Ana said.',
    ])
    assert [s for s, _ in speakers(text, [_TOM, _ANA, _MIRA])] == ["Mira Holt", "Mira Holt", "Tom", "Ana"]


def test_one_introduced_face_to_face_or_by_someone_acting_is_not_the_speaker():
    at_the_door = "\n".join([
        "Tom and Ana waited at the gate.",
        '"Good evening," said the man at the door. "This is Mira Holt, my sister. She will show you in."',
        '"Thank you," Ana said.',
    ])
    assert "Mira Holt" not in [s for s, _ in speakers(at_the_door, [_TOM, _ANA, _MIRA])]
    pointed_out = "\n".join([
        "Tom and Ana found their seats. Above the crowd, the speakers crackled to life.",
        '"Good evening, everyone!" says the voice. Tom pointed at the stage. "This is Mira Holt, and she is great."',
        '"She is," Ana said.',
    ])
    assert "Mira Holt" not in [s for s, _ in speakers(pointed_out, [_TOM, _ANA, _MIRA])]


def test_one_who_leans_to_the_radio_before_it_speaks_does_not_introduce_the_voice():
    # the guard above reads the sentence before the line, not the whole paragraph: Tom acts,
    # then the radio crackles, and the voice names itself
    scene = [
        "Tom leaned toward the speaker. The radio crackled. \"This is Harbour Control, over.\"",
        "\"Harbour Control, Sea Otter,\" Tom said. \"Go ahead.\"",
    ]
    assert dialogue_speakers(scene)[0] == "Harbour Control"


_MARA, _HUGO = Character("Mara", (), Gender.FEMALE), Character("Hugo", (), Gender.MALE)


def test_the_voice_on_the_radio_is_the_one_the_room_answers_by_name():
    text = "\n".join([
        "The storm had been building since noon. Mara and Tom sat in the hut at the top of the glacier, listening to the wind.",
        "At eight the radio on the shelf crackled.",
        '"Glacier hut, glacier hut, this is the supply plane, do you copy, over," said the voice, thin with static.',
        'Mara grabbed the handset. "Go ahead, Hugo. We copy."',
        '"Can\'t land in this. I\'ll try again at dawn, over."',
        '"Understood," Tom called over her shoulder.',
    ])
    assert speakers(text, [_MARA, _TOM, _HUGO])[0] == ("Hugo", "far_voice_named")
    # the voice's split quotation goes with it; a line the room tags in the same paragraph does not
    opening = "\n".join(text.split("\n")[:2])
    split = opening + '\n"Glacier hut," said the voice, "this is the supply plane, over."\nMara grabbed the handset. "Go ahead, Hugo. We copy."'
    assert [s for s, _ in speakers(split, [_MARA, _TOM, _HUGO])] == ["Hugo", "Hugo", "Mara"]
    muttered = opening + '\n"Glacier hut, this is the supply plane, over," said the voice. "Not tonight," Tom muttered.\nMara grabbed the handset. "Go ahead, Hugo. We copy."'
    assert [s for s, _ in speakers(muttered, [_MARA, _TOM, _HUGO])] == ["Hugo", "Tom", "Mara"]


def test_a_radio_playing_in_the_room_is_not_the_one_the_room_calls():
    # the room talks to someone in it, not to the voice on the radio (a weather report)
    text = "\n".join([
        "Mara and Tom sat in the kitchen with the dishes.",
        "The radio on the shelf crackled.",
        '"And that is the weather for the north coast," said the voice.',
        '"Turn it off, Tom," Mara said.',
        '"You turn it off."',
    ])
    assert "far_voice_named" not in [r for _, r in speakers(text, [_MARA, _TOM, _HUGO])]


def test_an_intercom_nobody_answers_gives_the_room_no_caller():
    # the buzzer and the hiss of an intercom open no call: the two on the doorstep go on talking
    scene = [
        "Tom pressed the buzzer for flat six. The intercom hissed and clicked, and then nothing.",
        '"Maybe she\'s out," Ana said.',
        '"She\'s never out," Tom said.',
        '"Then she is hiding."',
    ]
    assert dialogue_speakers(scene) == ["Ana", "Tom", "Ana"]


def test_this_is_the_captain_speaking_names_the_voice_over_the_speakers():
    # round 44K: "This is Captain Vale speaking" introduces the voice as the plain "This is Captain
    # Vale." does (on main f6b11a8 the announcement went to Jonah, in the room)
    scene = [
        "Jonah and Priya were halfway through their drinks when the speakers clicked on.",
        '"This is Captain Vale speaking," said the voice. "We\'ll be landing shortly."',
        '"Finally," Priya said.',
    ]
    assert dialogue_speakers(scene)[:2] == ["Captain Vale", "Captain Vale"]


def test_a_self_introduction_someone_in_the_room_says_after_acting_is_theirs():
    # round 44K: "the speakers" here are people on a panel; "He nudged her" is Tom acting just
    # before the line, so "This is Mira Holt." introduces her, as a name would (on main f6b11a8
    # the line went to Mira Holt by identified_on_the_channel)
    scene = [
        "Tom and Ava found seats near the front. Mira Holt was on the panel tonight.",
        '"I love her books," Ava said.',
        '"I know," Tom said.',
        'He nudged her as the speakers filed onto the stage. "This is Mira Holt. Told you she was tall."',
    ]
    assert dialogue_speakers(scene)[-1] == "Tom"
