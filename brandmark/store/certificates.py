"""The certificate register: settings, numbering, issuing, status changes, surveillance.

From an accepted application to a suspended certificate, in a register of its own (its
people registered and signed in, the body's key made and open):

>>> from brandmark.demo import demo_value, example_assessment
>>> store, assessment_id = example_assessment()    # 张三 assessor, 李四 decider; an accepted application
>>> answers = {item.id: demo_value(item) for item in store.assessments.pack_for(assessment_id).items()}
>>> _ = store.assessments.answer_many(assessment_id, answers, by="张三")
>>> _ = store.assessments.decide(assessment_id, "grant", by="李四")
>>> cert = store.certificates.issue(assessment_id, authorised_by="李四")
>>> cert["number"], cert["status"]                  # doctest: +ELLIPSIS
('BM-ZJA-...-00001', 'valid')
>>> store.certificates.suspend(cert["number"], reason="监督抽样不合格 surveillance sampling failed", by="李四")["status"]
'suspended'

Rules (ISO/IEC 17065 7.7-7.11 as brandmark models them):

* a certificate is issued only from a *certification* assessment decided ``grant``, or
  ``conditional`` once every finding is closed (corrective action verified);
* the number is taken and the row committed durably (``synchronous=FULL``) before any
  PDF exists, so a crash can never hand the same number out twice; rows are never deleted;
* statuses valid → suspended → valid (reinstate), valid/suspended → withdrawn or
  cancelled (both final); *expired* is computed from the date, never stored
  (``brandmark.certificates.statuses``);
* a reissue (after a change of holder data) gets a **new number**, names the old one in
  ``replaces``, and the old one is cancelled with the reason "reissued as …".

Printing, checking a payload and the status-list files are ``brandmark.certificates``'
(``printing``, ``verification``, ``status_list``); the methods here only bring them what
the register knows.
"""

from __future__ import annotations

import builtins
import calendar
import datetime as dt
import heapq
import itertools
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from brandmark.certificates import numbering
from brandmark.certificates.payload import PayloadContent, decode_payload, sign_payload
from brandmark.certificates.status_list import (
    DEFAULT_VALIDITY_DAYS, MAX_VALIDITY_DAYS as MAX_STATUS_LIST_DAYS, StatusList, issue_status_list,
    read_status_list)
from brandmark.certificates.statuses import (
    STATUS_NAMES, STATUSES, SURVEILLANCE_RESULTS, TRANSITIONS, action_term, allowed_actions, status_term)
from brandmark.certificates.verification import verify_payload
from brandmark.errors import NotFound, RefusedInput
from brandmark.store.body_keys import DEMO_BODY_CODE
from brandmark.store.certificate_status import EFFECTIVE_STATUS
from brandmark.store.people import CLAUSE_IMPARTIAL_DECISION, authorisation_content
from brandmark.store.settings import DEFAULT_TIME_ZONE, SETTING_TIME_ZONE, check_time_zone
from brandmark.store.guard import refuse_if_register_file
from brandmark.store.paging import Key, Page, after_parts, make_page, named, read_in_parts
from brandmark.text import clean_text, contains_pattern

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from brandmark.certificates.printing import CertificateDocument
    from brandmark.packs.model import Pack
    from brandmark.store import Store
    from brandmark.store.people import Actor, PersonRef

DEFAULT_BODY_CODE = "BM"
DEFAULT_BODY_NAME = "示例认证机构"
DEFAULT_BODY_NAME_EN = "Example Certification Body"
SETTING_BODY_CODE = "body.code"
SETTING_BODY_NAME = "body.name"
SETTING_BODY_NAME_EN = "body.name_en"
SETTING_BODY_LOGO = "body.logo"
SETTING_PATTERN = "certificate.number_pattern"
SETTING_SCHEME_CODE = "certificate.scheme_code."   # + scheme id
SETTING_STATUS_LIST_DAYS = "status_list.validity_days"
SETTING_STATUS_LIST_SEQUENCE = "status_list.sequence"   # the last list this body issued
SETTING_STATUS_LIST_SEEN = "status_list.seen."          # + key id: the highest sequence this verifier saw

_EFFECTIVE = EFFECTIVE_STATUS


_NEXT_SURVEILLANCE = "(SELECT min(s.due_on) FROM surveillance s WHERE s.number = c.number AND s.done_on IS NULL)"

# Every column but ``status``, which reads as the effective status (expired computed).
_COLUMNS = ", ".join("c." + name for name in (
    "number", "assessment_id", "applicant_id", "holder_name", "holder_address", "holder_uscc", "product",
    "models", "scope", "standard", "implementation_rule", "factory_address", "scheme_id", "scheme_version",
    "issued_on", "expires_on", "issuing_body", "issuing_body_en", "body_code", "authorised_by", "authorised_by_id",
    "replaces",
    "payload", "key_id", "surveillance_months", "created_at"))


