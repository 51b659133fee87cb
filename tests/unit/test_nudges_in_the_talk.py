"""Nudges as the talk moves on (found by a review of flows/nudging): a voice note read after
its phase says nothing and so holds nobody's next nudge back, a member who named their strong
moment is not asked for one, and a run of closed questions starts over at a new prompt."""
from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from flows.catalog import render_all
from flows.cycle.events import Next
from flows.cycle.model import Clip, Cycle, CycleContext
from flows.cycle.table import decide
from flows.cycle.talk import respond_to_tick, respond_to_words
from flows.effects import LogNudge, Say, SayPrivately
from flows.model import Member, Phase, RealityStep, Settings

T = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)
ILSE, ANNA, BO, CATO = 1, 2, 3, 4
MEMBERS = tuple(Member(uid, name, True, agreed=True)
                for uid, name in ((ILSE, "Ilse"), (ANNA, "Anna"), (BO, "Bo"), (CATO, "Cato")))
TIP = "Je zou meer wachttijd kunnen geven."


def at(cycle: Cycle, minutes: float, language: str = "nl") -> CycleContext:
    return CycleContext(cycle, Settings(language=language), MEMBERS, T + timedelta(minutes=minutes))


def nudged(decision_effects: tuple[object, ...]) -> bool:
    return any(isinstance(e, (SayPrivately, LogNudge)) for e in decision_effects)


def test_a_tip_read_after_its_phase_holds_no_later_nudge_back() -> None:
    reality = Cycle(9, 1, ILSE, 1, Phase.REALITY, T)
    late = respond_to_words(at(reality, 0), ANNA, 50, TIP, "nl", nudge=False, voice=True)
    assert not nudged(late.effects) and late.cycle.welcome_tips == frozenset()
    typed = respond_to_words(at(late.cycle, 2), ANNA, 51, TIP, "nl")
    assert nudged(typed.effects)


def test_only_a_message_that_was_nudged_counts_as_a_nudge_for_the_coach() -> None:
    goal = Cycle(9, 1, ILSE, 1, Phase.GOAL, T)
    asked = respond_to_words(at(goal, 1), ANNA, 50, "Wat wilde je daar bereiken?", "nl")
    assert not any(isinstance(e, LogNudge) for e in asked.effects)
    tipped = respond_to_words(at(asked.cycle, 2), BO, 51, TIP, "nl")
    assert [e for e in tipped.effects if isinstance(e, LogNudge)] == [LogNudge(BO, "tip", 51)]


def test_a_late_tip_is_not_welcome_because_the_floor_opened_since() -> None:
    options = Cycle(9, 1, ILSE, 1, Phase.OPTIONS, T, tips_open=True)
    late = respond_to_words(at(options, 0), ANNA, 50, TIP, "nl", nudge=False, voice=True)
    assert late.cycle.welcome_tips == frozenset()


def test_who_named_their_strong_moment_is_not_asked_for_one() -> None:
    cycle = Cycle(9, 1, ILSE, 1, Phase.REALITY, T, step=RealityStep.STRONG, step_started_at=T)
    for minutes, who, message_id, words in (
            (1, ANNA, 10, "At 0:45 I think your explanation is strong"),
            (2, BO, 11, "At 1:10 the way you wait works well"),
            (3, CATO, 12, "At 1:30 your smile works well"),
            (6, BO, 13, "What did you notice at 1:10?"),
            (7, ILSE, 14, "I noticed they calmed down"),
            (9, CATO, 15, "What made you wait there?")):
        cycle = respond_to_words(at(cycle, minutes, "en"), who, message_id, words, "en").cycle
    assert cycle.strong_moments == {ANNA, BO, CATO}
    said = [render_all("en", e.texts) for e in respond_to_tick(at(cycle, 10, "en")).effects
            if isinstance(e, Say)]
    assert not any("Anna" in words for words in said), said


def test_strong_moment_replies_use_the_groups_room_for_what_the_bot_says() -> None:
    """Three replies to strong moments in a minute: a still offer right after waits."""
    clip = Clip("file-1", "uniq-1", "video", 95, 500)
    cycle = Cycle(9, 1, ILSE, 1, Phase.REALITY, T, step=RealityStep.STRONG, step_started_at=T,
                  clip=clip)
    for minutes, who, message_id, words in ((1, ANNA, 10, "Op 0:45 vind ik je uitleg sterk"),
                                            (1.2, BO, 11, "Op 1:10 werkt je wachten goed"),
                                            (1.4, CATO, 12, "Op 1:30 werkt je glimlach goed")):
        noted = respond_to_words(at(cycle, minutes), who, message_id, words, "nl")
        assert any(isinstance(e, Say) for e in noted.effects)
        cycle = noted.cycle
    analysis = replace(cycle, step=RealityStep.ANALYSIS)
    seen = respond_to_words(at(analysis, 1.6), ANNA, 13, "Op 0:50 zie ik dat Tim opkijkt.", "nl")
    assert not any(isinstance(e, Say) for e in seen.effects)
    later = respond_to_words(at(analysis, 4), ANNA, 14, "Op 0:50 zie ik dat Tim opkijkt.", "nl")
    assert any(isinstance(e, Say) for e in later.effects)  # the room is back: the still offer


def test_a_strong_moment_reply_counts_once_against_the_groups_room() -> None:
    """Found by a mutation sweep: each reply was counted twice (the still offer the policy
    built and dropped, and the reply), so five strong moments filled the hour's ten and the
    group then got no still offer, no invitation back and no check-in for the rest of it."""
    clip = Clip("file-1", "uniq-1", "video", 95, 500)
    cycle = Cycle(9, 1, ILSE, 1, Phase.REALITY, T, step=RealityStep.STRONG, step_started_at=T,
                  clip=clip)
    for n, who in enumerate((ANNA, BO, CATO)):
        cycle = respond_to_words(at(cycle, 3 * n), who, 10 + n,
                                 f"Op 0:{10 + n} vind ik je uitleg sterk", "nl").cycle
    assert len(cycle.nudge_history.sent_at) == 3


def test_a_run_of_closed_questions_starts_over_at_a_new_phase() -> None:
    goal = Cycle(9, 1, ILSE, 1, Phase.GOAL, T)
    closed = ("Is this your first year at this school?", "Do you teach this class every day?",
              "Was this lesson on a Monday?")
    for i, question in enumerate(closed[:2]):
        goal = respond_to_words(at(goal, i, "en"), (ANNA, BO)[i], 20 + i, question, "en").cycle
    reality = decide(at(goal, 2, "en"), Next(ILSE)).cycle
    assert reality.phase is Phase.REALITY
    asked = respond_to_words(at(reality, 3, "en"), ANNA, 22, closed[2], "en")
    assert not any(isinstance(e, Say) for e in asked.effects)
