"""A next turn told at a cycle's close follows the schedule: when an admin moves the meetings,
the group reads the inbrenger's new date once (it used to keep the old one)."""
from __future__ import annotations

from datetime import UTC, datetime

from bot.engine.services import services_of
from flows.cycle.model import Cycle
from flows.model import Phase
from storage import cycles, members
from tests.handlers.in_process import InProcessBot, set_up_agreed
from tests.handlers.updates import ANNA, BRAM, CATO, command

MONDAY = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
THURSDAY_WEEK_2 = datetime(2027, 3, 11, 14, 0, tzinfo=UTC)  # 15:00 in Amsterdam


async def _schedule(bot: InProcessBot, rhythm: str) -> list[str]:
    """Anna sets the schedule and saves it: what the group read."""
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, f"/schedule {rhythm}"))
    [question] = [m for m in await bot.tg.bot_messages(since=since)
                  if m["message"].get("reply_markup")]
    yes = next(b["callback_data"] for row in question["message"]["reply_markup"]["inline_keyboard"]
               for b in row if ":yes:" in b["callback_data"])
    since = await bot.tg.mark()
    await bot.press(ANNA, yes)
    return await bot.said(since=since)


async def test_a_next_turn_told_at_closing_follows_a_new_schedule(bot: InProcessBot) -> None:
    svc = services_of(bot.app)
    svc.clock = lambda: MONDAY
    group_id = await set_up_agreed(bot, BRAM, CATO)
    await _schedule(bot, "do 15:00 wekelijks")
    async with svc.db.transaction() as tx:  # Bram's cycle closed: he comes after Cato
        cycle = await cycles.create(tx, Cycle(0, group_id, BRAM.user_id, 1, Phase.WILL, MONDAY,
                                              commitment="Wachten tot het stil is"),
                                    actor_id=None, event="start", now=MONDAY)
        await cycles.save(tx, cycle, Cycle(cycle.id, group_id, BRAM.user_id, 1, Phase.CLOSED,
                                           MONDAY, commitment="Wachten tot het stil is",
                                           next_turn_at=THURSDAY_WEEK_2),
                          event="next", actor_id=None, now=MONDAY)
        await members.record_turn(tx, group_id, BRAM.user_id, MONDAY)
    assert not [s for s in await _schedule(bot, "do 15:00 wekelijks") if "Bram" in s]
    said = [s for s in await _schedule(bot, "vr 15:00 wekelijks") if "rooster is gewijzigd" in s]
    assert len(said) == 1 and "Bram" in said[0] and "vr 12 mrt 15:00" in said[0], said
    assert not [s for s in await _schedule(bot, "vr 15:00 wekelijks") if "Bram" in s]
