"""Frank is added to the group while Bram's cycle runs: his first words hear that a cycle
runs and that he can still join; joined while the group watches, he is not waited for."""
from __future__ import annotations

from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import announced, clip_shown, press_on, stage
from tests.handlers.updates import CATO, GROUP, Person, command, message

FRANK = Person(7, "Frank")


async def _added(bot: InProcessBot) -> None:
    await bot.tg.add_user(FRANK.user_id, FRANK.first_name)
    await bot.tg.add_member(GROUP, FRANK.user_id)


async def test_a_newcomers_first_words_hear_that_a_cycle_runs(bot: InProcessBot) -> None:
    await announced(bot)
    await _added(bot)
    said = await bot.answers(message(bot.app.bot, FRANK, "Hoi allemaal, wat is hier de "
                                     "bedoeling?"))
    assert any("Er loopt nu een cyclus: Bram brengt een clip" in s and "/join" in s
               for s in said), said
    assert any(s.startswith("Je doet nog niet mee") for s in said), said  # "niet" read cold


async def test_who_joins_while_the_group_watches_is_not_waited_for(bot: InProcessBot) -> None:
    await announced(bot)
    watch = await clip_shown(bot)
    await _added(bot)
    await bot.handle(command(bot.app.bot, FRANK, "/join"))
    [(group_id,)] = await bot.db_all("SELECT id FROM groups")
    await bot.press(FRANK, f"agree:{group_id}")
    answer = await press_on(bot, CATO, watch, "watched")
    assert answer is not None and "Frank" not in answer.get("text", ""), answer
    assert (await stage(bot))[0] == "goal"
