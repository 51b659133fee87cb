"""/schedule's "save this?" question as two admins and the clock meet it: a question another
rhythm saved since has overtaken (or older than a day) says so and decides nothing, a saved
rhythm is told to the group with who saved it, a first meeting too close to ask for its clip
in time is named with a "a week later" for a weekly rhythm too, and a date is answered that
only a rhythm can be planned (found by a Dutch admin playing the bot, /tmp/ux14)."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.engine.services import services_of
from tests.handlers.in_process import InProcessBot, set_up, set_up_agreed
from tests.handlers.schedules import OPENINGS, asked, labels, pressed
from tests.handlers.updates import ANNA, BRAM, CATO, GROUP, Person, command

MONDAY = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
# Tuesday 8 December 2026, 00:30 in Amsterdam: Tuesday's 15:30 is 15 hours away.
TUESDAY_NIGHT = datetime(2026, 12, 7, 23, 30, tzinfo=UTC)
CYCLES = "SELECT count(*) FROM cycles"


def _clock(bot: InProcessBot, at: datetime) -> list[datetime]:
    """The bot's clock, moved by changing the list's one item."""
    now = [at]
    services_of(bot.app).clock = lambda: now[0]
    return now


async def _typed(bot: InProcessBot, person: Person, words: str) -> list[str]:
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, person, f"/schedule {words}"))
    return await bot.said(GROUP, since=since)


async def test_an_older_question_does_not_replace_a_rhythm_saved_since(
        bot: InProcessBot) -> None:
    _clock(bot, MONDAY)
    await set_up_agreed(bot, BRAM)
    await bot.tg.set_admin(GROUP, BRAM.user_id)
    tuesday = await asked(bot, "di 15:30")  # Anna asks, and does not save yet

    since = await bot.tg.mark()
    thursday = await asked(bot, "do 9.00")
    done = await pressed(bot, BRAM, thursday, "✅ Opslaan")  # Bram saves his rhythm
    assert "Het ritme is ingesteld" in done["text"]
    told_by_bram = await bot.said(GROUP, since=since)

    since = await bot.tg.mark()
    late = await pressed(bot, ANNA, tuesday, "✅ Opslaan")
    told = ("Er is intussen een ander ritme opgeslagen: elke do 9:00; stuur /schedule opnieuw "
            "om het te veranderen.")
    assert late["text"] == told and late["answer"]["text"] == told
    assert labels(late) == []  # the question has lost its buttons
    assert await bot.db_all(OPENINGS) == [("meeting:2027-03-04T08:00Z:open",)]  # Thursday's
    assert await bot.said(GROUP, since=since) == []  # nothing announced, nothing told
    assert await bot.db_one(CYCLES) == (0,)
    assert "📅 Bram stelde het ritme in: elke do 9:00." in told_by_bram  # the group heard it


async def test_a_question_older_than_a_day_decides_nothing(bot: InProcessBot) -> None:
    now = _clock(bot, MONDAY)
    await set_up(bot, BRAM)
    question = await asked(bot, "di 15:30")
    now[0] = MONDAY + timedelta(days=1, minutes=5)
    late = await pressed(bot, ANNA, question, "✅ Opslaan")
    assert late["text"] == ("Deze vraag is ouder dan een dag; stuur /schedule opnieuw met het "
                            "ritme.")
    assert labels(late) == []
    assert await bot.db_one("SELECT schedule FROM groups") == (None,)


async def test_a_rhythm_stopped_since_the_question_is_named(bot: InProcessBot) -> None:
    _clock(bot, MONDAY)
    await set_up(bot, BRAM)
    await pressed(bot, ANNA, await asked(bot, "do 9:00"), "✅ Opslaan")
    question = await asked(bot, "di 15:30")
    await _typed(bot, BRAM, "")  # (someone else looks; a second /schedule of Anna's in 3 s
    await bot.handle(command(bot.app.bot, ANNA, "/schedule uit"))  # would be flood)
    late = await pressed(bot, ANNA, question, "✅ Opslaan")
    assert late["text"].startswith("Het ritme is intussen gestopt")
    assert await bot.db_one("SELECT schedule FROM groups") == (None,)


async def test_a_first_meeting_within_the_announcement_window_is_named_with_a_week_later(
        bot: InProcessBot) -> None:
    _clock(bot, TUESDAY_NIGHT)
    await set_up_agreed(bot, BRAM, CATO)
    question = await asked(bot, "elke dinsdag om 15:30")
    assert "di 8 dec 15:30" in question["text"]
    assert ("⏳ De eerste bijeenkomst is al vandaag, over 15 uur. Ik vraag Bram dan meteen om "
            "een clip en leervraag.") in question["text"]
    assert labels(question) == ["✅ Opslaan", "Niet opslaan", "⏭ Een week later"]

    moved = await pressed(bot, ANNA, question, "⏭ Een week later")
    assert "di 15 dec 15:30\ndi 22 dec 15:30" in moved["text"]
    assert "di 8 dec" not in moved["text"] and "⏳" not in moved["text"]
    done = await pressed(bot, ANNA, moved, "✅ Opslaan")
    assert "di 15 dec 15:30" in done["text"]
    assert await bot.db_all(OPENINGS) == [("meeting:2026-12-15T14:30Z:open",)]
    assert await bot.db_one(CYCLES) == (0,)  # nobody was announced at once


async def test_a_first_meeting_in_time_gets_no_warning(bot: InProcessBot) -> None:
    _clock(bot, MONDAY)
    await set_up_agreed(bot, BRAM)
    question = await asked(bot, "do 15:00")  # Thursday: 78 hours, announced 48 hours before
    assert "⏳" not in question["text"]
    assert labels(question) == ["✅ Opslaan", "Niet opslaan"]


async def test_a_date_is_answered_that_only_a_rhythm_can_be_planned(bot: InProcessBot) -> None:
    _clock(bot, MONDAY)
    await set_up(bot, BRAM)
    [answer] = await _typed(bot, ANNA, "8 december 15:00")
    assert answer == ("Ik plan alleen een vast ritme, bijvoorbeeld /schedule di 15:30. Een losse "
                      "bijeenkomst start je met /cycle.")
    question = await asked(bot, "elke 2 weken op dinsdag om half 4")
    assert "Om de 2 weken op dinsdag om 15:30." in question["text"]


async def test_after_stopping_the_rhythm_the_group_has_none_not_none_yet(
        bot: InProcessBot) -> None:
    _clock(bot, MONDAY)
    await set_up(bot, BRAM)
    await pressed(bot, ANNA, await asked(bot, "do 9:00"), "✅ Opslaan")
    await bot.handle(command(bot.app.bot, ANNA, "/schedule uit"))
    said = await _typed(bot, BRAM, "")
    assert said[0].startswith("Deze groep heeft geen vast ritme.")
