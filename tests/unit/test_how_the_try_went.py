"""Cycle n+1 looks back at the commitment of cycle n (SPEC 1): the goal asks the inbrenger to
tell the group first how it went, and the summaries keep that story. A review of a school term
found the answer to "did you try it?" asked and then dropped: the inbrenger's account got no
reply and appeared nowhere."""
from __future__ import annotations

from datetime import UTC, datetime

from flows.catalog import render_all
from flows.cycle.model import ContributionRef, Cycle, CycleContext
from flows.model import Group, Member, PastCycle, Phase, Settings
from flows.reports.group_summary import group_summary
from flows.reports.written import as_markdown, group_portfolio, member_portfolio

NOW = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)
MEMBERS = (Member(1, "Anna"), Member(2, "Bram"), Member(3, "Cato"))
STORY = ("Deels. Bij de eerste twee vragen lukte het om vijf seconden te wachten, daarna "
         "ging ik toch weer zelf antwoorden toen het stil bleef; op 0:08 en 0:17 zie je het.")


def _summary(lang: str, contributions: tuple[ContributionRef, ...], **cycle: object) -> str:
    closed = Cycle(9, 1, 2, 2, Phase.CLOSED, NOW, learning_question="Hoe wacht ik langer?",
                   commitment="Tellen tot vijf", **cycle)  # type: ignore[arg-type]
    return render_all(lang, group_summary(CycleContext(closed, Settings(), MEMBERS, NOW,
                                                       contributions)))


def test_the_inbrengers_first_words_in_the_goal_are_the_story_of_the_try() -> None:
    talk = (ContributionRef(1, 3, "goal", "Hoe ging het?", "open_question"),
            ContributionRef(2, 2, "goal", STORY, "other"),
            ContributionRef(3, 2, "goal", "Ik wil vooral rustiger worden.", "other"))
    shown = _summary("nl", talk, previous_commitment="Vijf seconden wachten", tried="partly")
    assert "Hoe het ging, volgens Bram: <i>Deels. Bij de eerste twee vragen" in shown
    assert "op 0:08 en 0:17 zie je het." in shown  # the whole story, not a short quote
    assert shown.count("Deels. Bij de eerste") == 1  # not again among the goal's words
    assert "• Ik wil vooral rustiger worden." in shown  # which stay the goal's
    english = _summary("en", talk, previous_commitment="Vijf seconden wachten", tried="partly")
    assert "How it went, in Bram's words: <i>Deels." in english


def test_an_answer_to_another_question_is_no_story() -> None:
    """A review: Cato asked first what makes it hard; Bram's answer was shown as how it went."""
    talk = (ContributionRef(1, 3, "goal", "What makes it hard to keep it up?", "open_question"),
            ContributionRef(2, 2, "goal", "I start talking and repeat the question.", "other"))
    shown = _summary("en", talk, previous_commitment="Wait five seconds", tried="partly")
    assert "How it went" not in shown and "I start talking" in shown  # among the goal's words


def test_a_first_cycle_has_no_story_and_a_silent_inbrenger_none_either() -> None:
    talk = (ContributionRef(2, 2, "goal", "Ik wil vooral rustiger worden.", "other"),)
    assert "Hoe het ging" not in _summary("nl", talk)
    peers_only = (ContributionRef(1, 3, "goal", "Hoe ging het?", "open_question"),)
    assert "Hoe het ging" not in _summary("nl", peers_only, previous_commitment="Wachten")


def _closing(number_before: int, lang: str = "nl", *, for_coach: bool = False,
             later: bool = False) -> str:
    """Bram's cycle 9 closes after `number_before` closed cycles of his (and, `later`, the
    summary is read again after a later one of his)."""
    history = tuple(PastCycle(2, n + 1, f"q{n}", f"c{n}", ("open_question",), cycle_id=n + 1)
                    for n in range(number_before))
    history += (PastCycle(3, 1, "q", "c", ("tip",), cycle_id=8),)  # Cato's: not Bram's count
    if later:
        history += (PastCycle(2, 9, "q", "c", ("tip",), cycle_id=12),)
    closed = Cycle(9, 1, 2, number_before + 1, Phase.CLOSED, NOW, learning_question="q",
                   commitment="c")
    ctx = CycleContext(closed, Settings(), MEMBERS, NOW, (), history=history)
    return render_all(lang, group_summary(ctx, for_coach=for_coach))


def test_the_cycle_that_completes_the_minimum_says_so_once() -> None:
    """A review saw the third cycle end word for word as the first two: nothing told Bram (or
    his coach) that the minimum was done, or where his portfolio was."""
    third = _closing(2)
    assert "🎓 Met deze cyclus heeft Bram er 3 gedaan" in third
    assert "/export in je privéchat" in third
    assert "🎓 Met deze cyclus heeft Bram er 3 gedaan" in _closing(2, later=True)
    assert "🎓" not in _closing(1) and "🎓" not in _closing(3)
    coach = _closing(2, for_coach=True)
    assert "🎓 Met deze cyclus heeft Bram er 3 gedaan" in coach and "/export" not in coach
    assert "With this cycle Bram has done 3" in _closing(2, "en")


def test_the_portfolios_keep_the_story_whole_in_its_own_row() -> None:
    """A review: the story never reached the portfolios; in one cycle it was missing from
    Bram's own (its label kept it out of the goal's lines), in the group's it was cut."""
    cycle = Cycle(9, 1, 2, 2, Phase.CLOSED, NOW, learning_question="Hoe wacht ik langer?",
                  commitment="Tellen tot vijf", previous_commitment="Vijf seconden wachten",
                  tried="partly")
    talk = (ContributionRef(1, 2, "goal", STORY, "other"),)
    group = Group(1, -1, 0, "Pabo", Settings())
    own = as_markdown(member_portfolio("Bram", 2, [(group, MEMBERS, [(cycle, talk)], {})]), "nl")
    assert f"- **Hoe het ging**: Bram: {STORY}" in own
    assert own.count("Deels. Bij de eerste") == 1
    coach = as_markdown(group_portfolio(group, MEMBERS, [(cycle, talk)]), "en")
    assert f"- **How it went**: Bram: {STORY}" in coach
