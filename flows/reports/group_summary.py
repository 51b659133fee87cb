"""The group summary of a closed cycle and the participation picture: a balance of who
asked, observed, reflected, brought ideas of their own or stayed quiet, in counts, never a
ranking and never a public verdict on a named member ("gave mostly advice" is for nobody to
read in the group)."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from flows.classifier.timestamps import clock
from flows.cycle.model import LOOKBACK, VOICE, ContributionRef, Cycle, CycleContext
from flows.cycle.phases import SUMMARY_QUOTE_CHARS, quoted
from flows.cycle.phases import quote as quote_words
from flows.cycle.strong import is_strong_moment, moment_of
from flows.effects import Text, text
from flows.labels import ACTIVATING, COMPENSATING, Label
from flows.model import TALK_PHASES, Member, Phase
from flows.nudging.policy import QUESTIONS
from flows.reports.balance import WELCOME, kind_of, known, talk
from flows.reports.erased import commitment_line, named
from flows.reports.own_words import own_line, own_words, unread_own_voice, voice_line
from flows.reports.progress import across_cycles, reached, with_cycle

QUOTES_PER_PART = 3
QUOTE_CHARS = SUMMARY_QUOTE_CHARS
# The inbrenger's own words in their cycle's summary: a goal of 25 words was cut off at 90
# characters ("... zonder dat ik het nog eens moet…"; a review of the day's work).
OWN_QUOTE_CHARS = 200

# What each phase keeps of the peers' words: in goal and reality what opens the inbrenger's
# thinking, in options also the ideas (the peers are a source of knowledge there).
_PEER_LABELS = {
    Phase.GOAL: {Label.OPEN_QUESTION, Label.REFLECTION, Label.OBSERVATION},
    Phase.REALITY: {Label.OBSERVATION, Label.REFLECTION, Label.OPEN_QUESTION},
    Phase.OPTIONS: {Label.OPEN_QUESTION, Label.REFLECTION, Label.TIP, Label.OPINION,
                    Label.INFORMATION, Label.OBSERVATION},
}


@dataclass(frozen=True)
class Participation:
    name: str
    user_id: int
    activating: int
    neutral: int
    compensating: int  # tips, opinions, information nobody asked for
    asked: int
    observed: int
    advised: int  # unasked tips
    reflected: int = 0
    welcome: int = 0  # tips, opinions, information given after the inbrenger asked for them
    spoken: int = 0  # voice notes nobody could read: they spoke, in words we do not know
    spoken_seconds: int = 0
    away: bool = False  # said they were not here today, and said nothing
    strong: int = 0  # strong moments named in reality's second step (what works well)
    closed: int = 0  # closed questions, counted apart (the coach counts them as neutral)
    left: bool = False  # left the group since (/leave, or left the chat)

    @property
    def total(self) -> int:
        return self.activating + self.neutral + self.compensating + self.welcome + self.spoken


def unread_voice(c: ContributionRef) -> bool:
    """A voice note without a transcript: neither activating nor compensating, but spoken."""
    return c.is_voice and c.label == VOICE


def participation(ctx: CycleContext) -> list[Participation]:
    """Today's members, and those who left since but spoke in this cycle: what happened. A
    member who has not agreed to the group's agreements yet takes no part, and is not shown
    as having "listened this time"."""
    spoke = {c.user_id for c in talk(ctx.contributions)}
    taking_part = tuple(m for m in ctx.members if m.agreed or m.user_id in spoke)
    left = tuple(m for m in ctx.former if m.user_id in spoke and not ctx.member(m.user_id))
    gone = {m.user_id for m in left}
    return [replace(row, left=row.user_id in gone)
            for row in members_balance(ctx.cycle, taking_part + left, ctx.contributions)]


def members_balance(cycle: Cycle, members: Iterable[Member],
                    contributions: tuple[ContributionRef, ...]) -> list[Participation]:
    """Per peer of this cycle (the inbrenger answers rather than contributes), in alphabetical
    order. Tips given after the inbrenger opened the floor are counted as welcome; voice notes
    nobody could read are counted apart, as spoken. A member away today (they said so) is shown
    as away, not as having "listened this time", unless they said something all the same."""
    said = talk(contributions)
    rows = []
    for member in sorted(members, key=lambda m: m.name.lower()):
        mine = [c for c in said if c.user_id == member.user_id]
        if member.user_id == cycle.inbrenger_id:
            continue
        if member.user_id in cycle.absent and not mine:
            rows.append(Participation(member.name, member.user_id, 0, 0, 0, 0, 0, 0, away=True))
            continue
        judged = [(c, kind_of(cycle, c)) for c in mine]  # flows/reports/balance.py
        kinds = Counter(kind for _, kind in judged)
        strong = [c for c in mine if is_strong_moment(cycle, c)]
        rest = [c for c, kind in judged if kind != WELCOME and c not in strong]
        labels = Counter(c.label for c in rest)
        spoken = [c for c in rest if unread_voice(c)]
        rows.append(Participation(
            member.name, member.user_id, kinds["activating"], kinds["neutral"],
            kinds["compensating"],
            asked=labels[Label.OPEN_QUESTION], closed=labels[Label.CLOSED_QUESTION],
            observed=labels[Label.OBSERVATION], advised=labels[Label.TIP],
            reflected=labels[Label.REFLECTION], welcome=kinds[WELCOME],
            spoken=len(spoken), spoken_seconds=sum(c.duration for c in spoken),
            strong=len(strong),
        ))
    return rows


def quote(words: str) -> str:
    return quote_words(words, QUOTE_CHARS)


def participation_line(row: Participation) -> Text:
    """Counts in words, with singular and plural: the balance of SPEC 5 (who asked, open and
    closed questions apart as the coach's counts have them, who observed, who mostly brought
    their own ideas: tips, opinions or information nobody asked for, named kindly),
    everything else "other contributions", and voice notes nobody could read by their length
    ("voice note, 0:35"). Who left the group since is named so ("Jesse (gestopt)")."""
    if row.away:
        return text("report.member_away", name=row.name)
    if row.total == 0:
        return text("summary.member_quiet", name=row.name)
    return text("summary.member_line", name=shown_name(row), parts=participation_parts(row))


def participation_parts(row: Participation) -> tuple[Text, ...]:
    """What a member said, counted by kind in words ("3 vragen", "1 waarneming")."""
    counted = (
        ("questions", row.asked), ("closed_questions", row.closed),
        ("observations", row.observed), ("strong_moments", row.strong),
        ("reflections", row.reflected), ("own_ideas", row.compensating),
        ("welcome_tips", row.welcome),
    )
    others = row.total - row.spoken - sum(count for _, count in counted)
    parts = tuple(text(f"summary.count.{kind}", count=count)
                  for kind, count in (*counted, ("others", others)) if count)
    if row.spoken:
        parts += (spoken_part(row),)
    return parts


def shown_name(row: Participation) -> str | Text:
    """The member's name, marked where they left the group since they spoke."""
    return text("summary.left_name", name=row.name) if row.left else row.name


