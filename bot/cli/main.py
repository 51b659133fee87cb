"""The `intervision` command line: run, sandbox, classify, migrate, export.

Each subcommand imports what it needs when it runs, so `classify` and `migrate` start without
loading python-telegram-bot."""
from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Sequence

from bot.startup import config as configuration


def configure_logging(level: str, token: str = "") -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from bot.startup.log_redaction import redact_token_in_logs
    redact_token_in_logs(token)
    # httpx logs every request URL at INFO, and the URL holds the bot token (SPEC section 6).
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


def load_config(require_token: bool = True, writes: bool = True) -> configuration.Config:
    try:
        return configuration.load(require_token=require_token, writes=writes)
    except configuration.ConfigError as error:
        print("The configuration has problems:", file=sys.stderr)
        for problem in error.problems:
            print(f"  - {problem}", file=sys.stderr)
        raise SystemExit(2) from None


def run(args: argparse.Namespace) -> int:
    config = load_config()
    configure_logging(config.log_level, config.token)
    from bot.startup.run import run_bot
    return run_bot(config)


def sandbox(args: argparse.Namespace) -> int:
    configure_logging("INFO")
    from bot.cli.sandbox import run_sandbox
    try:
        asyncio.run(run_sandbox(port=args.port))
    except KeyboardInterrupt:
        pass
    return 0


def classify(args: argparse.Namespace) -> int:
    from bot.cli.classify import run as classify_file
    return classify_file(args.file, sys.stdout)


def migrate(args: argparse.Namespace) -> int:
    config = load_config(require_token=False)
    from storage.db import Database, Upgrade, unusable

    async def apply() -> Upgrade:
        db = await Database.open(config.db_path, migrate=False)
        try:
            return await db.migrate()
        finally:
            await db.close()

    new = not config.db_path.exists()
    try:
        upgrade = asyncio.run(apply())
    except Exception as error:
        if (why := unusable(error)) is None:
            raise
        print(f"The database {config.db_path.resolve()} cannot be used: {why}",
              file=sys.stderr)
        return 2
    where = config.db_path.resolve()
    if new:  # a mistyped INTERVISION_DB must not pass for an upgrade (review ux22)
        print(f"created a new database {where} (schema {upgrade.after}): no database was "
              "there; check INTERVISION_DB if you meant an existing one")
    else:
        print(f"database {where}: {upgrade.described()}")
    return 0


def export(args: argparse.Namespace) -> int:
    config = load_config(require_token=False, writes=False)
    from bot.cli.export import run as export_run
    return export_run(config, args.group, args.format, sys.stdout)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="intervision", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    variables = ("Configured by environment variables (TELEGRAM_BOT_TOKEN, INTERVISION_DB, "
                 "INTERVISION_DATA_DIR, ...): see the table under 'Configuration' in README.md.")
    commands.add_parser(
        "run", help="run the bot (polling, or webhook when configured)",
        description="Run the bot: upgrade the database if needed (a copy of it is kept beside "
                    "it first), then take Telegram's updates by long polling, or by webhook "
                    f"when INTERVISION_WEBHOOK_URL is set. {variables}")
    sandbox_parser = commands.add_parser(
        "sandbox", help="try the bot without Telegram",
        description="The real bot against a local stand-in for Telegram, as a guided demo in "
                    "the browser at http://127.0.0.1:PORT/. It keeps its own database, "
                    "$INTERVISION_DATA_DIR/sandbox.db (default data/), started afresh each "
                    "time; INTERVISION_DB is not used.")
    sandbox_parser.add_argument("--port", type=int, default=8080,
                                help="the page's port (default 8080)")
    classify_parser = commands.add_parser(
        "classify", help="label the messages of a TSV file",
        description="Label each message of a TSV file as the bot would (tip, open_question, "
                    "...): one 'id<TAB>label' line per message on stdout.")
    classify_parser.add_argument(
        "file", help="a TSV file with a header row: columns id and text, optionally lang "
                     "(nl or en)")
    commands.add_parser(
        "migrate", help="create or upgrade the database",
        description="Create the database, or upgrade an older one to this program's schema "
                    "(a copy of it is kept beside it first, <database>.before-schema-N), "
                    f"and say which. {variables}")
    export_parser = commands.add_parser(
        "export", help="export a group's cycles",
        description="Write every group's cycles (or one group's) to stdout, read from "
                    "INTERVISION_DB; the bot may be running meanwhile.")
    export_parser.add_argument(
        "--group", type=int, default=None, metavar="ID",
        help="one group: its Telegram chat id (negative, as the log names it, e.g. "
             "-1002001) or the bot's number of the group; a wrong id lists the groups "
             "(default: all groups)")
    export_parser.add_argument("--format", choices=("json", "markdown", "html"),
                               default="markdown", help="default markdown")
    args = parser.parse_args(argv)
    handler = {"run": run, "sandbox": sandbox, "classify": classify, "migrate": migrate,
               "export": export}[args.command]
    return handler(args)


if __name__ == "__main__":
    raise SystemExit(main())
