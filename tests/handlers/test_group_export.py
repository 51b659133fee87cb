"""The group's portfolio for an admin who takes part: Markdown, HTML and the machine-readable
JSON of `intervision export`, privately, with people named (an erased one as erased, one who
left by name) and no Telegram id anywhere (SPEC sections 5 and 6)."""
from __future__ import annotations

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.engine.services import services_of
from storage import contributions
from storage.clock import to_db
from tests.handlers.in_process import (
    InProcessBot,
    coach_linked,
    forget_me,
    leaves,
    set_up,
    started_bot,
)
from tests.handlers.updates import ANNA, BRAM, CATO, GROUP, GROUP_TITLE, Person, command
from tests.waiting import eventually

CARLA = Person(20, "Carla")
DAAN, EVA = Person(4, "Daan"), Person(5, "Eva")


async def _start_privately(bot: InProcessBot, person: Person) -> None:
    await started_bot(bot, person)


async def _documents(bot: InProcessBot, chat_id: int, since: int) -> dict[str, str]:
    views = [v for v in await bot.tg.bot_messages(chat_id, since=since)
             if v["media"] == "document"]
    return {v["message"]["document"]["file_name"]: (await bot.tg.download(v["file_id"])).decode()
            for v in views}


async def _three_agreed(bot: InProcessBot) -> int:
    """Anna (admin), Bram and Cato started the bot, joined and agreed; the group's id."""
    for person in (ANNA, BRAM, CATO):
        await _start_privately(bot, person)
    await set_up(bot, ANNA, BRAM, CATO)
    group_id = await bot.db_one("SELECT id FROM groups")
    assert group_id is not None
    for person in (ANNA, BRAM, CATO):
        await bot.press(person, f"agree:{group_id[0]}")
    return int(group_id[0])


async def test_an_admin_gets_the_group_portfolio_as_json_too_named_and_without_ids(
        bot: InProcessBot) -> None:
    group_id = await _three_agreed(bot)
    for inbrenger in ("Bram", "Cato"):
        await bot.handle(command(bot.app.bot, ANNA, f"/cycle {inbrenger}"))
        await _someone_spoke(bot)  # so the cycle was held: one never held is left out
        await bot.handle(command(bot.app.bot, ANNA, "/cancel"))
    await leaves(bot, CATO)
    await forget_me(bot, BRAM)

    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/export"))
    assert any("privé gestuurd" in said for said in await bot.said(GROUP, since=since))
    files = await eventually(lambda: _documents(bot, ANNA.user_id, since),
                             what="the group's portfolio in Anna's private chat")
    assert sorted(files) == [  # named after the group (GROUP_TITLE), not its number
        f"intervision-portfolio-Intervisie-3B.{kind}" for kind in ("html", "json", "md")]
    [data] = [json.loads(text) for name, text in files.items() if name.endswith(".json")]
    assert data["group"]["title"] == GROUP_TITLE
    assert [(c["inbrenger"], c["phase"]) for c in data["cycles"]] == [
        ("—", "cancelled"), ("Cato", "cancelled")]  # Bram erased himself; Cato left
    [markdown] = [text for name, text in files.items() if name.endswith(".md")]
    today = datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    month = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov",
             "dec")[today.month - 1]
    dated = f"{today.day} {month} {today.year}"  # when each cycle ran, in the group's time
    stopped = "(gestopt voor het einde)"
    assert f"## —, cyclus 1 · {dated} {stopped}" in markdown
    assert f"## Cato, cyclus 1 · {dated} {stopped}" in markdown
    assert all(c["started_at"] and c["closed_at"] for c in data["cycles"])
    # Telegram's ids are not in it: the only ids are the bot's own numbers of group and cycles
    # (the people's ids here are too small to look for as text; tests/e2e does that).
    assert _id_keys(data) == {"id", "cycle_id"} and data["group"]["id"] == group_id
    for text in files.values():
        assert str(GROUP) not in text


