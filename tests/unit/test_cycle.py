"""The cycle's state machine, driven directly: every transition of the table, every illegal
event in every state (refused with a reason, nothing changed), and the practice it carries."""
from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from flows.catalog import render_all
from flows.cycle.diagram import document, validate
from flows.cycle.events import (
    Absent,
    Accept,
    AskSound,
    Cancel,
    CheckinAnswer,
    ClipPosted,
    CommitmentEdited,
    ConfirmCommitment,
    Consent,
    Contribution,
    ContributionEdited,
    Event,
    LearningQuestion,
    LookBackChoice,
    MeetingBegan,
    MemberBack,
    MemberLeft,
    MoveLine,
    NewQuestionChosen,
    Next,
    ScheduleChanged,
    Swap,
    TimeboxChanged,
    TimerFired,
    ToggleTips,
    TriedAnswer,
    VoiceNote,
    VoiceTranscribed,
    Wait,
    Watched,
)
from flows.cycle.leaving import leave_refusal
from flows.cycle.model import VOICE, Clip, ContributionRef, Cycle, CycleContext, Decision
from flows.cycle.table import TRANSITIONS, choose, decide
from flows.effects import (
    ButtonsDone,
    CancelTimer,
    RecordTurn,
    Say,
    SayPrivately,
    SendCoachAddition,
    SendCoachSummary,
    SendStoryboard,
    SetTimer,
    StoreContribution,
    Text,
    text,
)
from flows.model import Member, PastCycle, Phase, Settings

NOW = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)
ANNA, BOB, CARLA, DAAN, OUTSIDER = 1, 2, 3, 4, 99
MEMBERS = (
    Member(ANNA, "Anna", started_private=True, turns=0, agreed=True),
    Member(BOB, "Bob", started_private=True, turns=1, last_turn_at=NOW - timedelta(days=9),
           agreed=True),
    Member(CARLA, "Carla", started_private=False, turns=1,
           last_turn_at=NOW - timedelta(days=20), agreed=True),
    Member(DAAN, "Daan", started_private=True, turns=2, agreed=True),
)
CLIP = Clip("file-1", "uniq-1", "video", 95, 500)
QUESTION = "Hoe kan ik de overgang na de pauze rustiger laten verlopen?"
CONTRIBUTIONS = (
    ContributionRef(11, BOB, "reality", "Op 1:23 zie ik dat je wacht tot het stil is.",
                    "observation"),
    ContributionRef(12, CARLA, "reality", "Wat maakte dat je daar bleef wachten?",
                    "open_question"),
    ContributionRef(13, DAAN, "reality", "Je zou ze beter eerst laten zitten.", "tip"),
)


EVA = 5
NOT_AGREED = MEMBERS + (Member(EVA, "Eva", started_private=True),)


def lines_of(*user_ids: int) -> tuple[ContributionRef, ...]:
    """Look-back lines ("which move will I use again") of these peers."""
    return CONTRIBUTIONS + tuple(
        ContributionRef(40 + uid, uid, "lookback", "Doorvragen op wat je ziet.", "move", 40 + uid)
        for uid in user_ids)


def with_voice_note(message_id: int, phase: str) -> tuple[ContributionRef, ...]:
    """Bob's stored voice note, still without words."""
    return CONTRIBUTIONS + (ContributionRef(60 + message_id % 10, BOB, phase, "", VOICE,
                                            message_id, VOICE, 35),)


def cycle_in(phase: Phase, **changes: object) -> Cycle:
    ready = phase not in (Phase.ANNOUNCED, Phase.AWAITING_CLIP)
    base = Cycle(id=7, group_id=1, inbrenger_id=ANNA, number=1, phase=phase,
                 phase_started_at=NOW - timedelta(minutes=3),
                 clip=CLIP if ready else None, learning_question=QUESTION if ready else None,
                 consent=ready)
    return replace(base, **changes)  # type: ignore[arg-type]


def ctx_for(cycle: Cycle, **changes: object) -> CycleContext:
    base = CycleContext(cycle, Settings(), MEMBERS, NOW, CONTRIBUTIONS)
    return replace(base, **changes)  # type: ignore[arg-type]


def said(decision: Decision) -> str:
    """Everything the bot would say, rendered in Dutch, for assertions about content."""
    texts: list[Text] = []
    for effect in decision.effects:
        if isinstance(effect, (Say, SayPrivately)):
            texts.extend(effect.texts)
    return render_all("nl", tuple(texts))


def group_buttons(decision: Decision) -> list[str]:
    """The data of every button the bot would show in the group (not in private chats)."""
    return [b.data for e in decision.effects if isinstance(e, Say) for row in e.buttons
            for b in row]


TALK_PHASES = (Phase.GOAL, Phase.REALITY, Phase.OPTIONS, Phase.WILL)

