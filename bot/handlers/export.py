"""/export: what someone may take home (SPEC section 5).

In the private chat a member gets their own data as JSON (everything kept about them) and their
portfolio as Markdown and HTML (the cycles they brought in, in their language); a coach gets
the portfolio of every group they coach, as Markdown, HTML and JSON. In a group, the group's
portfolio (the same three) goes privately to an admin who takes part, or to one of its coaches;
everyone else is sent to the private chat.
"""
from __future__ import annotations

import json

from telegram import Update, User
from telegram.ext import BaseHandler, ContextTypes

from bot.engine.outgoing import Document
from bot.engine.work import Unit
from bot.handlers.commands import command
from bot.handlers.common import (
    display_name,
    find_group,
    handling,
    in_group,
    is_admin,
    private_link,
    reply,
    user_language,
)
from bot.texts.render import say
from flows.model import Group
from flows.reports.portfolio import file_stem, portfolio
from flows.reports.written import Portfolio, as_html, as_markdown, group_portfolio, member_portfolio
from storage import coaches, members
from storage.portfolios import GroupRows, group_rows
from storage.privacy import has_anything, member_data

EXPORT_FILENAME = "intervision-export.json"


async def export_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user, message, chat = update.effective_user, update.effective_message, update.effective_chat
    if user is None or message is None or chat is None:
        return
    admin = in_group(update) and await is_admin(context, chat.id, user.id)
    async with handling(update, context) as unit:
        if unit is None:
            return
        if in_group(update):
            await _export_in_group(unit, update, context, user, admin)
        else:
            await _export_privately(unit, update, user)


async def _export_privately(unit: Unit, update: Update, user: User) -> None:
    language = user_language(user)
    data = await member_data(unit.tx, user.id)
    coached = await coaches.groups_of(unit.tx, user.id)
    if not has_anything(data) and not coached:
        # After /forget the rows of their contributions stay, without name or words: say so.
        left = sum(len(group["contributions"]) for group in data["groups"])
        await reply(unit, update, language,
                    "privacy.only_counts_kept" if left else "privacy.nothing_stored", count=left)
        return
    if has_anything(data):
        document = {"exported_at": unit.now.isoformat(timespec="seconds"), **data}
        await unit.send(Document(user.id, EXPORT_FILENAME,
                                 json.dumps(document, ensure_ascii=False, indent=2),
                                 say(language, "privacy.export_caption" if data["groups"]
                                     else "privacy.export_caption_coach")))
    if data["groups"]:
        name = (data["profile"] or {}).get("name") or display_name(user)
        taken_part = [await group_rows(unit.tx, g["group"]["id"]) for g in data["groups"]]
        mine = member_portfolio(name, user.id, [rows for rows in taken_part if rows])
        await _send_portfolio(unit, user.id, mine, language, "intervision-portfolio",
                              say(language, "portfolio.markdown_caption"),
                              say(language, "portfolio.html_caption"))
    stems: set[str] = set()
    for group_id in coached:
        rows = await group_rows(unit.tx, group_id)
        if rows is not None:
            stem = file_stem(rows[0])
            stem = f"{stem}-{group_id}" if stem in stems else stem  # two groups of one name
            stems.add(stem)
            await _send_group(unit, user.id, rows, stem, for_coach=True)


async def _send_group(unit: Unit, chat_id: int, rows: GroupRows, stem: str | None = None, *,
                      for_coach: bool) -> None:
    """The group's portfolio as Markdown and HTML, and as JSON in the data model of
    `intervision export --format json`: names only, never a Telegram id. The files are named
    after the group (`stem`), so that they still say which group once saved. `for_coach`: a
    running cycle is its heading alone (the coach gets its summary when it closes)."""
    group: Group = rows[0]
    language, stem = group.settings.language, stem or file_stem(group)
    written = group_portfolio(*rows, for_coach=for_coach)
    data = portfolio(*rows, for_coach=for_coach)
    await _send_portfolio(unit, chat_id, written, language, stem,
                          say(language, "portfolio.group_markdown_caption", group=group.title),
                          say(language, "portfolio.group_html_caption", group=group.title))
    await unit.send(Document(chat_id, f"{stem}.json",
                             json.dumps(data, ensure_ascii=False, indent=2),
                             say(language, "portfolio.group_json_caption", group=group.title)))


async def _send_portfolio(unit: Unit, chat_id: int, written: Portfolio, language: str,
                          stem: str, markdown_caption: str, html_caption: str) -> None:
    await unit.send(Document(chat_id, f"{stem}.md", as_markdown(written, language),
                             markdown_caption))
    await unit.send(Document(chat_id, f"{stem}.html", as_html(written, language), html_caption))


async def _export_in_group(unit: Unit, update: Update, context: ContextTypes.DEFAULT_TYPE,
                           user: User, admin: bool) -> None:
    """The group's portfolio only for an admin who takes part, or a coach of the group."""
    group = await find_group(unit, update)
    language = group.settings.language if group else user_language(user)
    link = private_link(context)
    if group is None:
        await reply(unit, update, language, "privacy.export_private_only", link=link)
        return
    taking_part = admin and await members.get(unit.tx, group.id, user.id) is not None
    coach = not taking_part and await coaches.is_coach_of(unit.tx, group.id, user.id)
    if not (taking_part or coach):
        await reply(unit, update, language, "portfolio.group_who", link=link)
        return
    if not await members.can_write_privately(unit.tx, user.id):
        await reply(unit, update, language, "privacy.start_private_first", link=link)
        return
    rows = await group_rows(unit.tx, group.id)
    assert rows is not None
    await _send_group(unit, user.id, rows, for_coach=coach)
    await reply(unit, update, language, "privacy.portfolio_sent", link=link)


def build_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    return [command("export", export_command)]
