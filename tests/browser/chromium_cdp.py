"""A headless Chromium driven over the DevTools protocol (CDP) with aiohttp's websocket client:
no browser download, no extra package. Enough for the sandbox test: open a page, run script in
it, wait for a condition, resize to phone width, take screenshots."""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import aiohttp

ARTIFACTS = Path(__file__).parent / "artifacts"
GUIDE_IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    configured = os.environ.get("CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


class Browser:
    def __init__(self, executable: str, width: int = 1280, height: int = 860) -> None:
        self.executable, self.width, self.height = executable, width, height
        # Chromium's helper processes can still write to the profile for a moment after the
        # browser exits; `close` retries the removal rather than fail a passed test on it.
        self._profile = tempfile.TemporaryDirectory(prefix="sandbox-chromium-",
                                                    ignore_cleanup_errors=True)
        self._process: asyncio.subprocess.Process | None = None
        self._session: aiohttp.ClientSession | None = None
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._ids = itertools.count(1)

    async def start(self) -> None:
        profile = Path(self._profile.name)
        self._process = await asyncio.create_subprocess_exec(
            self.executable, "--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--no-first-run", "--mute-audio",
            "--remote-debugging-port=0", f"--user-data-dir={profile}",
            f"--window-size={self.width},{self.height}", "about:blank",
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)
        port_file = profile / "DevToolsActivePort"
        for _ in range(300):
            if port_file.exists() and port_file.read_text().strip():
                break
            await asyncio.sleep(0.05)
        port = int(port_file.read_text().split()[0])
        self._session = aiohttp.ClientSession()
        async with self._session.get(f"http://127.0.0.1:{port}/json/list") as response:
            targets = await response.json(content_type=None)
        page = next(t for t in targets if t["type"] == "page")
        self._ws = await self._session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0)
        await self.send("Page.enable")
        await self.send("Runtime.enable")

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._session is not None:
            await self._session.close()
        if self._process is not None and self._process.returncode is None:
            self._process.terminate()
            try:
                await asyncio.wait_for(self._process.wait(), 10)
            except TimeoutError:
                self._process.kill()
                await self._process.wait()
        for _ in range(20):  # a helper may still be writing; give it up to two seconds
            shutil.rmtree(self._profile.name, ignore_errors=True)
            if not os.path.exists(self._profile.name):
                break
            await asyncio.sleep(0.1)
        self._profile.cleanup()

    async def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        assert self._ws is not None
        call_id = next(self._ids)
        await self._ws.send_str(json.dumps({"id": call_id, "method": method,
                                            "params": params or {}}))
        while True:
            message = json.loads((await self._ws.receive()).data)
            if message.get("id") == call_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return dict(message.get("result", {}))

    async def evaluate(self, expression: str) -> Any:
        result = await self.send("Runtime.evaluate", {
            "expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"in the page: {result['exceptionDetails']}")
        return result["result"].get("value")

    async def goto(self, url: str) -> None:
        await self.send("Page.navigate", {"url": url})
        await self.wait_for("document.readyState === 'complete'")

    async def wait_for(self, expression: str, timeout: float = 20.0) -> Any:
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            value = await self.evaluate(expression)
            if value:
                return value
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"not true within {timeout}s: {expression}")
            await asyncio.sleep(0.1)

    async def viewport(self, width: int, height: int, *, mobile: bool = False) -> None:
        await self.send("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})

    async def screenshot(self, path: Path) -> Path:
        await asyncio.sleep(0.3)  # let the last render and image loads settle
        data = await self.send("Page.captureScreenshot", {"format": "png"})
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data["data"]))
        return path


class Shots:
    """Numbered screenshots of one test, in artifacts/<name>/ (and docs/images/ on request)."""

    def __init__(self, browser: Browser, name: str) -> None:
        self.browser, self.folder = browser, ARTIFACTS / name
        self.to_guide = os.environ.get("GUIDE_SCREENSHOTS") == "1"
        self.count = 0

    async def take(self, label: str) -> Path:
        self.count += 1
        path = await self.browser.screenshot(self.folder / f"{self.count:02d}-{label}.png")
        if self.to_guide:
            GUIDE_IMAGES.mkdir(parents=True, exist_ok=True)
            (GUIDE_IMAGES / f"{self.folder.name}-{label}.png").write_bytes(path.read_bytes())
        return path
