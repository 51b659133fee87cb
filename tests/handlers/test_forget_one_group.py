"""/forget for a member of two groups (review ux20: Sanne, in the Dutch "Intervisie 2B" and the
English "ITT Cohort A", pressed the one "yes" after /leave in one group and lost her other
group's learning questions, commitments, portfolio and membership too). She now chooses a
group or everything; only that group's summaries lose her words, and what they still said
of her (her name in the next-turn line, "none confirmed", "Hielp — het meest") is put right.
Here Bram and Cato are in Intervisie 3B and in ITT Cohort A."""
from __future__ import annotations

from typing import Any

import pytest

from bot.engine.services import services_of
from flows.cycle.model import Cycle
from flows.model import Phase, Settings
from storage import contributions, cycles, groups, members
from tests.handlers.in_process import (
    InProcessBot,
    coach_linked,
    group_agreed,
    set_up_agreed,
    started_bot,
)
from tests.handlers.talk import into_will, latest, press_on, stage, to_the_talk
from tests.handlers.updates import ANNA, BRAM, CATO, GROUP, Person, command, message

# A whole cycle in process sends more than a group's 20 messages a minute.
pytestmark = pytest.mark.bot_env(INTERVISION_GROUP_MESSAGES_PER_MINUTE="1000")

OTHER = -1001000000088
COMMITMENT = "Ik ga na elke vraag vijf seconden wachten, zodat meer leerlingen antwoorden."
ITT_QUESTION = "How do I get the quiet pupils to answer?"
ITT_WORDS = "What did you notice at the door?"


async def _in_itt_cohort(bot: InProcessBot, *, open_for: Person | None = None) -> int:
    """"ITT Cohort A" (English), with Bram and Cato: a closed cycle of Cato's there with her
    learning question and commitment and a question of Bram's; a running one of
    `open_for`'s, where given."""
    async with services_of(bot.app).db.transaction() as tx:
        now = services_of(bot.app).now()
        group = await group_agreed(tx, now, OTHER, "ITT Cohort A", Settings(language="en"),
                                   BRAM, CATO)
        cycle = await cycles.create(tx, Cycle(0, group.id, CATO.user_id, 1, Phase.CLOSED, now,
                                              learning_question=ITT_QUESTION,
                                              commitment="I will wait five seconds."),
                                    actor_id=None, event="start", now=now)
        await contributions.add(tx, cycle.id, BRAM.user_id, "reality", 4242, ITT_WORDS,
                                "open_question", now)
        if open_for is not None:
            await cycles.create(tx, Cycle(0, group.id, open_for.user_id, 1, Phase.REALITY, now),
                                actor_id=None, event="start", now=now)
    return group.id


async def _brams_cycle_closed(bot: InProcessBot) -> None:
    """Bram's cycle in Intervisie 3B closed with his confirmed commitment and its summary
    sent, ending with his next turn; Bram did not choose in the look back."""
    await to_the_talk(bot)
    await into_will(bot)
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, BRAM, COMMITMENT))
    await press_on(bot, BRAM, await latest(bot, "commit", since), "commit")
    for _ in range(2):  # into the look back, and out of it
        await bot.handle(command(bot.app.bot, BRAM, "/next"))
    assert (await stage(bot))[0] == "closed"


async def _summary_in_group(bot: InProcessBot) -> str:
    [summary] = [v["text"] for v in await bot.tg.bot_messages(GROUP)
                 if (v["text"] or "").startswith("📝")]
    return str(summary)


async def _confirmation(bot: InProcessBot, person: Person) -> tuple[str, dict[str, str]]:
    """`person`'s /forget in the private chat: its words, and its buttons by label."""
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, person, "/forget", chat_id=person.user_id))
    [asked] = await bot.tg.bot_messages(person.user_id, since=since)
    rows: list[list[dict[str, Any]]] = (asked["message"].get("reply_markup") or {}).get(
        "inline_keyboard", [])
    return asked["text"] or "", {b["text"]: b["callback_data"] for row in rows for b in row}


