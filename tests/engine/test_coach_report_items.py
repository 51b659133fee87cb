"""What each linked coach is sent when a cycle closes (bot/engine/coach_reports.py): the
summary, the chart of the participation and, from the group's second cycle with talk on, the
trend; a short addition later; a note when unlinked. Decided on a real SQLite file, read as
the stored messages and chart recipes the sender delivers."""
from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from bot.engine import coach_reports
from bot.engine.outgoing import Chart, Message, Outgoing
from flows.cycle.model import VOICE, Cycle
from flows.effects import text
from flows.model import Group, Phase, Settings
from storage import coaches, contributions, cycles, groups, members
from storage.db import Database, Tx

NOW = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)
BRAM, CATO, DIRK, EVA = 11, 12, 13, 14
CARLA, PIET = 4001, 4002
TITLE = "Intervisie 3B"


async def _group(tx: Tx, *coach_ids: int, language: str = "nl") -> Group:
    """Bram, Cato, Dirk and Eva agreed; `coach_ids` coach the group."""
    group, _ = await groups.register(tx, -1001, 0, TITLE, Settings(language=language), NOW)
    for user_id, name in ((BRAM, "Bram & Co"), (CATO, "Cato"), (DIRK, "Dirk"), (EVA, "Eva")):
        await members.join(tx, group.id, user_id, name, NOW)
        await members.agree(tx, group.id, user_id, NOW)
    for coach_id in coach_ids:
        token = await coaches.create_invite(tx, group.id, BRAM, NOW)
        assert await coaches.redeem(tx, token, coach_id, f"Coach {coach_id}", NOW)
    return group


async def _closed_cycle(tx: Tx, group: Group, inbrenger: int, number: int = 1,
                        absent: frozenset[int] = frozenset()) -> Cycle:
    """A closed cycle in which Cato asked an open question and Dirk left a voice note nobody
    could read (Eva said nothing)."""
    cycle = await cycles.create(tx, Cycle(0, group.id, inbrenger, number, Phase.OPTIONS, NOW),
                                actor_id=None, event="start", now=NOW)
    await contributions.add(tx, cycle.id, CATO, "options", 100 * cycle.id + 1,
                            "Wat wil je zelf leren?", "open_question", NOW)
    await contributions.add(tx, cycle.id, DIRK, "options", 100 * cycle.id + 2, "", VOICE, NOW,
                            kind=VOICE, file_id="voice-dirk", duration=35)
    closed = replace(cycle, phase=Phase.CLOSED, absent=absent)
    await cycles.save(tx, cycle, closed, event="next", actor_id=None, now=NOW)
    return closed


def _charts(items: list[Outgoing], coach_id: int) -> dict[str, Chart]:
    return {item.kind: item for item in items if isinstance(item, Chart)
            and item.chat_id == coach_id}


async def test_a_group_without_a_coach_sends_no_summary(db: Database) -> None:
    async with db.transaction() as tx:
        group = await _group(tx)
        cycle = await _closed_cycle(tx, group, BRAM)
        assert await coach_reports.summary(tx, group, cycle.id, NOW) == []
        assert await coach_reports.addition(tx, group, cycle.id, (text("coach.nudges",
                                                                      count=1),)) == []


async def test_each_coach_gets_the_summary_then_the_chart_of_the_cycle(db: Database) -> None:
    async with db.transaction() as tx:
        group = await _group(tx, CARLA, PIET)
        cycle = await _closed_cycle(tx, group, BRAM)
        items = await coach_reports.summary(tx, group, cycle.id, NOW)
    assert [(type(item).__name__, item.chat_id) for item in items] == [
        ("Message", CARLA), ("Chart", CARLA), ("Message", PIET), ("Chart", PIET)]
    summary = items[0]
    assert isinstance(summary, Message) and TITLE in summary.html
    assert items[2] == replace(summary, chat_id=PIET)
    chart = _charts(items, CARLA)["participation"]
    # Each peer once, alphabetically (the inbrenger answers, so is no row); Dirk's voice
    # note has its place in his bar as spoken, Eva shows an empty bar.
    assert chart.data == [("Cato", 1, 0, 0, 0, 0), ("Dirk", 0, 0, 0, 0, 1),
                          ("Eva", 0, 0, 0, 0, 0)]
    # The title is drawn as plain text: the inbrenger's "&" not as "&amp;".
    assert chart.title == "Deelname · cyclus 1 van Bram & Co"
    assert chart.caption_html.startswith("Deelname in cyclus 1 van Bram &amp; Co · <b>"
                                          f"{TITLE}</b>")
    assert chart.filename == f"cycle-{cycle.id}.png"
    assert chart.labels == {"activating": "activerend", "neutral": "neutraal",
                            "compensating": "compenserend", "welcome": "gevraagde tips",
                            "spoken": "spraakberichten, niet gelezen",
                            "axis": "bijdragen"}
    assert "trend" not in _charts(items, CARLA)  # one cycle makes no trend


async def test_a_member_away_today_is_named_so_in_the_chart(db: Database) -> None:
    async with db.transaction() as tx:
        group = await _group(tx, CARLA)
        cycle = await _closed_cycle(tx, group, BRAM, absent=frozenset({EVA}))
        items = await coach_reports.summary(tx, group, cycle.id, NOW)
    rows = _charts(items, CARLA)["participation"].data
    assert [row[0] for row in rows] == ["Cato", "Dirk", "Eva (afwezig)"]


