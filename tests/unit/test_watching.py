"""The watch gate: the conversation opens when everyone who is here today has watched. Who has
not agreed, who passed the turn on and who said they are not here are not waited for; the
inbrenger never is. The coach summary's "watched before the talk" follows the same rule."""
from __future__ import annotations

from datetime import timedelta

from bot.engine.coach_reports import coach_charts
from flows.catalog import render, render_all
from flows.cycle.events import Absent, Consent, Contribution, MoveLine, TimerFired, Watched
from flows.cycle.model import ContributionRef, Cycle, Decision
from flows.cycle.table import decide
from flows.effects import Say, SayPrivately
from flows.model import Group, Member, Phase
from flows.nudging.history import NudgeHistory
from flows.reports.coach_summary import coach_summary
from flows.reports.group_summary import group_summary
from tests.unit.test_cycle import (
    ANNA,
    BOB,
    CARLA,
    CLIP,
    CONTRIBUTIONS,
    DAAN,
    EVA,
    MEMBERS,
    NOT_AGREED,
    NOW,
    QUESTION,
    ctx_for,
    cycle_in,
    group_buttons,
    lines_of,
    said,
)
from tests.unit.test_practice import LOOKING as PRACTICE_LOOKING

P = Phase


def watch(cycle: Cycle, *events: Watched | Absent,
          members: tuple[Member, ...] = NOT_AGREED) -> Decision:
    decision = Decision(cycle)
    for event in events:
        decision = decide(ctx_for(decision.cycle, members=members), event)
        assert not decision.refused
    return decision


def coach_says(decision: Decision) -> str:
    return render_all("nl", coach_summary(ctx_for(decision.cycle, members=NOT_AGREED), "2B", ()))


def test_a_member_who_has_not_agreed_is_not_waited_for() -> None:
    decision = watch(cycle_in(P.WATCHING), Watched(BOB), Watched(CARLA), Watched(DAAN))
    assert decision.cycle.phase is P.GOAL and decision.cycle.watched_before_talk  # Eva never
    assert "Iedereen had de clip bekeken" in coach_says(decision)


def test_a_member_who_is_not_here_today_says_so_and_the_talk_opens_without_them() -> None:
    decision = watch(cycle_in(P.WATCHING), Watched(BOB), Absent(DAAN))
    assert decision.cycle.phase is P.WATCHING and decision.cycle.absent == {DAAN}
    assert render("nl", decision.ack) == (  # type: ignore[arg-type]
        "Dank je dat je het laat weten. We wachten nog op: Carla.")
    decision = watch(decision.cycle, Watched(CARLA))
    assert decision.cycle.phase is P.GOAL and decision.cycle.watched_before_talk
    silent_daan = tuple(c for c in CONTRIBUTIONS if c.user_id != DAAN)  # away, said nothing
    assert "Iedereen had de clip bekeken" in coach_reads(decision.cycle, silent_daan,
                                                         members=NOT_AGREED)


def test_who_passed_the_turn_on_is_not_waited_for_and_the_inbrenger_never() -> None:
    cycle = cycle_in(P.WATCHING, skipped_by=frozenset({DAAN}))
    decision = watch(cycle, Watched(BOB), Watched(CARLA))
    assert decision.cycle.phase is P.GOAL  # neither Anna (inbrenger) nor Daan pressed


def test_each_confirmation_says_who_the_group_still_waits_for() -> None:
    decision = watch(cycle_in(P.WATCHING), Watched(BOB))
    assert render("nl", decision.ack) == (  # type: ignore[arg-type]
        "Dank je, genoteerd! We wachten nog op: Carla, Daan.")
    assert render("en", decision.ack) == (  # type: ignore[arg-type]
        "Thanks, noted! We're still waiting for: Carla, Daan.")


def test_a_second_press_and_the_inbrengers_press_are_answered_for_what_they_are() -> None:
    """The UX review: a second press was thanked as a first, and the inbrenger (whom nobody
    waits for) was thanked as a peer."""
    again = watch(cycle_in(P.WATCHING), Watched(BOB), Watched(BOB))
    assert render("nl", again.ack) == (  # type: ignore[arg-type]
        "Dat had je al laten weten: genoteerd. We wachten nog op: Carla, Daan.")
    own = watch(cycle_in(P.WATCHING), Watched(ANNA))
    assert render("en", own.ack) == (  # type: ignore[arg-type]
        "It is your clip: the group does not wait for you. We're still waiting for: Bob, "
        "Carla, Daan.")
    assert own.cycle.phase is P.WATCHING


