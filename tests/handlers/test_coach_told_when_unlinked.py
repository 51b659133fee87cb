"""A coach an admin unlinks (/coach remove, by name or by button) hears it privately, so they
do not wait for summaries that no longer come; the group hears it as before."""
from __future__ import annotations

from datetime import UTC, datetime

from bot.engine.services import services_of
from storage import coaches, groups
from tests.handlers.in_process import InProcessBot, coach_linked, forget_me, set_up
from tests.handlers.updates import ANNA, BRAM, GROUP, GROUP_TITLE, Person, command

CARLA, DIRK = Person(4001, "Carla"), Person(4002, "Dirk")


async def _coached_by(bot: InProcessBot, *people: Person) -> None:
    await set_up(bot, BRAM)
    for person in people:
        await coach_linked(bot, person)


async def test_a_coach_removed_by_name_is_told_privately(bot: InProcessBot) -> None:
    await _coached_by(bot, CARLA, DIRK)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/coach remove carla"))
    assert any("geen coach van deze groep meer" in s for s in await bot.said(GROUP, since=since))
    [told] = await bot.said(CARLA.user_id, since=since)
    assert f"geen coach meer van {GROUP_TITLE}" in told
    assert await bot.said(DIRK.user_id, since=since) == []


async def test_a_coach_removed_by_button_is_told_privately(bot: InProcessBot) -> None:
    await _coached_by(bot, CARLA)
    [(group_id,)] = await bot.db_all("SELECT id FROM groups")
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/coach remove"))
    [which] = [m for m in await bot.tg.bot_messages(GROUP, since=since)
               if m["message"].get("reply_markup")]
    data = which["message"]["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    await bot.press(ANNA, data)
    [told] = await bot.said(CARLA.user_id, since=since)
    assert f"geen coach meer van {GROUP_TITLE}" in told
    assert await bot.db_all("SELECT user_id FROM coaches WHERE group_id = ?", group_id) == []


async def _answers(bot: InProcessBot, words: str) -> list[str]:
    return await bot.answers(command(bot.app.bot, ANNA, words))


async def test_the_list_names_every_coach(bot: InProcessBot) -> None:
    await _coached_by(bot, CARLA, DIRK)
    [listed] = await _answers(bot, "/coach list")
    assert "Coaches van deze groep (2)" in listed
    assert "• Carla" in listed and "• Dirk" in listed


async def test_two_coaches_of_one_name_are_chosen_by_button_not_unlinked_at_once(
        bot: InProcessBot) -> None:
    await _coached_by(bot, CARLA, Person(4003, "Carla"))
    [asked] = await _answers(bot, "/coach remove carla")
    assert asked.startswith("Welke coach wil je ontkoppelen?")
    assert len(await bot.db_all("SELECT user_id FROM coaches")) == 2


async def test_revoke_says_how_many_open_invites_stopped_working_in_any_case(
        bot: InProcessBot) -> None:
    await _coached_by(bot)
    now = datetime.now(UTC)
    async with services_of(bot.app).db.transaction() as tx:
        group = await groups.find(tx, GROUP)
        assert group is not None
        for _ in range(2):
            await coaches.create_invite(tx, group.id, ANNA.user_id, now)
    assert await _answers(bot, "/coach REVOKE") == [
        "🔒 2 open uitnodigingen zijn ingetrokken; die links werken niet meer."]


async def test_an_unknown_name_is_quoted_short(bot: InProcessBot) -> None:
    await _coached_by(bot, CARLA)
    [said] = await _answers(bot, "/coach remove " + "x" * 200)
    assert f"„{'x' * 60}”" in said


async def test_a_coach_opening_an_invite_hears_the_group_s_language_not_their_own(
        bot: InProcessBot) -> None:
    """The coach follows a Dutch group: its summaries come in Dutch, and so does the
    welcome, whatever language the coach's Telegram is set to."""
    await _coached_by(bot)
    carla = Person(CARLA.user_id, CARLA.first_name, language_code="en")
    await bot.tg.add_user(carla.user_id, carla.first_name, language_code="en")
    await bot.tg.start_private_chat(carla.user_id)
    async with services_of(bot.app).db.transaction() as tx:
        group = await groups.find(tx, GROUP)
        assert group is not None
        token = await coaches.create_invite(tx, group.id, ANNA.user_id, datetime.now(UTC))
    said = await bot.answers(command(bot.app.bot, carla, f"/start coach_{token}",
                                     chat_id=carla.user_id), chat_id=carla.user_id)
    welcome = (f"✅ Je bent nu coach van {GROUP_TITLE}. Na elke cyclus krijg je hier een "
               "samenvatting.")
    assert said == [welcome]


async def test_a_coachs_own_forget_is_told_in_the_group_without_their_name(
        bot: InProcessBot) -> None:
    """The second UX review: a coach who erased themselves left the group unaware who still
    gets its summaries. The group hears it, without the name the coach asked to erase."""
    await set_up(bot, BRAM)
    coach = Person(31, "Carla")
    await coach_linked(bot, coach)
    since = await bot.tg.mark()
    await forget_me(bot, coach)
    told = await bot.said(since=since)
    assert told == [("Een coach heeft zich losgemaakt van deze groep en krijgt geen "
                    "samenvattingen meer. /coach list laat zien wie de groep nog volgt.")]
    assert await bot.db_one("SELECT COUNT(*) FROM coaches") == (0,)
