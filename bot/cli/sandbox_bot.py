"""The bot as `intervision sandbox` starts it: `intervision run`, with its checks at start, but
on the sandbox's clock, which the page can move on (bot/startup/sandbox_clock.py). Started as
`python -m bot.cli.sandbox_bot` with INTERVISION_SANDBOX_CLOCK naming the clock's file."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from bot.cli.main import configure_logging, load_config
from bot.startup.run import run_bot
from bot.startup.sandbox_clock import CLOCK_FILE_VARIABLE, install

log = logging.getLogger(__name__)


def main() -> int:
    clock_file = os.environ.get(CLOCK_FILE_VARIABLE)
    if not clock_file:
        raise SystemExit(f"{CLOCK_FILE_VARIABLE} is not set: use `intervision run` instead")
    config = load_config()
    configure_logging(config.log_level, config.token)
    log.info("sandbox clock from %s", clock_file)
    return run_bot(config, adapt=lambda app: install(app, Path(clock_file)))


if __name__ == "__main__":
    raise SystemExit(main())
