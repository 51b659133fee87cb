"""The portfolio as a person reads it: each cycle told in a few lines (learning question, the
previous commitment and whether the clip showed it, reality, options, the confirmed commitment,
the look back), in the reader's language, as Markdown or HTML. Names only, never Telegram ids;
every word a member wrote is escaped for the format it goes into.

`member_portfolio` follows one member across the cycles they brought in (in every group);
`group_portfolio` tells all cycles of one group (for its coaches and its admins).
"""
from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from flows.catalog import DEFAULT_LANGUAGE, LANGUAGES, catalog, plural_form
from flows.classifier.timestamps import clock
from flows.cycle.model import LOOKBACK, ContributionRef, Cycle
from flows.model import FORGOTTEN_NAME, TALK_PHASES, Group, Member, Phase
from flows.reports.balance import WELCOME, balance, peers_talk
from flows.reports.group_summary import (
    Participation,
    as_shown,
    how_it_went,
    phase_words,
    quote,
)
from flows.reports.portfolio import (
    CHOSEN,
    NONE_OF_THESE,
    UNANSWERED,
    CycleRows,
    GroupRows,
    Held,
    HeldAt,
    cycle_balance,
    helped_answer,
)

LINES_PER_PART = 4

@dataclass(frozen=True)
class Said:
    """Who said what; a voice note by its length, with its transcript where there is one."""

    who: str
    words: str
    voice_seconds: int | None = None


@dataclass(frozen=True)
class Story:
    """One cycle, as the portfolio tells it."""

    group: str
    inbrenger: str
    number: int
    finished: bool
    stopped: bool  # cancelled after the talk began (one cancelled before is left out)
    # Announced, the clip perhaps in, but not discussed yet: the portfolio says so in its
    # heading alone (no "Leervraag: —", no unanswered clip question, no rows of 0 / 0 / 0).
    ahead: bool
    learning_question: str | None
    previous_commitment: str | None
    tried: str | None  # yes | partly | no | None (not answered)
    goal: tuple[Said, ...]  # per phase the inbrenger's own insights, then the peers' words
    reality: tuple[Said, ...]
    options: tuple[Said, ...]
    commitment: str | None
    helped: Said | None
    helped_answer: str | None  # flows/reports/portfolio.helped_answer
    moves: tuple[Said, ...]
    balance: tuple[int, int, int]  # activating, neutral, compensating
    voice_notes: tuple[int, int] = (0, 0)  # how many, seconds in all
    welcome_tips: int = 0  # tips given after the inbrenger asked for them: not compensating
    held_on: date | None = None  # the meeting's day, in the group's time zone
    # The group's portfolio (the coach's): per peer, as the coach summary counts them (tips on
    # request as (+n), away as away); a member's own portfolio keeps the total alone.
    per_member: tuple[Participation, ...] = ()
    how_it_went: Said | None = None  # the inbrenger's story of trying the previous commitment
    # A running cycle in a coach's portfolio: its heading alone. The coach is not in the group
    # and gets each cycle's summary when it closes (SPEC 1, 2), not the talk while it runs.
    withheld: bool = False
    erased: bool = False  # the inbrenger erased their words since: no commitment is "erased"


@dataclass(frozen=True)
class Portfolio:
    kind: str  # member | group
    title: str  # the member's name, or the group's title
    stories: tuple[Story, ...]


def _said(who: str, c: ContributionRef, whole: bool = False) -> Said:
    """`whole`: the reader's own words in their own portfolio, which they hand in for school,
    are never cut; everyone else's are short quotes, as in the summaries."""
    shown = as_shown(c)
    words = shown.text if whole else quote(shown.text)
    return Said(who, words if c.text else "", c.duration if c.is_voice else None)


# Who said it, in a member's own portfolio, where it is not the member: "a peer". The member
# hands it in at school, and the group agreed that what is said stays in the group (SPEC 6);
# the summaries go only to the group and its coaches (SPEC 5), so peers go unnamed there.
PEER = "\x00peer"


