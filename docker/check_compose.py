"""Plays docs/docker.md's compose set-ups as written, from a fresh clone of this repository's
last commit, under the project name `intervision-check` (a real deployment's volumes are not
touched):

    .venv/bin/python docker/check_compose.py              # set-up A: the bot alone
    .venv/bin/python docker/check_compose.py --local-api  # set-up B: with a local Bot API server

Telegram is replaced by the project's fake Bot API: in A it runs on this host (an override file
gives the bot `host.docker.internal`); in B it takes the place of the official server in the
`bot-api` service (same service name, port, volume and --local way of answering), since that
server needs Telegram itself. Everything else is docker/compose.yaml and the docs' docker/.env.
Needs Docker Compose v2.20 or later. Prints each step; exits 1 on the first that fails.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from check import TOKEN, docker, play, step

from fake_telegram import FakeTelegramControl, FakeTelegramServer
from fake_telegram.demo import create_demo_world

ROOT = Path(__file__).resolve().parents[1]
PROJECT = "intervision-check"
BOT = f"{PROJECT}-bot-1"
BOT_HEALTH = "  bot:\n    healthcheck: {interval: 2s}  # the image's own check, polled sooner\n"
OVERRIDE_A = BOT_HEALTH + "    extra_hosts: ['host.docker.internal:host-gateway']\n"
OVERRIDE_B = BOT_HEALTH + f"""  bot-api:  # the fake Bot API in the official server's place
    image: intervision-bot
    pull_policy: never
    entrypoint: [python, -m, fake_telegram, --host, 0.0.0.0, --port, '8081',
                 --token, '{TOKEN}', --local-files, /var/lib/telegram-bot-api]
    user: root
    healthcheck: {{disable: true}}
    ports: ['127.0.0.1::8081']  # its control API, for this check only
"""
ENV_B = f"""TELEGRAM_BOT_TOKEN={TOKEN}
TELEGRAM_API_ID=1234567
TELEGRAM_API_HASH=0123456789abcdef0123456789abcdef
TELEGRAM_API_BASE_URL=http://bot-api:8081/bot
TELEGRAM_FILE_BASE_URL=http://bot-api:8081/file/bot
TELEGRAM_LOCAL_MODE=1
INTERVISION_GROUP_MESSAGES_PER_MINUTE=1200
"""


class Compose:
    """`docker compose` in the fresh clone, with this check's project name and override."""

    def __init__(self, clone: Path, override: str, profile: bool) -> None:
        self.clone = clone
        (clone / "docker" / "check.override.yaml").write_text("services:\n" + override)
        self.args = ["compose", "-p", PROJECT, "-f", "docker/compose.yaml",
                     "-f", "docker/check.override.yaml", *(["--profile", "local-api"]
                                                           if profile else [])]

    async def __call__(self, *args: str, check: bool = True) -> str:
        return await docker(*self.args, *args, check=check, both=not check, cwd=self.clone)


def fresh_clone() -> Path:
    clone = Path(tempfile.mkdtemp(prefix="intervision-check-")) / "intervision"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    return clone


async def healthy(timeout: float = 120.0) -> str:
    deadline, status = time.monotonic() + timeout, ""
    while time.monotonic() < deadline and status not in ("healthy", "unhealthy"):
        await asyncio.sleep(1)
        status = await docker("inspect", "--format", "{{.State.Health.Status}}", BOT)
    return status


async def up(compose: Compose) -> None:
    began = time.monotonic()
    await compose("build")
    await compose("up", "-d")
    step("docker compose build && up -d", True, f"{time.monotonic() - began:.0f} s")


async def setup_a(clone: Path) -> None:
    async with FakeTelegramServer(TOKEN, host="0.0.0.0") as server:
        url = f"http://host.docker.internal:{server.port}"
        (clone / "docker" / ".env").write_text(
            f"TELEGRAM_BOT_TOKEN={TOKEN}\nINTERVISION_TIMEZONE=Europe/Amsterdam\n"
            f"TELEGRAM_API_BASE_URL={url}/bot\nTELEGRAM_FILE_BASE_URL={url}/file/bot\n"
            "INTERVISION_GROUP_MESSAGES_PER_MINUTE=1200\n")
        compose = Compose(clone, OVERRIDE_A, profile=False)
        async with FakeTelegramControl(server.url.replace("0.0.0.0", "127.0.0.1")) as tg:
            try:
                await up(compose)
                group = await create_demo_world(tg)
                await play(tg, group, clone)
                step("compose ps: healthy", await healthy() == "healthy")
                await compose("down")
                volumes = await docker("volume", "ls", "--format", "{{.Name}}")
                step("down keeps the data volume", f"{PROJECT}_data" in volumes.split())
                await compose("up", "-d")
                since = await tg.mark()
                await tg.send_text(group.admin.user_id, group.chat_id, "/roster")
                roster = await tg.wait_for_text(group.chat_id, "Leden", since=since, timeout=90)
                step("up again: the group is still known",
                     all(p.first_name in (roster["text"] or "") for p in group.members))
            finally:
                await compose("down", "-v", check=False)


async def setup_b(clone: Path) -> None:
    (clone / "docker" / ".env").write_text(ENV_B)
    compose = Compose(clone, OVERRIDE_B, profile=True)
    try:
        await up(compose)
        address = (await compose("port", "bot-api", "8081")).rsplit(":", 1)[1]
        async with FakeTelegramControl(f"http://127.0.0.1:{address}") as tg:
            for _ in range(60):  # the bot-api container starts its server
                try:
                    await tg.mark()
                    break
                except httpx.HTTPError:
                    await asyncio.sleep(1)
            group = await create_demo_world(tg)
            await play(tg, group, clone, megabytes=21)
        step("compose ps: healthy", await healthy() == "healthy")
        wrote = await compose("exec", "-T", "bot", "touch", "/var/lib/telegram-bot-api/x",
                              check=False)
        step("the bot cannot write to the server's volume", "Read-only" in wrote, wrote)
    finally:
        await compose("down", "-v", check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--local-api", action="store_true", help="set-up B")
    local_api = parser.parse_args().local_api
    asyncio.run((setup_b if local_api else setup_a)(fresh_clone()))


if __name__ == "__main__":
    main()
