"""Tests of ficaudio.attribute.document: src/ficaudio/attribute/document.py."""

from __future__ import annotations

from ficaudio.attribute.document import Mention, build_document, description_opens_clause, is_possessive_name, is_predicative_after_s, looks_like_verb, told_to_you, words, you_is_subject

from ficaudio.attribute.resolve import narrated_in_first_person

from attribute_scenes import KIBA, LATE_COUPLE, dialogue_rules, dialogue_speakers, paragraph_characters, paragraph_story, speakers


def test_possessive_name_before_participle_is_a_subject():
    paragraphs = [
        "Rafael came in and nodded to Tomas. He sat down by the fire.",
        "Tomas poured the tea for Rafael. He hummed to himself.",
        "Tomas kept talking, and by the time Rafael’s done listening, the tea is cold.",
        '"Thank you," he says.',
    ]
    assert dialogue_speakers(paragraphs) == ["Rafael"]


def test_relative_clause_actor_speaks():
    scene = [
        LATE_COUPLE + ' Rika watched them; nobody had asked Rika anything.',
        '"I was early," Mara said.',
        'It has no effect on Rika, who lifts her teacup. "Listen, you did well."',
    ]
    assert dialogue_speakers(scene)[-1] == "Rika"


def test_looks_like_verb():
    assert looks_like_verb("opens") and looks_like_verb("smiled") and not looks_like_verb("mouth")


def test_s_before_a_predicative_word_and_a_pause_is_is():
    t = "Halvard’s back, setting a cup down."
    assert is_predicative_after_s(t, words(t)[1])
    assert not is_possessive_name(t, len("Halvard’s"))


def test_s_before_a_noun_and_a_verb_stays_possessive():
    t = "Halvard’s back ached all night."
    assert not is_predicative_after_s(t, words(t)[1])
    assert is_possessive_name(t, len("Halvard’s"))


def test_a_name_ending_in_s_apostrophe_owns_the_next_word():
    t = "Niklas’ boat was late, and they sang ‘Niklas’ and went home."
    assert is_possessive_name(t, len("Niklas’"))
    assert not is_possessive_name(t, t.index("’ and") + 1)  # a quoted name's closing mark


_MARSHAL_SEEN = [
    '"Three horses," said the Marshal. She dropped her saddlebags by the door.',
    "Tam went looking for the Marshal, and found her in the yard.",
    '"You are late," she said.',
]


def test_a_capitalised_noun_an_inverted_tag_proves_a_person_is_mentioned_in_narration():
    # "warden", "marshal" are in no list of person nouns: "said the Marshal" makes every
    # "the Marshal" of the narration a mention, so "found her" and "she said" can mean her
    doc = build_document(*paragraph_story(_MARSHAL_SEEN), ())
    assert [m.text for m in doc.paragraphs[1].mentions if m.kind == "description"] == ["the Marshal"]
    assert dialogue_speakers(_MARSHAL_SEEN) == ["the Marshal", "the Marshal"]


def test_an_epithet_opening_a_clause_is_its_subject():
    # "..., and the Warden didn't ask him": a capitalised epithet acts in its clause as a name would
    text = "Joss stayed by the fire, and the Warden didn't ask him to."
    assert description_opens_clause(text, words(text), 6, Mention(29, 39, "description", "the Warden", head="warden"))
    text = "Joss stayed by the fire, and the man didn't ask him to."
    assert not description_opens_clause(text, words(text), 6, Mention(29, 36, "description", "the man", head="man"))


# A scene told to "you", a reader-insert's way: the reader speaks through "you say".
GREENHOUSE = [
    "You shoulder the greenhouse door open and the heat fogs your glasses at once. Ines is up a ladder, pruning.",
    '"You\'re early," she calls down.',
    '"The bus was empty," you say. You set the crate of seedlings on the bench.',
    'Ines climbs down and wipes her hands on her apron. "Want to see the orchid?"',
    '"Obviously."',
    'You follow her to the back, where a tall man is watering the ferns.',
    '"Tomas, this is the new volunteer," Ines says.',
    '"Welcome," he tells you, and goes back to his ferns.',
]


def test_a_story_told_to_you_gives_you_say_and_your_beats_to_the_reader():
    assert dialogue_speakers(GREENHOUSE)[:5] == ["Ines", "You", "Ines", "You", "Ines"]
    assert dialogue_rules(GREENHOUSE)[1] == "second_person_tag"


