"""A button that has done its work stops looking clickable: decided in the same transaction as
the press, its message loses the keyboard (or only the pressed button) through the outbox.

    await buttons_done(unit, query)               # a choice was made: the keyboard goes
    await buttons_done(unit, query, only=data)    # just this button goes, the others stay
    await buttons_done(unit, query, outcome=await pressed_outcome(unit, query, language))
    await cycle_button_done(unit, query, action, language)  # the cycle's, by their action

The press's callback query carries the message, so nothing has to be stored to find it.
"""
from __future__ import annotations

import unicodedata

from telegram import CallbackQuery, Chat, InlineKeyboardMarkup, Message
from telegram.constants import MessageLimit

from bot.engine.outgoing import ButtonRows, Edit, rows_without
from bot.engine.work import Unit
from bot.handlers.common import display_name
from bot.texts.render import say
from flows.callbacks import CycleButton
from flows.cycle.buttons import PRESS_ENDS, PRESS_SHOWN
from storage import button_messages


async def _shown(unit: Unit, message: Message) -> ButtonRows:
    """The message's buttons as they will read: its record where the bot follows it (a
    retirement already decided may not have reached Telegram yet, and this edit must not put
    its buttons back), else the keyboard the press came from."""
    recorded = await button_messages.one(unit.tx, message.chat.id, message.message_id)
    if recorded is not None:
        return recorded.buttons
    markup = message.reply_markup or InlineKeyboardMarkup(())
    return tuple(tuple((b.text, b.callback_data) for b in row
                       if isinstance(b.callback_data, str)) for row in markup.inline_keyboard)


async def buttons_done(unit: Unit, query: CallbackQuery, *, only: str | None = None,
                       question: str | None = None, outcome: str | None = None) -> None:
    """The pressed message's keyboard goes, or only the button with data `only`, or only the
    buttons whose data starts with `question`; with an `outcome` (pressed_outcome), its words
    become those."""
    message = query.message
    if message is None:
        return
    shown = await _shown(unit, message) if isinstance(message, Message) else None
    gone = only if only is not None else question
    if gone is None or shown is None:
        keep: ButtonRows = ()
    elif question is not None:
        keep = rows_without(shown, lambda data: data.startswith(gone))
    else:
        keep = rows_without(shown, lambda data: data == gone)
    if outcome is None and keep == shown:
        return  # already so (a button pressed again and again): an edit would change nothing
    await unit.send(Edit(message.chat.id, message.message_id, outcome, keep))


async def pressed_outcome(unit: Unit, query: CallbackQuery, language: str) -> str | None:
    """The pressed message's words with "✅ Bram: Yes, the recording complies" under them;
    None where there is nothing to add to (a private chat, where only the presser reads it,
    a photo's caption, a message already at Telegram's length limit). The words are the
    message's as last decided where the bot follows it: a second press right after the first
    carries the message as it was before the first's line, which would go again."""
    message = query.message
    if not isinstance(message, Message) or message.chat.type == Chat.PRIVATE \
            or not message.text:
        return None
    recorded = await button_messages.one(unit.tx, message.chat.id, message.message_id)
    label = next((b.text for row in (message.reply_markup or InlineKeyboardMarkup(())).
                  inline_keyboard for b in row if b.callback_data == query.data), None)
    if label is None:
        return None
    line = say(language, "bot.pressed", name=display_name(query.from_user),
               choice=_without_leading_symbols(label))
    html = f"{recorded.html if recorded else message.text_html}\n\n{line}"
    return html if len(html) <= MessageLimit.MAX_TEXT_LENGTH else None  # as bot/texts/fit.py


def _without_leading_symbols(label: str) -> str:
    """"✅ Yes, ..." reads as "Yes, ..." after the line's own ✅."""
    symbols = ("So", "Sk", "Mn", "Cf", "Zs")
    start = next((i for i, c in enumerate(label) if unicodedata.category(c) not in symbols),
                 len(label))
    return label[start:] or label


async def cycle_button_done(unit: Unit, query: CallbackQuery, action: str,
                            language: str) -> None:
    """After a cycle button's press that was not refused (bot/handlers/cycle.py)."""
    ends = PRESS_ENDS.get(action)  # what the press finishes (flows/cycle/buttons.py)
    outcome = await pressed_outcome(unit, query, language) if action in PRESS_SHOWN else None
    data = query.data or ""
    if ends == "all":
        await buttons_done(unit, query, outcome=outcome)
    elif ends == "pressed":
        await buttons_done(unit, query, only=data, outcome=outcome)
    elif ends == "question" and (button := CycleButton.unpack(data)) is not None:
        # "cy:7:tried:partly" -> every "cy:7:tried:..." goes
        question = CycleButton(button.cycle_id, button.action).pack() + ":"
        await buttons_done(unit, query, question=question, outcome=outcome)
