"""Extraction: text in, claim records out (pure functions over spaCy docs and lexicons)."""
