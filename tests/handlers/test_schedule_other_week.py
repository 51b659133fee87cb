"""A rhythm of several weeks in the group's own weeks: /schedule shows the next meetings with
"a week later" beside "save", and a rhythm typed again (a new day or time) keeps the weeks the
group already meets in."""
from __future__ import annotations

from datetime import UTC, datetime

from bot.engine.services import services_of
from tests.handlers.in_process import InProcessBot, set_up
from tests.handlers.schedules import OPENINGS, asked, labels, pressed
from tests.handlers.updates import ANNA, BRAM

MONDAY = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


async def test_the_admin_moves_a_two_weekly_rhythm_to_the_other_week_before_saving(
        bot: InProcessBot) -> None:
    services_of(bot.app).clock = lambda: MONDAY
    await set_up(bot, BRAM)
    question = await asked(bot, "do 15:00 om de 2 weken")
    assert "do 4 mrt 15:00\ndo 18 mrt 15:00" in question["text"]
    assert labels(question) == ["✅ Opslaan", "Niet opslaan", "⏭ Een week later"]

    refused = await pressed(bot, BRAM, question, "⏭ Een week later")
    assert refused["answer"]["show_alert"] and refused["text"] == question["text"]

    moved = await pressed(bot, ANNA, question, "⏭ Een week later")
    assert moved["answer"]["text"] == "Een week verschoven."
    assert "do 11 mrt 15:00\ndo 25 mrt 15:00" in moved["text"]
    assert "do 4 mrt" not in moved["text"]
    assert labels(moved) == ["✅ Opslaan", "Niet opslaan", "⏭ Een week later"]
    assert await bot.db_one("SELECT schedule FROM groups") == (None,)  # nothing saved yet

    done = await pressed(bot, ANNA, moved, "✅ Opslaan")
    assert "Het ritme is ingesteld" in done["text"] and "do 11 mrt 15:00" in done["text"]
    assert labels(done) == []
    assert await bot.db_all(OPENINGS) == [("meeting:2027-03-11T14:00Z:open",)]


async def test_a_new_time_for_the_same_rhythm_stays_in_the_groups_weeks(
        bot: InProcessBot) -> None:
    services_of(bot.app).clock = lambda: MONDAY
    await set_up(bot)
    question = await asked(bot, "do 15:00 om de 2 weken")
    moved = await pressed(bot, ANNA, question, "⏭ Een week later")
    await pressed(bot, ANNA, moved, "✅ Opslaan")

    again = await asked(bot, "do 16:00 om de 2 weken")
    assert "do 11 mrt 16:00\ndo 25 mrt 16:00" in again["text"]
    weekly = await asked(bot, "do 16:00 wekelijks")
    assert "do 4 mrt 16:00\ndo 11 mrt 16:00" in weekly["text"]
    assert "⏭ Een week later" not in labels(weekly)  # every week has no other week
