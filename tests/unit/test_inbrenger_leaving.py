"""The inbrenger leaves the group once the clip was shown (flows/cycle/leaving.py): before
their commitment the cycle stops and the turn is given back to the rotation; after it the
cycle closes as usual, through the group's look back, which does not wait for their pick."""
from __future__ import annotations

import pytest

from flows.cycle.events import THE_BOT, Cancel, Contribution, MemberLeft
from flows.cycle.model import LOOKBACK, ContributionRef, Cycle, Decision
from flows.cycle.table import decide
from flows.effects import RecordTurn, ReturnTurn, SendCoachSummary, SetTimer
from flows.model import Member, Phase
from tests.unit.test_cycle import ANNA, BOB, CARLA, DAAN, MEMBERS, ctx_for, cycle_in, said

P = Phase
COMMITMENT = "Ik ga na elke vraag vijf tellen wachten, zodat meer leerlingen meedoen."
GONE = MEMBERS[1:]  # Anna, the inbrenger, is no longer a member when the event comes


def test_leaving_after_the_commitment_goes_to_the_groups_look_back() -> None:
    cycle = cycle_in(P.WILL, step="commit", commitment=COMMITMENT)
    decision = decide_left(cycle)
    assert decision.cycle.phase is P.WILL and decision.cycle.step == "lookback"
    words = said(decision)
    assert "kan het niet verder" not in words and "gestopt" not in words
    assert "voornemen van Anna is genoteerd" in words
    assert "welke bijdrage" not in words.lower()  # no pick asked of who left
    # ... so the group's question opens the look back ("En de anderen" followed nothing).
    assert "Terugblik: welke zet uit dit gesprek" in words and "En de anderen" not in words
    assert not any(isinstance(e, ReturnTurn) for e in decision.effects)
    assert any(isinstance(e, SetTimer) and e.event == "lookback_end" for e in decision.effects)


def test_the_look_back_closes_without_the_pick_of_an_inbrenger_who_left() -> None:
    cycle = cycle_in(P.WILL, step="lookback", commitment=COMMITMENT)
    ctx = ctx_for(cycle, members=GONE, contributions=())
    half = decide(ctx, Contribution(BOB, 801, "Ik ga vaker doorvragen op wat ze zien."))
    assert half.cycle.phase is P.WILL
    ctx = ctx_for(half.cycle, members=GONE, contributions=ctx_of_lines(BOB, CARLA))
    closed = decide(ctx, Contribution(DAAN, 803, "Ik ga vaker stiltes laten vallen."))
    assert closed.cycle.phase is P.CLOSED
    # Never asked, not "did not choose" (a review), and no later choice to wait for.
    assert "niet gevraagd; " in said(closed) and "verliet de chat voor de terugblik" in said(closed)
    assert "niet gekozen" not in said(closed)
    assert any(isinstance(e, SendCoachSummary) for e in closed.effects)
    assert any(isinstance(e, SetTimer) and e.event == "followup" for e in closed.effects)


def test_leaving_in_the_look_back_once_every_line_is_in_closes_the_cycle() -> None:
    cycle = cycle_in(P.WILL, step="lookback", commitment=COMMITMENT)
    ctx = ctx_for(cycle, members=GONE, contributions=ctx_of_lines(BOB, CARLA, DAAN))
    assert decide(ctx, MemberLeft(ANNA, "Anna")).cycle.phase is P.CLOSED


@pytest.mark.parametrize("phase,step", [(P.WATCHING, ""), (P.GOAL, ""), (P.REALITY, "see"),
                                        (P.OPTIONS, ""), (P.WILL, "commit")])
def test_leaving_before_the_commitment_stops_and_gives_the_turn_back(phase: Phase,
                                                                     step: str) -> None:
    decision = decide_left(cycle_in(phase, step=step))
    assert decision.cycle.phase is P.CANCELLED
    assert ReturnTurn(ANNA) in decision.effects
    assert not any(isinstance(e, RecordTurn) for e in decision.effects)


def test_leaving_before_the_clip_was_shown_gives_back_no_turn() -> None:
    decision = decide_left(cycle_in(P.AWAITING_CLIP), members=MEMBERS[1:2])
    assert decision.cycle.phase is P.CANCELLED
    assert not any(isinstance(e, ReturnTurn) for e in decision.effects)


def decide_left(cycle: Cycle, members: tuple[Member, ...] = GONE) -> Decision:
    return decide(ctx_for(cycle, members=members), MemberLeft(ANNA, "Anna"))


def ctx_of_lines(*who: int) -> tuple[ContributionRef, ...]:
    """The peers' look-back lines given so far."""
    return tuple(ContributionRef(900 + n, user, LOOKBACK, "Ik ga vaker doorvragen.", "other",
                                 800 + n) for n, user in enumerate(who))



def test_a_cycle_stopped_in_the_talk_gives_the_turn_back_whoever_stopped_it() -> None:
    """The talk about the clip never ended, so the turn counted at the clip goes back, when
    the bot was taken out of the chat and after an admin's or the inbrenger's /cancel alike
    (review ux14: Bram stood at the back of the rotation after an admin's /cancel)."""
    talking = cycle_in(P.REALITY, step="see")
    removed = decide(ctx_for(talking), Cancel(THE_BOT, True))
    assert removed.cycle.phase is P.CANCELLED and removed.cycle.stopped_by is None
    assert ReturnTurn(talking.inbrenger_id) in removed.effects
    stopped = decide(ctx_for(talking), Cancel(ANNA, who="Anna"))
    assert ReturnTurn(talking.inbrenger_id) in stopped.effects
    assert stopped.cycle.stopped_by == "Anna"
    announced = decide(ctx_for(cycle_in(P.AWAITING_CLIP)), Cancel(THE_BOT, True))
    assert not any(isinstance(e, ReturnTurn) for e in announced.effects)  # no turn counted