# Scenarios: (phase, cycle changes, event, expected phase afterwards). Together they take
# every transition of the table at least once (checked below).
P = Phase
SCENARIOS: list[tuple[Phase, dict[str, Any], Event, Phase]] = [
    (P.ANNOUNCED, {}, Accept(ANNA), P.AWAITING_CLIP),
    (P.ANNOUNCED, {}, ClipPosted(ANNA, CLIP, QUESTION), P.AWAITING_CLIP),
    (P.ANNOUNCED, {}, Swap(ANNA), P.ANNOUNCED),
    (P.ANNOUNCED, {"meeting_at": NOW - timedelta(minutes=1)}, Swap(BOB), P.ANNOUNCED),
    (P.AWAITING_CLIP, {}, Swap(BOB, is_admin=True), P.ANNOUNCED),
    (P.AWAITING_CLIP, {"meeting_at": NOW}, Swap(CARLA), P.ANNOUNCED),
    (P.AWAITING_CLIP, {}, ClipPosted(ANNA, CLIP, None), P.AWAITING_CLIP),
    (P.AWAITING_CLIP, {"clip": CLIP, "question_message_id": 509},
     LearningQuestion(ANNA, QUESTION, 509), P.AWAITING_CLIP),
    *[(phase, {"learning_question": QUESTION, "question_message_id": 510},
       LearningQuestion(ANNA, "Hoe kan ik na de pauze sneller beginnen?", 510), phase)
      for phase in (P.ANNOUNCED, P.AWAITING_CLIP)],
    (P.AWAITING_CLIP, {"clip": CLIP}, Contribution(ANNA, 501, QUESTION), P.AWAITING_CLIP),
    (P.AWAITING_CLIP, {"clip": CLIP, "learning_question": QUESTION},
     Contribution(ANNA, 508, "Hoe kan ik de start van de les rustiger maken?",
                  reply_to=CLIP.message_id), P.AWAITING_CLIP),
    (P.AWAITING_CLIP, {"clip": CLIP, "learning_question": QUESTION},
     Contribution(ANNA, 509, "Hoe kan ik de start van de les rustiger maken?"), P.AWAITING_CLIP),
    (P.AWAITING_CLIP, {"clip": CLIP, "learning_question": QUESTION,
                       "offered_question": "Hoe kan ik rustiger starten?",
                       "offered_message_id": 509}, NewQuestionChosen(ANNA, 509), P.AWAITING_CLIP),
    (P.AWAITING_CLIP, {"clip": CLIP, "learning_question": QUESTION}, Consent(ANNA), P.WATCHING),
    (P.AWAITING_CLIP, {"clip": CLIP, "learning_question": QUESTION,
                       "meeting_at": NOW + timedelta(hours=1)}, Consent(ANNA), P.AWAITING_CLIP),
    (P.AWAITING_CLIP, {"clip": CLIP, "learning_question": QUESTION, "consent": True},
     TimerFired("meeting_open"), P.WATCHING),
    (P.ANNOUNCED, {}, TimerFired("meeting_open"), P.ANNOUNCED),
    (P.AWAITING_CLIP, {}, TimerFired("meeting_open"), P.AWAITING_CLIP),
    (P.ANNOUNCED, {"meeting_at": NOW - timedelta(hours=2)}, TimerFired("meeting_over"),
     P.ANNOUNCED),
    (P.AWAITING_CLIP, {"meeting_at": NOW - timedelta(hours=2)}, TimerFired("meeting_over"),
     P.AWAITING_CLIP),
    (P.ANNOUNCED, {"meeting_at": NOW - timedelta(days=7)}, MeetingBegan(NOW), P.ANNOUNCED),
    (P.AWAITING_CLIP, {}, MeetingBegan(NOW), P.AWAITING_CLIP),
    *[(phase, {"meeting_at": NOW + timedelta(days=2),
               "_ctx": {"upcoming_meetings": (NOW + timedelta(days=4),)}},
       ScheduleChanged(), phase) for phase in (P.ANNOUNCED, P.AWAITING_CLIP)],
    *[(phase, {"phase_started_at": NOW - timedelta(days=7)}, MeetingBegan(NOW), phase)
      for phase in (P.GOAL, P.REALITY, P.OPTIONS, P.WILL)],
    (P.AWAITING_CLIP, {"clip": CLIP, "learning_question": QUESTION, "consent": True,
                       "meeting_at": NOW - timedelta(days=7)}, MeetingBegan(NOW), P.WATCHING),
    *[(phase, {"_ctx": {"members": MEMBERS[1:]}}, MemberLeft(ANNA, "Anna"), P.ANNOUNCED)
      for phase in (P.ANNOUNCED, P.AWAITING_CLIP)],
    *[(phase, {"_ctx": {"members": MEMBERS[:1]}}, MemberLeft(ANNA, "Anna"), P.CANCELLED)
      for phase in (P.ANNOUNCED, P.AWAITING_CLIP)],
    *[(phase, {"_ctx": {"members": MEMBERS[1:]}}, MemberLeft(ANNA, "Anna"), P.CANCELLED)
      for phase in (P.WATCHING, P.GOAL, P.REALITY, P.OPTIONS, P.WILL)],
    (P.WATCHING, {"watched_by": frozenset({BOB, CARLA}), "_ctx": {"members": MEMBERS[:3]}},
     MemberLeft(DAAN, "Daan"), P.GOAL),
    # The inbrenger who left the chat once the clip was shown is waited for a while: the
    # timeboxes stand still, added back the talk goes on, else the grace's end stops it.
    *[(phase, {"_ctx": {"members": MEMBERS[1:]}}, MemberLeft(ANNA, "Anna", left_chat=True),
       phase) for phase in (P.WATCHING, P.GOAL, P.REALITY, P.OPTIONS)],
    (P.WILL, {"step": "commit", "_ctx": {"members": MEMBERS[1:]}},
     MemberLeft(ANNA, "Anna", left_chat=True), P.WILL),
    *[(phase, {"away_since": NOW - timedelta(minutes=3)}, MemberBack(ANNA, "Anna"), phase)
      for phase in (P.WATCHING, *TALK_PHASES)],
    *[(phase, {"away_since": NOW - timedelta(minutes=10), "_ctx": {"members": MEMBERS[1:]}},
       TimerFired("grace_end"), P.CANCELLED) for phase in (P.WATCHING, *TALK_PHASES)],
    (P.WATCHING, {"away_since": NOW}, TimerFired("watch_end"), P.WATCHING),
    (P.REALITY, {"away_since": NOW}, TimerFired("step_reminder"), P.REALITY),
    *[(phase, {"away_since": NOW}, TimerFired(event), phase)
      for phase in TALK_PHASES for event in ("phase_reminder", "tick")],
    *[(phase, {"question_message_id": 500}, LearningQuestion(ANNA, "Hoe wacht ik langer?", 500),
       phase) for phase in (P.WATCHING, P.GOAL, P.REALITY, P.OPTIONS, P.WILL)],
    *[(phase, {}, Contribution(ANNA, 611, "Hoe wacht ik langer na een vraag?", reply_to=500),
       phase) for phase in (P.WATCHING, P.GOAL, P.REALITY, P.OPTIONS)],
    (P.WILL, {"commitment": "x", "step": "commit", "_ctx": {"members": MEMBERS[1:]}},
     MemberLeft(ANNA, "Anna"), P.WILL),
    (P.WILL, {"commitment": "x", "step": "lookback",
              "_ctx": {"members": MEMBERS[1:2], "contributions": (
                  ContributionRef(41, BOB, "lookback", "Doorvragen.", "other", 541),)}},
     MemberLeft(ANNA, "Anna"), P.CLOSED),
    (P.ANNOUNCED, {"meeting_at": NOW}, Wait(BOB), P.ANNOUNCED),
    (P.AWAITING_CLIP, {"meeting_at": NOW}, Wait(BOB), P.AWAITING_CLIP),
    (P.ANNOUNCED, {}, TimerFired("clip_reminder"), P.ANNOUNCED),
    (P.AWAITING_CLIP, {}, TimerFired("clip_reminder"), P.AWAITING_CLIP),
    (P.ANNOUNCED, {}, Contribution(BOB, 502, "hoi allemaal"), P.ANNOUNCED),
    (P.ANNOUNCED, {}, Contribution(ANNA, 506, "morgen komt hij"), P.ANNOUNCED),
    (P.AWAITING_CLIP, {}, Contribution(BOB, 503, "ben benieuwd"), P.AWAITING_CLIP),
    (P.AWAITING_CLIP, {"clip": None}, Contribution(ANNA, 507, "komt eraan"), P.AWAITING_CLIP),
    (P.WATCHING, {"watched_by": frozenset({BOB, CARLA})}, Watched(DAAN), P.GOAL),
    (P.WATCHING, {}, Watched(BOB), P.WATCHING),
    (P.WATCHING, {"watched_by": frozenset({BOB, CARLA})}, Absent(DAAN), P.GOAL),
    (P.WATCHING, {}, Absent(BOB), P.WATCHING),
    *[(phase, {}, Absent(BOB), phase) for phase in (P.GOAL, P.REALITY, P.OPTIONS, P.WILL)],
    (P.WATCHING, {"watched_by": frozenset({BOB})}, TimerFired("watch_end"), P.GOAL),
    (P.WATCHING, {}, TimerFired("watch_end"), P.WATCHING),  # nobody watched: it waits
    (P.WATCHING, {"watch_time_over": True, "meeting_at": NOW - timedelta(hours=2),
                  "_ctx": {"upcoming_meetings": (NOW + timedelta(days=7),)}},
     TimerFired("meeting_over"), P.WATCHING),
    (P.WATCHING, {"watch_time_over": True, "meeting_at": NOW - timedelta(days=7)},
     MeetingBegan(NOW), P.WATCHING),
    (P.WATCHING, {"watch_time_over": True}, Watched(BOB), P.GOAL),
    (P.WATCHING, {}, Next(ANNA), P.GOAL),
    (P.WATCHING, {}, Contribution(BOB, 504, "even kijken"), P.WATCHING),
    (P.WATCHING, {}, Contribution(ANNA, 505, "Het was net na de gymles."), P.WATCHING),
    (P.GOAL, {}, Next(ANNA), P.REALITY),
    (P.REALITY, {}, Next(ANNA), P.REALITY),
    (P.REALITY, {"step": "strong"}, Next(ANNA), P.REALITY),
    (P.REALITY, {"step": "analysis"}, Next(BOB, is_admin=True), P.OPTIONS),
    (P.REALITY, {}, TimerFired("step_reminder"), P.REALITY),
    (P.OPTIONS, {}, Next(ANNA), P.WILL),
    *[(phase, {"_ctx": {"members": NOT_AGREED}}, Contribution(EVA, 520 + i, "Wat zie je?"), phase)
      for i, phase in enumerate((P.GOAL, P.REALITY, P.OPTIONS, P.WILL))],
    (P.WILL, {}, Contribution(ANNA, 505, "Ik ga wachten tot het stil is, zodat ze rustig "
                                         "beginnen."), P.WILL),
    (P.WILL, {"proposed_commitment": "Wachten", "proposal_message_id": 505},
     ConfirmCommitment(ANNA, 505), P.WILL),
    (P.WILL, {"proposed_commitment": "Wachten", "proposal_message_id": 505},
     CommitmentEdited(ANNA, 505, "Wachten", "Wachten, zodat het stil wordt"), P.WILL),
    (P.WILL, {"commitment": "Wachten", "commitment_message_id": 505, "step": "lookback"},
     CommitmentEdited(ANNA, 505, "Wachten", "Wachten tot het stil is"), P.WILL),
    (P.WILL, {"commitment": "x", "step": "lookback", "proposed_commitment": "Wachten",
              "proposal_message_id": 505}, ConfirmCommitment(ANNA, 505), P.WILL),
    *[(phase, {}, ContributionEdited(BOB, 600, "Wat zie je?", "Wat zie je op 0:03?", False),
       phase) for phase in (P.GOAL, P.REALITY, P.OPTIONS)],
    (P.WILL, {"commitment": "Wachten tot het stil is"}, Next(ANNA), P.WILL),
    (P.WILL, {"commitment": "x", "step": "lookback", "lookback_choice": 11,
              "_ctx": {"contributions": lines_of(BOB, CARLA)}},
     Contribution(DAAN, 530, "Doorvragen."), P.CLOSED),
    (P.WILL, {"commitment": "x", "step": "lookback"}, Contribution(DAAN, 531, "Stilte."),
     P.WILL),
    (P.WILL, {"commitment": "x", "step": "lookback", "lookback_choice": 0,
              "_ctx": {"contributions": lines_of(BOB, CARLA)}},
     MoveLine(DAAN, 532, "Doorvragen."), P.CLOSED),
    (P.WILL, {"commitment": "x", "step": "lookback"}, MoveLine(DAAN, 533, "Stilte."), P.WILL),
    (P.WILL, {"commitment": "x", "step": "lookback", "lookback_choice": 0,
              "_ctx": {"contributions": lines_of(BOB, CARLA)}},
     VoiceNote(DAAN, 534, "v", 9), P.CLOSED),
    (P.WILL, {"commitment": "x", "step": "lookback"}, VoiceNote(DAAN, 535, "v", 9), P.WILL),
    (P.WILL, {}, VoiceNote(ANNA, 536, "v", 9), P.WILL),
    (P.WILL, {"commitment": "x", "step": "lookback", "lookback_choice": 0,
              "_ctx": {"contributions": lines_of(BOB, CARLA)}}, Absent(DAAN), P.CLOSED),
    (P.WILL, {"commitment": "x", "step": "lookback"}, Next(ANNA), P.CLOSED),
    (P.WILL, {"commitment": "x", "step": "lookback", "lookback_options": (11, 12),
              "_ctx": {"contributions": lines_of(BOB, CARLA, DAAN)}},
     LookBackChoice(ANNA, 12), P.CLOSED),
    (P.WILL, {"commitment": "x", "step": "lookback", "lookback_options": (11, 12)},
     LookBackChoice(ANNA, 12), P.WILL),
    (P.WILL, {"commitment": "x", "step": "lookback"}, TimerFired("lookback_end"), P.CLOSED),
    *[(phase, {"checkin_open": True}, CheckinAnswer(ANNA, "steer"), phase)
      for phase in (P.GOAL, P.REALITY, P.OPTIONS, P.WILL)],
    *[(phase, {"previous_commitment": "Wachten"}, TriedAnswer(ANNA, "partly"), phase)
      for phase in (P.ANNOUNCED, P.AWAITING_CLIP, P.WATCHING, *TALK_PHASES)],
    *[(phase, {}, TimeboxChanged(Settings(goal_minutes=5)), phase)
      for phase in (P.WATCHING, *TALK_PHASES)],
    (P.CLOSED, {"commitment": "x", "phase_started_at": NOW - timedelta(hours=2)},
     MoveLine(BOB, 534, "Eerst vragen wat je ziet."), P.CLOSED),
    *[(phase, {}, Contribution(BOB, 510 + i, "Wat wil je dat ze doen?"), phase)
      for i, phase in enumerate((P.GOAL, P.REALITY, P.OPTIONS, P.WILL))],
    *[(phase, {}, Watched(CARLA), phase) for phase in (P.GOAL, P.REALITY, P.OPTIONS, P.WILL)],
    *[(phase, {}, ToggleTips(ANNA), phase) for phase in (P.GOAL, P.REALITY, P.OPTIONS, P.WILL)],
    *[(phase, {}, TimerFired("phase_reminder"), phase)
      for phase in (P.GOAL, P.REALITY, P.OPTIONS, P.WILL)],
    *[(phase, {}, TimerFired("tick"), phase) for phase in (P.GOAL, P.REALITY, P.OPTIONS, P.WILL)],
    *[(phase, {}, Cancel(BOB, is_admin=True), P.CANCELLED)
      for phase in (P.ANNOUNCED, P.AWAITING_CLIP, P.WATCHING, P.GOAL, P.REALITY, P.OPTIONS,
                    P.WILL)],
    (P.CLOSED, {"commitment": "x", "lookback_options": (11,)}, LookBackChoice(ANNA, 11),
     P.CLOSED),
    (P.CLOSED, {"commitment": "Wachten tot het stil is"}, TimerFired("followup"), P.CLOSED),
    (P.CLOSED, {"next_turn_at": NOW + timedelta(days=14),
                "_ctx": {"upcoming_meetings": (NOW + timedelta(days=4),)}},
     ScheduleChanged(), P.CLOSED),  # the next turn told at closing moved
    # Voice notes: counted in the talk (after the agreements), ignored before it.
    *[(phase, {"_ctx": {"members": NOT_AGREED}}, VoiceNote(EVA, 540 + i, "v", 12), phase)
      for i, phase in enumerate(TALK_PHASES)],
    *[(phase, {}, VoiceNote(BOB, 550 + i, "v", 35), phase) for i, phase in enumerate(TALK_PHASES)],
    *[(phase, {}, VoiceNote(BOB, 560 + i, "v", 35), phase)
      for i, phase in enumerate((P.ANNOUNCED, P.AWAITING_CLIP, P.WATCHING))],
    *[(phase, {"_ctx": {"contributions": with_voice_note(570 + i, phase.value)}},
       VoiceTranscribed(BOB, 570 + i, "Wat zag je toen?"), phase)
      for i, phase in enumerate((*TALK_PHASES, P.CLOSED))],
    # The clip's speech and silence, from the intake on.
    *[(phase, {"clip": CLIP}, AskSound(ANNA), phase)
      for phase in (P.AWAITING_CLIP, P.WATCHING, *TALK_PHASES)],
]


