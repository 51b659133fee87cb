"""Videos, GIFs, photos and files posted in the group. Only the inbrenger's clip before the
meeting makes the bot look at the file (checked before anything is downloaded); a round video
note that is no clip is spoken, so a contribution; words in a caption count like a message
(also under a file the inbrenger sent for a clip, which is told it is no video);
anything else is just shared in the chat, without an answer."""
from __future__ import annotations

import time

from telegram import Message, Update
from telegram.ext import BaseHandler, ContextTypes, MessageHandler, filters

from bot.engine.events import decide_in
from bot.engine.services import services
from bot.handlers import clip_intake
from bot.handlers.common import group_of, handling, length_of, posted_as, reply
from bot.handlers.cycle import on_message, spoken, words_said
from flows.cycle.events import VoiceNote
from flows.cycle.intake import awaits_clip_from, is_clip
from flows.cycle.model import Cycle
from flows.cycle.other_clips import not_the_clip
from flows.effects import Text
from flows.model import Group
from storage import cycles, groups, members
from storage.db import Tx


async def on_media(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message, user = update.effective_message, update.effective_user
    if message is None or user is None:
        return
    if posted_as(message) is not None:
        # Nobody brings in a clip anonymously or as a channel; words in the caption are
        # answered as words are (during a cycle: how to take part under one's own name).
        await on_message(update, context)
        return
    kind = clip_intake.kind_of(message)
    async with services(context).db.reading() as tx:
        group = await group_of(tx, update)
        cycle = await cycles.open_cycle(tx, group.id) if group else None
        the_clip = cycle is not None and kind is not None and is_clip(
            cycle, user.id, kind, message.media_group_id, clip_intake.seconds_of(message))
        awaited_in = None if the_clip else await _awaiting_clip_elsewhere(
            tx, message, user.id, kind, group, cycle)
        why_not = None if the_clip or awaited_in or group is None or cycle is None \
            or kind is None else await _why_not_the_clip(tx, context, group, cycle, message,
                                                         user.id, kind)
    if awaited_in is not None:
        async with handling(update, context) as unit:
            if unit is not None:
                await reply(unit, update, awaited_in.settings.language,
                            "cycle.clip_in_another_topic", name=user.first_name,
                            group=awaited_in.title)
        return
    if group is not None and cycle is not None and kind is not None:
        if kind == "file" and awaits_clip_from(cycle, user.id):
            async with handling(update, context) as unit:
                if unit is not None:
                    if message.caption:  # its words are kept, and the flow answers both
                        await words_said(unit, update, context, group, message.caption,
                                         under_no_video=True)
                    else:
                        await reply(unit, update, group.settings.language, "cycle.not_a_video")
            return
        if the_clip:
            await _clip(update, context, group, message, user.id)
            return
        if why_not is not None:  # said, and a caption's words count as they would
            async with handling(update, context) as unit:
                if unit is not None:
                    await reply(unit, update, group.settings.language, why_not)
                    if message.caption:
                        await words_said(unit, update, context, group, message.caption)
            return
        if message.video_note is not None:  # a round video note in the talk, say
            await spoken(update, context, VoiceNote(user.id, message.message_id,
                                                    message.video_note.file_id,
                                                    length_of(message.video_note.duration)))
            return
    await on_message(update, context)  # its caption, if any, like a message


async def _clip(update: Update, context: ContextTypes.DEFAULT_TYPE, group: Group,
                message: Message, user_id: int) -> None:
    """The inbrenger's clip, or a better take before anyone watched (it replaces the first, so
    it is checked as fully)."""
    event = await clip_intake.clip_event(context, user_id, message)
    async with handling(update, context) as unit:
        if unit is None or event is None:
            return
        decision = await decide_in(unit, group, event)
        if decision is not None and decision.refusal is not None:
            await reply(unit, update, group.settings.language, decision.refusal)


# A member who shares several videos hears why they are not the clip once, not at each.
NOT_THE_CLIP_EVERY = 300.0


async def _why_not_the_clip(tx: Tx, context: ContextTypes.DEFAULT_TYPE, group: Group,
                            cycle: Cycle, message: Message, user_id: int, kind: str
                            ) -> Text | None:
    """A video that is not the clip, where the sender plausibly meant it as one: one line
    (flows/cycle/other_clips.py), at most once per person every few minutes."""
    inbrenger = await members.get(tx, group.id, cycle.inbrenger_id)
    answer = not_the_clip(cycle, user_id, kind, message.caption or "",
                          group.settings.language, inbrenger.name if inbrenger else "",
                          album=message.media_group_id, seconds=clip_intake.seconds_of(message))
    if answer is None or not services(context).throttle.allow(
            ("not_the_clip", group.id, user_id), NOT_THE_CLIP_EVERY, time.monotonic()):
        return None
    return answer


async def _awaiting_clip_elsewhere(tx: Tx, message: Message, user_id: int, kind: str | None,
                                   here: Group | None, cycle: Cycle | None) -> Group | None:
    """In a chat whose forum topics hold intervision groups, a video sent in a topic that does
    not wait for it (none, or another group's): the group in another topic that waits for
    this sender's clip, if any (asked only of a video that is not this group's clip). Without a
    word they would wait for an answer that never comes, and the group here would take it for
    its own chat."""
    if kind not in ("video", "video_note", "document"):
        return None  # a GIF, a photo or a file is no clip anywhere
    if cycle is not None and kind == "video_note":
        return None  # a round note spoken in this group's cycle
    for group in await groups.in_chat(tx, message.chat_id):
        if here is not None and group.id == here.id:
            continue
        other = await cycles.open_cycle(tx, group.id)
        if other is not None and awaits_clip_from(other, user_id):
            return group
    return None


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [MessageHandler(filters.ChatType.GROUPS & filters.UpdateType.MESSAGE
                           & clip_intake.MEDIA_FILTER, on_media)]
