"""Closed word lists of English grammar that the attribution rules lean on.

Nothing here names a character: only pronouns, speech verbs, titles, honorifics and the
common capitalised words that are not names. Lists are sets of lower-case words.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from ficaudio.models import Gender

_SPEECH_STEMS = """
say said says saying tell tells told telling ask asks asked asking reply replies replied
answer answers answered cry cries cried shout shouts shouted whisper whispers whispered
mutter mutters muttered murmur murmurs murmured exclaim exclaims exclaimed add adds added
continue continues continued call calls called yell yells yelled scream screams screamed
shriek shrieks shrieked snap snaps snapped growl growls growled hiss hisses hissed
sigh sighs sighed laugh laughs laughed begin begins began repeat repeats repeated
return returns returned observe observes observed remark remarks remarked interrupt interrupts
interrupted demand demands demanded insist insists insisted admit admits admitted
explain explains explained retort retorts retorted respond responds responded
mumble mumbles mumbled grumble grumbles grumbled chuckle chuckles chuckled giggle giggles
giggled snort snorts snorted scoff scoffs scoffed sneer sneers sneered groan groans groaned
moan moans moaned sob sobs sobbed gasp gasps gasped breathe breathes breathed
stammer stammers stammered stutter stutters stuttered bark barks barked roar roars roared
bellow bellows bellowed howl howls howled squeak squeaks squeaked squeal squeals squealed
croak croaks croaked rasp rasps rasped drawl drawls drawled purr purrs purred
pant pants panted plead pleads pleaded beg begs begged urge urges urged warn warns warned
agree agrees agreed protest protests protested object objects objected suggest suggests
suggested offer offers offered promise promises promised announce announces announced
declare declares declared state states stated note notes noted point points pointed
inquire inquires inquired enquire enquires enquired query queries queried wonder wonders
wondered speak speaks spoke spoken chime chimes chimed pipe pipes piped counter counters
countered confirm confirms confirmed correct corrects corrected concede concedes conceded
greet greets greeted call called order orders ordered command commands commanded
mock mocks mocked tease teases teased taunt taunts taunted joke jokes joked quip quips quipped
whine whines whined complain complains complained rejoin rejoins rejoined resume resumes
resumed persist persists persisted pursue pursues pursued proceed proceeds proceeded
interpose interposes interposed cut cuts finish finishes finished conclude concludes
concluded grunt grunts grunted hum hums hummed sing sings sang call calls
breathe whimper whimpers whimpered wail wails wailed sniff sniffs sniffed huff huffs huffed
reason reasons reasoned muse muses mused echo echoes echoed think thinks thought
acknowledge acknowledges acknowledged assure assures assured explain remind reminds reminded
inform informs informed report reports reported recall recalls recalled exclaim
"""
SPEECH_VERBS = frozenset(_SPEECH_STEMS.split()) - {"cut", "point", "points", "pointed", "note", "notes", "object"}
"""Verbs that introduce or follow a quotation (`said`, `whispers`, `retorted`...)."""

THOUGHT_VERBS = frozenset({"think", "thinks", "thought", "wonder", "wonders", "wondered", "muse", "mused"})

MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
SUBJECT_PRONOUNS = {
    "he": Gender.MALE, "she": Gender.FEMALE,
    # contracted subjects act too: "She's teased him about it." (present-tense fan fiction)
    "he's": Gender.MALE, "he'd": Gender.MALE, "he'll": Gender.MALE,
    "she's": Gender.FEMALE, "she'd": Gender.FEMALE, "she'll": Gender.FEMALE,
}
"""Subject pronouns (folded: straight apostrophes) and the gender they give."""
FIRST_PERSON_SUBJECTS = frozenset({"i", "i'm", "i'd", "i'll", "i've"})
"""``I`` and its contractions: the narrator as a subject."""
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
SECOND_PERSON_SUBJECTS = frozenset({"you", "you're", "you'd", "you'll", "you've"})
"""``you`` and its contractions: in a story told to "you", the reader as a subject."""

TITLE_GENDER = {
    "mr": Gender.MALE, "mister": Gender.MALE, "sir": Gender.MALE, "lord": Gender.MALE,
    "king": Gender.MALE, "prince": Gender.MALE, "uncle": Gender.MALE, "father": Gender.MALE,
    "brother": Gender.MALE, "master": Gender.MALE, "count": Gender.MALE, "duke": Gender.MALE,
    "baron": Gender.MALE, "monsieur": Gender.MALE, "herr": Gender.MALE, "signor": Gender.MALE,
    "mrs": Gender.FEMALE, "miss": Gender.FEMALE, "ms": Gender.FEMALE, "lady": Gender.FEMALE,
    "madam": Gender.FEMALE, "madame": Gender.FEMALE, "mademoiselle": Gender.FEMALE,
    "queen": Gender.FEMALE, "princess": Gender.FEMALE, "aunt": Gender.FEMALE,
    "mother": Gender.FEMALE, "sister": Gender.FEMALE, "mistress": Gender.FEMALE,
    "dame": Gender.FEMALE, "duchess": Gender.FEMALE, "countess": Gender.FEMALE,
    "frau": Gender.FEMALE, "signora": Gender.FEMALE, "mme": Gender.FEMALE, "mlle": Gender.FEMALE,
}
NEUTRAL_TITLES = frozenset({
    "dr", "doctor", "professor", "prof", "captain", "capt", "colonel", "col", "general", "major",
    "lieutenant", "lt", "sergeant", "sgt", "commander", "admiral", "agent", "officer",
    "detective", "inspector", "judge", "father", "reverend", "rev", "saint", "st", "president",
    "senator", "governor", "elder", "chief", "coach", "nurse", "insp", "sheriff", "deputy", "marshal",
})
TITLES = frozenset(TITLE_GENDER) | NEUTRAL_TITLES
KNIGHTS_TITLES = frozenset({"sir", "dame"})
GIVEN_NAME_TITLES = KNIGHTS_TITLES | {"lord", "lady", "prince", "princess", "king", "queen", "aunt", "uncle", "miss", "master", "brother", "sister", "saint", "st"}
"""Titles written before a given name (``Sir John``, ``Lady Mary``, ``Aunt May``, ``Miss Elizabeth``)."""

JAPANESE_RANKS = frozenset("kantoku buchou buchō kaichou kaichō shachou shachō kachou kachō tenchou tenchō".split())
"""Japanese ranks written after a surname, as ``-sensei`` is (``Kuroiwa-kantoku``): a coach or
director, a club's captain, a council's or a company's president, a section chief, a shop manager."""

