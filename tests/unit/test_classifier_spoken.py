"""Spoken language and the learned linear model (flows/classifier/spoken.py, linear.py): fillers
and run-on turns, the gate between teacher chat and speech, cues when the model decides, and
that the shipped weights are exactly what the training script writes from the allowed sets."""
from __future__ import annotations

import functools
import json
import os
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from flows.classifier import classify, fallback, linear
from flows.classifier.reading import RULE_CHARS, TEXT_CHARS, read, rule_window, text_window
from flows.classifier.spoken import drop_fillers, split_run_on
from flows.labels import COMPENSATING, Label

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "flows" / "classifier_data" / "linear_model.json"


def _shared() -> Path:
    env = os.environ.get("INTERVISION_SHARED_DIR")
    base = Path(env) if env else ROOT / ".." / "shared"
    return base / "data" if (base / "data").is_dir() else base


@pytest.mark.parametrize(("lang", "text", "clean"), [
    ("en", "uhm so i think, you know, they were tired", "so i think, they were tired"),
    ("en", "do you know what they did", "do you know what they did"),
    ("en", "just so you know, the book has exercises", "just so you know, the book has exercises"),
    ("nl", "ja nee dus eh ik zag dat ze zeg maar moe waren weet je", "dus ik zag dat ze moe waren"),
    ("nl", "weet je dat ze dat doen?", "weet je dat ze dat doen?"),
])
def test_fillers_are_dropped_but_real_words_stay(lang: str, text: str, clean: str) -> None:
    assert drop_fillers(text, lang)[0] == clean


def test_a_long_unpunctuated_turn_is_cut_where_a_question_starts() -> None:
    turn = "i noticed they were really loud after the break and what did you make of that moment"
    assert split_run_on(turn, "en") == [
        "i noticed they were really loud after the break and", "what did you make of that moment"]
    # Dutch inverts after a fronted clause, so "als ik het goed hoor wil je" stays one clause.
    whole = "als ik het goed hoor wil je meer rust in de klas zonder dat je streng wordt"
    assert split_run_on(whole, "nl") == [whole]
    assert split_run_on("what did you do then and what did they say", "en") == [
        "what did you do then and what did they say"]  # short: left whole


@pytest.mark.parametrize(("lang", "text", "label"), [
    ("en", "uhm so eh I think you could maybe try a timer you know", Label.TIP),
    ("nl", "eh ja dus ik zou eh de groepjes kleiner maken zeg maar", Label.TIP),
    ("en", "I noticed they were really loud after the break and eh what did you make of that",
     Label.OPEN_QUESTION),
    ("nl", "ja nee ik zag dat ze eh heel druk waren na de pauze weet je en eh wat vond jij",
     Label.OPEN_QUESTION),
    ("en", "okay so um you know the research actually shows that spaced practice works better",
     Label.INFORMATION),
    ("en", "um so you feel like you are losing the group when they come back from lunch",
     Label.REFLECTION),
])
def test_spoken_teacher_talk_is_read_like_chat(lang: str, text: str, label: Label) -> None:
    """Transcribed voice notes: fillers out, the main act of a run-on turn decides."""
    result = classify(text, lang)
    assert result.label is label
    if label in COMPENSATING:
        assert result.rephrasing


def test_you_shall_is_how_speech_to_text_hears_you_should() -> None:
    """pocketsphinx writes a spoken "You should give them more time to think" as "you shall
    give ..." (docs/media.md); review ux13 saw that tip stored as an observation, never
    nudged. "Shall we ..." stays a question about the meeting."""
    assert classify("you shall give them more time to think", "en").label is Label.TIP
    assert classify("uhm you shall wait a bit longer after the question", "en").label \
        is Label.TIP
    assert classify("shall we start with the clip?", "en").label is not Label.TIP
    # and it is asked as "you should" is, so the private nudge offers its question
    assert classify("you shall give them more time to think", "en").rephrasing == \
        "What would happen if you give them more time to think?"


