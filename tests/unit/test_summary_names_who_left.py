"""A member who left the group after speaking in a cycle (/leave, or leaving the chat) is
still named where the summary quotes them, and their part is still in its participation
picture: the summary tells what happened in that cycle, not who is a member today. Before,
their words were quoted as "?: ..." and their counts were gone."""
from __future__ import annotations

from datetime import UTC, datetime

from flows.catalog import render_all
from flows.cycle.model import ContributionRef, Cycle, CycleContext
from flows.model import Member, Phase, Settings
from flows.reports.coach_summary import coach_summary
from flows.reports.group_summary import group_summary

NOW = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)
ANNA, BRAM, DAAN, EVA = 1, 2, 4, 5
TODAY = (Member(ANNA, "Anna"), Member(BRAM, "Bram"))
LEFT = (Member(DAAN, "Daan"), Member(EVA, "Eva"))  # Eva left long before this cycle
TALK = (ContributionRef(1, ANNA, "reality", "Op 0:12 kijkt niemand op.", "observation"),
        ContributionRef(2, DAAN, "reality", "Wat merkte je bij jezelf toen?", "open_question"))
CYCLE = Cycle(1, 1, BRAM, 1, Phase.CLOSED, NOW, learning_question="Hoe begin ik rustig?",
              commitment="Bij de deur wachten")


def test_the_summary_names_who_left_and_counts_what_they_said() -> None:
    ctx = CycleContext(CYCLE, Settings(), TODAY, NOW, TALK, former=LEFT)
    summary = render_all("nl", group_summary(ctx))
    assert "• Daan: Wat merkte je bij jezelf toen?" in summary
    # Said that he stopped: listed with no note, his part read as if he were still there
    # (UX review 10, #13).
    assert "• Daan (gestopt): 1 vraag" in summary
    assert "• Anna: 1 waarneming" in summary  # who stays is named as ever
    assert "?:" not in summary
    assert "Eva" not in summary  # not in this cycle: not "listened this time" either
    coach = render_all("nl", coach_summary(ctx, "Pabo", ()))
    assert "• Daan (gestopt): 1 / 0 / 0" in coach and "Eva" not in coach
    assert "• Daan (left): 1 question" in render_all("en", group_summary(ctx))