HONORIFIC_GENDER = {
    "kun": Gender.MALE, "chan": Gender.UNKNOWN, "san": Gender.UNKNOWN, "sama": Gender.UNKNOWN,
    "sensei": Gender.UNKNOWN, "senpai": Gender.UNKNOWN, "sempai": Gender.UNKNOWN,
    "dono": Gender.UNKNOWN, "kouhai": Gender.UNKNOWN, "hime": Gender.FEMALE, "nee": Gender.FEMALE,
    "neesan": Gender.FEMALE, "nii": Gender.MALE, "niisan": Gender.MALE, "shishou": Gender.UNKNOWN,
    "taichou": Gender.UNKNOWN, "jii": Gender.MALE, "baa": Gender.FEMALE, "obaachan": Gender.FEMALE,
    "teme": Gender.UNKNOWN, "dobe": Gender.UNKNOWN, "tan": Gender.UNKNOWN,
    **dict.fromkeys(JAPANESE_RANKS, Gender.UNKNOWN),
    # Korean: the honorific ``-nim``, a senior or junior colleague (``sunbae`` is senpai,
    # ``hoobae`` kouhai), the sibling's words said to an older friend or colleague too (a man's
    # ``hyung``/``noona``, a woman's ``oppa``/``unnie``), in their usual spellings, and an
    # office rank written after a surname or alone (``Park-daeri``, ``Sajangnim``). The polite ``-ssi``
    # is not here: measured in round 41A (bench/data/README.md) and left out
    "nim": Gender.UNKNOWN, "sunbae": Gender.UNKNOWN, "seonbae": Gender.UNKNOWN,
    "sunbaenim": Gender.UNKNOWN, "seonbaenim": Gender.UNKNOWN, "hoobae": Gender.UNKNOWN, "hubae": Gender.UNKNOWN,
    "hyung": Gender.MALE, "hyeong": Gender.MALE, "hyungnim": Gender.MALE, "oppa": Gender.MALE,
    "noona": Gender.FEMALE, "nuna": Gender.FEMALE, "unnie": Gender.FEMALE, "unni": Gender.FEMALE,
    "eonni": Gender.FEMALE, "eonnie": Gender.FEMALE,
    **dict.fromkeys("daeri gwajang bujang sajang timjang gwajangnim bujangnim sajangnim timjangnim seonsaengnim".split(), Gender.UNKNOWN),
    # Chinese: a brother's and sister's words (``Xichen-ge``, ``Yanli-jie``), a sect's elder and
    # younger brothers and sisters, a master, a teacher, an elder
    "gege": Gender.MALE, "ge": Gender.MALE, "jiejie": Gender.FEMALE, "jie": Gender.FEMALE,
    "didi": Gender.MALE, "meimei": Gender.FEMALE, "xiong": Gender.MALE, "shixiong": Gender.MALE,
    "shidi": Gender.MALE, "shijie": Gender.FEMALE, "shimei": Gender.FEMALE, "shizun": Gender.UNKNOWN,
    "shifu": Gender.UNKNOWN, "laoshi": Gender.UNKNOWN, "qianbei": Gender.UNKNOWN,
}
"""Name suffixes, Japanese, Korean and Chinese: ``Sakura-chan`` is the character ``Sakura``,
``Yerin-noona`` is ``Yerin``; said bare (``Sensei``, ``Sunbae``) they are the one person who
bears them, where one does (:func:`~ficaudio.attribute.aliases.join_bare_honorifics`), but for a
sibling's word only quotations say (:data:`SIBLING_HONORIFICS`)."""
GIVEN_NAME_SYLLABLES = frozenset({"ge", "jie"})
"""Suffixes of :data:`HONORIFIC_GENDER` that also end given names as their second syllable
(``Wen-jie``, a Chinese given name): split off only a base of two syllables or more
(:func:`~ficaudio.attribute.mentions.split_honorific`)."""
SIBLING_HONORIFICS = frozenset("hyung hyeong hyungnim oppa noona nuna unnie unni eonni eonnie gege ge jiejie jie didi meimei xiong shixiong shidi shijie shimei".split())
"""The Korean and Chinese words for an older or younger brother or sister, said to every older
friend, colleague or fellow disciple: on a name they are that person (``Minho-hyung``), but
said bare in a quotation they call whichever of them is there (``"Hyung, wait!"`` to any older
member of the group), so one bearer in the story does not make them that one. A bare one is a
name only where the narration writes it so (``Noona dropped the bags on the table.``)."""
VOCATIVE_PARTICLES = frozenset({"ah", "ya", "yah"})
"""Korean calls end a given name on a particle (``Taemin-ah``, ``Jiho-ya``): the person, no
honorific, and never a name said bare (``"Ah, there you are."``). Split off only a base of two
syllables or more (not ``Su-ah``, a given name)."""

