"""The frozen app's entry script (PyInstaller needs a file; the installed app uses the
``brandmark`` gui-script, which calls the same function)."""

import sys

from brandmark.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
