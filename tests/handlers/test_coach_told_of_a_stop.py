"""A coach waits for a summary of every cycle (SPEC 5). A cycle whose talk had begun and then
stopped (/cancel, or the inbrenger leaving before the commitment) sent the coach nothing, so
they kept waiting (found by a review of changes mid-cycle); now they hear it stopped."""
from __future__ import annotations

from flows.callbacks import StopButton
from tests.handlers.in_process import InProcessBot, coach_linked
from tests.handlers.talk import announced, to_the_talk
from tests.handlers.updates import ANNA, CATO, GROUP_TITLE, Person, command, message

CARLA = Person(4001, "Carla")


async def test_a_cycle_stopped_in_the_talk_is_told_to_the_coach(bot: InProcessBot) -> None:
    await to_the_talk(bot)
    await coach_linked(bot, CARLA)
    await bot.handle(message(bot.app.bot, CATO, "Wat wil je dat ze doen als je wacht?"))
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/cancel"))  # asked first, in the talk
    [(group_id, cycle_id)] = await bot.db_all("SELECT group_id, id FROM cycles")
    await bot.press(ANNA, StopButton(group_id, "yes", ANNA.user_id, cycle_id).pack())
    [told] = await bot.said(CARLA.user_id, since=since)
    assert told.startswith(f"🛑 Cyclus 1 van Bram is gestopt · {GROUP_TITLE}")
    assert "er komt geen samenvatting" in told


async def test_a_cycle_stopped_before_its_talk_is_the_schedules_not_the_coachs(
        bot: InProcessBot) -> None:
    await announced(bot)
    await coach_linked(bot, CARLA)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/cancel"))
    assert await bot.said(CARLA.user_id, since=since) == []