_MALE_ROLES = """parson vicar rector curate clergyman bishop abbot friar squire duke earl baronet emperor
landlord waiter policeman postman fisherman workman horseman coachman footman bridegroom widower youth"""
_FEMALE_ROLES = """witch abbess duchess countess baroness empress governess actress hostess waitress landlady
handmaiden matron spinster bride housemaid nursemaid dame"""
KIN_GENDER = {
    "man": Gender.MALE, "boy": Gender.MALE, "gentleman": Gender.MALE, "husband": Gender.MALE,
    "father": Gender.MALE, "son": Gender.MALE, "brother": Gender.MALE, "uncle": Gender.MALE,
    "nephew": Gender.MALE, "grandfather": Gender.MALE, "king": Gender.MALE, "lord": Gender.MALE,
    "sir": Gender.MALE, "lad": Gender.MALE, "fellow": Gender.MALE, "guy": Gender.MALE,
    "prince": Gender.MALE, "monk": Gender.MALE, "priest": Gender.MALE, "dad": Gender.MALE,
    "papa": Gender.MALE, "stranger": Gender.UNKNOWN, "cousin": Gender.UNKNOWN,
    "woman": Gender.FEMALE, "girl": Gender.FEMALE, "lady": Gender.FEMALE, "wife": Gender.FEMALE,
    "mother": Gender.FEMALE, "daughter": Gender.FEMALE, "sister": Gender.FEMALE,
    "aunt": Gender.FEMALE, "niece": Gender.FEMALE, "grandmother": Gender.FEMALE,
    "queen": Gender.FEMALE, "princess": Gender.FEMALE, "mum": Gender.FEMALE, "mom": Gender.FEMALE,
    "mamma": Gender.FEMALE, "mama": Gender.FEMALE, "maid": Gender.FEMALE, "nun": Gender.FEMALE,
    "widow": Gender.FEMALE, "mistress": Gender.FEMALE, "lass": Gender.FEMALE,
    "kunoichi": Gender.FEMALE, "heroine": Gender.FEMALE, "hero": Gender.MALE,
    **dict.fromkeys(_MALE_ROLES.split(), Gender.MALE), **dict.fromkeys(_FEMALE_ROLES.split(), Gender.FEMALE),
}
"""Nouns that say a person's gender (`the old woman`, `his wife`)."""
GENDERED_ROLES = frozenset(_MALE_ROLES.split()) | frozenset(_FEMALE_ROLES.split())
"""The nouns of :data:`KIN_GENDER` that name what someone does or is ranked (``squire``,
``landlady``), not only their sex or kin (``man``, ``aunt``)."""
FAMILY_KIN = frozenset({"father", "mother", "brother", "sister", "son", "daughter", "grandfather", "grandmother",
                        "uncle", "aunt", "nephew", "niece", "husband", "wife", "dad", "mom", "mum"})
