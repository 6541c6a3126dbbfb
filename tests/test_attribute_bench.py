"""Regression: the attribution harness's score on our annotated fixtures must not drop.

The fixtures (``bench/data``, 7 original stories, 523 quotations) live in the repository;
nothing here reads /work/shared. Levels: what the engine reached in attribution round 5
(0.871 overall, 0.980 explicit, 0.829 anaphoric, 0.808 implicit, gold quotation spans, no
roster; 0.931 with the roster), raised in round 9 to what it reached then (0.908 overall,
1.000 explicit, 0.895 anaphoric, 0.840 implicit; 0.934 with the roster), minus a small margin. Round 13 added ``two_am`` (118 quotations, written as unseen
data: 0.661 before any change, 0.847 after) and set the levels to all six stories then (0.895
overall, 1.000 explicit, 0.892 anaphoric, 0.835 implicit; 0.914 with the roster) minus a margin,
with a floor of its own for the new story. Round 14 added ``night_road`` (102 quotations, written
as unseen data: first-person present tense, a narrator named only by others, titles for names, a
fight; 0.500 before any change, 0.735 after) and set the levels to all seven stories (0.864
overall, 1.000 explicit, 0.861 anaphoric, 0.793 implicit; 0.899 with the roster) minus a margin.
Round 15 (no new story) raised them to 0.889 overall, 0.905 anaphoric, 0.821 implicit, 0.904 with
the roster, ``night_road`` 0.863 (88/102), minus a margin. Round 18 (conversation rules) raised
them to 0.901 overall, 0.841 implicit, 0.920 with the roster, ``two_am`` 0.881 (104/118), minus a
margin (``night_road`` is 0.853, 87/102, its floor unchanged). Round 18 also added
``weather_charm`` and ``field_day`` (written as unseen data); the levels above stay on the seven
stories they were measured on, and each new story has a floor of its own. Round 18 (names and pronouns) raised
anaphoric to 0.91 (0.920 reached). Round 19 added ``salt_road`` and ``oat_milk`` (held-out: 0.425
and 0.544 on first contact) with floors of their own. Round 20 raised them to 0.918 overall
(480/523), 0.865 implicit, 0.934 anaphoric, 0.933 with the roster, ``two_am`` 0.915, ``night_road``
0.882, ``weather_charm`` 0.773, ``field_day`` 0.711, ``salt_road`` 0.625, ``oat_milk`` 0.722, each
minus a margin. Round 21 added ``lighthouse_keepers`` and ``respawn`` (held-out: 0.575 and 0.258 on
first contact) with floors of their own.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))
attribution_bench = pytest.importorskip("attribution")


SEVEN = frozenset({"cafe_shift", "dragon_road", "first_person_academy", "night_road", "ninja_river", "station_nine", "two_am"})


def _seven_stories():
    return [t for t in attribution_bench.load_texts(BENCH / "data", typed=True) if t.name in SEVEN]


@pytest.fixture(scope="module")
def tally():
    texts = _seven_stories()
    assert sum(len(t.gold) for t in texts) == 523
    return attribution_bench.score(texts, gold_spans=True)


def test_overall_accuracy_does_not_drop(tally):
    assert tally.correct / tally.gold >= 0.93  # round 26f: 484/523 = 0.925 (480 before); round 26s: 491/523 = 0.939


STORY_FLOORS = [
    # (story, quotations, floor): the stories written as held-out data, each with its first-contact
    # score and the level reached since (see bench/data/README.md for the rounds). Until round 41
    # the benchmark read each story as one chapter of paragraphs; since, it reads the file as a
    # user's is read (read_story: chapters, the header set aside), and seven floors were set
    # again at that reading ("read through the reader").
    ("two_am", 118, 0.94),  # round 13: 0.661 first; 0.915 after round 20; 0.932 after round 26r; 111/118 = 0.941 after round 35 merged
    ("night_road", 102, 0.94),  # round 14: 0.500 first; 0.882 after round 20; 0.902 after round 26b; 0.922 after round 29p; 96/102 = 0.941 after round 34d; 96/102 = 0.941 after round 34 merged; floor at it (floors are never lowered)
    ("weather_charm", 97, 0.81),  # round 18b: 0.722 first; 79/97 = 0.814 after round 35 merged
    ("field_day", 114, 0.75),  # round 18b: 0.412 first; 86/114 = 0.754 after round 35 merged
    ("salt_road", 80, 0.70),  # round 19: 0.425 first; 0.688 after round 26b; 56/80 = 0.700 after round 35 merged
    ("oat_milk", 90, 0.92),  # round 19: 0.544 first; 0.822 after round 26c; 0.867 after round 26m; 0.922 after round 26n
    ("lighthouse_keepers", 87, 0.83),  # round 21: 0.575 first; 0.609 after round 26c; 0.690 after round 26n; 0.793 after round 29n (0.770 without the nicknames table); 73/87 = 0.839 after round 35 merged
    ("respawn", 89, 0.65),  # round 21: 0.258 first; 0.506 after round 26c; 0.618 after round 26n; 58/89 = 0.652 after round 36h
    ("rain_check", 86, 0.88),  # round 23: 0.628 first; 0.709 after round 24; 0.814 after round 26d; 0.872 after round 33g; 76/86 = 0.884 after round 36d
    ("study_group", 87, 0.88),  # round 23: 0.713 first; 0.736 after round 26d; 0.816 after round 26r; 0.885 after round 34c
    ("found_family", 89, 0.80),  # round 25: 0.551 first; 0.663 after round 26c; 0.674 after round 26k; 0.685 after round 26r; 0.775 after round 26u; 70/89 = 0.787 after round 35 merged; 72/89 = 0.809 after round 36e
    ("second_chances", 85, 0.89),  # round 25: 0.718 first; 0.765 after round 26b; 0.776 after round 26m; 0.835 after round 29q; 0.776 when the bench read its `* * *` lines as scene breaks (round 33); 0.859 after round 33g (the viewpoint goes on past a break); 74/85 = 0.871 after round 36h; 76/85 = 0.894 after round 39 merged
    # round 27: six stories scored on the engine of the session start (007dce8) and again after rounds
    # 26a-26u, before anyone looked at their errors; floors at the second figure
    ("coffee_order", 90, 0.77),  # round 27: 0.656 at 007dce8; 0.633 after round 26; 0.667 after round 29n; 0.778 after round 32a (the one -sensei is their teacher)
    ("snowed_in", 90, 0.93),  # round 27: 0.911; 0.900; 0.911 after round 29p; 0.922 after round 29t; 84/90 = 0.933 after round 35 merged
    ("river_ford", 86, 0.68),  # round 27: 0.570; 0.558; 0.570 after round 29p; 0.674 after round 29d; 59/86 = 0.686 after round 40 merged
    ("night_shift", 88, 0.94),  # round 27: 0.511; 0.568; 0.864 after round 28; 0.898 after round 29p; 0.909 after round 31c; 0.943 after round 33g
    ("broom_cup", 89, 0.77),  # round 27: 0.551; 0.551; 0.708 after round 28; 0.775 after round 33j (the mark of a role)
    ("heist_crew", 89, 0.80),  # round 27: 0.584; 0.584; 0.663 after round 29p (and 29t); 0.685 after round 33j (a role a speaker claims); 65/89 = 0.730 after round 34g (a radio's "this is", a voice heard); 64/89 = 0.719 after round 34i (Anvil is Tomek, a cover name); 68/89 = 0.764 after round 35 merged; 72/89 = 0.809 after round 36 merged
    # round 30: six stories kept blind through round 29 (bench/heldout then), moved here in round 31
    ("fog_street", 90, 0.85),  # round 30: 0.622 at ad3cdec; 0.622 after round 29; 0.811 after round 31 (31a titles, 31d descriptions); 0.833 after round 33a; 77/90 = 0.856 after round 39 merged
    ("group_project", 95, 0.70),  # round 30: 0.505; 0.505; 0.695 after round 31 (31b header cast: Bug is Marcus); 67/95 = 0.705 after round 35 merged
    ("hollow_court", 95, 0.77),  # round 30: 0.411; 0.421; 0.642 after round 31 (31a titles, 31d the Chancellor); 64/95 = 0.674 after round 40 merged; 73/95 = 0.768 after round 42E (Cora, a pet form in -a, is Corisande); 74/95 = 0.779 after round 44 merged
    ("pit_lane", 88, 0.81),  # round 30: 0.375; 0.375; 0.693 after round 31u (accented names); 0.807 after round 31; 72/88 = 0.818 after round 35 merged
    ("second_year", 97, 0.83),  # round 30: 0.443; 0.443; 0.608 after round 31a (titles and surnames); 0.773 after round 33a (the narrator's given name); 73/97 = 0.753 with symbol lines read as scene breaks (round 33); 78/97 = 0.804 after round 34b; 80/97 = 0.825 after round 35 merged; 81/97 = 0.835 after round 39n (the reply's call names a guessed opening)
    ("tea_house", 100, 0.88),  # round 30: 0.670; 0.670; 0.860 after round 31b (kin words, the family name); 87/100 = 0.870 after round 37 merged; 88/100 = 0.880 after round 39n (the reply's call names a guessed opening)
    # round 31's blind set (bench/heldout then), read and moved here in round 32
    ("bakery_au", 94, 0.88),  # round 31 blind: 0.670 at its start, 0.777 at its end; 0.830 after round 32c (on speaker, a voice after a door); 79/94 = 0.840 after round 32 merged; 78/94 = 0.830 when the bench read symbol lines as scene breaks (round 33); 83/94 = 0.883 after round 34g (a bare line on a speakerphone); 83/94 = 0.883 after round 35 merged
    ("mage_trial", 86, 0.79),  # round 31 blind: 0.593 at its start, 0.709 at its end; 0.744 after round 32b (titled siblings); 66/86 = 0.767 after round 32 merged; 67/86 = 0.779 after round 33g; 68/86 = 0.791 after round 44 merged
    ("spirit_exam", 98, 0.75),  # round 31 blind: 0.684 at its start, 0.673 at its end; 0.704 after round 32c (names turned to); 70/98 = 0.714 after round 32 merged; 73/98 = 0.745 after round 36 merged; 74/98 = 0.755 after round 39b (Kaido Sora listed: one boy)
    ("star_relay", 97, 0.80),  # round 31 blind: 0.433 at its start, 0.515 at its end; 0.629 after round 32a (ranks, a call sign, a header title), 0.670 after round 32b (a pet name); 76/97 = 0.784 after round 32 merged; 77/97 = 0.794 after round 34g; 78/97 = 0.804 after round 40 merged
    ("summer_camp", 95, 0.96),  # round 31 blind: 0.653 at its start, 0.653 at its end; 0.947 after round 32b (the narrator's names, Mrs. P); 90/95 = 0.947 after round 32 merged; 92/95 = 0.968 after round 35 merged
    ("ward_rounds", 96, 0.97),  # round 31 blind: 0.594 at its start, 0.719 at its end; 0.875 after round 32a (roles: charge nurse, the new intern, the attending); 89/96 = 0.927 after round 32 merged; 93/96 = 0.969 after round 35 merged; 94/96 = 0.979 after round 40 merged
    # round 32e: a second-person reader-insert, written before the rules for it (not blind)
    ("night_market", 72, 0.88),  # round 32e: 0.458 first; 0.806 after round 32e (stories told to you); 0.889 after round 33d
    # round 32's blind set (bench/heldout then), read and moved here in round 33
    ("band_tour", 97, 0.84),  # round 32 blind: 0.608 at its start, 0.619 at its end; 75/97 = 0.773 after round 33c; 77/97 = 0.794 after round 34b (Ruthie is Ruth Adebayo); 82/97 = 0.845 after round 34i (Kit was Jonah Kettering)
    ("dorm_ghost", 96, 0.76),  # round 32 blind: 0.594 at its start, 0.604 at its end; 68/96 = 0.708 after round 33c on the old harness; 58/96 = 0.604 with symbol lines as scene breaks after round 33c merged; 62/96 = 0.646 after round 33f (Matron is Miss Greaves); 72/96 = 0.750 after round 33i merged (a described person met again after a break); 73/96 = 0.760 after round 35 merged; 74/96 = 0.771 after round 36 merged; 73/96 = 0.760 once the harness hears italic thoughts as a user's run does (round 44J: a name inside a thought had kept Matron apart from Miss Greaves)
    ("locker_room", 95, 0.92),  # round 32 blind: 0.516 at its start, 0.537 at its end; 0.653 after round 33b; 65/95 = 0.684 after round 33f (Coach is Halloran); 73/95 = 0.768 after round 34b (renames followed to their end); 77/95 = 0.811 after round 35 merged; 88/95 = 0.926 after round 37 merged
    ("noir_office", 97, 0.93),  # round 32 blind: 0.536 at its start, 0.464 at its end; 0.866 after round 33a (the narrator named); 91/97 = 0.938 after round 33f (a rank and its bare name)
    ("pirate_crossing", 96, 0.80),  # round 32 blind: 0.562 at its start, 0.562 at its end; 64/96 = 0.667 after round 33f (names only ever called, a title before a full stop); 69/96 = 0.719 at round 34's start, 71/96 = 0.740 after round 34d; 72/96 = 0.750 after round 34 merged; floor a line below (round 34 review fixes); 72/96 = 0.750 after round 35 merged; 73/96 = 0.760 after round 36e; 77/96 = 0.802 after round 37 merged
    ("reader_insert", 95, 0.91),  # round 32 blind: 0.579 at its start, 0.800 at its end; 0.842 after round 33d; 81/95 = 0.853 merged with 33f; 83/95 = 0.874 after round 35 merged; 85/95 = 0.895 after round 37 merged; 87/95 = 0.916 after round 43 merged
    # round 33's blind set (bench/heldout then), read and moved here in round 34
    ("dojo_rivals", 95, 0.73),  # round 33 blind: 0.674 at its start, 0.653 at its end; 64/95 = 0.674 after round 34e (a list of verb phrases ending in a tag); 64/95 = 0.674 after round 34 merged; floor at it (floors are never lowered); 65/95 = 0.684 after round 35 merged; 69/95 = 0.726 after round 36h; 70/95 = 0.737 after round 39n (the reply's call names a guessed opening)
    ("family_dinner", 99, 0.77),  # round 33 blind: 0.586 at its start, 0.596 at its end; 60/99 = 0.606 after round 34d; 74/99 = 0.747 after round 34a (Dad gives his name); 75/99 = 0.758 after round 34 merged; floor a line below (round 34 review fixes); 75/99 = 0.758 after round 35 merged; 77/99 = 0.778 after round 44 merged
    ("gala_heist", 97, 0.73),  # round 33 blind: 0.495 at its start, 0.485 at its end; 52/97 = 0.536 after round 34e (Noor's gender: possessives of another); 62/97 = 0.639 after round 34b (Viv is Vivian); 67/97 = 0.691 after round 34 merged; floor a line below (round 34 review fixes); 70/97 = 0.722 after round 34i (Ferryman is Dez); 71/97 = 0.732 after round 35 merged
    ("kitchen_shift", 97, 0.90),  # round 33 blind: 0.443 at its start, 0.474 at its end; 60/97 = 0.619 after round 34a (Chef is Mercer); 73/97 = 0.753 after round 34b (the narrator named); 87/97 = 0.897 after round 34 merged; floor a line below (round 34 review fixes); 87/97 = 0.897 after round 35 merged; 88/97 = 0.907 after round 44 merged
    ("road_hunters", 97, 0.73),  # round 33 blind: 0.619 at its start, 0.649 at its end; 0.680 after round 34c; 67/97 = 0.691 after round 34b (Lij, Elijah are Eli); 70/97 = 0.722 after round 34 merged; floor a line below (round 34 review fixes); 68/97 = 0.701 after the round-34 review took out newcomer_then_described (fitted to this story's one clerk sentence: the clerk is its own voice again); floor lowered with the rule; 70/97 = 0.722 after round 37d (the stranger gives his name); 72/97 = 0.742 after round 39n (the reply's call names a guessed opening); 69/97 = 0.711 read through the reader (round 41); 71/97 = 0.732 after round 41D (an opening no rule could guess is the one the reply calls)
    ("royal_court", 92, 0.80),  # round 42D: 74/92 = 0.804 (the knight is Dame Isolde; the Queen's Guard after "of" takes no gender from her "She"); round 33 blind: 0.543 at its start, 0.554 at its end; 55/92 = 0.598 after round 34e (the one called answers, a side clause's he); 64/92 = 0.696 after round 34d (titles of address: Majesty, Highness); 54/92 = 0.587 after round 34a (Osric the herald); 0.609 after round 34c; 71/92 = 0.772 after round 34 merged; floor a line below (round 34 review fixes); 71/92 = 0.772 after round 35 merged; 72/92 = 0.783 after round 37 merged
    # round 34's blind set (bench/heldout then), read and moved here in round 35
    ("frontier_town", 98, 0.92),  # round 34 blind: 79/98 = 0.806 at its start and its end; 90/98 = 0.918 after round 36e; 91/98 = 0.929 after round 39l (a scene's first reply is the viewpoint person's)
    ("hero_team", 97, 0.68),  # round 34 blind: 39/97 = 0.402 at its start, 40/97 = 0.412 at its end; 49/97 = 0.505 after round 35 merged; 50/97 = 0.515 after round 36 merged; 63/97 = 0.649 after round 39b (the header's `Priya Vashti | Lodestar`); 64/97 = 0.660 after round 41 merged; 66/97 = 0.680 after round 43 merged
    ("regency_ball", 93, 0.91),  # round 34 blind: 63/93 = 0.677 at its start and its end; 65/93 = 0.699 after round 37 merged; 67/93 = 0.720 after round 38 merged; 83/93 = 0.892 after round 40 merged; 85/93 = 0.914 after round 43 merged
    ("stage_crew", 98, 0.89),  # round 34 blind: 87/98 = 0.888 at its start and its end; 86/98 = 0.878 read through the reader (round 41); 87/98 = 0.888 after round 41D (the narrator shown as `me` answers); 88/98 = 0.898 after round 43 merged
    ("wedding_party", 96, 0.81),  # round 34 blind: 74/96 = 0.771 at its start and its end; 76/96 = 0.792 after round 35c (a Range Rover is no person); 78/96 = 0.812 after round 36 merged
    ("wolf_pack", 95, 0.57),  # round 34 blind: 55/95 = 0.579 at its start and its end
    # round 35's blind set (bench/heldout then), read and moved here in round 36
    ("courtroom", 97, 0.78),  # round 35 blind: 71/97 = 0.732 at its start, 69/97 = 0.711 at its end; 70/97 = 0.722 after round 36a (a speech act the narration reports); 72/97 = 0.742 after round 36 merged; 76/97 = 0.784 after round 41 merged
    ("idol_group", 98, 0.67),  # round 35 blind: 63/98 = 0.643 at its start and its end; 65/98 = 0.663 after round 39l; 66/98 = 0.673 after round 43 merged
    ("mecha_pilots", 95, 0.74),  # round 35 blind: 67/95 = 0.705 at its start and its end; 70/95 = 0.737 after round 37a (a stammered name is the name); 71/95 = 0.747 after round 39 merged
    ("mountain_rescue", 99, 0.78),  # round 35 blind: 70/99 = 0.707 at its start and its end; 72/99 = 0.727 after round 37a (a radio call opens on the station called); 74/99 = 0.747 after round 39 merged; 80/99 = 0.808 after round 40 merged; 78/99 = 0.788 once round 42 set its end note aside (`End Notes: ... Tam's mum`, read for names but no longer a paragraph of the story): two lines of Tam, whom the engine takes for a man, and Brogan swap at a `she` beat
    ("victorian_detective", 92, 0.79),  # round 35 blind: 68/92 = 0.739 at its start and its end; 71/92 = 0.772 after round 36d (false calls: a title's full stop, repeated words); 73/92 = 0.793 after round 40 merged
    ("zombie_mall", 98, 0.80),  # round 35 blind: 77/98 = 0.786 at its start and its end; 78/98 = 0.796 after round 36e; 79/98 = 0.806 after round 39l
    # round 36's blind set (bench/heldout then), read and moved here in round 37
    ("archaeology_dig", 99, 0.79),  # round 36 blind: 78/99 = 0.788 at its start and its end; 79/99 = 0.798 after round 43 merged
    ("election_night", 98, 0.75),  # round 36 blind: 70/98 = 0.714 at its start and its end; 72/98 = 0.735 after round 39f (a scene's first reply); 74/98 = 0.755 after round 43 merged
    ("fishing_boat", 95, 0.91),  # round 36 blind: 37/95 = 0.389 at its start and its end; 38/95 = 0.400 after round 37a; 66/95 = 0.695 after round 40e (the skipper Haldane is the header's Ewan Haldane, and Dad is he); 82/95 = 0.863 after round 42E (Moose McCall is the header's Struan McCall); 87/95 = 0.916 after round 44 merged
    ("tattoo_parlour", 94, 0.76),  # round 36 blind: 58/94 = 0.617 at its start and its end; 60/94 = 0.638 after round 37a (the fandom is no person); 65/94 = 0.691 after round 37 merged; 68/94 = 0.723 after round 41 merged; 72/94 = 0.766 after round 44 merged
    ("time_loop", 99, 0.86),  # round 36 blind: 78/99 = 0.788 at its start and its end; 80/99 = 0.808 after round 37a (a plural day is no person); 86/99 = 0.869 after round 39f
    ("witch_coven", 100, 0.70),  # round 36 blind: 62/100 = 0.620 at its start and its end; 64/100 after round 37d (the girl in the raincoat gives her name); 65/100 = 0.650 after round 37 merged; 66/100 = 0.660 after round 41 merged; 70/100 = 0.700 after round 42E (Goldie, a pet form of the end of Marigold, is Marigold Ashby)
    # round 37's blind set (bench/heldout then), read and moved here in round 38
    ("boarding_house", 90, 0.93),  # round 37 blind: 67/90 = 0.744 at its start and its end; 80/90 = 0.889 after round 40 merged; 83/90 = 0.922 after round 43 merged; 84/90 = 0.933 after round 44 merged
    ("lighthouse_keeper", 89, 0.70),  # round 37 blind: 55/89 = 0.618 at its start and its end; 56/89 = 0.629 after round 38 merged; 61/89 = 0.685 after round 40 merged; 63/89 = 0.708 after round 41 merged
    ("masquerade_court", 99, 0.62),  # round 37 blind: 69/99 = 0.697 at its start and its end; 61/99 = 0.616 read through the reader (round 41); 62/99 = 0.626 after round 44 merged
    ("road_trip", 97, 0.79),  # round 37 blind: 72/97 = 0.742 at its start and its end; 71/97 = 0.732 read through the reader (round 41); 75/97 = 0.773 after round 42A (the narrator's `my sister` is the one other Brannigan the header lists); 77/97 = 0.794 after round 44 merged
    ("spy_debrief", 98, 0.80),  # round 37 blind: 78/98 = 0.796 at its start and its end; 79/98 = 0.806 after round 41 merged
    ("volleyball_club", 100, 0.79),  # round 37 blind: 78/100 at its start, 79/100 = 0.790 at its end
    # round 38's blind set (bench/heldout then), read and moved here in round 39
    ("alien_embassy", 96, 0.82),  # round 38 blind: 74/96 = 0.771 at its start and its end; 78/96 = 0.812 after round 39f; 79/96 = 0.823 after round 39 merged
    ("bookshop_au", 99, 0.83),  # round 38 blind: 75/99 = 0.758 at its start and its end; 76/99 = 0.768 after round 39 merged; 77/99 = 0.778 after round 39n (the reply's call names a guessed opening); 83/99 = 0.838 after round 43 merged
    ("chess_tournament", 95, 0.89),  # round 38 blind: 84/95 = 0.884 at its start and its end; 85/95 = 0.895 after round 40 merged
    ("orchard_harvest", 99, 0.74),  # round 38 blind: 73/99 = 0.737 at its start and its end; 74/99 = 0.747 after round 39l
    ("school_festival", 85, 0.89),  # round 38 blind: 52/85 = 0.612 at its start and its end; 76/85 = 0.894 after round 39 merged
    ("submarine_watch", 96, 0.79),  # round 38 blind: 68/96 = 0.708 at its start and its end; 72/96 = 0.750 after round 39b (the header's `Tomasz Brzezinski (Mouse)`); 73/96 = 0.760 after round 39 merged; 75/96 = 0.781 after round 43 merged; 76/96 = 0.792 after round 44 merged
    # round 39's blind set (bench/heldout then), read and moved here in round 40
    ("baking_contest", 100, 0.84),  # round 39 blind: 75/100 at its start, 77/100 = 0.770 at its end; 82/100 = 0.820 after round 40 merged; 84/100 = 0.840 after round 43 merged
    ("ghost_hunt", 96, 0.83),  # round 39 blind: 77/96 = 0.802 at its start and its end; 80/96 = 0.833 after round 40 merged
    ("ice_rink", 95, 0.81),  # round 39 blind: 77/95 at its start, 78/95 = 0.821 at its end; 77/95 = 0.811 read through the reader (round 41)
    ("night_train", 99, 0.80),  # round 39 blind: 68/99 = 0.687 at its start and its end; 79/99 = 0.798 after round 40 merged; 80/99 = 0.808 after round 43 merged
    ("rebel_camp", 96, 0.80),  # round 39 blind: 63/96 = 0.656 at its start and its end; 77/96 = 0.802 after round 40 merged
    ("vet_clinic", 98, 0.64),  # round 39 blind: 59/98 = 0.602 at its start and its end; 63/98 = 0.643 after round 40 merged
    # round 40's blind set (bench/heldout then), read and moved here in round 41 (scored as the one-chapter reading did; since round 41 every story is read through the reader)
    ("desert_caravan", 96, 0.55),  # round 40 blind: 53/96 = 0.552 at its start and its end
    ("dnd_session", 99, 0.70),  # round 40 blind: 70/99 = 0.707 at its start and its end; 66/99 = 0.667 read through the reader (round 41); 70/99 = 0.707 after round 41D (the author's note's `Noor is the GM` read for who is who)
    ("hockey_bus", 97, 0.73),  # round 40 blind: 67/97 = 0.691 at its start and its end; 71/97 = 0.732 after round 41 merged
    ("museum_night", 99, 0.86),  # round 40 blind: 82/99 = 0.828 at its start and its end; 81/99 = 0.818 read through the reader (round 41); 84/99 = 0.848 after 41B (`has been curator of` names the curator); 86/99 = 0.869 after round 44 merged
    ("office_romance", 90, 0.74),  # round 40 blind: 55/90 = 0.611 at its start and its end; 58/90 read through the reader (round 41a); 64/90 = 0.711 after round 41A (a Korean full name gives its given name, a rank of two words before a name); 67/90 = 0.744 after round 43 merged
    ("true_crime_pod", 86, 0.88),  # round 40 blind: 75/86 = 0.872 at its start and its end; 76/86 = 0.884 after round 44A (the narrator's `my co-host` is the one the header pairs with her)
    # round 41's blind set (bench/heldout then), read and moved here in round 42 (first read through the reader)
    ("farm_holiday", 96, 0.79),  # round 41 blind: 43/96 = 0.448 at its end (383/580 for the six; 346 at its start); 58/96 = 0.604 after round 42A (a grandparent's kin name is the listed Lowther whom only the quotations call by name); 75/96 = 0.781 after round 42E (Gran is the one the header pairs with Grandad, Albert Lowther); 76/96 = 0.792 after round 43 merged
    ("opera_house", 95, 0.78),  # round 41 blind: 66/95 = 0.695 at its end (383/580 for the six; 346 at its start); round 42D: 72/95 (the ghost light after "for" takes no gender from Clara's "she"); round 42A: 68/95 alone (a listed Count's given name and particled surname are one person); 74/95 = 0.779 with both; 75/95 = 0.789 after round 44 merged
    ("pokemon_gym", 95, 0.73),  # round 41 blind: 50/95 = 0.526 at its end (383/580 for the six; 346 at its start); 61/95 = 0.642 after round 42A (a pronoun window cut `Her` to `He`: the full name Corvina Ashgrove was male), 63/95 = 0.663 with its `my brother` (the one other Aldane listed); 70/95 = 0.737 after round 43 merged
    ("space_academy", 100, 0.87),  # round 41 blind: 84/100 = 0.840 at its end (383/580 for the six; 346 at its start); 87/100 = 0.870 after round 43 merged
    ("vampire_club", 98, 0.67),  # round 41 blind: 67/98 = 0.684 at its end (383/580 for the six; 346 at its start); round 42D: 72/98 = 0.735 (`call me the Margrave` beside `call me Mr. Aurelian`; one of the five, Wren's, is right only while her narrator voice is merged into Mr. Aurelian's), floor below 71/98; 66/98 = 0.673 after round 42 set it right (the narrator is named only from lines their own paragraph gives them: 7 of Aurelian's lines, right only through the merge, went wrong; by alias 51 -> 67)
    ("wildfire_crew", 96, 0.79),  # round 41 blind: 73/96 = 0.760 at its end (383/580 for the six; 346 at its start); 76/96 = 0.792 after round 44 merged
    # round 42's blind set (bench/heldout then), read and moved here in round 43 (339/578 for the six at round 42's start and its end)
    ("circus_winter", 95, 0.84),  # round 42 blind: 63/95 = 0.663 at its start and its end; 80/95 = 0.842 after round 43A (Zosia is Zofia)
    ("cultivation_sect", 98, 0.73),  # round 42 blind: 63/98 = 0.643 at its start and its end; 69/98 = 0.704 after round 43A (Sect Leader Yan Zhaolin, A-Ci); 71/98 = 0.724 after round 43 merged; 72/98 = 0.735 after round 44 merged
    ("diner_night", 96, 0.78),  # round 42 blind: 50/96 = 0.521 at its start and its end; 55/96 after round 43A (Sheriff Whitcomb); 66/96 after round 43B (the narrator's mother is the listed Loretta Pruitt, Sheriff a title, no reply across a break); 68/96 = 0.708 with 43A, 43B and 43C (June's replies to her mother on the phone); 70/96 = 0.729 after round 43 merged; 75/96 = 0.781 after round 43K (the older deputy is a deputy)
    ("hero_comms", 95, 0.72),  # round 42 blind: 68/95 = 0.716 at its start and its end; 69/95 = 0.726 after round 44 merged
    ("mafia_dinner", 98, 0.59),  # round 42 blind: 56/98 = 0.571 at its start and its end; 58/98 = 0.592 after round 43 merged
    ("soccer_club", 96, 0.78),  # round 42 blind: 39/96 = 0.406 at its start and its end; 70/96 = 0.729 after round 43A (Mochizuki Kaede, Ozaki Hinata, Kuroiwa-kantoku); 45/96 after round 43B (-kantoku a rank); 73/96 = 0.760 with 43A, 43B and 43C (the phone's tag is the line); 75/96 = 0.781 after round 43 merged
    # round 43's blind set (bench/heldout then), read and moved here in round 44 (367/578 for the six at round 43's start, 387 at its end)
    ("arena_games", 96, 0.71),  # round 43 blind: 51/96 = 0.531 at its start, 65/96 = 0.677 at its end; 69/96 = 0.719 after round 44 merged
    ("class_reunion", 99, 0.83),  # round 43 blind: 76/99 = 0.768 at its start and its end; 81/99 = 0.818 after round 44A (`her best friend` is the one the header pairs with her: `Jess Alvarez & Priya Nair`); 83/99 = 0.838 after round 44 merged
    ("eighth_year", 97, 0.79),  # round 43 blind: 50/97 = 0.515 at its start, 56/97 = 0.577 at its end; 79/97 = 0.814 after round 44B (Ron is the listed Ron Weasley though Molly Weasley is listed too, Professor McGonagall the listed Minerva McGonagall, Eventually Draco no name); 77/97 = 0.794 once the harness hears italic thoughts as a user's run does (round 44J: after Harry's thought, Draco's next line goes to the thinker)
    ("ice_station", 96, 0.84),  # round 43 blind: 65/96 = 0.677 at its start and its end; 76/96 = 0.792 after round 44F (Station Chief Ruth Halvorsen is the Chief); 81/96 = 0.844 after round 44 merged
    ("knight_quest", 94, 0.72),  # round 43 blind: 64/94 = 0.681 at its start and its end; 68/94 = 0.723 after round 44A (`Her name was Old Hesk` names the old woman who spoke before it)
    ("olympus_flats", 96, 0.67),  # round 43 blind: 61/96 = 0.635 at its start and its end; 63/96 = 0.656 after round 44B ("Nobody calls me Kore anymore": Kore is Persephone); 65/96 = 0.677 after round 44 merged
    # round 44's blind set (bench/heldout then), read and moved here in round 45 (354/563 for the six at round 44's start, 359 at its end)
    ("bakery_rivals", 96, 0.75),  # round 44 blind: 72/96 = 0.750 at its end
    ("foggy_inquiry", 90, 0.65),  # round 44 blind: 59/90 = 0.656 at its end
    ("pirate_crew", 96, 0.68),  # round 44 blind: 66/96 = 0.688 at its end
    ("space_station", 96, 0.65),  # round 44 blind: 57/96 = 0.594 with round 44's start engine, 63/96 = 0.656 at its end
    ("vampire_council", 94, 0.69),  # round 44 blind: 65/94 = 0.691 at its end
    ("wedding_week", 91, 0.57),  # round 44 blind: 34/91 = 0.374 at its end; 52/91 = 0.571 after round 45C (the narrator's titled parents take the listed Helen and Richard Hollister, `my sister` is Claire)
]


@pytest.mark.parametrize("name, quotations, floor", STORY_FLOORS)
def test_held_out_story_accuracy_does_not_drop(name, quotations, floor):
    texts = [t for t in attribution_bench.load_texts(BENCH / "data", typed=True) if t.name == name]
    story_tally = attribution_bench.score(texts, gold_spans=True)
    assert story_tally.gold == quotations and story_tally.correct / story_tally.gold >= floor


def test_the_blind_held_out_set_does_not_drop():
    """bench/heldout: six stories nobody developing the rules has read (see its README); scored
    strictly and as the seeds are (a split voice not punished). Round 45: 308 and 423 of 575 with
    the round's start engine."""
    texts = attribution_bench.load_texts(BENCH / "heldout", typed=True)
    assert sum(len(t.gold) for t in texts) == 575
    assert attribution_bench.score(texts, gold_spans=True).correct >= 308
    assert attribution_bench.score(texts, gold_spans=True, by_alias=True).correct >= 423