def test_who_said_they_are_away_and_then_watches_is_here_after_all() -> None:
    decision = watch(cycle_in(P.WATCHING), Absent(BOB), Watched(BOB))
    assert decision.cycle.absent == frozenset() and BOB in decision.cycle.watched_by


def test_the_watch_timebox_still_notes_when_someone_present_did_not_watch() -> None:
    cycle = watch(cycle_in(P.WATCHING), Watched(BOB), Absent(DAAN)).cycle
    decision = decide(ctx_for(cycle, members=NOT_AGREED), TimerFired("watch_end"))
    assert decision.cycle.phase is P.GOAL and not decision.cycle.watched_before_talk
    assert "Niet iedereen had de clip bekeken" in coach_says(decision)


def test_the_inbrenger_cannot_say_they_are_away() -> None:
    assert decide(ctx_for(cycle_in(P.WATCHING)), Absent(ANNA)).refused


def test_the_watch_message_offers_both_buttons() -> None:
    cycle = cycle_in(P.AWAITING_CLIP, clip=CLIP, learning_question=QUESTION)
    decision = decide(ctx_for(cycle), Consent(ANNA))
    data = group_buttons(decision)
    assert "cy:7:watched" in data and "cy:7:absent" in data
    assert "Ben je er vandaag niet bij?" in said(decision)


def test_who_is_not_here_is_not_invited_back_when_silent() -> None:
    talk = NudgeHistory(last_contribution_at={BOB: NOW - timedelta(minutes=1),
                                              CARLA: NOW - timedelta(minutes=1)},
                        inbrenger_last_at=NOW - timedelta(minutes=1))
    cycle = cycle_in(P.REALITY, phase_started_at=NOW - timedelta(minutes=9), nudge_history=talk)
    assert "Daan" in said(decide(ctx_for(cycle), TimerFired("tick")))
    away = decide(ctx_for(cycle_in(P.REALITY, phase_started_at=NOW - timedelta(minutes=9),
                                   nudge_history=talk, absent=frozenset({DAAN}))),
                  TimerFired("tick"))
    assert "Daan" not in said(away)


# --- after watching: who is not here is not waited for, nor summed up --------------------------

AWAY = frozenset({DAAN})
LOOKING = {**PRACTICE_LOOKING, "lookback_choice": 11}
DAAN_SPOKE = ContributionRef(30, DAAN, "options", "Wat wil je zelf proberen?", "open_question", 30)


def test_the_look_back_closes_when_everyone_here_answered() -> None:
    cycle = cycle_in(P.WILL, absent=AWAY, **LOOKING)
    decision = decide(ctx_for(cycle, contributions=lines_of(BOB)),
                      Contribution(CARLA, 1201, "Stilte laten vallen."))
    assert decision.cycle.phase is P.CLOSED  # Daan is away today: not waited for
    present = decide(ctx_for(cycle_in(P.WILL, **LOOKING), contributions=lines_of(BOB)),
                     Contribution(CARLA, 1201, "Stilte laten vallen."))
    assert present.cycle.phase is P.WILL  # without his word, the look back waits for Daan


def test_the_look_back_does_not_wait_for_a_line_from_who_has_not_agreed() -> None:
    cycle = cycle_in(P.WILL, **LOOKING)
    decision = decide(ctx_for(cycle, members=NOT_AGREED, contributions=lines_of(BOB, CARLA)),
                      Contribution(DAAN, 1201, "Stilte laten vallen."))
    assert decision.cycle.phase is P.CLOSED  # Eva cannot take part yet: no line is awaited
    assert not any(getattr(e, "invites_late_lines", False) for e in decision.effects)


def test_everyone_here_named_a_strong_moment_without_who_is_away() -> None:
    cycle = cycle_in(P.REALITY, step="strong", absent=AWAY, strong_moments=frozenset({ANNA, BOB}))
    decision = decide(ctx_for(cycle), Contribution(CARLA, 1101, "Bij 1:10 zie ik rust in de klas."))
    assert "Iedereen heeft een sterk moment genoemd" in said(decision)


def test_the_summaries_leave_out_who_has_not_agreed_yet() -> None:
    """Seen in the coach walk: a member who joined but never agreed to the agreements takes no
    part (nothing of theirs is counted), yet the summaries said they "listened this time"."""
    ctx = ctx_for(cycle_in(P.CLOSED, commitment="Wachten"), members=NOT_AGREED,
                  contributions=CONTRIBUTIONS[:2])
    assert "Eva" not in render_all("nl", group_summary(ctx))
    assert "Eva" not in render_all("en", coach_summary(ctx, "2B", ()))
    assert "• Daan: luisterde deze keer" in render_all("nl", group_summary(ctx))


