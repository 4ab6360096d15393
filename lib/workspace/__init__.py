"""What every domain shares about the workspace above its tables: the clock and time zone people read
times in, the event log, and the rules every edit of a record follows."""
