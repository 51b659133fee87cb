"""A newcomer who arrives while a cycle runs: their first words hear that a cycle runs and
whose (not only "send /join"), and once they join while the group watches, the group does
not wait for them to watch (they may still press it)."""
from __future__ import annotations

from dataclasses import replace

from flows.cycle.events import Arrived, Consent, Contribution, Watched
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
    assert "Er loopt nu een cyclus: de groep praat over de clip die Anna" in words, words
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


def test_who_is_added_to_the_chat_hears_the_cycle_and_is_not_told_twice() -> None:
    """The welcome of someone added to the chat names the running cycle where it is; their
    first words in the talk then hear only, once, that they count after /join (not the
    outsider's line, which would say the same again, and not nothing: review ux21)."""
    ctx = ctx_for(cycle_in(P.GOAL))
    welcomed = decide(ctx, Arrived(((OUTSIDER, "Frank"),), actor=OUTSIDER))
    words = said(welcomed)
    assert words.startswith("👋 Hoi Frank!") and "/join" in words, words
    assert "Er loopt nu een cyclus: de groep praat over de clip die Anna" in words, words
    later = decide(ctx_for(welcomed.cycle), Contribution(OUTSIDER, 902, "Wat zie je daar?"))
    assert said(later) == ("Fijn dat je meepraat! Wat je nu schrijft, telt nog niet mee: stuur "
                           "eerst /join (en druk op Akkoord), zeg het daarna gerust nog eens.")
    again = decide(ctx_for(later.cycle), Contribution(OUTSIDER, 903, "En daarna?"))
    assert said(again) == ""


def test_the_welcome_says_where_the_cycle_is() -> None:
    """Added while the clip is watched, or in the look back, the welcome says so, not that
    the inbrenger "brings in a clip" (review ux21)."""
    arrived = Arrived(((OUTSIDER, "Frank"),), actor=OUTSIDER)
    watching = said(decide(ctx_for(cycle_in(P.WATCHING)), arrived))
    assert "Er loopt nu een cyclus: de groep bekijkt de clip die Anna" in watching, watching
    looking_back = said(decide(ctx_for(cycle_in(P.WILL, step="lookback")), arrived))
    assert "de groep kijkt terug" in looking_back, looking_back
    announced = said(decide(ctx_for(cycle_in(P.ANNOUNCED)), arrived))
    assert "Er loopt nu een cyclus: Anna brengt een clip" in announced, announced


def test_members_and_people_added_together_are_welcomed_in_one_line() -> None:
    """A member who is (also) named in the service message is not welcomed: they take part
    already. Two newcomers added at once get one message naming both."""
    ctx = ctx_for(cycle_in(P.REALITY))
    only_member = decide(ctx, Arrived(((BOB, "Bob"),), actor=BOB))
    assert only_member.effects == () and not only_member.refused
    both = decide(ctx, Arrived(((OUTSIDER, "Frank"), (OUTSIDER + 1, "Gijs"), (BOB, "Bob"))))
    assert said(both).startswith("👋 Hoi Frank, Gijs!"), said(both)
    assert both.cycle.welcomed == {OUTSIDER, OUTSIDER + 1}
