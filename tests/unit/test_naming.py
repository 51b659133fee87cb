"""Who a typed name means (flows/naming.py): a whole name before a longer one, the start of
any word of a name, and several when the name does not say who."""
from __future__ import annotations

from flows.naming import named, names_listed

GROUP = [(1, "Annabel"), (2, "Anna"), (3, "Coach Carla"), (4, "Anna de Vries"), (5, "Bram")]


def test_a_whole_name_wins_over_names_that_start_with_it() -> None:
    assert named("anna", GROUP) == [(2, "Anna")]
    assert named("@Bram", GROUP) == [(5, "Bram")]


def test_the_start_of_a_name_or_of_one_of_its_words_finds_it() -> None:
    assert named("carla", GROUP) == [(3, "Coach Carla")]
    assert named("vries", GROUP) == [(4, "Anna de Vries")]


def test_a_name_that_fits_several_gives_all_of_them_in_order_and_nothing_gives_none() -> None:
    assert named("ann", GROUP) == [(1, "Annabel"), (2, "Anna"), (4, "Anna de Vries")]
    assert named("Anna", [(2, "Anna"), (6, "anna")]) == [(2, "Anna"), (6, "anna")]
    assert named("Zeno", GROUP) == [] and named("  ", GROUP) == []


def test_an_at_username_counts_by_its_leading_letters() -> None:
    assert named("@cato_t", PEOPLE_FOR_WORDS) == [(3, "Cato")]
    assert named("@Bram", PEOPLE_FOR_WORDS) == [(2, "Bram de Vries")]


def test_words_after_a_whole_name_are_left_over_but_never_find_a_longer_name() -> None:
    assert named("Daan nu graag", PEOPLE_FOR_WORDS) == [(4, "Daan")]
    assert named("Bram de Vries graag", PEOPLE_FOR_WORDS) == [(2, "Bram de Vries")]
    assert named("Bram Jansen", PEOPLE_FOR_WORDS) == []  # not Bram de Vries
    assert named("Piet", PEOPLE_FOR_WORDS) == []
    assert names_listed(PEOPLE_FOR_WORDS) == "Bram de Vries, Cato, Daan"


PEOPLE_FOR_WORDS = [(2, "Bram de Vries"), (3, "Cato"), (4, "Daan")]


def test_punctuation_after_a_name_is_no_part_of_it() -> None:
    """Review ux15: "/cycle Cato?" answered "Ik ken geen lid „Cato?”"."""
    people = [(1, "Anna"), (2, "Cato")]
    assert named("Cato?", people) == [(2, "Cato")]
    assert named("cato, graag!", people) == [(2, "Cato")]
