"""The written portfolio (issue 18): a member's cycles across groups, in their language, as
Markdown and HTML with every member's words escaped and no Telegram id anywhere."""
from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from flows.catalog import render_all
from flows.cycle.model import ContributionRef, Cycle, CycleContext
from flows.model import Group, Member, Phase, Settings
from flows.reports.group_summary import group_summary
from flows.reports.portfolio import Held, portfolio
from flows.reports.written import (
    as_html,
    as_markdown,
    group_portfolio,
    markdown_escape,
    member_portfolio,
)

NOW = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)
ANNA, BO, CATO = 700100200, 700100201, 700100202
GROUP = Group(1, -100555000111, 0, "Pabo <2>")
PEOPLE = (Member(ANNA, "Anna"), Member(BO, "Bo"), Member(CATO, "Cato"))


def _cycle(number: int, inbrenger: int = ANNA, **fields: object) -> Cycle:
    return Cycle(number, 1, inbrenger, number, Phase.CLOSED, NOW, **fields)  # type: ignore[arg-type]


TALK = (
    ContributionRef(1, BO, "reality", "Op 0:12 zie ik dat <b>niemand</b> opkijkt.", "observation"),
    ContributionRef(2, CATO, "reality", "Doe gewoon *strenger*.", "tip"),
    ContributionRef(3, CATO, "options", "Je zou kunnen wachten bij de deur.", "tip"),
    ContributionRef(4, ANNA, "options", "Misschien eerst de opdracht op het bord.", "reflection"),
    ContributionRef(5, BO, "lookback", "Eerst vragen wat iemand zag.", "move"),
)
FIRST = _cycle(1, learning_question="Hoe begin ik rustig?", commitment="Bij de deur wachten",
               lookback_choice=1)
SECOND = _cycle(2, learning_question="Hoe houd ik de rust vast?",
                previous_commitment="Bij de deur wachten", tried="partly",
                proposed_commitment="Niet bevestigd", lookback_choice=0)


def _anna() -> object:
    return member_portfolio("Anna", ANNA, [(GROUP, PEOPLE, [(FIRST, TALK), (SECOND, ()),
                                                            (_cycle(3, BO), ())], {})])


def test_a_members_portfolio_tells_each_of_their_cycles_in_dutch() -> None:
    markdown = as_markdown(_anna(), "nl")  # type: ignore[arg-type]
    assert markdown.startswith("# Portfolio van Anna")
    assert "## Cyclus 1 · Pabo \\<2\\>" in markdown and "## Cyclus 2" in markdown
    assert "Cyclus 3" not in markdown  # Bo brought that one in
    assert "- **Leervraag**: Hoe begin ik rustig?" in markdown
    # Peers unnamed: Anna hands it in at school, and what is said stays in the group.
    assert "  - Een groepsgenoot: Op 0:12 zie ik dat \\<b\\>niemand\\</b\\> opkijkt." \
        in markdown  # reality
    assert "strenger" not in markdown  # an unasked tip is no part of reality's story
    assert "  - Een groepsgenoot: Je zou kunnen wachten bij de deur." in markdown  # ideas
    assert "- **Voornemen**: Bij de deur wachten" in markdown
    assert "- **Hielp het meest**: Een groepsgenoot: Op 0:12" in markdown
    assert "  - Een groepsgenoot: Eerst vragen wat iemand zag." in markdown
    assert "Bo:" not in markdown and "Cato" not in markdown
    assert "  - A peer: Eerst vragen wat iemand zag." in as_markdown(_anna(), "en")  # type: ignore[arg-type]
    assert "„Bij de deur wachten”; liet de nieuwe clip het zien? deels" in markdown
    assert "geen voornemen bevestigd" in markdown and "Niet bevestigd" not in markdown
    assert "geen van de aangeboden bijdragen" in markdown


def test_in_english_for_an_english_reader() -> None:
    markdown = as_markdown(_anna(), "en")  # type: ignore[arg-type]
    assert markdown.startswith("# Portfolio of Anna")
    assert "- **Learning question**: Hoe begin ik rustig?" in markdown
    assert "did the new clip show it? partly" in markdown


def test_html_is_escaped_and_no_telegram_id_is_anywhere() -> None:
    page = as_html(_anna(), "nl")  # type: ignore[arg-type]
    assert page.startswith("<!DOCTYPE html>") and '<html lang="nl">' in page
    assert "&lt;b&gt;niemand&lt;/b&gt;" in page and "<b>niemand" not in page
    assert "<h2>Cyclus 1 · Pabo &lt;2&gt;</h2>" in page
    everyone = group_portfolio(GROUP, PEOPLE[:1], [(FIRST, TALK), (_cycle(3, BO), ())])
    for written in (page, as_markdown(everyone, "en"), as_html(everyone, "en")):
        assert not any(str(n) in written for n in (ANNA, BO, CATO, GROUP.chat_id))
    assert "?, cycle 3" in as_markdown(everyone, "en")  # a name unknown: never the id


def test_markdown_escaping_keeps_words_literal_on_one_line() -> None:
    assert markdown_escape("a *b*\n# c [d](e)") == "a \\*b\\* \\# c \\[d\\](e)"


