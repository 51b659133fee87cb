"""A newcomer who arrives while a cycle runs: their first words hear that a cycle runs and
whose (not only "send /join"), and once they join while the group watches, the group does
not wait for them to watch (they may still press it)."""
from __future__ import annotations

from dataclasses import replace

from flows.cycle.events import Consent, Contribution, Watched
from flows.cycle.table import decide
from flows.cycle.watching import still_to_watch
from flows.model import Member, Phase
from tests.unit.test_cycle import (
    ANNA,
    BOB,
    CARLA,
    DAAN,
    MEMBERS,
    OUTSIDER,
    ctx_for,
    cycle_in,
    said,
)

P = Phase
NEWCOMER = Member(OUTSIDER, "Frank", agreed=True)


def test_an_outsiders_first_words_hear_that_a_cycle_runs_and_whose() -> None:
    decision = decide(ctx_for(cycle_in(P.GOAL)),
                      Contribution(OUTSIDER, 901, "Hoi allemaal, wat is hier de bedoeling?"))
    words = said(decision)
    assert "Er loopt nu een cyclus: Anna brengt een clip" in words, words
    assert "/join" in words and "ook nu nog" in words


def test_the_watching_keeps_who_was_a_member_when_it_began() -> None:
    cycle = cycle_in(P.AWAITING_CLIP, clip=cycle_in(P.GOAL).clip, learning_question="Hoe?")
    watching = decide(ctx_for(cycle), Consent(ANNA)).cycle
    assert watching.phase is P.WATCHING
    assert watching.watch_gate == frozenset({ANNA, BOB, CARLA, DAAN})


def test_a_member_who_joins_while_the_group_watches_is_not_waited_for() -> None:
    cycle = cycle_in(P.WATCHING, watch_gate=frozenset({ANNA, BOB, CARLA, DAAN}),
                     watched_by=frozenset({BOB, CARLA}))
    ctx = ctx_for(cycle, members=(*MEMBERS, NEWCOMER))
    assert NEWCOMER not in still_to_watch(ctx.members, cycle)
    assert decide(ctx, Watched(DAAN)).cycle.phase is P.GOAL
    pressed = decide(ctx, Watched(OUTSIDER))  # the newcomer may still press it
    assert not pressed.refused and OUTSIDER in pressed.cycle.watched_by


def test_a_cycle_stored_before_the_gate_was_kept_waits_for_every_member() -> None:
    cycle = cycle_in(P.WATCHING, watched_by=frozenset({BOB, CARLA, DAAN}))
    ctx = ctx_for(cycle, members=(*MEMBERS, NEWCOMER))
    assert still_to_watch(ctx.members, cycle) == (NEWCOMER,)
    assert still_to_watch(ctx.members, replace(cycle, watch_gate=frozenset({ANNA}))) == ()
