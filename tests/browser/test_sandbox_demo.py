"""The sandbox's guided demo, played in headless Chromium from the first click to the coach's
summary: once as the inbrenger in English (with the clock moved a week on for the follow-up,
a reload and phone width), once as a peer in Dutch (with a private nudge and a coach deep
link). The peers run at 20x speed (`?pace=0.05`)."""

from __future__ import annotations

import json

import pytest
from chromium_cdp import Browser, Shots

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

# Small helpers put into the page: find by visible text, click, type and send.
HELPERS = """
window.__t = {
  all(selector, text, scope) {
    const root = scope ? document.querySelector(scope) : document;
    return [...root.querySelectorAll(selector)].filter((n) => n.textContent.includes(text));
  },
  click(selector, text, scope) {
    const found = this.all(selector, text, scope);
    if (!found.length) return false;
    found[found.length - 1].click();
    return true;
  },
  send(text) {
    document.getElementById("text").value = text;
    document.getElementById("composer").requestSubmit();
    return true;
  },
  has(text, scope) {
    const root = scope ? document.querySelector(scope) : document.body;
    return root.innerText.includes(text);
  },
  stage() { return window.guide.demo ? window.guide.demo.stage : null; },
  waiting() { return !!(window.guide.demo && window.guide.demo.waiting_for_you); },
};
true
"""


class Page:
    def __init__(self, browser: Browser) -> None:
        self.b = browser

    async def open(self, url: str) -> None:
        await self.b.goto(url)
        await self.b.evaluate(HELPERS)
        await self.b.wait_for("window.guide && window.guide.cast.length > 0")

    async def click(self, text: str, selector: str = "button", scope: str = "") -> None:
        call = f"__t.click({json.dumps(selector)}, {json.dumps(text)}, {json.dumps(scope)})"
        await self.b.wait_for(call)

    async def press(self, text: str) -> None:
        """A button under one of the bot's messages in the open chat."""
        await self.click(text, "#messages .key")

    async def send(self, text: str) -> None:
        await self.b.evaluate(f"__t.send({json.dumps(text)})")

    async def see(self, text: str, scope: str = "", timeout: float = 30.0) -> None:
        await self.b.wait_for(f"__t.has({json.dumps(text)}, {json.dumps(scope)})", timeout)

    async def stage(self, stage: str, *, waiting: bool = False) -> None:
        condition = f"__t.stage() === {json.dumps(stage)}"
        await self.b.wait_for(condition + (" && __t.waiting()" if waiting else ""), 60)


async def test_the_inbrenger_plays_a_cycle_in_english(sandbox_url: str, browser: Browser) -> None:
    page, shots = Page(browser), Shots(browser, "en")
    await page.open(f"{sandbox_url}/?pace=0.05")
    await page.click("EN", "header button")
    await page.see("Play the inbrenger", "#start-here")
    await shots.take("start-here")

    await page.click("Play the inbrenger", "#start-here button")
    await page.stage("announced", waiting=True)
    assert await browser.evaluate("state.me") == 1002  # Bram, the inbrenger
    await page.press("I'll bring in")
    await page.stage("awaiting_clip")
    await page.click("Send the sample clip", "#guide-actions button")
    await page.press("Yes, the recording complies")
    await page.stage("watching")
    await page.see("Watch Bram's clip", "#messages")
    await browser.wait_for("!!document.querySelector('#messages img.media')")
    await shots.take("clip-and-storyboard")

    await page.stage("goal", waiting=True)
    await page.send("When they are seated within two minutes and start on their own.")
    await page.send("/next")
    for step in ("reality.see", "reality.strong", "reality.analysis"):
        await page.stage(step, waiting=True)
        if step == "reality.analysis":
            await page.see("Private to Daan", "#notes")
            await shots.take("nudge-to-daan")
        await page.send("/next")
    await page.stage("options", waiting=True)
    await page.send("/tips")
    await page.send("/next")
    await page.stage("will", waiting=True)
    await page.send("I will greet the pupils at the door and put a starter task on the board, "
                    "so that they are working within two minutes.")
    await page.press("Yes, that is my commitment")
    await page.see("Your commitment", "#messages")
    await page.send("/next")
    await page.stage("lookback")
    await page.see("None of these", "#messages")
    await shots.take("look-back")
    await browser.evaluate(  # the first contribution offered
        "[...document.querySelectorAll('#messages li.message')].filter((m) => "
        "m.innerText.includes('None of these')).pop().querySelector('.key').click()")
    await page.stage("closed")
    await page.see("Summary", "#messages")
    await shots.take("group-summary")

    await page.click("Open Eva's chat (coach)", "#guide-actions button")
    await page.see("Cycle summary for the coach", "#messages")
    await browser.wait_for("!!document.querySelector('#messages img.media')")  # the chart
    at_bottom = "(l => l.scrollHeight - l.scrollTop - l.clientHeight < 60)(" \
                "document.getElementById('messages'))"
    await browser.wait_for(f"[...document.querySelectorAll('#messages img')].every((i) => "
                           f"i.complete) && {at_bottom}")  # still at the newest after loading
    await shots.take("coach-summary")

    await page.click("+1 week", "#guide-actions button")
    await page.see("Private to Bram", "#notes")
    await page.see("You committed to", "#notes")
    await shots.take("follow-up-a-week-later")

    await browser.evaluate("location.reload()")
    await page.open(f"{sandbox_url}/?pace=0.05")
    assert await browser.evaluate("state.me") == 1005  # Eva, chosen last, survives a reload
    await browser.viewport(390, 844, mobile=True)
    await page.click("Bram", "#cast button")
    await browser.wait_for("state.me === 1002")
    await shots.take("phone")