def test_the_validation_set_does_not_drop():
    """bench/validation: six more stories nobody has read, for deciding what to keep between the
    blind set's start and end figures (see its README). Round 36: 433 and 464 of 585 at its start,
    433 and 463 at its end; round 37d (the story starts after its header, not at a title above
    it): 433 and 471; at round 37's end: 442 and 474, and at round 38's end; at round 39's end
    (39b, a header's cast entry is one person): 445 and 475; read through the reader (round 41),
    as a user's file is read: 444 and 473; at round 41's end: 446 and 475; at round 42's end the same; at round 43's start and end the same;
    at round 44's end (44J: thoughts heard as a user's run hears them): 446 and 476."""
    texts = attribution_bench.load_texts(BENCH / "validation", typed=True)
    assert sum(len(t.gold) for t in texts) == 585
    assert attribution_bench.score(texts, gold_spans=True).correct >= 446
    assert attribution_bench.score(texts, gold_spans=True, by_alias=True).correct >= 476


def test_explicit_accuracy_does_not_drop(tally):
    explicit = tally.by_type["explicit"]
    assert explicit["correct"] / explicit["n"] >= 0.99


def test_implicit_accuracy_does_not_drop(tally):
    implicit = tally.by_type["implicit"]
    assert implicit["correct"] / implicit["n"] >= 0.855


