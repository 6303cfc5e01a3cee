"""The real browser the web-page tests drive: Debian's headless Chromium
through Selenium (its driver and binary named, so Selenium Manager never
downloads anything), axe-core from npm, and a local web server for the
built pages (file:// URLs treat media and fonts differently)."""

from __future__ import annotations

import http.server
import json
import os
import re
import threading
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parents[2]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")


class RangeRequestHandler(http.server.SimpleHTTPRequestHandler):
    """Python's file server plus HTTP Range requests (one range), which
    Chromium needs to seek in an audio file; and no request log."""

    def send_head(self):
        match = re.fullmatch(r"bytes=(\d*)-(\d*)", self.headers.get("Range", "").strip())
        path = Path(self.translate_path(self.path))
        if not match or not path.is_file():
            return super().send_head()
        size = path.stat().st_size
        first, last = match.groups()
        if first:
            start, end = int(first), min(int(last) if last else size - 1, size - 1)
        else:  # "bytes=-N": the last N bytes
            start, end = max(size - int(last or 0), 0), size - 1
        if start >= size or start > end:
            self.send_response(416)
            self.send_header("Content-Range", f"bytes */{size}")
            self.end_headers()
            return None
        file = path.open("rb")
        file.seek(start)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(end - start + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        self._remaining = end - start + 1
        return file

    def end_headers(self):
        if not self._headers_buffer or b"Accept-Ranges" not in b"".join(self._headers_buffer):
            self.send_header("Accept-Ranges", "bytes")
        super().end_headers()

    def copyfile(self, source, outputfile):
        remaining = getattr(self, "_remaining", None)
        try:
            if remaining is None:
                return super().copyfile(source, outputfile)
            while remaining > 0:
                chunk = source.read(min(64 * 1024, remaining))
                if not chunk:
                    break
                outputfile.write(chunk)
                remaining -= len(chunk)
        except ConnectionError:  # the browser read enough of a media file and hung up
            pass

    def log_message(self, format, *args):
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 (a free port) in a thread; yields the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(RangeRequestHandler, directory=str(folder)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="page-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def start_chromium(width: int = 320, height: int = 800):
    """Headless Chromium with its window `width` CSS px wide; audio may play
    without a click, to a fake output device (there may be no sound card)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    for tool in (CHROMIUM, CHROMEDRIVER):
        assert os.access(tool, os.X_OK), f"{tool} is missing: `make test` installs chromium and chromium-driver"
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--autoplay-policy=no-user-gesture-required", "--mute-audio",
                 "--use-fake-device-for-media-stream", "--force-device-scale-factor=1",
                 "--no-first-run", "--disable-extensions", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--lang=en-US"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    set_viewport(driver, width, height)
    return driver


def set_viewport(driver, width: int, height: int = 800) -> None:
    """The page's layout viewport, in CSS px (independent of window chrome)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def set_color_scheme(driver, scheme: str) -> None:
    """Emulate the reader's `prefers-color-scheme` ("light" or "dark")."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})


def axe_source() -> str:
    assert AXE.is_file(), f"{AXE} is missing: `make test` runs `npm ci` (package.json installs axe-core)"
    return AXE.read_text(encoding="utf-8")


def run_axe(driver, tags: tuple[str, ...] = AXE_TAGS, rules: tuple[str, ...] = ()) -> list[dict]:
    """axe-core's violations on the current page, for `tags` (or only `rules`)."""
    if not driver.execute_script("return typeof window.axe !== 'undefined'"):
        driver.execute_script(axe_source())
    run_only = {"type": "rule", "values": list(rules)} if rules else {"type": "tag", "values": list(tags)}
    driver.set_script_timeout(60)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: arguments[0], resultTypes: ['violations']})"
        "  .then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify({error: String(e)})));",
        run_only)
    found = json.loads(result)
    assert not isinstance(found, dict), f"axe-core failed: {found['error']}"
    return found


def describe_violations(violations: list[dict]) -> str:
    """One line per violation and element: rule id, where, what it asks, what axe measured."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            why = " ".join(line.strip() for line in node.get("failureSummary", "").splitlines()[1:])
            lines.append(f"  {violation['id']} ({violation.get('impact')}) at {' '.join(map(str, node['target']))}:"
                         f" {violation['help']}. {why}")
    return "\n".join(lines)


def page_widths(driver) -> dict[str, int]:
    """How wide the page's content is against its viewport, for html and body."""
    return driver.execute_script(
        "const h = document.documentElement, b = document.body;"
        "return {html: h.scrollWidth, html_client: h.clientWidth, body: b.scrollWidth, body_client: b.clientWidth};")


