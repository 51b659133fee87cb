"""What people do and how Telegram shapes it for the bot, at the edges: replies and threads in
every kind of chat, blocking, kicking, privacy mode's exceptions, member changes, migration,
anonymous admins, edits and button presses."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx
import pytest

from fake_telegram import ControlError

if TYPE_CHECKING:
    from tests.fake_telegram.conftest import Cast


async def _call(api: httpx.AsyncClient, method: str, **params: Any) -> dict[str, Any]:
    answer: dict[str, Any] = (await api.post(method, json=params)).json()
    return answer


async def _updates(api: httpx.AsyncClient, **params: Any) -> list[dict[str, Any]]:
    pending: list[dict[str, Any]] = (await _call(api, "getUpdates", timeout=0, **params))["result"]
    if pending:
        await _call(api, "getUpdates", timeout=0, offset=pending[-1]["update_id"] + 1)
    return pending


async def test_a_reply_in_a_basic_group_names_no_thread(cast: Cast) -> None:
    await cast.tg.add_group(-4001, "Basisgroep", admins=[cast.anna], members=[cast.bram])
    asked = await cast.tg.send_text(cast.bram, -4001, "vraag")
    answer = await cast.tg.send_text(cast.anna, -4001, "antwoord", reply_to=asked["message_id"])
    assert "message_thread_id" not in answer


async def test_a_replied_message_comes_without_its_own_reply(cast: Cast) -> None:
    first = await cast.tg.send_text(cast.bram, cast.group, "een")
    second = await cast.tg.send_text(cast.anna, cast.group, "twee", reply_to=first["message_id"])
    third = await cast.tg.send_text(cast.bram, cast.group, "drie", reply_to=second["message_id"])
    assert third["reply_to_message"]["text"] == "twee"
    assert "reply_to_message" not in third["reply_to_message"]


async def test_a_thread_in_a_plain_supergroup_must_be_a_message(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    refused = await _call(api, "sendMessage", chat_id=cast.group, text="x",
                          message_thread_id=424242)
    assert refused["description"] == "Bad Request: message thread not found"
    first = await cast.tg.send_text(cast.bram, cast.group, "vraag")
    sent = await _call(api, "sendMessage", chat_id=cast.group, text="in de draad",
                       message_thread_id=first["message_id"])
    assert sent["ok"]
    assert (await cast.tg.bot_messages(cast.group))[-1]["thread_id"] is None  # no topic


async def test_a_message_without_its_missing_reply_names_no_reply(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    await _call(api, "sendMessage", chat_id=cast.group, text="toch",
                reply_parameters={"message_id": 999, "allow_sending_without_reply": True})
    assert (await cast.tg.bot_messages(cast.group))[-1]["reply_to"] is None


async def test_blocked_beats_never_started_and_kicked_is_named(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    await cast.tg.block_bot(cast.cato)  # Cato never pressed Start
    blocked = await _call(api, "sendMessage", chat_id=cast.cato, text="hoi")
    assert blocked["description"] == "Forbidden: bot was blocked by the user"
    await cast.tg.set_bot_status(cast.group, "kicked")
    kicked = await _call(api, "sendMessage", chat_id=cast.group, text="hoi")
    assert kicked["description"] == "Forbidden: bot was kicked from the supergroup chat"


async def test_a_bot_that_left_hears_nothing_of_the_group(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    await cast.tg.set_bot_status(cast.group, "left")
    await _updates(api)
    sent = await cast.tg.send_text(cast.bram, cast.group, "zonder bot")
    assert await _updates(api) == []
    view = [v for v in await cast.tg.messages(cast.group) if v["message_id"] == sent["message_id"]]
    assert view[0]["delivered"] is False


async def test_privacy_mode_lets_service_messages_through(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    await cast.tg.set_privacy_mode(True)
    await _updates(api)
    await cast.tg.add_user(104, "Dirk")
    await cast.tg.add_member(cast.group, 104, added_by=cast.anna)
    (update,) = await _updates(api)
    assert update["message"]["new_chat_members"][0]["id"] == 104


async def test_only_an_admin_bot_hears_of_other_members(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    await _updates(api, allowed_updates=["message", "chat_member", "my_chat_member"])
    await cast.tg.set_admin(cast.group, cast.bram, True)
    assert await _updates(api) == []
    await cast.tg.set_bot_admin(cast.group)
    await _updates(api)
    await cast.tg.set_admin(cast.group, cast.cato, True)
    (update,) = await _updates(api)
    change = update["chat_member"]
    assert change["new_chat_member"]["status"] == "administrator"
    assert change["from"]["id"] == cast.anna  # the creator made the change


async def test_an_admin_in_a_forum_manages_topics(cast: Cast, api: httpx.AsyncClient) -> None:
    await cast.tg.add_group(-100556, "Forum", forum=True, admins=[cast.anna, cast.bram])
    member = await _call(api, "getChatMember", chat_id=-100556, user_id=cast.bram)
    assert member["result"]["can_manage_topics"] is True
    plain = await _call(api, "getChatMember", chat_id=cast.group, user_id=cast.anna)
    assert "can_manage_topics" not in plain["result"]


async def test_unblocking_tells_the_bot_it_is_back(cast: Cast, api: httpx.AsyncClient) -> None:
    await cast.tg.block_bot(cast.anna)
    await _updates(api)
    await cast.tg.start_private_chat(cast.anna)
    back, start = await _updates(api)
    change = back["my_chat_member"]
    assert (change["old_chat_member"]["status"], change["new_chat_member"]["status"]) == (
        "kicked", "member")
    assert start["message"]["text"] == "/start"


async def test_promoting_the_bot_is_no_joining(cast: Cast, api: httpx.AsyncClient) -> None:
    await _updates(api)
    await cast.tg.set_bot_admin(cast.group)
    (update,) = await _updates(api)
    assert "my_chat_member" in update  # no new_chat_members message: it was there already


async def test_removed_by_an_admin_is_kicked_leaving_is_left(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    await cast.tg.remove_member(cast.group, cast.bram, by=cast.anna)
    await cast.tg.remove_member(cast.group, cast.cato)
    statuses = [
        (await _call(api, "getChatMember", chat_id=cast.group, user_id=u))["result"]["status"]
        for u in (cast.bram, cast.cato)
    ]
    assert statuses == ["kicked", "left"]


async def test_adding_someone_already_there_changes_nothing(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    await _updates(api)
    await cast.tg.add_member(cast.group, cast.anna)  # the creator
    assert await _updates(api) == []


async def test_a_group_the_bot_left_migrates_without_telling_it_it_joined(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    await cast.tg.add_group(-4003, "Basisgroep", admins=[cast.anna])
    await cast.tg.set_bot_status(-4003, "left")
    await _updates(api)
    new_id = await cast.tg.migrate_to_supergroup(-4003)
    assert new_id == -1004003
    assert [u for u in await _updates(api) if "my_chat_member" in u] == []


async def test_writing_to_the_bot_lets_it_answer(cast: Cast, api: httpx.AsyncClient) -> None:
    await cast.tg.send_text(cast.cato, cast.cato, "hallo")  # a message instead of Start
    assert (await _call(api, "sendMessage", chat_id=cast.cato, text="hoi"))["ok"]


async def test_an_anonymous_admin_writes_as_the_group(cast: Cast) -> None:
    sent = await cast.tg.send_text(cast.anna, cast.group, "anoniem", as_chat="group")
    assert sent["from"]["username"] == "GroupAnonymousBot"
    assert sent["sender_chat"]["id"] == cast.group


async def test_a_persons_edit_keeps_the_earlier_text(cast: Cast) -> None:
    sent = await cast.tg.send_text(cast.bram, cast.group, "eerst")
    await cast.tg.edit_text(cast.bram, cast.group, sent["message_id"], "later")
    (view,) = [v for v in await cast.tg.messages(cast.group) if v["message_id"] == sent["message_id"]]
    assert view["text"] == "later" and view["history"] == ["eerst"]


async def test_a_click_names_callback_data_before_text(cast: Cast, api: httpx.AsyncClient) -> None:
    markup = {"inline_keyboard": [[{"text": "b", "callback_data": "a"},
                                   {"text": "a", "callback_data": "b"}]]}
    sent = await _call(api, "sendMessage", chat_id=cast.anna, text="kies", reply_markup=markup)
    message_id = sent["result"]["message_id"]
    await _updates(api)
    await cast.tg.click(cast.anna, message_id, "a", chat_id=cast.anna)
    (update,) = await _updates(api)
    assert update["callback_query"]["data"] == "a"
    await _call(api, "deleteMessage", chat_id=cast.anna, message_id=message_id)
    with pytest.raises(ControlError, match="no message"):
        await cast.tg.click(cast.anna, message_id, "a", chat_id=cast.anna)


async def test_people_the_world_refuses(cast: Cast) -> None:
    await cast.tg.block_bot(cast.anna)
    with pytest.raises(ControlError, match="blocked the bot"):
        await cast.tg.send_text(cast.anna, cast.anna, "hoi")
    bot_id = (await cast.tg.state())["bot"]["id"]
    with pytest.raises(ControlError, match="differ from the bot's"):
        await cast.tg.add_user(bot_id, "Nep")


async def test_an_upgraded_group_names_its_new_id(cast: Cast, api: httpx.AsyncClient) -> None:
    await cast.tg.add_group(-4004, "Basisgroep", admins=[cast.anna])
    new_id = await cast.tg.migrate_to_supergroup(-4004)
    answer = await api.post("sendMessage", json={"chat_id": -4004, "text": "hallo"})
    assert answer.status_code == 400
    assert answer.json() == {
        "ok": False, "error_code": 400,
        "description": "Bad Request: group chat was upgraded to a supergroup chat",
        "parameters": {"migrate_to_chat_id": new_id},
    }


async def test_the_kicked_are_not_in_the_group(cast: Cast, api: httpx.AsyncClient) -> None:
    await cast.tg.remove_member(cast.group, cast.cato, by=cast.anna)
    assert (await _call(api, "getChatMemberCount", chat_id=cast.group))["result"] == 3
    with pytest.raises(ControlError, match="not a member"):
        await cast.tg.send_text(cast.cato, cast.group, "toch")
    await cast.tg.set_bot_status(cast.group, "kicked")
    await _updates(api)
    await cast.tg.send_text(cast.bram, cast.group, "zonder bot")
    assert await _updates(api) == []
