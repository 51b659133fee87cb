"""What the measurement scripts share: a fake Telegram in this process, the bot (or the bare
echo bot) as a child process pointed at it, and the child's figures read from /proc.

The scripts measure the bot from the outside only: the fake's control API, the process, and
the bot's SQLite file opened read-only. Nothing here imports bot/ (it is being rewritten).
"""
from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from fake_telegram import FakeTelegramControl, FakeTelegramServer
from fake_telegram.botprocess import RUN_COMMAND, BotProcess, bot_env
from fake_telegram.demo import DemoGroup, Person, create_demo_world
from fake_telegram.limits import FaultSettings

HERE = Path(__file__).resolve().parent
ECHO_COMMAND = (sys.executable, str(HERE / "echo_bot.py"))
TOKEN = "123456789:AAE2eFakeTokenForIntervisionBenchmarks"
NAMES = ("Anna", "Bram", "Cato", "Daan")

# A realistic mix for the reality phase: questions, observations, tips, feelings, thanks.
TALK_MIX = (
    "Wat merkte je bij jezelf toen het rumoerig bleef?",
    "Op 0:02 staan drie leerlingen nog bij de deur.",
    "Je zou meer wachttijd kunnen geven na je vraag.",
    "Wat zag je op 1:23 gebeuren?",
    "op 0:45 draait Tim zich om naar het raam",
    "Misschien zou je de groepjes kleiner kunnen maken.",
    "Je wilt rust, maar je bent bang dat je ze kwijtraakt.",
    "Hoe reageerden de leerlingen achterin op je uitleg?",
    "Ik zie dat je telkens naar het bord loopt als het stil wordt.",
    "Dank je voor het delen, herkenbaar!",
    "Wat gebeurde er vlak voordat Sara begon te praten?",
    "Probeer eens een vast startritueel na de pauze.",
)


@dataclass
class Rig:
    server: FakeTelegramServer
    tg: FakeTelegramControl
    bot: BotProcess
    workdir: Path

    @property
    def db_path(self) -> Path:
        return self.workdir / "intervision.db"


@asynccontextmanager
async def rig(workdir: Path, *, echo: bool = False, env: dict[str, str] | None = None,
              limits: bool = False, faults: FaultSettings | None = None,
              log_name: str = "bot.log") -> AsyncIterator[Rig]:
    """A running fake server and a (not yet started) bot process whose database and log live
    in `workdir`."""
    workdir.mkdir(parents=True, exist_ok=True)
    server = FakeTelegramServer(TOKEN, limits=limits, faults=faults or FaultSettings())
    await server.start()
    tg = FakeTelegramControl(server.url, timeout=60.0)
    data_dir = workdir / "data"
    data_dir.mkdir(exist_ok=True)
    process_env = bot_env(server.url, server.token, db_path=workdir / "intervision.db",
                          data_dir=data_dir, log_level="WARNING")
    process_env.update(env or {})
    bot = BotProcess(tg, process_env, log_path=workdir / log_name,
                     command=ECHO_COMMAND if echo else RUN_COMMAND)
    try:
        yield Rig(server, tg, bot, workdir)
    finally:
        await bot.shutdown()
        await tg.aclose()
        await server.stop()


def demo_groups(count: int, *, first_chat: int = -1002000000000,
                first_user: int = 20_000) -> list[DemoGroup]:
    """`count` groups of four (Anna the admin, Bram, Cato, Daan), each with its own people."""
    return [
        DemoGroup(chat_id=first_chat - n, title=f"Intervisiegroep {n + 1}",
                  people=tuple(Person(first_user + 10 * n + k, name, f"{name.lower()}{n}")
                               for k, name in enumerate(NAMES)))
        for n in range(count)
    ]


async def create_worlds(tg: FakeTelegramControl, groups: Sequence[DemoGroup], *,
                        announce_bot: bool = True) -> None:
    for group in groups:
        await create_demo_world(tg, group, announce_bot=announce_bot)


async def confirm_pending_updates(server: FakeTelegramServer) -> None:
    """Confirms every queued update through getUpdates, as a bot would, so that a bot started
    afterwards does not first answer the people's /start of a prepared world."""
    async with httpx.AsyncClient(base_url=f"{server.api_base_url}{server.token}/") as api:
        last = (await api.post("getUpdates", json={"offset": -1, "timeout": 0})).json()
        if last["result"]:
            offset = last["result"][-1]["update_id"] + 1
            await api.post("getUpdates", json={"offset": offset, "timeout": 0})


# ----- the process from the outside -------------------------------------------------------

def cpu_seconds(pid: int) -> float:
    """utime + stime of the process, from /proc/<pid>/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def memory_mb(pid: int, field: str = "VmHWM") -> float:
    """VmHWM (peak resident set) or VmRSS of the process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def inject(tg: FakeTelegramControl, messages: Sequence[tuple[int, int, str]], *,
                 in_flight: int = 32) -> None:
    """Sends (user_id, chat_id, text) as fast as the control API takes them."""
    for start in range(0, len(messages), in_flight):
        await asyncio.gather(*(tg.send_text(u, c, t)
                               for u, c, t in messages[start:start + in_flight]))


async def wait_until(condition: object, timeout: float, every: float = 0.25) -> bool:
    """Polls the async callable `condition` until it is true or `timeout` passes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await condition():  # type: ignore[operator]
            return True
        await asyncio.sleep(every)
    return False


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b else "n/a"
