"""Chats, members, topics and invite links as the bot sees them, at their edges, with the
errors Telegram words for each."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from tests.fake_telegram.conftest import Cast


async def _call(api: httpx.AsyncClient, method: str, **params: Any) -> dict[str, Any]:
    answer: dict[str, Any] = (await api.post(method, json=params)).json()
    return answer


def _refusal(answer: dict[str, Any]) -> str:
    assert answer["ok"] is False, answer
    return str(answer["description"])


async def test_a_group_the_bot_left_cannot_be_looked_into(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    await cast.tg.set_bot_status(cast.group, "left")
    for method in ("getChat", "getChatMemberCount", "getChatAdministrators"):
        answer = await _call(api, method, chat_id=cast.group)
        assert _refusal(answer) == "Forbidden: bot is not a member of the supergroup chat"


async def test_members_are_counted_and_looked_up_where_they_are(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    await cast.tg.remove_member(cast.group, cast.cato)
    count = await _call(api, "getChatMemberCount", chat_id=cast.group)
    assert count["result"] == 3  # Anna, Bram and the bot
    left = await _call(api, "getChatMember", chat_id=cast.group, user_id=cast.cato)
    assert left["result"]["status"] == "left"
    other = await _call(api, "getChatMember", chat_id=cast.anna, user_id=cast.bram)
    assert _refusal(other) == "Bad Request: user not found"
    admins = await _call(api, "getChatAdministrators", chat_id=cast.anna)
    assert "no administrators in the private chat" in _refusal(admins)


async def test_topics_need_a_forum_and_an_admin_bot(cast: Cast, api: httpx.AsyncClient) -> None:
    not_forum = await _call(api, "createForumTopic", chat_id=cast.group, name="Groep A")
    assert _refusal(not_forum) == "Bad Request: the chat is not a forum"
    await cast.tg.add_group(-100555, "Forum", forum=True, admins=[cast.anna])
    no_rights = await _call(api, "createForumTopic", chat_id=-100555, name="Groep A")
    assert _refusal(no_rights) == "Bad Request: not enough rights to create a topic"
    await cast.tg.set_bot_admin(-100555)
    made = await _call(api, "createForumTopic", chat_id=-100555, name="Groep A")
    thread = made["result"]["message_thread_id"]
    created = [v for v in await cast.tg.bot_messages(-100555) if v["service"]]
    assert created[-1]["message_id"] == thread  # a topic is named by its first message
    unknown = await _call(api, "closeForumTopic", chat_id=-100555, message_thread_id=999)
    assert _refusal(unknown) == "Bad Request: message thread not found"


async def test_invite_links_need_an_admin_bot_and_keep_their_limit(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    refused = await _call(api, "createChatInviteLink", chat_id=cast.group, member_limit=1)
    assert "not enough rights to manage chat invite links" in _refusal(refused)
    await cast.tg.set_bot_admin(cast.group)
    link = await _call(api, "createChatInviteLink", chat_id=cast.group, member_limit=5)
    assert link["result"]["member_limit"] == 5


async def test_an_invite_link_without_limits_has_none(cast: Cast, api: httpx.AsyncClient) -> None:
    """As on Telegram: no limit and no expiry unless asked (the fake gave 1 and a day)."""
    await cast.tg.set_bot_admin(cast.group)
    link = (await _call(api, "createChatInviteLink", chat_id=cast.group))["result"]
    assert "member_limit" not in link and "expire_date" not in link


async def test_a_private_chats_information_has_no_language(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    """getChat answers a ChatFullInfo, which has no language_code (a User has)."""
    info = (await _call(api, "getChat", chat_id=cast.bram))["result"]
    assert "language_code" not in info
