"""Exceptions the core raises for input it refuses.

Every refusal is a ``RefusedInput`` with a message a user can act on; the CLI
turns it into one line on stderr and exit code 2, the window into a dialog.
"""


class BrandmarkError(Exception):
    """Base class for every error brandmark raises on purpose."""


class RefusedInput(BrandmarkError, ValueError):
    """The user's input was refused; nothing was written."""


class NotFound(RefusedInput):
    """A referenced record (applicant, assessment, pack...) does not exist."""


class PackError(RefusedInput):
    """A scheme pack is malformed. ``problems`` lists every ``FILE: item ID: reason``."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))
