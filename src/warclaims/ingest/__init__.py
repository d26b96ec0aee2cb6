"""Reading reports: files in, normalised `Report`s out (with a clear error per bad input)."""

from warclaims.ingest.text import Report, doc_id_for, normalise_text, split_headline

__all__ = ["Report", "doc_id_for", "normalise_text", "split_headline"]
