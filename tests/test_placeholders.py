import pytest

from ficaudio import placeholders
from ficaudio.attribute.mentions import words, writes_reader_placeholder
from ficaudio.textnorm import for_speech


@pytest.mark.parametrize(
    ("text", "is_placeholder"),
    [
        ("_Y/N_ said so.", True),
        ("/Y/N, you idiot,/ she thought.", True),
        ("He took (y/n)'s hand.", True),
        ("Where is [F/N]?", True),
        ("Seat 2Y/N, row B.", False),
        ("Tick Y/N/A or and/Y/N.", False),
        ("Use y/no and NY/NJ.", False),
    ],
)
def test_attribution_and_speech_take_the_same_text_for_the_readers_name(text, is_placeholder):
    assert writes_reader_placeholder(text) == is_placeholder
    assert any(word.text.startswith("Y/N") for word in words(text)) == is_placeholder
    assert ("Zed" in for_speech(text, reader="Zed")) == is_placeholder


def test_a_bracketed_placeholder_and_its_possessive_are_one_word():
    assert [word.text for word in words("He took (y/n)’s hand.")] == ["He", "took", "Y/N’s", "hand"]
    assert placeholders.reader_name_at("(Y/N) ran", 1).group() == "(Y/N)"
