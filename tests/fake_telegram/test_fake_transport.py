"""The server's edges as a client sees them: tokens on downloads, unknown file paths, how
chats are named in parameters, and what the call log says of a dropped connection."""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx
import pytest

from fake_telegram import FakeTelegramServer
from fake_telegram.params import Params
from fake_telegram.server import _long_poll

if TYPE_CHECKING:
    from tests.fake_telegram.conftest import Cast


async def test_a_download_needs_the_bots_token(
    cast: Cast, api: httpx.AsyncClient, server: FakeTelegramServer
) -> None:
    sent = await cast.tg.send_video(cast.bram, cast.group, b"not a clip", kind="document")
    got = await api.post("getFile", json={"file_id": sent["document"]["file_id"]})
    path = got.json()["result"]["file_path"]
    async with httpx.AsyncClient(base_url=server.url) as http:
        assert (await http.get(f"/file/bot{server.token}/{path}")).status_code == 200
        wrong = await http.get(f"/file/bot1:wrong/{path}")
        missing = await http.get(f"/file/bot{server.token}/documents/file_999.bin")
    assert wrong.status_code == 401 and wrong.json()["description"] == "Unauthorized"
    assert missing.status_code == 404 and missing.json()["description"] == "Not Found"


async def test_a_public_group_can_be_named_by_its_username(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    await cast.tg.add_group(-100777, "Open groep", supergroup=True, admins=[cast.anna],
                            username="open_groep")
    sent = await api.post("sendMessage", json={"chat_id": "@Open_Groep", "text": "hallo"})
    assert sent.is_success and sent.json()["result"]["chat"]["id"] == -100777
    unknown = await api.post("sendMessage", json={"chat_id": "open_groep", "text": "hallo"})
    assert unknown.json()["description"] == "Bad Request: chat not found"


async def test_form_booleans_may_be_1(cast: Cast, api: httpx.AsyncClient) -> None:
    sent = await api.post(
        "sendMessage",
        data={"chat_id": str(cast.group), "text": "toch", "reply_to_message_id": "999",
              "allow_sending_without_reply": "1"},
    )
    assert sent.is_success, sent.json()


async def test_a_reset_connection_is_logged_without_a_status(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    await cast.tg.set_faults(1.0, ["reset"], seed=1)
    try:
        await api.post("getMe")
    except httpx.TransportError:
        pass
    await cast.tg.set_faults(0)
    assert [c["status"] for c in await cast.tg.calls("getMe")] == [0]


def test_only_get_updates_holds_a_fault_for_its_long_poll() -> None:
    assert _long_poll("getUpdates", Params({"timeout": "30"})) == 30.0
    assert _long_poll("sendMessage", Params({"timeout": "30"})) == 0.0
    assert _long_poll("getUpdates", Params({"timeout": "soon"})) == 0.0


async def test_a_slow_answer_comes_after_the_call_took_effect(
    cast: Cast, api: httpx.AsyncClient
) -> None:
    await cast.tg.arm_slow_answer("sendMessage", seconds=1.0)
    with pytest.raises(httpx.ReadTimeout):  # the client gave up: did it go through?
        await api.post("sendMessage", json={"chat_id": cast.anna, "text": "laat"},
                       timeout=httpx.Timeout(5.0, read=0.1))
    assert [m["text"] for m in await cast.tg.bot_messages(cast.anna)] == ["laat"]
    assert (await api.post("sendMessage", json={"chat_id": cast.anna, "text": "op tijd"})).is_success