def test_the_rules_read_the_last_sentences_of_a_long_turn_only() -> None:
    """A long spoken turn costs bounded time: the rules judge its last RULE_CHARS characters of
    sentences; chat (well under the bound) is judged whole."""
    chat = ("Leuk filmpje!", "Je zou meer wachttijd kunnen geven.")
    assert rule_window(chat) == chat
    lead = "so you have been thinking about this for a while and it has been hard " * 4
    turn = (lead.strip() + ".", "What would you like to do about it?")
    assert rule_window(turn) == turn[1:]
    run_on = ("and then " * 100).strip()
    window = rule_window((run_on,))
    assert len(window[0]) <= RULE_CHARS and run_on.endswith(window[0])
    assert run_on[-len(window[0]) - 1] == " "  # from a word start
    reading = read(" ".join(turn), "en")
    assert reading.main.label is Label.OPEN_QUESTION and len(reading.verdicts) == 1


def test_a_very_long_turn_is_read_as_its_start_and_its_end() -> None:
    short = "so you feel stuck " * 10
    assert text_window(short) == short
    turn = "first " + "middle " * 200 + "last words here"
    window = text_window(turn)
    assert len(window) <= 2 * TEXT_CHARS + 1 and "\n" in window
    assert window.startswith("first ") and window.endswith("last words here")
    reading = read(turn, "en")
    assert reading.prepared.sentences[-1].endswith("last words here")


@pytest.mark.parametrize(("text", "lang"), [
    ("goedemorgen allemaal, ik zit in de trein", "nl"), ("Op 1:05 loopt Roos weg", "nl"),
    ("hmm ok, Sam was late again?", "en"), ("Yeah. And you've been going to school.", "en")])
def test_the_fast_fallback_scores_are_those_of_its_features(text: str, lang: str) -> None:
    model = fallback.load_model()
    assert model is not None
    slow = model.scores(fallback.features(text, lang))
    fast = model.scores_of(text, lang)
    assert fallback.best_of(fast) == fallback.best_of(slow)
    assert all(abs(fast[k] - slow[k]) < 1e-6 for k in slow)


def test_the_model_loads_once_and_needs_no_numpy_or_scikit_learn() -> None:
    model = linear.load_model()
    assert model is not None, f"{MODEL} is missing or unreadable"
    assert linear.load_model() is model
    assert set(model.labels) == {label.value for label in Label}
    assert MODEL.stat().st_size < 5_000_000
    assert json.loads(MODEL.read_text(encoding="utf-8"))["format"] == linear.FORMAT
    code = ("import sys; from flows.classifier import classify; "
            "classify('Mm-hmm. So you are worried that you will lose your friends.', 'en'); "
            "bad = [m for m in ('numpy', 'scipy', 'sklearn') if m in sys.modules]; "
            "sys.exit(', '.join(bad) if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("text", [
    "Well, technically, we define binge drinking as having more than four drinks on one occasion.",
    "Mm-hmm. So you're worried that if you cut back you'll lose your friends.",
    "Yeah, and, um, the patch gives you nicotine without the smoke.",
    "Okay. And how do you feel after you drink?",
])
def test_spoken_counselling_goes_to_the_model_and_the_cue_is_from_the_text(text: str) -> None:
    model = linear.load_model()
    assert model is not None
    reading = read(text, "en")
    assert model.is_spoken(reading.tokens)
    result = classify(text, "en")
    assert result.cue.replace("...", " ").split() == [
        w for w in result.cue.replace("...", " ").split() if w in reading.prepared.text]
    assert (result.rephrasing is not None) == (result.label in COMPENSATING)


