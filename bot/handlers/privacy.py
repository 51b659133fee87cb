"""/forget: a member's or a coach's own data erased, after a confirmation button (SPEC section
6: members can see and delete their own data; /export is in bot/handlers/export.py).

It works only in the private chat, so nobody's data is ever posted in a group. A member of
several groups chooses one group's words, or everything (review ux20): one group's erase
keeps their private chat's profile, their admin rows and any coach links while another group
still holds their words. Everything also unlinks a coach from every group they coach, and
their name goes with the link.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

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
from bot.handlers.private import coached_groups, joined_groups
from bot.texts.render import say
from flows.callbacks import ForgetButton, parse, pattern
from flows.cycle.events import MemberLeft
from flows.effects import Button, text
from flows.model import Group
from storage import coaches
from storage.db import Tx
from storage.privacy import (
    FORGOTTEN_NAME,
    forget_member,
    has_anything,
    kept_in,
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
        kept = _kept_groups(data)
        blocked = await open_cycle_as_inbrenger(unit.tx, user.id)
        free = {group_id: title for group_id, title in kept.items() if group_id not in blocked}
        # A choice of groups where there are several, or where a coach keeps coaching when
        # they erase their own group's words (review ux23: one group and a coaching got only
        # "erase everything", coaching included).
        choosing = len(kept) > 1 or bool(kept and coached)
        if blocked and (not choosing or not free):  # nothing they could choose is erasable
            await reply(unit, update, language, "privacy.open_cycle",
                        groups=_titles(kept, blocked))
            return
        parts = _confirmation(language, kept, blocked, coached, choosing=choosing)
        choice = _choices(user.id, int(unit.now.timestamp()), free, choosing=choosing,
                          everything=not blocked)
        await unit.send(reply_to(message, "\n\n".join(parts), button_rows(language, choice)))


def _kept_groups(data: dict[str, Any]) -> dict[int, str]:
    """The groups that still hold their name or words, by id: what /forget may erase."""
    return {group["group"]["id"]: group["group"]["title"] or "—"
            for group in data["groups"] if kept_in(group)}


def _titles(kept: dict[int, str], group_ids: Iterable[int]) -> str:
    return ", ".join(kept.get(group_id, "—") for group_id in group_ids)


def _confirmation(language: str, kept: dict[int, str], blocked: list[int],
                  coached: list[str], *, choosing: bool) -> list[str]:
    """What "yes" erases, naming the group or groups (Sanne, in two groups, read "every
    intervision group" and lost her other group's portfolio, review ux20); a coach who
    never took part in a group hears only what concerns a coach."""
    if choosing:
        parts = [say(language, "privacy.forget_confirm_groups", groups=", ".join(kept.values()))]
        if blocked:
            parts.append(say(language, "privacy.open_cycle_elsewhere",
                             groups=_titles(kept, blocked)))
    elif kept:
        parts = [say(language, "privacy.forget_confirm", group=next(iter(kept.values())))]
    elif coached:
        parts = [say(language, "coach_privacy.forget_title")]
    else:
        parts = [say(language, "privacy.forget_confirm_profile")]
    if coached:  # with a choice of groups, only "everything" unlinks them
        key = "forget_confirm_everything" if choosing else "forget_confirm"
        parts.append(say(language, f"coach_privacy.{key}", groups=", ".join(coached)))
    if kept:
        parts.append(say(language, "privacy.export_first"))
    return parts


def _choices(user_id: int, issued: int, free: dict[int, str], *, choosing: bool,
             everything: bool) -> tuple[tuple[Button, ...], ...]:
    """One button per group that can be erased and one for everything where there is a
    choice; else "yes" (everything) and "no"."""
    no = (Button(text("privacy.button.no"), ForgetButton("no", user_id, issued).pack()),)
    if not choosing:
        return ((Button(text("privacy.button.yes"),
                        ForgetButton("yes", user_id, issued).pack()), *no),)
    rows = [(Button(text("privacy.button.only", group=title),
                    ForgetButton("yes", user_id, issued, group_id).pack()),)
            for group_id, title in free.items()]
    if everything:
        rows.append((Button(text("privacy.button.everything"),
                            ForgetButton("yes", user_id, issued).pack()),))
    return (*rows, no)


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
    short: tuple[str, dict[str, str]]
    async with handling(update, context) as unit:
        if unit is None:
            return
        if not isinstance(button, ForgetButton) or button.is_stale(unit.now):
            short, alert = ("privacy.stale", {}), True
        elif button.user_id != user.id or not in_own_chat or query.message is None:
            short, alert = ("privacy.foreign", {}), True
        else:
            short, alert = await _answered(unit, button, query)
    if short[0] == "privacy.erased_short":  # committed: older copies of the words go too
        await services(context).db.checkpoint()
    await answer_press(query, say(language, short[0], **short[1]), show_alert=alert)


async def _answered(unit: Unit, button: ForgetButton, query: CallbackQuery
                    ) -> tuple[tuple[str, dict[str, str]], bool]:
    """The person's own "yes, erase" (one group's or everything) or "no, keep": done; the
    press's short answer (key and values), and whether it is an alert."""
    user, language = query.from_user, user_language(query.from_user)
    assert query.message is not None
    # The confirmation becomes the outcome, so its buttons cannot be pressed again.
    message_id = query.message.message_id
    if button.answer == "no":
        await unit.send(Edit(user.id, message_id, say(language, "privacy.kept")))
        return ("privacy.kept_short", {}), False
    data = await member_data(unit.tx, user.id)
    kept = _kept_groups(data)
    # Only an open cycle in what is erased stands in the way (the other group's may run on).
    blocked = await open_cycle_as_inbrenger(unit.tx, user.id, button.group_id or None)
    if blocked:
        groups_named = _titles(kept, blocked)
        await unit.send(Edit(user.id, message_id,
                             say(language, "privacy.open_cycle", groups=groups_named)))
        return ("privacy.open_cycle_short", {"groups": groups_named}), True
    others = {g: t for g, t in kept.items() if g != button.group_id}
    coached = await coached_groups(unit.tx, user.id)
    # One group's erase keeps the private chat's profile and any coach links while another
    # group still holds their words; with nothing left elsewhere it is an erase of everything.
    only = button.group_id if button.group_id and (others or coached) else None
    if only is None:
        outcome = await _everything_erased(unit, user.id, language, data, kept, coached)
    else:
        outcome = await _group_erased(unit, user.id, language, only, kept, others)
    await unit.send(Edit(user.id, message_id, outcome))
    return ("privacy.erased_short", {}), False


