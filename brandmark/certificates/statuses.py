"""A certificate's statuses and the changes between them (ISO/IEC 17065 7.11), as brandmark models them.

The register (``store.certificates``) applies these rules; the window and the CLI read
them from here to offer only what the register would accept.

* statuses valid → suspended → valid (reinstate), valid/suspended → withdrawn or
  cancelled (both final); *expired* is computed from the date, never stored.

>>> TRANSITIONS["withdraw"]
(('valid', 'suspended'), 'withdrawn')
>>> allowed_actions({"status": "expired", "stored_status": "valid"})
('withdraw', 'cancel')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

STATUSES = ("valid", "suspended", "withdrawn", "cancelled", "expired")
STORED_STATUSES = ("valid", "suspended", "withdrawn", "cancelled")
# action → (statuses it may start from, status it leads to)
TRANSITIONS = {
    "suspend": (("valid",), "suspended"),
    "reinstate": (("suspended",), "valid"),
    "withdraw": (("valid", "suspended"), "withdrawn"),
    "cancel": (("valid", "suspended"), "cancelled"),
}
ACTION_NAMES = {"suspend": "暂停", "reinstate": "恢复", "withdraw": "撤销", "cancel": "注销", "issue": "发证",
                "reissue": "换发"}
STATUS_NAMES = {"valid": "有效", "suspended": "暂停", "withdrawn": "撤销", "cancelled": "注销",
                "expired": "过期", "unknown": "未登记"}
SURVEILLANCE_RESULTS = ("maintain", "suspend", "withdraw")


def allowed_actions(cert: Mapping[str, Any]) -> tuple[str, ...]:
    """The status changes ``cert`` (a row from ``get``/``list``) admits now, in ``TRANSITIONS`` order.

    An expired certificate can still be withdrawn or cancelled, never suspended or reinstated.

    >>> allowed_actions({"status": "valid", "stored_status": "valid"})
    ('suspend', 'withdraw', 'cancel')
    """
    return tuple(action for action, (allowed_from, _) in TRANSITIONS.items()
                 if cert["stored_status"] in allowed_from
                 and not (cert["status"] == "expired" and action in ("suspend", "reinstate")))


def status_text(status: str) -> str:
    """The status in Chinese then as stored (``有效 valid``)."""
    return f"{STATUS_NAMES.get(status, status)} {status}"


def status_term(status: str) -> dict[str, str]:
    """The status as a message parameter that reads in the language rendered."""
    return {"zh_CN": STATUS_NAMES.get(status, status), "en": status}


def action_term(action: str) -> dict[str, str]:
    """The action as a message parameter: the Chinese verb, the English action as typed."""
    return {"zh_CN": ACTION_NAMES.get(action, action), "en": action}