def test_a_story_told_to_you_is_recognised_by_its_narration():
    story, segments = paragraph_story(GREENHOUSE)
    assert told_to_you(build_document(story, segments, []))
    third = [p.replace("You shoulder", "Mila shoulders").replace("you say. You set", "Mila says. She sets").replace("You follow", "Mila follows") for p in GREENHOUSE]
    story, segments = paragraph_story(third)
    assert not told_to_you(build_document(story, segments, []))


def test_you_after_a_verb_or_a_preposition_is_no_subject():
    text = "Ines smiles at you, and you laugh. Instead you wave. He asks you."
    ws = words(text)
    assert [you_is_subject(text, ws, k) for k, w in enumerate(ws) if w.lower == "you"] == [False, True, True, False]


def test_a_narrator_talking_to_you_stays_the_narrator():
    paragraphs = [
        "You always said I would come back to this town. I did not believe you. I do now.",
        '"You took your time," Marta says, and opens the gate for me.',
        '"I know," I say. You would have laughed at me.',
    ]
    assert dialogue_speakers(paragraphs) == ["Marta", "I"]
    assert dialogue_rules(paragraphs)[1] == "first_person_tag"


def test_a_titled_call_counts_under_the_untitled_form():
    from ficaudio.attribute.document import _scan, called_names

    st, segs = paragraph_story(["The boy slouched at the back.", "“Mr. Quill. Sit down, please.”", "“Mr. Quill. You heard me.”"])
    doc = build_document(st, segs, ())
    assert called_names(st.text, segs, _scan(st.text, segs, doc.paragraphs)) == {"Quill": 2}


def test_a_possessive_name_owning_a_verbless_fragment_is_no_action_beat():
    scene = [
        "You find Dario on the porch swing, a cup of lemonade in each hand.",
        "“Try the pink one,” Dario says, handing you a cup.",
        "You take a sip and spill half of it down your front. Great. Dario’s lemonade. “Sorry?”",
    ]
    assert dialogue_speakers(scene)[-1] != "Dario"


def test_a_man_that_there_is_shows_is_not_the_next_he():
    scene = [
        "Bram and Ilse wait at the gate.",
        "“Got the tickets?” Bram asks, patting his pockets.",
        "“She's late,” Ilse says.",
        "Nobody answers. Well, there is music and noise and a man selling lemonade, but it feels like silence.",
        "“Typical,” he says finally.",
    ]
    assert dialogue_speakers(scene)[-1] == "Bram"


def test_a_name_after_an_indefinite_subject_is_not_the_one_who_acts():
    from ficaudio.models import Character, Gender

    story, segments = paragraph_story(["Everyone in the harbour owed Vasko something. Vasko owed nobody."])
    doc = build_document(story, segments, [Character("Vasko", (), Gender.MALE)])
    assert [m.subject for m in doc.paragraphs[0].mentions if m.text == "Vasko"] == [False, True]


def test_an_authors_note_in_the_first_person_does_not_make_the_story_first_person():
    paragraphs = [
        "A/N: I wrote this on a train. I know it is short. I hope you like it anyway. I will fix typos later.",
        "Mara locked the shop. She counted the till twice.",
        "“Short again,” Mara said.",
        "Jun leaned on the counter. He shrugged. She frowned at him. He looked away.",
    ]
    story, segments = paragraph_story(paragraphs)
    doc = build_document(story, segments, ())
    assert not narrated_in_first_person(doc)


def test_a_name_after_a_fronted_side_clause_is_the_subject_its_pronouns_mean():
    text = ('Kiba and the boy reached the stall.\n'
            'As the boy stood there in a sulk, Kiba put a coin in his palm. "Here," he said.')
    assert speakers(text, [KIBA])[-1] == ("Kiba", "pronoun_tag")


def test_the_object_of_a_causative_verb_is_no_subject():
    """``The kettle shrieked loud enough to make the cook jump, and Pell came in.`` -- the cook
    only jumps because something made her: Pell acts, and the line after is his."""
    paragraphs = [
        "Greta sat at the long table with her tea and waited for Pell.",
        "The kettle shrieked loud enough to make the cook jump, and Pell came in with snow on his boots. “Is there soup?”",
    ]
    assert dialogue_speakers(paragraphs) == ["Pell"]


def test_a_family_name_between_the_and_a_noun_is_no_mention_of_the_person():
    """``The Pike van rolled into the yard`` speaks of a van: Pike does nothing in it, so the
    line after it is no action beat of his; the turn goes back to Ada."""
    paragraphs = [
        "Ada and Pike waited on the loading dock for the van. Pike checked his watch.",
        "“It's late,” Ada said.",
        "“Give it a minute,” Pike said.",
        "The Pike van rolled into the yard at last. “About time.”",
    ]
    assert dialogue_speakers(paragraphs)[-1] == "Ada"
    story, segments = paragraph_story(paragraphs)
    doc = build_document(story, segments, ())
    assert [m.text for m in doc.paragraphs[3].mentions if m.kind == "name"] == []


