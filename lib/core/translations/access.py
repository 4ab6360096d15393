"""Texts of login, roles and access (lib/core/access.py, the sidebar and the login screen)."""

TEXTS = {
    "access.denied": {
        "da": "Din rolle ({role}) giver ikke adgang til at {action}. Intet er vist eller ændret. Spørg "
        "systemets administrator, hvis du har brug for adgang.",
        "en": "Your role ({role}) does not allow you to {action}. Nothing was shown or changed. Ask the "
        "system's administrator if you need access.",
    },
    "access.role.viewer": {"da": "læser", "en": "viewer"},
    "access.role.editor": {"da": "redaktør", "en": "editor"},
    "access.role.admin": {"da": "administrator", "en": "administrator"},
    "access.permission.view_board": {
        "da": "se oversigten og bestyrelsesvisningen",
        "en": "see the overview and the board views",
    },
    "access.permission.view_contacts": {"da": "se kontaktoplysninger", "en": "see contact details"},
    "access.permission.edit": {"da": "ændre eller slette data", "en": "change or delete data"},
    "access.permission.import": {"da": "importere filer", "en": "import files"},
    "access.permission.export": {"da": "eksportere data", "en": "export data"},
    "access.permission.view_events": {"da": "se hændelsesloggen", "en": "see the event log"},
    "access.permission.personal_data": {
        "da": "håndtere anmodninger om persondata",
        "en": "handle personal-data requests",
    },
    "access.permission.erase": {"da": "slette en persons data", "en": "erase a person's data"},
    "access.permission.restore": {"da": "gendanne en sikkerhedskopi", "en": "restore a backup"},
    "access.local_mode": {
        "da": "Lokal tilstand: ingen login er sat op, så du arbejder alene som administrator, og kun denne "
        "computer kan åbne dashboardet. Skal andre have adgang, skal login sættes op.",
        "en": "Local mode: no login is set up, so you work alone as administrator, and only this computer can "
        "open the dashboard. For others to get in, login must be set up.",
    },
    "access.signed_in": {"da": "Logget ind som {who} ({role})", "en": "Signed in as {who} ({role})"},
    "access.logout": {"da": "Log ud", "en": "Log out"},
    "access.login_title": {"da": "Partnerskabsradar", "en": "Partnerskabsradar"},
    "access.login_text": {
        "da": "Log ind med din arbejdskonto for at fortsætte.",
        "en": "Sign in with your work account to continue.",
    },
    "access.login_button": {"da": "Log ind", "en": "Sign in"},
    "access.no_role": {
        "da": "Du er logget ind som {who}, men har ikke adgang til Partnerskabsradar. Bed systemets "
        "administrator om at give dig en rolle.",
        "en": "You are signed in as {who} but have no access to Partnerskabsradar. Ask the system's "
        "administrator to give you a role.",
    },
    "access.config_error": {
        "da": "Opsætningen af roller er ugyldig, så ingen får adgang: {problem}",
        "en": "The role set-up is invalid, so nobody gets access: {problem}",
    },
}
