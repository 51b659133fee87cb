"""A coach who follows groups from outside (SPEC section 2), walked through: an invite opened
twice by its coach, or by a member of the group; the coach in the group's chat asking who
coaches it; the coach's /start after unblocking the bot; the bot removed from a group the
coach follows."""
from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from bot.engine.services import services_of
from flows.model import Settings
from storage import coaches, groups
from storage.clock import to_db
from tests.handlers.in_process import InProcessBot, removal_grace_over, set_up
from tests.handlers.updates import ANNA, BRAM, GROUP, GROUP_TITLE, Person, bot_added, command

CARLA = Person(20, "Carla")
PIET = Person(21, "Piet")


async def _invite(bot: InProcessBot) -> str:
    """A fresh invite from Anna (who started the bot), as its `/start` payload."""
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/coach"))
    [invite] = [s for s in await bot.said(ANNA.user_id, since=since) if "start=coach_" in s]
    token = re.search(r"start=(coach_[\w-]+)", invite)
    assert token is not None
    return token.group(1)


async def _opens(bot: InProcessBot, person: Person, payload: str) -> str:
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, person, f"/start {payload}", chat_id=person.user_id))
    [said] = await bot.said(person.user_id, since=since)
    return said


async def _group_with_anna(bot: InProcessBot, *joined: Person) -> None:
    for person in (CARLA, PIET):
        await bot.tg.add_user(person.user_id, person.first_name)
        await bot.tg.start_private_chat(person.user_id)
    await bot.tg.start_private_chat(ANNA.user_id)
    await bot.tg.start_private_chat(BRAM.user_id)
    await bot.handle(command(bot.app.bot, ANNA, "/start", chat_id=ANNA.user_id))
    await set_up(bot, *joined)


async def test_a_coach_who_opens_their_invite_again_hears_they_are_linked(
        bot: InProcessBot) -> None:
    """Before, the second tap read "This invite is not valid (any more)": the coach could
    only think the link had failed."""
    await _group_with_anna(bot)
    payload = await _invite(bot)
    assert f"coach van {GROUP_TITLE}" in await _opens(bot, CARLA, payload)
    again = await _opens(bot, CARLA, payload)
    assert again == (f"Je bent al coach van {GROUP_TITLE}. Na elke cyclus krijg je hier een "
                     "samenvatting.")
    # Someone else still finds the used invite invalid.
    assert "niet (meer) geldig" in await _opens(bot, PIET, payload)


async def test_the_group_hears_who_became_its_coach_once(bot: InProcessBot) -> None:
    """The coach review: members agreed that what is said stays in the group, and then a coach
    they were never told of received their names and quotes; only /coach list showed her."""
    await _group_with_anna(bot, BRAM)
    payload = await _invite(bot)
    since = await bot.tg.mark()
    await _opens(bot, CARLA, payload)
    await _opens(bot, CARLA, payload)  # the coach taps the link again: no second notice
    assert await bot.said(GROUP, since=since) == [(
        "🎓 Carla is nu coach van deze groep en krijgt na elke cyclus de samenvatting: de "
        "leervraag, het voornemen, citaten uit het gesprek en hoe iedereen meedeed. /coach list "
        "laat de coaches zien.")]


async def test_a_member_of_the_group_cannot_become_its_coach(bot: InProcessBot) -> None:
    """A coach follows the group from outside: a member linked as coach got the per-member
    counts of their own peers. The invite stays open for the coach it was meant for."""
    await _group_with_anna(bot, BRAM)
    payload = await _invite(bot)
    refused = await _opens(bot, BRAM, payload)
    assert refused.startswith(f"Je doet zelf mee met {GROUP_TITLE}, dus je kunt er geen coach "
                              "van zijn")
    assert await bot.db_all("SELECT user_id FROM coaches") == []
    assert f"coach van {GROUP_TITLE}" in await _opens(bot, CARLA, payload)
    assert await bot.db_all("SELECT user_id FROM coaches") == [(CARLA.user_id,)]


async def test_a_member_who_opens_an_expired_invite_hears_it_is_invalid(
        bot: InProcessBot) -> None:
    """Not that "this invite still works"."""
    await _group_with_anna(bot, BRAM)
    payload = await _invite(bot)
    async with services_of(bot.app).db.transaction() as tx:
        await tx.execute("UPDATE coach_invites SET expires_at = ?",
                         (to_db(datetime.now(UTC) - timedelta(minutes=1)),))
    assert "niet (meer) geldig" in await _opens(bot, BRAM, payload)
    assert "niet (meer) geldig" in await _opens(bot, CARLA, payload)


async def _carla_coaches_from_the_chat(bot: InProcessBot) -> None:
    """Carla, in the group's chat but no member, became its coach by the invite."""
    await _group_with_anna(bot, BRAM)
    await bot.tg.add_member(GROUP, CARLA.user_id)
    await _opens(bot, CARLA, await _invite(bot))


async def test_a_coach_in_the_groups_chat_sees_who_coaches_it(bot: InProcessBot) -> None:
    """Before, a coach's /coach list in the group was told that only members see the coaches,
    and to /join: a coach is no member."""
    await _carla_coaches_from_the_chat(bot)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, CARLA, "/coach list"))
    [said] = await bot.said(GROUP, since=since)
    assert said == "🎓 Coach van deze groep\n• Carla"


