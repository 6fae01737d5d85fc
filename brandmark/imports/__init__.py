"""Importing the applicant register and products from ``.xlsx`` and ``.csv`` files.

Columns are found by their header, in Chinese or English, in any order; columns the import
does not know are named in the result. Every problem is a ``Problem`` with the field
``("row", N, COLUMN)`` (N the row number the spreadsheet shows), so it reads
``第 12 行 统一社会信用代码：…`` / ``row 12, uscc: …``. By default one bad row imports
nothing (``ImportRefused``, every problem listed); ``skip_invalid`` imports the good rows
and writes the rejected ones with their reasons to an error workbook beside the file.

What a spreadsheet holds is not guessed at: a cell inside a merged range (not its
top-left one), a formula with no saved value, a date or a number in a column of text
(a credit code stored as a number has lost digits) are refused by row and column.
Leading and trailing spaces (full-width ones too) are trimmed; the credit code's
full-width letters and digits are folded (the uscc module's rule), and so is the region.
"""

from brandmark.imports.core import ImportRefused, ImportResult, import_applicants, import_products

__all__ = ["ImportRefused", "ImportResult", "import_applicants", "import_products"]