def test_anaphoric_accuracy_does_not_drop(tally):
    anaphoric = tally.by_type["anaphoric"]
    assert anaphoric["correct"] / anaphoric["n"] >= 0.925  # round 18: 0.920 (126/137); round 20: 0.934 (128/137)


def test_roster_accuracy_does_not_drop():
    texts = _seven_stories()
    with_roster = attribution_bench.score(texts, gold_spans=True, roster=True)
    assert with_roster.correct / with_roster.gold >= 0.925


def test_confidence_buckets_cover_every_line(tally):
    assert sum(c["n"] for c in tally.by_confidence.values()) == tally.gold
    assert attribution_bench.confidence_bucket(0.87) == "0.8-0.9"
    assert attribution_bench.confidence_bucket(1.0) == "0.9-1.0"


def test_calibration_error_is_the_weighted_gap_between_confidence_and_accuracy():
    tally = attribution_bench.Tally()
    tally.by_confidence["0.8-0.9"].update(n=10, right=8, confidence=8.0)  # said 0.8, right 0.8
    tally.by_confidence["0.5-0.6"].update(n=10, right=8, confidence=5.0)  # said 0.5, right 0.8
    assert attribution_bench.expected_calibration_error(tally) == pytest.approx(0.15)


def test_the_brier_score_is_the_mean_squared_gap_between_confidence_and_outcome():
    tally = attribution_bench.Tally()
    tally.by_confidence["0.9-1.0"].update(n=4, right=4, confidence=3.6, squared_error=4 * 0.1 ** 2)
    tally.by_confidence["0.0-0.1"].update(n=1, right=0, confidence=0.0, squared_error=0.0)
    assert attribution_bench.brier_score(tally) == pytest.approx(0.008)


