import sys

from brandmark.cli import main

sys.exit(main())
