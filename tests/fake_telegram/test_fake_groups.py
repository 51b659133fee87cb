"""Groups: privacy mode, forum topics, edits; and a whole PTB Application polling the fake."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from telegram import ReplyParameters, Update
from telegram.error import BadRequest
from telegram.ext import ApplicationBuilder, CommandHandler, ContextTypes, MessageHandler, filters

from fake_telegram import ControlError, FakeTelegramServer

if TYPE_CHECKING:
    from telegram import Bot

    from tests.fake_telegram.conftest import Cast


async def fetched_texts(bot: Bot) -> list[str | None]:
    updates = await bot.get_updates(timeout=0)
    if updates:
        await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)
    return [
        (u.message or u.edited_message).text  # type: ignore[union-attr]
        for u in updates
        if u.message or u.edited_message
    ]


async def test_privacy_mode_lets_only_commands_replies_and_mentions_through(
    bot: Bot, cast: Cast
) -> None:
    await fetched_texts(bot)
    await cast.tg.set_privacy_mode(True)
    bot_message = await bot.send_message(cast.group, "Wie brengt in?")
    await cast.tg.send_text(cast.bram, cast.group, "gewoon praten")
    await cast.tg.send_text(cast.bram, cast.group, "/status")
    await cast.tg.send_text(cast.bram, cast.group, "/status@other_bot")
    await cast.tg.send_text(cast.bram, cast.group, "ik!", reply_to=bot_message.message_id)
    await cast.tg.send_text(cast.bram, cast.group, "vraag aan @intervision_test_bot")
    assert await fetched_texts(bot) == ["/status", "ik!", "vraag aan @intervision_test_bot"]
    kept_back = [v for v in await cast.tg.messages(cast.group) if not v["delivered"]]
    assert [v["text"] for v in kept_back] == ["gewoon praten", "/status@other_bot"]
    await cast.tg.set_bot_admin(cast.group)  # admins see everything, privacy or not
    await cast.tg.send_text(cast.bram, cast.group, "nu wel")
    assert "nu wel" in await fetched_texts(bot)


async def test_private_chats_ignore_privacy_mode(bot: Bot, cast: Cast) -> None:
    await fetched_texts(bot)
    await cast.tg.set_privacy_mode(True)
    await cast.tg.send_text(cast.anna, cast.anna, "gewoon praten")
    assert await fetched_texts(bot) == ["gewoon praten"]


async def test_forum_topics_carry_thread_ids(bot: Bot, cast: Cast) -> None:
    forum = -1009999
    await cast.tg.add_group(forum, "Opleiding", forum=True, admins=[cast.anna], members=[cast.bram])
    thread = await cast.tg.add_topic(forum, "Groep A")
    await fetched_texts(bot)
    sent = await cast.tg.send_text(cast.bram, forum, "clip komt", thread_id=thread)
    assert sent["message_thread_id"] == thread and sent["is_topic_message"] is True
    # Telegram's quirk: a plain topic message "replies" to the topic's creation message.
    assert sent["reply_to_message"]["forum_topic_created"]["name"] == "Groep A"
    updates = await bot.get_updates(timeout=0)
    message = updates[-1].message
    assert message is not None and message.message_thread_id == thread
    assert message.is_topic_message and message.chat.is_forum
    answer = await message.reply_text("Dank je")  # PTB keeps the thread on replies
    assert answer.message_thread_id == thread
    view = await cast.tg.wait_for_text(forum, "Dank je", thread_id=thread)
    assert view["thread_id"] == thread and view["reply_to"] == message.message_id
    with pytest.raises(Exception, match="(?i)message thread not found"):
        await bot.send_message(forum, "x", message_thread_id=424242)
    with pytest.raises(ControlError, match="thread not found"):
        await cast.tg.send_text(cast.bram, forum, "x", thread_id=424242)
    general = await cast.tg.send_text(cast.bram, forum, "algemeen")
    assert "message_thread_id" not in general


async def test_edits_arrive_as_edited_message(bot: Bot, cast: Cast) -> None:
    sent = await cast.tg.send_text(cast.bram, cast.group, "Je zou kunnen")
    await cast.tg.edit_text(cast.bram, cast.group, sent["message_id"], "Wat zou je kunnen?")
    updates = await bot.get_updates(timeout=0)
    edited = updates[-1].edited_message
    assert edited is not None and edited.text == "Wat zou je kunnen?" and edited.edit_date
    assert updates[-2].message is not None and updates[-2].message.text == "Je zou kunnen"


async def test_control_refuses_impossible_actions(cast: Cast) -> None:
    with pytest.raises(ControlError, match="unknown user 999"):
        await cast.tg.send_text(999, cast.group, "x")
    await cast.tg.add_user(999, "Eva")
    with pytest.raises(ControlError, match="not a member"):
        await cast.tg.send_text(999, cast.group, "x")
    with pytest.raises(ControlError, match="private chat"):
        await cast.tg.send_text(cast.anna, cast.bram, "x")


async def test_a_ptb_application_polls_answers_and_stops(
    server: FakeTelegramServer, cast: Cast
) -> None:
    """The shape of the real bot: Application + handlers + polling, pointed at the fake."""

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text("Welkom!")

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None and update.effective_message.text
        await update.effective_message.reply_text(update.effective_message.text.upper())

    application = (
        ApplicationBuilder()
        .token(server.token)
        .base_url(server.api_base_url)
        .base_file_url(server.file_base_url)
        .build()
    )
    application.add_handler(CommandHandler("start", start))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(timeout=5)
        await cast.tg.wait_for_text(cast.anna, "Welkom!")  # the /start sent before polling
        await cast.tg.send_text(cast.bram, cast.group, "hallo groep")
        await cast.tg.wait_for_text(cast.group, "HALLO GROEP")
        await cast.tg.wait_until_updates_taken()
        await application.updater.stop()
        await application.stop()
    assert await cast.tg.pending_updates() == 0  # PTB's final getUpdates confirmed them all


async def test_a_reply_goes_to_the_topic_of_what_it_answers(bot: Bot, cast: Cast) -> None:
    """Telegram: the replied message's topic wins over message_thread_id."""
    forum = -1009998
    await cast.tg.add_group(forum, "Opleiding", forum=True, admins=[cast.anna], members=[cast.bram])
    first, second = await cast.tg.add_topic(forum, "Groep A"), await cast.tg.add_topic(forum, "B")
    asked = await cast.tg.send_text(cast.bram, forum, "vraag", thread_id=first)
    answer = await bot.send_message(
        forum, "antwoord", message_thread_id=second,
        reply_parameters=ReplyParameters(asked["message_id"], allow_sending_without_reply=True),
    )
    assert answer.message_thread_id == first
    gone = await bot.send_message(
        forum, "toch", message_thread_id=second,
        reply_parameters=ReplyParameters(424242, allow_sending_without_reply=True),
    )
    assert gone.message_thread_id == second and gone.reply_to_message is not None
    assert gone.reply_to_message.message_id == second  # the quirk: the topic's first message