@pytest.mark.parametrize("phase,changes,event,expected", SCENARIOS)
def test_every_scenario_moves_as_the_table_says(phase: Phase, changes: dict[str, Any],
                                                event: Event, expected: Phase) -> None:
    decision = decide(scenario_ctx(phase, changes), event)
    assert not decision.refused
    assert decision.cycle.phase is expected


def scenario_ctx(phase: Phase, changes: dict[str, Any]) -> CycleContext:
    """A scenario's cycle; its "_ctx" entry changes the context (members, contributions)."""
    changes = dict(changes)
    ctx_changes = changes.pop("_ctx", {})
    return ctx_for(cycle_in(phase, **changes), **ctx_changes)


def test_the_scenarios_take_every_transition_of_the_table() -> None:
    taken = {id(choose(scenario_ctx(phase, changes), event))
             for phase, changes, event, _ in SCENARIOS}
    missing = [(t.source.value, t.event) for t in TRANSITIONS if id(t) not in taken]
    assert not missing


SAMPLE_EVENTS: list[Event] = [
    Accept(ANNA), Swap(ANNA), ClipPosted(ANNA, CLIP, QUESTION), LearningQuestion(ANNA, QUESTION),
    Consent(ANNA), Wait(ANNA), Watched(BOB), Next(ANNA), ToggleTips(ANNA), Cancel(ANNA),
    Contribution(BOB, 600, "Wat zag je toen?"), LookBackChoice(ANNA, 0),
    *[TimerFired(name) for name in ("watch_end", "phase_reminder", "tick", "lookback_end",
                                    "meeting_open", "clip_reminder", "followup",
                                    "meeting_over")],
    MeetingBegan(NOW), MemberLeft(ANNA, "Anna"), ScheduleChanged(),
]


