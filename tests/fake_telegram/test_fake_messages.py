"""Sending, editing and deleting messages, inline keyboards, callback queries, errors."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from telegram import (
    BotCommand,
    BotCommandScopeChat,
    BotCommandScopeChatAdministrators,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    ReplyParameters,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, RetryAfter

from fake_telegram import ControlError

if TYPE_CHECKING:
    from telegram import Bot

    from tests.fake_telegram.conftest import Cast

KEYBOARD = InlineKeyboardMarkup(
    [
        [
            InlineKeyboardButton("Ja", callback_data="watched:yes"),
            InlineKeyboardButton("Nee", callback_data="watched:no"),
        ]
    ]
)


async def test_sent_message_is_visible_to_tests(bot: Bot, cast: Cast) -> None:
    sent = await bot.send_message(cast.anna, "Welkom <b>Anna</b>", parse_mode=ParseMode.HTML)
    assert sent.text == "Welkom Anna" and sent.entities[0].type == "bold"
    view = await cast.tg.wait_for_text(cast.anna, "Welkom")
    assert view["message_id"] == sent.message_id and view["html"] == "Welkom <b>Anna</b>"
    assert view["from_bot"] and not view["deleted"] and view["media"] is None


async def test_broken_html_is_refused_like_telegram(bot: Bot, cast: Cast) -> None:
    with pytest.raises(BadRequest, match="(?i)can't parse entities: Can't find end tag"):
        await bot.send_message(cast.anna, "<b>open", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match='(?i)Unsupported start tag "br"'):
        await bot.send_message(cast.anna, "a<br>b", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match="(?i)can't parse entities"):
        await bot.send_message(cast.anna, "1 < 2 <b>x</i>", parse_mode=ParseMode.HTML)
    ok = await bot.send_message(
        cast.anna, "1 &lt; 2 &amp; <a href='https://x.nl'>link</a>", parse_mode=ParseMode.HTML
    )
    assert ok.text == "1 < 2 & link" and ok.entities[0].url == "https://x.nl"


async def test_text_limits(bot: Bot, cast: Cast) -> None:
    with pytest.raises(BadRequest, match="(?i)message text is empty"):
        await bot.send_message(cast.anna, "   ")
    with pytest.raises(BadRequest, match="(?i)message is too long"):
        await bot.send_message(cast.anna, "x" * 4097)


async def test_private_chat_needs_start_and_no_block(bot: Bot, cast: Cast) -> None:
    with pytest.raises(Forbidden, match="(?i)bot can't initiate conversation with a user"):
        await bot.send_message(cast.cato, "Hoi")
    await cast.tg.block_bot(cast.anna)
    with pytest.raises(Forbidden, match="(?i)bot was blocked by the user"):
        await bot.send_message(cast.anna, "Hoi")
    await cast.tg.start_private_chat(cast.anna)
    assert (await bot.send_message(cast.anna, "Weer welkom")).text == "Weer welkom"


async def test_unknown_chat_and_group_the_bot_left(bot: Bot, cast: Cast) -> None:
    with pytest.raises(BadRequest, match="(?i)chat not found"):
        await bot.send_message(-42, "Hoi")
    await bot.leave_chat(cast.group)
    with pytest.raises(Forbidden, match="(?i)bot is not a member of the supergroup chat"):
        await bot.send_message(cast.group, "Hoi")


async def test_click_produces_callback_query_and_answer_is_recorded(bot: Bot, cast: Cast) -> None:
    sent = await bot.send_message(cast.group, "Gekeken?", reply_markup=KEYBOARD)
    await bot.get_updates(offset=-1, timeout=0)  # skip the /start updates
    view = await cast.tg.wait_for_text(cast.group, "Gekeken?")
    query_id = await cast.tg.click(cast.bram, view, "Ja")  # by button text
    updates = await bot.get_updates(offset=(await bot.get_updates(timeout=0))[0].update_id)
    query = updates[-1].callback_query
    assert query is not None and query.id == query_id and query.data == "watched:yes"
    assert query.from_user.id == cast.bram and query.message is not None
    assert query.message.message_id == sent.message_id and query.chat_instance
    assert await cast.tg.callback_answer(query_id) is None
    await query.answer("Dank je", show_alert=True)
    assert await cast.tg.callback_answer(query_id) == {
        "text": "Dank je",
        "show_alert": True,
        "url": None,
        "cache_time": 0,
    }
    with pytest.raises(BadRequest, match="(?i)query is too old"):
        await bot.answer_callback_query(query_id)
    with pytest.raises(BadRequest, match="(?i)query is too old"):
        await bot.answer_callback_query("12345")


async def test_click_by_callback_data_with_message_id(bot: Bot, cast: Cast) -> None:
    sent = await bot.send_message(cast.anna, "Gekeken?", reply_markup=KEYBOARD)
    query_id = await cast.tg.click(cast.anna, sent.message_id, "watched:no", chat_id=cast.anna)
    assert query_id
    with pytest.raises(ControlError, match="(?i)no callback button"):
        await cast.tg.click(cast.anna, sent.message_id, "Misschien", chat_id=cast.anna)
    with pytest.raises(ControlError, match="(?i)cannot see chat"):
        await cast.tg.click(cast.bram, sent.message_id, "Ja", chat_id=cast.anna)


async def test_callback_data_longer_than_64_bytes_is_refused(bot: Bot, cast: Cast) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="x" * 65)]])
    with pytest.raises(BadRequest, match="(?i)BUTTON_DATA_INVALID"):
        await bot.send_message(cast.anna, "te lang", reply_markup=markup)


async def test_edit_text_and_markup(bot: Bot, cast: Cast) -> None:
    sent = await bot.send_message(cast.anna, "Stap 1", reply_markup=KEYBOARD)
    with pytest.raises(BadRequest, match="(?i)message is not modified"):
        await sent.edit_text("Stap 1", reply_markup=KEYBOARD)
    edited = await sent.edit_text("Stap 2")  # Telegram drops a keyboard not repeated
    assert isinstance(edited, Message) and edited.text == "Stap 2" and edited.reply_markup is None
    view = (await cast.tg.bot_messages(cast.anna))[-1]
    assert view["text"] == "Stap 2" and view["history"] == ["Stap 1"] and view["edited"]
    await bot.edit_message_reply_markup(cast.anna, sent.message_id, reply_markup=KEYBOARD)
    assert (await cast.tg.bot_messages(cast.anna))[-1]["reply_markup"] is not None
    with pytest.raises(BadRequest, match="(?i)message to edit not found"):
        await bot.edit_message_text("x", chat_id=cast.anna, message_id=999)
    user_message = await cast.tg.send_text(cast.anna, cast.anna, "mijn tekst")
    with pytest.raises(BadRequest, match="(?i)message can't be edited"):
        await bot.edit_message_text("x", chat_id=cast.anna, message_id=user_message["message_id"])


async def test_edit_since_mark(bot: Bot, cast: Cast) -> None:
    sent = await bot.send_message(cast.anna, "oud")
    mark = await cast.tg.mark()
    assert await cast.tg.bot_messages(cast.anna, since=mark) == []
    await sent.edit_text("nieuw")
    assert [v["text"] for v in await cast.tg.bot_messages(cast.anna, since=mark)] == ["nieuw"]


async def test_delete_message(bot: Bot, cast: Cast) -> None:
    sent = await bot.send_message(cast.group, "weg ermee")
    assert await sent.delete()
    assert (await cast.tg.bot_messages(cast.group))[-1]["deleted"]
    with pytest.raises(BadRequest, match="(?i)message to delete not found"):
        await sent.delete()
    member_message = await cast.tg.send_text(cast.bram, cast.group, "hoi")
    with pytest.raises(BadRequest, match="(?i)message can't be deleted"):
        await bot.delete_message(cast.group, member_message["message_id"])
    await cast.tg.set_bot_admin(cast.group)
    assert await bot.delete_message(cast.group, member_message["message_id"])


async def test_replies(bot: Bot, cast: Cast) -> None:
    question = await cast.tg.send_text(cast.bram, cast.group, "Wat zag je?")
    answer = await bot.send_message(
        cast.group, "Dit", reply_parameters=ReplyParameters(question["message_id"])
    )
    assert answer.reply_to_message is not None
    assert answer.reply_to_message.text == "Wat zag je?"
    assert (await cast.tg.bot_messages(cast.group))[-1]["reply_to"] == question["message_id"]
    with pytest.raises(BadRequest, match="(?i)message to be replied not found"):
        await bot.send_message(cast.group, "x", reply_to_message_id=999)
    reply = await cast.tg.send_text(cast.anna, cast.group, "Goed", reply_to=answer.message_id)
    assert reply["reply_to_message"]["message_id"] == answer.message_id


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_429_raises_retry_after(bot: Bot, cast: Cast) -> None:
    await cast.tg.arm_429("sendMessage", times=2, retry_after=7)
    for _ in range(2):
        with pytest.raises(RetryAfter, match="Retry in 7 seconds"):
            await bot.send_message(cast.anna, "te snel")
    assert (await bot.send_message(cast.anna, "nu wel")).text == "nu wel"
    statuses = [c["status"] for c in await cast.tg.calls("sendMessage")]
    assert statuses == [429, 429, 200]


async def test_commands_per_scope_and_language(bot: Bot, cast: Cast) -> None:
    await bot.set_my_commands([BotCommand("help", "Hulp")])
    await bot.set_my_commands([BotCommand("help", "Help")], language_code="en")
    admin_scope = BotCommandScopeChatAdministrators(cast.group)
    await bot.set_my_commands([BotCommand("setup", "Instellen")], scope=admin_scope)
    assert await cast.tg.commands() == [{"command": "help", "description": "Hulp"}]
    assert await cast.tg.commands(language_code="en") == [
        {"command": "help", "description": "Help"}
    ]
    scope = {"type": "chat_administrators", "chat_id": cast.group}
    assert await cast.tg.commands(scope) == [{"command": "setup", "description": "Instellen"}]
    assert await cast.tg.commands({"type": "chat", "chat_id": cast.group}) is None
    assert [c.command for c in await bot.get_my_commands(scope=admin_scope)] == ["setup"]
    assert await bot.get_my_commands(scope=BotCommandScopeChat(cast.group)) == ()
    await bot.delete_my_commands(language_code="en")
    assert await cast.tg.commands(language_code="en") is None
    assert len(await cast.tg.all_commands()) == 2
    with pytest.raises(BadRequest, match="(?i)BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand("Help", "x")])


async def test_chat_information(bot: Bot, cast: Cast) -> None:
    chat = await bot.get_chat(cast.group)
    assert chat.type == "supergroup" and chat.title == "Intervisie"
    admins = await bot.get_chat_administrators(cast.group)
    assert [a.user.id for a in admins] == [cast.anna] and admins[0].status == "creator"
    assert (await bot.get_chat_member(cast.group, cast.bram)).status == "member"
    assert await bot.get_chat_member_count(cast.group) == 4  # three people and the bot
    await cast.tg.set_admin(cast.group, cast.bram, True)
    assert (await bot.get_chat_member(cast.group, cast.bram)).status == "administrator"
    private = await bot.get_chat(cast.bram)
    assert private.type == "private" and private.first_name == "Bram"


async def test_member_changes_reach_the_bot(bot: Bot, cast: Cast) -> None:
    await bot.get_updates(offset=-1, timeout=0)
    first = (await bot.get_updates(timeout=0))[0].update_id + 1
    await cast.tg.add_user(104, "Dirk")
    await cast.tg.add_member(cast.group, 104, added_by=cast.anna)
    await cast.tg.set_bot_admin(cast.group)
    await bot.leave_chat(cast.group)
    updates = await bot.get_updates(offset=first, timeout=0)
    joined = updates[0].message
    assert joined is not None and [u.id for u in joined.new_chat_members] == [104]
    promoted, left = updates[1].my_chat_member, updates[2].my_chat_member
    assert promoted is not None and promoted.new_chat_member.status == "administrator"
    assert left is not None and left.new_chat_member.status == "left"


async def test_html_tags_are_named_and_checked_as_telegram_does(bot: Bot, cast: Cast) -> None:
    with pytest.raises(BadRequest, match='(?i)Unsupported start tag "br/" at byte offset 1'):
        await bot.send_message(cast.anna, "a<br/>b", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match='(?i)Tag "span" must have class "tg-spoiler"'):
        await bot.send_message(cast.anna, "<span>geheim</span>", parse_mode=ParseMode.HTML)
    hidden = await bot.send_message(
        cast.anna, '<span class="tg-spoiler">geheim</span>', parse_mode=ParseMode.HTML
    )
    assert hidden.text == "geheim" and hidden.entities[0].type == "spoiler"


async def test_a_callback_answer_over_200_characters_is_refused(bot: Bot, cast: Cast) -> None:
    """Telegram's MESSAGE_TOO_LONG; the query stays open, so a shorter answer still goes."""
    sent = await bot.send_message(cast.anna, "Gekeken?", reply_markup=KEYBOARD)
    query_id = await cast.tg.click(cast.anna, sent.message_id, "Ja", chat_id=cast.anna)
    with pytest.raises(BadRequest, match="(?i)MESSAGE_TOO_LONG"):
        await bot.answer_callback_query(query_id, "x" * 201, show_alert=True)
    assert await cast.tg.callback_answer(query_id) is None
    await bot.answer_callback_query(query_id, "é" * 200, show_alert=True)  # characters, not bytes
    answer = await cast.tg.callback_answer(query_id)
    assert answer is not None and answer["text"] == "é" * 200