def spoken_part(row: Participation) -> Text:
    return text("summary.count.voice_notes", count=row.spoken,
                length=clock(row.spoken_seconds))


def phase_words(cycle: Cycle, contributions: tuple[ContributionRef, ...], phase: Phase,
                count: int, story: ContributionRef | None = None
                ) -> tuple[list[ContributionRef], list[ContributionRef]]:
    """What one phase tells, for the summaries and the portfolios alike: up to `count` of
    the inbrenger's own insights, and up to `count` of the peers' words that open the
    inbrenger's thinking (varied, the contribution that helped most always among them); not
    the `story` of the try, which has its own line."""
    said = [c for c in talk(contributions) if c.phase == phase.value and c.text and c != story]
    own = own_words(cycle, said, phase, count)
    peers = [c for c in said if c.user_id != cycle.inbrenger_id
             and (known(c.label) in _PEER_LABELS.get(phase, set())
                  or c.id == cycle.lookback_choice or is_strong_moment(cycle, c))]
    helpful = next((c for c in peers if c.id == cycle.lookback_choice), None)
    return own, varied(peers, count, keep=helpful)


def _phase_part(ctx: CycleContext, phase: Phase,
                story: ContributionRef | None = None) -> Text | None:
    """One phase: the inbrenger's own words apart from the peers', the contribution that
    helped most marked where it was said; not the `story` of the try (`how_it_went`), told
    once, in its own line above the goal."""
    cycle = ctx.cycle
    own, chosen = phase_words(cycle, ctx.contributions, phase, QUOTES_PER_PART, story)
    mine = tuple(own_line(words_of(c, OWN_QUOTE_CHARS)) for c in own)
    spoken = tuple(c for c in unread_own_voice(cycle, talk(ctx.contributions), phase)
                   if c != story)
    if spoken:  # what they said aloud, by its length (as the look back shows it)
        mine += (voice_line(spoken),)
    lines: list[Text] = []
    if mine and phase is not Phase.WILL:  # in will the confirmed commitment speaks for them
        lines.append(text("summary.own_words", name=ctx.name_of(cycle.inbrenger_id),
                          lines=mine))
    if chosen:
        lines.append(text("summary.peer_words", lines="\n".join(
            _peer_line(ctx, c, c.id == cycle.lookback_choice) for c in chosen)))
    if phase is Phase.REALITY and (strong := strong_moments_line(ctx)) is not None:
        lines.append(strong)
    if not lines and phase is not Phase.WILL and (unseen := _nothing_quoted(ctx, phase)):
        lines.append(unseen)
    if not lines:
        return None
    return text(f"summary.phase.{phase.value}", lines=tuple(lines))


