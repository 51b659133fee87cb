"""What the bot says and sets when a cycle enters a phase, and the timers a cycle owns."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta

from flows.callbacks import CycleButton
from flows.classifier.timestamps import clock
from flows.cycle.events import TIMER_EVENTS
from flows.cycle.model import VOICE, ContributionRef, Cycle, CycleContext
from flows.cycle.watching import everyone_watched
from flows.effects import (
    Button,
    ButtonsDone,
    CancelTimer,
    Effect,
    Keyboard,
    RecordTurn,
    Say,
    SendStoryboard,
    SetTimer,
    Text,
    text,
)
from flows.labels import ACTIVATING
from flows.model import STEPS, Phase, Settings
from flows.schedule.words import format_meeting

CYCLE_TIMERS = ("watch_end", "phase_reminder", "step_reminder", "tick", "lookback_end",
                "meeting_open", "clip_reminder", "grace_end")
TRIED_ANSWERS = ("yes", "partly", "no")
TICK_MINUTES = 2  # how often silence is checked during the talk; cheap, and quick enough
LOOKBACK_QUOTE_CHARS = 60
SUMMARY_QUOTE_CHARS = 90  # a member's words in the summaries and their later additions
LOOKBACK_OPTIONS = 3


def timer_name(cycle_id: int, event: str) -> str:
    """The one name of a cycle's timer: one timer per cycle and event, a new one replaces it."""
    if event not in TIMER_EVENTS:
        raise ValueError(f"no such timer event: {event}")
    return f"cycle:{cycle_id}:{event}"


def timer_at(cycle: Cycle, event: str, due: datetime) -> SetTimer:
    return SetTimer(timer_name(cycle.id, event), due, event, {"cycle_id": cycle.id})


def set_timer(ctx: CycleContext, cycle: Cycle, event: str, minutes: float) -> SetTimer:
    return timer_at(cycle, event, ctx.now + timedelta(minutes=minutes))


def cancel_timers(cycle: Cycle, *events: str) -> tuple[Effect, ...]:
    return tuple(CancelTimer(timer_name(cycle.id, e)) for e in (events or CYCLE_TIMERS))


def button(cycle: Cycle, key: str, action: str, argument: str = "", **params: object) -> Button:
    return Button(text(key, **params), CycleButton(cycle.id, action, argument).pack())


def done(cycle: Cycle, *actions: str, outcome: Text | None = None) -> ButtonsDone:
    """The cycle's buttons of these actions have done their work, wherever they are shown."""
    return ButtonsDone(cycle.id, frozenset(actions), outcome=outcome)


# A prompt's buttons: the next prompt takes their place.
PROMPT_BUTTONS = ("next", "tips")


def meeting_in(settings: Settings, at: datetime) -> str:
    """A meeting's day and time as its group reads them: in its time zone and language."""
    return format_meeting(at, settings.timezone, settings.language)


def inbrenger_name(ctx: CycleContext) -> str:
    return ctx.name_of(ctx.cycle.inbrenger_id)


def announce(ctx: CycleContext, cycle: Cycle) -> tuple[Effect, ...]:
    """Tell the group who brings in, with the buttons to accept or pass the turn on, and how
    to film (SPEC 6: before any clip is made, whichever way the intake goes on); for a 2nd
    or later cycle in the same message the previous commitment and whether the new clip
    shows it tried."""
    lines: tuple[Text, ...] = (text("cycle.announce", name=inbrenger_name(ctx),
                                    number=cycle.number),)
    if cycle.meeting_at is not None:  # a scheduled meeting: when, so nobody has to look it up
        lines += (text("cycle.announce_meeting", when=meeting_in(ctx.settings,
                                                                 cycle.meeting_at)),)
    lines += (text("cycle.filming_tips"),)
    keyboard: Keyboard = ((button(cycle, "cycle.button.accept", "accept"),
                           button(cycle, "cycle.button.swap", "swap")),)
    tried = _tried_question(ctx, cycle)
    if tried is not None:
        lines += (tried[0],)
        keyboard += tried[1]
    return (Say(lines, keyboard),)


