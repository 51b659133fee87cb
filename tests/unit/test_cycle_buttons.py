"""The cycle's buttons as the group meets them after the moment they were made for: an older
prompt's "next" never moves the cycle on from a later phase or step."""
from __future__ import annotations

from dataclasses import replace

import pytest

from flows.callbacks import CycleButton
from flows.catalog import render
from flows.cycle.events import Consent, Contribution, Next, Swap
from flows.cycle.table import decide
from flows.effects import ButtonsDone, Say
from flows.model import Phase
from tests.unit.test_cycle import ANNA, BOB, CLIP, QUESTION, ctx_for, cycle_in, group_buttons


def next_buttons(effects: tuple[object, ...]) -> list[CycleButton]:
    found = [CycleButton.unpack(b.data) for e in effects if isinstance(e, Say)
             for row in e.buttons for b in row]
    return [b for b in found if b is not None and b.action == "next"]


def test_each_prompt_s_next_button_names_the_phase_or_step_it_was_made_in() -> None:
    into_goal = decide(ctx_for(cycle_in(Phase.WATCHING)), Next(ANNA))
    assert [b.argument for b in next_buttons(into_goal.effects)] == ["goal"]
    into_reality = decide(ctx_for(into_goal.cycle), Next(ANNA))
    assert [b.argument for b in next_buttons(into_reality.effects)] == ["see"]
    into_strong = decide(ctx_for(into_reality.cycle), Next(ANNA, at="see"))
    assert [b.argument for b in next_buttons(into_strong.effects)] == ["strong"]


@pytest.mark.parametrize(("phase", "step", "pressed_at"), [
    (Phase.REALITY, "see", "goal"),  # the Doel prompt's button, pressed in step 1
    (Phase.REALITY, "strong", "see"),
    (Phase.OPTIONS, "", "analysis"),
    (Phase.WILL, "lookback", "commit"),  # the will prompt's button would close the cycle
])
def test_an_older_prompt_s_next_button_is_refused_as_stale(phase: Phase, step: str,
                                                           pressed_at: str) -> None:
    cycle = cycle_in(phase, step=step, commitment="Wachten tot het stil is")
    decision = decide(ctx_for(cycle), Next(ANNA, is_admin=True, at=pressed_at))
    assert decision.refusal is not None and decision.refusal.key == "cycle.refused.stale_next"
    assert decision.cycle == cycle and decision.effects == ()


def test_a_next_button_from_before_buttons_named_their_step_points_to_next() -> None:
    """Sent before this version (cy:7:next): it cannot say where it was made, so it moves
    nothing; its answer points to /next, not to "the button under the latest prompt", which
    may be this very button."""
    cycle = cycle_in(Phase.REALITY, step="see")
    decision = decide(ctx_for(cycle), Next(ANNA, is_admin=True, at=""))
    assert decision.refusal is not None and decision.refusal.key == "cycle.refused.unplaced_next"
    assert decision.cycle == cycle and decision.effects == ()


def test_the_current_prompt_s_button_and_a_typed_next_move_on() -> None:
    cycle = cycle_in(Phase.REALITY, step="see")
    for event in (Next(ANNA, at="see"), Next(ANNA)):
        decision = decide(ctx_for(cycle), event)
        assert not decision.refused and decision.cycle.step == "strong"
    assert "cy:7:next:strong" in group_buttons(decide(ctx_for(cycle), Next(ANNA)))


@pytest.mark.parametrize("event", [Next(ANNA), Next(BOB, is_admin=True)])
def test_next_before_the_proposal_is_confirmed_points_to_its_button(event: Next) -> None:
    """Not "write your commitment first": it was written; it waits for the button."""
    cycle = cycle_in(Phase.WILL, step="commit", proposal_message_id=505,
                     proposed_commitment="Ik wacht vijf tellen na een vraag, zodat meer "
                                         "leerlingen nadenken voordat iemand antwoordt.")
    decision = decide(ctx_for(cycle), event)
    assert decision.refusal is not None and decision.cycle == cycle
    said = render("nl", decision.refusal)
    assert said.startswith("Anna, bevestig eerst je voornemen met de knop")
    assert "(<i>Ik wacht vijf tellen na een vraag, zodat meer leerlingen…</i>)" in said  # whole words
    assert "Schrijf eerst" not in said


def test_a_turn_passed_on_leaves_no_button_of_the_one_who_passed_it() -> None:
    """The new inbrenger's announcement comes after: the old one's accept, consent or
    "did you try it?" would act on the new inbrenger's turn."""
    decision = decide(ctx_for(cycle_in(Phase.AWAITING_CLIP, previous_commitment="Wachten")),
                      Swap(ANNA))
    assert decision.effects[0] == ButtonsDone(7)
    assert isinstance(decision.effects[-1], Say)  # the new announcement, after


def test_showing_the_clip_settles_the_intake_s_buttons() -> None:
    cycle = cycle_in(Phase.AWAITING_CLIP, clip=CLIP, learning_question=QUESTION)
    decision = decide(ctx_for(cycle), Consent(ANNA))
    assert decision.cycle.phase is Phase.WATCHING
    assert ButtonsDone(7, frozenset({"accept", "swap", "wait", "cancel", "consent"})) \
        in decision.effects


def test_a_new_proposal_takes_the_place_of_the_earlier_one_s_button() -> None:
    first = decide(ctx_for(cycle_in(Phase.WILL)), Contribution(ANNA, 800, "Morgen al!"))
    better = decide(ctx_for(first.cycle), Contribution(
        ANNA, 801, "Ik wacht na elke vraag vijf tellen, zodat meer leerlingen nadenken."))
    retired = better.effects.index(ButtonsDone(7, frozenset({"commit"})))
    assert group_buttons(replace(better, effects=better.effects[retired:])) == [
        "cy:7:commit:801"]  # the new proposal comes after the retirement
