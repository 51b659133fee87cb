"""The sender: delivers the outbox, one lane per chat.

Messages to one chat go out in the order they were decided; different chats' lanes run side
by side, so a group that waits (Telegram's 20 messages a minute, a 429, a storyboard being
made) never holds up another group, nor the handling of updates. A lane that has nothing left
ends; a commit that stores mail for a chat wakes its lane (and at start every lane with
mail waiting is woken, so nothing decided before a crash is lost).

A call is marked delivered after Telegram accepted it. A crash between Telegram's answer and
that mark sends the call once more after the restart: at most one duplicate per crash. A call
that cannot be made at all (a bug while drawing a chart) is marked failed, like one Telegram
refuses for good, so that it never stops the chat's later mail.
"""
from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Awaitable, Callable
from datetime import datetime

from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)

from bot.engine import live_buttons
from bot.engine.lanes import Lanes, waits_for
from bot.engine.outgoing import (
    Message,
    Outgoing,
    PartlySent,
    Retire,
    decode,
    encode,
    lane_of,
)
from bot.engine.patience import seconds
from storage import late_line_invitations, nudge_messages, outbox, summary_messages
from storage.db import Database, unavailable

log = logging.getLogger(__name__)

BATCH = 20  # calls a lane reads at a time: the backlog in memory stays small
FIRST_RETRY = 1.0  # seconds after a network error or a 5xx; doubled each time
LAST_RETRY = 60.0