def _tried_question(ctx: CycleContext, cycle: Cycle) -> tuple[Text, Keyboard] | None:
    if not cycle.previous_commitment or cycle.tried is not None:
        return None
    keyboard: Keyboard = (tuple(button(cycle, f"cycle.button.tried_{answer}", "tried", answer)
                                for answer in TRIED_ANSWERS),)
    return text("cycle.ask_tried", name=inbrenger_name(ctx),
                commitment=cycle.previous_commitment), keyboard


def ask_tried(ctx: CycleContext, cycle: Cycle) -> tuple[Effect, ...]:
    """For a member's 2nd and later cycle: the previous commitment, and whether the new clip
    shows it tried (buttons `cy:<id>:tried:yes|partly|no`; the answer goes into the chain)."""
    question = _tried_question(ctx, cycle)
    return () if question is None else (Say((question[0],), question[1]),)


def ask_for_clip(ctx: CycleContext, cycle: Cycle) -> tuple[Effect, ...]:
    """After the acceptance: how to send the clip (the filming tip came with the
    announcement)."""
    return (Say((text("cycle.ask_clip", name=inbrenger_name(ctx)),)),)


def ask_consent(cycle: Cycle) -> Effect:
    """The consent button, and the clip's sound (its wait time) for the inbrenger to look at
    before the meeting if they like."""
    return Say((text("cycle.ask_consent"), text("cycle.audio_offer")),
               ((button(cycle, "cycle.button.consent", "consent"),),
                (button(cycle, "cycle.button.audio", "audio"),)))


# What is settled once the clip is shown: who brings in, whether the meeting waits, the consent.
INTAKE_BUTTONS = ("accept", "swap", "wait", "cancel", "consent")


def enter_watching(ctx: CycleContext, cycle: Cycle) -> tuple[Cycle, tuple[Effect, ...]]:
    cycle = replace(cycle, watch_gate=frozenset(m.user_id for m in ctx.members)
                    | {cycle.inbrenger_id})
    effects: tuple[Effect, ...] = (
        done(cycle, *INTAKE_BUTTONS),
        # A reply to the clip: in a long chat one tap brings everyone to it.
        Say((text("cycle.agreements_reminder"),
             text("cycle.watch", name=inbrenger_name(ctx),
                  learning_question=cycle.learning_question or "")),
            reply_to=cycle.clip.message_id if cycle.clip else None),
        SendStoryboard(cycle.id),
        Say((text("cycle.watch_confirm"),),
            ((button(cycle, "cycle.button.watched", "watched"),),
             (button(cycle, "cycle.button.absent", "absent"),))),
        RecordTurn(cycle.inbrenger_id),
        *cancel_timers(cycle, "meeting_open", "clip_reminder"),
        set_timer(ctx, cycle, "watch_end", ctx.settings.watch_minutes),
    )
    return cycle, effects


def _talk_keyboard(cycle: Cycle, next_key: str = "cycle.button.next") -> tuple[
        tuple[Button, ...], ...]:
    """A prompt's buttons; "next" names where it was made, so a press on an older prompt's
    button never moves the cycle on from a later phase or step (guards.pressed_here)."""
    tips_key = "cycle.button.tips_close" if cycle.tips_open else "cycle.button.tips_open"
    wanted = "close" if cycle.tips_open else "open"
    return ((button(cycle, next_key, "next", position(cycle)),
             button(cycle, tips_key, "tips", wanted)),)


