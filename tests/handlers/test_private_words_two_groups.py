"""A member of two groups writes in the private chat: the pointer names the group her words
are about (review ux20: the first group she joined always won, so Cato, the inbrenger of the
talk in her English group, was sent to the Dutch group's talk about Bram's clip), in that
group's language, and a pointer to the other group is not held back by the first."""
from __future__ import annotations

from bot.engine.services import services_of
from flows.cycle.model import Cycle
from flows.model import Phase, Settings
from storage import cycles, groups, members
from tests.handlers.in_process import InProcessBot, coach_linked, group_agreed, started_bot
from tests.handlers.talk import to_the_talk
from tests.handlers.updates import BRAM, CATO, Person, command, message

OTHER = -1001000000088


async def _second_group_in_talk(bot: InProcessBot, inbrenger: Person) -> int:
    """"ITT Cohort A" (English), with Bram and Cato, in the talk about `inbrenger`'s clip."""
    async with services_of(bot.app).db.transaction() as tx:
        now = services_of(bot.app).now()
        group = await group_agreed(tx, now, OTHER, "ITT Cohort A", Settings(language="en"),
                                   BRAM, CATO)
        await cycles.create(tx, Cycle(0, group.id, inbrenger.user_id, 1, Phase.REALITY, now),
                            actor_id=None, event="start", now=now)
    return group.id


async def _private(bot: InProcessBot, words: str, reply_to: str | None = None) -> list[str]:
    replied = None if reply_to is None else {
        "message_id": 1, "date": 0, "chat": {"id": CATO.user_id, "type": "private"},
        "from": {"id": 1, "is_bot": True, "first_name": "Bot"}, "text": reply_to}
    return await bot.answers(message(bot.app.bot, CATO, words, chat_id=CATO.user_id,
                                     reply_to=replied), chat_id=CATO.user_id)


async def test_her_own_talk_in_the_other_group_comes_first_in_its_language(
        bot: InProcessBot) -> None:
    await to_the_talk(bot)  # Intervisie 3B: the talk about Bram's clip, Cato a peer
    await _second_group_in_talk(bot, CATO)
    await bot.tg.start_private_chat(CATO.user_id)
    [said] = await _private(bot, "I find it hard to wait, I don't know why.")
    assert said.startswith("Say this in the group ITT Cohort A: the talk about your clip"), said


async def test_the_group_she_was_last_written_to_about_comes_before_the_first_joined(
        bot: InProcessBot) -> None:
    await to_the_talk(bot)
    await _second_group_in_talk(bot, BRAM)  # a peer in both talks
    await started_bot(bot, CATO)
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, CATO, "You should put them in pairs.", chat_id=OTHER))
    [nudge] = await bot.said(CATO.user_id, since=since)
    assert nudge.startswith("About ITT Cohort A:"), nudge
    [said] = await _private(bot, "Oops, that was a tip.")
    assert said.startswith("Say this in the group ITT Cohort A"), said

    # Her reply to a message about the Dutch group is about that group, and is answered
    # although a pointer came a moment ago; the same pointer again is not (not a chat).
    [dutch] = await _private(bot, "Ik bedoelde: wat wil je bereiken?",
                             reply_to="Over Intervisie 3B:\nJe stelde een tip voor.")
    assert dutch.startswith("Zeg dit in de groep Intervisie 3B: daar loopt nu het gesprek "
                            "over de clip van Bram"), dutch
    assert await _private(bot, "En nog iets.",
                          reply_to="Over Intervisie 3B:\nJe stelde een tip voor.") == []


async def test_a_coach_who_is_a_member_elsewhere_hears_both_at_help(bot: InProcessBot) -> None:
    await to_the_talk(bot)
    eva = Person(12, "Eva")
    await coach_linked(bot, eva)  # coach of Intervisie 3B
    async with services_of(bot.app).db.transaction() as tx:
        now = services_of(bot.app).now()
        group, _ = await groups.register(tx, OTHER, 0, "Mentoren", Settings(), now)
        await members.join(tx, group.id, eva.user_id, eva.first_name, now)
    [said] = await bot.answers(command(bot.app.bot, eva, "/help", chat_id=eva.user_id),
                               chat_id=eva.user_id)
    assert "je doet mee in Mentoren" in said and "Je bent ook coach van Intervisie 3B" in said
    assert "alleen met alles stop je ook als coach" in said, said  # one /forget line (ux23)
    assert "ontkoppelt je van alle groepen" not in said, said


async def test_a_group_command_in_the_private_chat_names_her_groups(bot: InProcessBot) -> None:
    """Review ux20: "/leave werkt in de chat van je intervisiegroep" to a member of two groups
    said neither which groups nor that /leave there stops only that one."""
    await to_the_talk(bot)
    await _second_group_in_talk(bot, BRAM)
    await bot.tg.start_private_chat(CATO.user_id)
    [said] = await bot.answers(command(bot.app.bot, CATO, "/leave", chat_id=CATO.user_id),
                               chat_id=CATO.user_id)
    assert "geldt daar voor die groep alleen. Je doet mee in: Intervisie 3B, ITT Cohort A." \
        in said, said