def test_a_name_modifying_a_noun_lends_no_gender_to_the_person():
    """``The Quillane envoy came in. He bowed`` -- ``he`` is the envoy: Quillane, whom the story
    never calls he or she, stays of unknown gender."""
    from ficaudio.models import Gender

    paragraphs = [
        "Everyone in the valley feared Quillane. Nobody crossed Quillane twice, and nobody trusted Quillane after dark.",
        "The Quillane envoy came into the hall. He bowed to the council.",
        "“My mistress sends word,” the envoy said.",
    ]
    assert paragraph_characters(paragraphs)["Quillane"].gender is Gender.UNKNOWN


def test_a_label_inside_the_story_does_not_end_its_header():
    # the header is the leading run of fields; "Platform Four: 6:10 a.m." comes after Tove's
    # narration, so Tove is the story's, not a name written only in the header
    scene = [
        "Fandom: Night Trains",
        "Rating: T",
        "Tove Lindqvist climbed down from the carriage. Tove had one case. Tove was cold, and Tove wanted coffee.",
        "Platform Four: 6:10 a.m.",
        "A man was waiting under the clock.",
        '"You are late," the man said.',
        '"The train was slow," she said.',
    ]
    assert "Tove" in " ".join(paragraph_characters(scene))
    assert dialogue_speakers(scene)[1].startswith("Tove")


def test_a_name_in_the_header_s_notes_makes_no_person_of_a_word_the_story_writes(tmp_path):
    # the beta reader the author's note thanks is no person of the story, and the story's
    # sentence-opening ``Hope`` (a feeling) becomes none by the note's mid-sentence mention:
    # read from a file (the header set aside) or pasted as the story's paragraphs
    from ficaudio.attribute import attribute
    from ficaudio.parse import read_story
    from ficaudio.segment import segment

    scene = [
        "Harbour Lights", "Fandom: Tidewatch", "Characters: Mara Voss, Tobin Hale",
        "A/N: Beta'd by the wonderful Hope. All mistakes are mine.",
        "The storm had been going for three days when Tobin finally came back to the harbour office.",
        'Mara didn\'t look up from the ledger. "You\'re late."',
        '"I\'m alive."',
        "Hope was a stupid thing to hold on to, out here. She held on anyway.",
        '"Tea?"',
        '"Please," said Tobin.',
    ]
    assert "Hope" not in paragraph_characters(scene)
    path = tmp_path / "harbour.txt"
    path.write_text("\n\n".join(scene) + "\n", encoding="utf-8")
    story = read_story(path)
    assert "Hope" not in {c.name for c in attribute(story, list(segment(story))).characters}


def test_the_header_s_mentions_count_for_a_listed_name_and_one_the_story_makes_a_person():
    # ``Hope``: once at a sentence's start in the story, once mid-sentence in the notes --
    # the story's own count, unless the Characters:/Relationship:/Pairing: fields list it;
    # ``Tobin``, a person by the story's own writing, and ``Jess``, written only in the header,
    # keep every mention
    from collections import Counter

    from ficaudio.attribute.characters import Occurrence
    from ficaudio.attribute.document import _made_by_the_story

    stats = {"Hope": Occurrence(total=2, mid_sentence=1), "Tobin": Occurrence(total=4, mid_sentence=3, tagged=1), "Jess": Occurrence(total=1, mid_sentence=1)}
    in_story = {"Hope": Occurrence(total=1), "Tobin": Occurrence(total=3, mid_sentence=2, tagged=1)}
    made = _made_by_the_story(stats, in_story, Counter(), set())
    assert (made["Hope"], made["Tobin"], made["Jess"]) == (in_story["Hope"], stats["Tobin"], stats["Jess"])
    assert _made_by_the_story(stats, in_story, Counter(), {"Hope", "Marsh"})["Hope"] is stats["Hope"]


def test_the_end_notes_set_aside_are_read_for_names(tmp_path):
    from ficaudio.attribute.document import _end_note_lines
    from ficaudio.parse import read_story

    path = tmp_path / "fic.txt"
    path.write_text("Mara sat by the window for a long time, watching the rain come down.\n\n\"Tom?\" she said.\n\n"
                    "End Notes: Thanks for reading!\n\nNext time Mara finally tells her sister.\n", encoding="utf-8")
    story = read_story(path)
    read = [story.text[s:e] for s, e in _end_note_lines(story)]
    assert read == ["End Notes: Thanks for reading!", "Next time Mara finally tells her sister."]