UNHANDLED = [(phase, event) for phase in Phase for event in SAMPLE_EVENTS
             if not any(t.source == phase and t.event == event.name for t in TRANSITIONS)]


@pytest.mark.parametrize("phase,event", UNHANDLED, ids=lambda v: getattr(v, "name", str(v)))
def test_an_event_without_a_transition_is_refused_and_changes_nothing(phase: Phase,
                                                                      event: Event) -> None:
    cycle = cycle_in(phase)
    decision = decide(ctx_for(cycle), event)
    assert decision.refused and decision.cycle == cycle and decision.effects == ()


@pytest.mark.parametrize("phase,event", [
    (P.ANNOUNCED, Accept(BOB)),                      # only the inbrenger accepts
    (P.ANNOUNCED, Swap(BOB)),                        # a peer may not pass someone's turn
    (P.AWAITING_CLIP, ClipPosted(BOB, CLIP, QUESTION)),  # a clip from someone else
    (P.GOAL, Next(BOB)),                             # a peer cannot move on
    (P.REALITY, ToggleTips(BOB)),                    # only the inbrenger opens for tips
    (P.WATCHING, Watched(OUTSIDER)),                 # a non-member's button
    (P.WILL, Next(ANNA)),                            # no commitment yet
    (P.GOAL, Cancel(CARLA)),                         # a peer cannot cancel
    (P.CLOSED, Next(ANNA)),                          # a stale command
    (P.CLOSED, LookBackChoice(ANNA, 11)),            # no look back was offered
    (P.CANCELLED, Watched(BOB)),                     # a stale button
])
def test_a_guarded_event_is_refused_with_a_reason_and_changes_nothing(phase: Phase,
                                                                       event: Event) -> None:
    cycle = cycle_in(phase)
    decision = decide(ctx_for(cycle), event)
    assert decision.refused and decision.cycle == cycle and decision.effects == ()
    assert decision.refusal is not None and render_all("nl", (decision.refusal,))


def test_a_better_clip_before_the_watching_replaces_the_first_and_asks_consent_again() -> None:
    """"Oh wacht, deze is beter": before anyone watched, the inbrenger's new clip takes the
    first one's place (no /cancel needed); the learning question stays, and consent, which is
    about a recording, is asked for the new one while the first one's question goes."""
    cycle = cycle_in(P.AWAITING_CLIP, clip=CLIP, learning_question=QUESTION, consent=True)
    other = Clip("file-2", "uniq-2", "video", 40, 600)
    decision = decide(ctx_for(cycle), ClipPosted(ANNA, other, None))
    assert not decision.refused and decision.cycle.clip == other
    assert decision.cycle.learning_question == QUESTION and not decision.cycle.consent
    assert "komt in de plaats van de vorige" in said(decision)
    assert ButtonsDone(7, frozenset({"accept", "swap", "consent"})) in decision.effects
    assert any(b.endswith(":consent") for b in group_buttons(decision))


def test_a_clip_with_a_problem_is_refused_with_that_problem() -> None:
    problem = Text("clip.unreadable")
    decision = decide(ctx_for(cycle_in(P.AWAITING_CLIP)), ClipPosted(ANNA, CLIP, QUESTION,
                                                                      problem))
    assert decision.refusal == problem and decision.cycle.clip is None


def test_a_clip_with_a_good_learning_question_asks_for_consent() -> None:
    decision = decide(ctx_for(cycle_in(P.AWAITING_CLIP)), ClipPosted(ANNA, CLIP, QUESTION))
    assert decision.cycle.learning_question == QUESTION
    assert "toestemming" in said(decision)
    buttons = group_buttons(decision)
    assert "cy:7:consent" in buttons


def test_consent_before_the_meeting_names_when_the_talk_starts() -> None:
    """A term played through: with the intake done days ahead, "the conversation starts at
    the agreed time" left the group to look the time up."""
    ready = cycle_in(P.AWAITING_CLIP, clip=CLIP, learning_question=QUESTION,
                     meeting_at=datetime(2027, 3, 30, 13, 0, tzinfo=UTC))
    decision = decide(ctx_for(ready, now=datetime(2027, 3, 28, 9, 0, tzinfo=UTC)),
                      Consent(ANNA))
    assert decision.cycle.consent
    assert "Het gesprek begint bij de bijeenkomst, di 30 mrt 15:00." in said(decision)


def test_a_clip_completed_the_day_after_a_meeting_that_passed_waits_for_the_next() -> None:
    """A term played through: the inbrenger brought no clip, the group chose nothing at the
    meeting, and the clip came the day after; its consent opened the watching at once, and
    the talk with it, for a group that was not there. Within the meeting's timeboxes it
    still opens at once (a clip brought late while the group waits), and so it does when no
    later meeting is planned (nothing else would open it)."""
    meeting = NOW - timedelta(days=1)
    ready = cycle_in(P.AWAITING_CLIP, clip=CLIP, learning_question=QUESTION, meeting_at=meeting)
    next_week = (NOW + timedelta(days=6),)
    day_after = decide(ctx_for(ready, upcoming_meetings=next_week), Consent(ANNA))
    assert day_after.cycle.phase is P.AWAITING_CLIP and day_after.cycle.consent
    assert "Het gesprek begint bij de bijeenkomst, " in said(day_after)
    during = replace(ready, meeting_at=NOW - timedelta(minutes=40))
    assert decide(ctx_for(during, upcoming_meetings=next_week),
                  Consent(ANNA)).cycle.phase is P.WATCHING
    in_its_look_back = replace(ready, meeting_at=NOW - timedelta(minutes=67))  # of 70
    assert decide(ctx_for(in_its_look_back, upcoming_meetings=next_week),
                  Consent(ANNA)).cycle.phase is P.WATCHING
    assert decide(ctx_for(ready), Consent(ANNA)).cycle.phase is P.WATCHING  # no next meeting
    # The next meeting's start opens it, as for any complete intake.
    waiting = day_after.cycle
    opened = decide(ctx_for(waiting, now=next_week[0]), MeetingBegan(next_week[0]))
    assert opened.cycle.phase is P.WATCHING