def enter_talk(ctx: CycleContext, cycle: Cycle) -> tuple[Cycle, tuple[Effect, ...]]:
    phase = cycle.phase
    name = inbrenger_name(ctx)
    minutes = ctx.settings.phase_minutes(phase)
    lines: list[Text] = [text(f"cycle.prompt.{phase.value}", name=name, minutes=minutes,
                              learning_question=cycle.learning_question or "")]
    effects: tuple[Effect, ...] = ()
    asked: tuple[Effect, ...] = ()
    if phase is Phase.GOAL:
        cycle = replace(cycle, watched_before_talk=everyone_watched(ctx, cycle),
                        watched_at_talk=cycle.watched_by)
        # Still unanswered since the announcement: asked again before the goal, not in the
        # middle of it; the question recalls the commitment itself.
        asked = ask_tried(ctx, cycle)
        # Cycle n+1 looks back at the commitment of cycle n: the inbrenger tells how it went
        # first (their first words in the goal are that story, in the summaries).
        if cycle.previous_commitment and not asked:
            lines.append(text("cycle.goal_recall", name=name,
                              commitment=cycle.previous_commitment))
        elif cycle.previous_commitment:
            lines.append(text("cycle.goal_story", name=name))
    next_key = "cycle.button.next"
    if phase in STEPS:
        cycle = replace(cycle, step=STEPS[phase][0], step_started_at=ctx.now)
    if phase is Phase.REALITY:  # walked through step by step; will's look back has its action
        lines.append(text(f"cycle.step.{cycle.step}", name=name,
                          learning_question=cycle.learning_question or ""))
        next_key = "cycle.button.next_step"
        effects += (set_timer(ctx, cycle, "step_reminder", step_minutes(ctx.settings, phase)),)
    effects = (
        *cancel_timers(cycle, "watch_end", "step_reminder"),
        done(cycle, *PROMPT_BUTTONS),
        *asked,
        Say(tuple(lines), _talk_keyboard(cycle, next_key)),
        *effects,
        set_timer(ctx, cycle, "phase_reminder", minutes),
        set_timer(ctx, cycle, "tick", TICK_MINUTES),
    )
    return cycle, effects


def current_step(cycle: Cycle) -> str:
    """The cycle's step inside a phase with steps; a cycle stored before steps existed is in
    the first one."""
    steps = STEPS.get(cycle.phase)
    if not steps:
        return ""
    return cycle.step if cycle.step in steps else steps[0]


def position(cycle: Cycle) -> str:
    """Where the cycle stands: its step inside a phase with steps, else its phase."""
    return current_step(cycle) or cycle.phase.value


def prompt_marker(cycle: Cycle) -> str:
    """What the prompt of the cycle's current place carries in its buttons: its "next"
    (`cy:<id>:next:<place>`), or the look back's choices. While a message with it waits to
    go out, a typed /next was typed before that place showed (bot/handlers/cycle.py)."""
    if current_step(cycle) == "lookback":
        return f"{CycleButton.PREFIX}:{cycle.id}:look:"
    return CycleButton(cycle.id, "next", position(cycle)).pack()


def step_minutes(settings: Settings, phase: Phase) -> float:
    """Each step's share of the phase's timebox: a reminder, never a forced wait."""
    return settings.phase_minutes(phase) / len(STEPS[phase])


def phase_due(cycle: Cycle, settings: Settings) -> datetime:
    """When the running phase's timebox is over (its "time is up" reminder)."""
    return cycle.phase_started_at + timedelta(minutes=settings.phase_minutes(cycle.phase))


def enter_step(ctx: CycleContext, cycle: Cycle) -> tuple[Cycle, tuple[Effect, ...]]:
    """A next step inside a phase (reality: strong moments, then the analysis). The look
    back's own action already said and set what it needs."""
    cycle = replace(cycle, step_started_at=ctx.now)
    if cycle.phase is Phase.WILL:
        return cycle, ()
    last = cycle.step == STEPS[cycle.phase][-1]
    next_key = "cycle.button.next" if last else "cycle.button.next_step"
    lines = (text(f"cycle.step.{cycle.step}", name=inbrenger_name(ctx),
                  learning_question=cycle.learning_question or ""),)
    effects: tuple[Effect, ...] = (done(cycle, *PROMPT_BUTTONS),
                                   Say(lines, _talk_keyboard(cycle, next_key)))
    if not last:
        effects += (set_timer(ctx, cycle, "step_reminder", step_minutes(ctx.settings, cycle.phase)),)
    else:
        effects += cancel_timers(cycle, "step_reminder")
    return cycle, effects


