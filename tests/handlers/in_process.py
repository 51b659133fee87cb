"""The bot in the test's own event loop: the real Application, driven update by update
(tests/handlers/conftest.py builds it; tests/handlers/updates.py builds the updates)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.engine import removal
from bot.engine.dispatch import timer_fired
from bot.engine.jobs import queue_key
from bot.engine.sender import Sender
from bot.engine.services import services_of
from fake_telegram import FakeTelegramControl
from flows.callbacks import LeaveButton
from flows.model import Group, Settings
from storage import coaches, groups, members, timers
from storage.db import Tx
from tests.bot_api import App
from tests.clips import ffmpeg
from tests.handlers.updates import ANNA, GROUP, Person, arrived, button, command


@dataclass
class InProcessBot:
    """The Application as a test drives it, and the fake Telegram it talks to."""

    app: App
    tg: FakeTelegramControl
    errors: list[BaseException] = field(default_factory=list)

    async def handle(self, update: Update) -> None:
        """The update handled as the bot would; what it decided is delivered before this
        returns. A handler that raised fails the test (the bot would only have logged it)."""
        await self.app.process_update(update)
        sender = services_of(self.app).sender
        assert isinstance(sender, Sender)
        await sender.idle()
        assert not self.errors, f"update {update.update_id} raised {self.errors[0]!r}"

    async def answers(self, update: Update, chat_id: int = GROUP) -> list[str]:
        """`update` handled: what the bot said in the chat because of it."""
        since = await self.tg.mark()
        await self.handle(update)
        return await self.said(chat_id, since=since)

    async def said(self, chat_id: int = GROUP, since: int = 0) -> list[str]:
        """The texts the bot sent to a chat (after a `tg.mark()`), oldest first; not the
        messages it only edited since (a button done, an outcome added)."""
        return [m["text"] or "" for m in await self.tg.bot_messages(chat_id, since=since)
                if m["created"] > since]

    async def press(self, person: Person, data: str, *, chat_id: int = GROUP
                    ) -> dict[str, Any] | None:
        """`person` presses a button with `data`, on a message in `chat_id` as if the bot had
        sent it (so forged and old data can be tried); the bot's answer to the press."""
        markup = InlineKeyboardMarkup([[InlineKeyboardButton("Ja", callback_data=data)]])
        sent = await self.app.bot.send_message(chat_id, "Knop", reply_markup=markup)
        query_id = await self.tg.click(person.user_id, sent.to_dict(), data)
        await self.handle(button(self.app.bot, person, sent.to_dict(), data, query_id))
        return await self.tg.callback_answer(query_id)

    async def db_one(self, sql: str, *params: object) -> tuple[Any, ...] | None:
        async with services_of(self.app).db.reading() as tx:
            row = await tx.one(sql, params)
        return tuple(row) if row is not None else None

    async def db_all(self, sql: str, *params: object) -> list[tuple[Any, ...]]:
        async with services_of(self.app).db.reading() as tx:
            return [tuple(row) for row in await tx.all(sql, params)]




async def set_up(bot: InProcessBot, *joined: Person) -> None:
    """Anna sets the group up; `joined` join it."""
    await bot.handle(command(bot.app.bot, ANNA, "/setup"))
    for person in joined:
        await bot.handle(command(bot.app.bot, person, "/join"))


async def set_up_agreed(bot: InProcessBot, *joined: Person) -> int:
    """`set_up` with each of `joined` agreeing to the group's agreements; the group's id."""
    await set_up(bot, *joined)
    group = await bot.db_one("SELECT id FROM groups")
    assert group is not None
    for person in joined:
        await bot.press(person, f"agree:{group[0]}")
    return int(group[0])


