"""Who consulted for whom: the impartiality record behind audit teams (ISO/IEC 17065 4.2).

A person who gave consultancy (咨询) to an applicant may not assess it: such a person is
left out of a proposed audit team and refused as its assessor. A link may end
(``until``, the last day it counts); without one it counts for ever.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from brandmark.errors import FieldPath, RefusedInput
from brandmark.text import clean_text

if TYPE_CHECKING:
    from brandmark.store import Store

CLAUSE_IMPARTIALITY = "ISO/IEC 17065 4.2"


class Consultancies:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, person: int | str, applicant_id: int, *, until: str | None = None, note: str = "",
            by: str = "") -> dict[str, Any]:
        person_row = self.store.people.find(person, ("person",))
        self.store.applicants.get(applicant_id)
        if until:
            try:
                until = dt.date.fromisoformat(str(until).strip()).isoformat()
            except ValueError:
                raise RefusedInput.of("calendar.not_a_date", ("until",), value=str(until)) from None
        row = {"person_id": person_row["id"], "applicant_id": applicant_id, "until": until or None,
               "note": clean_text(note or "", ("note",), max_length=500), "added_by": by or "",
               "added_at": self.store.now()}
        with self.store.atomic():
            row["id"] = self.store.db.table("consultancies").insert(row).last_pk
            self.store.events.record(by, "consultancy.add", "person", person_row["id"],
                                     {"applicant": applicant_id, "until": row["until"]})
        return row

    def list(self, *, applicant_id: int | None = None, person_id: int | None = None) -> list[dict[str, Any]]:
        where, params = [], []
        if applicant_id is not None:
            where.append("c.applicant_id = ?")
            params.append(applicant_id)
        if person_id is not None:
            where.append("c.person_id = ?")
            params.append(person_id)
        sql = ("SELECT c.*, p.name AS person_name, ap.name AS applicant_name FROM consultancies c "
               "JOIN people p ON p.id = c.person_id JOIN applicants ap ON ap.id = c.applicant_id")
        if where:
            sql += " WHERE " + " AND ".join(where)
        return list(self.store.db.query(sql + " ORDER BY c.id", params))

    def consulted(self, person_id: int, applicant_id: int, on: dt.date | None = None) -> bool:
        day = (on or self.store.today()).isoformat()
        return self.store.db.execute(
            "SELECT 1 FROM consultancies WHERE person_id = ? AND applicant_id = ? AND (until IS NULL OR until >= ?)",
            [int(person_id), int(applicant_id), day]).fetchone() is not None

    def refuse_if_consulted(self, person_id: int, applicant_id: int, field: FieldPath = ("assessor",)) -> None:
        if self.consulted(person_id, applicant_id):
            person = self.store.people.get(person_id)
            raise RefusedInput.of("people.consulted", field, name=person["name"], id=person_id,
                                  applicant=applicant_id, clause=CLAUSE_IMPARTIALITY)