def test_spoken_counselling_held_out_is_read_better_than_by_the_rules_alone() -> None:
    """AnnoMI held-out is report only: never trained or tuned on; this floor (measured 0.544,
    rules alone 0.302) only catches a regression."""
    path = _shared() / "annomi" / "annomi_heldout.tsv"
    if not path.is_file():
        pytest.skip(f"no AnnoMI held-out split at {path}")
    sys.path.insert(0, str(ROOT))
    from benchmarks.classifier_quality import read_rows, scores

    rows = read_rows(path)
    gold = [row["label"] for row in rows]
    predicted = [classify(row["text"], row["lang"]).label.value for row in rows]
    _, _, compensating = scores(gold, predicted, sorted(set(gold)))
    assert compensating >= 0.52


def test_teacher_chat_stays_with_the_rules() -> None:
    model = linear.load_model()
    assert model is not None
    for text, lang in [("Je zou meer wachttijd kunnen geven", "nl"),
                       ("Op 1:23 zet je de lichten uit.", "nl"),
                       ("Why don't you put them in pairs?", "en"),
                       ("Thanks for sharing this clip, brave of you!", "en")]:
        assert not model.is_spoken(read(text, lang).tokens)


@functools.cache
def _training() -> tuple[Any, list[Any]]:
    if not (_shared() / "contributions_dev.tsv").is_file():
        pytest.skip(f"no development set at {_shared()}")
    sys.path.insert(0, str(ROOT))
    import benchmarks.train_classifier_model as training

    return training, training.featurise(training.source_rows())


def test_the_shipped_model_was_trained_on_the_allowed_sets_only() -> None:
    """Without scikit-learn: the file's hash of its training features is that of the allowed
    sets now (so it is not stale), and no row of a report-only set is among them."""
    training, rows = _training()
    from benchmarks.classifier_quality import FRESH_DIR, held_out_ids, read_rows

    shipped = json.loads(MODEL.read_text(encoding="utf-8"))
    assert shipped["data_sha256"] == training.data_hash(rows), (
        "linear_model.json is stale: rerun benchmarks/train_classifier_model.py")
    never = held_out_ids(read_rows(_shared() / "contributions_dev.tsv"))
    for name in ("fresh_check.tsv", "independent_check.tsv", "third_check.tsv",
                 "fourth_check.tsv", "fifth_check.tsv", "spoken_check.tsv", "spoken2_check.tsv"):
        never |= {row["id"] for row in read_rows(FRESH_DIR / name)}
    never |= {row["id"] for row in read_rows(_shared() / "annomi" / "annomi_heldout.tsv")}
    ids = {row.id for row in rows}
    assert len(ids) > 4_000 and not ids & never