def add_months(date: dt.date, months: int) -> dt.date:
    """``date`` plus whole months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    month_index = date.month - 1 + months
    year, month = date.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))


def expiry_for(issued_on: dt.date, years: int) -> dt.date:
    """The last day of validity: ``years`` after issue, minus one day."""
    return add_months(issued_on, 12 * years) - dt.timedelta(days=1)


def surveillance_dates(issued_on: dt.date, expires_on: dt.date, interval_months: int) -> list[dt.date]:
    if interval_months <= 0:
        return []
    dates, k = [], 1
    while (due := add_months(issued_on, k * interval_months)) <= expires_on:
        dates.append(due)
        k += 1
    return dates


class Certificates:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- the body's settings ----------------------------------------------------
    def body(self) -> dict[str, Any]:
        """The issuing body's code, names and logo path ('' = the built-in emblem)."""
        settings = self.store.settings
        return {"code": settings.get(SETTING_BODY_CODE) or DEFAULT_BODY_CODE,
                "name": settings.get(SETTING_BODY_NAME) or DEFAULT_BODY_NAME,
                "name_en": settings.get(SETTING_BODY_NAME_EN) or DEFAULT_BODY_NAME_EN,
                "logo": settings.get(SETTING_BODY_LOGO) or "",
                "time_zone": settings.get(SETTING_TIME_ZONE) or DEFAULT_TIME_ZONE,
                "status_list_days": int(settings.get(SETTING_STATUS_LIST_DAYS) or DEFAULT_VALIDITY_DAYS)}

    def number_pattern(self) -> str:
        return self.store.settings.get(SETTING_PATTERN) or numbering.DEFAULT_PATTERN

    def scheme_code(self, scheme_id: str, family: str = "") -> str:
        return (self.store.settings.get(SETTING_SCHEME_CODE + scheme_id)
                or numbering.default_scheme_code(scheme_id, family))

    def configure(self, *, by: str, body_code: str | None = None, body_name: str | None = None,
                  body_name_en: str | None = None, logo: str | None = None, number_pattern: str | None = None,
                  scheme_codes: dict[str, str] | None = None, time_zone: str | None = None,
                  status_list_days: int | None = None) -> dict[str, Any]:
        """Change the body's settings after checking each (one transaction); returns ``body()``."""
        changes: dict[str, str] = {}
        if body_code is not None:
            changes[SETTING_BODY_CODE] = numbering.check_code(body_code, "机构代码 body code")
            if changes[SETTING_BODY_CODE].upper() == DEMO_BODY_CODE:
                raise RefusedInput.of("keys.demo_code_reserved", field=("body_code",), reserved=DEMO_BODY_CODE)
        if body_name is not None:
            changes[SETTING_BODY_NAME] = clean_text(body_name, "机构名称 body name", required=True, max_length=60)
        if body_name_en is not None:
            changes[SETTING_BODY_NAME_EN] = clean_text(body_name_en, "body name (English)", max_length=100)
        if logo is not None:
            from brandmark.certificates.printing import check_logo      # reportlab, only when a logo is set
            changes[SETTING_BODY_LOGO] = check_logo(logo) if logo else ""
        if time_zone is not None:
            changes[SETTING_TIME_ZONE] = check_time_zone(time_zone)
        if status_list_days is not None:
            if not 1 <= int(status_list_days) <= MAX_STATUS_LIST_DAYS:
                raise RefusedInput.of("status_list.bad_validity", field=("status_list_days",),
                                      value=status_list_days, maximum=MAX_STATUS_LIST_DAYS)
            changes[SETTING_STATUS_LIST_DAYS] = str(int(status_list_days))
        if number_pattern is not None:
            changes[SETTING_PATTERN] = numbering.check_pattern(number_pattern)
        for scheme_id, code in (scheme_codes or {}).items():
            changes[SETTING_SCHEME_CODE + scheme_id] = numbering.check_code(code, "方案代码 scheme code")
        with self.store.atomic():
            for key, value in changes.items():
                self.store.settings.set(key, value, actor=by)
        return self.body()

    # -- issuing ------------------------------------------------------------------
    def issuable(self) -> list[dict[str, Any]]:
        """Decided certification assessments (grant or conditional) without a certificate yet.

        Each row has ``blocker``: '' when it can be issued now, else why not.
        """
        rows = list(self.store.db.query(
            "SELECT a.id, a.applicant_id, ap.name AS applicant_name, a.scheme_id, a.scheme_version, "
            "p.name AS product, d.decision, d.decided_by, d.decided_at FROM assessments a "
            "JOIN applicants ap ON ap.id = a.applicant_id JOIN decisions d ON d.assessment_id = a.id "
            "LEFT JOIN products p ON p.id = a.product_id "
            "WHERE a.mode = 'certification' AND d.decision IN ('grant', 'conditional') "
            "AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.assessment_id = a.id) ORDER BY a.id"))
        for row in rows:
            try:
                self.check_issuable(row["id"])
                row["blocker"] = ""
            except RefusedInput as exc:
                row["blocker"] = str(exc)
        return rows

    def check_issuable(self, assessment_id: int) -> dict[str, Any]:
        """The assessment with its decision, or ``RefusedInput`` saying why no certificate may be issued."""
        a = self.store.assessments.get(assessment_id)
        if a["mode"] != "certification":
            raise RefusedInput.of("certificate.self_assessment", assessment=assessment_id)
        if a["kind"] == "surveillance":
            raise RefusedInput.of("surveillance.no_certificate", ("assessment",), assessment=assessment_id)
        decision = self.store.assessments.decision(assessment_id)
        if decision is None:
            raise RefusedInput.of("certificate.no_decision", assessment=assessment_id)
        if decision["decision"] == "refuse":
            raise RefusedInput.of("certificate.decided_refuse", assessment=assessment_id)
        if decision["decision"] == "conditional":
            still_open = [f for f in self.store.assessments.findings(assessment_id) if f["status"] == "open"]
            if still_open or self.store.assessments.open_corrective_actions(assessment_id):
                items = ", ".join(sorted({f["item_id"] for f in still_open})) or "?"
                raise RefusedInput.of("certificate.corrective_actions_open", assessment=assessment_id, items=items)
        existing = self.store.db.execute(
            "SELECT number FROM certificates WHERE assessment_id = ? ORDER BY created_at DESC, rowid DESC",
            [assessment_id]).fetchone()
        if existing:
            raise RefusedInput.of("certificate.already_issued", assessment=assessment_id, number=existing[0])
        if a["product_id"] is None:
            raise RefusedInput.of("certificate.no_product", assessment=assessment_id)
        # Checked here too, not only when the content is read, so the issue list shows it up front.
        _require_address(self.store.applicants.get(a["applicant_id"]))
        a["decision"] = decision
        return a

    def _content(self, assessment: dict[str, Any]) -> tuple[dict[str, Any], Pack]:
        """What the certificate states, read from the applicant, product and frozen pack."""
        applicant = self.store.applicants.get(assessment["applicant_id"])
        product = self.store.applicants.product(assessment["product_id"])
        pack = self.store.assessments.pack_for(assessment["id"])
        _require_address(applicant)
        standard = product["standard"] or pack.standard
        rule = product["implementation_rule"] or pack.implementation_rule
        if not (standard or "").strip() or not (rule or "").strip():
            missing = [(chinese, english) for chinese, english, value in (
                ("认证依据标准", "standard", standard), ("实施细则", "implementation rule", rule))
                if not (value or "").strip()]
            raise RefusedInput.of("certificate.no_basis", product=product["id"], pack=pack.id, version=pack.version,
                                  missing={"zh_CN": "和".join(chinese for chinese, _ in missing),
                                           "en": " and ".join(english for _, english in missing)})
        return {
            "applicant_id": applicant["id"], "holder_name": applicant["name"],
            "holder_address": applicant["address"], "holder_uscc": applicant["uscc"],
            "product": product["name"], "models": product["models"], "scope": pack.title,
            "standard": standard, "implementation_rule": rule,
            "factory_address": product["factory_address"] or applicant["address"],
            "scheme_id": pack.id, "scheme_version": pack.version,
        }, pack

    def _signer(self, applicant_id: int) -> tuple[Ed25519PrivateKey, dict[str, Any]]:
        """The key that signs a certificate for this applicant, and the body as the certificate states it.

        The marked demo data set signs with the register's demo key under the DEMO body code,
        so a demo certificate can never share a number or a key with a real one.
        """
        body = self.body()
        if self.store.applicants.get(applicant_id)["demo"]:
            return self.store.body_keys.signing_key("demo"), {**body, "code": DEMO_BODY_CODE}
        return self.store.body_keys.signing_key("body"), body

    def _next_number(self, scheme_id: str, family: str, year: int, body_code: str) -> str:
        """Take the next number (call inside the issuing transaction)."""
        pattern = numbering.check_pattern(self.number_pattern())
        body_code = numbering.check_code(body_code, "机构代码 body code")
        scheme = numbering.check_code(self.scheme_code(scheme_id, family), "方案代码 scheme code")
        prefix = numbering.sequence_prefix(pattern, body=body_code, scheme=scheme, year=year)
        while True:
            seq: int = self.store.conn.execute(
                "INSERT INTO certificate_sequences (prefix, last) VALUES (?, 1) "
                "ON CONFLICT(prefix) DO UPDATE SET last = last + 1 RETURNING last", [prefix]).fetchone()[0]
            number = numbering.render_number(pattern, body=body_code, scheme=scheme, year=year, seq=seq)
            # A changed pattern could meet an old number: skip it, never reuse it.
            if not self.store.conn.execute("SELECT 1 FROM certificates WHERE number = ?", [number]).fetchone():
                return number

    def _authoriser(self, assessment_id: int, ref: PersonRef | None) -> Actor:
        """The registered person who authorises: role ``authoriser``, active, signed in, and
        no part in the evaluation (ISO/IEC 17065 7.6.2), compared by person id."""
        people = self.store.people
        authoriser = people.actor(ref, field=("authorised_by",), role="authoriser", action="authorise")
        parts = self.store.assessments.took_part(assessment_id, authoriser)
        if parts:
            raise RefusedInput.of("people.authoriser_took_part", ("authorised_by",), name=authoriser.name,
                                  id=authoriser.person_id, parts=", ".join(parts), assessment=assessment_id,
                                  clause=CLAUSE_IMPARTIAL_DECISION)
        people.require_signed_in(authoriser, field=("authorised_by",), action="authorise")
        return authoriser

    def issue(self, assessment_id: int, *, authorised_by: PersonRef | None = None,
              by: PersonRef | None = None) -> dict[str, Any]:
        """Issue the certificate for a decided assessment; returns it (``get``). Durable before return.

        ``authorised_by`` (a person: id or registered name) defaults to the decider; ``by``
        (who pressed the button) to ``authorised_by``. The authorisation is signed.
        """
        a = self.check_issuable(assessment_id)
        if a["kind"] in ("recertification", "scope"):       # a new certificate replacing one (store.renewals)
            return self.store.renewals.issue(assessment_id, authorised_by=authorised_by, by=by)
        authoriser = self._authoriser(assessment_id, authorised_by if authorised_by not in (None, "")
                                      else (a["decision"]["decided_by_id"] or a["decision"]["decided_by"]))
        authorised = authoriser.name
        actor = self.store.people.actor(by, field=("by",)).name if by not in (None, "") else authorised
        content, pack = self._content(a)
        issued_on = self.store.today()
        expires_on = expiry_for(issued_on, pack.rules.certificate_validity_years)
        private_key, body = self._signer(content["applicant_id"])   # refused before anything is written
        with self.store.durable():
            self.check_issuable(assessment_id)       # again, inside the lock: no double issue
            number = self._next_number(pack.id, pack.family, issued_on.year, body["code"])
            self._insert(number, assessment_id, content, issued_on, expires_on, authoriser, body,
                         private_key, pack.rules.surveillance_interval_months, replaces=None)
            self._log_status(number, "issue", None, "valid", f"依评审 #{assessment_id} 发证 / issued from "
                             f"assessment #{assessment_id} ({a['decision']['decision']})", actor)
            for due in surveillance_dates(issued_on, expires_on, pack.rules.surveillance_interval_months):
                self.store.db.table("surveillance").insert({"number": number, "due_on": due.isoformat()})
            self.store.events.record(actor, "certificate.issue", "certificate", number, {
                "assessment": assessment_id, "holder": content["holder_uscc"], "authorised_by": authorised,
                "expires_on": expires_on.isoformat()})
        return self.get(number)

    def _insert(self, number: str, assessment_id: int, content: dict[str, Any], issued_on: dt.date,
                expires_on: dt.date, authorised: Actor, body: dict[str, Any], private_key: Ed25519PrivateKey,
                surveillance_months: int, replaces: str | None) -> None:
        payload = sign_payload(PayloadContent(
            number=number, uscc=content["holder_uscc"], holder=content["holder_name"],
            product=content["product"], standard=content["standard"], issued_on=issued_on,
            expires_on=expires_on), private_key)
        self.store.db.table("certificates").insert({
            "number": number, "assessment_id": assessment_id, **content,
            "issued_on": issued_on.isoformat(), "expires_on": expires_on.isoformat(),
            "issuing_body": body["name"], "issuing_body_en": body["name_en"], "body_code": body["code"],
            "authorised_by": authorised.name, "authorised_by_id": authorised.person_id, "status": "valid",
            "replaces": replaces, "payload": payload,
            "key_id": decode_payload(payload).key_id, "surveillance_months": surveillance_months,
            "created_at": self.store.now(),
        })
        self.store.people.sign(authorised, "certificate.authorise", "certificate", number,
                               authorisation_content(self.store, number))

    def reissue(self, number: str, *, reason: str, by: str, authorised_by: str | None = None) -> dict[str, Any]:
        """Replace a valid certificate after a change (holder renamed, new address...): new number,
        current applicant and product data, same expiry; the old one is cancelled. Returns the new one."""
        reason = clean_text(reason, "原因 reason", required=True, max_length=1000)
        by = clean_text(by, "操作人 by", required=True, max_length=100)
        old = self.get(number)
        if old["status"] != "valid":
            raise RefusedInput.of("certificate.reissue_not_valid", number=number, status=status_term(old["status"]))
        a = self.store.assessments.get(old["assessment_id"])
        authorised = self._authoriser(a["id"], authorised_by if authorised_by not in (None, "")
                                      else (old["authorised_by_id"] or old["authorised_by"]))
        content, pack = self._content(a)
        issued_on = self.store.today()
        expires_on = dt.date.fromisoformat(old["expires_on"])
        private_key, body = self._signer(content["applicant_id"])
        with self.store.durable():
            new_number = self._next_number(pack.id, pack.family, issued_on.year, body["code"])
            self._insert(new_number, a["id"], content, issued_on, expires_on, authorised, body, private_key,
                         old["surveillance_months"], replaces=number)
            self._log_status(new_number, "reissue", None, "valid", f"换发，替代 {number} / reissued, replaces "
                             f"{number}: {reason}", by)
            self.store.db.execute("UPDATE certificates SET status = 'cancelled' WHERE number = ?", [number])
            self._log_status(number, "cancel", "valid", "cancelled", f"已换发为 {new_number} / reissued as "
                             f"{new_number}: {reason}", by)
            self.store.db.execute(
                "INSERT INTO surveillance (number, due_on) SELECT ?, due_on FROM surveillance "
                "WHERE number = ? AND done_on IS NULL ORDER BY due_on", [new_number, number])
            self.store.events.record(by, "certificate.reissue", "certificate", new_number,
                                     {"replaces": number, "reason": reason})
        return self.get(new_number)

    # -- reading --------------------------------------------------------------------
    def _select(self, extra: str = "") -> str:
        return (f"SELECT {_COLUMNS}, c.status AS stored_status, {_EFFECTIVE} AS status, "
                f"{_NEXT_SURVEILLANCE} AS next_surveillance, "
                f"(SELECT r.number FROM certificates r WHERE r.replaces = c.number) AS replaced_by{extra} "
                "FROM certificates c")

    def get(self, number: str) -> dict[str, Any]:
        """One certificate with its effective ``status`` (expired computed) and ``stored_status``."""
        rows = list(self.store.db.query(self._select() + " WHERE c.number = :number",
                                        {"number": str(number).strip(), "today": self.store.today().isoformat()}))
        if not rows:
            raise NotFound.of("certificate.not_found", number=number)
        return rows[0]

    def _where(self, status: str | None, search: str | None) -> tuple[str, dict[str, Any]]:
        where, params = [], {"today": self.store.today().isoformat()}
        if status:
            if status not in STATUSES:
                raise RefusedInput.of("certificate.unknown_status", field=("status",), value=status,
                                      choices=", ".join(STATUSES))
            where.append(f"{_EFFECTIVE} = :status")
            params["status"] = status
        if search and search.strip():
            like = contains_pattern(search.strip())
            where.append("(c.number LIKE :like ESCAPE '\\' OR c.holder_name LIKE :like ESCAPE '\\' "
                         "OR c.holder_uscc LIKE :like ESCAPE '\\' OR c.product LIKE :like ESCAPE '\\')")
            params["like"] = like
        return (" WHERE " + " AND ".join(where)) if where else "", params

    # What the register may be sorted by: the window's columns (a page is one indexed-or-small query).
    # Each as the SQL of its value, so that a keyset condition can name it (``store.paging``).
    _ORDER = {"created_at": "c.created_at", "number": "c.number", "holder_name": "c.holder_name",
              "product": "c.product", "issued_on": "c.issued_on", "expires_on": "c.expires_on",
              "status": _EFFECTIVE, "next_surveillance": "c.sort_next_surveillance"}
    _NULLABLE = {"next_surveillance"}        # no open visit

    def _order(self, order_by: str) -> str:
        if order_by not in self._ORDER:
            raise RefusedInput.of("certificate_list.sort", order_by=order_by)
        return self._ORDER[order_by]

    def list(self, status: str | None = None, search: str | None = None, *, limit: int = 500,
             offset: int = 0, order_by: str = "created_at", descending: bool = True, after: Key | None = None,
             before: Key | None = None, from_end: bool = False) -> Page:
        """A page of the register (newest first by default), optionally by effective status or a
        text fragment; ``order_by`` is one of the register's columns (``_ORDER``), ties in the
        order the certificates were stored. ``after``: the rows after this key (a page's ``last``:
        keyset paging, ``store.paging``); ``before``: those just before it (a page's ``first``);
        ``from_end``: the last ones; each time skipping ``offset`` rows first."""
        key = self._order(order_by)
        backward = before is not None or from_end
        desc = descending != backward
        where, params = self._where(status, search)
        edge = before if backward else after
        parts = None if edge is None else after_parts(key, "c.rowid", edge, descending=desc,
                                                      nullable=order_by in self._NULLABLE)
        direction = "DESC" if desc else "ASC"
        select = self._select(f", {key} AS sort_key, c.rowid AS sort_rowid")

        def read(condition: str | None, values: builtins.list[Any], count: int,
                 skip: int) -> builtins.list[dict[str, Any]]:
            clause, edge_params = where, dict[str, Any]()
            if condition is not None:
                condition, edge_params = named(condition, values)
                clause = f"{where} AND {condition}" if where else f" WHERE {condition}"
            return list(self.store.db.query(
                f"{select}{clause} ORDER BY {key} {direction}, c.rowid {direction} LIMIT :limit OFFSET :offset",
                {**params, **edge_params, "limit": int(count), "offset": int(skip)}))

        if order_by == "status":
            rows = self._by_status(select, where, params, desc, edge, limit + offset)[offset:]
        else:
            rows = read_in_parts(read, parts, limit, offset)
        return make_page(rows, id_column="sort_rowid", hidden_id=True, reverse=backward)

    # The stored statuses each effective status comes from (``_EFFECTIVE``): past its last day a
    # certificate in force reads expired, or cancelled when a recertification replaced it.
    _EFFECTIVE_FROM = {"cancelled": ("cancelled", "valid", "suspended"), "expired": ("valid", "suspended"),
                       "suspended": ("suspended",), "valid": ("valid",), "withdrawn": ("withdrawn",)}

    # A status read from at most this many rows of one stored status sorts them by rowid; with
    # more it walks that stored status in rowid order, keeping its rows, until the page is full.
    _STATUS_SORT_UP_TO = 2000

    def _by_status(self, select: str, where: str, params: dict[str, Any], descending: bool, edge: Key | None,
                   count: int) -> builtins.list[dict[str, Any]]:
        """The first ``count`` rows in effective-status order (ties by rowid) after ``edge``.

        The effective status is computed with today's date, so no index holds it, and sorting
        every certificate by it took a quarter of a second at 100,000. Instead each status is
        read in turn from the stored statuses it can come from (schema step 24's index on the
        stored status gives each in rowid order), and the reads of one status are merged by
        rowid. Where a certificate in force may have lapsed, the rows of that stored status on
        one side of today (``certificates_status``: status, expires_on) are sorted when there
        are few, else the stored status is walked in rowid order until the page is full; the
        cancelled-at-expiry ones are found from the certificates replacing them."""
        direction = "DESC" if descending else "ASC"
        statuses = sorted(self._EFFECTIVE_FROM, reverse=descending)
        if edge is not None:
            statuses = [v for v in statuses if (v <= edge[0] if descending else v >= edge[0])]
        today = {"today": params["today"]}
        rows: builtins.list[dict[str, Any]] = []
        for value in statuses:
            beyond = ""
            if edge is not None and value == edge[0]:
                beyond = f" AND c.rowid {'<' if descending else '>'} :edge_rowid"
            walks = []
            for stored in self._EFFECTIVE_FROM[value]:
                source = "INDEXED BY certificates_status_rowid"
                narrowed = ""
                if stored in ("valid", "suspended"):
                    side = "c.expires_on >= :today" if value == stored else "c.expires_on < :today"
                    if value == "cancelled":
                        # From the replacing certificates' side: each looked up by its number.
                        source = "INDEXED BY sqlite_autoindex_certificates_1"
                        narrowed = (f" AND {side} AND c.number IN "
                                    "(SELECT r.replaces FROM certificates r WHERE r.replaces IS NOT NULL)")
                    elif self.store.db.execute(
                            f"SELECT count(*) FROM (SELECT 1 FROM certificates c INDEXED BY certificates_status "
                            f"WHERE c.status = :stored AND {side} LIMIT :up_to)",
                            {**today, "stored": stored, "up_to": self._STATUS_SORT_UP_TO}
                            ).fetchone()[0] < self._STATUS_SORT_UP_TO:
                        source, narrowed = "INDEXED BY certificates_status", f" AND {side}"
                condition = f"c.status = :stored{narrowed} AND {_EFFECTIVE} = :effective{beyond}"
                clause = f"{where} AND {condition}" if where else f" WHERE {condition}"
                walks.append(self.store.db.query(
                    f"{select} {source}{clause} ORDER BY c.rowid {direction} LIMIT :limit",
                    {**params, "stored": stored, "effective": value, "limit": count - len(rows),
                     "edge_rowid": edge[1] if edge else None}))
            found = (heapq.merge(*walks, key=lambda row: row["sort_rowid"], reverse=descending)
                     if len(walks) > 1 else walks[0])
            rows += itertools.islice(found, count - len(rows))
            if len(rows) >= count:
                break
        return rows

    def key_of(self, number: str, order_by: str = "created_at") -> Key:
        """The paging key of a certificate in ``order_by`` order (``list(after=…)``)."""
        key = self._order(order_by)
        row = self.store.db.execute(f"SELECT {key}, c.rowid FROM certificates c WHERE c.number = :number",
                                    {"number": str(number).strip(), "today": self.store.today().isoformat()}
                                    ).fetchone()
        if row is None:
            raise NotFound.of("certificate.not_found", number=number)
        return row[0], row[1]

    def count(self, status: str | None = None, search: str | None = None) -> int:
        where, params = self._where(status, search)
        count: int = self.store.db.execute(f"SELECT count(*) FROM certificates c{where}", params).fetchone()[0]
        return count

    def history(self, number: str) -> builtins.list[dict[str, Any]]:
        """Every status change (issue included), oldest first."""
        self.get(number)
        return list(self.store.db.query("SELECT * FROM certificate_status_changes WHERE number = ? ORDER BY id",
                                        [number]))

    def surveillance(self, number: str) -> builtins.list[dict[str, Any]]:
        self.get(number)
        return list(self.store.db.query("SELECT * FROM surveillance WHERE number = ? ORDER BY due_on", [number]))

    def due_surveillance(self, until: dt.date | None = None) -> builtins.list[dict[str, Any]]:
        """Open surveillance visits due on or before ``until`` (default today) of live certificates."""
        until = until or self.store.today()
        return list(self.store.db.query(
            f"SELECT s.*, c.holder_name, {_EFFECTIVE} AS status FROM surveillance s "
            "JOIN certificates c ON c.number = s.number WHERE s.done_on IS NULL AND s.due_on <= :until "
            f"AND {_EFFECTIVE} IN ('valid', 'suspended') ORDER BY s.due_on",
            {"until": until.isoformat(), "today": self.store.today().isoformat()}))

    def valid_numbers(self) -> builtins.list[str]:
        return [r["number"] for r in self.store.db.query(
            f"SELECT c.number FROM certificates c WHERE {_EFFECTIVE} = 'valid' ORDER BY c.number",
            {"today": self.store.today().isoformat()})]

    # -- status ---------------------------------------------------------------------
    def _log_status(self, number: str, action: str, previous: str | None, status: str, reason: str,
                    by: str) -> None:
        self.store.db.table("certificate_status_changes").insert({
            "number": number, "action": action, "previous_status": previous, "status": status,
            "reason": reason, "changed_by": by, "changed_at": self.store.now()})

    def change_status(self, number: str, action: str, *, reason: str, by: str) -> dict[str, Any]:
        """Apply ``suspend``, ``reinstate``, ``withdraw`` or ``cancel`` with a reason (one transaction)."""
        if action not in TRANSITIONS:
            raise RefusedInput.of("certificate.unknown_action", field=("action",), value=action,
                                  choices=", ".join(TRANSITIONS))
        reason = clean_text(reason, "原因 reason", required=True, max_length=1000)
        by = clean_text(by, "操作人 by", required=True, max_length=100)
        with self.store.atomic():
            cert = self.get(number)
            self._apply(cert, action, reason, by)
        return self.get(number)

    def _apply(self, cert: dict[str, Any], action: str, reason: str, by: str) -> None:
        number = cert["number"]
        allowed_from, target = TRANSITIONS[action]
        stored = cert["stored_status"]
        if action not in allowed_actions(cert):
            if stored in allowed_from:     # the stored status would do: the date stands in the way
                raise RefusedInput.of("certificate.expired_action", number=number, expires_on=cert["expires_on"],
                                      action=action_term(action))
            raise RefusedInput.of(
                "certificate.final_status" if stored in ("withdrawn", "cancelled") else "certificate.action_not_allowed",
                number=number, status=status_term(stored), action=action_term(action),
                allowed={"zh_CN": "或".join(STATUS_NAMES[s] for s in allowed_from), "en": " or ".join(allowed_from)})
        self.store.db.execute("UPDATE certificates SET status = ? WHERE number = ?", [target, number])
        self._log_status(number, action, stored, target, reason, by)
        self.store.events.record(by, f"certificate.{action}", "certificate", number,
                                 {"from": stored, "to": target, "reason": reason})

    def suspend(self, number: str, *, reason: str, by: str) -> dict[str, Any]:
        return self.change_status(number, "suspend", reason=reason, by=by)

    def reinstate(self, number: str, *, reason: str, by: str) -> dict[str, Any]:
        return self.change_status(number, "reinstate", reason=reason, by=by)

    def withdraw(self, number: str, *, reason: str, by: str) -> dict[str, Any]:
        return self.change_status(number, "withdraw", reason=reason, by=by)

    def cancel(self, number: str, *, reason: str, by: str) -> dict[str, Any]:
        return self.change_status(number, "cancel", reason=reason, by=by)

    def record_surveillance(self, number: str, *, by: str, result: str = "maintain", note: str = "",
                            done_on: dt.date | None = None) -> dict[str, Any]:
        """Close the earliest open surveillance visit; ``suspend``/``withdraw`` also change the status."""
        if result not in SURVEILLANCE_RESULTS:
            raise RefusedInput.of("certificate.unknown_surveillance_result", field=("surveillance_result",), value=result,
                                  choices=", ".join(SURVEILLANCE_RESULTS))
        by = clean_text(by, "操作人 by", required=True, max_length=100)
        note = clean_text(note, "备注 note", required=result != "maintain", max_length=1000)
        with self.store.atomic():
            cert = self.get(number)
            if cert["status"] not in ("valid", "suspended"):
                raise RefusedInput.of("certificate.no_surveillance_applies", number=number,
                                      status=status_term(cert["status"]))
            # A visit already carried out as an assessment is decided there (store.surveillance).
            visit = self.store.db.execute("SELECT id, due_on FROM surveillance WHERE number = ? AND done_on IS NULL "
                                          "AND assessment_id IS NULL "
                                          "ORDER BY due_on LIMIT 1", [number]).fetchone()
            if not visit:
                raise RefusedInput.of("certificate.no_open_surveillance", number=number)
            self.store.db.execute("UPDATE surveillance SET done_on = ?, result = ?, recorded_by = ?, note = ? "
                                  "WHERE id = ?", [(done_on or self.store.today()).isoformat(), result, by, note,
                                                   visit[0]])
            self.store.events.record(by, "certificate.surveillance", "certificate", number,
                                     {"due_on": visit[1], "result": result, "note": note})
            if result != "maintain":
                self._apply(self.get(number), result, f"监督结果 / surveillance ({visit[1]}): {note}", by)
        return self.get(number)

    # -- documents ----------------------------------------------------------------
    def document(self, number: str) -> CertificateDocument:
        """The printable ``CertificateDocument`` for a number (any status: a register copy can be printed)."""
        from brandmark.certificates.printing import document_from_row
        return document_from_row(self.get(number), self.body()["logo"] or None)

    def write_pdf(self, number: str, path: str | Path) -> Path:
        """Write one certificate PDF; it appears whole or not at all (``brandmark.atomic_files``)."""
        from brandmark.certificates.printing import write_certificate
        refuse_if_register_file(path, field=("output",))
        return write_certificate(self.document(number), path)

    def print_pdfs(self, numbers: Iterable[str], directory: str | Path,
                   progress: Callable[[int, int, str], object] | None = None) -> builtins.list[Path]:
        """One PDF per number in ``directory`` (``NUMBER.pdf``); ``progress(done, total, number)``."""
        from brandmark.certificates.printing import print_into
        numbers = list(numbers)
        for number in numbers:
            self.get(number)                     # refuse an unknown number before printing anything
        return print_into(numbers, directory, self.write_pdf, progress)

    def print_combined(self, numbers: Iterable[str], path: str | Path,
                       progress: Callable[[int, int, str], object] | None = None) -> Path:
        """The numbers' certificates in one PDF, a page each, to print in one go; written whole
        or not at all, so a batch cancelled through ``progress`` (``Cancelled``) leaves no file."""
        from brandmark.certificates.pdf import render_certificates
        refuse_if_register_file(path, field=("output",))
        documents = [self.document(number) for number in numbers]    # an unknown number: refused first
        render_certificates(documents, Path(path), progress)
        return Path(path)

    # -- checking -------------------------------------------------------------------
    def verify(self, payload_text: str, *, status_list: StatusList | None = None) -> dict[str, Any]:
        """Is the payload genuine (signed by a trusted key, unchanged), and what is its status today?

        Returns ``{"genuine", "reason", "status", "number", "holder", "uscc", "product", "standard",
        "issued_on", "valid_until", "key_id", "source"}``; ``status`` is ``unknown`` when not genuine,
        not in this register, or signed by another body without a status list of theirs
        (``brandmark.certificates.verification``).
        """
        return verify_payload(payload_text, known_keys=self.store.body_keys.known_keys(),
                              register_status=self._register_status, status_list=status_list,
                              highest_seen=self.highest_status_list_seen, today=self.store.today(),
                              now=self.store.clock(), time_zone=self.store.time_zone())

    def _register_status(self, number: str, uscc: str) -> str | None:
        """The effective status of the register's certificate ``number`` held by ``uscc``, or None."""
        row = self.store.db.execute("SELECT holder_uscc FROM certificates WHERE number = ?", [number]).fetchone()
        if row is None or row[0] != uscc:
            return None
        return str(self.get(number)["status"])

    def verify_pdf(self, path: str | Path, *, status_list: StatusList | None = None) -> dict[str, Any]:
        """``verify`` on the payload a certificate PDF carries (no camera needed)."""
        from brandmark.certificates.verification import verify_pdf
        refuse_if_register_file(path)
        return verify_pdf(path, lambda payload: self.verify(payload, status_list=status_list))

    def verify_image(self, path: str | Path, *, status_list: StatusList | None = None) -> dict[str, Any]:
        """``verify`` on the QR code in a photo or scan of a certificate (PNG, JPEG…); a picture
        without exactly one brandmark code is refused (``brandmark.certificates.qr_image``)."""
        from brandmark.certificates.qr_image import read_certificate_qr
        refuse_if_register_file(path)
        return self.verify(read_certificate_qr(path), status_list=status_list)

    def highest_status_list_seen(self, kid: str) -> int:
        """The highest sequence of a status list signed by ``kid`` this register has read."""
        return int(self.store.settings.get(SETTING_STATUS_LIST_SEEN + kid) or 0)

    def export_status_list(self, path: str | Path | None = None) -> str:
        """The signed status list as of today (text); written to ``path`` when given.

        Each list gets the next sequence number and is good for ``status_list_days`` (default 7):
        a verifier holding it after that reports the status as unknown.
        """
        if path is not None:
            refuse_if_register_file(path, field=("output",))
        today = self.store.today()
        # Demo certificates are the demo key's business, not the body's list.
        entries = {r["number"]: (r["status"], r["expires_on"]) for r in self.store.db.query(
            f"SELECT c.number, c.expires_on, {_EFFECTIVE} AS status FROM certificates c WHERE c.key_id NOT IN "
            "(SELECT key_id FROM body_keys WHERE purpose = 'demo')", {"today": today.isoformat()})}
        body = self.body()
        private_key = self.store.body_keys.signing_key()
        now = self.store.clock()
        with self.store.atomic():      # a list that could not be written does not use up its number
            sequence = int(self.store.settings.get(SETTING_STATUS_LIST_SEQUENCE) or 0) + 1
            self.store.settings.set(SETTING_STATUS_LIST_SEQUENCE, str(sequence), actor="status-list")
            return issue_status_list(
                entries, body={"code": body["code"], "name": body["name"], "name_en": body["name_en"]},
                today=today, now=now, validity_days=body["status_list_days"], sequence=sequence,
                private_key=private_key, path=path)

    def load_status_list(self, path: str | Path) -> StatusList:
        """Read and verify a status list file against the trusted keys."""
        refuse_if_register_file(path)
        listing = read_status_list(path, self.store.body_keys.trusted_public())
        # Remembered, so a replayed older list can never override this one.
        if listing.sequence > self.highest_status_list_seen(listing.key_id):
            self.store.settings.set(SETTING_STATUS_LIST_SEEN + listing.key_id, str(listing.sequence),
                                    actor="status-list")
        return listing


def _require_address(applicant: dict[str, Any]) -> None:
    """A certificate states the holder's address (ISO/IEC 17065): refuse an applicant without one."""
    if not (applicant["address"] or "").strip():
        raise RefusedInput.of("certificate.no_address", name=applicant["name"], applicant=applicant["id"])
