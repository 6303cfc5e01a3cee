"""Make Markdown guides from MedQuAD's XML documents, in the shape of
../shared/corpus/ (front matter with the title, one `##` section per
question and its answer, the answer text as the institute wrote it), to
measure on guides nobody here has read.

    python bench/medquad_guides.py MEDQUAD_REPO FOLDER N TARGET [--skip DIR ...] [--start K]

MEDQUAD_REPO is a git directory of github.com/abachaa/MedQuAD (CC BY 4.0;
not part of this project: bring it with the search tool's `fetch`), FOLDER
one of its folders ("7_SeniorHealth_QA"), N how many documents to take (the
first N, in file order after the first K, whose focus has no guide in any
--skip folder).
"""

from __future__ import annotations

import argparse
import re
import subprocess
from pathlib import Path
from xml.etree import ElementTree


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")


def question(text: str) -> str:
    """"What is (are) Shingles ?" -> "What is Shingles?"."""
    text = text.replace("(are) ", "").replace("(is) ", "")
    text = re.sub(r"\s*\?(\s*\?)*\s*$", "?", " ".join(text.split()))
    return text


def guide(xml: str) -> tuple[str, str] | None:
    """(slug, Markdown) of one MedQuAD document, None if it has no answers."""
    document = ElementTree.fromstring(xml)
    title = " ".join((document.findtext("Focus") or "").split())
    sections = []
    for pair in document.iter("QAPair"):
        answer = (pair.findtext("Answer") or "").strip()
        if answer:
            sections.append(f"## {question(pair.findtext('Question') or '')}\n\n{answer}\n")
    if not title or not sections:
        return None
    front = f'---\ntitle: "{title}"\nlanguage: en\n---\n\n'
    return slug(title), front + "\n".join(sections)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("repo", type=Path)
    parser.add_argument("folder")
    parser.add_argument("count", type=int)
    parser.add_argument("target", type=Path)
    parser.add_argument("--skip", type=Path, nargs="*", default=[])
    parser.add_argument("--start", type=int, default=0, help="leave out the folder's first START documents")
    arguments = parser.parse_args()
    taken = {path.stem for folder in arguments.skip for path in folder.glob("*.md")}
    names = subprocess.run(["git", "--git-dir", str(arguments.repo), "ls-tree", "--name-only", "HEAD",
                            f"{arguments.folder}/"], capture_output=True, text=True, check=True).stdout.split()
    names = names[arguments.start:]
    arguments.target.mkdir(parents=True, exist_ok=True)
    made = 0
    for name in names:
        if made >= arguments.count:
            break
        xml = subprocess.run(["git", "--git-dir", str(arguments.repo), "show", f"HEAD:{name}"],
                             capture_output=True, text=True, check=True).stdout
        made_guide = guide(xml)
        if made_guide is None or made_guide[0] in taken or any(part in taken for part in [made_guide[0]]):
            continue
        (arguments.target / f"{made_guide[0]}.md").write_text(made_guide[1], encoding="utf-8")
        taken.add(made_guide[0])
        made += 1
        print(f"{arguments.target / made_guide[0]}.md")


if __name__ == "__main__":
    main()
