"""Every table of the workspace, grouped by the domain that owns it."""
