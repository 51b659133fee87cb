"""/summary after a member who spoke in that cycle left the group: they are named where they
are quoted and counted in the participation, not "?" and gone, and the participation says
that they stopped ("Cato (gestopt)")."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from bot.engine.services import services_of
from flows.cycle.model import Cycle
from flows.model import Phase
from storage import contributions, cycles, members
from tests.handlers.in_process import InProcessBot, leaves, set_up
from tests.handlers.updates import ANNA, BRAM, CATO, GROUP, command

WORDS = "Wat merkte je bij jezelf toen de klas onrustig werd?"


async def test_summary_names_a_member_who_left_since(bot: InProcessBot) -> None:
    await set_up(bot, BRAM, CATO)
    [(group_id,)] = await bot.db_all("SELECT id FROM groups")
    svc = services_of(bot.app)
    async with svc.db.transaction() as tx:
        now = svc.now()
        cycle = await cycles.create(tx, Cycle(0, group_id, BRAM.user_id, 1, Phase.REALITY, now,
                                              learning_question="Hoe begin ik rustig?"),
                                    actor_id=None, event="start", now=now)
        await contributions.add(tx, cycle.id, CATO.user_id, "reality", 77, WORDS,
                                "open_question", now)
        await cycles.save(tx, cycle, replace(cycle, phase=Phase.CLOSED), event="next",
                          actor_id=None, now=now)
    await leaves(bot, CATO)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/summary"))
    [summary] = [s for s in await bot.said(GROUP, since=since) if "Samenvatting" in s]
    assert f"• Cato: {WORDS}" in summary and "• Cato (gestopt): 1 vraag" in summary
    assert "?:" not in summary


async def test_summary_does_not_name_who_joined_after_the_meeting(bot: InProcessBot) -> None:
    """Cato joined and agreed the day after Bram's cycle closed: /summary does not say she
    "listened this time" in a meeting she was never in."""
    await set_up(bot, BRAM)
    [(group_id,)] = await bot.db_all("SELECT id FROM groups")
    svc = services_of(bot.app)
    async with svc.db.transaction() as tx:
        closed_at = svc.now() - timedelta(days=1)
        await members.agree(tx, group_id, BRAM.user_id, closed_at)
        cycle = await cycles.create(tx, Cycle(0, group_id, BRAM.user_id, 1, Phase.REALITY,
                                              closed_at, learning_question="Hoe begin ik?"),
                                    actor_id=None, event="start", now=closed_at)
        await cycles.save(tx, cycle, replace(cycle, phase=Phase.CLOSED), event="next",
                          actor_id=None, now=closed_at)
    await bot.handle(command(bot.app.bot, CATO, "/join"))
    await bot.press(CATO, f"agree:{group_id}")
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/summary"))
    [summary] = [s for s in await bot.said(GROUP, since=since) if "Samenvatting" in s]
    assert "Cato: luisterde deze keer" not in summary, summary
