"""A word meant for one member's private chat, when that chat is impossible (they blocked the
bot): it reaches them in the group instead, without the line that names the group, which only
makes sense in a private chat."""
from __future__ import annotations

from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import to_the_talk
from tests.handlers.updates import CATO, command, message


async def test_a_member_who_blocked_the_bot_is_nudged_in_the_group_without_naming_it(
        bot: InProcessBot) -> None:
    await to_the_talk(bot)
    await bot.tg.start_private_chat(CATO.user_id)
    await bot.handle(command(bot.app.bot, CATO, "/start", chat_id=CATO.user_id))
    await bot.tg.block_bot(CATO.user_id)
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, CATO, "Je zou meer wachttijd kunnen geven."))
    (nudge,) = [said for said in await bot.said(since=since) if "wachttijd" in said]
    assert not nudge.startswith("Over "), nudge  # it read "Over <group>:" in the group itself
    assert await bot.said(CATO.user_id, since=since) == []
