"""The frozen ``brandmark-cli`` entry script (PyInstaller needs a file; the installed
package uses the ``brandmark-cli`` console script, which calls the same function)."""

import sys

from brandmark.cli import main

if __name__ == "__main__":
    sys.exit(main())