"""The nouns of :data:`KIN_GENDER` for family (``his sister``, ``her son``), who may share a surname."""

KIN_NAMES = {
    "mom": "mother", "mum": "mother", "mama": "mother", "mamma": "mother", "mommy": "mother", "mummy": "mother", "mother": "mother",
    "dad": "father", "daddy": "father", "papa": "father", "father": "father",
    "gran": "grandmother", "granny": "grandmother", "grandma": "grandmother", "nana": "grandmother",
    "grandpa": "grandfather", "granddad": "grandfather", "grandad": "grandfather",
}
JAPANESE_KIN_NAMES = {"okaa": "mother", "kaa": "mother", "otou": "father", "tou": "father", "obaa": "grandmother", "ojii": "grandfather"}
"""Japanese kin words, kin only written before an honorific (``Okaa-san``, ``Otou-san``, ``Obaa-chan``); a
brother's or sister's word (``Onii-chan``) is not here: whose sibling depends on who calls."""
KIN_NAMES.update(JAPANESE_KIN_NAMES)
"""Kinship words used as names (``Mom``, ``Gran``, ``Okaa-san``) and the kin noun each stands for."""


def both_kin_names(a: str, b: str) -> bool:
    """Whether two names are both kin words (``Gran`` and ``Grandad``): two kin, never one
    name cut from the other.

    >>> both_kin_names("Gran", "Grandad"), both_kin_names("Cora", "Corisande")
    (True, False)
    """
    return a.lower() in KIN_NAMES and b.lower() in KIN_NAMES


FIRST_PERSON_MIN_SHARE = 0.15
"""Below this share of ``I`` among narration subjects, an ``I`` in narration is a character's
unquoted thought (``Why do I care?``) in a third-person story, not a narrator who speaks."""

ABBREVIATED_TITLES = {"doctor": "dr. ", "professor": "prof. ", "captain": "capt. ", "colonel": "col. ", "lieutenant": "lt. ", "sergeant": "sgt. ", "reverend": "rev. ", "inspector": "insp. "}
"""Titles and how a name writes them short (``Dr. Archie`` bears ``doctor``)."""
SHORT_TITLES = frozenset({"mr", "mrs", "ms", "dr", "st", "mme", "mlle"} | {short.rstrip(". ") for short in ABBREVIATED_TITLES.values()})
"""Titles written short, whose full stop is no sentence's end (``Mr. Bennet``, ``Capt. Rhys``;
not ``Yes, Captain. Understood.``)."""
TITLE_BEFORE_NAME = r"(?:(?:%s)\.?\s+)" % "|".join(sorted([short.capitalize() for short in SHORT_TITLES] + ["Miss"], key=len, reverse=True))
"""A regex of a title written before a name: ``Mr. ``, ``Miss ``, ``Capt. ``, ``Lt `` (every
one of :data:`SHORT_TITLES`, so that ``, Capt. Hale.`` calls Hale, not ``Capt``)."""
SUBORDINATORS = frozenset("while as when because although though whereas until before after since if once".split())
"""Words that open a side clause (``while the professor was busy``, ``As the lad stood ...,``)."""


