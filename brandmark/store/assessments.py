"""Assessments: frozen to a pack version, answered item by item, scored, decided.

Every actor of a certification assessment is a registered person (``store.people``),
kept by id: the assessor (role ``assessor``, competent for the scheme), whoever records
an answer, a finding, its verification or evidence, and the decider (role ``decider``,
competent for the scheme). Impartiality (ISO/IEC 17065 7.6.2): the decider must not have
carried out the evaluation; compared by person id, the store refuses it whatever the
caller. The decision and the closing of a nonconformity are signed by the person who
acts. A self-assessment's people are free text, self-declared (``Actor.self_declared``).
"""

from __future__ import annotations

import builtins
import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from brandmark.errors import FieldPath, NotFound, Problem, RefusedInput
from brandmark.packs.model import CONFORMITY, STAGES, SUMMARY_STAGE, TEST, WALK_STAGES, Item, Pack
from brandmark.packs.reduced import REDUCED_KINDS, reduced_pack
from brandmark.scoring.decisions import ALLOWED_DECISIONS, DECISIONS
from brandmark.scoring.encoding import MAJOR, MINOR, TEST_FAIL, TEST_PASS, encode
from brandmark.scoring.scorer import CERTIFICATION, MODES, SELF, ScoreResult, score_codes
from brandmark.store.evidence_intake import check_file_name, read_evidence
from brandmark.store.people import CLAUSE_IMPARTIAL_DECISION, Actor, PersonRef, decision_content, finding_close_content
from brandmark.store.paging import Key, Page, after_parts, make_page, read_in_parts
from brandmark.text import LIKE_ESCAPE, clean_text, contains_pattern

if TYPE_CHECKING:
    from brandmark.store import Store

MAX_EVIDENCE_BYTES = 50 * 1024 * 1024
# What an assessment is (schema step 8): an initial one, or a later one of a certificate.
INITIAL = "initial"
KINDS = (INITIAL, "surveillance", "recertification", "scope")


def _person(name: object, role: str) -> str:
    return clean_text(name, role, required=True, max_length=100)


# What each person did in an evaluation, as the refusals name it.
EVALUATION_PARTS = ("assessor", "answers", "findings", "verification", "evidence")


@dataclass(frozen=True)
class _ProgressLayout:
    """A frozen pack as ``Assessments.with_progress`` reads it: each item's column, which items
    are required, and each stage's columns in walk-through order."""
    pack: Pack
    column: dict[str, int]
    required: Any                  # (items,) bool array
    stages: builtins.list[str]
    stage_columns: builtins.list[builtins.list[int]]


