"""Each coach gets their own drawing of a cycle's chart. The charts of one cycle for two
coaches have the same name, and each coach's send lane draws, uploads and deletes its copy
side by side with the other's: one shared file on disk was overwritten or deleted under the
first coach's upload (found by a review: a 0-byte picture, refused by Telegram, or the
other coach's picture)."""
from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from bot.engine.delivery import Delivery
from bot.engine.outgoing import Chart

COACHES = (501, 502)
PNG = b"\x89PNG"


class _SlowUploads:
    """Telegram's side: reads the picture a moment after the upload starts, as a real upload
    over the network does."""

    def __init__(self) -> None:
        self.pictures: dict[int, bytes] = {}

    async def send_photo(self, chat_id: int, photo: Any, **kwargs: Any) -> None:
        await asyncio.sleep(0.3)
        self.pictures[chat_id] = photo.read()


def _chart(coach: int, title: str) -> Chart:
    return Chart(coach, "participation", [["Bram", 2, 1, 0, 0, 0]], title,
                 {"activating": "a", "neutral": "n", "compensating": "c", "welcome": "w",
                  "spoken": "s", "axis": "x"}, "Deelname", "cycle-7.png")


async def test_two_coaches_charts_of_one_cycle_are_each_sent_whole(tmp_path: Path) -> None:
    bot = _SlowUploads()
    deliver = Delivery(bot, tmp_path, asyncio.Semaphore(2))  # type: ignore[arg-type]

    async def second() -> None:
        await asyncio.sleep(0.05)
        await deliver(_chart(COACHES[1], "Anna's cycle 1"))  # an English-speaking coach

    await asyncio.gather(deliver(_chart(COACHES[0], "Cyclus 1 van Anna")), second())
    assert set(bot.pictures) == set(COACHES)
    assert all(picture.startswith(PNG) and len(picture) > 1000
               for picture in bot.pictures.values())
    assert bot.pictures[COACHES[0]] != bot.pictures[COACHES[1]]  # each their own language
    assert not list((tmp_path / "charts").iterdir())  # each copy deleted once sent
