"""The watch timebox ends before anyone pressed "👀 Ik heb gekeken" (UX review 10, #3): the
group reads one line instead of the goal's prompt and its reminder in an empty room, /status
says what the talk waits for, and the first press opens the talk."""
from __future__ import annotations

from bot.engine import jobs
from bot.engine.sender import Sender
from bot.engine.services import services_of
from storage import timers
from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import announced, clip_shown, press_on, stage
from tests.handlers.updates import ANNA, CATO, command


async def test_the_talk_waits_for_the_first_who_watched(bot: InProcessBot) -> None:
    await announced(bot)
    watch = await clip_shown(bot)
    svc = services_of(bot.app)
    async with svc.db.reading() as tx:
        (end,) = [t for t in await timers.pending(tx) if t.event == "watch_end"]
    svc.clock = lambda: end.due_at
    since = await bot.tg.mark()
    await jobs.fire(bot.app, end)
    assert isinstance(svc.sender, Sender)
    await svc.sender.idle()
    assert await bot.said(since=since) == [(
        "👀 Nog niemand heeft laten weten dat die de clip heeft bekeken. Het gesprek begint "
        "zodra iemand op „👀 Ik heb gekeken” drukt (of Bram of een beheerder gaat verder met "
        "/next).")]
    assert await stage(bot) == ("watching", "")

    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/status"))
    [status] = await bot.said(since=since)
    assert "Nog niemand heeft de clip bekeken" in status

    since = await bot.tg.mark()
    answer = await press_on(bot, CATO, watch, "watched")
    assert answer is not None and answer.get("text") == "Dank je! Het gesprek begint nu."
    await svc.sender.idle()
    assert await stage(bot) == ("goal", "")
    assert any("🎯" in said for said in await bot.said(since=since))