class Assessments:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._reduced: dict[tuple[str, str], Pack] = {}
        self._layouts: dict[tuple[str, str, str, str], _ProgressLayout] = {}

    # -- creating and reading -------------------------------------------------
    def new(self, *, applicant_id: int, scheme_id: str, assessor: PersonRef, mode: str = CERTIFICATION,
            scheme_version: str | None = None, product_id: int | None = None,
            product: str | None = None, models: str = "", standard: str | None = None,
            implementation_rule: str | None = None, factory_address: str = "", by: str | None = None,
            application_id: int | None = None, kind: str = INITIAL, certificate_number: str | None = None,
            received_assignment: str | None = None) -> int:
        """Start an assessment frozen to the pack version (and its hash) current now.

        What a certification assessment starts from (issue 16 §1; ``_check_basis``):

        - an **initial** one from an accepted application (``application_id``; the usual way
          in is ``Applications.start_assessment``), linked to it in the same transaction;
        - a **surveillance** visit, **recertification** or **scope** change from its
          certificate (``certificate_number``; ``store.surveillance`` and ``store.renewals``
          check it is in force): the certificate stands on the accepted application of the
          assessment it was issued from;
        - an assessment **received** from the body by the exchange (``received_assignment``):
          the body's copy started from its application or certificate, which stay at the body.

        An enterprise self-assessment (``mode="self"``) needs none of them.

        ``by`` is who starts it (the event log credits them; default the assessor): a clerk
        who names 张三 as assessor is not logged as 张三."""
        if mode not in MODES:
            raise RefusedInput.of("assessment.unknown_mode", field=("mode",), value=mode, choices=", ".join(MODES))
        self.store.applicants.get(applicant_id)
        if application_id is not None and scheme_version is None:
            scheme_version = self.store.applications.get(application_id)["scheme_version"]
        pack = self.store.schemes.get(scheme_id, scheme_version)
        application = self._check_basis(mode=mode, kind=kind, applicant_id=applicant_id, pack=pack,
                                         application_id=application_id, certificate_number=certificate_number,
                                         received_assignment=received_assignment)
        if application is not None and product_id is None and not product:
            product_id = application["product_id"]
        if mode == SELF:
            actor = Actor(_person(assessor, "自评人 assessor (self-declared)"))
        else:
            actor = self.store.people.actor(assessor, field=("assessor",), role="assessor", scheme=pack.id,
                                            action="assess")
        assessor_name = actor.name
        if by is None or not str(by).strip():
            starter = assessor_name
        elif mode == SELF:
            starter = _person(by, "by")
        else:
            starter = self.store.people.actor(by, field=("by",), action="record").name
        with self.store.atomic():
            if product_id is None and product:
                product_id = self.store.applicants.add_product(
                    applicant_id, name=product, models=models, standard=standard or None,
                    implementation_rule=implementation_rule if implementation_rule is not None
                    else pack.implementation_rule, factory_address=factory_address, actor=starter)
            elif product_id is not None:
                if self.store.applicants.product(product_id)["applicant_id"] != applicant_id:
                    raise RefusedInput.of("assessment.foreign_product", field=("product",), product=product_id,
                                          applicant=applicant_id)
            now = self.store.now()
            assessment_id = cast(int, self.store.db.table("assessments").insert({
                "applicant_id": applicant_id, "product_id": product_id, "scheme_id": pack.id,
                "scheme_version": pack.version, "scheme_hash": pack.content_hash, "mode": mode,
                "assessor": assessor_name, "assessor_id": actor.person_id, "stage": STAGES[0], "status": "open",
                "kind": kind, "certificate_number": certificate_number, "created_at": now, "updated_at": now,
            }).last_pk)
            details: dict[str, Any] = {"scheme": f"{pack.id}@{pack.version}", "hash": pack.content_hash,
                                       "mode": mode, "applicant": applicant_id, "assessor": assessor_name}
            if application is not None:
                self.store.db.table("applications").update(application["id"], {"assessment_id": assessment_id,
                                                                                     "updated_at": now})
                details["application"] = application["id"]
            self.store.events.record(starter, "assessment.new", "assessment", assessment_id, details)
        return assessment_id

    def _check_basis(self, *, mode: str, kind: str, applicant_id: int, pack: Pack, application_id: int | None,
                     certificate_number: str | None, received_assignment: str | None) -> dict[str, Any] | None:
        """Refuse an assessment that does not start from what its kind needs (see ``new``);
        returns the application an initial certification assessment starts from."""
        if kind not in KINDS:
            raise RefusedInput.of("assessment.unknown_kind", field=("kind",), value=kind, choices=", ".join(KINDS))
        if mode == SELF:
            if kind != INITIAL or application_id is not None or certificate_number is not None:
                raise RefusedInput.of("assessment.self_has_no_basis", field=("mode",))
            return None
        if received_assignment is not None:
            return None
        if kind != INITIAL:
            if not certificate_number:
                raise RefusedInput.of("assessment.needs_certificate", field=("certificate",), kind=kind)
            cert = self.store.certificates.get(certificate_number)
            if cert["applicant_id"] != applicant_id or cert["scheme_id"] != pack.id:
                raise RefusedInput.of("assessment.certificate_mismatch", field=("certificate",),
                                      number=cert["number"], applicant=applicant_id, scheme=pack.id)
            return None
        if certificate_number is not None:
            raise RefusedInput.of("assessment.initial_has_no_certificate", field=("certificate",),
                                  number=certificate_number)
        if application_id is None:
            raise RefusedInput.of("assessment.needs_application", field=("application",), applicant=applicant_id,
                                  scheme=pack.id)
        application = self.store.applications.get(application_id)
        if application["status"] != "accepted":
            raise RefusedInput.of("application.not_accepted", ("application",), id=application["id"],
                                  status=application["status"])
        if application["assessment_id"] is not None:
            raise RefusedInput.of("application.has_assessment", ("application",), id=application["id"],
                                  assessment=application["assessment_id"])
        if (application["applicant_id"], application["scheme_id"], application["scheme_version"],
                application["scheme_hash"]) != (applicant_id, pack.id, pack.version, pack.content_hash):
            raise RefusedInput.of("assessment.application_mismatch", field=("application",), id=application["id"],
                                  applicant=applicant_id, scheme=f"{pack.id}@{pack.version}")
        return application

    def get(self, assessment_id: int) -> dict[str, Any]:
        rows = list(self.store.db.query(
            "SELECT a.*, ap.name AS applicant_name, ap.uscc AS applicant_uscc, "
            "p.name AS product_name, p.models AS product_models, p.standard AS product_standard "
            "FROM assessments a JOIN applicants ap ON ap.id = a.applicant_id "
            "LEFT JOIN products p ON p.id = a.product_id WHERE a.id = ?", [assessment_id]))
        if not rows:
            raise NotFound.of("assessment.not_found", id=assessment_id)
        row = {k: v for k, v in rows[0].items() if not k.startswith("sort_")}    # step 24's copies for ordering
        row["self_declared"] = row["mode"] == SELF
        return row

    def list(self, *, applicant_id: int | None = None, status: str | None = None,
             limit: int = 500, offset: int = 0, after: int | None = None) -> builtins.list[dict[str, Any]]:
        """Assessments newest first; ``after``: those older than the assessment with this id
        (the last one of the page before: keyset paging, as fast at the end as at the start)."""
        where: list[str] = []
        params: list[object] = []
        if after is not None:
            where.append("a.id < ?")
            params.append(after)
        if applicant_id is not None:
            where.append("a.applicant_id = ?")
            params.append(applicant_id)
        if status:
            where.append("a.status = ?")
            params.append(status)
        sql = ("SELECT a.id, a.applicant_id, ap.name AS applicant_name, a.scheme_id, a.scheme_version, "
               "a.scheme_hash, a.kind, a.mode, a.assessor, a.status, a.created_at, a.updated_at, "
               "d.decision, d.decided_by, d.decided_at, d.total AS decision_total, d.verdict AS decision_verdict "
               "FROM assessments a "
               "JOIN applicants ap ON ap.id = a.applicant_id LEFT JOIN decisions d ON d.assessment_id = a.id")
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.id DESC LIMIT ? OFFSET ?"
        return self.with_progress(list(self.store.db.query(sql, params + [limit, offset])))

    def with_progress(self, rows: builtins.list[dict[str, Any]]) -> builtins.list[dict[str, Any]]:
        """Add where each assessment stands to register rows (each with ``id``, ``scheme_id``,
        ``scheme_version``, ``scheme_hash``, ``kind``, ``status``, ``decision_total``, ``decision_verdict``;
        a surveillance visit or scope change against the part of the pack it answers):

        - ``stage``: the first stage, in walk-through order, with a required item still
          unanswered; ``summary`` once every required item is answered or the assessment is
          decided. It is worked out from the answers, so an assessment answered from the
          CLI or an import stands where its answers are (a fully answered self-assessment
          used to show 申请受理, the stage it was created at: the stored ``stage`` column
          is only where the walk-through window was left, and nothing else moved it);
        - ``total`` and ``verdict``: the score now (the batch scorer on the stored answer
          codes, the same figures as ``score``), or the decision's for a decided one.

        One query for the answers and one for the open corrective actions, whatever the
        number of rows: a register page of 200 fully answered 59-item assessments took 36 ms on
        a loaded 2-core machine (scoring them one by one with ``score``: 670 ms). The answers
        come one row per assessment (its item ids and codes joined by SQLite): a Python row per
        answer, 7,000 on a page of the demo's assessments, was half of the page's time.
        """
        import numpy as np

        from brandmark.scoring.batch import score_batch
        from brandmark.scoring.encoding import UNANSWERED

        if not rows:
            return rows
        ids = [row["id"] for row in rows]
        groups: dict[tuple[str, str, str, str], list[dict[str, Any]]] = {}
        for row in rows:
            kind = str(row["kind"]) if row.get("kind") in REDUCED_KINDS else ""
            groups.setdefault((row["scheme_id"], row["scheme_version"], row["scheme_hash"], kind), []).append(row)
        # Each row's place: its group, its line in the group's matrix.
        place: dict[int, tuple[int, int]] = {}
        layouts = []
        for g, (group_key, members) in enumerate(groups.items()):
            layouts.append(self._progress_layout(*group_key))
            for i, row in enumerate(members):
                place[row["id"]] = (g, i)
        codes = [np.zeros((len(members), len(layout.column)), dtype=np.int8)
                 for layout, members in zip(layouts, groups.values())]
        pending = [np.zeros(matrix.shape, dtype=bool) for matrix in codes]
        cells: list[tuple[list[int], list[int], list[str]]] = [([], [], []) for _ in codes]
        minor_cells: list[tuple[list[int], list[int]]] = [([], []) for _ in codes]
        for start in range(0, len(ids), 900):               # SQLite's bound-parameter limit
            chunk = ids[start:start + 900]
            marks = ",".join("?" * len(chunk))
            # One row per assessment, its answers' items and codes joined (reading a row per
            # answer into Python was most of a page's cost); the cells go into their group's
            # lists and are filled at once (numpy's one-cell assignment is slow too).
            for a, items, answer_codes in self.store.db.execute(
                    "SELECT assessment_id, group_concat(item_id, char(31)), group_concat(code, char(31)) "
                    f"FROM answers WHERE assessment_id IN ({marks}) GROUP BY assessment_id", chunk):
                g, i = place[a]
                column = layouts[g].column
                item_ids, values = items.split("\x1f"), answer_codes.split("\x1f")
                if len(item_ids) != len(values):        # an item id holding the separator: read it plainly
                    item_ids, values = map(list, zip(*self.store.db.execute(
                        "SELECT item_id, code FROM answers WHERE assessment_id = ?", [a]).fetchall()))
                at_rows, at_columns, at_values = cells[g]
                at_rows += [i] * len(item_ids)
                at_columns += [column.get(item, -1) for item in item_ids]     # -1: not in the pack's part
                at_values += values
            for a, item in self.store.db.execute(
                    f"SELECT assessment_id, item_id FROM findings WHERE assessment_id IN ({marks}) "
                    "AND grade = 'minor' AND status = 'open'", chunk):
                g, i = place[a]
                j = layouts[g].column.get(item)
                if j is not None:
                    minor_cells[g][0].append(i)
                    minor_cells[g][1].append(j)
        for g, (layout, members) in enumerate(zip(layouts, groups.values())):
            at_rows, at_columns, values = cells[g]
            if values:
                columns = np.array(at_columns)
                kept = columns >= 0
                codes[g][np.array(at_rows)[kept], columns[kept]] = np.array(values, dtype=np.int8)[kept]
            if minor_cells[g][0]:
                pending[g][minor_cells[g][0], minor_cells[g][1]] = True
            scores = score_batch(layout.pack, codes[g], pending[g])
            verdicts = scores.verdict_names()
            missing = layout.required & (codes[g] == UNANSWERED)                      # (members, items)
            # For each stage in walk-through order, whether a member still has one of its items to answer.
            waiting = (np.stack([missing[:, columns].any(axis=1) for columns in layout.stage_columns], axis=1)
                       if layout.stages else np.zeros((len(members), 0), dtype=bool))
            first_waiting: builtins.list[int] = waiting.argmax(axis=1).tolist()
            any_waiting: builtins.list[bool] = np.any(waiting, axis=1).tolist()
            totals = scores.totals.tolist()
            for i, row in enumerate(members):
                if row["status"] == "decided" or not any_waiting[i]:
                    row["stage"] = SUMMARY_STAGE
                else:
                    row["stage"] = layout.stages[first_waiting[i]]
                if row.get("decision_verdict") is not None:
                    row["total"], row["verdict"] = row["decision_total"], row["decision_verdict"]
                else:
                    row["total"], row["verdict"] = totals[i], verdicts[i]
        return rows

    def _progress_layout(self, scheme_id: str, version: str, content_hash: str, kind: str) -> _ProgressLayout:
        """What ``with_progress`` needs of a frozen pack, worked out once per session (packs never change)."""
        key = (scheme_id, version, content_hash, kind)
        if key not in self._layouts:
            import numpy as np

            from brandmark.scoring.encoding import compile_pack

            pack = self._frozen_pack(scheme_id, version, content_hash, kind)   # a visit's: its part only
            compiled = compile_pack(pack)
            stage_of = [pack.sections[t.section_index].stage for t in compiled.items]
            stages = [stage for stage in STAGES if stage in stage_of] + sorted(set(stage_of) - set(STAGES))
            self._layouts[key] = _ProgressLayout(
                pack=pack, column={table.item.id: j for j, table in enumerate(compiled.items)},
                required=np.array([t.item.required for t in compiled.items], dtype=bool), stages=stages,
                stage_columns=[[j for j, st in enumerate(stage_of) if st == stage] for stage in stages])
        return self._layouts[key]

    # The register as the window shows it: searched, sorted, fetched page by page.
    # Stage, score and verdict are worked out per page (``with_progress``), so not sortable.
    # Every order is a column of the assessment with an index on (column, id): the joined
    # values (the applicant's pinyin key, the scheme's title, the product, the decision) are
    # kept on the row by triggers (schema step 24, ``schema_register_keys``), equal to
    # ap.name_sort, s.title, p.name, d.decision and d.decided_at.
    _REGISTER_ORDER = {"id": "a.id", "applicant": "a.sort_applicant", "scheme": "a.sort_scheme",
                       "product": "a.sort_product", "mode": "a.mode", "assessor": "a.assessor", "status": "a.status",
                       "decision": "a.sort_decision", "decided_at": "a.sort_decided_at",
                       "updated_at": "a.updated_at", "created_at": "a.created_at"}
    _REGISTER_FROM = (" FROM assessments a JOIN applicants ap ON ap.id = a.applicant_id "
                      "JOIN schemes s ON s.id = a.scheme_id AND s.version = a.scheme_version "
                      "LEFT JOIN products p ON p.id = a.product_id "
                      "LEFT JOIN decisions d ON d.assessment_id = a.id")

    # Orders whose value may be NULL (no product, not decided): keyset paging must know (``store.paging``).
    _REGISTER_NULLABLE = {"product", "decision", "decided_at"}

    def _register_where(self, search: str | None) -> tuple[str, builtins.list[object]]:
        if not search or not search.strip():
            return "", []
        like = contains_pattern(search.strip())
        columns = ("ap.name", "ap.uscc", "a.assessor", "p.name", "a.scheme_id", "s.title")
        return (" WHERE (" + " OR ".join(f"{c} LIKE ? {LIKE_ESCAPE}" for c in columns) + ")",
                [like] * len(columns))

    def _register_order(self, order_by: str) -> str:
        if order_by not in self._REGISTER_ORDER:
            raise RefusedInput.of("assessment.unknown_order", field=("order_by",), value=order_by,
                                  choices=", ".join(self._REGISTER_ORDER))
        return self._REGISTER_ORDER[order_by]

    def register(self, search: str | None = None, *, limit: int = 200, offset: int = 0,
                 order_by: str = "id", descending: bool = True, after: Key | None = None,
                 before: Key | None = None, from_end: bool = False) -> Page:
        """A page of assessments filtered by applicant, code, assessor, product or scheme, in
        ``order_by`` order (ties by id): the rows after the key ``after`` (a page's ``last``,
        keyset paging: ``store.paging``), or just before ``before`` (a page's ``first``), or the
        last ones (``from_end``), each time skipping ``offset`` rows first."""
        key = self._register_order(order_by)
        backward = before is not None or from_end
        desc = descending != backward
        where, params = self._register_where(search)
        edge = before if backward else after
        parts = None if edge is None else after_parts(key, "a.id", edge, descending=desc,
                                                      nullable=order_by in self._REGISTER_NULLABLE)
        direction = "DESC" if desc else "ASC"
        order = f"{key} {direction}, a.id {direction}" if order_by != "id" else f"a.id {direction}"
        select = ("SELECT a.id, a.applicant_id, ap.name AS applicant_name, ap.uscc AS applicant_uscc, "
                  "p.name AS product_name, p.models AS product_models, a.scheme_id, a.scheme_version, "
                  "a.scheme_hash, a.kind, "
                  "s.title AS scheme_title, a.mode, a.assessor, a.status, a.created_at, a.updated_at, d.decision, "
                  "d.decided_by, d.decided_at, d.total AS decision_total, d.verdict AS decision_verdict, "
                  f"{key} AS sort_key{self._REGISTER_FROM}")

        def read(condition: str | None, values: builtins.list[object], count: int,
                 skip: int) -> builtins.list[dict[str, Any]]:
            clause = where if condition is None else (f"{where} AND {condition}" if where else f" WHERE {condition}")
            return list(self.store.db.query(f"{select}{clause} ORDER BY {order} LIMIT ? OFFSET ?",
                                            params + values + [count, skip]))

        page = make_page(read_in_parts(read, parts, limit, offset), reverse=backward)
        self.with_progress(page)
        titles: dict[tuple[str, str], str] = {}
        for row in page:
            scheme = (row["scheme_id"], row["scheme_version"])
            if scheme not in titles:
                titles[scheme] = self.store.schemes.get(*scheme).title_en
            row["scheme_title_en"] = titles[scheme]
        return page

    def register_key(self, assessment_id: int, order_by: str = "id") -> Key:
        """The paging key of an assessment in ``order_by`` order (``register(after=…)``)."""
        key = self._register_order(order_by)
        row = self.store.db.execute(f"SELECT {key}, a.id{self._REGISTER_FROM} WHERE a.id = ?",
                                    [assessment_id]).fetchone()
        if row is None:
            raise NotFound.of("assessment.not_found", id=assessment_id)
        return row[0], row[1]

    def count(self, search: str | None = None) -> int:
        where, params = self._register_where(search)
        count: int = self.store.db.execute(f"SELECT count(*){self._REGISTER_FROM}{where}", params).fetchone()[0]
        return count

    def models_assessed(self, assessment_id: int) -> str:
        """The models an assessment certified or is about, whatever came after it.

        A scope change's own new list (``scope_models``); for an assessment that issued a
        certificate, the models that first certificate named (a later scope change rewrites the
        product row, the product as now certified, and reissues under the same assessment, but
        never that row); otherwise the product's models as they stand (an open assessment, a
        visit, a recertification: the current scope)."""
        a = self.get(assessment_id)
        if a.get("scope_models"):
            return str(a["scope_models"])
        row = self.store.db.execute("SELECT models FROM certificates WHERE assessment_id = ? ORDER BY rowid LIMIT 1",
                                    [assessment_id]).fetchone()
        if row is not None:
            return row[0] or ""
        if a.get("product_id") is None:
            return ""
        return self.store.applicants.product(a["product_id"]).get("models") or ""

    def pack_for(self, assessment_id: int) -> Pack:
        """The exact pack version the assessment was frozen with; for a surveillance visit or a
        scope change, the part of it they answer (``brandmark.packs.reduced``), so answering,
        scoring, the walk-through and the report all see only those items."""
        a = self.get(assessment_id)
        return self._frozen_pack(a["scheme_id"], a["scheme_version"], a["scheme_hash"], a["kind"])

    def _frozen_pack(self, scheme_id: str, version: str, content_hash: str, kind: str) -> Pack:
        pack = self.store.schemes.get(scheme_id, version, expected_hash=content_hash)
        if kind not in REDUCED_KINDS:
            return pack
        key = (pack.content_hash, kind)
        if key not in self._reduced:        # packs are immutable: cut each once per session
            self._reduced[key] = reduced_pack(pack, kind)
        return self._reduced[key]

    def _open(self, assessment_id: int) -> dict[str, Any]:
        a = self.get(assessment_id)
        if a["status"] != "open":
            raise RefusedInput.of("assessment.decided", id=assessment_id)
        return a

    def _findings_editable(self, assessment_id: int) -> dict[str, Any]:
        """Findings change while the assessment is open, and after a ``conditional``
        decision (grant after corrective action), whose corrective actions are verified
        after the decision and before a certificate can be issued."""
        a = self.get(assessment_id)
        if a["status"] == "open":
            return a
        decision = self.decision(assessment_id)
        if decision and decision["decision"] == "conditional":
            return a
        raise RefusedInput.of("assessment.decided_findings", id=assessment_id)

    def set_stage(self, assessment_id: int, stage: str) -> None:
        """Where the walk-through stands; a place in the window, not an act, so no event."""
        if stage not in WALK_STAGES:
            raise RefusedInput.of("assessment.unknown_stage", field=("stage",), value=stage,
                                  choices=", ".join(WALK_STAGES))
        self.get(assessment_id)
        with self.store.atomic():
            self.store.db.table("assessments").update(assessment_id, {"stage": stage})

    # -- answers --------------------------------------------------------------
    def answers(self, assessment_id: int) -> dict[str, dict[str, Any]]:
        out = {}
        for row in self.store.db.query(
                "SELECT item_id, value, code, note, answered_by, answered_by_id, answered_at FROM answers "
                "WHERE assessment_id = ?", [assessment_id]):
            row["value"] = json.loads(row["value"]) if row["value"] is not None else None
            out[row.pop("item_id")] = row
        return out

    def answer(self, assessment_id: int, item_id: str, value: object, *, by: PersonRef, note: str | None = None,
               evidence: builtins.list[str] | None = None, correction: bool = False) -> dict[str, Any] | None:
        """Record one answer (one transaction). ``value=None`` clears it (used by undo)."""
        return self.answer_many(assessment_id, {item_id: {"value": value, "note": note,
                                                          "evidence": evidence or []}}, by=by,
                                correction=correction)[item_id]

    def answer_many(self, assessment_id: int, answers: Mapping[str, object], *, by: PersonRef,
                    correction: bool = False) -> dict[str, dict[str, Any] | None]:
        """Record several answers at once; any unknown item or bad value refuses them all.

        Each value is a plain value or ``{"value": ..., "note": "...", "evidence": [paths]}``.
        A new measurement of a test item whose stored result failed is recorded as a retest
        (``"retest": true`` in its event; ``retests()`` lists them), unless ``correction``
        says the failing value was still being typed (the window's same typing session);
        a correction is marked so in its event too.
        """
        actor = self._actor(self._open(assessment_id), by)
        pack = self.pack_for(assessment_id)
        items = {item.id: item for item in pack.items()}
        prepared = []
        problems: list[Problem] = []
        for item_id, answer in answers.items():
            if item_id not in items:
                problems.append(Problem("answer.not_in_pack", ("item", item_id), {"pack": pack.id,
                                                                                 "version": pack.version}))
                continue
            if isinstance(answer, Mapping):
                unknown = set(answer) - {"value", "note", "evidence"}
                if unknown:
                    problems.append(Problem("answer.unknown_keys", ("item", item_id), {
                        "keys": ", ".join(sorted(unknown)), "allowed": "value, note, evidence"}))
                    continue
                value, note, files = answer.get("value"), answer.get("note"), answer.get("evidence") or []
            else:
                value, note, files = answer, None, []
            try:
                encoded = encode(items[item_id], value)
                if note is not None and not isinstance(note, str):
                    # 5 or {"a": 1} would otherwise be kept as the text "5" or "{'a': 1}".
                    raise RefusedInput.of("answer.note_not_text", field=("item", item_id, "note"), got=repr(note))
                note_text = None if note is None else clean_text(note, f"item {item_id} note", max_length=5000,
                                                                multiline=True)
                if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
                    raise RefusedInput.of("answer.evidence_not_paths", field=("item", item_id, "evidence"))
                blobs = [read_evidence(path, MAX_EVIDENCE_BYTES,
                                       field=("answers", item_id, "evidence", index))
                         for index, path in enumerate(files)]
            except RefusedInput as exc:
                problems.extend(exc.problems)
                continue
            prepared.append((items[item_id], encoded, note_text, blobs))
        if problems:
            raise RefusedInput(problems=problems)
        now = self.store.now()
        with self.store.atomic():
            previous = self.answers(assessment_id)
            for item, encoded, note_text, blobs in prepared:
                old = previous.get(item.id)
                if encoded.value is None and note_text is None:
                    self.store.db.execute("DELETE FROM answers WHERE assessment_id = ? AND item_id = ?",
                                          [assessment_id, item.id])
                else:
                    self.store.db.table("answers").upsert({
                        "assessment_id": assessment_id, "item_id": item.id,
                        "value": None if encoded.value is None else json.dumps(encoded.value, ensure_ascii=False),
                        "code": encoded.code,
                        "note": note_text if note_text is not None else (old["note"] if old else ""),
                        "answered_by": actor.name, "answered_by_id": actor.person_id, "answered_at": now,
                    }, pk=("assessment_id", "item_id"))
                if item.kind == CONFORMITY:
                    self._sync_finding(assessment_id, item, encoded.code, old["code"] if old else None,
                                       note_text, actor, pack)
                for blob in blobs:
                    self._store_evidence(assessment_id, item.id, blob.name, blob.data, actor, source=blob.source)
                details = {"item": item.id, "old": old["value"] if old else None, "new": encoded.value}
                if old and encoded.value != old["value"]:
                    if correction:
                        details["correction"] = True
                    elif item.kind == TEST and old["code"] == TEST_FAIL and encoded.value is not None:
                        # A partial or "na" start of the new measurement counts too: its
                        # corrections that follow lead to the retest's result.
                        details["retest"] = True
                self.store.events.record(actor.name, "answer", "assessment", assessment_id, details)
            self.store.db.table("assessments").update(assessment_id, {"updated_at": now})
        current = self.answers(assessment_id)
        return {item.id: current.get(item.id) for item, *_ in prepared}

    # -- what changed: an item's history and its retests ---------------------
    def history(self, assessment_id: int, item_id: str | None = None) -> builtins.list[dict[str, Any]]:
        """Every change of an answer's value, oldest first, from the event log: ``{"event",
        "at", "by", "item", "old", "new", "retest", "correction"}`` (``old``/``new`` None:
        no answer). Note-only edits are left out; ``item_id`` narrows to one item."""
        self.get(assessment_id)
        sql = ("SELECT id, at, actor, details FROM events WHERE entity = 'assessment' AND entity_id = ? "
               "AND action = 'answer'")
        params: list[object] = [str(assessment_id)]
        if item_id is not None:
            sql += " AND json_extract(details, '$.item') = ?"
            params.append(item_id)
        out = []
        for event_id, at, actor, details in self.store.db.execute(sql + " ORDER BY id", params):
            data = json.loads(details)
            if data.get("old") == data.get("new"):
                continue
            out.append({"event": event_id, "at": at, "by": actor, "item": data.get("item"), "old": data.get("old"),
                        "new": data.get("new"), "retest": bool(data.get("retest")),
                        "correction": bool(data.get("correction"))})
        return out

    def retests(self, assessment_id: int) -> builtins.list[dict[str, Any]]:
        """Each retest after a failed test, oldest first: ``{"item", "first", "first_verdict",
        "first_by", "first_at", "retest", "retest_verdict", "by", "at"}``. The first result is
        the failing value the retest replaced (who recorded it and when, from the history;
        None when it predates the log); the retest result is where the retest ended, after any
        corrections typed in the same go."""
        pack = self.pack_for(assessment_id)
        changes = self.history(assessment_id)
        out = []
        for index, change in enumerate(changes):
            if not change["retest"]:
                continue
            item = pack.item(change["item"])
            earlier = next((c for c in reversed(changes[:index]) if c["item"] == item.id and c["new"] == change["old"]),
                           None)
            final = change
            for later in changes[index + 1:]:
                if later["item"] != item.id:
                    continue
                if not later["correction"]:
                    break
                final = later
            out.append({"item": item.id, "first": change["old"], "first_verdict": _test_verdict_name(item, change["old"]),
                        "first_by": earlier["by"] if earlier else None, "first_at": earlier["at"] if earlier else None,
                        "retest": final["new"], "retest_verdict": _test_verdict_name(item, final["new"]),
                        "by": final["by"], "at": final["at"]})
        return out

    # -- findings -------------------------------------------------------------
    def _actor(self, assessment: dict[str, Any], by: PersonRef | None, field: FieldPath = ("by",)) -> Actor:
        """Who records part of the evaluation: a registered, active person in certification
        work; free text (self-declared) in a self-assessment."""
        if assessment["mode"] == SELF:
            return Actor(_person(by.name if isinstance(by, Actor) else by, "自评人 by (self-declared)"))
        return self.store.people.actor(by, field=field, action="record")

    def _sync_finding(self, assessment_id: int, item: Item, code: int, old_code: int | None, note: str | None,
                      by: Actor, pack: Pack) -> None:
        """A minor or major answer opens a finding; changing the answer away withdraws it.

        Saving the same grade again (e.g. to edit the note) opens nothing new: a finding
        whose corrective action was verified stays closed.
        """
        grade = {MINOR: "minor", MAJOR: "major"}.get(code)
        open_rows = list(self.store.db.query(
            "SELECT id, grade FROM findings WHERE assessment_id = ? AND item_id = ? AND status = 'open'",
            [assessment_id, item.id]))
        for row in open_rows:
            if row["grade"] != grade:
                self.store.db.table("findings").update(row["id"], {"status": "withdrawn", "closed_by": by.name,
                                                                         "closed_by_id": by.person_id,
                                                                         "closed_at": self.store.now()})
        if grade and code != old_code and not any(r["grade"] == grade for r in open_rows):
            deadline = self.store.today() + dt.timedelta(days=pack.rules.corrective_action_days)
            number = self.store.db.execute("SELECT coalesce(max(number), 0) + 1 FROM findings WHERE assessment_id = ?",
                                           [assessment_id]).fetchone()[0]
            self.store.db.table("findings").insert({
                "assessment_id": assessment_id, "number": number, "item_id": item.id, "grade": grade,
                "clause": item.clause, "description": note or "",
                "deadline": deadline.isoformat() if grade == "minor" else None,
                "status": "open", "created_by": by.name, "created_by_id": by.person_id,
                "created_at": self.store.now(),
            })

    def findings(self, assessment_id: int, *, include_withdrawn: bool = False) -> builtins.list[dict[str, Any]]:
        sql = "SELECT * FROM findings WHERE assessment_id = ?"
        if not include_withdrawn:
            sql += " AND status != 'withdrawn'"
        return list(self.store.db.query(sql + " ORDER BY id", [assessment_id]))

    def findings_register(self, *, assessment_id: int | None = None,
                          status: str | None = None) -> builtins.list[dict[str, Any]]:
        """Every finding (withdrawn ones only when ``status`` asks), with its assessment's
        applicant and scheme: the register an export writes."""
        where: builtins.list[str] = []
        params: builtins.list[object] = []
        if assessment_id is not None:
            where.append("f.assessment_id = ?")
            params.append(assessment_id)
        if status:
            where.append("f.status = ?")
            params.append(status)
        else:
            where.append("f.status != 'withdrawn'")
        sql = ("SELECT f.id, f.assessment_id, f.number, ap.name AS applicant_name, ap.uscc AS applicant_uscc, "
               "a.scheme_id, f.item_id, f.grade, f.clause, f.description, f.corrective_action, f.deadline, "
               "f.status, f.created_by, f.created_at, f.closed_by, f.closed_at, f.verification_checked, "
               "f.verification_evidence FROM findings f "
               "JOIN assessments a ON a.id = f.assessment_id JOIN applicants ap ON ap.id = a.applicant_id "
               "WHERE " + " AND ".join(where) + " ORDER BY f.id")
        return list(self.store.db.query(sql, params))

    def finding(self, finding_id: int) -> dict[str, Any]:
        rows = list(self.store.db.query("SELECT * FROM findings WHERE id = ?", [finding_id]))
        if not rows:
            raise NotFound.of("assessment.finding_not_found", id=finding_id)
        return rows[0]

    def update_finding(self, finding_id: int, *, by: str, clause: str | None = None,
                       description: str | None = None, corrective_action: str | None = None,
                       deadline: str | None = None) -> dict[str, Any]:
        finding = self.finding(finding_id)
        actor = self._actor(self._findings_editable(finding["assessment_id"]), by)
        if finding["status"] == "closed" and finding["closed_by_id"] is not None:
            # Its verification is signed; an edit would make the signed record untrue.
            raise RefusedInput.of("people.finding_signed", ("finding",), finding=finding_id,
                                  name=finding["closed_by"])
        changes = {}
        if clause is not None:
            changes["clause"] = clean_text(clause, "条款 clause", max_length=200)
        if description is not None:
            changes["description"] = clean_text(description, "描述 description", max_length=5000, multiline=True)
        if corrective_action is not None:
            changes["corrective_action"] = clean_text(corrective_action, "纠正措施 corrective action", multiline=True,
                                                      max_length=5000)
        if deadline is not None:
            try:
                changes["deadline"] = dt.date.fromisoformat(str(deadline).strip()).isoformat()
            except ValueError:
                raise RefusedInput.of("dates.not_a_date", field=("deadline",), value=deadline) from None
        with self.store.atomic():
            self.store.db.table("findings").update(finding_id, changes)
            self.store.events.record(actor.name, "finding.update", "finding", finding_id, changes)
        return self.finding(finding_id)

    def close_finding(self, finding_id: int, *, by: str, checked: str, evidence: str,
                      corrective_action: str | None = None) -> dict[str, Any]:
        """Record that the corrective action was verified effective (closes the finding): what
        the verifier ``checked`` and the ``evidence`` they saw are both required, and ``by`` is
        the verifier, a registered person signed in (a self-assessment's is self-declared)."""
        finding = self.finding(finding_id)
        assessment = self._findings_editable(finding["assessment_id"])
        actor = self._actor(assessment, by)
        if not actor.self_declared:
            self.store.people.require_signed_in(actor, action="finding.close")
        if finding["status"] != "open":
            raise RefusedInput.of("assessment.finding_not_open", id=finding_id, number=finding["number"],
                                  status=finding["status"])
        action = corrective_action if corrective_action is not None else finding["corrective_action"]
        if not (action or "").strip():
            raise RefusedInput.of("assessment.no_corrective_action", id=finding_id, number=finding["number"])
        problems = []
        verification = {}
        for field, value in (("checked", checked), ("evidence", evidence)):
            try:
                verification[field] = clean_text(value, ("verification", field), required=True, max_length=5000,
                                                 multiline=True)
            except RefusedInput as exc:
                problems.extend(exc.problems)
        if problems:
            raise RefusedInput(problems=problems)
        with self.store.atomic():
            self.store.db.table("findings").update(finding_id, {
                "status": "closed", "closed_by": actor.name, "closed_by_id": actor.person_id,
                "closed_at": self.store.now(),
                "verification_checked": verification["checked"], "verification_evidence": verification["evidence"],
                "corrective_action": clean_text(action, "纠正措施 corrective action", max_length=5000, multiline=True)})
            if not actor.self_declared:
                self.store.people.sign(actor, "finding.close", "finding", finding_id,
                                       finding_close_content(self.store, finding_id))
            self.store.events.record(actor.name, "finding.close", "finding", finding_id,
                                     {"assessment": finding["assessment_id"], "number": finding["number"],
                                      "checked": verification["checked"], "evidence": verification["evidence"]})
        return self.finding(finding_id)

    def open_corrective_actions(self, assessment_id: int) -> set[str]:
        return {item_id for (item_id,) in self.store.db.execute(
            "SELECT item_id FROM findings WHERE assessment_id = ? AND grade = 'minor' AND status = 'open'",
            [assessment_id])}

    # -- evidence -------------------------------------------------------------
    def add_evidence(self, assessment_id: int, item_id: str, path_or_name: str | Path, data: bytes | None = None,
                     *, by: PersonRef) -> int:
        """Attach a file (a path, or a name with its bytes); stored with its SHA-256."""
        actor = self._actor(self._open(assessment_id), by)
        pack = self.pack_for(assessment_id)
        try:
            pack.item(item_id)
        except KeyError:
            raise RefusedInput.of("answer.not_in_pack", field=("item", item_id), pack=pack.id,
                                  version=pack.version) from None
        if data is None:
            read = read_evidence(path_or_name, MAX_EVIDENCE_BYTES)
            name, blob, source = read.name, read.data, read.source
        else:
            if len(data) > MAX_EVIDENCE_BYTES:
                raise RefusedInput.of("evidence.too_large", name=str(path_or_name), size=len(data),
                                      limit=MAX_EVIDENCE_BYTES)
            name, blob, source = check_file_name(Path(str(path_or_name)).name), bytes(data), None
        with self.store.atomic():
            return self._store_evidence(assessment_id, item_id, name, blob, actor, source=source)

    def _store_evidence(self, assessment_id: int, item_id: str, name: str, data: bytes, by: Actor,
                        source: str | None = None) -> int:
        digest = hashlib.sha256(data).hexdigest()
        files = self.store.evidence_files
        outside = files.outside(len(data))
        if outside:
            files.write([data], digest)
        evidence_id = cast(int, self.store.db.table("evidence").insert({
            "assessment_id": assessment_id, "item_id": item_id, "file_name": name, "sha256": digest,
            "size": len(data), "content": b"" if outside else data, "stored": "file" if outside else "database",
            "added_by": by.name, "added_by_id": by.person_id, "added_at": self.store.now(),
        }).last_pk)
        self.store.events.record(by.name, "evidence.add", "assessment", assessment_id,
                                 {"item": item_id, "file": name, "sha256": digest, "evidence": evidence_id,
                                  **({"source": source} if source else {})})
        return evidence_id

    def evidence_chunks(self, evidence_id: int, chunk_size: int = 1024 * 1024) -> Iterator[bytes]:
        """An evidence file's bytes in chunks, in bounded memory, wherever they are kept: the
        register's evidence folder (``store.evidence_files``; a missing file is refused,
        ``evidence.file_missing``) or the database (incremental blob I/O)."""
        return self.store.evidence_files.row_chunks("evidence", evidence_id, chunk_size)

    def evidence(self, assessment_id: int, item_id: str | None = None) -> builtins.list[dict[str, Any]]:
        sql = ("SELECT id, item_id, file_name, sha256, size, added_by, added_at FROM evidence "
               "WHERE assessment_id = ?")
        params: list[object] = [assessment_id]
        if item_id:
            sql += " AND item_id = ?"
            params.append(item_id)
        return list(self.store.db.query(sql + " ORDER BY id", params))

    # -- scoring and deciding -------------------------------------------------
    def score(self, assessment_id: int, mode: str | None = None) -> ScoreResult:
        """Score with the same function every view uses, against the frozen pack.

        ``mode="self"`` scores a certification assessment as a self-assessment (its gap list).
        From the stored answer codes, as the ranking's batch scorer reads them (nothing is
        re-encoded or re-judged): a query each for the assessment's pack, its answers and its
        open corrective actions, on the bare connection (one assessment is scored on every
        page of the window and every report).
        """
        conn = self.store.db.conn
        row = conn.execute(
            "SELECT scheme_id, scheme_version, scheme_hash, kind, mode FROM assessments WHERE id = ?",
            [assessment_id]).fetchone()
        if row is None:
            raise NotFound.of("assessment.not_found", id=assessment_id)
        scheme_id, version, content_hash, kind, stored_mode = row
        pack = self._frozen_pack(scheme_id, version, content_hash, kind)
        rows = conn.execute("SELECT item_id, code, value FROM answers WHERE assessment_id = ? AND value IS NOT NULL",
                            [assessment_id]).fetchall()
        item_ids, codes, values = zip(*rows) if rows else ((), (), ())
        open_items = {item_id for (item_id,) in conn.execute(
            "SELECT item_id FROM findings WHERE assessment_id = ? AND grade = 'minor' AND status = 'open'",
            [assessment_id])}
        return score_codes(pack, dict(zip(item_ids, codes)), dict(zip(item_ids, values)),
                           open_corrective_actions=open_items, mode=mode or stored_mode)

    def decision(self, assessment_id: int) -> dict[str, Any] | None:
        rows = list(self.store.db.query("SELECT * FROM decisions WHERE assessment_id = ?", [assessment_id]))
        if not rows:
            return None
        rows[0]["reasons"] = json.loads(rows[0]["reasons"])
        return rows[0]

    def evaluators(self, assessment_id: int) -> builtins.list[str]:
        """Everyone who carried out part of the evaluation: the assessor first, then whoever
        recorded an answer, a finding, its verification or evidence. None of them may decide.
        """
        names = [self.get(assessment_id)["assessor"]]
        for (name,) in self.store.db.execute(
                "SELECT answered_by FROM answers WHERE assessment_id = :id "
                "UNION SELECT created_by FROM findings WHERE assessment_id = :id "
                "UNION SELECT closed_by FROM findings WHERE assessment_id = :id AND closed_by IS NOT NULL "
                "UNION SELECT added_by FROM evidence WHERE assessment_id = :id", {"id": assessment_id}):
            if name and name not in names:
                names.append(name)
        return names

    def evaluation_parts(self, assessment_id: int) -> builtins.list[dict[str, Any]]:
        """Who took part in the evaluation and how: ``[{"person_id", "name", "parts"}]``, the
        assessor first; ``parts`` from ``EVALUATION_PARTS``. Rows of an older register that
        name a person only by text (``person_id`` None) are kept, compared by look-alike name.
        """
        a = self.get(assessment_id)
        found: dict[tuple[str, object], dict[str, Any]] = {}

        def note(person_id: int | None, name: str | None, part: str) -> None:
            key = ("id", person_id) if person_id is not None else ("name", name)
            entry = found.setdefault(key, {"person_id": person_id, "name": name, "parts": []})
            if part not in entry["parts"]:
                entry["parts"].append(part)

        note(a["assessor_id"], a["assessor"], "assessor")
        for part, sql in (
                ("answers", "SELECT answered_by_id, answered_by FROM answers WHERE assessment_id = ?"),
                ("findings", "SELECT created_by_id, created_by FROM findings WHERE assessment_id = ?"),
                ("verification", "SELECT closed_by_id, closed_by FROM findings WHERE assessment_id = ? "
                                 "AND closed_by IS NOT NULL"),
                ("evidence", "SELECT added_by_id, added_by FROM evidence WHERE assessment_id = ?")):
            for person_id, name in self.store.db.execute(sql, [assessment_id]):
                if name or person_id is not None:
                    note(person_id, name, part)
        return list(found.values())

    def took_part(self, assessment_id: int, actor: Actor) -> builtins.list[str]:
        """The parts of the evaluation ``actor`` carried out (``[]``: none, may decide or authorise)."""
        from brandmark.people_names import same_person_name

        parts: builtins.list[str] = []
        for entry in self.evaluation_parts(assessment_id):
            if actor.person_id is not None and entry["person_id"] is not None:
                same = entry["person_id"] == actor.person_id
            else:
                same = same_person_name(entry["name"] or "", actor.name)
            if same:
                parts += [p for p in entry["parts"] if p not in parts]
        return parts

    def decide(self, assessment_id: int, decision: str, *, by: PersonRef | None, note: str = "") -> dict[str, Any]:
        """Record the certification decision, signed by the decider, or refuse it with the reason."""
        a = self.get(assessment_id)
        if a["mode"] == SELF:
            raise RefusedInput.of("assessment.self_no_decision")
        if a["kind"] == "surveillance":       # its decision keeps or changes a certificate (store.surveillance)
            raise RefusedInput.of("surveillance.decide_as_visit", ("assessment",), assessment=assessment_id)
        if a["status"] != "open":
            raise RefusedInput.of("assessment.already_decided", id=assessment_id)
        if decision not in DECISIONS:
            raise RefusedInput.of("assessment.unknown_decision", field=("decision",), value=decision,
                                  choices=", ".join(DECISIONS))
        decider = self.store.people.actor(by, field=("by",), role="decider", scheme=a["scheme_id"],
                                          action="decide")
        parts = self.took_part(assessment_id, decider)
        if parts:
            raise RefusedInput.of("people.decider_took_part", ("by",), name=decider.name, id=decider.person_id,
                                  parts=", ".join(parts), assessment=assessment_id,
                                  clause=CLAUSE_IMPARTIAL_DECISION)
        self.store.people.require_signed_in(decider, action="decide")
        result = self.score(assessment_id)
        allowed = ALLOWED_DECISIONS[result.verdict]
        if decision not in allowed:
            why = "; ".join(r.message for r in result.reasons[:5])
            raise RefusedInput.of("assessment.decision_not_allowed" if allowed else "assessment.incomplete_verdict",
                                  field=("decision",), verdict=result.verdict, decision=decision,
                                  allowed=", ".join(allowed), why=f": {why}" if why else "")
        now = self.store.now()
        with self.store.atomic():
            self.store.db.table("decisions").insert({
                "assessment_id": assessment_id, "decision": decision, "decided_by": decider.name,
                "decided_by_id": decider.person_id, "decided_at": now,
                "verdict": result.verdict, "total": result.total,
                "reasons": json.dumps([r.__dict__ for r in result.reasons], ensure_ascii=False),
                "note": clean_text(note, "note", max_length=5000, multiline=True),
            })
            self.store.db.table("assessments").update(assessment_id, {"status": "decided", "stage": SUMMARY_STAGE,
                                                                            "updated_at": now})
            self.store.people.sign(decider, "assessment.decide", "decision", assessment_id,
                                   decision_content(self.store, assessment_id))
            self.store.events.record(decider.name, "assessment.decide", "assessment", assessment_id,
                                     {"decision": decision, "verdict": result.verdict,
                                      "total": round(result.total, 2)})
        decided = self.decision(assessment_id)
        assert decided is not None          # written just above
        return decided

    # -- many at once ---------------------------------------------------------
    def ranking(self, scheme_id: str, scheme_version: str | None = None) -> builtins.list[dict[str, Any]]:
        """Every assessment of one pack version scored at once (numpy); rows sorted by total."""
        import numpy as np

        from brandmark.scoring.batch import score_batch
        from brandmark.scoring.encoding import compile_pack

        pack = self.store.schemes.get(scheme_id, scheme_version)
        compiled = compile_pack(pack)
        column = {t.item.id: j for j, t in enumerate(compiled.items)}
        rows = list(self.store.db.query(
            "SELECT a.id, a.mode, ap.name FROM assessments a JOIN applicants ap ON ap.id = a.applicant_id "
            "WHERE a.scheme_id = ? AND a.scheme_version = ? AND a.scheme_hash = ? "
            "AND a.kind IN ('initial', 'recertification') ORDER BY a.id",
            [pack.id, pack.version, pack.content_hash]))
        index = {r["id"]: i for i, r in enumerate(rows)}
        codes = np.zeros((len(rows), len(compiled.items)), dtype=np.int8)
        open_ca = np.zeros(codes.shape, dtype=bool)
        for assessment_id, item_id, code in self.store.db.execute(
                "SELECT an.assessment_id, an.item_id, an.code FROM answers an JOIN assessments a "
                "ON a.id = an.assessment_id WHERE a.scheme_id = ? AND a.scheme_version = ?",
                [pack.id, pack.version]):
            if assessment_id in index and item_id in column:
                codes[index[assessment_id], column[item_id]] = code
        for assessment_id, item_id in self.store.db.execute(
                "SELECT f.assessment_id, f.item_id FROM findings f JOIN assessments a ON a.id = f.assessment_id "
                "WHERE a.scheme_id = ? AND f.grade = 'minor' AND f.status = 'open'", [pack.id]):
            if assessment_id in index and item_id in column:
                open_ca[index[assessment_id], column[item_id]] = True
        scores = score_batch(pack, codes, open_ca)
        verdicts = scores.verdict_names()
        ranked = [{"id": r["id"], "applicant": r["name"], "mode": r["mode"],
                   "total": round(float(scores.totals[i]), 2), "verdict": verdicts[i],
                   "major": int(scores.major[i]), "minor": int(scores.minor[i])}
                  for i, r in enumerate(rows)]
        ranked.sort(key=lambda r: (-r["total"], r["id"]))
        return ranked


def _test_verdict_name(item: Item, value: object) -> str:
    """``pass``, ``fail``, ``na`` or ``unanswered`` (also for an incomplete measurement)."""
    code = encode(item, value).code
    return {TEST_PASS: "pass", TEST_FAIL: "fail"}.get(code, "na" if value == "na" else "unanswered")