async def test_a_coach_who_starts_the_chat_again_hears_what_they_coach(
        bot: InProcessBot) -> None:
    """A coach who blocked the bot and unblocked it (or pressed Start again) was greeted as a
    member ("reminders and personal nudges during intervision"); summaries sent meanwhile did
    not reach them, and nothing said where to find those cycles."""
    await _group_with_anna(bot, BRAM)
    await _opens(bot, CARLA, await _invite(bot))
    said = await _opens(bot, CARLA, "")
    assert said.startswith(f"Hoi Carla! Je bent coach van {GROUP_TITLE}.")
    assert "duwtjes" not in said and "/export" in said


async def test_coach_list_in_the_coachs_private_chat_names_the_groups_they_coach(
        bot: InProcessBot) -> None:
    """The second UX review: a coach's /coach list in their private chat was answered that
    /coach works in the group's chat, where a coach never is."""
    await _group_with_anna(bot, BRAM)
    await _opens(bot, CARLA, await _invite(bot))
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, CARLA, "/coach list", chat_id=CARLA.user_id))
    [said] = await bot.said(CARLA.user_id, since=since)
    assert said.startswith(f"Je bent coach van {GROUP_TITLE}."), said
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, BRAM, "/coach list", chat_id=BRAM.user_id))
    [said] = await bot.said(BRAM.user_id, since=since)
    assert "werkt in de chat van je intervisiegroep" in said, said  # a member: the pointer


async def test_the_coaches_hear_when_the_bot_is_removed_from_their_group(
        bot: InProcessBot) -> None:
    """Before, only the admins and whoever removed the bot were told: the coach went on
    waiting for summaries of a group the bot had left."""
    await _group_with_anna(bot, BRAM)
    await _opens(bot, CARLA, await _invite(bot))
    since = await bot.tg.mark()
    await bot.handle(bot_added(bot.app.bot, ANNA, removed=True))
    assert await bot.said(CARLA.user_id, since=since) == []  # not while it may come back
    await removal_grace_over(bot)
    [told] = await bot.said(CARLA.user_id, since=since)
    assert told.startswith(f"De bot is uit de groep {GROUP_TITLE} gehaald: je krijgt er geen "
                           "samenvattingen meer van")
    assert "/setup" not in told  # that is for the group's admins
    assert await bot.said(PIET.user_id, since=since) == []
    assert await bot.said(GROUP, since=since) == []


async def test_a_coach_of_the_group_cannot_join_it_as_a_member(bot: InProcessBot) -> None:
    """The other way round: a coach in the group's chat who sent /join became a member too,
    and the coach summaries then went to someone counted among the peers."""
    await _carla_coaches_from_the_chat(bot)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, CARLA, "/join"))
    [said] = await bot.said(GROUP, since=since)
    assert said.startswith("Carla, je bent coach van deze groep en volgt hem van buitenaf")
    assert "/coach remove" in said
    assert await bot.db_all("SELECT user_id FROM members WHERE user_id = ?",
                            CARLA.user_id) == []


async def test_the_invite_link_names_the_group_it_is_for(bot: InProcessBot) -> None:
    """An admin of a supergroup whose topics are two groups got two identical private
    messages ("Send this link to the coach …") and could not tell which link was which."""
    await _group_with_anna(bot)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/coach"))
    [invite] = await bot.said(ANNA.user_id, since=since)
    assert invite.startswith(f"Stuur deze link naar de coach van {GROUP_TITLE}. Hij werkt één "
                             "keer")


async def test_a_member_who_coaches_another_group_hears_both_at_start(
        bot: InProcessBot) -> None:
    """Bram takes part in one group and coaches another: his /start keeps the members'
    welcome (reminders and nudges come here) and adds what he coaches."""
    await _group_with_anna(bot, BRAM)
    async with services_of(bot.app).db.transaction() as tx:
        other = await groups.register(tx, -1001000000099, 0, "Groep Noord", Settings(),
                                      datetime.now(UTC))
        token = await coaches.create_invite(tx, other[0].id, ANNA.user_id, datetime.now(UTC))
    assert "coach van Groep Noord" in await _opens(bot, BRAM, f"coach_{token}")
    said = await _opens(bot, BRAM, "")
    assert said.startswith("Hoi Bram! Fijn dat je er bent. Hier krijg je herinneringen")
    assert "Je bent ook coach van Groep Noord." in said


async def test_an_admin_the_bot_cannot_write_to_is_asked_to_start_the_chat_first(
        bot: InProcessBot) -> None:
    await set_up(bot, BRAM)  # Anna never started the private chat
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/coach"))
    [said] = await bot.said(GROUP, since=since)
    assert "Start eerst een privégesprek" in said and "privé gestuurd" not in said, said


async def test_an_invite_nobody_can_receive_is_not_made(bot: InProcessBot) -> None:
    """Found by a mutation sweep: each /coach of an admin the bot cannot write to made an
    invite that went nowhere, which /coach revoke then counted."""
    await set_up(bot, BRAM)  # Anna never started the private chat
    await bot.handle(command(bot.app.bot, ANNA, "/coach"))
    await bot.handle(command(bot.app.bot, ANNA, "/coach"))
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/coach revoke"))
    [said] = await bot.said(GROUP, since=since)
    assert said.startswith("🔒 0 open uitnodigingen"), said
