"""joint-statements: diplomatic joint statements -> validated, citable tables."""

__version__ = "0.1.0"
