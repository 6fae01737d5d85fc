"""Undo and redo for answers: each command writes through the store, never around it.

An answer is saved the moment it is made (one transaction in the store), so the
command is pushed *after* that first write has succeeded and its first ``redo``
does nothing. Undo writes the previous value (and note) back through
``store.assessments.answer``; ``value=None`` with no note clears the answer.

>>> stack = QUndoStack()                                      # doctest: +SKIP
>>> record_answer(stack, store, 1, "V1", "pass", by="张三")     # doctest: +SKIP
>>> stack.undo()        # the store holds V1's previous answer again  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from brandmark.errors import RefusedInput

# Consecutive edits of one test item's measured values typed in one go merge into
# one undo step (``merge_session`` tells them apart from a later, separate edit).
_MERGE_ID = 0x42_4D


@dataclass(frozen=True)
class AnswerState:
    """An answer as the store holds it: its value and note (both None: no answer)."""

    value: object = None
    note: str | None = None

    @classmethod
    def from_row(cls, row: dict | None) -> AnswerState:
        if not row:
            return cls()
        return cls(row.get("value"), row.get("note") or "")

    @property
    def exists(self) -> bool:
        return self.value is not None or bool(self.note)


def write_state(store, assessment_id: int, item_id: str, state: AnswerState, by: str,
                correction: bool = False) -> dict | None:
    """Put ``state`` into the store (one transaction); an empty state deletes the answer.
    ``correction``: the value replaces one still being typed (not a retest)."""
    note = state.note if state.exists else None
    return store.assessments.answer(assessment_id, item_id, state.value, by=by, note=note, correction=correction)


class AnswerCommand(QUndoCommand):
    """One answer edit: ``before`` and ``after`` states of one item.

    ``on_applied(item_id)`` runs after every write (the page refreshes its form and
    score); ``on_error(exc)`` reports a write the store refused (for instance after
    the assessment was decided elsewhere) instead of letting it vanish inside Qt.
    """

    def __init__(self, store, assessment_id: int, item_id: str, before: AnswerState,
                 after: AnswerState, *, by: str, text: str = "",
                 on_applied: Callable[[str], None] | None = None,
                 on_error: Callable[[Exception], None] | None = None,
                 merge_session: int = 0, already_applied: bool = True):
        super().__init__(text or QCoreApplication.translate("AnswerCommand", "Answer {0}").format(item_id))
        self.store, self.assessment_id, self.item_id = store, assessment_id, item_id
        self.before, self.after, self.by = before, after, by
        self.on_applied, self.on_error = on_applied, on_error
        self.merge_session = merge_session
        self._skip_redo = already_applied

    def _apply(self, state: AnswerState) -> None:
        try:
            write_state(self.store, self.assessment_id, self.item_id, state, self.by)
        except RefusedInput as exc:
            if self.on_error:
                self.on_error(exc)
            return
        if self.on_applied:
            self.on_applied(self.item_id)

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)

    def id(self) -> int:  # noqa: A003 — Qt's name
        return _MERGE_ID if self.merge_session else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 — Qt's name
        if not isinstance(other, AnswerCommand) or other.item_id != self.item_id \
                or other.merge_session != self.merge_session:
            return False
        self.after = other.after
        return True


def record_answer(stack: QUndoStack, store, assessment_id: int, item_id: str, value, *, by: str,
                  note: str | None = None, text: str = "",
                  on_applied: Callable[[str], None] | None = None,
                  on_error: Callable[[Exception], None] | None = None,
                  merge_session: int = 0, correction: bool = False) -> dict | None:
    """Save an answer now (one transaction) and push its undo step; returns the stored row.

    ``note=None`` keeps the item's current note. Raises ``RefusedInput`` (nothing is
    pushed, nothing is written) when the store refuses the value.
    """
    current = store.assessments.answers(assessment_id).get(item_id)
    before = AnswerState.from_row(current)
    after = AnswerState(value, before.note if note is None else note)
    if after == before:
        return current
    row = write_state(store, assessment_id, item_id, after, by, correction=correction)
    stack.push(AnswerCommand(store, assessment_id, item_id, before, after, by=by, text=text,
                             on_applied=on_applied, on_error=on_error, merge_session=merge_session))
    return row
