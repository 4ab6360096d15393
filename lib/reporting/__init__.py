"""What reads across every domain: the key figures, the start page, the checklist, the board
pack, the workspace export and backups."""
