"""The bot loads a member's message in goal, reality and options without the cycle's earlier
contributions, its history or its coming meetings (bot/engine/events.load_context: that load
grew with the talk's length and was a third of the bot's work in a burst). This holds the flow
to it: every such message decides the same with that context as with the full one."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from flows.cycle.events import Contribution
from flows.cycle.model import ContributionRef, Cycle, CycleContext
from flows.cycle.table import decide
from flows.model import Member, PastCycle, Phase, RealityStep
from tests.unit.test_cycle import (
    ANNA,
    BOB,
    CARLA,
    CONTRIBUTIONS,
    DAAN,
    EVA,
    MEMBERS,
    NOT_AGREED,
    NOW,
    OUTSIDER,
    ctx_for,
    cycle_in,
    lines_of,
)

# The same talk as the loaded context would hold it, long: every kind of line, a voice note,
# and the very message being decided (a redelivery) among them.
LONG_TALK = CONTRIBUTIONS + tuple(
    ContributionRef(100 + i, (BOB, CARLA, ANNA)[i % 3], "reality",
                    (f"Wat zag je op 0:1{i % 10}?", "Probeer eens een startritueel.",
                     "Op 0:45 draait Tim zich om.")[i % 3], ("open_question", "tip",
                                                            "observation")[i % 3], 600 + i)
    for i in range(30)) + (ContributionRef(200, BOB, "options", "", "voice", 700, "voice", 12),
                           ContributionRef(201, CARLA, "goal", "Wat wil je leren?",
                                           "open_question", 901))

# What else the full load brings: past cycles (one of the inbrenger's) and a member who left.
HISTORY = (PastCycle(ANNA, 1, "Hoe begin ik rustig?", "Bij de deur wachten",
                     ("open_question", "tip")),
           PastCycle(BOB, 1, "Hoe geef ik wachttijd?", None, ("observation",)))

MESSAGES = (
    Contribution(BOB, 901, "Wat wil je leren?"),  # already stored: delivered twice
    Contribution(BOB, 902, "Je zou meer wachttijd kunnen geven na je vraag."),
    Contribution(CARLA, 903, "Op 0:45 vind ik je uitleg heel sterk."),
    Contribution(CARLA, 904, "op 1:10 had je beter kunnen wachten"),
    Contribution(ANNA, 905, "Ik wilde vooral dat ze stil werden."),
    Contribution(BOB, 906, "Dank je, herkenbaar!"),
    Contribution(OUTSIDER, 907, "Mag ik meedoen?"),
    Contribution(EVA, 908, "Wat zie je?"),
    Contribution(BOB, 909, "   "),
)


def _cycles() -> list[Cycle]:
    quiet_start = {"phase_started_at": NOW - timedelta(hours=3)}
    return [
        cycle_in(Phase.GOAL),
        cycle_in(Phase.GOAL, **quiet_start),
        *(cycle_in(Phase.REALITY, step=step) for step in RealityStep),
        cycle_in(Phase.REALITY, step=RealityStep.STRONG, strong_moments=frozenset({BOB})),
        cycle_in(Phase.OPTIONS),
        cycle_in(Phase.OPTIONS, tips_open=True),
    ]


def _lean(full: CycleContext) -> CycleContext:
    """The context as the bot's hot path loads it."""
    return replace(full, contributions=(), history=(), upcoming_meetings=(), former=())


@pytest.mark.parametrize("cycle", _cycles(), ids=lambda c: f"{c.phase.value}-{c.step}")
@pytest.mark.parametrize("message", MESSAGES, ids=lambda m: f"{m.actor}-{m.message_id}")
def test_a_talk_message_decides_the_same_without_what_was_said_before(
        cycle: Cycle, message: Contribution) -> None:
    full = ctx_for(cycle, contributions=LONG_TALK, members=NOT_AGREED,
                   upcoming_meetings=(NOW + timedelta(days=7),), history=HISTORY,
                   former=(Member(OUTSIDER, "Olga", agreed=True),))
    assert decide(_lean(full), message) == decide(full, message)


def test_the_check_can_fail_where_the_talk_matters() -> None:
    """The comparison above sees a difference where earlier words do count: in the will
    phase's look back, the last peer's line closes the cycle only after the others' lines."""
    cycle = cycle_in(Phase.WILL, commitment="Wachten", step="lookback", lookback_choice=11)
    full = ctx_for(cycle, contributions=lines_of(CARLA, DAAN), members=MEMBERS)
    message = Contribution(BOB, 950, "Doorvragen.")
    assert decide(full, message).cycle.phase is Phase.CLOSED
    assert decide(_lean(full), message).cycle.phase is Phase.WILL