def test_an_old_meetings_wait_button_pressed_the_day_after_opens_nothing() -> None:
    """Left open by the school-term walk: the meeting's "wait 15 minutes" button, pressed the
    day after (the clip came late and waits for the next meeting), set a timer whose firing
    opened the watching for a group that was not there. Within the meeting it still waits."""
    ready = cycle_in(P.AWAITING_CLIP, clip=CLIP, learning_question=QUESTION, consent=True,
                     meeting_at=NOW - timedelta(days=1))
    next_week = (NOW + timedelta(days=6),)
    pressed = decide(ctx_for(ready, upcoming_meetings=next_week), Wait(BOB))
    assert pressed.refusal == text("cycle.refused.meeting_over")
    assert not [e for e in pressed.effects if isinstance(e, SetTimer)]
    during = replace(ready, clip=None, meeting_at=NOW - timedelta(minutes=5))
    waited = decide(ctx_for(during, upcoming_meetings=next_week), Wait(BOB))
    assert waited.refusal is None and [e for e in waited.effects if isinstance(e, SetTimer)]


@pytest.mark.parametrize("caption,correction", [
    ("De klas is druk", "vraag"),                      # not a question
    ("Waarom zijn de leerlingen zo onrustig?", "eigen handelen"),  # not about own actions
    ("Hoe?", "kort"),                                 # too short
])
def test_a_weak_learning_question_gets_a_friendly_correction_with_an_example(
        caption: str, correction: str) -> None:
    decision = decide(ctx_for(cycle_in(P.AWAITING_CLIP)), ClipPosted(ANNA, CLIP, caption))
    assert decision.cycle.clip == CLIP and decision.cycle.learning_question is None
    text_said = said(decision)
    assert correction in text_said and "Bijvoorbeeld" in text_said


def test_an_english_group_gets_english_corrections() -> None:
    ctx = ctx_for(cycle_in(P.AWAITING_CLIP, clip=CLIP, question_message_id=CLIP.message_id),
                  settings=Settings(language="en"))
    decision = decide(ctx, LearningQuestion(ANNA, "The class is noisy", CLIP.message_id))
    assert [e.texts for e in decision.effects if isinstance(e, Say)] == [
        (Text("lq.not_a_question"), Text("lq.example"), Text("lq.send_as_question"))]
    assert render_all("en", decision.effects[0].texts).startswith(  # type: ignore[union-attr]
        "Please write your learning question as a question")


def test_chat_where_a_clip_is_expected_is_answered_once_and_changes_nothing_else() -> None:
    cycle = cycle_in(P.AWAITING_CLIP)
    decision = decide(ctx_for(cycle), Contribution(ANNA, 700, "Hier komt mijn vraag"))
    assert not decision.refused and "wacht nog op je clip" in said(decision)
    assert decision.cycle == replace(cycle, clip_awaited_told=True)


def test_opening_the_meeting_shows_agreements_storyboard_and_watch_button() -> None:
    cycle = cycle_in(P.AWAITING_CLIP, clip=CLIP, learning_question=QUESTION)
    decision = decide(ctx_for(cycle), Consent(ANNA))
    assert decision.cycle.phase is P.WATCHING
    assert SendStoryboard(7) in decision.effects and RecordTurn(ANNA) in decision.effects
    assert "afspraken" in said(decision)
    assert any(isinstance(e, SetTimer) and e.event == "watch_end" for e in decision.effects)
    # "Watch Anna's clip" answers the clip itself, which may lie far up the chat.
    [watch] = [e for e in decision.effects if isinstance(e, Say) and "Bekijk" in render_all(
        "nl", e.texts)]
    assert watch.reply_to == CLIP.message_id


def test_the_watch_gate_waits_for_every_peer() -> None:
    cycle = cycle_in(P.WATCHING, watched_by=frozenset({BOB}))
    decision = decide(ctx_for(cycle), Watched(CARLA))
    assert decision.cycle.phase is P.WATCHING
    decision = decide(ctx_for(decision.cycle), Watched(DAAN))
    assert decision.cycle.phase is P.GOAL and decision.cycle.watched_before_talk


def test_the_watch_timebox_opens_the_talk_and_notes_not_everyone_watched() -> None:
    cycle = cycle_in(P.WATCHING, watched_by=frozenset({BOB}))
    decision = decide(ctx_for(cycle), TimerFired("watch_end"))
    assert decision.cycle.phase is P.GOAL and not decision.cycle.watched_before_talk


@pytest.mark.parametrize("phase,words", [
    (P.GOAL, "wat wil je"), (P.REALITY, "wat zie en hoor je"),
    (P.OPTIONS, "eerst jij"), (P.WILL, "wat ga je proberen, en met welk doel"),
])
def test_phase_prompts_carry_the_practice(phase: Phase, words: str) -> None:
    previous = {P.GOAL: P.WATCHING, P.REALITY: P.GOAL, P.OPTIONS: P.REALITY,
                P.WILL: P.OPTIONS}[phase]
    step = "analysis" if previous is P.REALITY else ""
    decision = decide(ctx_for(cycle_in(previous, step=step)), Next(ANNA))
    assert decision.cycle.phase is phase
    assert words in said(decision).lower()


def test_reality_goes_step_by_step_observation_strong_moments_then_analysis() -> None:
    prompts = []
    cycle = cycle_in(P.GOAL)
    for _ in range(4):
        decision = decide(ctx_for(cycle), Next(ANNA))
        cycle = decision.cycle
        prompts.append((cycle.phase, cycle.step, said(decision).lower()))
    assert [(phase, step) for phase, step, _ in prompts] == [
        (P.REALITY, "see"), (P.REALITY, "strong"), (P.REALITY, "analysis"), (P.OPTIONS, "")]
    assert "wat zie en hoor" in prompts[0][2] and "stap 1 van 3" in prompts[0][2]
    assert "sterk moment" in prompts[1][2] and "leervraag" in prompts[2][2]


def test_a_timebox_reminds_but_does_not_move_on() -> None:
    decision = decide(ctx_for(cycle_in(P.REALITY)), TimerFired("phase_reminder"))
    assert decision.cycle.phase is P.REALITY and "tijd" in said(decision)


def test_the_inbrengers_words_in_will_are_proposed_not_taken_as_the_commitment() -> None:
    decision = decide(ctx_for(cycle_in(P.WILL)), Contribution(ANNA, 800, "Morgen al, denk ik!"))
    assert decision.cycle.commitment is None
    assert decision.cycle.proposed_commitment == "Morgen al, denk ik!"
    assert StoreContribution(ANNA, "will", 800, "Morgen al, denk ik!",
                             decision.effects[0].label) in decision.effects  # type: ignore[union-attr]
    buttons = group_buttons(decision)
    assert buttons == ["cy:7:commit:800"] and "Morgen al, denk ik!" in said(decision)


