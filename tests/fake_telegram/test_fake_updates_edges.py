"""getUpdates and the bot's own settings at their edges: at most 100 updates a call, the order
of a redelivered update, chat_member only when asked, webhooks and command lists."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from tests.fake_telegram.conftest import Cast


async def _updates(api: httpx.AsyncClient, **params: Any) -> list[dict[str, Any]]:
    answer = await api.post("getUpdates", json={"timeout": 0} | params)
    assert answer.is_success, answer.json()
    result: list[dict[str, Any]] = answer.json()["result"]
    return result


async def _drain(api: httpx.AsyncClient) -> None:
    pending = await _updates(api)
    if pending:
        await _updates(api, offset=pending[-1]["update_id"] + 1)


async def test_at_most_100_updates_come_in_one_call(cast: Cast, api: httpx.AsyncClient) -> None:
    await _drain(api)
    for n in range(101):
        await cast.tg.send_text(cast.anna, cast.anna, f"m{n}")
    assert len(await _updates(api, limit=500)) == 100


async def test_a_redelivered_update_comes_before_newer_ones(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    """Otherwise a bot confirming by its last update would be handed the newer ones again."""
    await _drain(api)
    await cast.tg.send_text(cast.anna, cast.anna, "once")
    (old,) = await _updates(api)
    await _updates(api, offset=old["update_id"] + 1)
    await cast.tg.send_text(cast.anna, cast.anna, "new")
    await cast.tg.redeliver_last_update()
    ids = [u["update_id"] for u in await _updates(api, offset=old["update_id"] + 1)]
    assert ids == [old["update_id"], old["update_id"] + 1]


async def test_the_last_of_several_confirmed_updates_is_redelivered(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    await _drain(api)
    for text in ("een", "twee"):
        await cast.tg.send_text(cast.anna, cast.anna, text)
    pending = await _updates(api)
    await _updates(api, offset=pending[-1]["update_id"] + 1)
    assert await cast.tg.redeliver_last_update() == pending[-1]["update_id"]


async def test_chat_member_updates_come_only_when_asked(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    await cast.tg.set_bot_admin(cast.group)
    await _drain(api)
    await cast.tg.set_admin(cast.group, cast.bram, True)
    assert await _updates(api) == []  # not among Telegram's default kinds
    await _updates(api, allowed_updates=["message", "chat_member"])
    await cast.tg.set_admin(cast.group, cast.bram, False)
    (update,) = await _updates(api)
    assert update["chat_member"]["new_chat_member"]["status"] == "member"


async def test_a_webhook_stops_get_updates_and_may_drop_what_waits(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    await api.post("setWebhook", json={"url": "https://bot.example.nl/hook"})
    refused = await api.post("getUpdates", json={"timeout": 0})
    assert refused.status_code == 409
    assert "can't use getUpdates method while webhook is active" in refused.json()["description"]
    await cast.tg.send_text(cast.anna, cast.anna, "hallo")
    await api.post("deleteWebhook", json={"drop_pending_updates": True})
    assert await cast.tg.pending_updates() == 0
    assert await _updates(api) == []


async def test_a_reset_drops_a_pending_redelivery(cast: Cast, api: httpx.AsyncClient) -> None:
    await _drain(api)
    await cast.tg.redeliver_last_update()
    await cast.tg.reset()
    assert await cast.tg.pending_updates() == 0


async def _set_commands(api: httpx.AsyncClient, commands: list[dict[str, str]],
                        **params: Any) -> httpx.Response:
    return await api.post("setMyCommands", json={"commands": commands} | params)


async def test_command_lists_are_checked_as_telegram_checks_them(
    api: httpx.AsyncClient,
) -> None:
    ok = {"command": "c" * 32, "description": "d" * 256}
    assert (await _set_commands(api, [ok])).is_success
    assert (await _set_commands(api, [ok] * 100)).is_success
    refusals = {
        "BOT_COMMAND_INVALID": [ok | {"command": "c" * 33}],
        "BOT_COMMAND_DESCRIPTION_INVALID": [ok | {"description": "d" * 257}],
        "command description must be non-empty": [ok | {"description": " "}],
        "can't parse commands": [ok] * 101,
    }
    for description, commands in refusals.items():
        answer = await _set_commands(api, commands)
        assert answer.status_code == 400 and description in answer.json()["description"]


async def test_a_scopes_chat_id_may_come_as_text(cast: Cast, api: httpx.AsyncClient) -> None:
    scope = {"type": "chat", "chat_id": str(cast.group)}
    answer = await _set_commands(api, [{"command": "x", "description": "y"}], scope=scope)
    assert answer.is_success
    assert await cast.tg.commands({"type": "chat", "chat_id": cast.group}) == [
        {"command": "x", "description": "y"}
    ]