def overflowing_elements(driver, limit: int = 5) -> list[str]:
    """The outermost elements that reach past either side of the viewport (a clue to what scrolls)."""
    return driver.execute_script("""
        const width = document.documentElement.clientWidth, found = [];
        for (const element of document.body.querySelectorAll('*')) {
          const box = element.getBoundingClientRect();
          if (box.width && (box.right > width + 0.5 || box.left < -0.5)
              && !found.some(outer => outer.contains(element))) found.push(element);
        }
        return found.slice(0, arguments[0]).map(e => {
          const box = e.getBoundingClientRect();
          return `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + e.className : ''}`
               + ` from ${Math.round(box.left)} to ${Math.round(box.right)} px`;
        });""", limit)


def loaded_font_families(driver) -> list[str]:
    """The web fonts the page has loaded, once it has finished loading them."""
    driver.set_script_timeout(30)
    return driver.execute_async_script(
        "const done = arguments[0];"
        "document.fonts.ready.then(() => done([...document.fonts]"
        "  .filter(face => face.status === 'loaded').map(face => face.family.replace(/[\"']/g, ''))));")


def rendered_fonts(driver, selector: str) -> dict[str, int]:
    """The fonts Chromium really drew the text of the first `selector` with
    (family: glyph count), as DevTools reports them."""
    document = driver.execute_cdp_cmd("DOM.getDocument", {"depth": 0})
    driver.execute_cdp_cmd("CSS.enable", {})
    node = driver.execute_cdp_cmd("DOM.querySelector", {"nodeId": document["root"]["nodeId"], "selector": selector})
    assert node["nodeId"], f"no {selector} on the page"
    fonts = {}
    for font in driver.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]:
        fonts[font["familyName"]] = fonts.get(font["familyName"], 0) + font["glyphCount"]
    return fonts


# Seek the page's narration to a time and report which sentences the page
# marks as spoken. Seeking runs the media element's "time marches on" steps,
# so the metadata track's cues change (and its cuechange event fires) without
# any sound; if a browser waited for playback, a muted play() and pause()
# moves it on (autoplay is allowed by the browser's flags).
_SEEK = """
const [seconds, done] = arguments;
const audio = document.getElementById('narration');
if (!audio || !audio.textTracks.length) return done({error: 'no <audio id="narration"> with a <track>'});
const track = audio.textTracks[0];
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const marked = () => [...document.querySelectorAll('.speaking')].map(element => element.id);
const active = () => [...(track.activeCues || [])].map(cue => cue.id);
const settled = () => active().length > 0 && marked().includes(active()[0]);
async function until(ready, ms) {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(20)) if (ready()) return true;
  return ready();
}
(async () => {
  if (!await until(() => track.cues && track.cues.length, 5000)) return {error: 'the track has no cues'};
  if (audio.readyState < 1) {  // preload="none": fetch the metadata first
    audio.preload = 'metadata';
    audio.load();
    if (!await until(() => audio.readyState >= 1 || audio.error, 10000) || audio.error)
      return {error: `the audio did not load (${audio.error && audio.error.code})`};
  }
  const seeked = new Promise(resolve => audio.addEventListener('seeked', resolve, {once: true}));
  audio.currentTime = seconds;
  await Promise.race([seeked, sleep(5000)]);
  let how = 'seek';
  if (!await until(settled, 1000)) {
    how = 'muted play';
    audio.muted = true;
    await audio.play().catch(() => {});
    audio.pause();
    audio.currentTime = seconds;
    await until(settled, 2000);
  }
  return {marked: marked(), active: active(), time: audio.currentTime, how};
})().then(done, error => done({error: String(error)}));
"""


def seek_narration(driver, seconds: float) -> dict:
    """Seek the page's <audio id="narration"> to `seconds`; the ids of the
    elements marked "speaking" then, the active cues' ids, and how it got there."""
    driver.set_script_timeout(30)
    return driver.execute_async_script(_SEEK, seconds)