def test_the_look_back_offers_activating_contributions_and_none_of_these() -> None:
    decision = decide(ctx_for(cycle_in(P.WILL, commitment="x")), Next(ANNA))
    assert decision.cycle.step == "lookback" and set(decision.cycle.lookback_options) == {11, 12}
    buttons = group_buttons(decision)
    assert "cy:7:look:0" in buttons and "cy:7:look:13" not in buttons  # a tip is not offered


def test_closing_summarises_for_group_and_coach_and_plans_the_follow_up() -> None:
    cycle = cycle_in(P.WILL, commitment="Wachten tot het stil is", step="lookback",
                     lookback_options=(11, 12))
    decision = decide(ctx_for(cycle, contributions=lines_of(BOB, CARLA, DAAN)),
                      LookBackChoice(ANNA, 11))
    assert decision.cycle.phase is P.CLOSED and decision.cycle.lookback_choice == 11
    summary = said(decision)
    assert QUESTION in summary and "Wachten tot het stil is" in summary
    assert "Op 1:23" in summary  # the reality in a few lines, and the helpful contribution
    assert SendCoachSummary(7) in decision.effects
    assert any(isinstance(e, SetTimer) and e.event == "followup" for e in decision.effects)
    assert CancelTimer("cycle:7:tick") in decision.effects


def test_a_late_look_back_answer_is_added_after_closing() -> None:
    cycle = cycle_in(P.CLOSED, commitment="x", lookback_options=(11, 12))
    decision = decide(ctx_for(cycle), LookBackChoice(ANNA, 12))
    assert decision.cycle.lookback_choice == 12
    assert SendCoachSummary(7) not in decision.effects  # a short addition, not all again
    assert any(isinstance(e, SendCoachAddition) for e in decision.effects)
    assert "Aanvulling" in said(decision) and "Samenvatting" not in said(decision)
    again = decide(ctx_for(decision.cycle), LookBackChoice(ANNA, 11))
    assert again.refused


def test_the_next_cycle_recalls_the_commitment() -> None:
    cycle = cycle_in(P.WATCHING, previous_commitment="Wachten tot het stil is", number=2)
    decision = decide(ctx_for(cycle), Next(ANNA))
    assert "Wachten tot het stil is" in said(decision)


def test_the_goal_recalls_the_previous_commitment_once_and_asks_about_it_only_if_open() -> None:
    """Answered at the announcement, the goal recalls the commitment; still open, the goal
    asks what the new clip shows, a question that recalls the commitment itself."""
    answered = cycle_in(P.WATCHING, previous_commitment="Eerst stilte vragen", tried="yes")
    goal = decide(ctx_for(answered), Next(ANNA))
    assert goal.cycle.phase is P.GOAL
    assert said(goal).count("Eerst stilte vragen") == 1
    assert "vorige keer nam je je voor" in said(goal)
    assert "Vertel de groep eerst kort hoe het ging" in said(goal)
    assert "Laat de clip die je inbrengt zien" not in said(goal)
    assert not any(":tried:" in data for data in group_buttons(goal))
    still_open = decide(ctx_for(replace(answered, tried=None)), Next(ANNA))
    assert said(still_open).count("Eerst stilte vragen") == 1
    assert "Laat de clip die je inbrengt zien" in said(still_open)
    assert "vertel de groep eerst kort hoe het ging" in said(still_open)
    assert "cy:7:tried:yes" in group_buttons(still_open)


# --- a later meeting while a cycle is still open --------------------------------------------

@pytest.mark.parametrize("meeting_at", [NOW - timedelta(days=7), None],
                         ids=["an earlier meeting's cycle", "a cycle started by hand"])
def test_a_later_meeting_puts_the_missing_clip_to_the_group_again(
        meeting_at: datetime | None) -> None:
    cycle = cycle_in(P.AWAITING_CLIP, meeting_at=meeting_at)
    decision = decide(ctx_for(cycle), MeetingBegan(NOW))
    assert "Het is tijd voor de bijeenkomst, maar Anna heeft nog geen clip gedeeld" in \
        said(decision)
    assert [b.split(":")[2] for b in group_buttons(decision)] == ["wait", "swap", "cancel"]
    # The cycle now belongs to this meeting: any member may choose, not only Anna or an admin.
    swapped = decide(ctx_for(decision.cycle), Swap(CARLA))
    assert not swapped.refused and swapped.cycle.inbrenger_id != ANNA


def test_the_meeting_a_cycle_was_announced_for_is_left_to_its_own_timer() -> None:
    cycle = cycle_in(P.AWAITING_CLIP, meeting_at=NOW)
    decision = decide(ctx_for(cycle), MeetingBegan(NOW))
    assert decision.refused and decision.effects == ()


@pytest.mark.parametrize("phase,step,named", [(P.REALITY, "strong", "realiteit"),
                                              (P.WILL, "commit", "voornemen")])
def test_a_later_meeting_names_where_a_standing_talk_was(phase: Phase, step: str,
                                                         named: str) -> None:
    cycle = cycle_in(phase, step=step, meeting_at=NOW - timedelta(days=7),
                     phase_started_at=NOW - timedelta(days=7))
    decision = decide(ctx_for(cycle), MeetingBegan(NOW))
    assert decision.cycle == cycle
    assert said(decision).startswith("📅 Het is tijd voor de bijeenkomst. De cyclus van Anna "
                                     f"staat nog open, in de fase <b>{named}</b>")


def test_a_meeting_that_begins_while_the_group_is_talking_says_nothing() -> None:
    """A cycle started by hand shortly before the scheduled time: the talk goes on."""
    cycle = cycle_in(P.REALITY)  # its phase began three minutes ago
    assert decide(ctx_for(cycle), MeetingBegan(NOW)).refused


def test_a_meeting_during_the_look_back_says_nothing() -> None:
    """The look back closes by its own short timebox; the meeting needs no word about it."""
    cycle = cycle_in(P.WILL, step="lookback", commitment="x")
    assert decide(ctx_for(cycle), MeetingBegan(NOW)).refused


# --- a talk left standing -----------------------------------------------------------------

def _tick_in(decision: Decision) -> timedelta | None:
    due = [e.due for e in decision.effects if isinstance(e, SetTimer) and e.event == "tick"]
    return due[0] - NOW if due else None


def test_a_talk_left_standing_is_checked_hourly_and_wakes_at_the_next_word() -> None:
    standing = cycle_in(P.OPTIONS, phase_started_at=NOW - timedelta(hours=3))
    assert _tick_in(decide(ctx_for(standing), TimerFired("tick"))) == timedelta(minutes=60)
    woken = decide(ctx_for(standing), Contribution(BOB, 700, "Wat zou je nog meer kunnen doen?"))
    assert _tick_in(woken) == timedelta(minutes=2)
    again = decide(ctx_for(woken.cycle), TimerFired("tick"))
    assert _tick_in(again) == timedelta(minutes=2)


