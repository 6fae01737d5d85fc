"""The two exceptions the valuation engine raises on purpose."""

from __future__ import annotations

from brandmark.errors import BrandmarkError, RefusedInput


class ValuationInputError(RefusedInput):
    """The valuation input was refused.

    ``problems`` holds every problem found, each ``"field: what is wrong"``; the
    message lists them one per line, so a user fixes the whole file in one pass
    instead of meeting the errors one run at a time.
    """

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = list(problems)  # still prose lines until issue 15 gives them codes


class Cancelled(BrandmarkError):
    """A Monte Carlo run was stopped because its progress callback returned False."""

    def __init__(self, done: int, total: int):
        self.done = done
        self.total = total
        super().__init__(f"Monte Carlo run cancelled after {done} of {total} trials")
