"""Which certification decisions a verdict allows (ISO/IEC 17065 7.6: the decider decides, within these).

The register (``store.assessments.decide``) refuses any other; the decision dialog offers
only these.

>>> ALLOWED_DECISIONS["conditional"]
('conditional', 'refuse')
>>> ALLOWED_DECISIONS["incomplete"]
()
"""

from __future__ import annotations

from brandmark.scoring.scorer import CONDITIONAL, GRANT, INCOMPLETE, REFUSE

DECISIONS = ("grant", "conditional", "refuse")
# Which decisions each verdict allows. A decider may always refuse a complete assessment.
ALLOWED_DECISIONS = {GRANT: ("grant", "refuse"), CONDITIONAL: ("conditional", "refuse"),
                     REFUSE: ("refuse",), INCOMPLETE: ()}
