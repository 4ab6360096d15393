"""Contacts and organisations: search, details, edits, merges and possible duplicates."""
