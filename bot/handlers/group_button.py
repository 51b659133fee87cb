"""The preamble of a button whose data names its group (a setting, a rhythm to save, a person
to choose): the press must come from that group's chat, and the group must
still exist; anything else (a forged, broken or old button) gets one kind "out of date"
answer. Like `group_command` for commands: whether the presser is an admin is asked of
Telegram before the transaction, so the database is never held while waiting, and the
answer to the press goes after the commit."""
from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from telegram import CallbackQuery, Update

from bot.engine.work import Unit
from bot.handlers.common import Context, answer_press, handling, is_admin, user_language
from bot.texts.render import say
from flows.callbacks import parse
from flows.model import Group
from storage import groups


class NamesGroup(Protocol):
    @property
    def group_id(self) -> int: ...


B = TypeVar("B", bound=NamesGroup)


@dataclass(frozen=True)
class GroupPress(Generic[B]):
    """A press of a button of this group's, inside its update's transaction."""

    group: Group
    button: B
    query: CallbackQuery
    message_id: int  # the message the button sits on
    admin: bool
    unit: Unit

    @property
    def language(self) -> str:
        return self.group.settings.language

    @property
    def presser(self) -> int:
        return self.query.from_user.id


@dataclass(frozen=True)
class PressAnswer:
    """What the presser sees: a short note (or nothing), as an alert where it refuses."""

    html: str | None = None
    alert: bool = False


Handler = Callable[[GroupPress[B]], Awaitable[PressAnswer]]
Callback = Callable[[Update, Context], Coroutine[None, None, None]]


def group_button(kind: type[B], *, stale: str) -> Callable[[Handler[B]], Callback]:
    """`stale` is the catalog key of the answer to a button that does not fit (any more)."""
    def decorate(handler: Handler[B]) -> Callback:
        @functools.wraps(handler)
        async def run(update: Update, context: Context) -> None:
            query, chat = update.callback_query, update.effective_chat
            if query is None or chat is None:
                return
            parsed = parse(query.data)
            button = parsed if isinstance(parsed, kind) else None
            admin = await is_admin(context, chat.id, query.from_user.id)
            answer = PressAnswer(say(user_language(query.from_user), stale), alert=True)
            async with handling(update, context) as unit:
                if unit is None:
                    return  # handled before, and answered then
                group = await groups.get(unit.tx, button.group_id) if button is not None else None
                if button is not None and group is not None and group.chat_id == chat.id \
                        and query.message is not None:
                    answer = await handler(GroupPress(group, button, query,
                                                      query.message.message_id, admin, unit))
            await answer_press(query, answer.html, show_alert=answer.alert)

        return run

    return decorate
