"""The inbrenger leaves the Telegram chat in the middle of the talk, often a mis-tap on a phone
(review ux21): the talk waits for them a while instead of stopping at once. Added back within
that time, they are a member again as they were and the talk goes on where it was; otherwise
the cycle stops as before, and the stop message, /status and "/cycle Bram" agree on what now.
A peer who left the chat and is added back soon after is recognised too, not welcomed as new."""
from __future__ import annotations

from datetime import timedelta

import pytest

from bot.engine import jobs
from bot.engine.sender import Sender
from bot.engine.services import services_of
from storage import timers
from storage.timers import StoredTimer
from tests.handlers.in_process import InProcessBot, leaves
from tests.handlers.talk import stage, to_the_talk
from tests.handlers.updates import (
    ANNA,
    BRAM,
    CATO,
    GROUP,
    Person,
    command,
    joined_chat,
    member_left,
    message,
)

# A talk, a stop and a new announcement send more than a group's 20 messages a minute.
pytestmark = pytest.mark.bot_env(INTERVISION_GROUP_MESSAGES_PER_MINUTE="1000")

FRANK = Person(7, "Frank")


async def _timer(bot: InProcessBot, event: str) -> StoredTimer:
    async with services_of(bot.app).db.reading() as tx:
        (timer,) = [t for t in await timers.pending(tx) if t.event == event]
    return timer


async def _fired(bot: InProcessBot, timer: StoredTimer) -> list[str]:
    """`timer` fired at its time: what the bot said in the group."""
    svc = services_of(bot.app)
    svc.clock = lambda: timer.due_at
    since = await bot.tg.mark()
    await jobs.fire(bot.app, timer)
    assert isinstance(svc.sender, Sender)
    await svc.sender.idle()
    return await bot.said(since=since)


async def _contributions_of(bot: InProcessBot, person: Person) -> int:
    row = await bot.db_one("SELECT COUNT(*) FROM contributions WHERE user_id = ?",
                           person.user_id)
    assert row is not None
    return int(row[0])


async def test_added_back_within_the_grace_the_talk_goes_on(bot: InProcessBot) -> None:
    await to_the_talk(bot)
    svc = services_of(bot.app)
    start = svc.now()
    reminder = await _timer(bot, "phase_reminder")
    svc.clock = lambda: start + timedelta(minutes=2)
    said = await bot.answers(member_left(bot.app.bot, BRAM))
    assert len(said) == 1 and "Bram heeft de chat verlaten, misschien per ongeluk" in said[0]
    assert "we wachten 10 minuten" in said[0] and "gestopt" not in said[0], said
    assert await stage(bot) == ("goal", "")
    [status] = await bot.answers(command(bot.app.bot, CATO, "/status"))
    assert status.startswith("📍 De cyclus van Bram wacht"), status

    svc.clock = lambda: start + timedelta(minutes=5)
    said = await bot.answers(joined_chat(bot.app.bot, BRAM, by=ANNA))
    assert said == [("Welkom terug, Bram! Het gesprek gaat verder waar we waren; de tijd van "
                    "deze fase loopt weer.")], said  # no stranger's welcome, no /join
    assert await stage(bot) == ("goal", "")
    # The 3 minutes he was away are added to the goal's timebox.
    assert (await _timer(bot, "phase_reminder")).due_at == reminder.due_at + timedelta(minutes=3)
    # He is a member as he was: his words count, and the grace's end no longer stops anything.
    before = await _contributions_of(bot, BRAM)
    await bot.handle(message(bot.app.bot, BRAM, "Ik wil dat ze binnen twee minuten zitten."))
    assert await _contributions_of(bot, BRAM) == before + 1
    assert await bot.db_one("SELECT turns, agreed_at IS NOT NULL FROM members "
                            "WHERE user_id = ?", BRAM.user_id) == (1, 1)
    async with svc.db.reading() as tx:
        assert not [t for t in await timers.pending(tx) if t.event == "grace_end"]


async def test_a_timebox_reminder_while_the_inbrenger_is_away_is_not_given(
        bot: InProcessBot) -> None:
    await to_the_talk(bot)
    await bot.handle(member_left(bot.app.bot, BRAM))
    assert await _fired(bot, await _timer(bot, "phase_reminder")) == []
    assert await stage(bot) == ("goal", "")