def is_present_tense(word: str) -> bool:
    """``arrives``, ``wants``: a third-person verb (not ``glass``, ``his``, ``thus``)."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "ys")) and len(word) > 3


def not_after_titles(titles: Iterable[str], stop: str = "") -> str:
    """A regex of look-behinds: what follows does not come right after one of ``titles``
    (capitalised), nor after one of them and ``stop`` (``r"\\."``: after a title's full stop)."""
    return "".join(rf"(?<!\b{short.capitalize()}{stop})" for short in sorted(titles))


NOT_AFTER_SHORT_TITLE = not_after_titles(SHORT_TITLES)
"""A regex that a sentence's full stop is not a short title's (``Mr. Hale``, ``Lt. Grogan`` go on)."""
BOUND_TITLES = frozenset({"mr", "mrs", "ms", "mme", "mlle", "st", "dr"})
"""Short titles never said alone as a call: ``, Mrs.`` goes on to a name, while ``"Cheers, Prof."``
or ``"On it, Sgt."`` calls the one who bears the rank."""
SAID_ALONE_RANKS = SHORT_TITLES - BOUND_TITLES
"""Short titles called alone as well as before a name: ``Prof``, ``Sgt``, ``Capt``."""
NOT_AFTER_BOUND_TITLE = not_after_titles(BOUND_TITLES)
"""A regex that a full stop is not one of :data:`BOUND_TITLES`'s."""
_SPELLED_OUT = {short.rstrip(". "): title for title, short in ABBREVIATED_TITLES.items()} | {"mister": "mr", "st": "saint"}
CLIPPED_TITLES = {"doc": "doctor", "cap": "captain", "sarge": "sergeant", "prof": "professor"}
"""Titles clipped in speech and written as a name, without a stop (``"Night, Cap."``, ``Doc Lind``)."""


def rank_of_word(word: str) -> str | None:
    """The rank (a title of no gender) one word is, clipped or not: ``Cap`` -> captain.

    >>> rank_of_word("Cap"), rank_of_word("Doctor"), rank_of_word("Dr."), rank_of_word("Mrs"), rank_of_word("Lind")
    ('captain', 'doctor', 'dr', None, None)
    """
    word = word.lower().rstrip(".")
    rank = CLIPPED_TITLES.get(word, word)
    return rank if rank in NEUTRAL_TITLES and rank not in TITLE_GENDER else None


def same_title(a: str, b: str) -> bool:
    """Whether two title keys are one title, written out or short: ``dr``/``doctor``,
    ``sgt``/``sergeant``, ``mister``/``mr`` (``Dr. Strand`` and ``Doctor Strand`` are one man).

    >>> same_title("dr", "doctor"), same_title("mister", "mr"), same_title("dr", "professor")
    (True, True, False)
    """
    return _SPELLED_OUT.get(a, a) == _SPELLED_OUT.get(b, b)


@cache
def title_prefixes(title: str) -> tuple[str, ...]:
    """How a name opening with ``title`` starts, lower case, written out or short, with or
    without its stop, before the rest of the name (for ``str.startswith``).

    >>> sorted(title_prefixes("captain"))
    ['capt ', 'capt. ', 'captain ', 'captain. ']
    """
    spellings = {k for k in (title, *_SPELLED_OUT, *_SPELLED_OUT.values()) if same_title(k, title)}
    return tuple(f"{s}{stop} " for s in sorted(spellings) for stop in ("", "."))

DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "my", "our", "your", "its", "this", "that"})

NUMBER_WORDS = frozenset("""
one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen
nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million dozen dozens hundreds thousands
""".split())
"""Number words, which open sentences (``Twelve wolves sat``) and are no names."""

PERSONIFIED_NOUNS = frozenset("""
panic fear dread terror guilt shame grief sorrow anger rage hope relief joy exhaustion fatigue
hunger sleep silence darkness thunder lightning rain snow wind fog mist frost dawn dusk morning evening night
midnight noon winter summer spring autumn time
school class work homework practice training rehearsal detention breakfast lunch dinner supper
""".split())
"""Feelings, the weather, times of day and the day's routine, which a writer makes act at a
sentence's start (``Panic gripped her. Panic clawed at her throat.``, ``Silence stretched.``,
``Training leaves him bruised``): no name of a person found only so
(:func:`~ficaudio.attribute.characters.opens_sentences_as_a_name`). Left out: words that
name well-known characters (Death, Light, Pain, Fury, Despair), who act at sentence starts as
people do; a tag or a call finds any of these anyway."""

