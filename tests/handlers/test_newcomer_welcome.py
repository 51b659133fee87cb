"""Someone added to the group's chat hears what the group does and how to take part: Telegram
itself only shows "Frank joined", and a newcomer met by silence does not know the bot is there
for them. Telegram may tell of one arrival twice (the service message and, where the bot is an
admin, a chat_member update): one welcome. Members and
coaches (who follow from outside and cannot /join) are not welcomed."""
from __future__ import annotations

from bot.engine.services import services_of
from storage import coaches
from tests.handlers.in_process import InProcessBot, set_up_agreed
from tests.handlers.talk import announced
from tests.handlers.updates import (
    ANNA,
    BRAM,
    CATO,
    Person,
    command,
    joined_chat,
    member_status,
    message,
)

FRANK = Person(7, "Frank")
GIJS = Person(8, "Gijs")
CARLA = Person(11, "Carla")
FORUM = -1001000000081


async def test_who_is_added_hears_what_the_group_does_once(bot: InProcessBot) -> None:
    await set_up_agreed(bot, BRAM, CATO)
    said = await bot.answers(joined_chat(bot.app.bot, FRANK, by=ANNA))
    assert len(said) == 1 and said[0].startswith("👋 Hoi Frank! In deze groep doen we "
                                                  "intervisie met video"), said
    assert "Stuur /join" in said[0] and "cyclus" not in said[0], said
    # The same arrival told again by a chat_member update is not welcomed a second time.
    assert await bot.answers(member_status(bot.app.bot, FRANK, "left", "member")) == []
    # One who joins by the chat_member update alone (a large supergroup) is welcomed by it.
    said = await bot.answers(member_status(bot.app.bot, GIJS, "left", "member"))
    assert len(said) == 1 and said[0].startswith("👋 Hoi Gijs!"), said


async def test_while_a_cycle_runs_the_welcome_names_it_and_is_not_repeated(
        bot: InProcessBot) -> None:
    await announced(bot)
    [welcome] = await bot.answers(joined_chat(bot.app.bot, FRANK, GIJS, by=ANNA))
    assert welcome.startswith("👋 Hoi Frank, Gijs!"), welcome
    assert "Er loopt nu een cyclus: Bram brengt een clip" in welcome, welcome
    # Frank's first words no longer hear "Je doet nog niet mee ... er loopt nu een cyclus".
    assert await bot.answers(message(bot.app.bot, FRANK, "Hoi allemaal!")) == []


async def test_members_and_coaches_are_not_welcomed(bot: InProcessBot) -> None:
    group_id = await set_up_agreed(bot, BRAM, CATO)
    async with services_of(bot.app).db.transaction() as tx:
        now = services_of(bot.app).now()
        token = await coaches.create_invite(tx, group_id, ANNA.user_id, now)
        await coaches.redeem(tx, token, CARLA.user_id, "Carla", now)
    assert await bot.answers(joined_chat(bot.app.bot, BRAM, CARLA, by=ANNA)) == []


async def test_in_a_forum_the_welcome_sends_to_the_topics_to_join_in(bot: InProcessBot) -> None:
    await bot.tg.add_group(FORUM, "Lerarenkamer", forum=True, admins=[ANNA.user_id],
                           members=[BRAM.user_id])
    for title in ("Team A", "Team B"):
        topic = await bot.tg.add_topic(FORUM, title, created_by=ANNA.user_id)
        await bot.handle(command(bot.app.bot, ANNA, "/setup", chat_id=FORUM, thread=topic))
    since = await bot.tg.mark()
    await bot.handle(joined_chat(bot.app.bot, FRANK, by=ANNA, chat_id=FORUM))
    [welcome] = await bot.tg.bot_messages(FORUM, since=since)
    assert "/join in het onderwerp van jouw groep" in (welcome["text"] or ""), welcome
    assert not welcome["thread_id"]  # in General, where Telegram shows who joined


async def test_a_chat_that_is_no_group_yet_stays_quiet(bot: InProcessBot) -> None:
    assert await bot.answers(joined_chat(bot.app.bot, FRANK, by=ANNA)) == []

