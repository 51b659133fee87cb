"""/status between cycles in a group that meets on a schedule: the next meeting and who brings
in then, not only "an admin starts one with /cycle" (found playing a term through)."""
from __future__ import annotations

from datetime import UTC, datetime

from bot.engine import jobs
from bot.engine.services import services_of
from storage import timers
from tests.handlers.in_process import InProcessBot, set_up_agreed
from tests.handlers.schedules import saved
from tests.handlers.updates import ANNA, BRAM, CATO, Person, command

MONDAY = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)  # Thursday's meeting is announced on Tuesday


async def _status(bot: InProcessBot, person: Person = CATO) -> str:
    """`person`'s /status (one person's same command within 3 s is answered once: each call
    here asks as someone else)."""
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, person, "/status"))
    return (await bot.said(since=since))[-1]


async def test_status_names_the_next_meeting_and_its_inbrenger(bot: InProcessBot) -> None:
    services_of(bot.app).clock = lambda: MONDAY
    await set_up_agreed(bot, BRAM, CATO)
    assert await _status(bot) == ("Er loopt nu geen cyclus. Volgende inbrenger: Bram. Een "
                                  "beheerder start de cyclus met /cycle.")
    await saved(bot, "do 15:00 wekelijks")
    said = await _status(bot, BRAM)
    assert said.startswith("Er loopt nu geen cyclus. De volgende bijeenkomst is do 4 mrt 15:00")
    assert "dan is Bram aan de beurt als inbrenger" in said


async def test_a_meeting_whose_cycle_was_cancelled_is_not_named_as_the_next(
        bot: InProcessBot) -> None:
    """Cancelled on Tuesday, Thursday's meeting stays without a cycle: /status names the
    meeting after it, as the cancellation itself said."""
    await test_status_names_the_next_meeting_and_its_inbrenger(bot)
    svc = services_of(bot.app)
    async with svc.db.reading() as tx:
        [announce] = [t for t in await timers.pending(tx) if t.name.endswith(":announce")]
    svc.clock = lambda: announce.due_at
    await jobs.fire(bot.app, announce)
    await bot.handle(command(bot.app.bot, ANNA, "/cancel"))
    said = await _status(bot, ANNA)
    assert "De volgende bijeenkomst is do 11 mrt 15:00" in said, said
    assert "dan is Bram aan de beurt" in said  # his turn was not used