def test_the_summaries_show_who_was_away_as_away_not_as_listening() -> None:
    cycle = cycle_in(P.CLOSED, commitment="Wachten", absent=AWAY)
    ctx = ctx_for(cycle, contributions=CONTRIBUTIONS[:2])
    shown = render_all("nl", group_summary(ctx))
    assert "Bob:" in shown and "• Daan: vandaag afwezig" in shown
    assert "Daan: luisterde" not in shown
    coach = render_all("en", coach_summary(ctx, "2B", ()))
    assert "• Daan: away today" in coach
    chart = coach_charts(100, ctx, Group(1, -5, title="2B"), (), "nl")[0]
    assert ("Daan (afwezig)", 0, 0, 0, 0, 0) in chart.data


def test_who_said_they_are_away_and_then_speaks_is_here_after_all() -> None:
    cycle = cycle_in(P.OPTIONS, absent=AWAY)
    decision = decide(ctx_for(cycle), Contribution(DAAN, 1300, "Wat wil je zelf proberen?"))
    assert decision.cycle.absent == frozenset()
    shown = render_all("nl", group_summary(ctx_for(cycle_in(P.CLOSED, commitment="x",
                                                            absent=AWAY),
                                                   contributions=(DAAN_SPOKE,))))
    assert "Daan: 1 vraag" in shown  # counted for what he said, even if still marked away


def test_who_has_not_agreed_yet_is_not_named_as_quiet() -> None:
    talk = NudgeHistory(last_contribution_at={BOB: NOW - timedelta(minutes=1),
                                              CARLA: NOW - timedelta(minutes=1),
                                              DAAN: NOW - timedelta(minutes=1)},
                        inbrenger_last_at=NOW - timedelta(minutes=1))
    cycle = cycle_in(P.REALITY, phase_started_at=NOW - timedelta(minutes=9), nudge_history=talk)
    decision = decide(ctx_for(cycle, members=NOT_AGREED), TimerFired("tick"))
    assert "Eva" not in said(decision)  # she cannot take part before agreeing


def test_a_look_back_line_alone_does_not_make_who_was_away_a_listener() -> None:
    cycle = cycle_in(P.WILL, absent=AWAY, **LOOKING)
    decision = decide(ctx_for(cycle, contributions=lines_of(BOB)),
                      Contribution(DAAN, 1202, "Stilte laten vallen."))
    assert decision.cycle.absent == AWAY  # a line about the talk is not taking part in it
    closed = ctx_for(cycle_in(P.CLOSED, commitment="x", absent=AWAY),
                     contributions=lines_of(BOB, DAAN))
    shown = render_all("nl", group_summary(closed))
    assert "Daan: luisterde" not in shown and "• Daan: Doorvragen" in shown


def test_who_was_away_may_still_add_a_late_line() -> None:
    cycle = cycle_in(P.CLOSED, commitment="x", absent=AWAY,
                     phase_started_at=NOW - timedelta(hours=1))
    late = decide(ctx_for(cycle), MoveLine(DAAN, 1300, "Eerst vragen wat je ziet."))
    assert not late.refused and "Aanvulling op de terugblik: Daan" in said(late)


def test_a_peer_who_talks_about_the_clip_before_everyone_watched_hears_once_to_wait() -> None:
    """The talk opens only after watching (SPEC 1): a tip while the group still watches is
    answered privately, once, and not taken as a contribution yet."""
    ctx = ctx_for(cycle_in(P.WATCHING, watched_by=frozenset({CARLA})))
    decision = decide(ctx, Contribution(BOB, 601, "Je zou gewoon bij de deur kunnen wachten."))
    assert decision.cycle.phase is P.WATCHING and not decision.refused
    [hint] = decision.effects
    assert isinstance(hint, SayPrivately) and hint.user_id == BOB
    assert hint.fallback_reply_to == 601
    assert "Bob, bewaar die gedachte nog even" in said(decision)
    assert "de clip van Anna" in said(decision) and "Ik heb gekeken" in said(decision)
    again = decide(ctx_for(decision.cycle), Contribution(BOB, 602, "Of een timer gebruiken."))
    assert again.effects == () and again.cycle == decision.cycle


def test_who_already_watched_is_not_asked_to_press_and_without_a_private_chat_hears_it_in_reply(
) -> None:
    ctx = ctx_for(cycle_in(P.WATCHING, watched_by=frozenset({CARLA})))
    decision = decide(ctx, Contribution(CARLA, 603, "Op 0:02 staan ze nog bij de deur."))
    [hint] = decision.effects
    assert isinstance(hint, Say) and hint.reply_to == 603  # Carla never started the bot
    assert "Carla, bewaar die gedachte" in said(decision)
    assert "Ik heb gekeken" not in said(decision)


