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
