"""The closing look back, the meta level of the practice: the inbrenger picks the contribution
that helped most, each peer names in one line the move they will use again. It closes when its
short timebox ends or everyone answered; an answer after that is a short addition."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from flows.cycle.events import Event, LookBackChoice, actor_of
from flows.cycle.model import LOOKBACK, MOVE, ContributionRef, Cycle, CycleContext, Decision
from flows.cycle.phases import SUMMARY_QUOTE_CHARS, quote, quoted, start_lookback
from flows.effects import Effect, Say, SendCoachAddition, StoreContribution, Text, text

LATE_LINES = timedelta(hours=24)  # a late line is still added the day after the meeting


def moves(contributions: tuple[ContributionRef, ...]) -> tuple[ContributionRef, ...]:
    """The peers' look-back lines, in the order given."""
    return tuple(c for c in contributions if c.phase == LOOKBACK)


def peers(ctx: CycleContext) -> set[int]:
    """Who may give a line: the members who agreed, except the inbrenger."""
    return {m.user_id for m in ctx.members if m.agreed} - {ctx.cycle.inbrenger_id}


def awaited(ctx: CycleContext) -> set[int]:
    """Whose line the look back waits for: the peers here today."""
    return peers(ctx) - ctx.cycle.absent


def _lined(ctx: CycleContext) -> set[int]:
    """The peers who gave their look-back line."""
    return {c.user_id for c in moves(ctx.contributions)}


# A thank-you or a compliment at the end of the talk is kind, and no move to use again:
# "Dank je Bram, mooi gesprek!" is courtesy in each of its parts; "Dank je, ik ga vaker
# doorvragen" has a move in its second. A part is courtesy when it thanks in a few words, or
# when every word in it is praise or the talk itself ("heel fijn", "great talk") or a name;
# "Fijn doorvragen" and "Great questions" name a move and stay lines.
_THANKS = re.compile(r"\b(dank|danku|dankje|dankjewel|bedankt|merci|thanks?|thank you|cheers)\b",
                     re.IGNORECASE)
_THANKS_WORDS = 7
_PRAISE_WORDS = """
mooi fijn top super leuk knap goed gedaan prima geweldig fantastisch heel erg echt zo wat een
gesprek sessie bijeenkomst middag les allemaal jullie iedereen je jij jou wel hoor was is het
dit dat great nice lovely good well done job talk conversation session meeting everyone all
you guys really very so what a an the it this that
clip video filmpje fragment opname one useful helpful interesting inspiring nuttig leerzaam
interessant inspirerend
"""
_PRAISE_ONLY = frozenset(_PRAISE_WORDS.split())


# Agreeing with someone else's line is no move of one's own ("ok", "Ja!", "Eens met Daan",
# "Helemaal mee eens", "same here"): review ux23 saw them printed as moves, and the real line
# typed a second later came after the cycle had closed.
_AGREEING_WORDS = """
ok oke oké okay ja jaa jep yes yep yeah eens mee helemaal precies klopt inderdaad idem zeker
agree agreed same here totally exactly indeed true met with
"""
_AGREEING = frozenset(_AGREEING_WORDS.split())


def is_courtesy(words: str) -> bool:
    """Only thanks, praise or agreement, no move in it (one word list serves both languages).
    Emoji count for nothing: a line without a letter ("👍", "+1") is a reaction to someone
    else's (review ux21 saw "• Daan: 👍" among the moves to use again), and "Mooi gedaan Bram
    👍" is praise."""
    letters = "".join(char if char.isalnum() or char.isspace() or char in ",.!?;:\n" else " "
                      for char in words)
    if not any(char.isalpha() for char in letters):
        return True
    parts = [p.strip() for p in re.split(r"[,.!?;:\n]+", letters) if p.strip()]
    # A lone capitalised word after the first part is a name ("Mooi filmpje, Bram!"); alone
    # it is a move ("Doorvragen.").
    return bool(parts) and all(_courtesy_part(part) or (n > 0 and _a_name(part))
                               for n, part in enumerate(parts))


def _a_name(part: str) -> bool:
    return " " not in part and part[:1].isupper()


def _courtesy_part(part: str) -> bool:
    tokens = part.split()
    if _THANKS.search(part):
        return len(tokens) <= _THANKS_WORDS
    # A capitalised word after the first is a name ("Top gedaan Bram", "Eens met Daan").
    return all(token.lower() in _PRAISE_ONLY or token.lower() in _AGREEING
               or (n > 0 and token[:1].isupper()) for n, token in enumerate(tokens))


def _gives_a_line(ctx: CycleContext, event: Event) -> bool:
    """Does this event give its peer's look-back line? A voice note does (its words may not
    be readable); words do unless they are only thanks or praise."""
    if event.name == "voice":
        return True
    return not is_courtesy(getattr(event, "text", ""))