def test_an_empty_portfolio_says_so() -> None:
    empty = member_portfolio("Dirk", 1, [])
    assert "Nog geen cycli" in as_markdown(empty, "nl") and "No cycles" in as_html(empty, "en")


def test_the_portfolio_keeps_the_goal_and_the_inbrengers_own_insights_as_the_summary_does() -> None:
    """Bram's own words are labelled as the classifier labels peers' words ("other", a "tip"):
    the group summary kept them as his insight, and so does his portfolio."""
    bram = Member(BO, "Bram")
    talk = (ContributionRef(1, BO, "goal", "Ik wil dat ze rustig binnenkomen.", "other"),
            ContributionRef(2, CATO, "goal", "Wat zie je als het rustig is?", "open_question"),
            ContributionRef(3, BO, "reality", "Ik werd ongeduldig en begon harder te praten.",
                            "other"),
            ContributionRef(4, BO, "reality", "Ja klopt.", "affirmation"),
            ContributionRef(5, CATO, "reality", "Op 0:40 kijkt niemand op.", "observation"))
    cycle = _cycle(1, BO, learning_question="Hoe blijf ik rustig?", commitment="Zachter praten")
    people = (Member(ANNA, "Anna"), bram, Member(CATO, "Cato"))
    markdown = as_markdown(member_portfolio("Bram", BO, [(GROUP, people, [(cycle, talk)], {})]),
                           "nl")
    goal = markdown.split("- **Doel**:")[1].split("- **Realiteit**")[0]
    assert "  - Bram: Ik wil dat ze rustig binnenkomen." in goal
    assert "  - Een groepsgenoot: Wat zie je als het rustig is?" in goal
    reality = markdown.split("- **Realiteit**:")[1].split("- **Voornemen**")[0]
    assert "  - Bram: Ik werd ongeduldig en begon harder te praten." in reality
    assert "Ja klopt" not in markdown
    summary = render_all("nl", group_summary(CycleContext(cycle, Settings(), people, NOW, talk)))
    assert "• Ik werd ongeduldig en begon harder te praten." in summary
    assert "• Ik wil dat ze rustig binnenkomen." in summary


def test_a_cycle_stopped_before_its_talk_is_left_out_and_one_stopped_in_it_says_so() -> None:
    """Anna was ill: her first turn was cancelled before the meeting and she brought in a week
    later; her second cycle stopped in the middle of the talk. The portfolio shows one "cycle
    1", not an empty one before it, and says the other stopped (found by a review)."""
    never_held = Cycle(1, 1, ANNA, 1, Phase.CANCELLED, NOW)
    stopped = Cycle(3, 1, ANNA, 2, Phase.CANCELLED, NOW, learning_question="Hoe houd ik rust?")
    portfolio = member_portfolio("Anna", ANNA, [(GROUP, PEOPLE, [
        (never_held, ()), (FIRST, TALK), (stopped, (TALK[0],))], {})])
    markdown = as_markdown(portfolio, "nl")
    assert markdown.count("## Cyclus 1 ") == 1
    assert "## Cyclus 2 · Pabo \\<2\\> (gestopt voor het einde)" in markdown, markdown
    assert "(stopped before its end)" in as_markdown(portfolio, "en")


def test_a_name_is_escaped_where_it_says_who_said_what() -> None:
    people = (Member(ANNA, "Anna"), Member(BO, "Bo <b>de Vries</b>"), Member(CATO, "Cato_K"))
    written = group_portfolio(GROUP, people, [(FIRST, TALK)])
    page = as_html(written, "nl")
    assert "<li>Bo &lt;b&gt;de Vries&lt;/b&gt;: Op 0:12" in page and "<b>de Vries" not in page
    assert "  - Cato\\_K: Je zou kunnen wachten bij de deur." in as_markdown(written, "nl")


def test_a_first_cycle_asks_nothing_about_a_commitment_and_a_running_one_says_it_runs() -> None:
    running = replace(_cycle(4, BO, learning_question="Hoe start ik rustig?"), phase=Phase.REALITY)
    markdown = as_markdown(group_portfolio(GROUP, PEOPLE, [(FIRST, TALK), (running, ())]), "nl")
    first, second = markdown.split("\n## ")[1:]
    assert "(loopt nog)" not in first and "(loopt nog)" in second.splitlines()[0]
    assert "liet de nieuwe clip het zien" not in markdown  # neither had a commitment before


def test_the_groups_portfolio_counts_each_peer_and_a_members_own_does_not() -> None:
    """The second UX review: the coach's group portfolio had only the cycle's total; the
    coach summary counts per member, and so does the portfolio the coach exports now."""
    agreed = tuple(replace(m, agreed=True) for m in PEOPLE)
    coach = as_markdown(group_portfolio(GROUP, agreed, [(FIRST, TALK)]), "en")
    assert "- **Per member (activating / neutral / compensating)**:\n  - Bo: 1 / 0 / 0\n" \
        "  - Cato: 0 / 0 / 2" in coach
    assert "Anna: " not in coach.split("Per member")[1]  # the inbrenger answers, not counted
    own = as_markdown(member_portfolio("Anna", ANNA, [(GROUP, agreed, [(FIRST, TALK)], {})]),
                      "en")
    assert "Per member" not in own and "Bo: 1 / 0 / 0" not in own


