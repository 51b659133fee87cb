"""Carrying out what a flow decided: storage writes inside the caller's transaction, then
messages, media and jobs once it is committed."""
from __future__ import annotations

import logging
from datetime import datetime

from telegram.ext import Application

from bot.engine import clip_media, coach_reports, send
from bot.engine import timers as jobs
from bot.texts.render import keyboard, render_all
from flows.cycle.model import Cycle
from flows.effects import (
    CancelTimer,
    Effect,
    LogNudge,
    RecordTurn,
    Say,
    SayPrivately,
    SendCoachSummary,
    SendReplay,
    SendStill,
    SendStoryboard,
    SetTimer,
    StoreContribution,
    Text,
)
from flows.model import Group
from storage import contributions, members
from storage import timers as timer_store
from storage.db import Tx

log = logging.getLogger(__name__)


async def store(tx: Tx, group: Group, cycle: Cycle, effects: tuple[Effect, ...],
                now: datetime) -> None:
    for effect in effects:
        if isinstance(effect, StoreContribution):
            await contributions.add(tx, cycle.id, effect.user_id, effect.phase,
                                    effect.message_id, effect.text, effect.label, now)
        elif isinstance(effect, RecordTurn):
            await members.record_turn(tx, group.id, effect.user_id, now)
        elif isinstance(effect, LogNudge):
            await contributions.log_nudge(tx, cycle.id, effect.user_id, effect.kind,
                                          effect.message_id, now)
        elif isinstance(effect, (SetTimer, CancelTimer)):
            await store_timer(tx, group.id, effect)


async def store_timer(tx: Tx, group_id: int, effect: SetTimer | CancelTimer) -> None:
    if isinstance(effect, SetTimer):
        await timer_store.set(tx, group_id, effect.name, effect.event, dict(effect.payload),
                              effect.due)
    else:
        await timer_store.cancel(tx, group_id, effect.name)


async def carry_out(app: Application, group: Group, cycle: Cycle, effects: tuple[Effect, ...],
                    *, late: bool = False) -> None:
    """Sends and schedules. One failing message never stops the others."""
    language = group.settings.language
    for effect in effects:
        try:
            if isinstance(effect, Say):
                texts = effect.texts
                if late:
                    texts = (Text("bot.late_note"),) + texts
                    late = False
                await send.to_group(app.bot, group, render_all(language, texts),
                                    keyboard(language, effect.buttons), effect.reply_to)
            elif isinstance(effect, SayPrivately):
                await _say_privately(app, group, effect)
            elif isinstance(effect, (SetTimer, CancelTimer)):
                await jobs.mirror(app, group.id, effect)
            elif isinstance(effect, (SendStoryboard, SendStill, SendReplay)):
                await clip_media.send_clip_media(app, group, cycle, effect)
            elif isinstance(effect, SendCoachSummary):
                await coach_reports.send_summary(app, group, effect.cycle_id)
        except Exception:  # the bot stays alive; the state is already stored
            log.exception("group %s: could not carry out %s", group.id, type(effect).__name__)


async def _say_privately(app: Application, group: Group, effect: SayPrivately) -> None:
    language = group.settings.language
    html = render_all(language, effect.texts)
    sent = await send.to_member(app.bot, effect.user_id, html, keyboard(language, effect.buttons))
    if sent is None and effect.fallback_reply_to is not None:
        await send.to_group(app.bot, group, html, keyboard(language, effect.buttons),
                            effect.fallback_reply_to)