async def group_agreed(tx: Tx, now: datetime, chat_id: int, title: str, settings: Settings,
                       *people: Person) -> Group:
    """A second group registered in storage (the updates built here all name the first
    group's title), with `people` joined and agreed."""
    group, _ = await groups.register(tx, chat_id, 0, title, settings, now)
    for person in people:
        await members.join(tx, group.id, person.user_id, person.first_name, now)
        await members.agree(tx, group.id, person.user_id, now)
    return group


async def removal_grace_over(bot: InProcessBot) -> None:
    """The bot was taken out of the chat, and its grace (bot/engine/removal.py) runs out now,
    not ten minutes from now: what that stops is decided and delivered."""
    async with services_of(bot.app).db.reading() as tx:
        waiting = [t for t in await timers.pending(tx) if t.event == removal.EVENT]
    assert waiting, "the bot was not taken out of a group"
    assert bot.app.job_queue is not None
    for timer in waiting:
        for job in bot.app.job_queue.get_jobs_by_name(queue_key(timer.group_id, timer.name)):
            job.schedule_removal()
        await timer_fired(bot.app, timer, late=False)
    sender = services_of(bot.app).sender
    assert isinstance(sender, Sender)
    await sender.idle()


async def forget_asked(bot: InProcessBot, person: Person) -> str:
    """`person` sends /forget in their private chat; the data of its "yes, erase" button
    (of several groups: "everything", the one that names no group)."""
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, person, "/forget", chat_id=person.user_id))
    [confirm] = [m for m in await bot.tg.bot_messages(person.user_id, since=since)
                 if m["message"].get("reply_markup")]
    return str(next(b["callback_data"]
                    for row in confirm["message"]["reply_markup"]["inline_keyboard"]
                    for b in row if b["callback_data"].startswith("forget:yes")
                    and b["callback_data"].count(":") == 3))


async def forget_me(bot: InProcessBot, person: Person) -> None:
    """`person` sends /forget in their private chat and confirms it with its button."""
    yes = await forget_asked(bot, person)
    await bot.press(person, yes, chat_id=person.user_id)



async def started_bot(bot: InProcessBot, person: Person) -> None:
    """`person` opens the private chat with the bot and sends /start there."""
    await bot.tg.start_private_chat(person.user_id)
    await bot.handle(command(bot.app.bot, person, "/start", chat_id=person.user_id))


async def coach_linked(bot: InProcessBot, coach: Person) -> None:
    """`coach` started the bot and redeemed Anna's invite to the group (set up already)."""
    await bot.tg.add_user(coach.user_id, coach.first_name)
    await bot.tg.start_private_chat(coach.user_id)
    now = datetime.now(UTC)
    async with services_of(bot.app).db.transaction() as tx:
        group = await groups.find(tx, GROUP)
        assert group is not None
        token = await coaches.create_invite(tx, group.id, ANNA.user_id, now)
        assert await coaches.redeem(tx, token, coach.user_id, coach.first_name, now)


async def leaves(bot: InProcessBot, person: Person) -> None:
    """`person` sends /leave in the group and confirms it with "Ja, ik stop"."""
    group = await bot.db_one("SELECT id FROM groups WHERE chat_id = ?", GROUP)
    assert group is not None
    await bot.handle(command(bot.app.bot, person, "/leave"))
    await bot.press(person, LeaveButton(int(group[0]), "yes", person.user_id).pack())
    assert await bot.db_one("SELECT active FROM members WHERE group_id = ? AND user_id = ?",
                            group[0], person.user_id) == (0,)


async def voice_note_sent(bot: InProcessBot, person: Person, folder: Path,
                          seconds: int = 3) -> dict[str, Any]:
    """`person`'s voice note of `seconds` of silence in the group, handled by the bot; the
    message (the recording is made once per folder and length)."""
    note = folder / f"voice-{seconds}s.ogg"
    if not note.exists():
        ffmpeg("-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", str(seconds),
               "-c:a", "libopus", str(note))
    sent = await bot.tg.send_video(person.user_id, GROUP, note, kind="voice")
    await bot.handle(arrived(bot.app.bot, sent))
    return sent