async def _membership(bot: InProcessBot, chat_id: int, person: Person) -> tuple[Any, ...] | None:
    return await bot.db_one("SELECT m.name, m.active FROM members m JOIN groups g "
                            "ON g.id = m.group_id WHERE g.chat_id = ? AND m.user_id = ?",
                            chat_id, person.user_id)


async def test_a_member_of_two_groups_erases_one_and_keeps_the_other(bot: InProcessBot) -> None:
    await set_up_agreed(bot, BRAM, CATO)
    await _in_itt_cohort(bot)
    await started_bot(bot, CATO)
    asked, buttons = await _confirmation(bot, CATO)
    assert "Intervisie 3B" in asked and "ITT Cohort A" in asked, asked
    assert "Wil je eerst een kopie? Stuur /export." in asked
    assert list(buttons) == ["Alleen Intervisie 3B", "Alleen ITT Cohort A",
                             "Alles, in elke groep", "Nee, bewaren"]

    since = await bot.tg.mark()
    await bot.press(CATO, buttons["Alleen ITT Cohort A"], chat_id=CATO.user_id)
    assert await _membership(bot, OTHER, CATO) == ("—", 0)
    assert await _membership(bot, GROUP, CATO) == ("Cato", 1)
    assert await bot.db_one("SELECT learning_question, commitment FROM cycles "
                            "WHERE inbrenger_id = ?", CATO.user_id) == (None, None)
    assert await bot.db_one("SELECT name FROM users WHERE user_id = ?", CATO.user_id) \
        == ("Cato",)  # her private chat's profile stays: she is still in Intervisie 3B
    [outcome] = [v["text"] for v in await bot.tg.bot_messages(CATO.user_id, since=0)
                 if (v["text"] or "").startswith("✅")]
    assert outcome.startswith("✅ Gewist in ITT Cohort A"), outcome
    assert "In Intervisie 3B blijft alles staan" in outcome
    assert await bot.said(GROUP, since=since) == []  # nothing said in the group she kept

    # What is left is Intervisie 3B alone: its confirmation names it, with one "yes".
    asked, buttons = await _confirmation(bot, CATO)
    assert "in Intervisie 3B" in asked and "ITT Cohort A" not in asked, asked
    assert list(buttons) == ["🗑 Ja, wis alles", "Nee, bewaren"]


async def test_erasing_everything_names_both_groups(bot: InProcessBot) -> None:
    await set_up_agreed(bot, BRAM, CATO)
    await _in_itt_cohort(bot)
    await started_bot(bot, CATO)
    _, buttons = await _confirmation(bot, CATO)
    since = await bot.tg.mark()
    await bot.press(CATO, buttons["Alles, in elke groep"], chat_id=CATO.user_id)
    assert await _membership(bot, OTHER, CATO) == ("—", 0)
    assert await _membership(bot, GROUP, CATO) == ("—", 0)
    assert await bot.db_one("SELECT name FROM users WHERE user_id = ?", CATO.user_id) is None
    [outcome] = [v["text"] for v in await bot.tg.bot_messages(CATO.user_id, since=since)]
    assert "(daar doe je niet meer mee): Intervisie 3B, ITT Cohort A" in outcome, outcome


async def test_in_english_the_choice_names_the_groups_too(bot: InProcessBot) -> None:
    chloe = Person(5, "Chloe", "en")
    await bot.tg.add_user(chloe.user_id, chloe.first_name, language_code="en")
    await bot.tg.add_member(GROUP, chloe.user_id)
    await set_up_agreed(bot, BRAM, chloe)
    await _in_itt_cohort(bot)
    async with services_of(bot.app).db.transaction() as tx:
        now = services_of(bot.app).now()
        [_, itt] = [g.id for g in [await groups.find(tx, GROUP), await groups.find(tx, OTHER)]
                    if g is not None]
        await members.join(tx, itt, chloe.user_id, "Chloe", now)
    await started_bot(bot, chloe)
    asked, buttons = await _confirmation(bot, chloe)
    assert "Your data is kept with these groups: Intervisie 3B, ITT Cohort A" in asked, asked
    assert "Would you like a copy first? Send /export." in asked
    assert list(buttons) == ["Only Intervisie 3B", "Only ITT Cohort A",
                             "Everything, in every group", "No, keep it"]
    await bot.press(chloe, buttons["Only Intervisie 3B"], chat_id=chloe.user_id)
    [outcome] = [v["text"] for v in await bot.tg.bot_messages(chloe.user_id)
                 if (v["text"] or "").startswith("✅")]
    assert outcome.startswith("✅ Erased in Intervisie 3B"), outcome
    assert "In ITT Cohort A everything stays" in outcome
    assert await _membership(bot, OTHER, chloe) == ("Chloe", 1)


