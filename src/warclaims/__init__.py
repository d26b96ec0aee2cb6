"""warclaims: turn war reports into checkable claim records."""

__version__ = "0.1.0"