def story(group: Group, cycle: Cycle, contributions: tuple[ContributionRef, ...],
          names: dict[int, str], held: Held | None = None,
          members: Iterable[Member] = (), reader: int | None = None,
          for_coach: bool = False) -> Story:
    """`reader`: whose portfolio this is (a member's own); their words are told whole, and
    everyone else is a peer, unnamed. `for_coach`: a coach's, who reads a running cycle's
    heading alone."""
    def who(user_id: int) -> str:
        if reader is not None and user_id != reader:
            return PEER
        return names.get(user_id) or "?"

    def said(c: ContributionRef) -> Said:
        return _said(who(c.user_id), c, whole=c.user_id == reader)

    told = how_it_went(cycle, contributions)

    def part(phase: Phase) -> tuple[Said, ...]:
        own, peers = phase_words(cycle, contributions, phase, LINES_PER_PART, told)
        return tuple(said(c) for c in own + peers)  # the story has its own row

    helpful = next((c for c in contributions if c.id == cycle.lookback_choice), None)
    spoken = [c for c in peers_talk(cycle, contributions) if c.is_voice]
    counts = balance(cycle, contributions)  # the peers' talk (flows/reports/balance.py)
    return Story(
        # An inbrenger who erased their words is "—" there, by whatever name they have now.
        group=group.title, number=cycle.number, erased=cycle.erased_by_inbrenger,
        inbrenger=FORGOTTEN_NAME if cycle.erased_by_inbrenger and reader is None
        else who(cycle.inbrenger_id),
        finished=not cycle.is_open, stopped=cycle.phase is Phase.CANCELLED,
        ahead=cycle.is_open and cycle.phase not in TALK_PHASES,
        learning_question=cycle.learning_question,
        previous_commitment=cycle.previous_commitment, tried=cycle.tried,
        goal=part(Phase.GOAL), reality=part(Phase.REALITY), options=part(Phase.OPTIONS),
        commitment=cycle.commitment,
        helped=said(helpful)
        if helpful and (helpful.text or helpful.is_voice) else None,
        helped_answer=helped_answer(cycle),
        moves=tuple(said(c) for c in contributions
                    if c.phase == LOOKBACK and (c.text or c.is_voice)),
        balance=(counts["activating"], counts["neutral"], counts["compensating"]),
        voice_notes=(len(spoken), sum(c.duration for c in spoken)),
        welcome_tips=counts[WELCOME],
        held_on=_meeting_day(group, cycle, held),
        per_member=tuple(cycle_balance(cycle, members, contributions, held)),
        how_it_went=_said(who(told.user_id), told, whole=True) if told else None,
        withheld=for_coach and cycle.is_open)


def _meeting_day(group: Group, cycle: Cycle, held: Held | None) -> date | None:
    """One kind of date for every cycle: its meeting's. A scheduled cycle knows it (its
    announcement came days before, so the day it started is not it); one started by hand
    met when it ran: the day it closed, or started while it runs."""
    at = cycle.meeting_at or (held.on if held else None)
    return at.astimezone(ZoneInfo(group.settings.timezone)).date() if at else None


def group_portfolio(group: Group, members: Iterable[Member], cycles: CycleRows,
                    held: HeldAt | None = None, *, for_coach: bool = False) -> Portfolio:
    """`for_coach`: a running cycle is its heading alone (`Story.withheld`)."""
    members = tuple(members)
    names = {m.user_id: m.name for m in members}
    dates = held or {}
    return Portfolio("group", group.title, tuple(
        story(group, c, k, names, dates.get(c.id), members, for_coach=for_coach)
        for c, k in cycles if _was_held(c, k)))


