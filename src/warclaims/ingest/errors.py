"""The one error type of reading input: where (file, line) and why."""

from __future__ import annotations


class InputError(Exception):
    """A report that cannot be read, with where and why (and what to do, where possible)."""

    def __init__(self, source: str, reason: str, line: int | None = None) -> None:
        self.source = source
        self.line = line
        self.reason = reason
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.reason}"

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str, int | None]]:
        return (InputError, (self.source, self.reason, self.line))
