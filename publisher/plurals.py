"""Numbers with their nouns, in the right number: "1 file", "2 files"."""


def count(number: int, noun: str, plural: str | None = None) -> str:
    """"1 file", "2 files"; `plural` for a noun that does not just add "s"
    ("1 guide is", "2 guides are")."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