async def test_a_coach_reads_a_running_cycle_as_its_heading_alone(bot: InProcessBot) -> None:
    """UX review 12: a coach's /export quoted Bram's running cycle ("(loopt nog)", with the
    members' words). The coach is not in the group and gets its summary when it closes; an
    admin who takes part still reads it all."""
    await _three_agreed(bot)
    await coach_linked(bot, CARLA)
    await bot.handle(command(bot.app.bot, ANNA, "/cycle Bram"))
    await _someone_spoke(bot)  # Anna: "Wat wil je leren?"
    async with services_of(bot.app).db.transaction() as tx:
        await tx.execute("UPDATE cycles SET phase = 'goal', "
                         "learning_question = 'Hoe krijg ik de klas stil?'")

    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, CARLA, "/export", chat_id=CARLA.user_id))
    coach = await eventually(lambda: _documents(bot, CARLA.user_id, since),
                             what="the group's portfolio in Carla's private chat")
    markdown = coach["intervision-portfolio-Intervisie-3B.md"]
    heading = "## Bram, cyclus 1 · "
    assert heading in markdown and "(loopt nog: de samenvatting komt als de cyclus sluit)" \
        in markdown.split(heading)[1].splitlines()[0]
    for words in ("Wat wil je leren?", "Hoe krijg ik de klas stil?"):
        assert not any(words in text for text in coach.values()), words
    [cycle] = json.loads(coach["intervision-portfolio-Intervisie-3B.json"])["cycles"]
    assert (cycle["inbrenger"], cycle["phase"]) == ("Bram", "goal")

    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/export"))
    admin = await eventually(lambda: _documents(bot, ANNA.user_id, since),
                             what="the group's portfolio in Anna's private chat")
    markdown = admin["intervision-portfolio-Intervisie-3B.md"]
    assert "Wat wil je leren?" in markdown and "(loopt nog)" in markdown


async def test_a_cycle_names_per_member_only_who_was_a_member_then(bot: InProcessBot) -> None:
    """UX review 12: Eva joined after Bram's cycle, and Daan used /forget before it; the
    group's portfolio showed them in it as "Eva: 0 / 0 / 0" and "—: 0 / 0 / 0" (there, and
    quiet), while its JSON had neither. Now all formats name Anna, who spoke, and Cato, who
    was a member then and said nothing."""
    for person in (DAAN, EVA):
        await bot.tg.add_user(person.user_id, person.first_name)
        await bot.tg.add_member(GROUP, person.user_id)
    for person in (ANNA, BRAM, CATO, DAAN, EVA):
        await _start_privately(bot, person)
    await set_up(bot, ANNA, BRAM, CATO, DAAN)
    group_id = await bot.db_one("SELECT id FROM groups")
    assert group_id is not None
    for person in (ANNA, BRAM, CATO, DAAN):
        await bot.press(person, f"agree:{group_id[0]}")
    await forget_me(bot, DAAN)
    await bot.handle(command(bot.app.bot, ANNA, "/cycle Bram"))
    await _someone_spoke(bot)  # Anna: "Wat wil je leren?"
    async with services_of(bot.app).db.transaction() as tx:
        await tx.execute("UPDATE cycles SET phase = 'closed', closed_at = ?",
                         (to_db(datetime.now(UTC)),))
    await bot.handle(command(bot.app.bot, EVA, "/join"))
    await bot.press(EVA, f"agree:{group_id[0]}")

    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/export"))
    files = await eventually(lambda: _documents(bot, ANNA.user_id, since),
                             what="the group's portfolio in Anna's private chat")
    markdown = files["intervision-portfolio-Intervisie-3B.md"]
    rows = markdown.split("(activerend / neutraal / compenserend)**:\n")[1].rstrip()
    assert rows.splitlines() == ["  - Anna: 1 / 0 / 0", "  - Cato: 0 / 0 / 0"], rows
    assert "<li>Cato: 0 / 0 / 0</li></ul>" in files["intervision-portfolio-Intervisie-3B.html"]
    [cycle] = json.loads(files["intervision-portfolio-Intervisie-3B.json"])["cycles"]
    assert [row["name"] for row in cycle["contributions_per_member"]] == ["Anna", "Cato"]


async def _someone_spoke(bot: InProcessBot) -> None:
    async with services_of(bot.app).db.transaction() as tx:
        cycle = await tx.one("SELECT id FROM cycles ORDER BY id DESC LIMIT 1")
        assert cycle is not None
        await contributions.add(tx, cycle[0], ANNA.user_id, "goal", 9000 + cycle[0],
                                "Wat wil je leren?", "open_question", datetime.now(UTC))


def _id_keys(data: object) -> set[str]:
    if isinstance(data, dict):
        return {k for k in data if k.endswith("id")}.union(*map(_id_keys, data.values()))
    if isinstance(data, list):
        return set().union(*map(_id_keys, data))
    return set()


async def test_the_group_portfolio_is_for_an_admin_who_takes_part_and_can_be_written_to(
        bot: InProcessBot) -> None:
    await set_up(bot, BRAM)  # Anna is the chat's admin only
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/export"))
    [said] = await bot.said(GROUP, since=since)
    assert "beheerders die zelf meedoen" in said, said
    await bot.handle(command(bot.app.bot, ANNA, "/join"))  # takes part, never wrote privately
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/export"))
    [said] = await bot.said(GROUP, since=since)
    assert "Start eerst een privégesprek" in said, said
    assert await _documents(bot, ANNA.user_id, 0) == {}
