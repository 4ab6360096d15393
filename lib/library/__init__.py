"""The library's own side: its set-up, staff and teams, and its strengths profile."""