def complete_after(ctx: CycleContext, event: Event) -> bool:
    """Has everyone answered once this event counts: the inbrenger picked (or left the group)
    and each peer gave a line?"""
    cycle = ctx.cycle
    picked = cycle.lookback_choice is not None or isinstance(event, LookBackChoice) \
        or ctx.inbrenger is None
    lined = _lined(ctx)
    if event.name in ("message", "move", "voice") and _gives_a_line(ctx, event):
        lined.add(actor_of(event))
    waiting = awaited(ctx) - ({actor_of(event)} if event.name == "absent" else set())
    return picked and waiting <= lined


def late_line_invitation(ctx: CycleContext) -> tuple[Effect, ...]:
    """When the look back closed before everyone here gave their line: how to add it still
    (a reply to the bot, until LATE_LINES; bot/handlers/cycle.py). Plain chat after the
    meeting is not taken as a line, so without this a late line would go unheard."""
    if awaited(ctx) <= _lined(ctx):
        return ()
    return (Say((text("cycle.lookback_late_invite"),), invites_late_lines=True),)


def look_back(ctx: CycleContext, event: Event) -> Decision:
    cycle, effects = start_lookback(ctx, ctx.cycle)
    return Decision(cycle, effects)


def _chosen(ctx: CycleContext, event: Event) -> tuple[Cycle, ContributionRef | None] | Decision:
    assert isinstance(event, LookBackChoice)
    cycle = ctx.cycle
    if event.choice and event.choice not in cycle.lookback_options:
        return Decision(cycle, refusal=text("cycle.refused.stale"))
    chosen = next((c for c in ctx.contributions if c.id == event.choice), None)
    return replace(cycle, lookback_choice=event.choice), chosen


def choose(ctx: CycleContext, event: Event) -> Decision:
    """The inbrenger's pick during the look back: noted quietly (the summary says it when the
    look back closes, so the group hears it once)."""
    answer = _chosen(ctx, event)
    if isinstance(answer, Decision):
        return answer
    return Decision(answer[0], ack=text("cycle.ack.lookback"))


def choose_late(ctx: CycleContext, event: Event) -> Decision:
    answer = _chosen(ctx, event)
    if isinstance(answer, Decision):
        return answer
    cycle, chosen = answer
    if chosen is None:
        addition: tuple[Text, ...] = (text("cycle.lookback_late_none"),)
    else:
        addition = (text("cycle.lookback_late_chosen", name=ctx.name_of(chosen.user_id),
                         quote=quoted(chosen, SUMMARY_QUOTE_CHARS)),)
    return Decision(cycle, _addition(cycle, addition), ack=text("cycle.ack.lookback"))


def _line(event: Event) -> tuple[int, int, str]:
    actor, message_id, words = (actor_of(event), getattr(event, "message_id", 0),
                                getattr(event, "text", ""))
    return actor, message_id, words.strip()


def take_line(ctx: CycleContext, event: Event) -> Decision:
    """A peer's message during the look back is their line, captured as such (not as a
    contribution of will), whether or not the inbrenger has picked yet; a thank-you is left
    as it is, and their line may still follow."""
    actor, message_id, words = _line(event)
    if not _gives_a_line(ctx, event):
        # Kind, and the look back still waits for their move: asked for it in reply (the
        # group sat waiting while a thank-you was silently not counted; review ux15).
        if actor in _lined(ctx) or actor not in awaited(ctx):
            return Decision(ctx.cycle)
        ask = Say((text("cycle.lookback_thanks", name=ctx.name_of(actor)),),
                  reply_to=message_id)
        return Decision(ctx.cycle, (ask,))
    return Decision(ctx.cycle, (StoreContribution(actor, LOOKBACK, message_id, words, MOVE),),
                    ack=text("cycle.ack.lookback"))


def take_line_late(ctx: CycleContext, event: Event) -> Decision:
    if not _gives_a_line(ctx, event):
        return Decision(ctx.cycle)
    actor, message_id, words = _line(event)
    addition = (text("cycle.lookback_late_move", name=ctx.name_of(actor),
                     quote=quote(words, SUMMARY_QUOTE_CHARS)),)
    store = StoreContribution(actor, LOOKBACK, message_id, words, MOVE)
    return Decision(ctx.cycle, (store, *_addition(ctx.cycle, addition)),
                    ack=text("cycle.ack.lookback"))


def _addition(cycle: Cycle, addition: tuple[Text, ...]) -> tuple[Effect, ...]:
    """A short addition to the summaries already given, never the whole summary again."""
    return (Say(addition), SendCoachAddition(cycle.id, addition))


def late_line_open(ctx: CycleContext, event: Event) -> Text | None:
    """A peer's first line, within a day of closing, is still welcome."""
    cycle = ctx.cycle
    actor = actor_of(event)
    if actor not in peers(ctx) or ctx.now - cycle.phase_started_at > LATE_LINES:
        return text("cycle.refused.closed")
    if any(c.user_id == actor for c in moves(ctx.contributions)):
        return text("cycle.refused.line_given")
    return None
