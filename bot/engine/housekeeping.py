"""The hourly job: retention (SPEC section 6) and the inbox and outbox kept small."""
from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from telegram.ext import ContextTypes

from bot.engine.services import services_of
from bot.media import retention
from storage import (
    button_messages,
    contributions,
    cycles,
    groups,
    inbox,
    late_line_invitations,
    outbox,
)

log = logging.getLogger(__name__)

EVERY = timedelta(hours=1)
KEEP_DERIVATIVES = timedelta(days=1)


async def hourly(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Contribution texts older than the group's retention are erased; the local copy of a
    clip goes once its cycle ended, and whatever else is left on disk (copies, stills,
    storyboards, charts a failed send left behind) after a day (the clip itself stays on
    Telegram, reachable by its file_id); handled updates after a week, mail Telegram refused
    for good after a day (mail still being tried stays, storage/outbox.py)."""
    svc = services_of(context.application)
    now = svc.now()
    async with svc.db.transaction() as tx:
        for group in await groups.all_groups(tx):
            cutoff = now - timedelta(days=group.settings.retention_days)
            await contributions.erase_texts_before(tx, group.id, cutoff)
            await button_messages.forget_left_over(tx, group.id, cutoff)
        await inbox.forget_old(tx, now)
        await late_line_invitations.forget_old(tx, now)
        await outbox.forget_old(tx, now)
        still_open = await cycles.open_ids(tx)
    # The erased words, and the words of the updates handled this hour, also leave the older
    # page copies in the write-ahead log (storage/db.py keeps them out of the file itself).
    await svc.db.checkpoint()
    ended = await asyncio.to_thread(retention.remove_ended_clips,
                                    svc.config.data_dir / "clips", still_open)
    if ended:
        log.info("deleted %d copies of clips whose cycle ended", ended)
    for folder in ("clips", "tmp", "charts"):
        deleted = await asyncio.to_thread(retention.cleanup_older_than,
                                          svc.config.data_dir / folder,
                                          KEEP_DERIVATIVES.total_seconds())
        if deleted:
            log.info("deleted %d old files from %s", deleted, folder)
