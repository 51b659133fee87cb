"""Checks a built image as a group would meet it: the container runs as a non-root user, talks
to a Bot API (here the project's fake one on this host), plays a whole cycle with a real clip
(ffmpeg inside the image makes the storyboard), turns healthy, stops cleanly on SIGTERM, and
after a restart still knows the group (the data volume). Its log never shows the token.

    docker build -f docker/Dockerfile -t intervision-bot .
    .venv/bin/python docker/check.py [--image intervision-bot]

Needs a Docker engine; the container reaches this host as host.docker.internal.
Prints each step and exits 1 on the first that fails. Not part of the test suite (CI has no
Docker engine); docs/docker.md says when it was last run and what it printed.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fake_telegram import FakeTelegramControl, FakeTelegramServer
from fake_telegram.demo import DemoGroup, create_demo_world
from fake_telegram.scenes import Cycle, grown, make_clip, set_up_group

NAME = "intervision-check"
TOKEN = "424242:docker-check-token-never-in-logs"


async def docker(*args: str, check: bool = True, both: bool = False,
                 cwd: Path | None = None) -> str:
    """The docker CLI, without blocking the loop that serves the fake Bot API. `both`: stdout
    and stderr together (a container's log goes to both)."""
    done = await asyncio.to_thread(subprocess.run, ["docker", *args], check=False,
                                   capture_output=True, text=True, cwd=cwd)
    if check and done.returncode != 0:
        raise SystemExit(f"docker {' '.join(args)} failed: {done.stderr.strip()}")
    return (done.stdout + done.stderr if both else done.stdout).strip()


def step(what: str, ok: bool, detail: str = "") -> None:
    print(f"{'ok  ' if ok else 'FAIL'} {what}{': ' + detail if detail else ''}", flush=True)
    if not ok:
        raise SystemExit(1)


async def start_container(image: str, server: FakeTelegramServer) -> None:
    url = f"http://host.docker.internal:{server.port}"
    await docker("run", "-d", "--name", NAME, "--init", "-v", f"{NAME}:/data",
           "--add-host", "host.docker.internal:host-gateway",
           "--health-interval", "2s", "--health-start-period", "60s",
           "-e", f"TELEGRAM_BOT_TOKEN={server.token}",
           "-e", f"TELEGRAM_API_BASE_URL={url}/bot",
           "-e", f"TELEGRAM_FILE_BASE_URL={url}/file/bot",
           "-e", "INTERVISION_GROUP_MESSAGES_PER_MINUTE=1200",  # the fake does not throttle
           image)


async def health(timeout: float = 90.0) -> str:
    deadline = time.monotonic() + timeout
    status = ""
    while time.monotonic() < deadline:
        status = await docker("inspect", "--format", "{{.State.Health.Status}}", NAME)
        if status in ("healthy", "unhealthy"):
            return status
        await asyncio.sleep(1)
    return status


async def play(tg: FakeTelegramControl, group: DemoGroup, folder: Path,
               megabytes: int = 0) -> None:
    """A group set up and one whole cycle, with a clip of at least `megabytes`."""
    await set_up_group(tg, group, timeout=60)
    clip = grown(make_clip(folder), megabytes) if megabytes else make_clip(folder)
    summary = await Cycle(tg, group, clip, timeout=60).play(
        group.members[0], "Ik ga na de pauze eerst wachten tot het stil is, zodat ik rust heb.")
    step("a whole cycle played, group summary posted", "Samenvatting" in (summary["text"] or ""))
    photos = [m for m in await tg.messages(group.chat_id) if m["media"] == "photo"]
    step("storyboard made by ffmpeg inside the container", bool(photos),
         f"from a {clip.stat().st_size / 2**20:.0f} MB clip" if megabytes else "")


async def check(image: str) -> None:
    user = await docker("run", "--rm", "--entrypoint", "id", image, "-u")
    step("runs as a non-root user", user not in ("", "0"), f"uid {user}")
    await docker("rm", "-f", NAME, check=False)
    await docker("volume", "rm", NAME, check=False)
    async with FakeTelegramServer(TOKEN, host="0.0.0.0") as server:
        tg = FakeTelegramControl(server.url.replace("0.0.0.0", "127.0.0.1"))
        group = await create_demo_world(tg)
        await start_container(image, server)
        try:
            await play(tg, group, Path(tempfile.mkdtemp(prefix="docker-check-")))
            status = await health()
            step("health check", status == "healthy", status)
            began = time.monotonic()
            await docker("stop", "--time", "30", NAME)
            code = await docker("inspect", "--format", "{{.State.ExitCode}}", NAME)
            step("stops cleanly on SIGTERM", code == "0",
                 f"exit {code} after {time.monotonic() - began:.1f} s")
            await docker("start", NAME)
            since = await tg.mark()
            await tg.send_text(group.admin.user_id, group.chat_id, "/roster")
            roster = await tg.wait_for_text(group.chat_id, "Leden", since=since, timeout=60)
            known = all(p.first_name in (roster["text"] or "") for p in group.members)
            step("after a restart the volume still holds the group", known)
            log = await docker("logs", NAME, both=True)
            step("the log never shows the token", TOKEN.split(":")[1] not in log,
                 f"{len(log.splitlines())} lines read")
        finally:
            await docker("rm", "-f", NAME, check=False)
            await docker("volume", "rm", NAME, check=False)
            await tg.aclose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--image", default="intervision-bot")
    asyncio.run(check(parser.parse_args().image))


if __name__ == "__main__":
    main()