def test_chat_while_watching_and_the_inbrenger_explaining_are_left_alone() -> None:
    ctx = ctx_for(cycle_in(P.WATCHING))
    for event in (Contribution(BOB, 604, "Sorry, ik ben iets later."),
                  Contribution(DAAN, 605, "Mooi!"),
                  Contribution(DAAN, 607, "Heeft de clip ook geluid?"),  # closed, 5 words
                  Contribution(ANNA, 606, "Je moet weten dat dit net na de gymles was.")):
        decision = decide(ctx, event)
        assert decision.effects == () and decision.cycle == ctx.cycle, event


def test_a_tip_of_four_words_while_watching_is_kept_for_the_talk() -> None:
    decision = decide(ctx_for(cycle_in(P.WATCHING)),
                      Contribution(CARLA, 609, "Je moet strenger optreden."))
    assert "Carla, bewaar die gedachte" in said(decision)


# The coach's "everyone had watched" is true of everyone who took part in the talk (UX review
# 10, #4: two members who joined the talk pressed "I watched it" only once it ran).

LATE_EVA = MEMBERS + (Member(EVA, "Eva", started_private=True, agreed=True),)


def coach_reads(cycle: Cycle, contributions: tuple[ContributionRef, ...] = CONTRIBUTIONS,
                members: tuple[Member, ...] = LATE_EVA, language: str = "nl") -> str:
    ctx = ctx_for(cycle, members=members, contributions=contributions)
    return render_all(language, coach_summary(ctx, "2B", ()))


def test_who_watched_only_once_the_talk_ran_is_named_for_the_coach() -> None:
    opened = watch(cycle_in(P.WATCHING), Watched(BOB), Watched(CARLA), Watched(DAAN)).cycle
    assert opened.phase is P.GOAL  # Eva had not agreed yet: not waited for
    later = watch(opened, Watched(EVA), members=LATE_EVA).cycle  # agreed, then pressed
    spoke = CONTRIBUTIONS + (ContributionRef(14, EVA, "goal", "Wat wil je leren?",
                                             "open_question"),)
    reads = coach_reads(later, spoke)
    assert "Iedereen had de clip bekeken" not in reads
    assert "Niet iedereen had de clip bekeken voordat het gesprek begon.\n" \
           "Keek pas nadat het gesprek begon: Eva." in reads
    assert "Watched only after the conversation started: Eva." in coach_reads(
        later, spoke, language="en")


def test_who_spoke_in_the_talk_without_ever_saying_they_watched_is_named() -> None:
    opened = watch(cycle_in(P.WATCHING), Watched(BOB), Watched(CARLA), Watched(DAAN)).cycle
    spoke = CONTRIBUTIONS + (ContributionRef(14, EVA, "reality", "Wat zag je daar?",
                                             "open_question"),)
    assert "Gaf niet aan de clip te hebben bekeken: Eva." in coach_reads(opened, spoke)


def test_everyone_who_took_part_had_watched_and_the_coach_reads_so() -> None:
    gate = frozenset({ANNA, BOB, CARLA, DAAN})  # Eva joined once the watching began
    opened = watch(cycle_in(P.WATCHING, watch_gate=gate), Watched(BOB), Watched(CARLA),
                   Watched(DAAN)).cycle
    later = watch(opened, Watched(EVA), members=LATE_EVA).cycle  # pressed, never spoke
    assert "👀 Iedereen had de clip bekeken voordat het gesprek begon." in coach_reads(later)


def test_an_older_cycle_without_the_record_keeps_its_line() -> None:
    cycle = cycle_in(P.GOAL, watched_before_talk=True)  # watched_at_talk None
    assert "Iedereen had de clip bekeken" in coach_reads(cycle)


def test_the_portfolio_says_the_same_as_the_coach() -> None:
    from flows.reports.portfolio import CycleRecord
    opened = watch(cycle_in(P.WATCHING), Watched(BOB), Watched(CARLA), Watched(DAAN)).cycle
    spoke = CONTRIBUTIONS + (ContributionRef(14, EVA, "goal", "Wat wil je leren?",
                                             "open_question"),)
    assert opened.watched_before_talk  # everyone awaited then had watched
    record = CycleRecord(opened, "Anna", spoke, members=LATE_EVA)
    assert record.as_data()["watched_before_talk"] is False
    assert CycleRecord(opened, "Anna", CONTRIBUTIONS, members=NOT_AGREED).as_data()[
        "watched_before_talk"] is True
