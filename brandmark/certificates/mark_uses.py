"""The uses of the 品字标 mark a holder reports (标志使用), shared by the register, the command
line, the window and the annual report (``brandmark/store/mark_use.py`` records them)."""

from __future__ import annotations

# What the marks were used on: the product itself, its packaging, advertising, anything else.
USES = ("product", "packaging", "advertising", "other")
USE_LABELS = {"product": ("产品", "product"), "packaging": ("包装", "packaging"),
              "advertising": ("广告宣传", "advertising"), "other": ("其他", "other")}
FIRST_YEAR = 2000        # the first year mark use can be recorded for
MAX_MARKS = 10**12       # a count beyond this is a typing slip, not a print run
