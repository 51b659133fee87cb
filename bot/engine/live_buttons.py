"""Buttons that have done their work go from every message that shows them, not only from the
one pressed: the previous prompt's "next" after a typed /next, the announcement's "pass the
turn on" once the clip is in, a second copy of a question once either copy is answered.

A message's id is known only once Telegram accepted it, so the sender records each message
with a cycle's buttons then; every later edit of it is followed as it is decided. A flow's `ButtonsDone`
waits in the group's lane as a `Retire`; when the sender comes to it, the messages decided
before it have been sent and recorded, and it becomes one Edit per message that still shows
such a button (queued like any other call: the same retries, limits and order).
"""
from __future__ import annotations

from datetime import datetime

from bot.engine.outgoing import ButtonRows, Edit, Message, Outgoing, Retire, rows_without
from flows.callbacks import CycleButton, StopButton
from storage import button_messages, nudge_messages
from storage.button_messages import ButtonMessage
from storage.db import Tx


def _of_cycle(data: str) -> tuple[int, str] | None:
    """The cycle a button belongs to and what it does there. A /cancel question's buttons
    are the cycle's too ("stop"), so the question goes with the cycle's end: a second one,
    asked before the first was answered, kept its buttons after the stop (review ux15)."""
    if (button := CycleButton.unpack(data)) is not None:
        return button.cycle_id, button.action
    if (stop := StopButton.unpack(data)) is not None:
        return stop.cycle_id, "stop"
    return None


def cycle_of(rows: ButtonRows) -> int | None:
    """The cycle whose buttons a message shows, if it shows any."""
    return next((found[0] for row in rows for _, data in row
                 if (found := _of_cycle(data)) is not None), None)


async def delivered(tx: Tx, item: Outgoing, message_id: int | None, now: datetime) -> None:
    """After Telegram accepted `item`: a message with a cycle's buttons is recorded."""
    if isinstance(item, Message) and message_id is not None:
        cycle_id = cycle_of(item.buttons)
        if cycle_id is not None:
            await button_messages.record(tx, ButtonMessage(item.chat_id, message_id, cycle_id,
                                                           item.html, item.buttons), now)


async def edited(tx: Tx, edit: Edit) -> None:
    """A recorded message follows an edit as it is decided (a press's own, bot/engine/work.py,
    or a retirement's), so that a retirement decided with a press does not edit the pressed
    message again."""
    await button_messages.edited(tx, edit.chat_id, edit.message_id, edit.html, edit.buttons)


def remaining(rows: ButtonRows, retire: Retire) -> ButtonRows:
    """The rows without the buttons `retire` takes away; rows left empty go."""
    def done(data: str) -> bool:
        found = _of_cycle(data)
        if found is None or found[0] != retire.cycle_id:
            return False
        action = found[1]
        return action in retire.actions if retire.actions else action not in retire.keep

    return rows_without(rows, done)


async def edits(tx: Tx, retire: Retire) -> list[Edit]:
    """The edits that carry `retire` out on the recorded messages; the records follow at once,
    so a next retirement starts from what these edits leave."""
    found: list[Edit] = []
    for message in await button_messages.of_cycle(tx, retire.cycle_id):
        left = remaining(message.buttons, retire)
        if left == message.buttons:
            continue
        html = f"{message.html}\n\n{retire.outcome_html}" if retire.outcome_html else None
        edit = Edit(message.chat_id, message.message_id, html, left)
        await edited(tx, edit)
        found.append(edit)
    if retire.last:
        await button_messages.forget_cycle(tx, retire.cycle_id)
        await nudge_messages.forget_cycle(tx, retire.cycle_id)
    return found