async def test_a_closed_topic_takes_messages_from_admins_only(bot: Bot, cast: Cast) -> None:
    forum = -1009997
    await cast.tg.add_group(forum, "Opleiding", forum=True, admins=[cast.anna], members=[cast.bram])
    thread = await cast.tg.add_topic(forum, "Groep A")
    await cast.tg.set_bot_admin(forum)
    await bot.close_forum_topic(forum, thread)
    assert await bot.send_message(forum, "als beheerder", message_thread_id=thread)
    await cast.tg.set_bot_admin(forum, False)
    with pytest.raises(BadRequest, match="(?i)TOPIC_CLOSED"):
        await bot.send_message(forum, "als lid", message_thread_id=thread)
    with pytest.raises(ControlError, match="TOPIC_CLOSED"):
        await cast.tg.send_text(cast.bram, forum, "ik ook", thread_id=thread)
    assert await cast.tg.send_text(cast.anna, forum, "beheerder mag", thread_id=thread)


async def test_a_reply_outside_a_topic_names_its_reply_chain_not_a_topic(
    bot: Bot, cast: Cast
) -> None:
    """Telegram (tdlib/telegram-bot-api#447): a reply in a plain supergroup or in a forum's
    General carries message_thread_id = its chain's first message, without is_topic_message;
    PTB's reply_text knows not to send there, a bot that sends to it in a forum is refused."""
    first = await cast.tg.send_text(cast.bram, cast.group, "vraag")
    reply = await cast.tg.send_text(cast.anna, cast.group, "antwoord", reply_to=first["message_id"])
    assert reply["message_thread_id"] == first["message_id"] and "is_topic_message" not in reply
    again = await cast.tg.send_text(cast.bram, cast.group, "nog een", reply_to=reply["message_id"])
    assert again["message_thread_id"] == first["message_id"]
    forum = -1009996
    await cast.tg.add_group(forum, "Opleiding", forum=True, admins=[cast.anna], members=[cast.bram])
    await cast.tg.add_topic(forum, "Groep A")
    await fetched_texts(bot)
    asked = await cast.tg.send_text(cast.bram, forum, "in General")
    answered = await cast.tg.send_text(cast.anna, forum, "ja", reply_to=asked["message_id"])
    assert answered["message_thread_id"] == asked["message_id"]
    message = (await bot.get_updates(timeout=0))[-1].message
    assert message is not None and not message.is_topic_message
    sent = await message.reply_text("gezien")  # PTB leaves the chain's id out
    assert sent.message_thread_id == asked["message_id"] and not sent.is_topic_message
    with pytest.raises(BadRequest, match="(?i)message thread not found"):
        await bot.send_message(forum, "x", message_thread_id=asked["message_id"])


async def test_an_upgrade_to_a_supergroup_tells_the_bot_it_joined_the_new_chat(
    bot: Bot, cast: Cast
) -> None:
    """As Telegram does (tdlib/telegram-bot-api#266): besides the two migrate messages, a
    my_chat_member "joined" (from left) for the new chat, and no "left" for the old one."""
    await cast.tg.add_group(-4002, "Basisgroep", supergroup=False, admins=[cast.anna])
    await bot.get_updates(offset=-1, timeout=0)
    seen = await bot.get_updates(timeout=0)
    await bot.get_updates(offset=seen[-1].update_id + 1 if seen else None, timeout=0)
    new_id = await cast.tg.migrate_to_supergroup(-4002)
    updates = await bot.get_updates(timeout=0)
    joined = [u.my_chat_member for u in updates if u.my_chat_member]
    assert [(c.chat.id, c.old_chat_member.status, c.new_chat_member.status)
            for c in joined] == [(new_id, "left", "member")]
    moves = [(u.message.chat_id, u.message.migrate_to_chat_id, u.message.migrate_from_chat_id)
             for u in updates if u.message]
    assert moves == [(-4002, new_id, None), (new_id, None, -4002)]
