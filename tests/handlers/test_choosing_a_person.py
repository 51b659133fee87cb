"""Where a typed name does not say who (two members called Anna, two coaches of one name), the
admin chooses with a button; before, /cycle Anna took the first Anna-something who joined
(Annabel), and two coaches of one name could not be unlinked at all. And /swap Name: the
inbrenger gives the turn to the member they agreed to change turns with."""
from __future__ import annotations

from typing import Any

from bot.engine.services import services_of
from fake_telegram.control import MessageView
from fake_telegram.scenes import buttons
from storage import coaches, groups
from tests.handlers.in_process import InProcessBot, set_up, set_up_agreed
from tests.handlers.talk import announced, view_of
from tests.handlers.updates import ANNA, BRAM, CATO, GROUP, Person, button, command

ANNABEL = Person(4, "Annabel")
ANNA_B = Person(5, "Anna")  # another Anna than the admin


async def _asked(bot: InProcessBot, since: int) -> MessageView:
    """The bot's latest message with person buttons (who:...)."""
    views = [v for v in await bot.tg.bot_messages(GROUP, since=since)
             if any(d.startswith("who:") for d in buttons(v))]
    assert views, "no question with a button per person"
    return views[-1]


async def _choose(bot: InProcessBot, person: Person, asked: MessageView, user_id: int
                  ) -> dict[str, Any] | None:
    """`person` presses the button of `user_id` on the question as it is now."""
    now = await view_of(bot, asked["message_id"])
    data = next((d for d in buttons(now) if d.split(":")[3] == str(user_id)), None)
    if data is None:
        return None  # the buttons are gone
    query_id = await bot.tg.click(person.user_id, now, data)
    await bot.handle(button(bot.app.bot, person, now["message"], data, query_id))
    return await bot.tg.callback_answer(query_id)


async def _agreed(bot: InProcessBot, *people: Person) -> None:
    for person in people:
        if person not in (ANNA, BRAM, CATO):
            await bot.tg.add_user(person.user_id, person.first_name)
            await bot.tg.add_member(GROUP, person.user_id)
    await set_up_agreed(bot, *people)


async def _inbrenger(bot: InProcessBot) -> int | None:
    row = await bot.db_one("SELECT inbrenger_id FROM cycles WHERE phase = 'announced'")
    return row[0] if row else None


async def test_a_whole_name_wins_over_a_longer_one_that_starts_with_it(bot: InProcessBot) -> None:
    await _agreed(bot, ANNABEL, ANNA, BRAM)  # Annabel joined first
    await bot.handle(command(bot.app.bot, ANNA, "/cycle anna"))
    assert await _inbrenger(bot) == ANNA.user_id


async def test_an_admin_who_names_herself_brings_in(bot: InProcessBot) -> None:
    """Review ux15: "/cycle mij" answered "Ik ken geen lid"."""
    await _agreed(bot, ANNA, BRAM)
    await bot.handle(command(bot.app.bot, ANNA, "/cycle mij"))
    assert await _inbrenger(bot) == ANNA.user_id


async def test_two_members_of_one_name_are_chosen_between_by_an_admins_button(
        bot: InProcessBot) -> None:
    await _agreed(bot, ANNA, ANNA_B, BRAM)
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/cycle Anna"))
    asked = await _asked(bot, since)
    assert "Meerdere leden heten zo" in (asked["text"] or "")
    assert await _inbrenger(bot) is None  # nobody was guessed
    refused = await _choose(bot, BRAM, asked, ANNA_B.user_id)
    assert refused is not None and "beheerder" in (refused.get("text") or "")
    assert await _inbrenger(bot) is None
    await _choose(bot, ANNA, asked, ANNA_B.user_id)
    assert await _inbrenger(bot) == ANNA_B.user_id
    assert any(s.startswith("📣 Anna is aan de beurt") for s in await bot.said(since=since))


