"""Qt's own strings that the translations shipped with PySide6 lack.

Qt's dialogs (file, print, colour, message boxes) speak Chinese through
``qtbase_zh_CN.qm``, which PySide6 ships and ``qt_i18n.install_translators`` loads. A few
source strings changed in Qt 6.11 and its Chinese file has only the older ones: the file
dialog's "&Look in:" and "Files of &type:" (the file has "Look in:" and "Files of type:"),
so a Chinese file dialog showed those two in English. They are listed here in Qt's own
contexts, so ``pyside6-lupdate`` puts them in brandmark's .ts and brandmark's translator
answers where Qt's has nothing (Qt asks the last installed translator first, qtbase, then
ours). ``tests/test_qt_own_dialogs.py`` fails when a visible label of the file dialog is
not Chinese; add what a new Qt release leaves out here.

Never imported: the strings are found by their context and text.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

MISSING_FROM_QTBASE_ZH_CN = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
