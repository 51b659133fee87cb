"""The portfolio export: each cycle's learning question, commitment and balance."""
from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from flows.catalog import render_all
from flows.cycle.model import ContributionRef, Cycle, CycleContext
from flows.model import FORGOTTEN_NAME, Group, Member, Phase, Settings
from flows.reports.group_summary import group_summary
from flows.reports.portfolio import Held, file_stem, portfolio
from flows.reports.progress import past_cycle
from flows.reports.written import as_html, as_markdown, group_portfolio, member_portfolio

NOW = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)


def test_a_portfolio_lists_each_cycle_with_its_balance() -> None:
    cycle = Cycle(3, 1, 1, 2, Phase.CLOSED, NOW, learning_question="Hoe begin ik rustig?",
                  commitment="Eerst stilte vragen", previous_commitment="Bij de deur wachten")
    contributions = (ContributionRef(1, 2, "reality", "Wat zag je?", "open_question"),
                     ContributionRef(2, 3, "reality", "Doe X.", "tip"),
                     ContributionRef(3, 2, "goal", "Ok", "other"))
    data = portfolio(Group(1, -5, 0, "Pabo 2"), (Member(1, "Anna"),), [(cycle, contributions)])
    assert data["cycles"][0]["contributions"] == {"activating": 1, "neutral": 1,
                                                  "compensating": 1, "welcome_tips": 0}
    assert data["cycles"][0]["previous_commitment"] == "Bij de deur wachten"
    markdown = as_markdown(group_portfolio(Group(1, -5, 0, "Pabo 2"), (Member(1, "Anna"),),
                                           [(cycle, contributions)]), "en")
    assert markdown.startswith("# Portfolio of the group Pabo 2")
    assert "## Anna, cycle 2" in markdown and "- **Commitment**: Eerst stilte vragen" in markdown


def test_the_export_keeps_what_helped_and_the_moves_but_no_unconfirmed_proposal() -> None:
    cycle = Cycle(3, 1, 1, 2, Phase.CLOSED, NOW, learning_question="Hoe begin ik rustig?",
                  proposed_commitment="Morgen al, denk ik!", lookback_choice=1, tried="no")
    contributions = (ContributionRef(1, 2, "reality", "Wat zag je?", "open_question"),
                     ContributionRef(4, 2, "lookback", "Doorvragen", "move"))
    data = portfolio(Group(1, -5, 0, "Pabo 2"), (Member(1, "Anna"), Member(2, "Bo")),
                     [(cycle, contributions)])
    record = data["cycles"][0]
    assert record["commitment"] is None and record["clip_showed_previous_commitment"] == "no"
    assert record["helped_most"] == {"by": "Bo", "text": "Wat zag je?", "kind": "open_question"}
    assert record["moves_to_use_again"] == [{"by": "Bo", "text": "Doorvragen"}]
    assert record["contributions"]["activating"] == 1  # a look-back line is no contribution
    written = group_portfolio(Group(1, -5, 0, "Pabo 2"), (Member(1, "Anna"), Member(2, "Bo")),
                              [(cycle, contributions)])
    assert "  - Bo: Doorvragen" in as_markdown(written, "en")


def test_a_spoken_look_back_line_nobody_could_read_is_exported_by_its_length() -> None:
    cycle = Cycle(3, 1, 1, 2, Phase.CLOSED, NOW, learning_question="Hoe begin ik rustig?")
    contributions = (ContributionRef(5, 2, "lookback", "", "voice", 50, "voice", 14),)
    people = (Member(1, "Anna"), Member(2, "Bo"))
    data = portfolio(Group(1, -5, 0, "Pabo 2"), people, [(cycle, contributions)])
    assert data["cycles"][0]["moves_to_use_again"] == [
        {"by": "Bo", "text": "", "voice_note_seconds": 14}]
    written = as_markdown(group_portfolio(Group(1, -5, 0, "Pabo 2"), people,
                                          [(cycle, contributions)]), "en")
    assert "  - Bo: " in written and "0:14" in written


