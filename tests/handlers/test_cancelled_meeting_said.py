"""After /cancel every answer names the same next meeting, and the meeting that falls out is
said to (review ux14, finding 2: the cancel message named "di 8 dec", /status "di 15 dec",
/schedule listed 8 Dec first, and nothing happened on 8 Dec: a cancelled meeting stays
cancelled, docs/scheduling.md)."""
from __future__ import annotations

from datetime import UTC, datetime

from bot.engine import jobs
from bot.engine.services import services_of
from storage import timers
from tests.handlers.in_process import InProcessBot, set_up_agreed
from tests.handlers.schedules import saved
from tests.handlers.updates import ANNA, BRAM, CATO, Person, command

MONDAY = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)  # Thursday's meeting is announced on Tuesday


async def _said(bot: InProcessBot, person: Person, words: str) -> str:
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, person, words))
    return "\n".join(await bot.said(since=since))


async def test_the_cancelled_meeting_is_said_to_fall_out_everywhere(bot: InProcessBot) -> None:
    svc = services_of(bot.app)
    svc.clock = lambda: MONDAY
    await set_up_agreed(bot, BRAM, CATO)
    await saved(bot, "do 15:00 wekelijks")
    async with svc.db.reading() as tx:
        [announce] = [t for t in await timers.pending(tx) if t.name.endswith(":announce")]
    svc.clock = lambda: announce.due_at
    await jobs.fire(bot.app, announce)  # Bram announced for Thursday 4 March

    stopped = await _said(bot, ANNA, "/cancel")
    assert "De bijeenkomst van do 4 mrt 15:00 vervalt." in stopped, stopped
    assert "Bij de volgende bijeenkomst (do 11 mrt 15:00) is Bram aan de beurt" in stopped

    listing = await _said(bot, CATO, "/schedule")
    assert "do 4 mrt 15:00 · vervalt\ndo 11 mrt 15:00\ndo 18 mrt 15:00\ndo 25 mrt 15:00" \
        in listing, listing

    # A cycle started by hand and stopped again: the meeting cancelled before stays so.
    await bot.handle(command(bot.app.bot, ANNA, "/cycle"))
    again = await _said(bot, BRAM, "/cancel")
    assert "De bijeenkomst van do 4 mrt 15:00 vervalt." in again, again
    assert "(do 11 mrt 15:00)" in again and "do 4 mrt 15:00)" not in again, again
    status = await _said(bot, CATO, "/status")
    assert "De volgende bijeenkomst is do 11 mrt 15:00" in status, status
