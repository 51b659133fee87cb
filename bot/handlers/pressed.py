"""A button that has done its work stops looking clickable: decided in the same transaction as
the press, its message loses the keyboard (or only the pressed button) through the outbox.

    await buttons_done(unit, query)               # a choice was made: the keyboard goes
    await buttons_done(unit, query, only=data)    # just this button goes, the others stay
    await cycle_button_done(unit, query, action)  # the cycle's buttons, by their action

The press's callback query carries the message, so nothing has to be stored to find it.
"""
from __future__ import annotations

from telegram import CallbackQuery, InlineKeyboardMarkup, Message

from bot.engine.outgoing import ButtonRows, Edit
from bot.engine.work import Unit

# What a press of a cycle button finishes on its message (flows/cycle/phases.py makes them):
# "all": the question is answered (a swap, the phase moved on, the look back chosen, the
# commitment confirmed, the check-in or 'tried' answered); "pressed": only that button (the
# inbrenger accepted, but a swap stays possible until the clip; the floor open for tips, the
# consent given: "next" and the sound timeline stay useful).
# "watched", "absent" and "audio" are pressed by many people or again, so they stay.
CYCLE_PRESS_ENDS = {
    "accept": "pressed", "swap": "all", "wait": "all", "cancel": "all", "next": "all",
    "look": "all", "commit": "all", "checkin": "all", "tried": "all",
    "tips": "pressed", "consent": "pressed",
}


def _rows(markup: InlineKeyboardMarkup | None, without: str) -> ButtonRows:
    if markup is None:
        return ()
    rows = (tuple((b.text, b.callback_data) for b in row
                  if isinstance(b.callback_data, str) and b.callback_data != without)
            for row in markup.inline_keyboard)
    return tuple(row for row in rows if row)


async def buttons_done(unit: Unit, query: CallbackQuery, *, only: str | None = None) -> None:
    """The pressed message's keyboard goes (or only the button with data `only`)."""
    message = query.message
    if message is None:
        return
    keep = _rows(message.reply_markup, only) \
        if only is not None and isinstance(message, Message) else ()
    await unit.send(Edit(message.chat.id, message.message_id, None, keep))


async def cycle_button_done(unit: Unit, query: CallbackQuery, action: str) -> None:
    """After a cycle button's press that was not refused (bot/handlers/cycle.py)."""
    ends = CYCLE_PRESS_ENDS.get(action)
    if ends == "all":
        await buttons_done(unit, query)
    elif ends == "pressed":
        await buttons_done(unit, query, only=query.data or "")
