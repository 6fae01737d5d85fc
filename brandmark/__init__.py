"""brandmark: assessment, scoring and certificates for the 品字标 brand.

The core (this package without ``brandmark.ui``) never imports Qt, so every
operation the window offers can run headless, from ``brandmark-cli`` or a script.
"""

__version__ = "0.1.0"
