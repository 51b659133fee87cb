"""A cycle played in process up to the talk, and presses on the buttons the bot really sent
(found by their action, as Telegram shows them now: a button taken away cannot be pressed)."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from telegram import Update

from bot.engine.services import services_of
from fake_telegram.control import MessageView
from fake_telegram.scenes import button_data, has_button
from flows.cycle.model import Cycle
from flows.model import Phase
from storage import cycles
from tests.handlers.in_process import InProcessBot, set_up_agreed
from tests.handlers.updates import ANNA, BRAM, CATO, GROUP, Person, button, command, video

QUESTION = "Hoe kan ik de overgang na de pauze rustiger laten verlopen?"


async def latest(bot: InProcessBot, action: str, since: int = 0) -> MessageView:
    """The bot's latest message in the group with a cycle button of `action`."""
    views = [v for v in await bot.tg.bot_messages(GROUP, since=since) if has_button(action)(v)]
    assert views, f"no message with a {action!r} button"
    return views[-1]


async def view_of(bot: InProcessBot, message_id: int) -> MessageView:
    """A message of the bot as the group sees it now (edits included)."""
    return next(v for v in await bot.tg.bot_messages(GROUP) if v["message_id"] == message_id)


async def click(bot: InProcessBot, person: Person, view: MessageView, action: str,
                argument: str | None = None) -> tuple[Update, str]:
    """`person` presses the button of `action` on the bot's message `view`, as it is now: the
    update the bot will get, and the press's query id (to read the answer)."""
    now = await view_of(bot, view["message_id"])
    data = button_data(now, action, argument)
    query_id = await bot.tg.click(person.user_id, now, data)
    return button(bot.app.bot, person, now["message"], data, query_id), query_id


async def press_on(bot: InProcessBot, person: Person, view: MessageView, action: str,
                   argument: str | None = None) -> dict[str, Any] | None:
    """A press (`click`) handled; the bot's answer to it."""
    update, query_id = await click(bot, person, view, action, argument)
    await bot.handle(update)
    return await bot.tg.callback_answer(query_id)


async def announced(bot: InProcessBot, *, earlier_commitment: str | None = None
                    ) -> MessageView:
    """Bram and Cato joined and agreed; Anna starts a cycle with Bram as the inbrenger (his
    second, after one that closed with `earlier_commitment`, when given)."""
    group_id = await set_up_agreed(bot, BRAM, CATO)
    if earlier_commitment is not None:
        await _closed_cycle(bot, group_id, BRAM, earlier_commitment)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/cycle Bram"))
    return await latest(bot, "accept", since)


async def _closed_cycle(bot: InProcessBot, group_id: int, inbrenger: Person,
                        commitment: str) -> None:
    async with services_of(bot.app).db.transaction() as tx:
        now = services_of(bot.app).now()
        cycle = await cycles.create(tx, Cycle(0, group_id, inbrenger.user_id, 1, Phase.WILL,
                                              now, commitment=commitment),
                                    actor_id=None, event="start", now=now)
        await cycles.save(tx, cycle, replace(cycle, phase=Phase.CLOSED), event="next",
                          actor_id=None, now=now)


async def to_the_talk(bot: InProcessBot) -> MessageView:
    """A cycle announced and its clip watched: the goal prompt."""
    await announced(bot)
    return await clip_watched(bot)


async def clip_shown(bot: InProcessBot) -> MessageView:
    """Bram's clip with its question and his consent: the group watches (the watched prompt)."""
    since = await bot.tg.mark()
    await bot.handle(video(bot.app.bot, BRAM, QUESTION))
    await press_on(bot, BRAM, await latest(bot, "consent", since), "consent")
    return await latest(bot, "watched", since)


async def clip_watched(bot: InProcessBot) -> MessageView:
    """Bram's clip with its question, his consent, Cato watched: the goal prompt."""
    since = await bot.tg.mark()
    await press_on(bot, CATO, await clip_shown(bot), "watched")
    return await latest(bot, "next", since)


async def stage(bot: InProcessBot) -> tuple[str, str]:
    """The open cycle's phase and step."""
    row = await bot.db_one("SELECT phase, json_extract(data, '$.step') FROM cycles "
                           "ORDER BY id DESC LIMIT 1")
    assert row is not None
    return row[0], row[1] or ""


async def into_will(bot: InProcessBot) -> None:
    """The talk moved on to will directly (moving through every phase by /next sends more
    than a group's 20 messages a minute, which the sender would wait out)."""
    async with services_of(bot.app).db.transaction() as tx:
        group = await tx.one("SELECT id FROM groups", ())
        assert group is not None
        cycle = await cycles.open_cycle(tx, group[0])
        assert cycle is not None
        await cycles.save(tx, cycle, replace(cycle, phase=Phase.WILL, step="commit"),
                          event="next", actor_id=None, now=services_of(bot.app).now())
    assert await stage(bot) == ("will", "commit")


async def in_reality_step(bot: InProcessBot, step: str) -> None:
    """The talk, moved straight to reality's `step` ("see", "strong", "analysis")."""
    await to_the_talk(bot)
    async with services_of(bot.app).db.transaction() as tx:
        group = await tx.one("SELECT id FROM groups", ())
        assert group is not None
        cycle = await cycles.open_cycle(tx, group[0])
        assert cycle is not None
        now = services_of(bot.app).now()
        await cycles.save(tx, cycle, replace(cycle, phase=Phase.REALITY, step=step,
                                             phase_started_at=now, step_started_at=now),
                          event="next", actor_id=None, now=now)
    assert await stage(bot) == ("reality", step)
