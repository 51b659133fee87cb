"""The fake Bot API on its own, for a bot started elsewhere (a container, a debugger):

    python -m fake_telegram --port 8081 --token 123456:ABC... [--local-files DIR]

People, groups and messages are made through its control API (fake_telegram.control).
`--local-files` answers getFile as the official server does in --local mode (docs/docker.md,
set-up B). Stops on Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
from pathlib import Path

from .server import FakeTelegramServer


async def serve(args: argparse.Namespace) -> None:
    server = FakeTelegramServer(args.token, host=args.host, port=args.port)
    if args.local_files:
        server.world.local_files = Path(args.local_files)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    async with server:
        await stop.wait()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m fake_telegram", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", required=True)
    parser.add_argument("--local-files", help="a folder: answer getFile as in --local mode")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