NOT_NAMES = frozenset("""
i i'm i'd i'll i've a an the and but or nor for so yet if then than when while where what who whom whose which
why how oh ah ahh ahem eh hey hi hello bye goodbye cheers yes yeah yep no nope not okay ok well um uh hmm mm huh wow please
ugh argh ow ouch oops whoa yikes hmph psst shh phew haha heh meh nah yup gosh jeez geez
thank thanks sorry dear god gods lord my mine me we us our ours you your yours he him his she her hers it
its they them their theirs this that these those there here now today tomorrow yesterday tonight
all any both each every few many most much none one some such only own same other another
monday tuesday wednesday thursday friday saturday sunday
mondays tuesdays wednesdays thursdays fridays saturdays sundays january february march may july
august september october november december chapter part book prologue epilogue end summary notes note
mr mrs miss ms dr sir madam lady lord mister professor captain
at by from in into of off on onto out over to up upon with without about above after against along
among around as before behind below beneath beside between beyond down during except inside near
since through throughout till toward towards under until within
is was were be been being am are do does did done have has had can could shall should will would must might
don't didn't can't won't wouldn't couldn't shouldn't isn't wasn't aren't weren't doesn't haven't hasn't
let let's just even still also again too very really maybe perhaps never always ever once soon later
good great fine bad nothing something anything everything everyone someone anyone nobody everybody
come go look see wait stop listen hurry run get give take make tell say said ask
because though although unless whether however therefore meanwhile anyway besides instead indeed
first second third last next finally suddenly slowly quietly
english french german
highness majesty lordship ladyship excellency eminence holiness
ahead nearby overhead outside afterwards
""".split())
"""Capitalised words that are almost never a character's name. Forms of address (`Your
Highness`, `His Lordship`) stand for a person but are no name of theirs; `Grace` and `Honor`
are left out on purpose: both are also given names, and so are :data:`MONTH_GIVEN_NAMES`. A
day in the plural (``in sixty-three Tuesdays``) is a count of days, never a name (``Tuesday``
alone may name a ship's AI: :data:`~ficaudio.attribute.mentions.WORD_NAMES`)."""

MONTH_GIVEN_NAMES = frozenset({"april", "june", "august"})
"""Months that are also given names (``June Halloran``): a person only when a quotation calls
or mentions them, a speech tag names them or a title goes with them (see
:func:`ficaudio.attribute.characters.is_character_form`); ``May`` stays a month (``May I?``)."""

ADVERB_SUFFIX = "ly"

_LY_NOUNS = "family|belly|bully|ally|reply|supply|jelly|folly|lily|holly|fly|butterfly|assembly|melancholy"
_LY_WORD = rf"(?!(?:{_LY_NOUNS})\b)[a-z]+ly\b"
LY_WORD = _LY_WORD
"""A lower-case word in ``-ly`` that is no noun (``slowly``, ``eventually``; not ``family``): an adverb."""
_CLAUSE_GOES_ON = (r"(?:\s*[,.;:!?—…]|\s+(?:and|but|or|as|while|before|when|again|then|that|to|at|in|on|into|onto|from|with|across|through"
                   r"|toward|towards|over|under|behind|by|for|away|back|out|up|down)\b|\s*$)")
OBJECT_PRONOUN_GENDER = {"him": Gender.MALE, "her": Gender.FEMALE}
"""The gender a third-person object pronoun gives."""
OBJECT_PRONOUN_CLOSES = rf"(?=\s*[,.;:!?—…]|\s+(?:and|as|while|before|when|again)\b|(?<=him)\s+{_LY_WORD}|\s+{_LY_WORD}{_CLAUSE_GOES_ON}|\s*$)"
"""What may follow an object ``him``/``her`` (a pause, a conjunction, an adverb, the end):
``told her, and``, ``turned to her slowly`` -- not ``her sister``, ``her family`` (``her``
owning a noun); after ``her`` an -ly word is an adverb only when the clause goes on with a
pause, a conjunction or a preposition (``turned to her slowly and``), not an adjective
(``her only friend``, ``her lovely face``)."""


PLACE_WORDS = frozenset("""
street road lane avenue square hill hills river inn hotel tavern bridge station abbey castle manor
palace church chapel cathedral park bay island isle valley mountain mountains lake harbour harbor
gate market common heath moor forest county village town city academy school college university
hospital hall house court office club theatre theater gardens garden farm ranch mill creek falls
hollow point cove canyon gulch wharf quay heights springs junction drive plaza terrace mall
""".split())
"""Last words of place names (`Front Street`, `Norcombe Hill`, `the Pure Drop Inn`): not people."""

