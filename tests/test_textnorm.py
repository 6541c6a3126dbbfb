import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ficaudio import textnorm
from ficaudio.lexicon import Lexicon
from ficaudio.textnorm import for_speech


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("Wait… no. . . fine", "Wait... no... fine"),
        ("“Wait—no,” he said. “I was go—”", "Wait, no, he said. I was go..."),
        ("K-K-Kakashi!", "Ka, Ka, Kakashi!"),
        ("You bloodthirsty-...sadistic-.../harpy/! I was going to- well-known", "You bloodthirsty...sadistic...harpy! I was going to... well-known"),
        ("I-I'm s-sorry, T-shirt, so-so, Uh-huh", "I, I'm so, sorry, T-shirt, so-so, Uh-huh"),
        ("Kakashiii! Noooo. Whaaat? Coool. Hmmm. Henry VIII", "Kakashi! No. What? Cool. Hmm. Henry VIII"),
        ("He yelled, GET OUT NOW! The ANBU came.", "He yelled, Get out now! The ANBU came."),
        ("Not. Allowed.", "Not. Allowed."),
        ("the 1990s and the 80s, the 2000s", "the 19 nineties and the eighties, the 2 thousands"),
        ("It cost $5.50, then $1.", "It cost 5 dollars 50, then 1 dollar."),
        ("She's #1 on pages 3-4 at 3:30.", "She's number 1 on pages 3 to 4 at 3:30."),
        ("see https://archiveofourown.org/works/123?view=1 now", "see link to archiveofourown dot org now"),
        ("Oh my god 😭😭😭", "Oh my god"),
        ("hi ❤️ see you :) later~", "hi, see you, later"),
        ("😭", ""),
        ("and/or 5 * 3 snake_case 20°C", "and/or 5 * 3 snake_case 20°C"),
        ("“(Y/N)!” He took y/n's hand; [Y/N] smiled.", "you! He took your hand; you smiled."),
        ("Answer Y/N/A, or NY/NJ.", "Answer Y/N/A, or NY/NJ."),
        ("_Y/N_ is late. /Y/N, you idiot,/ you thought. I miss /Y/N/.", "you are late. you, you idiot, you thought. I miss you."),
        ("He wrote _(Y/N)_ on it, then word(Y/N) x and (y/n)s and/Y/N", "He wrote you on it, then word(you) x and (you)s and/Y/N"),
        ("Do you accept the quest? [Y/N]", "Do you accept the quest? yes or no"),
        ("[Continue? y/n]", "[Continue? yes or no]"),
        ("Was it real? (Y/N) wondered.", "Was it real? you wondered."),
        ("Y/N L/N smiled at Miss L/N. F/N M/N (L/N)! Hi, Y/L/N!", "you smiled at Miss. you! Hi!"),
        ("Y/N is late. Y/N was here, Y/N has a cat and Y/N isn’t.", "you are late. you were here, you have a cat and you aren't."),
        ("Y/N's going home, Y/N's been there, Y/N's bag. Y/N-chan, come!", "you're going home, you've been there, your bag. you, come!"),
    ],
)
def test_for_speech(text, spoken):
    assert for_speech(text) == spoken


def test_lexicon_applies_after_the_other_rules():
    lexicon = Lexicon((("kakashi", "kah-kah-shee"),))
    assert for_speech("K-K-Kakashiii-sensei!", lexicon) == "Ka, Ka, Kah-kah-shee-sensei!"


def test_the_reader_can_be_named():
    assert for_speech("“Y/N?” (Y/N)’s phone rang.", reader="Sam") == "Sam? Sam’s phone rang."


def test_a_named_reader_keeps_the_verb_and_honorific_and_drops_the_surname_placeholder():
    spoken = for_speech("_Y/N_ is late; Y/N-chan's bag. Y/N L/N was here? [y/n]", reader="Sam")
    assert spoken == "Sam is late; Sam-chan's bag. Sam was here? yes or no"


def test_every_rule_has_a_docstring_example():
    rules = [*textnorm.NUMBER_RULES, *textnorm.STORY_RULES, *textnorm.WORD_RULES, textnorm.urls, textnorm.pictographs,
             textnorm.reader_placeholders]  # fmt: skip
    assert all(">>>" in (rule.__doc__ or "") for rule in rules)


# Words that none of the documented rewrites touch (no runs of 3 letters, no hyphens, no caps
# runs, no digits): they must all come out, in order.
WORDS = st.sampled_from(["wait", "no", "Kakashi", "said", "I", "don't", "sorry", "Hinata", "cool", "the", "OK"])
GLUE = st.sampled_from([" ", ", ", "... ", "—", " -- ", "… ", "! ", "? ", " 😭 ", " :) ", "~ ", ". ", "\n\n"])
WRAP = st.sampled_from(["{}", "/{}/", "*{}*", "_{}_", "“{}”", '"{}"', "‘{}’"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(WORDS, GLUE, WRAP), min_size=1, max_size=12))
def test_words_survive(parts):
    text = "".join(wrap.format(word) + glue for word, glue, wrap in parts)
    words = [word for word, _glue, _wrap in parts]
    assert re.findall(r"[\w']+", for_speech(text).lower()) == [w.lower() for w in words]  # shouting: case only


def test_a_height_keeps_its_inches_in_straight_quotes_too():
    assert for_speech("He was 6'2\" and broad.") == "He was 6 foot 2 and broad."
    assert for_speech("Bay 7's door, the '90s") == "Bay 7's door, the nineties"
