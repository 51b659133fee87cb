"""The look back's lines: which move a peer will use again. A thank-you or a compliment at the
end of the talk is kind, and no such move (flows/cycle/lookback.py)."""
from __future__ import annotations

from datetime import timedelta

import pytest

from flows.cycle.events import Contribution, LookBackChoice, MoveLine
from flows.cycle.lookback import is_courtesy
from flows.cycle.table import decide
from flows.effects import Say, SendCoachAddition, StoreContribution, Text
from flows.model import Phase
from tests.unit.test_cycle import ANNA, BOB, CARLA, DAAN, NOW, ctx_for, cycle_in, lines_of
from tests.unit.test_practice import LOOKING, summary_said


@pytest.mark.parametrize("words", [
    "Dank je Bram, mooi gesprek!", "Dank je wel!", "Bedankt allemaal", "Top gedaan Bram!",
    "Heel fijn, dank je", "Dank je wel allemaal voor het meedenken", "Thanks Bram, great talk!",
    # The voice review: these were printed under "Moves we will use again".
    "Thanks Alice, great clip!", "Great clip!", "Nice one Alice", "Thanks, this was really useful!",
    "Mooi filmpje, Bram!", "Heel leerzaam, dank je",
    # Review ux21: a reaction to someone else's line was printed as a move of one's own.
    "👍", "👏👏", "+1", "!!",
    # Review ux23: agreeing with someone else's line, with or without an emoji.
    "ok", "Ja!", "Eens met Daan", "Helemaal mee eens", "Same here", "Mooi gedaan Bram 👍",
    "👍👏 top!",
])
def test_thanks_and_praise_are_courtesy(words: str) -> None:
    assert is_courtesy(words)


@pytest.mark.parametrize("words", [
    "Doorvragen op wat ik zie.", "Wachten na een vraag", "Stilte in het gesprek",
    "Dank je Bram, ik ga vaker doorvragen.", "Ja! Doorvragen op wat ik zie",
    "Open vragen stellen, dat werkt goed", "Mooi hoe je doorvroeg op 1:23",
    # A move named in a word of praise is still a move.
    "Fijn doorvragen", "Knap doorgevraagd", "Goed gedaan met doorvragen", "Super vragen!",
    "Great questions", "Nice reframing",
    # Thanks for a move, named in the same breath.
    "Dank je voor het doorvragen op wat je zag",
    "Ok, ik ga wachten", "Ja, ik ga vaker doorvragen",
])
def test_a_move_is_a_move_with_or_without_thanks(words: str) -> None:
    assert not is_courtesy(words)


def test_a_thank_you_in_the_look_back_is_no_move_and_the_line_may_follow() -> None:
    """Daan thanks Bram: not listed under "Zetten die we weer gebruiken", and the look back
    still waits for his line, which then closes it."""
    cycle = cycle_in(Phase.WILL, lookback_choice=11, **LOOKING)
    ctx = ctx_for(cycle, contributions=lines_of(BOB, CARLA))
    thanks = decide(ctx, Contribution(DAAN, 1201, "Dank je Bram, mooi gesprek!"))
    assert thanks.cycle.phase is Phase.WILL
    assert not [e for e in thanks.effects if isinstance(e, StoreContribution)]
    # He is asked for his move, in reply, so the group does not sit waiting in silence
    # (review ux15: the look back ran its five minutes while /status said all had spoken).
    [ask] = [e for e in thanks.effects if isinstance(e, Say)]
    assert ask.reply_to == 1201 and ask.texts == (Text("cycle.lookback_thanks", {"name": "Daan"}),)
    line = decide(ctx, Contribution(DAAN, 1202, "Stilte laten vallen."))
    assert line.cycle.phase is Phase.CLOSED
    shown = summary_said(line)
    assert "• Daan: Stilte laten vallen." in shown and "Dank je Bram" not in shown


def test_a_thank_you_after_ones_line_asks_for_nothing() -> None:
    cycle = cycle_in(Phase.WILL, lookback_choice=11, **LOOKING)
    ctx = ctx_for(cycle, contributions=lines_of(BOB, CARLA))
    assert decide(ctx, Contribution(BOB, 1203, "Dank je Bram, mooi gesprek!")).effects == ()


def test_a_late_thank_you_is_no_addition() -> None:
    cycle = cycle_in(Phase.CLOSED, commitment="Wachten", lookback_options=(11, 12))
    decision = decide(ctx_for(cycle, contributions=lines_of(BOB)),
                      MoveLine(CARLA, 1300, "Bedankt allemaal!"))
    assert not decision.refused and decision.effects == ()


def test_a_late_choice_of_what_helped_is_taken_within_the_day_late_lines_have() -> None:
    """The inbrenger's choice, pressed after the close, is added for the coach the same day;
    a month later the old button adds nothing (it used to have no limit)."""
    for hours, taken in ((2, True), (23, True), (25, False), (24 * 30, False)):
        closed = cycle_in(Phase.CLOSED, commitment="x", lookback_options=(11,),
                          phase_started_at=NOW - timedelta(hours=hours))
        decision = decide(ctx_for(closed), LookBackChoice(ANNA, 11))
        assert (not decision.refused) is taken, hours
        assert any(isinstance(e, SendCoachAddition) for e in decision.effects) is taken
