"""Personal data (GDPR): what the workspace holds about a person, handing it over, erasing it,
retention, and the duty to inform."""