def strong_moments_line(ctx: CycleContext) -> Text | None:
    """Who named a strong moment, and where in the clip: the practice's "what works well",
    one line in the Reality part ("Sterke momenten: Mohamed (0:15), Fleur (0:03)"). Everyone
    who named one, those quoted above it too (a coach read a quoted one's absence as "named
    none"); one who erased their data since is "a group member", never "—" ("none")."""
    said = [c for c in talk(ctx.contributions) if is_strong_moment(ctx.cycle, c)]
    times: dict[int, list[str]] = {}
    for c in said:
        moment = moment_of(c)
        times.setdefault(c.user_id, [])
        if moment is not None and clock(moment) not in times[c.user_id]:
            times[c.user_id].append(clock(moment))
    if not times:
        return None
    return text("summary.strong_moments", moments=tuple(
        _strong_moment(ctx.name_of(user), at) for user, at in times.items()))


def _strong_moment(name: str, times: list[str]) -> Text:
    who = named(name)
    if times:
        return text("summary.strong_moment_at", name=who, times=", ".join(times))
    return text("summary.strong_moment", name=who)


def _nothing_quoted(ctx: CycleContext, phase: Phase) -> Text | None:
    """A phase with nothing to quote says why rather than go missing (SPEC 5: "the Reality in
    a few lines"): its words are no longer kept (/forget, the retention), only advice came
    (which tells the group and the coach something), or nothing was written. Only "ja" or an
    unread voice note is none of these: then there is no part."""
    said = [c for c in talk(ctx.contributions) if c.phase == phase.value]
    kept = [c for c in said if not c.erased]
    if any(known(c.label) in COMPENSATING for c in kept) \
            and not any(known(c.label) in ACTIVATING for c in kept):  # a voice note not quoted
        return text("summary.phase_only_advice")
    if len(kept) < len(said):
        return text("summary.phase_erased")
    return None if said else text("summary.phase_unwritten")


def varied(said: list[ContributionRef], count: int,
           keep: ContributionRef | None = None) -> list[ContributionRef]:
    """Up to `count` of `said`, in the talk's order: each step's first before any step's
    second (reality's Reality in a few lines is what was seen, what works and the analysis,
    not three observations), then each member's first before anyone's second, and `keep`
    (what helped most) always among them: the summary tells the group's thinking, not its
    fastest writer's. Contributions stored before steps were kept have none: all one step."""
    picked = [keep] if keep is not None else []
    left = [c for c in said if c is not keep]
    while left and len(picked) < count:
        steps = Counter(c.step for c in picked)
        members = Counter(c.user_id for c in picked)
        best = min(left, key=lambda c: (steps[c.step], members[c.user_id], said.index(c)))
        picked.append(best)
        left.remove(best)
    return sorted(picked, key=said.index)


def words_of(c: ContributionRef, chars: int = QUOTE_CHARS) -> str:
    """A quote of the words; a transcribed voice note is marked as spoken."""
    if c.is_voice:
        return f"🎙 {quote_words(as_heard(c.text), chars)}"
    return quote_words(c.text, chars)


def as_heard(words: str) -> str:
    """A transcript as shown: with a capital first letter, which recognisers leave out
    ("i will ask ..."). What is stored (and exported as data) stays as it was heard."""
    return words[:1].upper() + words[1:]


def as_shown(c: ContributionRef) -> ContributionRef:
    """The contribution with its words as shown (a transcript capitalised), for quoting."""
    return replace(c, text=as_heard(c.text)) if c.is_voice else c


def _peer_line(ctx: CycleContext, c: ContributionRef, helpful: bool) -> str:
    line = f"• {ctx.name_of(c.user_id)}: {words_of(c)}"
    return line + " ⭐" if helpful else line


def tried_line(cycle: Cycle, name: str) -> Text | None:
    if not cycle.previous_commitment:
        return None
    answer = text(f"summary.tried_answer.{cycle.tried or 'unknown'}")
    return text("summary.tried", name=name, commitment=cycle.previous_commitment,
                answer=answer)


def story_line(story: ContributionRef, name: str) -> Text:
    """How the try went, in the inbrenger's words (`how_it_went`)."""
    return text("summary.tried_story", name=name, quote=quoted(as_shown(story), STORY_CHARS))


# The inbrenger's own account of their try: longer than a peer's quote in the summary.
STORY_CHARS = 300


