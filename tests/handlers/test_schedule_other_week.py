"""A rhythm of several weeks in the group's own weeks: /schedule shows the next meetings with
"a week later" beside "save", and a rhythm typed again (a new day or time) keeps the weeks the
group already meets in."""
from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bot.engine.services import services_of
from tests.handlers.in_process import InProcessBot, set_up
from tests.handlers.updates import ANNA, BRAM, GROUP, Person, button, command

MONDAY = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
OPENINGS = ("SELECT name FROM timers WHERE name LIKE 'meeting:%:open' AND fired_at IS NULL "
            "ORDER BY name")


async def _asked(bot: InProcessBot, words: str) -> dict[str, Any]:
    """An admin types the rhythm: the bot's "save this?" message."""
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, f"/schedule {words}"))
    [asked] = [m for m in await bot.tg.bot_messages(GROUP, since=since)
               if m["message"].get("reply_markup")]
    return asked


def _labels(view: dict[str, Any]) -> list[str]:
    markup = view["message"].get("reply_markup") or {"inline_keyboard": []}
    return [b["text"] for row in markup["inline_keyboard"] for b in row]


async def _press(bot: InProcessBot, person: Person, view: dict[str, Any], label: str
                 ) -> dict[str, Any]:
    """`person` presses the button labelled `label` on the bot's message itself; the message
    as it is afterwards."""
    [data] = [b["callback_data"] for row in view["message"]["reply_markup"]["inline_keyboard"]
              for b in row if b["text"] == label]
    query_id = await bot.tg.click(person.user_id, view["message"], data)
    await bot.handle(button(bot.app.bot, person, view["message"], data, query_id))
    view["answer"] = await bot.tg.callback_answer(query_id)
    [now] = [m for m in await bot.tg.bot_messages(GROUP)
             if m["message_id"] == view["message_id"]]
    now["answer"] = view["answer"]
    return now


async def test_the_admin_moves_a_two_weekly_rhythm_to_the_other_week_before_saving(
        bot: InProcessBot) -> None:
    services_of(bot.app).clock = lambda: MONDAY
    await set_up(bot, BRAM)
    asked = await _asked(bot, "do 15:00 om de 2 weken")
    assert "do 4 mrt 15:00\ndo 18 mrt 15:00" in asked["text"]
    assert _labels(asked) == ["✅ Opslaan", "Niet opslaan", "⏭ Een week later"]

    refused = await _press(bot, BRAM, asked, "⏭ Een week later")
    assert refused["answer"]["show_alert"] and refused["text"] == asked["text"]

    moved = await _press(bot, ANNA, asked, "⏭ Een week later")
    assert moved["answer"]["text"] == "Een week verschoven."
    assert "do 11 mrt 15:00\ndo 25 mrt 15:00" in moved["text"]
    assert "do 4 mrt" not in moved["text"]
    assert _labels(moved) == ["✅ Opslaan", "Niet opslaan", "⏭ Een week later"]
    assert await bot.db_one("SELECT schedule FROM groups") == (None,)  # nothing saved yet

    saved = await _press(bot, ANNA, moved, "✅ Opslaan")
    assert "Het ritme is ingesteld" in saved["text"] and "do 11 mrt 15:00" in saved["text"]
    assert _labels(saved) == []
    assert await bot.db_all(OPENINGS) == [("meeting:2027-03-11T14:00Z:open",)]


async def test_a_new_time_for_the_same_rhythm_stays_in_the_groups_weeks(
        bot: InProcessBot) -> None:
    services_of(bot.app).clock = lambda: MONDAY
    await set_up(bot)
    asked = await _asked(bot, "do 15:00 om de 2 weken")
    moved = await _press(bot, ANNA, asked, "⏭ Een week later")
    await _press(bot, ANNA, moved, "✅ Opslaan")

    again = await _asked(bot, "do 16:00 om de 2 weken")
    assert "do 11 mrt 16:00\ndo 25 mrt 16:00" in again["text"]
    weekly = await _asked(bot, "do 16:00 wekelijks")
    assert "do 4 mrt 16:00\ndo 11 mrt 16:00" in weekly["text"]
    assert "⏭ Een week later" not in _labels(weekly)  # every week has no other week