def test_the_balance_and_the_trend_count_the_peers_not_the_inbrenger_nor_asked_for_tips() -> None:
    """The inbrenger answers ("Goede vraag, daar moet ik over nadenken") and states the
    commitment, which reads like advice: neither activates nor compensates. A tip given after
    the inbrenger opened the floor is welcome. Portfolio, written portfolio and the coach's
    trend read the same balance."""
    cycle = Cycle(3, 1, 1, 2, Phase.CLOSED, NOW, learning_question="Hoe begin ik rustig?",
                  commitment="Ik ga bij de deur staan", welcome_tips=frozenset({13}))
    contributions = (ContributionRef(1, 2, "reality", "Wat zag je?", "open_question", 11),
                     ContributionRef(2, 1, "reality", "Goede vraag, daar moet ik over "
                                     "nadenken.", "opinion", 12),
                     ContributionRef(3, 3, "options", "Een timer werkt bij mij.", "tip", 13),
                     ContributionRef(4, 1, "will", "Ik ga bij de deur staan", "tip", 14))
    members = (Member(1, "Anna"), Member(2, "Bo"), Member(3, "Cas"))
    data = portfolio(Group(1, -5, 0, "Pabo 2"), members, [(cycle, contributions)])
    assert data["cycles"][0]["contributions"] == {"activating": 1, "neutral": 0,
                                                  "compensating": 0, "welcome_tips": 1}
    written = as_markdown(group_portfolio(Group(1, -5, 0, "Pabo 2"), members,
                                          [(cycle, contributions)]), "en")
    assert "1 activating, 0 neutral, 0 compensating" in written
    assert past_cycle(cycle, contributions).activating_share == 1.0


def test_an_unanswered_look_back_is_told_apart_from_none_of_these() -> None:
    said: tuple[ContributionRef, ...] = (
        ContributionRef(1, 2, "reality", "Wat zag je?", "open_question"),)
    people = (Member(1, "Anna"), Member(2, "Bo"))
    unanswered = Cycle(3, 1, 1, 1, Phase.CLOSED, NOW, lookback_options=(1,))
    none = replace(unanswered, id=4, lookback_choice=0)
    running = replace(unanswered, id=5, phase=Phase.OPTIONS)
    rows = [(unanswered, said), (none, said), (running, said)]
    summary = render_all("en", group_summary(CycleContext(unanswered, Settings(), people, NOW,
                                                          said)))
    assert "Helped Anna most</b>: Anna has not chosen yet; a later choice will be added." in summary
    data = portfolio(Group(1, -5, 0, "Pabo 2"), people, rows)
    assert [c["helped_most"] for c in data["cycles"]] == [None, None, None]
    assert [c["helped_most_answer"] for c in data["cycles"]] == [
        "unanswered", "none_of_these", None]
    written = as_markdown(group_portfolio(Group(1, -5, 0, "Pabo 2"), people, rows), "en")
    assert "- **Helped most**: not chosen" in written
    assert "- **Helped most**: none of the contributions offered" in written


def test_every_cycle_has_its_date_and_tips_on_request_are_not_left_out() -> None:
    """Closed at 23:30 UTC on 1 December: the 2nd in the group's Amsterdam."""
    cycle = Cycle(3, 1, 1, 2, Phase.CLOSED, NOW, learning_question="Hoe begin ik rustig?",
                  welcome_tips=frozenset({13}))
    said = (ContributionRef(1, 2, "reality", "Wat zag je?", "open_question", 11),
            ContributionRef(3, 3, "options", "Een timer werkt bij mij.", "tip", 13))
    members = (Member(1, "Anna"), Member(2, "Bo"), Member(3, "Cas"), Member(4, "Dirk"))
    group = Group(1, -5, 0, "Pabo 2")
    held = {3: Held(datetime(2026, 12, 1, 9, 0, tzinfo=UTC),
                    datetime(2026, 12, 1, 23, 30, tzinfo=UTC))}
    written = as_markdown(group_portfolio(group, members, [(cycle, said)], held), "en")
    assert "## Anna, cycle 2 · 2 Dec 2026" in written
    assert "1 activating, 0 neutral, 0 compensating, 1 tip on request" in written
    mine = as_markdown(member_portfolio("Anna", 1, [(group, members, [(cycle, said)], held)]),
                       "nl")
    assert "## Cyclus 2 · Pabo 2 · 2 dec 2026" in mine
    data = portfolio(group, members, [(cycle, said)], held)["cycles"][0]
    assert (data["started_at"], data["closed_at"]) == ("2026-12-01T09:00:00+00:00",
                                                       "2026-12-01T23:30:00+00:00")
    assert data["contributions_per_member"] == [  # Dirk said nothing and was not away
        {"name": "Bo", "activating": 1, "neutral": 0, "compensating": 0, "welcome_tips": 0,
         "voice_notes_unread": 0, "away": False},
        {"name": "Cas", "activating": 0, "neutral": 0, "compensating": 0, "welcome_tips": 1,
         "voice_notes_unread": 0, "away": False}]