def test_the_inbrengers_own_word_wakes_a_standing_talk_too() -> None:
    standing = cycle_in(P.OPTIONS, phase_started_at=NOW - timedelta(hours=3))
    woken = decide(ctx_for(standing), Contribution(ANNA, 702, "Ik zou het morgen anders doen."))
    assert _tick_in(woken) == timedelta(minutes=2)
    assert _tick_in(decide(ctx_for(woken.cycle), TimerFired("tick"))) == timedelta(minutes=2)


def test_a_live_talk_is_checked_every_two_minutes_and_words_set_no_timer() -> None:
    live = cycle_in(P.OPTIONS)  # began three minutes ago
    assert _tick_in(decide(ctx_for(live), TimerFired("tick"))) == timedelta(minutes=2)
    assert _tick_in(decide(ctx_for(live), Contribution(BOB, 701, "Wat nog meer?"))) is None


# --- a member who leaves while a cycle is open ----------------------------------------------

def test_an_inbrenger_who_leaves_before_the_meeting_passes_the_turn_on() -> None:
    cycle = cycle_in(P.AWAITING_CLIP, meeting_at=NOW + timedelta(days=1))
    decision = decide(ctx_for(cycle, members=MEMBERS[1:]), MemberLeft(ANNA, "Anna"))
    assert decision.cycle.inbrenger_id == CARLA  # longest since her last turn, of the fewest
    assert decision.cycle.meeting_at == cycle.meeting_at
    assert said(decision).startswith("Anna doet niet meer mee met deze groep, dus de beurt "
                                     "gaat naar Carla.\n\n📣 <b>Carla</b> is aan de beurt als inbrenger")


def test_with_one_member_left_the_turn_is_not_passed_on_but_the_cycle_stops() -> None:
    cycle = cycle_in(P.ANNOUNCED)
    decision = decide(ctx_for(cycle, members=MEMBERS[1:2]), MemberLeft(ANNA, "Anna"))
    assert decision.cycle.phase is P.CANCELLED
    assert said(decision).startswith("Anna doet niet meer mee met deze groep, en er is nu "
                                     "niemand anders die de beurt kan nemen.")


def test_an_inbrenger_who_leaves_the_chat_during_the_talk_stops_the_cycle() -> None:
    decision = decide(ctx_for(cycle_in(P.REALITY), members=MEMBERS[1:]),
                      MemberLeft(ANNA, "Anna"))
    assert decision.cycle.phase is P.CANCELLED
    # why it stops, then that it stopped, once (it used to say "stopt hier" and "gestopt")
    assert said(decision).startswith("Anna heeft de chat verlaten. Dit gesprek gaat over het "
                                     "lesgeven van Anna, dus zonder Anna kan het niet verder."
                                     "\n\nDe cyclus is gestopt.\n\nWat er al "
                                     "gezegd is, blijft bewaard.")
    assert "stop" not in said(decision).split("\n\n")[0]


def test_a_peer_who_leaves_is_no_longer_waited_for_to_watch() -> None:
    cycle = cycle_in(P.WATCHING, watched_by=frozenset({BOB}))
    still = decide(ctx_for(cycle, members=MEMBERS[:3]), MemberLeft(DAAN, "Daan"))
    assert still.refused  # Carla has not watched yet
    done = decide(ctx_for(replace(cycle, watched_by=frozenset({BOB, CARLA})),
                          members=MEMBERS[:3]), MemberLeft(DAAN, "Daan"))
    assert done.cycle.phase is P.GOAL


def test_a_peer_who_leaves_during_the_talk_changes_nothing() -> None:
    assert decide(ctx_for(cycle_in(P.REALITY), members=MEMBERS[:3]),
                  MemberLeft(DAAN, "Daan")).refused


@pytest.mark.parametrize("phase,refused", [(P.ANNOUNCED, False), (P.AWAITING_CLIP, False),
                                           (P.WATCHING, True), (P.REALITY, True),
                                           (P.CLOSED, False)])
def test_leave_is_refused_to_the_inbrenger_only_once_the_clip_is_shown(phase: Phase,
                                                                        refused: bool) -> None:
    refusal = leave_refusal(cycle_in(phase), ANNA, "Anna")
    assert (refusal is not None) is refused
    assert leave_refusal(cycle_in(phase), BOB, "Bob") is None
    if refusal is not None:
        assert "/cancel" in render_all("nl", (refusal,))


def test_swap_passes_the_turn_to_the_next_in_rotation_without_counting_a_turn() -> None:
    decision = decide(ctx_for(cycle_in(P.ANNOUNCED)), Swap(ANNA))
    # Carla and Bob both had one turn; Carla's was longest ago.
    assert decision.cycle.inbrenger_id == CARLA and ANNA in decision.cycle.skipped_by
    assert not any(isinstance(e, RecordTurn) for e in decision.effects)
    again = decide(ctx_for(decision.cycle), Swap(CARLA))
    assert again.cycle.inbrenger_id == BOB


def test_a_turn_passed_on_by_someone_else_says_who_passed_it() -> None:
    """An admin passing the turn on, or a member choosing "next member brings in" at the
    meeting: before, the group read "Anna passes the turn on" under "✅ Bob: Pass the turn
    on", words put in the mouth of an inbrenger who had not said a thing."""
    own = decide(ctx_for(cycle_in(P.ANNOUNCED)), Swap(ANNA))
    assert "Anna geeft de beurt door aan Carla." in said(own)
    by_admin = decide(ctx_for(cycle_in(P.AWAITING_CLIP)), Swap(BOB, is_admin=True))
    assert "Bob geeft de beurt van Anna door aan Carla." in said(by_admin)
    at_meeting = decide(ctx_for(cycle_in(P.AWAITING_CLIP, meeting_at=NOW)), Swap(BOB))
    assert "Bob geeft de beurt van Anna door aan Carla." in said(at_meeting)
    # The rotation gives the turn to the admin who passed it: not "Carla ... on to Carla".
    to_self = decide(ctx_for(cycle_in(P.AWAITING_CLIP)), Swap(CARLA, is_admin=True))
    assert "Carla neemt de beurt van Anna over." in said(to_self)


def test_a_non_member_is_told_once_how_to_join() -> None:
    cycle = cycle_in(P.REALITY)
    first = decide(ctx_for(cycle), Contribution(OUTSIDER, 900, "Mag ik iets zeggen?"))
    assert "/join" in said(first) and not any(isinstance(e, StoreContribution)
                                              for e in first.effects)
    second = decide(ctx_for(first.cycle), Contribution(OUTSIDER, 901, "Hallo?"))
    assert second.effects == () and not second.refused


def test_a_tip_in_reality_is_stored_and_nudged_once() -> None:
    decision = decide(ctx_for(cycle_in(P.REALITY)),
                      Contribution(BOB, 1000, "Je zou meer wachttijd kunnen geven."))
    stored = [e for e in decision.effects if isinstance(e, StoreContribution)]
    assert stored and stored[0].label == "tip"
    assert any(isinstance(e, SayPrivately) and e.user_id == BOB for e in decision.effects)


def test_the_machine_is_valid_and_the_diagram_in_docs_is_current() -> None:
    validate()
    from pathlib import Path
    diagram = Path(__file__).resolve().parents[2] / "docs" / "cycle.md"
    assert diagram.read_text("utf-8") == document(), "run: python -m flows.cycle.diagram > docs/cycle.md"


# --- a scheduled meeting: when, in the announcement and the reminders ------------------------

