"""The limits every nudge keeps (SPEC 4: rare enough to keep the conversation human): one
nudge per member per few minutes, and a budget for what the bot says of its own accord in the
group; and the few time helpers the policy's rules share."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta

from flows.model import Member, NudgeDelivery, NudgeMode, Settings
from flows.nudging.history import NudgeHistory

# One nudge per member per few minutes (SPEC 4): a second correction right after the first
# feels like being watched, and the first one has already made the point. Strict groups asked
# for more guidance, so they hear it again sooner. Being invited back by name is a nudge too:
# a member invited in who answers with a tip is not corrected straight after, and a member
# just corrected who falls quiet is not named in the group straight after.
MEMBER_COOLDOWN = {NudgeMode.GENTLE: timedelta(minutes=10), NudgeMode.STRICT: timedelta(minutes=5)}

# Everything the bot says of its own accord IN THE GROUP (public nudges, hints, still offers,
# invitations, check-ins): at most 3 per 2 minutes and 10 per hour. A bot that speaks every
# other line takes the conversation over, and this stays far below Telegram's 20 messages a
# minute per group, leaving room for phase prompts, stills and summaries. A private nudge adds
# nothing to the group chat, so it neither needs nor uses this budget; and a peer's first nudge
# in goal or reality is never crowded out by offers that came before it.
GROUP_LIMITS = ((3, timedelta(minutes=2)), (10, timedelta(hours=1)))
HISTORY_SPAN = max(window for _, window in GROUP_LIMITS)


def recently_nudged(history: NudgeHistory, user_id: int, settings: Settings,
                     now: datetime) -> bool:
    """Nudged or invited back by name within the member cooldown of the group's mode."""
    cooldown = MEMBER_COOLDOWN[NudgeMode(settings.nudging)]
    return any(within(moment, now, cooldown) for moment in
               (history.last_nudge_at.get(user_id), history.invited_at.get(user_id)))


def private_possible(member: Member, settings: Settings) -> bool:
    return member.started_private and settings.nudge_delivery == NudgeDelivery.PRIVATE


def group_has_room(history: NudgeHistory, now: datetime) -> bool:
    return all(
        sum(1 for moment in history.sent_at if now - moment < window) < limit
        for limit, window in GROUP_LIMITS
    )


def prune(history: NudgeHistory, now: datetime) -> NudgeHistory:
    """Forget bot messages older than the longest limit window, so the stored history stays small."""
    recent = tuple(moment for moment in history.sent_at if now - moment < HISTORY_SPAN)
    return history if recent == history.sent_at else replace(history, sent_at=recent)


def talked_since(times: Iterable[tuple[int, datetime]], since: datetime) -> set[int]:
    return {user_id for user_id, moment in times if moment > since}


def within(moment: datetime | None, now: datetime, span: timedelta) -> bool:
    return moment is not None and now - moment < span


def within_phase(moment: datetime | None, phase_started_at: datetime) -> bool:
    return moment is not None and moment >= phase_started_at


def latest(moment: datetime | None, floor: datetime) -> datetime:
    return floor if moment is None else max(moment, floor)
