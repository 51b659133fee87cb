"""What helped the inbrenger most, once its words are gone (the writer used /forget, or the
group's retention erased them): the summaries and portfolios say so, instead of quoting
nothing ("Hielp Bram het meest: ?: ")."""
from __future__ import annotations

import json
from datetime import UTC, datetime

from flows.catalog import render_all
from flows.cycle.model import ContributionRef, Cycle, CycleContext
from flows.model import Group, Member, Phase, Settings
from flows.reports.group_summary import group_summary
from flows.reports.portfolio import portfolio
from flows.reports.written import as_html, as_markdown, group_portfolio

NOW = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)
ANNA, BRAM, CATO = 700100200, 700100201, 700100202
GROUP = Group(1, -100555000111, 0, "Pabo")
# Cato erased her data: she is no longer a member by name, and her words are gone.
PEOPLE = (Member(ANNA, "Anna"), Member(BRAM, "Bram"), Member(CATO, "—"))
TALK = (ContributionRef(1, ANNA, "reality", "Op 0:12 kijkt niemand op.", "observation"),
        ContributionRef(2, CATO, "options", "", "open_question"))
CYCLE = Cycle(1, 1, BRAM, 1, Phase.CLOSED, NOW, learning_question="Hoe begin ik rustig?",
              commitment="Bij de deur wachten", lookback_choice=2)


def test_the_summary_says_the_words_are_no_longer_kept() -> None:
    members = PEOPLE[:2]  # the summary knows the group's members of today
    expected = {
        "nl": "Hielp Bram het meest</b>: een bijdrage waarvan de woorden niet meer bewaard zijn.",
        "en": "Helped Bram most</b>: a contribution whose words are no longer kept."}
    for language in ("nl", "en"):
        summary = render_all(language, group_summary(
            CycleContext(CYCLE, Settings(language=language), members, NOW, TALK)))
        assert expected[language] in summary
        assert "?: " not in summary and "<i></i>" not in summary


def test_the_portfolio_says_so_too_and_its_data_has_no_empty_quote() -> None:
    written = group_portfolio(GROUP, PEOPLE, [(CYCLE, TALK)])
    markdown = as_markdown(written, "nl")
    assert "- **Hielp het meest**: een bijdrage waarvan de woorden niet meer bewaard zijn" \
        in markdown
    assert "—: \n" not in markdown + "\n"
    assert "a contribution whose words are no longer kept" in as_html(written, "en")
    data = portfolio(GROUP, PEOPLE, [(CYCLE, TALK)])
    [cycle] = json.loads(json.dumps(data))["cycles"]
    assert cycle["helped_most"]["text"] is None
    assert cycle["helped_most_answer"] == "contribution"


# Bram, the inbrenger, erased his words since (review ux20): his commitment was confirmed, then
# erased with the rest, and he joined the group again under the same name.
ERASED = Cycle(1, 1, BRAM, 1, Phase.CLOSED, NOW, lookback_choice=1, erased_by_inbrenger=True)


def test_an_erased_inbrengers_cycle_says_so_and_names_him_nowhere() -> None:
    members = PEOPLE[:2]  # Bram joined again: a member of today, by his name
    expected = {
        "nl": ("Voornemen</b>: gewist door de inbrenger", "Hielp een groepsgenoot het meest",
               "van —"),
        "en": ("Commitment</b>: erased by the inbrenger", "Helped a group member most", "—")}
    for language in ("nl", "en"):
        summary = render_all(language, group_summary(
            CycleContext(ERASED, Settings(language=language), members, NOW, TALK)))
        for words in expected[language]:
            assert words in summary, summary
        assert "Bram" not in summary
        assert "niet bevestigd" not in summary and "none confirmed" not in summary


def test_an_erased_inbrengers_own_choice_is_not_told_as_not_made() -> None:
    """"Hielp — het meest: niet gevraagd; — verliet de chat" said of one who chose nothing:
    his choice, or that he made none, went with his words."""
    for choice in (None, 0):
        summary = render_all("nl", group_summary(CycleContext(
            Cycle(1, 1, BRAM, 1, Phase.CLOSED, NOW, lookback_choice=choice,
                  erased_by_inbrenger=True), Settings(), PEOPLE[:1], NOW, TALK)))
        assert "Hielp" not in summary and "verliet de chat" not in summary, summary


def test_the_groups_portfolio_of_an_erased_inbrengers_cycle_names_no_one() -> None:
    """Bram joined again as Bram: the cycle he erased stays "—", its commitment "erased"."""
    written = group_portfolio(GROUP, PEOPLE, [(ERASED, TALK)])
    markdown = as_markdown(written, "nl")
    assert "Bram" not in markdown and "gewist door de inbrenger" in markdown, markdown
    assert "erased by the inbrenger" in as_html(written, "en")
    [cycle] = portfolio(GROUP, PEOPLE, [(ERASED, TALK)])["cycles"]
    assert cycle["inbrenger"] == "—"
