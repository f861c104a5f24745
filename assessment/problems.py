"""An input file's problems, each named by where in the file it is and what is wrong."""

from __future__ import annotations


class FileProblems(Exception):
    """A file that cannot be used; `problems` holds (place in the file, message) pairs."""

    def __init__(self, source: str, problems: list[tuple[str, str]]):
        self.source = source
        self.problems = problems
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """Each problem as `source: place: message` (`(top)` for the file as a whole)."""
        return [f"{self.source}: {place or '(top)'}: {msg}" for place, msg in self.problems]


#: Marks a cross-check message that names its own place in the file: "@measures.3.items: …".
PATH_MARK = "@"


def at(path: str, message: str) -> ValueError:
    """A cross-check failure inside a pydantic validator that names the path in the file."""
    return ValueError(f"{PATH_MARK}{path}: {message}")