def test_a_table_entry_should_be_its_smoothed_rounded_precision():
    assert attribution_bench.should_be(570, 461) == 0.8
    assert attribution_bench.should_be(2, 2) == 0.75  # seen twice is not certain
    assert attribution_bench.should_be(0, 0) == 0.5  # never seen: an even guess
    assert attribution_bench.should_be(513, 507) == 0.95  # no rule above MOST_SURE


def test_the_calibration_report_puts_the_measured_precision_next_to_the_table(tally):
    report = attribution_bench.calibration_report(attribution_bench.pooled([tally]))
    row = next(r for r in report.splitlines() if r.split()[0] == "explicit_tag")
    assert row.split()[5] == f"{attribution_bench.CALIBRATED['explicit_tag']:.2f}"  # fired, right, precision, should be, table
    assert "turn_taking/three_way" in report and "same_paragraph_continuation" in report


def test_every_dialogue_quotation_gets_a_line(tally):
    assert tally.matched == tally.gold


def _seed_folder(tmp_path: Path, story: str, gold_text: str) -> tuple[Path, Path]:
    import hashlib
    import json

    stories, gold = tmp_path / "stories", tmp_path / "gold"
    stories.mkdir()
    gold.mkdir()
    (stories / "s.txt").write_text(story, encoding="utf-8")
    start = story.index(gold_text)
    record = {"start": start, "end": start + len(gold_text), "speaker": "Ino", "type": "explicit",
              "sha1": hashlib.sha1(gold_text.encode()).hexdigest()}
    (gold / "s.gold.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (gold / "s.characters.json").write_text(json.dumps({"characters": [{"name": "Ino", "gender": "female", "aliases": ["Ino", "Ino-chan"]}]}))
    return stories, gold


def test_seed_annotations_score_a_real_story_file(tmp_path):
    stories, gold = _seed_folder(tmp_path, 'Ino waved at Sakura.\n\n"Hello," Ino said.\n', '"Hello,"')
    texts = attribution_bench.load_seeds(stories, gold)
    seeds_tally = attribution_bench.score(texts)
    assert (seeds_tally.gold, seeds_tally.correct) == (1, 1)


def test_seed_that_changed_since_annotation_is_skipped(tmp_path, capsys):
    stories, gold = _seed_folder(tmp_path, 'Ino waved.\n\n"Hello," Ino said.\n', '"Hello,"')
    (stories / "s.txt").write_text('Ino waved.\n\n"Howdy," Ino said.\n', encoding="utf-8")
    assert attribution_bench.load_seeds(stories, gold) == []
    assert "changed since annotation" in capsys.readouterr().out


def test_litbank_matcher_takes_the_unnamed_narrator_i_for_the_annotated_narrator():
    from ficaudio.models import Attribution, Character

    def text(*characters):
        return attribution_bench.Text("t", "", (), characters, typed=False)

    ours = Attribution((Character("I"), Character("Holmes")), ())
    narrator, holmes = {"id": "narrator-1", "aliases": ["narrator"]}, {"id": "Holmes-2", "aliases": ["Holmes"]}
    assert attribution_bench.litbank_matcher(text(narrator, holmes), ours)("I") == "narrator-1"
    spelt = {"id": "I-0", "aliases": ["I"]}
    assert attribution_bench.litbank_matcher(text(spelt, narrator), ours)("I") == "I-0"
    assert attribution_bench.litbank_matcher(text(holmes), ours)("I") is None


def test_by_alias_scores_a_split_voice_by_its_names_as_the_seeds_are(tmp_path):
    """Strict: the voice `Ward` is not `Elspeth`; by alias, `Ward` is an alias of Elspeth only."""
    import json

    text = 'Captain Ward crossed the deck.\n\n"Hold fast," Ward said.\n'
    start = text.index('"Hold')
    gold = {"start": start, "end": start + len('"Hold fast,"'), "text": '"Hold fast,"', "speaker": "Elspeth", "type": "explicit"}
    (tmp_path / "s.txt").write_text(text, encoding="utf-8")
    (tmp_path / "s.gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    people = [{"name": "Elspeth", "gender": "female", "aliases": ["Elspeth", "Ward", "Captain Ward"]}]
    (tmp_path / "s.characters.json").write_text(json.dumps({"characters": people}), encoding="utf-8")
    texts = attribution_bench.load_texts(tmp_path, typed=True)
    assert attribution_bench.score(texts, gold_spans=True).correct == 0
    assert attribution_bench.score(texts, gold_spans=True, by_alias=True).correct == 1


def test_a_person_owning_two_voices_is_counted_split():
    tally = attribution_bench.Tally()
    tally.voices = [("s", "Ana", "Ana")] * 5 + [("s", "Ana", "Miss Ruiz")] * 2 + [("s", "Ben", "Ben")] * 3 + [("s", "Ben", "Ana")]
    report = attribution_bench.voices_report(tally)
    assert "2 speaking people, 3 voices; 1 people heard in two or more voices, 2 of 11 lines" in report


def test_a_line_of_symbols_is_a_scene_break_as_the_parser_makes_it():
    from ficaudio.models import BlockKind

    story = attribution_bench.story_of("s", '"Go," she said.\n\n* * *\n\n"Back," he said.\n\n~\n')
    kinds = [block.kind for block in story.chapters[0].blocks]
    assert kinds == [BlockKind.PARAGRAPH, BlockKind.SCENE_BREAK, BlockKind.PARAGRAPH, BlockKind.SCENE_BREAK]


def test_a_paragraph_of_a_speech_that_runs_on_is_no_false_detection():
    """Our annotators mark a quotation only where its closing mark stands, so the first paragraph
    of a two-paragraph speech has no gold span; detecting it is not counted against precision."""
    assert attribution_bench.runs_on('"So here is my plan. First we wait.\n')
    assert attribution_bench.runs_on("\u201cAnd another thing,")
    for closed in ('"Fine."', "\u201cFine.\u201d", "\u2018Fine.\u2019", "'Fine.'"):
        assert not attribution_bench.runs_on(closed)