class Sender(Lanes[outbox.Waiting]):
    name = "send"

    def __init__(self, db: Database, deliver: Callable[[Outgoing], Awaitable[int | None]],
                 clock: Callable[[], datetime]) -> None:
        super().__init__()
        self._db = db
        self._deliver = deliver
        self._clock = clock
        # The rows each lane holds in hand. A row moved to another lane meanwhile (a group
        # upgraded to a supergroup: storage/outbox.move_lane) is left to the lane that holds
        # it, which follows the chat's new id, so it does not go out twice.
        self._held: dict[int, frozenset[int]] = {}
        self._left_to_others: set[int] = set()  # lanes that passed over rows held elsewhere

    async def wake_waiting(self) -> int:
        """At start: every lane with mail that was decided before the last stop."""
        async with self._db.reading() as tx:
            lanes = await outbox.waiting_lanes(tx)
        self.wake(lanes)
        return len(lanes)

    async def next_items(self, lane: int) -> list[outbox.Waiting]:
        self._release(lane)  # its last batch is worked through, or is read again
        async with self._db.reading() as tx:
            found = await outbox.waiting(tx, lane, BATCH)
        elsewhere = frozenset().union(*self._held.values())
        mine = [row for row in found if row.id not in elsewhere]
        if len(mine) < len(found):
            self._left_to_others.add(lane)
        self._held[lane] = frozenset(row.id for row in mine)
        return mine

    def lane_ended(self, lane: int) -> None:
        self._release(lane)

    def _release(self, lane: int) -> None:
        """The lane no longer holds its rows: a lane that passed over some of them looks
        again (what the holder could not send is then its own)."""
        if self._held.pop(lane, None) and self._left_to_others:
            waiting, self._left_to_others = self._left_to_others - {lane}, set()
            self.wake(waiting)

    async def work(self, lane: int, item: outbox.Waiting) -> None:
        await self._send(item)

    async def _send(self, stored: outbox.Waiting) -> None:
        item = decode(stored.payload)
        if isinstance(item, Retire):
            try:
                await self._retire(stored, item)
            except Exception as error:  # a bug: the buttons stay, the chat's mail goes on
                if waits_for(error):  # the database locked or full for now: the lane waits
                    raise
                log.exception("lane %s: buttons could not be retired", stored.lane)
                await self._give_up(stored, f"could not be made: {type(error).__name__}")
            return
        wait = FIRST_RETRY
        while True:
            try:
                try:
                    sent = await self._deliver(item)
                except PartlySent as part:
                    item = part.rest
                    raise part.cause from None
            except RetryAfter as error:  # this chat only waits; other lanes go on
                if not await self.pause(seconds(error.retry_after) + 0.05):
                    return  # a stop: not sent, so it goes out after the next start
                continue
            except ChatMigrated as moved:
                item = _to_chat(item, moved.new_chat_id)
                continue
            except Forbidden as error:
                await self._refused(stored, item, error)
                return
            except BadRequest as error:
                await self._give_up(stored, f"refused: {error.message}")
                return
            except InvalidToken as error:
                await self._give_up(stored, f"invalid token: {error.message}")
                return
            except NetworkError as error:  # timeouts, resets, 5xx: try again, later each time
                log.info("lane %s: %s; again in %.0f s", stored.lane, error.message, wait)
                await self._count_try(stored)
                if not await self.pause(wait):
                    return
                wait = min(wait * 2, LAST_RETRY)
                continue
            except TelegramError as error:
                await self._give_up(stored, error.message)
                return
            except Exception as error:  # a bug in making it: this call goes, not the lane
                if waits_for(error):
                    raise  # no room for a clip's download: the lane waits and tries again
                log.exception("lane %s: a message could not be made", stored.lane)
                await self._give_up(stored, f"could not be made: {type(error).__name__}")
                return
            await self._delivered(stored)
            await self._record(item, sent)
            return

    async def _delivered(self, stored: outbox.Waiting) -> None:
        """The delivered mark of a call Telegram accepted, tried until the database takes it
        (a full disk, a lock held elsewhere): tried again from the lane, the call would go
        out a second time."""
        wait = FIRST_RETRY
        while True:
            try:
                async with self._db.transaction() as tx:
                    await outbox.delivered(tx, stored.id)
                return
            except Exception as error:
                why = unavailable(error)
                if why is None:
                    raise
                log.error("lane %s: a sent message cannot be marked as sent (%s); again in "
                          "%.0f s", stored.lane, why, wait)
                await asyncio.sleep(wait)
                wait = min(wait * 2, LAST_RETRY)

    async def _record(self, item: Outgoing, message_id: int | None) -> None:
        """The record of a message with buttons, or of an invitation to add a late look-back
        line, after (not with) its delivered mark: a record that cannot be written costs only
        the later removal of those buttons (or the late lines), never a second copy of the
        message or a lane that stops."""
        try:
            async with self._db.transaction() as tx:
                await live_buttons.delivered(tx, item, message_id, self._clock())
                if isinstance(item, Message) and item.late_lines_of and message_id is not None:
                    await late_line_invitations.record(tx, item.chat_id, message_id,
                                                       item.late_lines_of, self._clock())
                if isinstance(item, Message) and item.nudge_of and item.reply_to \
                        and message_id is not None:
                    await nudge_messages.record(tx, item.chat_id, message_id, item.nudge_of,
                                                item.reply_to, self._clock())
                if isinstance(item, Message) and item.summary_of and message_id is not None:
                    await summary_messages.record(tx, item.chat_id, message_id,
                                                  item.summary_of, self._clock(),
                                                  tail=item.summary_tail)
        except sqlite3.Error:
            log.exception("a sent message's buttons could not be recorded")

    async def _retire(self, stored: outbox.Waiting, item: Retire) -> None:
        """Buttons that have done their work: an edit of each message that shows one, queued
        behind what waits already (bot/engine/live_buttons.py)."""
        async with self._db.transaction() as tx:
            edits = await live_buttons.edits(tx, item)
            for edit in edits:
                await outbox.add(tx, lane_of(edit), encode(edit), self._clock())
            await outbox.delivered(tx, stored.id)
        self.wake({lane_of(edit) for edit in edits})

    async def _refused(self, stored: outbox.Waiting, item: Outgoing, error: Forbidden) -> None:
        """A member who never started the bot, or blocked it: the message's fallback (a reply
        in the group) goes instead, or nothing."""
        fallback = item.fallback if isinstance(item, Message) else None
        async with self._db.transaction() as tx:
            await outbox.delivered(tx, stored.id)
            if fallback is not None:
                await outbox.add(tx, lane_of(fallback), encode(fallback), self._clock())
        if fallback is not None:
            self.wake([lane_of(fallback)])
        else:
            log.info("lane %s: not delivered: %s", stored.lane, error.message)

    async def _give_up(self, stored: outbox.Waiting, why: str) -> None:
        log.warning("lane %s: a message was refused for good (%s)", stored.lane, why)
        async with self._db.transaction() as tx:
            await outbox.failed(tx, stored.id, why, self._clock())

    async def _count_try(self, stored: outbox.Waiting) -> None:
        async with self._db.transaction() as tx:
            await outbox.tried(tx, stored.id)


def _to_chat(item: Outgoing, chat_id: int) -> Outgoing:
    from dataclasses import replace
    return replace(item, chat_id=chat_id)
