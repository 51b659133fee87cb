"""Ordered cue rules: each sentence gets the label of its strongest cue, and the message gets
the label of its strongest sentence (the main act; later sentences win ties, since a lead-in
such as a greeting or thanks comes first).

Weights, high to low: a cue that settles the act whatever the form (research, "heb je al eens
geprobeerd", "wist je dat") > the form of a question or a marked reflection > a marked opinion
or advice in a statement > a bare verdict word > a general claim > what the clip shows > a
thanks, greeting or acknowledgement. The conventions of ../shared/data/README.md are rules here:
advice as a question is a tip, a verdict as a question an opinion, praise of a person an
affirmation but praise of a classroom moment an opinion, and so on.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from flows.classifier.generic import NOUN_SUBJECT, comparative_claim, general_claim
from flows.classifier.lexicon import Lexicon, cue_of
from flows.classifier.text import MOMENT_WORDS, TS
from flows.labels import Label


@dataclass(frozen=True)
class Verdict:
    label: Label
    cue: str
    weight: float
    sentence: str  # the normalised sentence that decided
    question: bool = False  # the sentence has the form of a question


class _Best:
    """Keeps the strongest candidate; on equal weight the first rule checked stays."""

    def __init__(self, sentence: str, question: bool = False) -> None:
        self.sentence = sentence
        self.question = question
        self.verdict: Verdict | None = None

    @property
    def settled(self) -> bool:
        """Nothing outweighs a cue of weight 6, so the remaining rules can be skipped."""
        return self.verdict is not None and self.verdict.weight >= 6

    def offer(self, label: Label, match: re.Match[str] | None, weight: float,
              cue: str | None = None) -> None:
        if match is None or (self.verdict is not None and self.verdict.weight >= weight):
            return
        self.verdict = Verdict(label, cue if cue is not None else cue_of(match), weight,
                               self.sentence, self.question)

    def wants(self, weight: float) -> bool:
        """Whether a cue of `weight` would still win: if not, its pattern need not be run."""
        return self.verdict is None or self.verdict.weight < weight

    def find(self, label: Label, pattern: re.Pattern[str], text: str, weight: float) -> None:
        """`offer(label, pattern.search(text), weight)`, searching only if it could win (the
        rules cost most of a long turn's time, and once a strong cue is found most are moot)."""
        if self.verdict is None or self.verdict.weight < weight:
            self.offer(label, pattern.search(text), weight)


_WORDS = re.compile(r"[\w'<>]+")


def _core(sentence: str, lex: Lexicon) -> str:
    """The sentence without interjections and lead-ins ("oké, ...", "eerlijk, ..."), so the
    start-of-sentence rules see where the act begins."""
    core = sentence
    for _ in range(3):
        stripped = lex.lead_in.sub("", core, count=1)
        if stripped == core:
            break
        core = stripped
    return core.strip() or sentence


# A moment of the clip put first ("op 0:45 even wachten", "at 1:10, wait until ..."): advice
# that starts after it is read as if it opened the sentence.
_MOMENT_FIRST = re.compile(r"^(?:" + "|".join(MOMENT_WORDS.values()) + ") " + re.escape(TS)
                           + r"[,:]? (?:dan |then )?")


def _after_moment(core: str) -> str | None:
    """What follows a moment of the clip that opens the sentence, or None."""
    rest = _MOMENT_FIRST.sub("", core, count=1)
    return rest if rest != core and rest else None


# "When you raise your hand ...", "wanneer je ...": the subject right after the question word
# makes it a subordinate clause opening a statement; a question inverts ("when do you").
_SUBCLAUSE = re.compile(r"^(?:when|wanneer|whenever|zodra) (?:you|je|jij|they|ze|zij|he|she|hij|we|i|ik|the|de|het)\b")


def _is_question(sentence: str, core: str, lex: Lexicon) -> bool:
    if sentence.endswith("?") or "?" in sentence[-3:]:
        return True
    if sentence.endswith("!"):
        return False  # "wat heb jij een geduld!" exclaims
    if lex.question_tag.search(sentence.rstrip(" .,")):
        return True  # a spoken question the recogniser wrote without "?"
    # Chat drops question marks; the opening words still show a question, unless it is an
    # exclamation ("wat een drukte") or a statement starting with a question word ("wat ik hoor").
    if lex.exclamation.search(core) or lex.statement_start.search(core):
        return False
    if lex.reflection.search(core) or lex.open_request.search(core):
        return False
    if _SUBCLAUSE.search(core):
        return False
    wh = lex.wh_start.search(core)  # without "?", only a question word that opens the sentence
    return bool((wh is not None and wh.start() == 0) or lex.yes_no_start.search(core))


# "Hoe merk je dat je de stilte niet meer uithoudt?": how the inbrenger notices something; the
# words of a suggestion ("niet meer", "niet beter") in what they notice suggest nothing.
_NOTICING = re.compile(r"^(?:hoe|wanneer|waaraan|how|when) (?:\w+ )?(?:merk|weet|zie|voel|hoor|"
                       r"herken|know|notice|see|feel|tell)\w* .*\b(?:dat|that)\b")


def _question(best: _Best, s: str, core: str, lex: Lexicon) -> None:
    best.offer(Label.INFORMATION, lex.information.search(s), 6)
    best.offer(Label.OPEN_QUESTION, lex.asked_tried.search(core), 6)  # before the tip's words
    best.offer(Label.TIP, lex.tip.search(s), 6)
    if best.settled:
        return
    best.find(Label.OTHER, lex.other, s, 5.5)
    best.find(Label.OPEN_QUESTION, lex.open_request, s, 5.5)
    if not _NOTICING.search(core):
        best.find(Label.TIP, lex.suggestive_question, s, 5.4)
    after = _after_moment(core)
    if after is not None:  # "op 0:45 misschien even wachten?"
        best.find(Label.TIP, lex.suggestive_question, after, 5.4)
    best.find(Label.OTHER, lex.other_question, s, 5.3)
    best.find(Label.OTHER, lex.other_weak, s, 3.2)
    # "When you say 'wait time', you mean ...?": a clause, not a question word, opens it.
    wh = lex.wh_start.search(core, 1 if _SUBCLAUSE.search(core) else 0)
    if wh is None:
        # A restatement checked with a question mark is a closed question (README).
        best.find(Label.CLOSED_QUESTION, lex.reflection, s, 5.2)
        # Only a marked verdict ("te snel", "isn't that a bit ...") makes a yes/no question an
        # opinion; "Was de uitleg duidelijk voor ze?" is still a question.
        if best.wants(5.1):
            best.offer(Label.OPINION, lex.verdict_question.search(s) or lex.too.search(s), 5.1)
    if wh is not None and wh.start() == 0 and ", " in core and best.wants(5.05):
        tail = core.rsplit(", ", 1)[1]
        if lex.wh_start.search(tail) is None and len(_WORDS.findall(tail)) >= 5:
            best.offer(Label.CLOSED_QUESTION, lex.yes_no_start.search(tail), 5.05)
    if wh is not None and best.wants(5):
        short = lex.short_answer.search(core)
        if short is not None and lex.mental.search(s) is None:
            best.offer(Label.CLOSED_QUESTION, short, 5)
        # The question word and the next one name the question ("wat maakte", "how did").
        opening = re.match(r".+", " ".join(_WORDS.findall(core[wh.start():])[:2]))
        best.offer(Label.OPEN_QUESTION, opening or wh, 5)
    if best.wants(5):  # the form alone: 5 with two words or more, else 1
        n_words = len(_WORDS.findall(core))
        start = " ".join(_WORDS.findall(core)[:2])
        fallback = re.match(r".+", start)
        best.offer(Label.CLOSED_QUESTION, fallback, 5 if n_words >= 2 else 1)


def _statement(best: _Best, s: str, core: str, lex: Lexicon, has_name: bool) -> None:
    best.offer(Label.INFORMATION, lex.information.search(s), 6)
    best.offer(Label.TIP, lex.tip.search(s), 6)
    if best.settled:
        return
    # "Bedankt voor het inbrengen": thanks for the contribution, not meeting logistics.
    thanks = lex.thanks.search(s)
    thanks_for_sharing = bool(thanks and lex.intervision_meta.search(s))
    if not thanks_for_sharing:
        best.find(Label.OTHER, lex.other, s, 5.5)
    # A request to say more is an open question, even about what the inbrenger means (README).
    best.find(Label.OPEN_QUESTION, lex.open_request, s, 5.5)
    best.find(Label.REFLECTION, lex.reflection, core, 5.5)
    if not thanks_for_sharing:
        best.find(Label.OTHER, lex.other_weak, s, 3.2)
    if not best.wants(5):
        return  # nothing below weighs more than 5
    too = lex.too.search(s)  # "te lang", "too strict": read once, used below four times
    heard, reported = _said_praise(s, lex)  # the writer's own words of praise and verdict
    if reported:  # "je zei heel vaak super": what the inbrenger said is seen in the clip
        best.offer(Label.OBSERVATION, re.match(r".+", s), 3.1, cue=reported)
    affirm = lex.affirmation.search(heard)
    if affirm is not None:
        if too is not None:
            best.offer(Label.OPINION, too, 5)
        elif lex.classroom_moment.search(s) and not lex.intervision_meta.search(s):
            best.offer(Label.OPINION, affirm, 4.8)
        else:
            best.offer(Label.AFFIRMATION, affirm, 5)
    best.find(Label.TIP, lex.tip_statement, s, 5)
    after = _after_moment(core)
    if after is not None:
        best.find(Label.TIP, lex.tip_statement, after, 5)
    # "Praise works best ..." is no imperative. After a moment only in English: Dutch puts its
    # verb first there in any statement ("op 1:02 zet Ayoub zijn capuchon op").
    for start in (core, after if lex.lang == "en" else None):
        if start is not None and best.wants(4.6) and NOUN_SUBJECT[lex.lang].search(start) is None:
            best.offer(Label.TIP, lex.imperative.search(start), 4.6)
    best.find(Label.REFLECTION, lex.reflection_you, s, 4.5)
    # Praise of the clip itself ("leuk filmpje") is an affirmation; its praise words must not
    # turn the rest of the sentence into an opinion.
    praise = lex.clip_praise.search(s)
    if best.wants(4):  # the verdicts weigh 4 to 4.5
        rest = heard[: praise.start()] + heard[praise.end():] if praise else heard
        best.find(Label.OPINION, lex.opinion, rest, 4.5)
        # "te lang" names the verdict better than a nearby intensifier does, so it goes first.
        best.find(Label.OPINION, lex.too, rest, 4.01)
        verdict = lex.evaluative.search(rest)
        positive = lex.positive.search(rest) if verdict is not None else None
        if (positive is not None and lex.second_person.search(s)
                and not lex.classroom_moment.search(s) and too is None):
            # Praise aimed at "you" without a particular moment is praise of the person.
            best.offer(Label.AFFIRMATION, positive, 4.1)
        best.offer(Label.OPINION, verdict, 4)
    if TS not in s and best.wants(4.2):  # the general claims weigh 4.2 and 4.3
        no_deixis = lex.deixis.search(s) is None
        if too is None or no_deixis:
            # A bare plural or generic subject opens a claim about people in general; with
            # nothing from the clip, "too" is part of the claim ("Gifted pupils ... work that
            # is too easy").
            best.find(Label.INFORMATION, lex.generic_subject, core, 4.3)
        if too is None:
            if no_deixis:
                best.find(Label.INFORMATION, lex.generic_claim, s, 4.2)
            if best.wants(4.2):
                best.offer(Label.INFORMATION,
                           comparative_claim(core, lex.lang, lex.deixis, has_name), 4.2)
    if best.wants(3):
        best.offer(Label.OBSERVATION,
                   re.search(r"(?:\w+ )?" + re.escape(TS), s) if TS in s else None, 3)
        best.find(Label.OBSERVATION, lex.perception, s, 3)
    best.offer(Label.AFFIRMATION, thanks, 2.5)
    best.offer(Label.AFFIRMATION, praise, 2)
    if best.wants(4.15):
        best.offer(Label.OTHER, lex.ack.search(s) or lex.ack.search(core), 4.15)
    best.find(Label.OTHER, lex.greeting, s, 1)
    # A plain fact about pupils or learning, with no cue and nothing from the clip (generic.py).
    if best.wants(2):
        best.offer(Label.INFORMATION, general_claim(core, lex.lang, lex.deixis, has_name), 2)
    if best.wants(1.2):
        anything = re.match(r".+", core)
        if len(_WORDS.findall(core)) >= 3 and (has_name or lex.clip_subject.search(s)):
            best.offer(Label.OBSERVATION, anything, 1.2, cue="")
        best.offer(Label.OTHER, anything, 0.5, cue="")


# Praise someone is heard saying is words of the clip, not the writer's praise: a verb of
# saying just before it ("you said good job"; not the writer's own "I'd say") or, in Dutch
# order, just after it ("ik hoorde je goed zo zeggen").
_SAYS_BEFORE = "say|says|said|saying|tell|tells|told|zegt|zei|zeiden|zeg|roept|riep"
_SAYS_AFTER = "zeggen|zegt|zei|zeiden|roepen|roept|riep"  # Dutch puts the verb last
_SAYING = re.compile(rf"\b(?:{_SAYS_BEFORE}|{_SAYS_AFTER})\b")
_SAID_BEFORE = re.compile(rf"\b(?:{_SAYS_BEFORE})\W+(?:\w+\W+){{0,2}}$")
_SAID_AFTER = re.compile(rf"\W*(?:\w+\W+)?(?:{_SAYS_AFTER})\b")
_WRITER_SAYS = re.compile(
    r"(?:\b(?:i|ik|we|wij)(?:'d|'ll)?|\blet me|\b(?:mag|moet|wil|zou|kan) (?:ik|we))"
    r"(?: (?:just|really|"
    r"would|will|must|have to|had to|want to|wanted to|wanna|gotta|need to|can|could|should|zou|"
    r"wil|moet|wou|kan|mag|even|ook|toch|wel|dan|maar|eerlijk))*\W*$")


def _said_praise(s: str, lex: Lexicon) -> tuple[str, str]:
    """`s` with praise someone is heard saying blanked out (as spaces, so that positions found
    in it stay those of `s`), and the words that report it ("say good job") or ""."""
    if not _SAYING.search(s):  # most sentences: nothing said in them, nothing to look for
        return s, ""
    heard, spans = s, []
    for pattern in (lex.affirmation, lex.evaluative, lex.positive):
        for found in pattern.finditer(s):
            before = _SAID_BEFORE.search(s, 0, found.start())
            if before and _WRITER_SAYS.search(s, 0, before.start()):
                before = None  # "I'd say", "I just want to say": the writer's own words
            after = None if before else _SAID_AFTER.match(s, found.end())
            if before is not None:
                spans.append((before.start(), found.end()))
            elif after is not None:
                spans.append((found.start(), after.end()))
            else:
                continue
            heard = heard[:found.start()] + " " * len(found.group(0)) + heard[found.end():]
    if not spans:
        return s, ""
    return heard, s[min(a for a, _ in spans):max(b for _, b in spans)]


# A few words and a colon before a question label it ("vraag:", "Bram:", "question for Bram:",
# "even een vraag:"); the question after it is the act.
_LABELLED = re.compile(r"^(?:[\w'-]+ ){0,3}[\w'-]+: (?=\S)")


def judge_sentence(sentence: str, lex: Lexicon, has_name: bool = False) -> Verdict:
    """The label of one normalised sentence, the words that decided, and how strongly."""
    whole = s = sentence.strip()
    if s.endswith("?"):  # "Vraag aan Bram: wat deed ...?", "Op <ts> wat zag je?": the rules read
        s = _LABELLED.sub("", s, count=1) or s  # the question (the sentence stays whole, for
        s = _after_moment(s) or s  # the rephrasing that puts the moment back)
    core = _core(s, lex)
    question = _is_question(s, core, lex)
    best = _Best(whole, question)
    if question:
        _question(best, s, core, lex)
    else:
        _statement(best, s, core, lex, has_name)
    assert best.verdict is not None  # the fallbacks always match
    return best.verdict


def judge_sentences(sentences: tuple[str, ...], lex: Lexicon,
                    has_name: bool = False) -> list[Verdict]:
    """The verdict of every sentence, in order (the learned model reads them all)."""
    return [judge_sentence(sentence, lex, has_name) for sentence in sentences]


def main_act(verdicts: list[Verdict]) -> Verdict:
    """The main act: the strongest sentence, the later one on a tie."""
    best: Verdict | None = None
    for verdict in verdicts:
        if best is None or verdict.weight >= best.weight:
            best = verdict
    if best is None:
        return Verdict(Label.OTHER, "", 0, "")
    return best


def judge_message(sentences: tuple[str, ...], lex: Lexicon, has_name: bool = False) -> Verdict:
    """The main act: the strongest sentence, the later one on a tie. `has_name` tells that the
    message names someone (a capitalised word inside a sentence), e.g. a pupil in the clip."""
    return main_act(judge_sentences(sentences, lex, has_name))
