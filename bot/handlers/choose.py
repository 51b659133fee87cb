"""A person chosen with a button where a typed name did not say who (flows/naming.py): two
members called Anna for /cycle Anna or /swap Anna, two coaches of one name, or /coach remove
without a name. Only an admin's press counts (for a swap also the inbrenger's, as the cycle
decides); the question then shows who was chosen."""
from __future__ import annotations

from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.engine import coach_reports
from bot.engine.effects import buttons, to_group
from bot.engine.events import decide_in, start_cycle_in
from bot.engine.work import Unit
from bot.handlers.common import GroupCommand
from bot.handlers.group_button import GroupPress, PressAnswer, group_button
from bot.handlers.pressed import buttons_done, pressed_outcome
from bot.texts.render import render, say
from flows.callbacks import PersonButton, pattern
from flows.cycle.events import Swap
from flows.effects import Button, Text, text
from flows.model import FORGOTTEN_NAME, Group, Member
from flows.naming import Person, named, names_listed
from storage import coaches, cycles, members


def person_buttons(group: Group, action: str, people: list[Person],
                   cycle_id: int | None = None) -> tuple[tuple[Button, ...], ...]:
    """One button a person, named as the group knows them (for a swap, in cycle `cycle_id`)."""
    return tuple((Button(text("choice.option", value=name),
                         PersonButton(group.id, action, user_id, cycle_id).pack()),)
                 for user_id, name in people)


# The sender naming themselves ("/cycle mij": an admin who brings in herself).
_ME = frozenset({"mij", "ik", "ikzelf", "mezelf", "me", "myself", "zelf"})


async def member_named(cmd: GroupCommand, action: str, *, which: str) -> int | None:
    """The member the command's words name (/cycle Anna, /swap cato, /cycle @cato_t, /cycle
    Daan nu graag); None when they name nobody (the sender hears who can be named) or several
    (asked `which`, with a button each)."""
    everyone = await members.active(cmd.unit.tx, cmd.group.id)
    if " ".join(cmd.args).strip(" !?.").casefold() in _ME \
            and any(m.user_id == cmd.user.id for m in everyone):  # "/cycle mij": the sender
        return cmd.user.id
    meant = named(" ".join(cmd.args), ((m.user_id, m.name) for m in everyone))
    if len(meant) == 1:
        return meant[0][0]
    if meant:
        # A swap passes on the turn of the cycle open now, and of no later one.
        cycle = await cycles.open_cycle(cmd.unit.tx, cmd.group.id) if action == "swap" else None
        await cmd.reply_html(say(cmd.language, which), buttons(cmd.language, person_buttons(
            cmd.group, action, meant, cycle.id if cycle is not None else None)))
    else:
        await cmd.reply(await _nobody_named(cmd, everyone))
    return None


async def _nobody_named(cmd: GroupCommand, everyone: tuple[Member, ...]) -> Text:
    """Why the words name no member: one who left is named as such, with the way back (the
    stop message's "/cycle Bram" answered "I know no member Bram", review ux21)."""
    words = " ".join(cmd.args)
    gone = named(words, ((m.user_id, m.name) for m in await members.former(cmd.unit.tx,
                                                                          cmd.group.id)
                         if m.name != FORGOTTEN_NAME))
    if len(gone) == 1:
        return text("cycle.refused.former_member", name=gone[0][1])
    return text("cycle.refused.unknown_member", name=words[:60],
                members=names_listed((m.user_id, m.name) for m in everyone))


@group_button(PersonButton, stale="choice.stale_person")
async def on_person_button(press: GroupPress[PersonButton]) -> PressAnswer:
    button, language = press.button, press.language
    if not press.admin and button.action != "swap":
        return PressAnswer(say(language, "coaches.only_admins" if button.action == "uncoach"
                               else "bot.only_admins_cycle"), alert=True)
    refused = await _CHOSEN[button.action](press.unit, press.group, button, press.presser,
                                           press.admin)
    if refused is None or refused.key != NOT_YOURS:  # else someone else may choose
        await buttons_done(press.unit, press.query,
                           outcome=await pressed_outcome(press.unit, press.query, language))
    return PressAnswer(render(language, refused), alert=True) if refused else PressAnswer()


async def _start(unit: Unit, group: Group, button: PersonButton, admin_id: int,
                 admin: bool) -> Text | None:
    started = await start_cycle_in(unit, group, actor_id=admin_id, inbrenger_id=button.user_id)
    return started if isinstance(started, Text) else None


async def _swap(unit: Unit, group: Group, button: PersonButton, presser: int,
                admin: bool) -> Text | None:
    """Only in the cycle the question was asked in (a button without one is from before
    swaps named their cycle, so it cannot say which turn it meant)."""
    cycle = await cycles.open_cycle(unit.tx, group.id)
    if cycle is not None and cycle.id != button.cycle_id:
        return text("cycle.refused.stale")
    decision = await decide_in(unit, group, Swap(presser, admin, to=button.user_id))
    return text("cycle.refused.no_cycle") if decision is None else decision.refusal


async def _unlink(unit: Unit, group: Group, button: PersonButton, presser: int,
                  admin: bool) -> Text | None:
    user_id = button.user_id
    linked = dict(await coaches.named(unit.tx, group.id))
    if user_id not in linked or not await coaches.unlink(unit.tx, group.id, user_id):
        return text("choice.stale_person")
    await unit.send(to_group(group, say(group.settings.language, "coaches.removed",
                                        name=linked[user_id] or "?")))
    await unit.send(coach_reports.unlinked(group, user_id))
    return None


_CHOSEN = {"cycle": _start, "swap": _swap, "uncoach": _unlink}
NOT_YOURS = "cycle.refused.only_inbrenger_or_admin"


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [CallbackQueryHandler(on_person_button, pattern=pattern(PersonButton))]