async def test_a_peer_plays_a_cycle_in_dutch(sandbox_url: str, browser: Browser) -> None:
    page, shots = Page(browser), Shots(browser, "nl")
    await page.open(f"{sandbox_url}/?pace=0.05")
    await page.click("NL", "header button")
    await page.see("Speel een collega", "#start-here")
    await shots.take("begin-hier")

    await page.click("Speel een collega", "#start-here button")
    await page.stage("watching", waiting=True)
    assert await browser.evaluate("state.me") == 1003  # Cato
    await page.press("Ik heb gekeken")
    lines = {
        "goal": "Wat wil je dat de leerlingen als eerste doen?",
        "reality.see": "Op 0:03 kijk je naar het bord terwijl het rumoerig is.",
        "reality.strong": "Op 0:04 wacht je rustig tot het stil is: dat werkt.",
        "reality.analysis": "Je zou een timer op het bord moeten zetten.",
        "options": "Wat zou je zelf als eerste willen proberen?",
    }
    for stage, line in lines.items():
        await page.stage(stage, waiting=True)
        await page.send(line)
        if stage == "reality.analysis":  # a tip in reality: a private nudge, next to the group
            await page.see("Privé aan Cato", "#notes")
            await shots.take("duwtje")
    await page.stage("lookback", waiting=True)
    await page.send("Doorvragen op wat iemand echt zag.")
    await page.stage("closed")
    await page.see("Samenvatting", "#messages")
    await shots.take("samenvatting-groep")

    # The coach view: Anna asks for a coach link and it is opened as Eva, as on Telegram.
    await page.click("Anna", "#cast button")
    await browser.wait_for("state.me === 1001")
    await page.send("/coach")
    await page.click("privé met de bot", "#chats button")
    links = "document.querySelectorAll('#messages a.deep-link').length"
    await browser.wait_for(f"{links} === 2")  # the demo's link (used) and this new one
    await page.click("t.me", "#messages a.deep-link")
    await page.click("Eva", "#link-choices button")
    await browser.wait_for("state.me === 1005 && state.chatId === 1005")
    linked = ("[...document.querySelectorAll('#messages li.message')]"
              ".filter((m) => m.innerText.includes('Je bent nu coach van')).length")
    await browser.wait_for(f"{linked} === 2", 30)  # linked again by the new link
    await page.see("Cyclus-samenvatting voor de coach", "#messages")
    await shots.take("coach")
    clock = await browser.evaluate("document.getElementById('clock-box').innerText")
    assert "opvolging" in clock  # the follow-up a week later is planned