async def test_two_coaches_of_one_name_are_unlinked_one_by_a_button(bot: InProcessBot) -> None:
    await set_up(bot, BRAM)
    svc = services_of(bot.app)
    async with svc.db.transaction() as tx:
        group = await groups.find(tx, GROUP, 0)
        assert group is not None
        for user_id in (21, 22):
            await tx.execute("INSERT INTO coaches (group_id, user_id, name, linked_at) "
                             "VALUES (?, ?, 'Carla', '2026-12-01T00:00:00+00:00')",
                             (group.id, user_id))
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/coach remove"))  # no name: every coach
    asked = await _asked(bot, since)
    assert "Welke coach" in (asked["text"] or "")
    await _choose(bot, ANNA, asked, 22)
    async with svc.db.reading() as tx:
        assert [user_id for user_id, _ in await coaches.named(tx, group.id)] == [21]
    assert any("Carla is geen coach van deze groep meer" in s
               for s in await bot.said(since=since))
    assert await _choose(bot, ANNA, asked, 21) is None  # the buttons went with the choice
    async with svc.db.reading() as tx:
        assert len(await coaches.named(tx, group.id)) == 1


async def test_the_inbrenger_swaps_turns_with_the_member_they_name(bot: InProcessBot) -> None:
    """Bram is announced; he and Cato agreed to change turns. Before, the turn could only go
    to whoever the rotation named next."""
    await announced(bot)  # /cycle Bram
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, BRAM, "/swap Zeno"))
    (refused,) = await bot.said(since=since)
    assert refused.startswith("Ik ken geen lid „Zeno”. Leden: "), refused
    await bot.handle(command(bot.app.bot, BRAM, "/swap cato"))
    assert await _inbrenger(bot) == CATO.user_id
    assert any("Bram geeft de beurt door aan Cato." in s for s in await bot.said(since=since))


async def test_a_swap_with_one_of_two_namesakes_is_chosen_by_the_inbrenger_too(
        bot: InProcessBot) -> None:
    await _agreed(bot, ANNA, ANNA_B, BRAM)
    await bot.handle(command(bot.app.bot, ANNA, "/cycle Bram"))
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, BRAM, "/swap anna"))
    asked = await _asked(bot, since)
    refused = await _choose(bot, CATO, asked, ANNA_B.user_id)  # not his turn to give
    assert refused is not None and refused.get("show_alert")
    await _choose(bot, BRAM, asked, ANNA_B.user_id)
    assert await _inbrenger(bot) == ANNA_B.user_id


async def test_a_swap_choice_pressed_in_a_later_cycle_is_stale(bot: InProcessBot) -> None:
    """The question was about Bram's turn; pressed once Cato's cycle runs, it passed Cato's
    turn on (found by a review). Now it belongs to the cycle it was asked in."""
    await _agreed(bot, ANNA, ANNA_B, BRAM, CATO)
    await bot.handle(command(bot.app.bot, ANNA, "/cycle Bram"))
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, BRAM, "/swap anna"))
    asked = await _asked(bot, since)
    await bot.handle(command(bot.app.bot, ANNA, "/cancel"))
    await bot.handle(command(bot.app.bot, ANNA, "/cycle Cato"))
    answer = await _choose(bot, ANNA, asked, ANNA_B.user_id)
    assert answer is not None and "eerdere stap of een afgeronde cyclus" in (answer.get("text") or "")
    assert await _inbrenger(bot) == CATO.user_id


async def test_a_called_off_cycles_announcement_pressed_before_its_buttons_go_is_stale(
        bot: InProcessBot) -> None:
    """A press that beats the edit taking the buttons away (the member's client still showed
    them) is answered kindly and changes nothing."""
    announcement = await announced(bot)
    data = next(d for d in buttons(announcement) if d.split(":")[2] == "swap")
    await bot.handle(command(bot.app.bot, BRAM, "/cancel"))
    answer = await bot.press(BRAM, data)
    assert answer is not None and answer.get("text") == "Deze cyclus is al afgerond."
    assert await bot.db_one("SELECT phase FROM cycles") == ("cancelled",)
