"""Someone added to a group's chat hears what the group does there and how to take part
(flows/newcomers.py). While a cycle runs the cycle's own welcome also names it
(flows/cycle/arrivals.py), and counts as telling the newcomer that a cycle runs."""
from __future__ import annotations

import time
from collections.abc import Sequence

from telegram import Update, User
from telegram.ext import ContextTypes

from bot.engine.effects import to_group
from bot.engine.events import decide_in
from bot.engine.outgoing import Message
from bot.engine.services import services
from bot.engine.work import Unit
from bot.handlers.common import display_name, handling
from bot.texts.render import render
from flows.cycle.events import Arrived
from flows.model import Group
from flows.newcomers import greeting
from storage import coaches, groups, members

# Telegram may tell of one arrival twice (the service message, and chat_member where the bot is
# an admin): within this many seconds a person is not welcomed a second time.
WELCOMED_EVERY = 600.0


async def added_to_chat(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The service message "X joined" / "A added X" (several may come in one)."""
    message = update.effective_message
    if message is not None and message.new_chat_members:
        await welcome(update, context, message.chat_id, message.new_chat_members)


async def welcome(update: Update, context: ContextTypes.DEFAULT_TYPE, chat_id: int,
                  people: Sequence[User]) -> None:
    throttle, now = services(context).throttle, time.monotonic()
    people = [person for person in people if not person.is_bot
              and throttle.allow(("newcomer", chat_id, person.id), WELCOMED_EVERY, now)]
    if not people:
        return
    async with handling(update, context) as unit:
        if unit is None:
            return
        here = await groups.in_chat(unit.tx, chat_id)
        newcomers = [person for person in people if await _new_to(unit, here, person.id)]
        if here and newcomers:
            await _greet(unit, chat_id, here, newcomers)


async def _new_to(unit: Unit, here: Sequence[Group], user_id: int) -> bool:
    """Neither a member of the chat's groups (a member is not welcomed) nor their coach (a
    coach follows from outside and cannot /join)."""
    for group in here:
        if await members.get(unit.tx, group.id, user_id) is not None \
                or await coaches.is_coach_of(unit.tx, group.id, user_id):
            return False
    return True


async def _greet(unit: Unit, chat_id: int, here: Sequence[Group], people: Sequence[User]) -> None:
    names = [display_name(person) for person in people]
    language = here[0].settings.language
    if len(here) > 1 or here[0].thread_id:  # groups in forum topics: the welcome in General
        topics = [group.title for group in here]
        await unit.send(Message(chat_id, render(language, greeting(names, topics))))
        return
    group = here[0]
    arrived = Arrived(tuple((person.id, name) for person, name in zip(people, names)),
                      actor=people[0].id)
    if await decide_in(unit, group, arrived) is None:  # no cycle runs
        await unit.send(to_group(group, render(language, greeting(names))))
