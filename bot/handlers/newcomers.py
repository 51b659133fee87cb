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
from flows.cycle.events import Arrived, MemberBack
from flows.cycle.leaving import RECOGNISED_WITHIN
from flows.effects import text
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
    people = [person for person in people if not person.is_bot]
    if not people:
        return
    async with handling(update, context) as unit:
        if unit is None:
            return
        here = await groups.in_chat(unit.tx, chat_id)
        # Members who left the chat a moment ago are recognised first, each time: a second
        # mis-tap within the welcome's quiet time must not leave them out of their group.
        back = [person for person in people if await _welcomed_back(unit, here, person)]
        throttle, now = services(context).throttle, time.monotonic()
        people = [person for person in people if person not in back
                  and throttle.allow(("newcomer", chat_id, person.id), WELCOMED_EVERY, now)]
        newcomers = [person for person in people if await _new_to(unit, here, person.id)]
        if here and newcomers:
            await _greet(unit, chat_id, here, newcomers)


async def _welcomed_back(unit: Unit, here: Sequence[Group], person: User) -> bool:
    """A member who left the chat (not by /leave) and is added back soon after is a member
    again as they were, agreement kept (flows/cycle/leaving.py, RECOGNISED_WITHIN). The
    inbrenger the talk waits for goes on with it; anyone else hears they are back."""
    back = False
    for group in here:
        if not await members.came_back(unit.tx, group.id, person.id,
                                       unit.now - RECOGNISED_WITHIN):
            continue
        back = True
        member = await members.get(unit.tx, group.id, person.id)
        name = member.name if member is not None else display_name(person)
        decision = await decide_in(unit, group, MemberBack(person.id, name))
        if decision is None or decision.refused:  # no talk waited for them
            await unit.send(to_group(group, render(group.settings.language,
                                                   text("bot.member_back", name=name))))
    return back


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