def test_training_writes_the_shipped_model_byte_for_byte() -> None:
    """A fresh process (so BLAS starts on one thread, as the script sets) retrains and compares."""
    pytest.importorskip("sklearn", reason="scikit-learn is a training extra: pip install -e '.[train]'")
    if not (_shared() / "contributions_dev.tsv").is_file():
        pytest.skip(f"no development set at {_shared()}")
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "train_classifier_model.py"),
                           "--check"], cwd=ROOT, capture_output=True, text=True, timeout=110,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(("lang", "text", "label"), [
    # Spoken teacher talk (issue 17's voice notes), general patterns found on spoken_tune.tsv
    # and written anew here. A check of what the peer understood, tagged instead of "?".
    ("nl", "dus je wil vooral weten hoe je de start rustiger krijgt klopt dat", Label.CLOSED_QUESTION),
    ("en", "so you mostly want feedback on the instructions is that right", Label.CLOSED_QUESTION),
    # A verdict ending in "toch" or "right" stays a verdict.
    ("nl", "die uitleg was wel erg lang toch", Label.OPINION),
    ("en", "great call to stop the lesson there, right", Label.OPINION),
    # An indirect question in the past tense.
    ("nl", "ik vroeg me af waarom je juist die groep vooraan zette", Label.OPEN_QUESTION),
    ("en", "i was wondering what made you pick that song", Label.OPEN_QUESTION),
    # Advice from one's own classroom.
    ("en", "one thing that really helped me was a visual timer on the board", Label.TIP),
    ("nl", "wat bij mij echt hielp was een vast stiltesignaal", Label.TIP),
    # Something read or learned, passed on.
    ("nl", "ik las laatst dat korte instructies beter blijven hangen", Label.INFORMATION),
    ("en", "i read somewhere that kids remember more when they explain it to a peer",
     Label.INFORMATION),
    # A spoken "so" or "dus" that opens a claim restates nothing.
    ("en", "um so with fractions there's that well-known misconception about bigger numbers",
     Label.INFORMATION),
    ("nl", "ja dus bij ons op de opleiding heet dat", Label.INFORMATION),
    # A moment said in words is a moment in the clip.
    ("nl", "op een minuut twintig gaan er drie vingers tegelijk omhoog", Label.OBSERVATION),
    ("en", "right at the start a parent walks in with a lunchbox", Label.OBSERVATION),
    # A verdict asked as a question is an opinion.
    ("nl", "is het niet een beetje raar om ze zo lang te laten wachten", Label.OPINION),
    ("en", "isn't that quiz kind of a waste after such a good discussion?", Label.OPINION),
    # Restating what was heard; asking to say more, also about what the inbrenger means.
    ("nl", "als ik het zo hoor ben je vooral bang dat je ze kwijtraakt", Label.REFLECTION),
    ("en", "can you say a bit more about what you mean by chaos", Label.OPEN_QUESTION),
    ("en", "when you say calm, do you mean silent?", Label.CLOSED_QUESTION),
    # Pupils in teams are in the clip; the session's planning is other.
    ("nl", "de kinderen werken in twee teams aan de opdracht", Label.OBSERVATION),
    ("nl", "wie is er volgende week aan de beurt met een filmpje", Label.OTHER),
    ("en", "has anyone finished the reflection essay, it's due on friday", Label.OTHER),
])
def test_spoken_teacher_talk_is_read_by_its_main_act(lang: str, text: str, label: Label) -> None:
    assert classify(text, lang).label is label


def test_the_spoken_sets_are_two_writers_of_nine_labels_in_both_languages() -> None:
    from benchmarks.classifier_quality import FRESH_DIR, read_rows

    for name, prefix in (("spoken_tune.tsv", "spa-"), ("spoken_check.tsv", "spb-")):
        rows = read_rows(FRESH_DIR / name)
        assert len(rows) == 216 and all(row["id"].startswith(prefix) for row in rows)
        assert Counter((row["lang"], row["label"]) for row in rows) == {
            (lang, label.value): size for label in Label for lang, size in (("nl", 16), ("en", 8))}


def test_spoken_moments_never_break_on_odd_words() -> None:
    """A transcript is anyone's words: every mix of number words, lead words and units reads
    as a moment of 0-59 minutes or as none, and never raises."""
    from flows.classifier.spoken_time import _WORDS, find_spoken_times

    words = [*_WORDS, "op", "bij", "rond", "at", "around", "after", "na", "de", "the", "about",
             "minuut", "minuten", "minute", "minutes", "seconds", "seconden", "en", "and", "oh",
             "in", "mark", "anderhalve", "a", "half", "3", "05", "20", "99", "for", "Één",
             "twenty-five", "tweeëntwintig"]
    chooser = random.Random(17)
    for _ in range(5_000):
        text = " ".join(chooser.choice(words) for _ in range(chooser.randint(1, 8)))
        for start, end, seconds in find_spoken_times(text):
            assert 0 <= start < end <= len(text) and 0 <= seconds < 60 * 60


@pytest.mark.parametrize("text", [
    "Okay. So for most people that is about 14 drinks a week, and we know that is on the high side.",
    "Mm-hmm. We could, um, we could look at some of the options together if you want.",
])
def test_the_model_quotes_words_that_say_something(text: str) -> None:
    """Where the learned model decides against the rules, its cue is the weightiest words, but
    never a bare function word or the digit stand-in ("0", "if", "we")."""
    result = classify(text, "en")
    words = result.cue.split()
    assert words and "0" not in words and not linear._FUNCTION.issuperset(words)
