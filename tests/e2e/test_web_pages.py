"""End to end: the web pages of the session's build, and the editor's review
pages, read in a real browser (headless Chromium, one for the session).

Each page is served over HTTP from 127.0.0.1, as a reader would get it, and
checked with axe-core (WCAG 2.1 A and AA, and best practice), for reflow at
a 320 CSS px wide viewport (WCAG 1.4.10; Arabic runs right to left), in the
reader's dark colour scheme, for the typeface it really draws with, and for
the follow-along highlight, which must mark the sentence the narration is
speaking.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEED_SLUGS
from e2e.browser import (describe_violations, loaded_font_families, overflowing_elements, page_widths,
                         rendered_fonts, run_axe, seek_narration, serve, set_color_scheme, set_viewport,
                         start_chromium)
from e2e.inspect import read_webvtt

pytestmark = pytest.mark.e2e

LANGUAGES = ("en", "es", "fr", "ar")
GUIDE_PAGES = [f"{lang}/{slug}.html" for lang in LANGUAGES for slug in SEED_SLUGS]
LONG_TITLE = "als-pathophysiology"  # the guide with the longest word in its title ("pathophysiology")
REVIEW_PAGES = [f"review/{LONG_TITLE}.html"]  # one is enough: every review page comes from one template
FACE = "Atkinson Hyperlegible"
TRANSPARENT = "rgba(0, 0, 0, 0)"


@pytest.fixture(scope="session")
def site(built_project) -> Path:
    """The session build's output folder, with a review page written too."""
    project = built_project[0]
    result = subprocess.run([sys.executable, "-m", "publisher", "review", "-g", LONG_TITLE], cwd=project,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr + result.stdout
    return project / "output"


@pytest.fixture(scope="session")
def base_url(site) -> str:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    driver = start_chromium(width=320)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def visit(browser, base_url):
    """What one visit to a page (light scheme, 320 px) finds: axe-core's
    violations, its widths, its web fonts. Measured once per page and shared
    by the tests below, which each judge one part of it."""
    seen = {}

    def visit_(path: str) -> dict:
        if path not in seen:
            seen[path] = _measure(browser, base_url, path)
        return seen[path]

    return visit_


def _measure(browser, base_url: str, path: str) -> dict:
    _open(browser, base_url, path, "light")
    facts = {"loaded_fonts": loaded_font_families(browser),  # once they have loaded: they change the layout
             "font_check": browser.execute_script(f"return document.fonts.check('16px \"{FACE}\"')"),
             "widths": page_widths(browser), "too_wide": overflowing_elements(browser)}
    selectors = [".date"] if path.startswith("ar/") else ["h1", "tbody td" if path.startswith("review/") else "main p"]
    facts["drawn_with"] = {selector: rendered_fonts(browser, selector) for selector in selectors}
    facts["violations"] = run_axe(browser)
    return facts


def _open(browser, base_url: str, path: str, scheme: str):
    set_color_scheme(browser, scheme)
    set_viewport(browser, 320)
    browser.get(f"{base_url}/{path}")
    assert browser.execute_script("return document.readyState") == "complete"
    assert browser.title and "404" not in browser.title, f"{path} did not load: {browser.title}"
    return browser


@pytest.fixture
def open_page(browser, base_url):
    """Open a page (path under output/) at 320 CSS px in colour scheme
    "light" or "dark"; the browser is set back to light afterwards."""
    yield lambda path, scheme="light": _open(browser, base_url, path, scheme)
    set_color_scheme(browser, "light")


def _no_violations(violations: list[dict], path: str, scheme: str = "light") -> str:
    return f"axe-core found {len(violations)} violation(s) in {path} ({scheme}):\n{describe_violations(violations)}"


@pytest.mark.parametrize("path", GUIDE_PAGES + REVIEW_PAGES)
def test_axe_finds_no_violations(visit, path):
    violations = visit(path)["violations"]
    assert not violations, _no_violations(violations, path)


@pytest.mark.parametrize("path", GUIDE_PAGES + REVIEW_PAGES)
def test_page_reflows_without_sideways_scrolling_at_320px(visit, path):
    facts = visit(path)
    widths = facts["widths"]
    assert widths["html"] <= widths["html_client"] and widths["body"] <= widths["body_client"], (
        f"{path} scrolls sideways at 320 px: {widths}; too wide: {facts['too_wide']}")


@pytest.mark.parametrize("path", GUIDE_PAGES + REVIEW_PAGES)
def test_page_uses_atkinson_hyperlegible(visit, path):
    facts = visit(path)
    assert FACE in facts["loaded_fonts"], f"{path} loaded no {FACE} web font (loaded: {facts['loaded_fonts']})"
    assert facts["font_check"]
    for selector, fonts in facts["drawn_with"].items():
        if path.startswith("ar/"):  # Arabic script comes from another face; the Latin digits from this one
            assert FACE in fonts and len(fonts) >= 2, f"{path}: {selector} is drawn with {fonts}"
        else:  # Latin text is drawn in it alone: the title and the first paragraph
            assert set(fonts) == {FACE}, f"{path}: {selector} is drawn with {fonts}"


@pytest.mark.parametrize("path", GUIDE_PAGES + REVIEW_PAGES)
def test_dark_mode_has_a_background_and_readable_text(open_page, path):
    browser = open_page(path, "dark")
    assert browser.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches")
    backgrounds = browser.execute_script(
        "return [document.documentElement, document.body].map(e => getComputedStyle(e).backgroundColor)")
    assert TRANSPARENT not in backgrounds, f"{path}: html and body backgrounds in dark mode: {backgrounds}"
    violations = run_axe(browser, rules=("color-contrast",))
    assert not violations, _no_violations(violations, path, "dark")


@pytest.mark.parametrize("scheme", ("light", "dark"))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_skip_link_and_highlight_are_readable(open_page, lang, scheme):
    """The skip link is hidden until it has the focus, then shows on screen
    (without widening the page); a sentence marked as spoken keeps its contrast."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    path = f"{lang}/{LONG_TITLE}.html"
    browser = open_page(path, scheme)
    hidden = browser.execute_script("const b = document.querySelector('.skip-link').getBoundingClientRect();"
                                    "return b.width * b.height;")
    assert hidden <= 1, f"the skip link takes {hidden} px² before it has the focus"
    ActionChains(browser).send_keys(Keys.TAB).perform()
    focused = browser.execute_script(
        "const a = document.activeElement, b = a.getBoundingClientRect();"
        "return {cls: a.className, left: b.left, right: b.right, top: b.top, width: b.width, height: b.height,"
        "        inner: document.documentElement.clientWidth};")
    assert focused["cls"] == "skip-link", focused
    assert focused["width"] > 20 and focused["height"] > 10, f"the focused skip link is not visible: {focused}"
    assert 0 <= focused["left"] and focused["right"] <= focused["inner"], f"the skip link is off screen: {focused}"
    widths = page_widths(browser)
    assert widths["html"] <= widths["html_client"], f"the focused skip link widens the page: {widths}"
    browser.execute_script("document.querySelector('main p span[id]').classList.add('speaking');")
    violations = run_axe(browser, rules=("color-contrast",))
    assert not violations, _no_violations(violations, path, scheme)


def test_every_cue_names_a_sentence_on_its_page(site):
    for path in GUIDE_PAGES:
        ids = set(re.findall(r'\sid="([^"]+)"', (site / path).read_text(encoding="utf-8")))
        cues = read_webvtt((site / path).with_suffix(".vtt"))
        assert len(cues) > 20 and not [cue.id for cue in cues if cue.id not in ids], path


@pytest.mark.parametrize("path", GUIDE_PAGES)
def test_follow_along_marks_the_sentence_being_spoken(open_page, site, path):
    cues = read_webvtt((site / path).with_suffix(".vtt"))
    picked = [cues[2], cues[len(cues) // 2], cues[-2]]  # early, middle, late
    browser = open_page(path)
    for cue in picked:
        found = seek_narration(browser, round((cue.start + cue.end) / 2, 3))
        assert "error" not in found, f"{path}: {found['error']}"
        assert found["active"] == [cue.id], f"{path} at {found['time']} s: cues {found['active']}, not {cue.id}"
        assert found["marked"] == [cue.id], (
            f"{path} at {found['time']} s ({found['how']}): marked {found['marked']}, not {cue.id}")