def test_a_members_own_words_are_whole_in_their_portfolio_and_peers_are_quoted() -> None:
    """UX review 7: Bram's portfolio, which he hands in for school, cut his own reflection at
    90 characters ("... tot iemand…"). His own words (the talk, the learning question, the
    commitments) are whole there; a peer's stay a short quote, and so do his own in the
    group's portfolio the coach reads."""
    own = ("Ik denk dat de helft al aan het nadenken is, maar de rest wacht gewoon af tot "
           "iemand anders antwoordt.")
    peer = ("Op 0:12 zie ik dat de meeste leerlingen naar het bord kijken en dat twee jongens "
            "achterin met iets anders bezig zijn.")
    commitment = ("Ik ga na elke vraag vijf seconden wachten voordat ik iemand een beurt geef, "
                  "zodat ook de stillere leerlingen tijd hebben om na te denken.")
    question = ("Hoe kan ik ervoor zorgen dat meer leerlingen meedoen als ik een vraag aan de "
                "klas stel, ook de stillere?")
    talk = (ContributionRef(1, ANNA, "reality", own, "opinion"),
            ContributionRef(2, BO, "reality", peer, "observation"),
            ContributionRef(3, ANNA, "options", own.replace("helft", "klas"), "tip"))
    cycle = _cycle(2, learning_question=question, commitment=commitment,
                   previous_commitment=commitment, tried="partly")
    mine = as_markdown(member_portfolio("Anna", ANNA, [(GROUP, PEOPLE, [(cycle, talk)], {})]),
                       "nl")
    assert f"  - Anna: {own}" in mine and "anders antwoordt." in mine.split("Opties")[1]
    assert f"- **Leervraag**: {question}" in mine and f"- **Voornemen**: {commitment}" in mine
    assert f"„{commitment}”" in mine
    assert "  - Een groepsgenoot: Op 0:12 zie ik dat de meeste leerlingen" in mine \
        and "achterin met" not in mine
    coach = as_markdown(group_portfolio(GROUP, PEOPLE, [(cycle, talk)]), "nl")
    assert f"Anna: {own}" not in coach and "Anna: Ik denk dat de helft" in coach


def test_the_groups_portfolio_dates_each_cycle_by_its_meeting_and_only_announces_one_ahead() -> None:
    """UX review 7: the coach's export told a cycle only announced (no clip yet) as if held
    ("Leervraag: —", "niet beantwoord", rows of 0 / 0 / 0), dated it by its announcement while
    the others had their meeting's day, and dropped the (+1) of a tip given on request that
    the coach summary showed."""
    meeting = datetime(2027, 2, 9, 14, 0, tzinfo=UTC)  # a Tuesday; announced the Sunday before
    held = replace(_cycle(1, BO, learning_question="Hoe houd ik de rust?", commitment="Wachten",
                          welcome_tips=frozenset({12}), absent=frozenset({ANNA})),
                   meeting_at=meeting)
    talk = (ContributionRef(1, CATO, "options", "Probeer een timer.", "tip", 12),
            ContributionRef(2, CATO, "reality", "Wat zag je op 0:10?", "open_question", 13))
    ahead = Cycle(2, 1, CATO, 1, Phase.ANNOUNCED, NOW, meeting_at=meeting + timedelta(days=7),
                  previous_commitment="Eerst stilte")
    dates = {1: Held(meeting - timedelta(days=2), meeting + timedelta(minutes=20)),
             2: Held(meeting + timedelta(days=5))}
    agreed = tuple(replace(m, agreed=True) for m in PEOPLE)
    written = group_portfolio(GROUP, agreed, [(held, talk), (ahead, ())], dates)
    dutch, english = as_markdown(written, "nl"), as_markdown(written, "en")
    assert "## Bo, cyclus 1 · 9 feb 2027\n" in dutch and "## Bo, cycle 1 · 9 Feb 2027\n" in english
    assert dutch.endswith("## Cato, cyclus 1 · 16 feb 2027 (aangekondigd, nog niet besproken)\n\n")
    assert english.endswith("## Cato, cycle 1 · 16 Feb 2027 (announced, not discussed yet)\n\n")
    assert "Leervraag**: —" not in dutch and "niet beantwoord" not in dutch
    assert "  - Cato: 1 / 0 / 0 (+1)\n" in dutch and "  - Anna: vandaag afwezig" in dutch
    assert "(+n): tips, meningen of uitleg nadat de inbrenger erom vroeg" in dutch
    assert "<h2>Cato, cyclus 1 · 16 feb 2027 (aangekondigd, nog niet besproken)</h2>\n</body>" \
        in as_html(written, "nl")
    data = portfolio(GROUP, agreed, [(held, talk), (ahead, ())], dates)["cycles"]
    assert [c["meeting_at"] for c in data] == ["2027-02-09T14:00:00+00:00",
                                               "2027-02-16T14:00:00+00:00"]
