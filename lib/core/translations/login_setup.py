"""Texts of the pages shown instead of the app when login is not set up safely, or when local mode
(no login) is opened from another computer (dashboard.py, lib/core/access.py)."""

TEXTS = {
    "login_setup.secret_title": {
        "da": "Login er ikke sat sikkert op",
        "en": "Login is not set up safely",
    },
    "login_setup.problem.missing": {
        "da": "Der står ingen `cookie_secret` i afsnittet `[auth]` i `.streamlit/secrets.toml`.",
        "en": "There is no `cookie_secret` in the `[auth]` section of `.streamlit/secrets.toml`.",
    },
    "login_setup.problem.example": {
        "da": "`cookie_secret` i `.streamlit/secrets.toml` er stadig eksemplets værdi. Den kan alle læse, og "
        "med den kan enhver lave en login-cookie og komme ind som administrator.",
        "en": "`cookie_secret` in `.streamlit/secrets.toml` is still the example's value. Anyone can read it, "
        "and with it anyone can make a login cookie and get in as administrator.",
    },
    "login_setup.problem.short": {
        "da": "`cookie_secret` i `.streamlit/secrets.toml` er kortere end {length} tegn, så den kan gættes.",
        "en": "`cookie_secret` in `.streamlit/secrets.toml` is shorter than {length} {length:character|characters}, so it can "
        "be guessed.",
    },
    "login_setup.problem.repetitive": {
        "da": "`cookie_secret` i `.streamlit/secrets.toml` har færre end {distinct} forskellige tegn, så den "
        "kan gættes.",
        "en": "`cookie_secret` in `.streamlit/secrets.toml` has fewer than {distinct} different characters, "
        "so it can be guessed.",
    },
    "login_setup.secret_why": {
        "da": "Login-cookien underskrives med `cookie_secret`. Indtil den er lang og tilfældig, åbner "
        "Partnerskabsradar ikke for nogen.",
        "en": "The login cookie is signed with `cookie_secret`. Until it is long and random, "
        "Partnerskabsradar opens for nobody.",
    },
    "login_setup.secret_fix": {
        "da": "Til systemets administrator: lav en ny hemmelighed med kommandoen herunder, skriv den som "
        "`cookie_secret` under `[auth]` i `.streamlit/secrets.toml` (den samme på alle "
        "dashboard-processer), og genstart dashboardet. Alle skal derefter logge ind igen.",
        "en": "For the system's administrator: make a new secret with the command below, put it as "
        "`cookie_secret` under `[auth]` in `.streamlit/secrets.toml` (the same on every dashboard "
        "process), and restart the dashboard. Everyone then logs in again.",
    },
    "login_setup.remote_title": {
        "da": "Kan kun åbnes på den computer, den kører på",
        "en": "Opens only on the computer it runs on",
    },
    "login_setup.remote_text": {
        "da": "Partnerskabsradar kører i lokal tilstand uden login. Så er den, der bruger den, "
        "administrator, og derfor kan den kun åbnes på den computer, den kører på.",
        "en": "Partnerskabsradar runs in local mode without login. Whoever uses it is then administrator, "
        "so it opens only on the computer it runs on.",
    },
    "login_setup.remote_fix": {
        "da": "Skal kolleger og bestyrelsen have adgang, skal login sættes op først (OpenID Connect, fx "
        "kommunens Entra ID). Afsnittet om login og roller i README.md og vejledningen "
        "docs/deployment.md viser hvordan.",
        "en": "For colleagues and the board to get in, login must be set up first (OpenID Connect, for "
        "example the municipality's Entra ID). The login and roles section of README.md and the "
        "guide docs/deployment.md show how.",
    },
}