def lookback_candidates(ctx: CycleContext) -> tuple[int, ...]:
    """Up to three activating contributions of the peers, the most recent of each kind first,
    so that the choice covers different moves rather than three of the same. A voice note
    nobody could read is offered too (as its own kind): the inbrenger heard what it said."""
    activating = [c for c in ctx.contributions
                  if (c.label in ACTIVATING or c.label == VOICE)
                  and c.user_id != ctx.cycle.inbrenger_id]
    chosen: list[int] = []
    seen_labels: set[str] = set()
    for c in reversed(activating):
        if c.label not in seen_labels:
            chosen.append(c.id)
            seen_labels.add(c.label)
    for c in reversed(activating):
        if len(chosen) >= LOOKBACK_OPTIONS:
            break
        if c.id not in chosen:
            chosen.append(c.id)
    return tuple(chosen[:LOOKBACK_OPTIONS])


def quote(words: str, limit: int = LOOKBACK_QUOTE_CHARS) -> str:
    """At most `limit` characters of a member's words, cut between words. A short lead-in
    sentence ("Sorry, was marking.") gives way to what follows it, and a long question keeps
    its end ("ja dus ik zat te kijken … wat bedoel je met dat stille moment?"), where chat
    puts the point."""
    words = " ".join(words.split())
    sentences = _SENTENCE_END.split(words)
    # One lead-in, not every short sentence: a long message of short sentences was shown by
    # its last words only, as if it had ended there (a review saw "... look like for y").
    if len(" ".join(sentences)) > limit and len(sentences) > 1 \
            and len(sentences[0]) <= limit // 2:
        sentences = sentences[1:]
    words = " ".join(sentences)
    if len(words) <= limit:
        return words
    if words.endswith("?") and " " in words:
        head = _cut(words, limit // 3)
        tail = words[len(words) - (limit - len(head) - 3):]
        if " " in tail[1:]:
            return f"{head} … {tail.split(' ', 1)[1]}"
    return _cut(words, limit - 1) + "…"


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")


def _cut(words: str, limit: int) -> str:
    """The words that fit in `limit` characters, cut at a space where one is near."""
    cut = words[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space >= limit // 2 else cut).rstrip(" ,;:")


def quoted(c: ContributionRef, limit: int = LOOKBACK_QUOTE_CHARS) -> str | Text:
    """A contribution as the look back and the summaries quote it: its words, and a voice
    note by its length ("🎙 voice note (0:35)"), with its transcript where there is one."""
    if not c.is_voice:
        return quote(c.text, limit)
    if c.text:
        return text("voice.quote_words", length=clock(c.duration), words=quote(c.text, limit))
    return text("voice.quote", length=clock(c.duration))


def _option(ctx: CycleContext, cycle: Cycle, c: ContributionRef) -> Button:
    """A look-back button: a quote, and for a voice note also who spoke it (two notes of the
    same length would look alike)."""
    if not c.is_voice:
        return button(cycle, "cycle.button.lookback_option", "look", str(c.id), quote=quoted(c))
    return button(cycle, "cycle.button.lookback_voice", "look", str(c.id),
                  name=ctx.name_of(c.user_id), quote=quoted(c))


def start_lookback(ctx: CycleContext, cycle: Cycle) -> tuple[Cycle, tuple[Effect, ...]]:
    """The inbrenger's pick (not asked of an inbrenger who left the group) and the group's
    line."""
    asked: tuple[Effect, ...] = ()
    if ctx.inbrenger is not None:
        options = lookback_candidates(ctx)
        by_id = {c.id: c for c in ctx.contributions}
        rows = tuple((_option(ctx, cycle, by_id[cid]),) for cid in options)
        rows += ((button(cycle, "cycle.button.lookback_none", "look", "0"),),)
        cycle = replace(cycle, lookback_options=options)
        asked = (Say((text("cycle.lookback_inbrenger", name=inbrenger_name(ctx)),), rows),)
    effects = (
        done(cycle, *PROMPT_BUTTONS, "commit"),  # a later proposal left unconfirmed, too
        *asked,
        # "En de anderen: ..." follows the inbrenger's question; alone it opens the look back.
        Say((text("cycle.lookback_group" if asked else "cycle.lookback_group_alone"),)),
        *cancel_timers(cycle, "phase_reminder", "step_reminder", "tick"),
        set_timer(ctx, cycle, "lookback_end", ctx.settings.lookback_minutes),
    )
    return cycle, effects
