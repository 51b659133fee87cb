"""An admin's /schedule in handler tests: the bot's "save this?" question, a button on it
pressed by its label, and a rhythm saved."""
from __future__ import annotations

from typing import Any

from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import view_of
from tests.handlers.updates import ANNA, GROUP, Person, button, command

OPENINGS = ("SELECT name FROM timers WHERE name LIKE 'meeting:%:open' AND fired_at IS NULL "
            "ORDER BY name")


async def asked(bot: InProcessBot, words: str) -> dict[str, Any]:
    """Anna (an admin) types the rhythm: the bot's "save this?" message."""
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, f"/schedule {words}"))
    [question] = [m for m in await bot.tg.bot_messages(GROUP, since=since)
                  if m["message"].get("reply_markup")]
    return question


def labels(view: dict[str, Any]) -> list[str]:
    markup = view["message"].get("reply_markup") or {"inline_keyboard": []}
    return [b["text"] for row in markup["inline_keyboard"] for b in row]


async def pressed(bot: InProcessBot, person: Person, view: dict[str, Any], label: str
                  ) -> dict[str, Any]:
    """`person` presses the button labelled `label` on the bot's message itself: the message
    as it is afterwards, with the bot's answer to the press under "answer"."""
    [data] = [b["callback_data"] for row in view["message"]["reply_markup"]["inline_keyboard"]
              for b in row if b["text"] == label]
    query_id = await bot.tg.click(person.user_id, view["message"], data)
    await bot.handle(button(bot.app.bot, person, view["message"], data, query_id))
    now = await view_of(bot, view["message_id"])
    return {**now, "answer": await bot.tg.callback_answer(query_id)}


async def saved(bot: InProcessBot, words: str) -> None:
    """Anna types the rhythm and saves it."""
    await pressed(bot, ANNA, await asked(bot, words), "✅ Opslaan")