def member_portfolio(name: str, user_id: int, groups: list[GroupRows]) -> Portfolio:
    """The cycles `user_id` brought in, group by group, oldest first."""
    stories = []
    for group, members, cycles, held in groups:
        names = {m.user_id: m.name for m in members} | {user_id: name}
        stories += [story(group, c, k, names, held.get(c.id), reader=user_id)
                    for c, k in cycles if c.inbrenger_id == user_id and _was_held(c, k)]
    return Portfolio("member", name, tuple(stories))


def _was_held(cycle: Cycle, contributions: tuple[ContributionRef, ...]) -> bool:
    """A cycle stopped before anyone said a word in it (a turn passed on, an inbrenger taken
    ill) was never held: a portfolio leaves it out (the JSON export keeps every cycle)."""
    return cycle.phase is not Phase.CANCELLED or bool(contributions)


# ----- writing it down ----------------------------------------------------------------------

_MARKDOWN_SPECIAL = set("\\`*_[]<>#|")


def markdown_escape(words: str) -> str:
    """Words as literal Markdown text on one line."""
    flat = " ".join(words.split())
    return "".join(f"\\{ch}" if ch in _MARKDOWN_SPECIAL else ch for ch in flat)


def html_escape(words: str) -> str:
    return html.escape(" ".join(words.split()))


class _Writer:
    """Catalog sentences (plain text with placeholders) filled with escaped words."""

    def __init__(self, language: str, escape: Callable[[str], str]) -> None:
        self.language = language if language in LANGUAGES else DEFAULT_LANGUAGE
        self.escape = escape

    def say(self, key: str, **params: object) -> str:
        template = catalog(self.language).get(key) or catalog(DEFAULT_LANGUAGE)[key]
        return template.format(**{k: self.escape(str(v)) for k, v in params.items()})

    def line(self, said: Said) -> str:
        if said.voice_seconds is None:
            words = self.escape(said.words)
        elif said.words:
            words = self.say("voice.quote_words", length=clock(said.voice_seconds),
                             words=said.words)
        else:
            words = self.say("voice.quote", length=clock(said.voice_seconds))
        who = self.say("portfolio.peer") if said.who == PEER else self.escape(said.who)
        return f"{who}: {words}"

    def story_lines(self, s: Story) -> list[tuple[str, str | list[str]]]:
        """(label, value or list of items) pairs; values escaped already."""
        e = self.escape
        if s.ahead or s.withheld:
            return []
        rows: list[tuple[str, str | list[str]]] = [
            (self.say("portfolio.learning_question"),
             e(s.learning_question) if s.learning_question else "—")]
        if s.previous_commitment:
            answer = self.say(f"summary.tried_answer.{s.tried or 'unknown'}")
            rows.append((self.say("portfolio.tried"),
                         self.say("portfolio.tried_line", commitment=s.previous_commitment)
                         + " " + answer))
        if s.how_it_went:
            rows.append((self.say("portfolio.how_it_went"), self.line(s.how_it_went)))
        for key, said in (("portfolio.goal", s.goal), ("portfolio.reality", s.reality),
                          ("portfolio.options", s.options)):
            if said:
                rows.append((self.say(key), [self.line(x) for x in said]))
        rows.append((self.say("portfolio.commitment"),
                     e(s.commitment) if s.commitment else self.say(
                         "portfolio.commitment_erased" if s.erased else "portfolio.no_commitment")))
        if s.helped:
            rows.append((self.say("portfolio.helped"), self.line(s.helped)))
        elif s.helped_answer == NONE_OF_THESE:
            rows.append((self.say("portfolio.helped"), self.say("portfolio.helped_none")))
        elif s.helped_answer == UNANSWERED:
            rows.append((self.say("portfolio.helped"), self.say("portfolio.helped_unanswered")))
        elif s.helped_answer == CHOSEN:  # chosen, but its words were erased since
            rows.append((self.say("portfolio.helped"), self.say("portfolio.helped_erased")))
        if s.moves:
            rows.append((self.say("portfolio.moves"),
                         [self.line(x) for x in s.moves]))
        balance = self.say("portfolio.balance", activating=s.balance[0], neutral=s.balance[1],
                           compensating=s.balance[2])
        if s.welcome_tips:
            balance += ", " + self.counted("summary.count.welcome_tips", s.welcome_tips)
        rows.append((self.say("portfolio.balance_label"), balance))
        if s.per_member:
            rows.append((self.say("portfolio.per_member_label"), self.per_member(s)))
        if s.voice_notes[0]:
            rows.append((self.say("portfolio.voice_label"), self.say(
                "portfolio.voice_notes", count=s.voice_notes[0], length=clock(s.voice_notes[1]))))
        return rows

    def per_member(self, s: Story) -> list[str]:
        """As the coach summary counts them: tips on request as (+n), said what it means."""
        lines = [self.say("portfolio.member_away", name=row.name) if row.away else
                 f"{self.escape(row.name)}: {row.activating} / {row.neutral} / "
                 f"{row.compensating}" + (f" (+{row.welcome})" if row.welcome else "")
                 for row in s.per_member]
        if any(row.welcome for row in s.per_member):
            lines.append(self.say("portfolio.per_member_welcome"))
        return lines

    def counted(self, key: str, count: int) -> str:
        return self.say(f"{key}.{plural_form(count)}", count=count)

    def heading(self, p: Portfolio, s: Story) -> str:
        key = "portfolio.cycle_of_member" if p.kind == "member" else "portfolio.cycle_in_group"
        heading = self.say(key, name=s.inbrenger, number=s.number, group=s.group or "—")
        if s.held_on is not None:
            months = self.say("schedule.months_short").split()  # as /schedule names them
            heading += " · " + self.say("portfolio.held_on", day=s.held_on.day,
                                        month=months[s.held_on.month - 1], year=s.held_on.year)
        if s.stopped:
            return f"{heading} {self.say('portfolio.stopped')}"
        if s.ahead:
            return f"{heading} {self.say('portfolio.not_discussed_yet')}"
        if s.withheld:
            return f"{heading} {self.say('portfolio.running_for_coach')}"
        return heading if s.finished else f"{heading} {self.say('portfolio.still_open')}"

    def title(self, p: Portfolio) -> str:
        key = "portfolio.title_member" if p.kind == "member" else "portfolio.title_group"
        return self.say(key, name=p.title or "—")