PLACE_PREFIXES = frozenset({"new", "north", "south", "east", "west", "fort", "port", "mount", "lake", "cape"})
"""First words of place names (`New York`, `North Carolina`) when the form has two words or more."""

GROUP_PREFIXES = frozenset({"team", "squad", "clan", "crew", "gang", "platoon", "club"})
"""First words of a group's name (`Team Kurosaki`, `Squad Seven`, `Clan Ardent`): many people, no one voice."""

DEMONYMS = frozenset("""
american americans english englishman englishmen englishwoman british britain dutch dutchman french frenchman
frenchwoman german germans european europeans italian spanish spaniard irish irishman scotch scottish scotsman
welsh russian russians indian indians chinese japanese african mexican canadian swiss greek greeks roman romans
turkish turk austrian belgian swedish norwegian danish polish portuguese egyptian arab arabs persian yankee
yankees christian christians catholic catholics protestant jew jews jewish latin hebrew
""".split())
"""Nationalities, languages and faiths: capitalised, mid-sentence, but never a character's name."""


BODY_PARTS = frozenset("""
head eyes eye hand hands arms arm face lips mouth shoulders shoulder hair teeth fists fist brow chin nose
voice breath feet legs jaw cheeks throat back
""".split())
"""What a person moves or shows (`shook her head`, `Orla's eyes`): a person's own body."""


NOT_PERSON_HEADS = frozenset({"other", "others", "latter", "former", "one", "same", "first", "second", "last", "rest", "whole", "next"})
"""Heads of ``the X`` that are no person of their own: ``said the first``, ``the other replied``."""


_NOT_PARTICIPLES = r"(?!(?:red|bed|need|seed|shed|ten|seven|eleven|(?:thir|four|fif|six|seven|eigh|nine)teen|men|women|dozen|children|kitchen|chicken|garden|heaven|linen|oxen|golden|wooden|woollen|green|brown|open|often)\b)"
"""Words shaped like a participle that are not one: ``had red hair``, ``had ten minutes``, ``had fifteen seconds``, ``had men at the door``, ``had kitchen duty``."""
PARTICIPLE = (rf"{_NOT_PARTICIPLES}[a-z]+(?:ed|en|wn)|been|gone|left|come|done|said|told|made|kept|felt|sat|stood|run|got|found|heard|brought|caught"
              r"|taught|thought|bought|fought|lost|met|put|set|spent|sent|slept|won|begun|sung|hung|held|led|fled|read|built|meant|let|shut|become")
"""A regular expression (no groups) for a past participle after ``had``: ``had left``, ``had sat``; not ``had time``."""
BEFORE_PARTICIPLE = r"(?:[a-z]+ly|even|just|already|barely|hardly|not|never|often|long|since|once|still|all|both)"
"""A regular expression (no groups) for a word that may stand between ``had`` and its participle:
``had even sat``, ``had long since gone``, ``had barely left``, ``had quietly closed``."""


ANIMAL_NOUNS = frozenset("""
dog puppy pup hound basset beagle terrier spaniel retriever collie labrador poodle pug corgi husky mutt
cat kitten tabby tomcat horse mare stallion gelding pony foal colt filly mule donkey
goose gander duck drake hen rooster cockerel chicken parrot budgie owl hawk falcon eagle raven crow magpie pigeon canary
rabbit bunny hamster gerbil ferret rat mouse tortoise turtle lizard snake iguana gecko frog toad goldfish
goat sheep ewe ram lamb cow bull calf heifer ox pig sow boar hog bear fox deer stag badger otter squirrel hedgehog
""".split())
"""Animals kept, ridden or met (``a tabby named Admiral``, ``Admiral the Goose``): a name they give is a pet's, no
person's. Not the creatures fiction makes talk (:data:`~ficaudio.attribute.mentions.CREATURE_NOUNS`: dragon, wolf ...)."""

ANIMAL_BODY = frozenset("""
paws hooves snout muzzle beak talons feathers wingbeats udder plumage
""".split())
"""What only an animal has (``Biscuit's paws``, ``Verity ruffles her feathers``); not wings, horns or claws, which
fiction gives angels, demons and dragons that talk, nor what a person is said to have too: a tail one is on, a fur
coat, a mane of hair, whiskers, hackles that rise, haunches one sits back on."""