def test_the_export_counts_each_peer_who_spoke_or_was_away() -> None:
    """Cato said she was not there today: the export says so, as the coach's summary does;
    Dirk joined the group later and was not there to be quiet."""
    cycle = Cycle(3, 1, 1, 2, Phase.CLOSED, NOW, absent=frozenset({3}))
    contributions = (ContributionRef(1, 2, "reality", "Wat zag je?", "open_question"),)
    people = (Member(1, "Anna"), Member(2, "Bo"), Member(3, "Cato"), Member(4, "Dirk"))
    data = portfolio(Group(1, -5, 0, "Pabo 2"), people, [(cycle, contributions)])
    rows = data["cycles"][0]["contributions_per_member"]
    assert [(row["name"], row["activating"], row["away"]) for row in rows] == [
        ("Bo", 1, False), ("Cato", 0, True)]


def test_a_read_voice_note_whose_words_were_erased_is_not_counted_as_unread() -> None:
    """Bo's note was read (an open question) and its words erased since (/forget): its kind
    stays counted, and it is no note nobody could read."""
    cycle = Cycle(3, 1, 1, 2, Phase.CLOSED, NOW)
    contributions = (
        ContributionRef(1, 2, "reality", "", "open_question", 10, "voice", 20, erased=True),
        ContributionRef(2, 3, "reality", "", "voice", 11, "voice", 8))
    people = (Member(1, "Anna"), Member(2, "Bo"), Member(3, "Cato"))
    record = portfolio(Group(1, -5, 0, "Pabo 2"), people, [(cycle, contributions)])["cycles"][0]
    assert record["voice_notes"] == {"count": 2, "seconds": 28, "unread": 1}
    assert record["contributions"]["activating"] == 1


def test_the_portfolio_files_are_named_after_their_group() -> None:
    """UX review 12: a coach of four groups got intervision-portfolio-1.md ... -4.json; once
    saved, nothing said which group a file was."""
    def stem(title: str) -> str:
        return file_stem(Group(7, -5, 0, title))

    assert stem("PABO jaar 2 – Groep A") == "intervision-portfolio-PABO-jaar-2-Groep-A"
    assert stem("ITT London cohort (2026/27)!") == "intervision-portfolio-ITT-London-cohort-2026-27"
    assert stem("Curaçao, één groep") == "intervision-portfolio-Curacao-een-groep"
    assert stem("  --  ") == stem("👩‍🏫") == "intervision-portfolio-7"  # nothing left: its number
    assert len(stem("Een heel lange naam van een intervisiegroep op de pabo, jaar twee")) <= 62


def test_a_cycle_counts_per_member_only_who_was_a_member_while_it_ran() -> None:
    """UX review 12: Cato's cycle 1 closed, then Eva joined, and the coach's portfolio showed
    "Eva: 0 / 0 / 0" for it; Daan used /forget before it and showed as "—: 0 / 0 / 0". The
    JSON of the same export had neither. Now all three formats name who spoke (Dirk, who
    erased his data since, keeps his counts as "—"), who was away, and Bo, who was a member
    then and said nothing."""
    day = datetime(2026, 12, 1, tzinfo=UTC)
    cycle = Cycle(3, 1, 1, 1, Phase.CLOSED, NOW, absent=frozenset({6}))
    held = {3: Held(day.replace(hour=9), day.replace(hour=10))}
    said = (ContributionRef(1, 4, "reality", "", "open_question", 11, erased=True),)
    before, after = day - timedelta(days=7), day + timedelta(days=1)
    people = (Member(1, "Cato", agreed_at=before), Member(2, "Bo", agreed_at=before),
              Member(3, "Eva", agreed_at=after),  # joined after the cycle
              Member(4, FORGOTTEN_NAME, left_at=after),  # Dirk spoke, then used /forget
              Member(5, FORGOTTEN_NAME, left_at=before),  # Daan used /forget before it
              Member(6, "Fenna", agreed_at=before),  # away today
              Member(7, "Gijs", agreed_at=before, left_at=before + timedelta(days=1)))
    group = Group(1, -5, 0, "Pabo 2")
    written = group_portfolio(group, people, [(cycle, said)], held)
    markdown = as_markdown(written, "nl")
    rows = markdown.split("(activerend / neutraal / compenserend)**:\n")[1].split("\n")
    assert rows[:3] == ["  - Bo: 0 / 0 / 0", "  - Fenna: vandaag afwezig", "  - —: 1 / 0 / 0"]
    assert "Eva" not in markdown and "Gijs" not in markdown and markdown.count("—:") == 1
    assert "<li>Bo: 0 / 0 / 0</li>" in as_html(written, "nl") and "Eva" not in as_html(
        written, "nl")
    data = portfolio(group, people, [(cycle, said)], held)["cycles"][0]
    assert [(row["name"], row["activating"], row["away"])
            for row in data["contributions_per_member"]] == [
        ("Bo", 0, False), ("Fenna", 0, True), ("—", 1, False)]