async def test_the_second_cycle_brings_the_trend_of_the_group_in_the_coach_s_language(
        db: Database) -> None:
    async with db.transaction() as tx:
        group = await _group(tx, CARLA, language="en")
        await _closed_cycle(tx, group, EVA)
        second = await _closed_cycle(tx, group, BRAM, number=1)
        items = await coach_reports.summary(tx, group, second.id, NOW)
    summary = items[0]
    assert isinstance(summary, Message)
    assert summary.html.startswith(f"📬 <b>Cycle summary for the coach</b> · {TITLE}")
    charts = _charts(items, CARLA)
    assert list(charts) == ["participation", "trend"]
    trend = charts["trend"]
    assert trend.data == [(1, 1.0, "Eva (1)"), (2, 1.0, "Bram & Co (1)")]  # whose cycle
    assert trend.title == "Activating contributions per cycle"
    assert trend.labels == {"cycle": "group cycle · inbrenger (their cycle)",
                            "ratio": "share activating"}
    assert trend.caption_html == f"Activating contributions per cycle · <b>{TITLE}</b>"
    assert trend.filename == f"trend-{group.id}-2.png"
    assert charts["participation"].title == "Participation · Bram & Co's cycle 1"


async def test_an_addition_names_whose_cycle_it_adds_to_for_every_coach(
        db: Database) -> None:
    async with db.transaction() as tx:
        group = await _group(tx, CARLA, PIET)
        cycle = await _closed_cycle(tx, group, BRAM)
        added = await coach_reports.addition(tx, group, cycle.id,
                                             (text("coach.nudges", count=2),))
        await members.leave(tx, group.id, BRAM, NOW)
        await tx.execute("DELETE FROM members WHERE user_id = ?", (BRAM,))
        nameless = await coach_reports.addition(tx, group, cycle.id, ())
    assert [item.chat_id for item in added] == [CARLA, PIET]
    first = added[0]
    assert isinstance(first, Message)
    assert first.html.startswith("📬 <b>Aanvulling op de samenvatting van cyclus 1 van "
                                 f"Bram &amp; Co</b> · {TITLE}\n")
    assert "2" in first.html.split("\n", 1)[1]  # the addition itself follows the header
    assert isinstance(nameless[0], Message)
    assert "cyclus 1 van ?</b>" in nameless[0].html


def test_an_unlinked_coach_hears_which_group_stopped_sending() -> None:
    said = coach_reports.unlinked(Group(7, -1001, title=TITLE), CARLA)
    assert said.chat_id == CARLA and said.html.startswith(f"Je bent geen coach meer van {TITLE}:")
    untitled = coach_reports.unlinked(Group(7, -1001, settings=Settings(language="en")), CARLA)
    assert untitled.html.startswith("You are no longer a coach of —:")


async def test_the_summary_counts_the_nudges_the_bot_gave(db: Database) -> None:
    async with db.transaction() as tx:
        group = await _group(tx, CARLA)
        cycle = await _closed_cycle(tx, group, BRAM)
        for message_id in (1, 2):
            await contributions.log_nudge(tx, cycle.id, CATO, "tip", message_id, NOW)
        [summary, *_] = await coach_reports.summary(tx, group, cycle.id, NOW)
    assert isinstance(summary, Message)
    assert "💬 Aantal duwtjes van de bot bij bijdragen: 2" in summary.html
    assert "betekenisvol" not in summary.html and "uitgenodigd" not in summary.html


async def test_a_check_in_and_an_invitation_are_no_nudges_to_the_coach(db: Database) -> None:
    """UX review 7: the coach read "1 duwtje" where the bot had only asked the inbrenger
    whether the talk was still meaningful; nobody had been nudged about a contribution. The
    check-in and the invitation of quiet members are told apart, as what they are."""
    async with db.transaction() as tx:
        group = await _group(tx, CARLA)
        cycle = await _closed_cycle(tx, group, BRAM)
        await contributions.log_nudge(tx, cycle.id, None, "checkin", None, NOW)
        await contributions.log_nudge(tx, cycle.id, None, "silence", None, NOW)
        await contributions.log_nudge(tx, cycle.id, CATO, "closed_run", 3, NOW)
        [summary, *_] = await coach_reports.summary(tx, group, cycle.id, NOW)
    assert isinstance(summary, Message)
    assert "💬 Aantal duwtjes van de bot bij bijdragen: 1" in summary.html
    assert "vroeg de bot de inbrenger 1× of het gesprek nog betekenisvol was" in summary.html
    assert "Stille leden werden 1× uitgenodigd" in summary.html


async def test_one_peer_who_left_after_speaking_still_has_a_bar(db: Database) -> None:
    """A group of two, and the one peer left before the cycle closed: the chart keeps them."""
    async with db.transaction() as tx:
        group, _ = await groups.register(tx, -1002, 0, TITLE, Settings(), NOW)
        for user_id, name in ((BRAM, "Bram"), (DIRK, "Dirk")):
            await members.join(tx, group.id, user_id, name, NOW)
            await members.agree(tx, group.id, user_id, NOW)
        token = await coaches.create_invite(tx, group.id, BRAM, NOW)
        assert await coaches.redeem(tx, token, CARLA, "Carla", NOW)
        cycle = await _closed_cycle(tx, group, BRAM)
        await members.leave(tx, group.id, DIRK, NOW)
        items = await coach_reports.summary(tx, group, cycle.id, NOW)
    assert _charts(items, CARLA)["participation"].data == [("Dirk", 0, 0, 0, 0, 1)]