async def test_not_back_when_the_grace_ends_the_cycle_stops(bot: InProcessBot) -> None:
    await to_the_talk(bot)
    await bot.handle(member_left(bot.app.bot, BRAM))
    said = "\n".join(await _fired(bot, await _timer(bot, "grace_end")))
    assert "Bram is niet binnen 10 minuten teruggekomen in de chat" in said, said
    assert "De cyclus is gestopt." in said, said
    # The advice fits one who is no longer a member, and /status agrees about who is next.
    assert "Wordt Bram binnen een dag weer aan de chat toegevoegd" in said, said
    assert "Nu opnieuw beginnen kan met /cycle Bram" not in said, said
    assert (await stage(bot))[0] == "cancelled"
    assert await bot.db_one("SELECT turns, last_turn_at FROM members WHERE user_id = ?",
                            BRAM.user_id) == (0, None)
    [status] = await bot.answers(command(bot.app.bot, CATO, "/status"))
    assert "Volgende inbrenger:" in status and "Bram" not in status, status
    # The stop message's "/cycle Bram" for one who left names him and the way back.
    [answer] = await bot.answers(command(bot.app.bot, ANNA, "/cycle Bram"))
    assert answer.startswith("Bram doet niet meer mee met deze groep"), answer
    assert "/join" in answer and "Ik ken geen lid" not in answer, answer


async def test_added_back_after_the_stop_he_keeps_his_place(bot: InProcessBot) -> None:
    await to_the_talk(bot)
    await bot.handle(member_left(bot.app.bot, BRAM))
    await _fired(bot, await _timer(bot, "grace_end"))
    said = await bot.answers(joined_chat(bot.app.bot, BRAM, by=ANNA))
    assert len(said) == 1 and said[0].startswith("Welkom terug, Bram! Je doet weer mee"), said
    [status] = await bot.answers(command(bot.app.bot, CATO, "/status"))
    assert "Volgende inbrenger: Bram" in status, status
    [announced] = await bot.answers(command(bot.app.bot, ANNA, "/cycle Bram"))
    assert "Bram is aan de beurt als inbrenger" in announced, announced


async def test_a_peer_who_left_the_chat_and_is_added_back_is_recognised(
        bot: InProcessBot) -> None:
    await to_the_talk(bot)
    await bot.handle(member_left(bot.app.bot, CATO))
    said = await bot.answers(joined_chat(bot.app.bot, CATO, by=ANNA))
    assert said == [("Welkom terug, Cato! Je doet weer mee zoals voorheen: je plek in de "
                    "volgorde en je akkoord met de afspraken blijven gelden.")], said
    before = await _contributions_of(bot, CATO)
    await bot.handle(message(bot.app.bot, CATO, "Wat wil je dat er als eerste gebeurt?"))
    assert await _contributions_of(bot, CATO) == before + 1


async def test_back_by_join_with_the_agreement_kept_is_not_asked_to_agree_again(
        bot: InProcessBot) -> None:
    """One who stopped with /leave chose to: out of the chat and added back, she is welcomed
    as anyone new. Her /join then: the join text said "until you agree ... no turn as
    inbrenger" while /cycle took her at once; her agreement of before holds, so she is not
    asked again (review ux21)."""
    await to_the_talk(bot)
    await leaves(bot, CATO)
    await bot.handle(member_left(bot.app.bot, CATO))
    [welcome] = await bot.answers(joined_chat(bot.app.bot, CATO, by=ANNA))
    assert welcome.startswith("👋 Hoi Cato!") and "/join" in welcome, welcome
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, CATO, "/join"))
    [joined] = [m for m in await bot.tg.bot_messages(GROUP, since=since) if m["created"] > since]
    assert joined["text"].startswith("Welkom terug, Cato! Je doet weer mee"), joined
    assert "Tot je akkoord bent" not in joined["text"]
    assert not joined["message"].get("reply_markup"), joined


async def test_a_newcomers_words_before_join_get_one_pointer(bot: InProcessBot) -> None:
    await to_the_talk(bot)
    [welcome] = await bot.answers(joined_chat(bot.app.bot, FRANK, by=ANNA))
    assert "Er loopt nu een cyclus: de groep praat over de clip die Bram" in welcome, welcome
    said = await bot.answers(message(bot.app.bot, FRANK, "Wat gebeurt er op 0:30?"))
    assert said == [("Fijn dat je meepraat! Wat je nu schrijft, telt nog niet mee: stuur eerst "
                    "/join (en druk op Akkoord), zeg het daarna gerust nog eens.")], said
    assert await bot.answers(message(bot.app.bot, FRANK, "En daarna?")) == []
