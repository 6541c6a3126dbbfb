"""The reader of a reader-insert: their gender from the tags, else from how they are addressed."""

from __future__ import annotations

from ficaudio.attribute.reader import addressed_reader_gender, tagged_reader_gender
from ficaudio.models import Gender

from attribute_scenes import paragraph_characters

# A reader-insert told to "you", its header tags saying who "you" are.
FERRY = [
    "Ferry Crossing (Captain Oduya x Reader)",
    "Additional Tags: {tag}, Second Person, Fluff",
    "The ferry horn shakes the whole deck. You grip the rail and watch the harbour lights shrink.",
    'Captain Oduya leans beside you. "First crossing, (Y/N)?"',
    '"Is it that obvious?" you ask.',
    '"You\'re holding that rail like it owes you money."',
]


def _reader(tag: str, scene=FERRY):
    return paragraph_characters([p.format(tag=tag) for p in scene])["Y/N"]


def test_the_tags_give_the_reader_a_gender():
    assert _reader("Female Reader").gender is Gender.FEMALE
    assert _reader("Male!Reader").gender is Gender.MALE
    assert _reader("Reader (Female)").gender_reason == "tag Reader (Female)"


def test_no_gender_in_the_tags_leaves_the_reader_unknown():
    assert _reader("Reader-Insert").gender is Gender.UNKNOWN
    assert _reader("Gender-Neutral Reader").gender is Gender.UNKNOWN


def test_a_gender_word_is_a_tag_only_as_an_item_of_a_list():
    assert tagged_reader_gender("Kai/Fem!Reader")[0] is Gender.FEMALE
    assert tagged_reader_gender("Tags: Angst, Male Reader, Hurt/Comfort")[0] is Gender.MALE
    assert tagged_reader_gender("By noon a male reader had found the shelf.") is None
    assert tagged_reader_gender("Tags: Female Reader, Male!Reader") is None  # both: no answer


def test_being_called_a_gendered_word_is_weak_evidence_the_tags_outweigh():
    called = FERRY[:-1] + ['"(Y/N), you\'re such a brave girl."']
    assert _reader("Fluff", called).gender is Gender.FEMALE
    assert _reader("Male Reader", called).gender is Gender.MALE
    assert addressed_reader_gender(['"Sit down, young man."']) is None  # nobody's placeholder: not the reader


def test_a_third_person_reader_named_by_the_placeholder_takes_the_tags_gender_too():
    scene = [
        "Tags: Sergeant Vale x Male!Reader, Third Person",
        "The barracks were quiet when Y/N came back from patrol.",
        '"Report," Sergeant Vale said.',
        '"Nothing on the east road," Y/N said.',
    ]
    assert paragraph_characters(scene)["Y/N"].gender is Gender.MALE


def test_a_shout_in_the_story_is_no_gender_tag():
    # "man! You" in a quotation is an exclamation, not the shorthand Male!Reader
    assert tagged_reader_gender('"Come on, man! You promised," Theo says.') is None
    assert tagged_reader_gender('"Girl! You came!"') is None
    assert tagged_reader_gender("Tags: Fem!Reader, Fluff")[0] is Gender.FEMALE


def test_man_or_boy_opening_a_quotation_is_an_exclamation_not_an_address():
    exclaimed = FERRY[:-1] + ['"Man, (Y/N), you should have seen the squall last week."']
    assert _reader("Fluff", exclaimed).gender is Gender.UNKNOWN
    assert addressed_reader_gender(['"Oh, boy. (Y/N) is seasick."']) is None
    assert addressed_reader_gender(['"Young man, (Y/N), hold the rail."']) == (Gender.MALE, "called man")


def test_a_note_giving_the_readers_pronouns_gives_their_gender():
    noted = FERRY[:2] + ["A/N: Y/N = your name. Reader uses he/him in this one, sorry it's late!"] + FERRY[2:]
    assert _reader("Reader-Insert", noted).gender is Gender.MALE
    assert tagged_reader_gender("Note: the reader uses they / them.")[0] is Gender.UNKNOWN
    assert tagged_reader_gender("She/her pronouns for Mara; the reader is anyone.") is None


def test_only_the_header_tags_the_reader_not_a_closing_note():
    # a short work's closing note promises the next one's reader: the tags are the header's
    # (Header.end), not whatever lies in the text's first 3,000 characters
    scene = [*FERRY, "A/N: next week's is a Male!Reader, as promised!"]
    assert _reader("Fluff", scene).gender is Gender.UNKNOWN
    assert _reader("Female Reader", scene).gender is Gender.FEMALE


def test_a_title_line_alone_tags_the_reader():
    # a Tumblr reader-insert opens on its title, no work field: ``x Fem!Reader`` still tags the reader
    scene = [
        "Ranger Okonkwo x Fem!Reader",
        "Rain drums on the cabin roof. You hang your coat by the stove and stamp the mud off your boots.",
        'Ranger Okonkwo looks up from the map. "Lost again, (Y/N)?"',
        '"Only a little," you say.',
    ]
    assert paragraph_characters(scene)["Y/N"].gender is Gender.FEMALE
