"""Pausing and re-watching the clip: /pause 1:23, /replay 1:10-1:40, and the still button
offered under observations with a time stamp (and a kind answer to the check-in buttons of
an earlier version, which are cycle buttons now)."""
from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, ContextTypes, filters

from bot.engine import effects, flood, media_queue
from bot.engine.services import services
from bot.engine.work import Unit
from bot.handlers.commands import command
from bot.handlers.common import (
    GroupCommand,
    answer_press,
    find_group,
    group_command,
    handling,
    user_language,
)
from bot.texts.render import render, say
from flows.callbacks import StillButton, parse, pattern
from flows.cycle.model import Cycle
from flows.cycle.stills import replay_range, replay_request, still_moment, still_request
from flows.effects import Effect, SetTimer, Text, text
from flows.model import Group
from storage import cycles, groups, members


async def _clip_cycle(cmd: GroupCommand) -> Cycle | None:
    """The open cycle with a clip, for a member; anyone else is told why not."""
    cycle = await cycles.open_cycle(cmd.unit.tx, cmd.group.id)
    if await members.get(cmd.unit.tx, cmd.group.id, cmd.user.id) is None:
        await cmd.reply("cycle.refused.not_member")
        return None
    if cycle is None or cycle.clip is None:
        await cmd.reply("clip.no_clip")
        return None
    if not cycle.consent:  # nothing of the clip is shown before the inbrenger confirmed
        await cmd.reply("clip.not_consented", name=await _inbrenger_name(cmd, cycle))
        return None
    return cycle


async def _inbrenger_name(cmd: GroupCommand, cycle: Cycle) -> str:
    member = await members.get(cmd.unit.tx, cmd.group.id, cycle.inbrenger_id)
    return member.name if member else "?"


async def _made_or_queued(unit: Unit, group: Group, cycle: Cycle, user_id: int,
                          context: ContextTypes.DEFAULT_TYPE, effects_now: tuple[Effect, ...],
                          later: SetTimer) -> Text | None:
    """The still or fragment made now (None), or what to tell the member: it comes in a few
    seconds (`later`, stored), or, while one of theirs waits, that they can ask again then:
    a newer one would overtake the waiting one (review ux23)."""
    if await media_queue.one_waits(unit.tx, group.id, user_id):
        return text("clip.media_cooldown", seconds=flood.MEDIA_WAIT)
    if await services(context).media_allowance.take((group.id, user_id)):
        await effects.store(unit, group, cycle, effects_now)
        return None
    await unit.set_timer(group.id, later)
    return text("clip.media_queued", seconds=flood.MEDIA_WAIT)


async def _asked(cmd: GroupCommand, cycle: Cycle, effects_now: tuple[Effect, ...],
                 later: SetTimer) -> None:
    wait = await _made_or_queued(cmd.unit, cmd.group, cycle, cmd.user.id, cmd.context,
                                 effects_now, later)
    if wait is not None:
        await cmd.reply(wait)


@group_command()
async def pause_command(cmd: GroupCommand) -> None:
    cycle = await _clip_cycle(cmd)
    if cycle is None:
        return
    seconds = still_moment(" ".join(cmd.args))
    if isinstance(seconds, Text):
        await cmd.reply(seconds)
        return
    reply_to = cmd.message.message_id
    await _asked(cmd, cycle, still_request(cycle, seconds, reply_to),
                 media_queue.still_later(cycle, cmd.user.id, seconds, reply_to, cmd.unit.now))


@group_command()
async def replay_command(cmd: GroupCommand) -> None:
    cycle = await _clip_cycle(cmd)
    if cycle is None:
        return
    asked = replay_range(" ".join(cmd.args))
    if isinstance(asked, Text):
        await cmd.reply(asked)
        return
    start, end = asked
    reply_to = cmd.message.message_id
    await _asked(cmd, cycle, replay_request(cycle, start, end, reply_to),
                 media_queue.replay_later(cycle, cmd.user.id, start, end, reply_to,
                                          cmd.unit.now))


async def still_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Like /pause, for the group's members only: the stills cost the group's media allowance.
    The press is answered after the transaction, as every press: an answer Telegram is slow to
    take must not hold the database, which every group's work waits on (review ux9, F1)."""
    query = update.callback_query
    assert query is not None
    async with handling(update, context) as unit:
        refusal = await _still_taken(unit, update, context) if unit else None
    if refusal is None:
        await answer_press(query)
    else:
        await answer_press(query, refusal, show_alert=True)


async def _still_taken(unit: Unit, update: Update, context: ContextTypes.DEFAULT_TYPE
                       ) -> str | None:
    """The still a press asks for, stored; or why not, for the presser."""
    query = update.callback_query
    assert query is not None
    button = parse(query.data)
    group, cycle = await _pressed_in(unit, update, button) if isinstance(
        button, StillButton) else (None, None)
    if group is None or cycle is None or cycle.clip is None or not cycle.consent \
            or not isinstance(button, StillButton) or button.cycle_id not in (None, cycle.id):
        return say(user_language(query.from_user), "cycle.refused.stale")
    language = group.settings.language
    if await members.get(unit.tx, group.id, query.from_user.id) is None:
        return say(language, "cycle.refused.not_member")
    reply = query.message.message_id if query.message else None
    seconds = float(button.seconds)
    wait = await _made_or_queued(unit, group, cycle, query.from_user.id, context,
                                 still_request(cycle, seconds, reply),
                                 media_queue.still_later(cycle, query.from_user.id, seconds,
                                                         reply, unit.now))
    return None if wait is None else render(language, wait)


async def _pressed_in(unit: Unit, update: Update, button: StillButton
                      ) -> tuple[Group | None, Cycle | None]:
    """The group and open cycle of a still button. The button names its cycle, and so its
    group: an old message (one Telegram no longer shows the bot) tells no forum topic. A
    button from before it named one belongs to the group of the chat and topic it is in."""
    chat = update.effective_chat
    if button.cycle_id is not None:
        named = await cycles.get(unit.tx, button.cycle_id)
        group = await groups.get(unit.tx, named.group_id) if named else None
        if group is None or chat is None or group.chat_id != chat.id:
            return None, None  # (a button copied into another chat is not that group's)
    else:
        group = await find_group(unit, update)
    return group, await cycles.open_cycle(unit.tx, group.id) if group else None


async def old_checkin_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Check-in buttons of before the check-in became a cycle button: answered kindly."""
    query = update.callback_query
    assert query is not None
    await answer_press(query, say(user_language(query.from_user), "cycle.refused.stale"),
                       show_alert=True)


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [
        command("pause", pause_command, filters.ChatType.GROUPS),
        command("replay", replay_command, filters.ChatType.GROUPS),
        CallbackQueryHandler(still_button, pattern=pattern(StillButton)),
        CallbackQueryHandler(old_checkin_button, pattern=r"^checkin:"),
    ]
