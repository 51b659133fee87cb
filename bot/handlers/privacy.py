"""/forget: a member's or a coach's own data erased, after a confirmation button (SPEC section
6: members can see and delete their own data; /export is in bot/handlers/export.py).

It works only in the private chat, so nobody's data is ever posted in a group. A coach is
unlinked from every group they coach and their name goes with the link.
"""
from __future__ import annotations

from telegram import CallbackQuery, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, ContextTypes

from bot.engine.effects import buttons as button_rows
from bot.engine.effects import to_group
from bot.engine.events import decide_in
from bot.engine.outgoing import Edit
from bot.engine.services import services
from bot.engine.summaries import without_their_words
from bot.engine.work import Unit
from bot.handlers.commands import command
from bot.handlers.common import (
    answer_press,
    find_group,
    handling,
    in_group,
    private_link,
    reply,
    reply_to,
    user_language,
)
from bot.handlers.private import coached_groups
from bot.texts.render import say
from flows.callbacks import ForgetButton, parse, pattern
from flows.cycle.events import MemberLeft
from flows.effects import Button, text
from storage import coaches, groups, members
from storage.db import Tx
from storage.privacy import (
    FORGOTTEN_NAME,
    forget_member,
    has_anything,
    member_data,
    open_cycle_as_inbrenger,
)


async def forget_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user, message = update.effective_user, update.effective_message
    if user is None or message is None:
        return
    async with handling(update, context) as unit:
        if unit is None:
            return
        if in_group(update):
            group = await find_group(unit, update)
            language = group.settings.language if group else user_language(user)
            await reply(unit, update, language, "privacy.forget_private_only",
                        link=private_link(context))
            return
        language = user_language(user)
        data = await member_data(unit.tx, user.id)
        coached = await _coached_titles(unit.tx, user.id)
        if not has_anything(data) and not coached:
            await reply(unit, update, language, "privacy.nothing_stored")
            return
        if await open_cycle_as_inbrenger(unit.tx, user.id):
            await reply(unit, update, language, "privacy.open_cycle")
            return
        # A coach who never took part in a group hears only what concerns a coach.
        parts = [say(language, "privacy.forget_confirm") if data["groups"] or not coached
                 else say(language, "coach_privacy.forget_title")]
        if coached:
            parts.append(say(language, "coach_privacy.forget_confirm", groups=", ".join(coached)))
        issued = int(unit.now.timestamp())
        choice = ((Button(text("privacy.button.yes"), ForgetButton("yes", user.id, issued).pack()),
                   Button(text("privacy.button.no"), ForgetButton("no", user.id, issued).pack())),)
        await unit.send(reply_to(message, "\n\n".join(parts), button_rows(language, choice)))


async def _coached_titles(tx: Tx, user_id: int) -> list[str]:
    return [group.title or "—" for group in await coached_groups(tx, user_id)]


async def forget_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every press is answered: a forged, foreign or old button kindly and without effect."""
    query = update.callback_query
    if query is None:
        return
    user = query.from_user
    language = user_language(user)
    button = parse(query.data)
    in_own_chat = query.message is not None and query.message.chat.id == user.id
    # The press is answered after the transaction: an answer Telegram is slow to take must not
    # hold the database, which every group's work waits on (review ux9, F1).
    async with handling(update, context) as unit:
        if unit is None:
            return
        if not isinstance(button, ForgetButton) or button.is_stale(unit.now):
            short, alert = "privacy.stale", True
        elif button.user_id != user.id or not in_own_chat or query.message is None:
            short, alert = "privacy.foreign", True
        else:
            short, alert = await _answered(unit, button, query)
    if short == "privacy.erased_short":  # committed: older copies of the words go too
        await services(context).db.checkpoint()
    await answer_press(query, say(language, short), show_alert=alert)


async def _answered(unit: Unit, button: ForgetButton, query: CallbackQuery) -> tuple[str, bool]:
    """The person's own "yes, erase" or "no, keep": done; the press's short answer, and
    whether it is an alert."""
    user, language = query.from_user, user_language(query.from_user)
    assert query.message is not None
    # The confirmation becomes the outcome, so its buttons cannot be pressed again.
    message_id = query.message.message_id
    if button.answer == "no":
        await unit.send(Edit(user.id, message_id, say(language, "privacy.kept")))
        short, alert = "privacy.kept_short", False
    elif await open_cycle_as_inbrenger(unit.tx, user.id):
        await unit.send(Edit(user.id, message_id, say(language, "privacy.open_cycle")))
        short, alert = "privacy.open_cycle_short", True
    else:
        took_part = bool((await member_data(unit.tx, user.id))["groups"])
        left = [await groups.get(unit.tx, g)
                for g in await members.groups_of(unit.tx, user.id)]
        erased = await forget_member(unit.tx, user.id)
        await without_their_words(unit, user.id)  # the summaries sent keep no words of theirs
        for group in filter(None, left):  # an open cycle no longer waits for them
            await decide_in(unit, group, MemberLeft(user.id, FORGOTTEN_NAME))
        coached = await coached_groups(unit.tx, user.id)
        unlinked = await coaches.forget_coach(unit.tx, user.id)
        for group in coached:  # who gets the summaries is the group's to know
            await unit.send(to_group(group, say(group.settings.language,
                                                "coach_privacy.group_told")))
        outcome = [say(language, "privacy.erased", **erased)] \
            if took_part or not unlinked["groups"] else []
        if unlinked["groups"]:
            outcome.append(say(language, "coach_privacy.erased", count=unlinked["groups"]))
        await unit.send(Edit(user.id, message_id, "\n\n".join(outcome)))
        short, alert = "privacy.erased_short", False
    return short, alert


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [
        command("forget", forget_command),
        CallbackQueryHandler(forget_button, pattern=pattern(ForgetButton)),
    ]