async def test_leave_says_forget_can_erase_this_group_alone(bot: InProcessBot) -> None:
    group_id = await set_up_agreed(bot, BRAM, CATO)
    await _in_itt_cohort(bot)
    await bot.handle(command(bot.app.bot, CATO, "/leave"))
    await bot.press(CATO, f"leave:{group_id}:yes:{CATO.user_id}")
    [left] = [v["text"] for v in await bot.tg.bot_messages(GROUP)
              if (v["text"] or "").startswith("Cato, je doet niet meer mee")]
    assert "wat je in deze groep zei" in left and "kies deze groep" in left, left
    assert "in je andere groepen zei, blijft staan, tenzij je zelf anders kiest" in left



async def test_leave_in_ones_only_group_speaks_of_this_group(bot: InProcessBot) -> None:
    group_id = await set_up_agreed(bot, BRAM, CATO)
    await bot.handle(command(bot.app.bot, CATO, "/leave"))
    await bot.press(CATO, f"leave:{group_id}:yes:{CATO.user_id}")
    [left] = [v["text"] for v in await bot.tg.bot_messages(GROUP)
              if (v["text"] or "").startswith("Cato, je doet niet meer mee")]
    assert "wat je in deze groep zei" in left and "andere groepen" not in left, left


async def test_an_open_cycle_blocks_only_its_own_group(bot: InProcessBot) -> None:
    """Cato brings in now in ITT Cohort A: Intervisie 3B's words can go, and she reads
    where her cycle runs; "everything" is not offered, and a forged one is refused by name."""
    await set_up_agreed(bot, BRAM, CATO)
    await _in_itt_cohort(bot, open_for=CATO)
    await started_bot(bot, CATO)
    asked, buttons = await _confirmation(bot, CATO)
    assert "In ITT Cohort A ben je nu inbrenger van een cyclus die nog loopt" in asked, asked
    assert list(buttons) == ["Alleen Intervisie 3B", "Nee, bewaren"]
    everything = buttons["Alleen Intervisie 3B"].rsplit(":", 1)[0]
    answer = await bot.press(CATO, everything, chat_id=CATO.user_id)
    assert answer is not None and "in ITT Cohort A" in (answer.get("text") or ""), answer
    assert await _membership(bot, GROUP, CATO) == ("Cato", 1)
    await bot.press(CATO, buttons["Alleen Intervisie 3B"], chat_id=CATO.user_id)
    assert await _membership(bot, GROUP, CATO) == ("—", 0)
    assert await _membership(bot, OTHER, CATO) == ("Cato", 1)


async def test_the_refusal_of_an_only_group_names_it(bot: InProcessBot) -> None:
    await set_up_agreed(bot, BRAM, CATO)
    await bot.handle(command(bot.app.bot, ANNA, "/cycle Bram"))
    await started_bot(bot, BRAM)
    asked, buttons = await _confirmation(bot, BRAM)
    assert "cyclus die nog loopt, in Intervisie 3B" in asked, asked
    assert "geef je je beurt in Intervisie 3B door met /swap" in asked and not buttons