def test_a_scheduled_announcement_names_its_meeting() -> None:
    meeting = datetime(2026, 12, 10, 14, 30, tzinfo=UTC)  # Thursday, 15:30 in Amsterdam
    cycle = cycle_in(P.AWAITING_CLIP, meeting_at=NOW + timedelta(days=1))
    decision = decide(ctx_for(replace(cycle, meeting_at=meeting), members=MEMBERS[1:]),
                      MemberLeft(ANNA, "Anna"))  # the turn passes on: a new announcement
    assert "🗓 De bijeenkomst: <b>do 10 dec 15:30</b>." in said(decision)


def test_the_day_before_and_the_last_clip_reminder_say_how_far_off_the_meeting_is() -> None:
    meeting = datetime(2026, 12, 10, 14, 30, tzinfo=UTC)
    cycle = cycle_in(P.AWAITING_CLIP, meeting_at=meeting)
    day_before = decide(ctx_for(cycle, now=meeting - timedelta(hours=24)),
                        TimerFired("clip_reminder"))
    last = decide(ctx_for(cycle, now=meeting - timedelta(hours=2)), TimerFired("clip_reminder"))
    assert "bij de bijeenkomst van do 10 dec 15:30, over 24 uur." in said(day_before)
    assert "bij de bijeenkomst van do 10 dec 15:30, over 2 uur." in said(last)
    by_hand = decide(ctx_for(cycle_in(P.AWAITING_CLIP)), TimerFired("clip_reminder"))
    assert "voor de volgende bijeenkomst" in said(by_hand)
    # A cycle started by hand is brought up at the schedule's next meeting: its reminders
    # name that one, so they are not the same words as the cycle's own (the UX review).
    scheduled = replace(ctx_for(cycle_in(P.AWAITING_CLIP), now=meeting - timedelta(hours=2)),
                        upcoming_meetings=(meeting,))
    assert "bij de bijeenkomst van do 10 dec 15:30, over 2 uur." in said(
        decide(scheduled, TimerFired("clip_reminder")))
    # One whose meeting passed without its clip is reminded of the next one, by its date (a
    # review of the day's work read "voor de volgende bijeenkomst").
    lapsed = replace(ctx_for(cycle_in(P.AWAITING_CLIP, meeting_at=meeting - timedelta(days=7)),
                             now=meeting - timedelta(hours=24)), upcoming_meetings=(meeting,))
    assert "bij de bijeenkomst van do 10 dec 15:30, over 24 uur." in said(
        decide(lapsed, TimerFired("clip_reminder")))


def test_the_follow_up_asks_no_question_the_private_chat_cannot_take() -> None:
    closed = cycle_in(P.CLOSED, commitment="Ik wacht tot het stil is, zodat ik rust heb.")
    followup = said(decide(ctx_for(closed), TimerFired("followup")))
    assert "Ik wacht tot het stil is" in followup and "?" not in followup
    assert "volgende cyclus" in followup


def test_a_tips_button_does_what_its_label_said_even_after_a_typed_tips() -> None:
    """The prompt's "Open voor tips" stays on screen after the inbrenger typed /tips; pressed
    then, it must not close the floor it offers to open."""
    opened = cycle_in(P.REALITY, tips_open=True)
    pressed = decide(ctx_for(opened), ToggleTips(ANNA, to="open"))
    assert pressed.cycle.tips_open and pressed.effects == ()
    assert pressed.ack == Text("cycle.ack.tips_already_open")
    closing = decide(ctx_for(opened), ToggleTips(ANNA, to="close"))
    assert not closing.cycle.tips_open
    assert "cy:7:tips:open" in group_buttons(decide(ctx_for(cycle_in(P.GOAL)), Next(ANNA)))


def test_a_bare_tips_typed_after_the_button_keeps_the_floor_open() -> None:
    """The nudging review: the inbrenger pressed "Open voor tips" and typed /tips to be sure,
    which closed the floor again, and the next tips were nudged. A bare /tips opens; while
    open it says how to close (a button, or /tips uit), and /tips uit or off closes."""
    opened = cycle_in(P.REALITY, tips_open=True)
    typed = decide(ctx_for(opened), ToggleTips.typed(ANNA, []))
    assert typed.cycle.tips_open
    assert "staat al open voor tips" in said(typed) and "/tips uit" in said(typed)
    assert group_buttons(typed) == ["cy:7:tips:close"]
    for words in (["uit"], ["Off"], ["dicht"], ["uit", "graag"]):
        assert not decide(ctx_for(opened), ToggleTips.typed(ANNA, words)).cycle.tips_open
    asked_open = decide(ctx_for(opened), ToggleTips.typed(ANNA, ["aan"]))  # as the button would
    assert asked_open.cycle.tips_open and asked_open.ack == Text("cycle.ack.tips_already_open")
    closed = cycle_in(P.REALITY)
    assert decide(ctx_for(closed), ToggleTips.typed(ANNA, [])).cycle.tips_open
    assert decide(ctx_for(closed), ToggleTips.typed(ANNA, ["graag"])).cycle.tips_open
    refused = decide(ctx_for(closed), ToggleTips.typed(ANNA, ["uit"]))
    assert not refused.cycle.tips_open and refused.ack == Text("cycle.ack.tips_already_closed")


def test_the_look_back_offers_different_moves_of_the_peers_never_the_inbrengers_own() -> None:
    """The most recent of each kind first (Bob's question, then his observation), then the
    most recent of the rest; Anna's own reflection is hers, not a peer's move."""
    talk = CONTRIBUTIONS + (
        ContributionRef(14, DAAN, "options", "Wat zou je nog meer kunnen doen?", "open_question"),
        ContributionRef(15, BOB, "options", "Hoe zou het voelen als je wacht?", "open_question"),
        ContributionRef(16, ANNA, "will", "Ik merk dat ik rustiger word.", "reflection"))
    decision = decide(ctx_for(cycle_in(P.WILL, commitment="x"), contributions=talk), Next(ANNA))
    assert decision.cycle.lookback_options == (15, 11, 14)


def test_a_contribution_of_sixty_characters_is_offered_whole_in_the_look_back() -> None:
    words = "Wat maakte dat je daar bleef wachten toen het rumoerig werd?"  # 60 characters
    talk = (ContributionRef(12, CARLA, "reality", words, "open_question"),)
    decision = decide(ctx_for(cycle_in(P.WILL, commitment="x"), contributions=talk), Next(ANNA))
    labels = [render_all("nl", (b.label,)) for e in decision.effects if isinstance(e, Say)
              for row in e.buttons for b in row]
    assert any(words in label for label in labels) and not any("…" in label for label in labels)


def test_a_follow_up_of_a_commitment_a_later_cycle_replaced_is_not_sent() -> None:
    """The coach review: Bram's second cycle closed before the first one's follow-up came, and
    then both follow-ups arrived at once, the first for a commitment already looked back on."""
    closed = cycle_in(P.CLOSED, commitment="Ik wacht tot het stil is")
    later = PastCycle(ANNA, 2, "Hoe ...?", "Ik tel tot vijf", (), cycle_id=closed.id + 1)
    assert decide(ctx_for(closed, history=(later,)), TimerFired("followup")).effects == ()
    other = replace(later, inbrenger_id=BOB)  # another member's later cycle changes nothing
    assert said(decide(ctx_for(closed, history=(other,)), TimerFired("followup")))


def test_a_cycle_closed_without_a_commitment_sends_no_follow_up() -> None:
    decision = decide(ctx_for(cycle_in(P.CLOSED)), TimerFired("followup"))
    assert decision.effects == ()