async def _erase(unit: Unit, user_id: int, group_id: int | None = None) -> dict[str, int]:
    """Their words and name erased, in one group or (None) everywhere, as are the summaries
    already sent there; an open cycle there no longer waits for them. How many of each."""
    left = [group for group in await joined_groups(unit.tx, user_id)
            if group_id in (None, group.id)]
    erased = await forget_member(unit.tx, user_id, group_id)
    await without_their_words(unit, user_id, group_id)
    for group in left:
        await decide_in(unit, group, MemberLeft(user_id, FORGOTTEN_NAME))
    return erased


async def _group_erased(unit: Unit, user_id: int, language: str, group_id: int,
                        kept: dict[int, str], others: dict[int, str]) -> str:
    """One group's words and name erased; the outcome, naming it and what stays."""
    erased = await _erase(unit, user_id, group_id)
    return say(language, "privacy.erased_group", group=kept.get(group_id, "—"),
               others=", ".join(others.values()) or say(language, "privacy.no_group"),
               contributions=erased["contributions"],
               learning_questions=erased["learning_questions"],
               commitments=erased["commitments"])


async def _everything_erased(unit: Unit, user_id: int, language: str, data: dict[str, Any],
                             kept: dict[int, str], coached: list[Group]) -> str:
    """Everything erased, in every group, and a coach unlinked; the outcome, naming the
    groups."""
    erased = await _erase(unit, user_id)
    unlinked = await coaches.forget_coach(unit.tx, user_id)
    for group in coached:  # who gets the summaries is the group's to know
        await unit.send(to_group(group, say(group.settings.language,
                                            "coach_privacy.group_told")))
    outcome = []
    if data["groups"] or not unlinked["groups"]:
        outcome.append(say(language, "privacy.erased",
                           groups=", ".join(kept.values()) or say(language, "privacy.no_group"),
                           contributions=erased["contributions"],
                           learning_questions=erased["learning_questions"],
                           commitments=erased["commitments"]))
    if unlinked["groups"]:
        outcome.append(say(language, "coach_privacy.erased", count=unlinked["groups"]))
    return "\n\n".join(outcome)


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [
        command("forget", forget_command),
        CallbackQueryHandler(forget_button, pattern=pattern(ForgetButton)),
    ]