async def test_the_group_summary_loses_her_name_and_says_the_commitment_was_erased(
        bot: InProcessBot) -> None:
    await _brams_cycle_closed(bot)
    before = await _summary_in_group(bot)
    assert "Bram, je volgende beurt als inbrenger" in before and COMMITMENT in before, before
    assert "Hielp Bram het meest" in before
    await _in_itt_cohort(bot)
    await started_bot(bot, BRAM)
    _, buttons = await _confirmation(bot, BRAM)
    await bot.press(BRAM, buttons["Alleen Intervisie 3B"], chat_id=BRAM.user_id)

    after = await _summary_in_group(bot)
    assert "Bram" not in after, after
    assert "volgende beurt" not in after
    assert "Voornemen: gewist door de inbrenger" in after, after
    assert "niet bevestigd" not in after and "Hielp — het meest" not in after
    # That he chose nothing went with his words: not "— verliet de chat voor de terugblik".
    assert "Hielp" not in after and "verliet de chat" not in after
    # His words in the other group stayed.
    assert await bot.db_one("SELECT text FROM contributions WHERE message_id = 4242") \
        == (ITT_WORDS,)
    assert await _membership(bot, OTHER, BRAM) == ("Bram", 1)


async def test_joining_again_does_not_put_her_name_on_the_erased_cycle(
        bot: InProcessBot) -> None:
    await _brams_cycle_closed(bot)
    await _in_itt_cohort(bot)
    await started_bot(bot, BRAM)
    _, buttons = await _confirmation(bot, BRAM)
    await bot.press(BRAM, buttons["Alleen Intervisie 3B"], chat_id=BRAM.user_id)
    await bot.handle(command(bot.app.bot, BRAM, "/join"))
    assert await _membership(bot, GROUP, BRAM) == ("Bram", 1)
    [shown] = await bot.answers(command(bot.app.bot, CATO, "/summary"))
    assert "Samenvatting cyclus 1 van —" in shown and "van Bram" not in shown, shown
    assert "Voornemen: gewist door de inbrenger" in shown


async def test_a_coach_in_two_groups_stays_a_coach_when_erasing_one(bot: InProcessBot) -> None:
    """Eva coaches Intervisie 3B and takes part in ITT Cohort A and Mentoren: only
    "everything" unlinks her, and the confirmation says so."""
    await set_up_agreed(bot, BRAM, CATO)
    eva = Person(12, "Eva")
    await coach_linked(bot, eva)
    async with services_of(bot.app).db.transaction() as tx:
        now = services_of(bot.app).now()
        for chat_id, title in ((OTHER, "ITT Cohort A"), (OTHER - 1, "Mentoren")):
            group, _ = await groups.register(tx, chat_id, 0, title, Settings(), now)
            await members.join(tx, group.id, eva.user_id, "Eva", now)
    asked, buttons = await _confirmation(bot, eva)
    assert "Je bent coach van: Intervisie 3B. Dat blijf je als je één groep kiest" in asked
    assert list(buttons) == ["Alleen ITT Cohort A", "Alleen Mentoren", "Alles, in elke groep",
                             "Nee, bewaren"]
    await bot.press(eva, buttons["Alleen ITT Cohort A"], chat_id=eva.user_id)
    assert await _membership(bot, OTHER, eva) == ("—", 0)
    assert await _membership(bot, OTHER - 1, eva) == ("Eva", 1)
    assert await bot.db_one("SELECT name FROM coaches WHERE user_id = ?", eva.user_id) \
        == ("Eva",)


async def test_a_coach_in_one_group_may_erase_only_that_and_stay_a_coach(
        bot: InProcessBot) -> None:
    """Review ux23: with one group of her own she got only "Ja, wis alles", which unlinked
    her as a coach too (and "Dit kan niet ongedaan worden gemaakt" twice)."""
    await set_up_agreed(bot, BRAM, CATO)
    eva = Person(12, "Eva")
    await coach_linked(bot, eva)
    async with services_of(bot.app).db.transaction() as tx:
        now = services_of(bot.app).now()
        group, _ = await groups.register(tx, OTHER, 0, "Mentoren", Settings(), now)
        await members.join(tx, group.id, eva.user_id, "Eva", now)
    asked, buttons = await _confirmation(bot, eva)
    assert list(buttons) == ["Alleen Mentoren", "Alles, in elke groep", "Nee, bewaren"], buttons
    assert asked.count("ongedaan") == 1, asked
    await bot.press(eva, buttons["Alleen Mentoren"], chat_id=eva.user_id)
    assert await _membership(bot, OTHER, eva) == ("—", 0)
    assert await bot.db_one("SELECT name FROM coaches WHERE user_id = ?", eva.user_id) \
        == ("Eva",)