def how_it_went(cycle: Cycle,
                contributions: Iterable[ContributionRef]) -> ContributionRef | None:
    """The inbrenger's first words in the goal of a cycle that follows a commitment: the goal
    prompt asks them to tell the group first how it went. Where a peer asked another
    question before ("what makes it hard?"), those words answer that: no story then (a
    review saw such an answer shown as how it went); "hoe ging het?" asks for the story."""
    if not cycle.previous_commitment:
        return None
    for c in contributions:
        if c.phase != Phase.GOAL.value:
            continue
        if c.user_id == cycle.inbrenger_id and (c.text or c.is_voice):
            return c
        if known(c.label) in QUESTIONS and not _ABOUT_THE_TRY.search(c.text):
            return None
    return None


_ABOUT_THE_TRY = re.compile(r"\b(?:ging|gegaan|gaat|lukte|gelukt|lukt|probeerde|geprobeerd|"
                            r"voornemen|went|go|going|goes|worked|tried|try|commitment)\b",
                            re.IGNORECASE)


def lookback_part(ctx: CycleContext, *, for_coach: bool = False) -> tuple[Text, ...]:
    """What helped the inbrenger most, and the moves the peers will use again ("we" in the
    group's summary; the coach is not one of them)."""
    cycle = ctx.cycle
    parts: list[Text] = []
    helpful = next((c for c in ctx.contributions if c.id == cycle.lookback_choice), None)
    inbrenger = named(ctx.name_of(cycle.inbrenger_id))
    if helpful is not None and not (helpful.text or helpful.is_voice):
        # Its words are gone (the writer's /forget, or the retention): said, never an empty quote.
        parts.append(text("summary.helpful_erased", inbrenger=inbrenger))
    elif helpful is not None:
        parts.append(text("summary.helpful", name=ctx.name_of(helpful.user_id),
                          quote=quoted(as_shown(helpful), QUOTE_CHARS), inbrenger=inbrenger))
    elif cycle.erased_by_inbrenger:
        pass  # their choice, or that they made none, went with their words
    elif cycle.lookback_choice == 0:
        parts.append(text("summary.helpful_none", inbrenger=inbrenger))
    elif cycle.phase is Phase.CLOSED and ctx.inbrenger is None:
        # They left the chat before the look back (or in it): not "did not choose", and no
        # later choice to wait for.
        parts.append(text("summary.helpful_left", inbrenger=inbrenger))
    elif cycle.phase is Phase.CLOSED:
        # No answer in time: said, so nobody reads the silence as "nothing helped". A late
        # choice (possible while buttons were offered) comes as an addition.
        key = "report.helpful_open" if cycle.lookback_options else "report.helpful_unanswered"
        parts.append(text(key, inbrenger=inbrenger))
    lines = tuple(_move_line(ctx, c) for c in ctx.contributions
                  if c.phase == LOOKBACK and (c.text or unread_voice(c)))
    if lines:
        parts.append(text("report.moves_coach" if for_coach else "summary.moves", lines=lines))
    return tuple(parts)


def _move_line(ctx: CycleContext, line: ContributionRef) -> Text:
    """A peer's look-back line in their words (marked as spoken where it was, as the talk's
    quotes are); a spoken one nobody could read by its length."""
    said: str | Text = words_of(line) if line.text else text(
        "summary.count.voice_notes", count=1, length=clock(line.duration))
    return text("summary.member_line", name=ctx.name_of(line.user_id), parts=said)


def group_summary(ctx: CycleContext, *, for_coach: bool = False,
                  participation_part: Text | None = None) -> tuple[Text, ...]:
    """The summary the group reads when the cycle closes (and with /summary). With the
    group's history in the context it ends with the view across cycles: what helped the
    inbrengers most, and each member's progress towards three cycles. `for_coach`: the same
    in words for the coach, who is not in the group ("the members", not "we"), with the
    coach's counts as `participation_part` in the place of the group's balance."""
    cycle = ctx.cycle
    name = ctx.name_of(cycle.inbrenger_id)
    parts: list[Text] = [text("summary.title", name=name, number=cycle.number,
                              learning_question=cycle.learning_question or "—")]
    tried = tried_line(cycle, name)
    if tried is not None:
        parts.append(tried)
    story = how_it_went(cycle, ctx.contributions)
    if story is not None:
        parts.append(story_line(story, name))
    parts.extend(part for phase in TALK_PHASES
                 if (part := _phase_part(ctx, phase, story if phase is Phase.GOAL else None)))
    parts.append(commitment_line(cycle))
    parts.extend(lookback_part(ctx, for_coach=for_coach))
    rows = participation(ctx)
    if participation_part is not None:
        parts.append(participation_part)
    elif rows:
        parts.append(text("summary.participation",
                          lines=tuple(participation_line(row) for row in rows)))
    if ctx.history:
        history = with_cycle(ctx.history, cycle, ctx.contributions)
        across = across_cycles(ctx.members, history, for_coach=for_coach)
        if across is not None:
            parts.append(across)
        if (done := reached(cycle, name, history, for_coach=for_coach)) is not None:
            parts.append(done)
    return tuple(parts)