def _empty(p: Portfolio) -> str:
    return "portfolio.empty" if p.kind == "member" else "portfolio.empty_group"


def as_markdown(p: Portfolio, language: str) -> str:
    w = _Writer(language, markdown_escape)
    lines = [f"# {w.title(p)}", ""]
    if not p.stories:
        lines += [w.say(_empty(p)), ""]
    for s in p.stories:
        lines += [f"## {w.heading(p, s)}", ""]
        for label, value in w.story_lines(s):
            if isinstance(value, list):
                lines += [f"- **{label}**:", *[f"  - {item}" for item in value]]
            else:
                lines.append(f"- **{label}**: {value}")
        lines.append("")
    return "\n".join(lines)


def as_html(p: Portfolio, language: str) -> str:
    w = _Writer(language, html_escape)
    title = w.title(p)
    body = [f"<h1>{title}</h1>"]
    if not p.stories:
        body.append(f"<p>{w.say(_empty(p))}</p>")
    for s in p.stories:
        body.append(f"<h2>{w.heading(p, s)}</h2>")
        rows = w.story_lines(s)  # none for a cycle not discussed yet (or withheld): its heading
        if rows:
            body.append("<dl>")
            for label, value in rows:
                shown = value if isinstance(value, str) else \
                    "<ul>" + "".join(f"<li>{item}</li>" for item in value) + "</ul>"
                body.append(f"<dt>{label}</dt><dd>{shown}</dd>")
            body.append("</dl>")
    return ("<!DOCTYPE html>\n"
            f'<html lang="{w.language}"><head><meta charset="utf-8"><title>{title}</title>'
            "</head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n")
