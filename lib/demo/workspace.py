"""The demo library: a fictional Danish library workspace to explore the product with.

"Solbakke Bibliotekerne" serve the made-up municipality of Solbakke. The workspace holds fifteen
library staff, about three hundred contacts and eighty partner organisations of every type, with the
ties a real network has: a network lead who knows half the town, colleagues who each hold a corner
of it, partnerships that hang on a single person, contacts who bridge two worlds, ties going cold,
and a few records nobody is connected to.

Next to the network it holds the library's strategy work with three years of history: goals and
their quarterly measurements, partnerships in every stage with agreements and contact logs, partner
assessments and evaluation rounds (``lib.demo.planning``).

Everything is drawn from a ``random.Random(seed)`` of its own, so the same seed always gives the same
people, organisations and ties. Dates are counted back from ``today`` (by default the real today), so
the demo always looks current while its structure stays identical.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lib.core.access import requires
from lib.core.errors import UserFacingError
from lib.core.normalize import name_key
from lib.db import Affiliation, Database, Organisation, Person, Relation, log_event, set_setting, workspace_counts
from lib.demo.checklist import write_radar
from lib.demo.planning import write_strategy
from lib.demo.staff import write_organisation
from lib.demo.strengths import write_strengths

LIBRARY_NAME = "Solbakke Bibliotekerne"
LIBRARY_DOMAIN = "solbakkebib.dk"
MUNICIPAL_DOMAIN = "solbakke-kommune.dk"
#: A made-up mail provider for contacts who use a private address.
PRIVATE_DOMAIN = "solpost.dk"
SECOND_DOMAIN = "nordkystmail.dk"
SOURCE = "Demo"
DEFAULT_SEED = 2026

CONTACT_COUNT = 300
#: How far back contact dates reach: three years.
HISTORY_DAYS = 3 * 365

# --- fixed content: organisations and staff --------------------------------------------------------

# (name, type, sector, area, web slug or None). The municipality's own departments share one website.
ORGANISATIONS: tuple[tuple[str, str, str, str, str | None], ...] = (
    ("Ældre Sagen Solbakke", "association", "civil", "Solbakke Midtby", "aeldresagen-solbakke"),
    ("Solbakke Lokalhistoriske Forening", "association", "civil", "Solbakke Midtby", "lokalhistorie-sb"),
    ("Læseforeningen Bogormen", "association", "civil", "Nørrevang", "bogormen-solbakke"),
    ("Røde Kors Solbakke", "association", "civil", "Kildebro", "roedekors-solbakke"),
    ("Naturfredningsforeningen Solbakke", "association", "civil", "Strandby", "naturfred-solbakke"),
    ("Foreningen Nydanske Kvinder i Solbakke", "association", "civil", "Kildebro", "nydanske-kvinder"),
    ("Spejderne i Møllehøj", "association", "civil", "Møllehøj", "spejder-moellehoej"),
    ("Solbakke Boldklub", "association", "civil", "Egelund", "solbakke-bk"),
    ("Frivilligcenter Solbakke", "association", "civil", "Solbakke Midtby", "frivillig-solbakke"),
    ("Lektiehjælpen Solbakke", "association", "civil", "Kildebro", "lektiehjaelp-solbakke"),
    ("Solbakke Boghandel", "business", "private", "Solbakke Midtby", "solbakke-boghandel"),
    ("Café Kildebro", "business", "private", "Kildebro", "cafe-kildebro"),
    ("Strandby Tryk ApS", "business", "private", "Strandby", "strandbytryk"),
    ("Brugsen Nørrevang", "business", "private", "Nørrevang", "brugsen-noerrevang"),
    ("Solbakke Sparekasse", "business", "private", "Solbakke Midtby", "solbakke-sparekasse"),
    ("IT-Huset Østerhøj ApS", "business", "private", "Østerhøj", "ithuset-oesterhoej"),
    ("Bageriet Møllehøj", "business", "private", "Møllehøj", None),
    ("Solbakke Gymnasium", "education", "public", "Solbakke Midtby", "solbakke-gym"),
    ("Kildebro Skole", "education", "public", "Kildebro", "kildebro-skole"),
    ("Nørrevangskolen", "education", "public", "Nørrevang", "noerrevangskolen"),
    ("Østerhøj Skole", "education", "public", "Østerhøj", "oesterhoej-skole"),
    ("Solbakke Erhvervsskole", "education", "public", "Vesterled", "solbakke-eud"),
    ("Professionshøjskolen Solbakke, pædagoguddannelsen", "education", "public", "Vesterled", "phsolbakke"),
    ("Strandby Friskole", "education", "private", "Strandby", "strandby-friskole"),
    ("Møllehøj Efterskole", "education", "private", "Møllehøj", "moellehoej-efterskole"),
    ("FOF Solbakke", "adult_education", "civil", "Solbakke Midtby", "fof-solbakke"),
    ("AOF Solbakke", "adult_education", "civil", "Kildebro", "aof-solbakke"),
    ("Solbakke Højskole", "adult_education", "civil", "Strandby", "solbakke-hoejskole"),
    ("Folkeuniversitetet i Solbakke", "adult_education", "civil", "Solbakke Midtby", "fu-solbakke"),
    ("Ungdomsskolen Solbakke", "adult_education", "public", "Egelund", "ungdomsskolen-solbakke"),
    ("Solbakke Sprogcenter", "adult_education", "public", "Kildebro", "sprogcenter-solbakke"),
    ("Jobcenter Solbakke", "municipal", "public", "Vesterled", "solbakke-kommune"),
    ("PPR, Solbakke Kommune", "municipal", "public", "Hele kommunen", "solbakke-kommune"),
    ("Sundhedscenter Solbakke", "municipal", "public", "Solbakke Midtby", "solbakke-kommune"),
    ("Børn og Unge, Solbakke Kommune", "municipal", "public", "Hele kommunen", "solbakke-kommune"),
    ("Kultur og Fritid, Solbakke Kommune", "municipal", "public", "Hele kommunen", "solbakke-kommune"),
    ("Borgerservice Solbakke", "municipal", "public", "Solbakke Midtby", "solbakke-kommune"),
    ("Ældre og Sundhed, Solbakke Kommune", "municipal", "public", "Hele kommunen", "solbakke-kommune"),
    ("Integrationsteamet, Solbakke Kommune", "municipal", "public", "Kildebro", "solbakke-kommune"),
    ("Ungdommens Uddannelsesvejledning Solbakke", "municipal", "public", "Vesterled", "solbakke-kommune"),
    ("Solbakke Museum", "cultural", "public", "Solbakke Midtby", "solbakke-museum"),
    ("Solbakke Musikskole", "cultural", "public", "Nørrevang", "solbakke-musikskole"),
    ("Solbakke Teater", "cultural", "public", "Solbakke Midtby", "solbakke-teater"),
    ("Solbakke Stadsarkiv", "cultural", "public", "Solbakke Midtby", "solbakke-stadsarkiv"),
    ("Kunsthal Kildebro", "cultural", "public", "Kildebro", "kunsthal-kildebro"),
    ("Spillestedet Remisen", "cultural", "civil", "Vesterled", "remisen-solbakke"),
    ("Kulturhuset Strandby", "cultural", "public", "Strandby", "kulturhuset-strandby"),
    ("Dagbladet Solbakke", "media", "private", "Solbakke Midtby", "dagbladet-solbakke"),
    ("Solbakke Ugeavis", "media", "private", "Solbakke Midtby", "solbakke-ugeavis"),
    ("Radio Solbakke", "media", "civil", "Østerhøj", "radio-solbakke"),
    ("TV Nordkyst", "media", "public", "Regionen", "tvnordkyst"),
    ("Kildeby Bibliotek", "library", "public", "Nabokommune", "kildeby-bibliotek"),
    ("Hvidmose Bibliotekerne", "library", "public", "Nabokommune", "hvidmose-bib"),
    ("Centralbiblioteket Nordby", "library", "public", "Regionen", "nordby-centralbibliotek"),
    ("Pædagogisk Læringscenter, Kildebro Skole", "library", "public", "Kildebro", "kildebro-skole"),
    ("Professionshøjskolens Bibliotek", "library", "public", "Vesterled", "phsolbakke"),
    ("Havtornfonden", "foundation", "civil", "Landsdækkende", "havtornfonden"),
    ("Sparekassefonden Solbakke", "foundation", "civil", "Solbakke Midtby", "sparekassefonden-solbakke"),
    ("Lyngfonden for Læsning", "foundation", "civil", "Landsdækkende", "lyngfonden"),
    ("Fonden for Kultur i Nordkyst", "foundation", "civil", "Regionen", "kulturfond-nordkyst"),
    ("Grosserer Bøgh-Hansens Legat", "foundation", "private", "Solbakke Midtby", None),
    ("Solbakke Erhvervsforening", "union", "civil", "Solbakke Midtby", "solbakke-erhverv"),
    ("Solbakke Lærerforening", "union", "civil", "Hele kommunen", "solbakke-laererforening"),
    ("Handicaporganisationerne i Solbakke", "union", "civil", "Hele kommunen", "handicap-solbakke"),
    ("Solbakke Handelsstandsforening", "union", "civil", "Solbakke Midtby", "handel-solbakke"),
    ("Solbakke Pædagogforening", "union", "civil", "Hele kommunen", "solbakke-paedagoger"),
    ("Lokalrådet Strandby", "citizen_group", "civil", "Strandby", "lokalraad-strandby"),
    ("Møllehøj Lokalråd", "citizen_group", "civil", "Møllehøj", None),
    ("Beboerrådet Kildebro Vest", "citizen_group", "civil", "Kildebro", None),
    ("Grønne Solbakke", "citizen_group", "civil", "Solbakke Midtby", "groenne-solbakke"),
    ("Forældrenetværket Nørrevang", "citizen_group", "civil", "Nørrevang", None),
    ("Ældrerådet Solbakke", "citizen_group", "civil", "Hele kommunen", None),
    ("Region Nordkyst", "state", "public", "Regionen", "regionnordkyst"),
    ("Styrelsen for Kultur og Læsning", "state", "public", "Landsdækkende", "kulturoglaesning"),
    ("Kulturregion Nordkyst", "state", "public", "Regionen", "kulturregion-nordkyst"),
    ("Arresthuset Solbakke", "state", "public", "Vesterled", None),
    ("Solbakke Kirke", "other", "civil", "Solbakke Midtby", "solbakke-kirke"),
    ("Solbakke Boligselskab", "other", "civil", "Kildebro", "solbakke-bolig"),
    ("Solbakke Havn", "other", "public", "Strandby", "solbakke-havn"),
    # Newly registered and not yet connected to anyone: an isolate in the network view.
    ("Makerspace Solbakke", "other", "civil", "Vesterled", "makerspace-solbakke"),
)
ISOLATED_ORGANISATION = "Makerspace Solbakke"

#: How many contacts an organisation of each type typically brings (a weight, not a count).
TYPE_SIZE: dict[str, int] = {
    "association": 3,
    "business": 2,
    "education": 5,
    "adult_education": 4,
    "municipal": 6,
    "cultural": 4,
    "media": 3,
    "library": 3,
    "foundation": 2,
    "union": 2,
    "citizen_group": 2,
    "state": 2,
    "other": 2,
}

# (name, title, weight = how much of the network this person holds, the organisation types they work with)
STAFF: tuple[tuple[str, str, int, tuple[str, ...]], ...] = (
    (
        "Mette Sørensen",
        "Netværksansvarlig bibliotekar",
        12,
        ("municipal", "cultural", "association", "education", "adult_education", "foundation"),
    ),
    ("Jørgen Bækgaard", "Bibliotekschef", 5, ("state", "foundation", "municipal", "library")),
    ("Anne-Sofie Kjær", "Børnebibliotekar", 6, ("education", "municipal", "citizen_group")),
    ("Rasmus Holm", "Kulturformidler", 6, ("cultural", "media", "association")),
    ("Leyla Haddad", "Bibliotekar, integration og læring", 5, ("adult_education", "municipal", "association")),
    ("Peter Lund Nielsen", "Filialleder, Strandby", 4, ("citizen_group", "association", "other")),
    ("Birgitte Østergaard", "Læringskonsulent", 4, ("education", "library")),
    ("Thomas Winther", "Digital formidler", 3, ("business", "adult_education")),
    ("Sidsel Ågaard", "Kommunikationsmedarbejder", 3, ("media", "business")),
    ("Karen Mølgaard", "Bibliotekar, voksenformidling", 4, ("association", "adult_education", "cultural")),
    ("Mikkel Dahl", "Projektleder", 3, ("foundation", "state", "cultural")),
    ("Ulla Grønbæk", "Biblioteksassistent", 2, ("citizen_group", "other")),
    ("Emil Frandsen", "Eventkoordinator", 3, ("cultural", "business", "media")),
    ("Signe Friis", "Bibliotekar, sundhed og ældre", 4, ("municipal", "association", "union")),
    ("Ole Brandt", "Biblioteksassistent, Nørrevang", 1, ()),
)

# --- name pools ------------------------------------------------------------------------------------

FIRST_NAMES = (
    "Mette",
    "Søren",
    "Jørgen",
    "Anne",
    "Lars",
    "Hanne",
    "Henrik",
    "Kirsten",
    "Peter",
    "Susanne",
    "Jens",
    "Lone",
    "Niels",
    "Birgitte",
    "Mads",
    "Camilla",
    "Rasmus",
    "Line",
    "Frederik",
    "Sofie",
    "Mikkel",
    "Ida",
    "Thomas",
    "Louise",
    "Bjørn",
    "Åse",
    "Gitte",
    "Poul",
    "Bodil",
    "Jørn",
    "Tove",
    "Ebbe",
    "Grethe",
    "Kasper",
    "Signe",
    "Anders",
    "Maja",
    "Christian",
    "Karen",
    "Morten",
    "Pia",
    "Torben",
    "Helle",
    "Jesper",
    "Marianne",
    "Ulla",
    "Steen",
    "Dorthe",
    "Ole",
    "Vibeke",
    "Emil",
    "Freja",
    "Magnus",
    "Laura",
    "Asger",
    "Nanna",
    "Troels",
    "Sidsel",
    "Bent",
    "Inger",
    "Else",
    "Asta",
    "Malthe",
    "Søs",
    "Thøger",
    "Bjarke",
    "Lærke",
    "Kåre",
    "Mathilde",
    "Jonas",
)
#: Danish middle names are often family names, which suits any first name.
MIDDLE_NAMES = ("Holm", "Skov", "Bach", "Kirk", "Lund", "Vang", "Dam", "Krog", "Bonde", "Juul")
LAST_NAMES = (
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Christiansen",
    "Poulsen",
    "Johansen",
    "Møller",
    "Mortensen",
    "Knudsen",
    "Mikkelsen",
    "Kjær",
    "Holm",
    "Bødker",
    "Mølgaard",
    "Grønbæk",
    "Krøyer",
    "Lærkesen",
    "Højgaard",
    "Dalsgård",
    "Østergaard",
    "Ågaard",
    "Nørgaard",
    "Bækgaard",
    "Skøtt",
    "Lund",
    "Friis",
    "Dahl",
    "Vestergaard",
    "Frandsen",
    "Brandt",
    "Winther",
    "Svendsen",
    "Damgaard",
    "Iversen",
    "Thygesen",
    "Bach",
    "Søgaard",
    "Kirkegaard",
)
#: Names of newer Danes, drawn as (first names, last names) from the same background.
NAME_GROUPS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (
        ("Amir", "Fatima", "Mohammed", "Aisha", "Yusuf", "Zainab", "Omar", "Leyla"),
        ("Hassan", "Ali", "Abdi", "Haddad", "Khalil"),
    ),
    (("Ayşe", "Mehmet", "Emre", "Elif"), ("Yılmaz", "Öztürk", "Demir")),
    (("Agnieszka", "Tomasz", "Katarzyna", "Piotr"), ("Nowak", "Wójcik")),
    (("Olena", "Dmytro", "Iryna", "Andrij"), ("Shevchenko", "Bondarenko", "Kovalenko")),
    (("Linh", "Minh", "Thu"), ("Nguyen", "Tran", "Pham")),
)

TITLES: dict[str, tuple[str, ...]] = {
    "association": (
        "Formand",
        "Næstformand",
        "Kasserer",
        "Frivilligkoordinator",
        "Bestyrelsesmedlem",
        "Sekretær",
    ),
    "business": ("Indehaver", "Direktør", "Marketingansvarlig", "Butikschef", "Medarbejder"),
    "education": (
        "Lærer",
        "Skoleleder",
        "Viceskoleleder",
        "Skolebibliotekar",
        "Studievejleder",
        "Underviser",
    ),
    "adult_education": ("Afdelingsleder", "Underviser", "Kursuskoordinator", "Skoleleder"),
    "municipal": ("Konsulent", "Afdelingsleder", "Sagsbehandler", "Chef", "Projektleder", "Koordinator"),
    "cultural": ("Formidler", "Leder", "Producent", "Kommunikationsansvarlig", "Frivilligkoordinator"),
    "media": ("Journalist", "Redaktør", "Fotograf", "Vært"),
    "library": ("Bibliotekar", "Biblioteksleder", "Børnebibliotekar", "Konsulent"),
    "foundation": ("Fondschef", "Programchef", "Bevillingskonsulent", "Bestyrelsesformand"),
    "union": ("Formand", "Sekretariatsleder", "Konsulent", "Næstformand"),
    "citizen_group": ("Formand", "Tovholder", "Medlem", "Kontaktperson"),
    "state": ("Specialkonsulent", "Fuldmægtig", "Kontorchef", "Konsulent"),
    "other": ("Leder", "Koordinator", "Medarbejder"),
    "private": (
        "Forfatter",
        "Billedkunstner",
        "Pensioneret lærer",
        "Freelancejournalist",
        "Frivillig",
        "Fortæller",
    ),
}
#: Titles that only fit one particular organisation; its contacts draw from these instead.
ORGANISATION_TITLES: dict[str, tuple[str, ...]] = {
    "Solbakke Gymnasium": ("Rektor", "Gymnasielærer", "Studievejleder", "Gymnasiebibliotekar"),
    "Solbakke Højskole": ("Forstander", "Højskolelærer", "Kursuskoordinator"),
    "Solbakke Sprogcenter": ("Sproglærer", "Afdelingsleder", "Studievejleder"),
    "Jobcenter Solbakke": ("Jobkonsulent", "Virksomhedskonsulent", "Sagsbehandler", "Afdelingsleder"),
    "PPR, Solbakke Kommune": ("Psykolog", "Talepædagog", "Læsekonsulent", "Leder af PPR"),
    "Sundhedscenter Solbakke": ("Sundhedsplejerske", "Sundhedskonsulent", "Diætist", "Centerleder"),
    "Ældre og Sundhed, Solbakke Kommune": ("Demenskoordinator", "Aktivitetsmedarbejder", "Konsulent"),
    "Solbakke Museum": ("Museumsinspektør", "Museumsformidler", "Museumsdirektør"),
    "Solbakke Musikskole": ("Musiklærer", "Musikskoleleder", "Korleder"),
    "Solbakke Stadsarkiv": ("Arkivar", "Stadsarkivar", "Arkivmedarbejder"),
    "Kunsthal Kildebro": ("Kurator", "Formidler", "Kunsthalleder"),
    "Solbakke Teater": ("Teaterchef", "Dramaturg", "Producent"),
    "Arresthuset Solbakke": ("Fængselsbetjent", "Socialrådgiver", "Afdelingsleder"),
    "Solbakke Kirke": ("Sognepræst", "Kirkekoordinator", "Organist"),
    "Solbakke Boligselskab": ("Boligsocial medarbejder", "Driftsleder", "Beboerrådgiver"),
    "Solbakke Havn": ("Havnefoged", "Havnechef"),
}
BOARD_ROLES = ("Bestyrelsesmedlem", "Formand", "Kasserer", "Frivillig")
#: Where people hold board seats and memberships next to their day job.
CLUB_TYPES = ("association", "citizen_group", "union")

CONTACT_NOTES = (
    "Interesseret i en læsekreds for seniorer.",
    "Mødt til Kulturnatten på biblioteket.",
    "Ønsker at modtage nyhedsbrevet.",
    "Har holdt foredrag på biblioteket.",
    "Spørger om lokaler til foreningsmøder.",
    "God indgang til bestyrelsen.",
    "Foretrækker at blive ringet op.",
    "Kontakt via Kulturhuset.",
    "Vil gerne være med i Sommerbogen igen.",
    "Har ideer til et fælles arrangement for børnefamilier.",
)
ORGANISATION_NOTES = (
    "Fast partner om Sommerbogen.",
    "Lektiecafé på biblioteket hver tirsdag.",
    "Mulig partner til Kulturnatten.",
    "Fælles arrangementer for børnefamilier.",
    "Har spurgt til et samarbejde om digital hjælp til ældre.",
    "Samarbejde om sprogcafé.",
    "Låner bibliotekets mødelokaler.",
    "Skriftlig samarbejdsaftale, fornyes hvert år.",
)
TIE_NOTES = (
    "Samarbejde om Sommerbogen.",
    "Fælles foredragsrække.",
    "Klassebesøg og booktalks.",
    "Sprogcafé i samarbejde.",
    "Udstilling i biblioteket.",
    "Ansøgning om projektstøtte.",
    "Digital hjælp til ældre.",
    "Møde om Kulturnatten.",
)

# (from, to, kind): ties between organisations, by name.
ORGANISATION_TIES: tuple[tuple[str, str, str], ...] = (
    ("Havtornfonden", "Læseforeningen Bogormen", "funds"),
    ("Havtornfonden", "Lektiehjælpen Solbakke", "funds"),
    ("Sparekassefonden Solbakke", "Solbakke Boldklub", "funds"),
    ("Sparekassefonden Solbakke", "Kulturhuset Strandby", "funds"),
    ("Lyngfonden for Læsning", "Kildebro Skole", "funds"),
    ("Fonden for Kultur i Nordkyst", "Solbakke Museum", "funds"),
    ("Region Nordkyst", "Kulturregion Nordkyst", "funds"),
    ("Kultur og Fritid, Solbakke Kommune", "Spillestedet Remisen", "funds"),
    ("Solbakke Gymnasium", "Solbakke Musikskole", "partner"),
    ("Jobcenter Solbakke", "Solbakke Sprogcenter", "partner"),
    ("Solbakke Museum", "Solbakke Stadsarkiv", "partner"),
    ("Kildeby Bibliotek", "Hvidmose Bibliotekerne", "partner"),
    ("Røde Kors Solbakke", "Frivilligcenter Solbakke", "partner"),
    ("Solbakke Sparekasse", "Sparekassefonden Solbakke", "partner"),
    ("FOF Solbakke", "Folkeuniversitetet i Solbakke", "partner"),
)

_ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ı": "i", "ß": "ss"})


# --- the plan: plain data, drawn before anything touches the database ------------------------------


@dataclass
class DemoOrganisation:
    name: str
    org_type: str
    sector: str
    area: str
    website: str | None
    notes: str | None = None
    size: int = 0


@dataclass
class DemoPerson:
    name: str
    is_staff: bool
    title: str | None = None
    email: str | None = None
    other_emails: list[str] = field(default_factory=list)
    phone: str | None = None
    other_phones: list[str] = field(default_factory=list)
    notes: str | None = None


@dataclass
class DemoAffiliation:
    person: int  # index into DemoPlan.people
    organisation: int  # index into DemoPlan.organisations
    role: str | None
    start_days_ago: int | None
    end_days_ago: int | None


#: One end of a tie: ("person", index) or ("organisation", index).
End = tuple[str, int]


@dataclass
class DemoRelation:
    kind: str
    source: End
    target: End
    strength: int
    first_days_ago: int
    last_days_ago: int
    owner: int | None  # index of a staff member in DemoPlan.people
    notes: str | None = None


@dataclass
class DemoPlan:
    """The whole demo workspace as plain data; dates are days before ``today``."""

    organisations: list[DemoOrganisation] = field(default_factory=list)
    people: list[DemoPerson] = field(default_factory=list)
    affiliations: list[DemoAffiliation] = field(default_factory=list)
    relations: list[DemoRelation] = field(default_factory=list)


def ascii_slug(text: str) -> str:
    """``text`` as lower-case ASCII for an e-mail address: "Søren Ågaard" → "soeren.aagaard"."""
    text = text.casefold().translate(_ASCII)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = "".join(ch if ch.isascii() and ch.isalnum() else " " for ch in text).split()
    return ".".join(words)


class _Builder:
    """Draws the demo plan from one random generator, step by step, always in the same order."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.plan = DemoPlan()
        self.emails: set[str] = set()
        self.names: set[str] = set()
        self.edges: set[tuple[str, End, End]] = set()
        self.staff: list[int] = []
        self.staff_focus: dict[int, tuple[str, ...]] = {}
        self.staff_weight: dict[int, int] = {}
        #: Current organisation of each contact (None for private persons and isolates).
        self.works_at: dict[int, int | None] = {}
        #: Staff who know each contact.
        self.known_by: dict[int, list[int]] = {}
        self.isolates: list[int] = []

    # -- small draws --

    def unique_email(self, local: str, domain: str) -> str:
        """``local@domain``, numbered when taken: e-mails are unique in the workspace."""
        address = f"{local}@{domain}"
        number = 2
        while address in self.emails:
            address = f"{local}{number}@{domain}"
            number += 1
        self.emails.add(address)
        return address

    def phone(self) -> str:
        # Danish numbers are eight digits; written in E.164 as the importer stores them.
        return "+45" + self.rng.choice("2345678") + "".join(self.rng.choices("0123456789", k=7))

    def tie_days(self) -> tuple[int, int]:
        """(first contact, last contact) in days before today; about a fifth of ties going cold."""
        roll = self.rng.random()
        if roll < 0.6:
            last = self.rng.randint(0, 150)
        elif roll < 0.78:
            last = self.rng.randint(151, 365)
        else:
            last = self.rng.randint(366, 900)
        first = self.rng.randint(last, HISTORY_DAYS)
        return first, last

    def strength_for(self, last_days_ago: int) -> int:
        """Recent ties tend to be strong, cold ones weak, as in real networks."""
        if last_days_ago <= 150:
            return self.rng.choices((2, 3, 4, 5), weights=(1, 3, 4, 2))[0]
        if last_days_ago <= 365:
            return self.rng.choices((1, 2, 3, 4), weights=(1, 3, 3, 1))[0]
        return self.rng.choices((1, 2, 3), weights=(3, 3, 1))[0]

    def tie(self, kind: str, source: End, target: End, owner: int | None, note_chance: float = 0.1) -> bool:
        """Add a tie unless the same one exists; True when it was added."""
        if (kind, source, target) in self.edges or source == target:
            return False
        self.edges.add((kind, source, target))
        first, last = self.tie_days()
        notes = self.rng.choice(TIE_NOTES) if self.rng.random() < note_chance else None
        self.plan.relations.append(
            DemoRelation(kind, source, target, self.strength_for(last), first, last, owner, notes)
        )
        return True

    def draw_name(self) -> str:
        """A name, mostly Danish, about one in eight from a newer Danish family; it may be taken."""
        if self.rng.random() < 0.13:
            firsts, lasts = self.rng.choice(NAME_GROUPS)
            return f"{self.rng.choice(firsts)} {self.rng.choice(lasts)}"
        parts = [self.rng.choice(FIRST_NAMES)]
        if self.rng.random() < 0.15:
            parts.append(self.rng.choice(MIDDLE_NAMES))
        parts.append(self.rng.choice(LAST_NAMES))
        return " ".join(parts)

    def new_name(self) -> str:
        """A name not used yet (:meth:`draw_name` until one is free)."""
        while True:
            name = self.draw_name()
            if name not in self.names:
                self.names.add(name)
                return name

    # -- steps --

    def add_organisations(self) -> None:
        """The fixed organisations, each drawn a size (how many contacts it brings) and maybe notes."""
        for name, org_type, sector, area, slug in ORGANISATIONS:
            website = f"https://www.{slug}.dk" if slug else None
            notes = self.rng.choice(ORGANISATION_NOTES) if self.rng.random() < 0.25 else None
            size = 0 if name == ISOLATED_ORGANISATION else TYPE_SIZE[org_type] * self.rng.randint(1, 3)
            self.plan.organisations.append(DemoOrganisation(name, org_type, sector, area, website, notes, size))

    def add_staff(self) -> None:
        """The fifteen library staff, with initials e-mails as Danish municipalities use them."""
        for name, title, weight, focus in STAFF:
            self.names.add(name)
            first, *_, last = name.split()
            initials = (ascii_slug(first)[:2] + ascii_slug(last)[:2]).replace(".", "")
            index = len(self.plan.people)
            self.plan.people.append(
                DemoPerson(
                    name=name,
                    is_staff=True,
                    title=title,
                    email=self.unique_email(initials, LIBRARY_DOMAIN),
                    phone=self.phone(),
                )
            )
            self.staff.append(index)
            self.staff_focus[index] = focus
            self.staff_weight[index] = weight

    def contact_email(self, name: str, org: DemoOrganisation | None) -> str:
        """A work address where the organisation has one; volunteers often use a private one."""
        slug = ascii_slug(name)
        if org is None or org.website is None or org.org_type in ("association", "citizen_group"):
            if org is not None and org.website and self.rng.random() < 0.5:
                return self.unique_email(slug.split(".")[0], org.website.removeprefix("https://www."))
            return self.unique_email(slug, PRIVATE_DOMAIN)
        domain = org.website.removeprefix("https://www.")
        if org.org_type in ("municipal", "state", "education", "cultural"):
            parts = slug.split(".")
            return self.unique_email(parts[0][:2] + parts[-1][:2], domain)
        return self.unique_email(slug, domain)

    def add_contacts(self) -> None:
        """About three hundred contacts, spread over organisations by size; a few private persons."""
        organisations = self.plan.organisations
        connected = [i for i, org in enumerate(organisations) if org.size > 0]
        weights = [organisations[i].size for i in connected]
        # Every connected organisation gets one contact first, then the rest go by size.
        homes: list[int | None] = list(connected)
        private = 12
        isolates = 3
        while len(homes) < CONTACT_COUNT - private - isolates:
            homes.append(self.rng.choices(connected, weights=weights)[0])
        homes += [None] * (private + isolates)
        self.rng.shuffle(homes)
        without_home = [slot for slot, home in enumerate(homes) if home is None]
        isolate_slots = set(without_home[:isolates])
        for slot, home in enumerate(homes):
            org = organisations[home] if home is not None else None
            name = self.new_name()
            title_pool = TITLES["private"] if org is None else ORGANISATION_TITLES.get(org.name, TITLES[org.org_type])
            person = DemoPerson(
                name=name,
                is_staff=False,
                title=self.rng.choice(title_pool) if self.rng.random() < 0.9 else None,
            )
            if self.rng.random() < 0.85:
                person.email = self.contact_email(name, org)
                if self.rng.random() < 0.09:
                    # A second address: private next to a work one, or another provider.
                    other = SECOND_DOMAIN if person.email.endswith(PRIVATE_DOMAIN) else PRIVATE_DOMAIN
                    person.other_emails.append(self.unique_email(ascii_slug(name), other))
            if self.rng.random() < 0.55:
                person.phone = self.phone()
                if self.rng.random() < 0.1:
                    person.other_phones.append(self.phone())
            if self.rng.random() < 0.18:
                person.notes = self.rng.choice(CONTACT_NOTES)
            index = len(self.plan.people)
            self.plan.people.append(person)
            self.works_at[index] = home
            if slot in isolate_slots:
                self.isolates.append(index)

    def add_affiliations(self) -> None:
        """Everyone works somewhere; some changed jobs lately, some sit on a board as well."""
        organisations = self.plan.organisations
        employed = [(person, home) for person, home in self.works_at.items() if home is not None]
        current: dict[int, DemoAffiliation] = {}
        for person, home in employed:
            start = self.rng.randint(90, 4000) if self.rng.random() < 0.6 else None
            current[person] = DemoAffiliation(person, home, self.plan.people[person].title, start, None)
            self.plan.affiliations.append(current[person])
        # Job changes: an earlier job at an organisation of the same kind, ended within three years.
        for person, home in self.rng.sample(employed, 20):
            kind = organisations[home].org_type
            earlier = [i for i, org in enumerate(organisations) if org.org_type == kind and org.size]
            earlier = [i for i in earlier if i != home]
            if not earlier:
                continue
            ended = self.rng.randint(30, 900)
            current[person].start_days_ago = max(ended - self.rng.randint(1, 60), 0)
            started = ended + self.rng.randint(400, 3000)
            role = self.rng.choice(TITLES[kind])
            self.plan.affiliations.append(DemoAffiliation(person, self.rng.choice(earlier), role, started, ended))
        # Board seats and volunteering next to the day job.
        clubs = [i for i, org in enumerate(organisations) if org.org_type in CLUB_TYPES and org.size]
        for person, home in self.rng.sample(employed, 16):
            club = self.rng.choice(clubs)
            if club != home:
                start = self.rng.randint(100, 2500) if self.rng.random() < 0.5 else None
                role = self.rng.choice(BOARD_ROLES)
                self.plan.affiliations.append(DemoAffiliation(person, club, role, start, None))

    def pick_staff(self, org_type: str | None, exclude: list[int]) -> int:
        """A staff member to hold a tie: people whose field it is are four times as likely."""
        candidates = [s for s in self.staff if s not in exclude]
        weights = [self.staff_weight[s] * (4 if org_type in self.staff_focus[s] else 1) for s in candidates]
        return self.rng.choices(candidates, weights=weights)[0]

    def add_staff_ties(self) -> None:
        """Staff → contact ties: most contacts are known by one colleague, some by two or three."""
        for person, home in self.works_at.items():
            if person in self.isolates:
                continue
            if self.rng.random() < 0.06:
                continue  # known to the library only through their organisation
            org_type = self.plan.organisations[home].org_type if home is not None else None
            holders: list[int] = []
            count = self.rng.choices((1, 2, 3), weights=(72, 22, 6))[0]
            for _ in range(count):
                holder = self.pick_staff(org_type, holders)
                holders.append(holder)
                kind = "works_with" if self.rng.random() < 0.15 else "knows"
                self.tie(kind, ("person", holder), ("person", person), holder)
            self.known_by[person] = holders

    def add_organisation_ties(self) -> None:
        """Staff → organisation ties: big partners held by several colleagues, many by just one."""
        organisations = self.plan.organisations
        for index, org in enumerate(organisations):
            if not org.size:
                continue
            holders: dict[int, int] = {}
            for person, home in self.works_at.items():
                if home == index:
                    for staff in self.known_by.get(person, []):
                        holders[staff] = holders.get(staff, 0) + 1
            ranked = sorted(holders, key=lambda s: (-holders[s], s))
            if org.size >= 12:
                count = self.rng.randint(2, 4)
            else:
                count = self.rng.choices((0, 1, 2), weights=(35, 50, 15))[0]
            while len(ranked) < count:
                ranked.append(self.pick_staff(org.org_type, ranked))
            for staff in ranked[:count]:
                kind = "partner" if self.rng.random() < 0.45 else "works_with"
                self.tie(kind, ("person", staff), ("organisation", index), staff, note_chance=0.35)

    def add_contact_ties(self) -> None:
        """Colleagues at the same place, brokers who link separate worlds, and memberships."""
        by_org: dict[int, list[int]] = {}
        for person, home in self.works_at.items():
            if home is not None and person not in self.isolates:
                by_org.setdefault(home, []).append(person)
        for org_index in sorted(by_org):
            people = by_org[org_index]
            for left, right in zip(people, people[1:]):
                if self.rng.random() < 0.5:
                    self.tie("colleague", ("person", left), ("person", right), self.owner_of(left))
        contacts = [p for p, home in self.works_at.items() if home is not None and p not in self.isolates]
        for broker in self.rng.sample(contacts, 6):
            home = self.works_at[broker]
            others = [p for p in contacts if self.works_at[p] != home]
            for other in self.rng.sample(others, self.rng.randint(5, 9)):
                self.tie("works_with", ("person", broker), ("person", other), self.owner_of(broker))
        clubs = [i for i, org in enumerate(self.plan.organisations) if org.org_type in CLUB_TYPES and org.size]
        for member in self.rng.sample(contacts, 25):
            club = self.rng.choice(clubs)
            if club != self.works_at[member]:
                self.tie("member", ("person", member), ("organisation", club), self.owner_of(member))

    def add_organisation_links(self) -> None:
        """Foundations funding and institutions partnering with each other."""
        index = {org.name: i for i, org in enumerate(self.plan.organisations)}
        for source, target, kind in ORGANISATION_TIES:
            self.tie(kind, ("organisation", index[source]), ("organisation", index[target]), None, 0.3)

    def owner_of(self, person: int) -> int | None:
        """The colleague who holds the library's tie to ``person``, if anyone does."""
        holders = self.known_by.get(person)
        return holders[0] if holders else None

    def build(self) -> DemoPlan:
        """Every step in a fixed order: the order of draws is what makes a seed reproducible."""
        self.add_organisations()
        self.add_staff()
        self.add_contacts()
        self.add_affiliations()
        self.add_staff_ties()
        self.add_organisation_ties()
        self.add_contact_ties()
        self.add_organisation_links()
        self.add_review_cases()
        return self.plan

    def add_review_cases(self) -> None:
        """Two people entered twice, as happens when lists from several colleagues meet: once with
        a typo at the same workplace, once by name only. They wait on the duplicate review."""
        employed = sorted((person, home) for person, home in self.works_at.items() if home is not None)
        for person, home in self.rng.sample(employed, 2):
            original = self.plan.people[person]
            typo = original.name[:-1] if len(self.plan.people) % 2 else original.name
            self.plan.people.append(DemoPerson(name=typo, is_staff=False, title=original.title, notes=CONTACT_NOTES[0]))
            self.plan.affiliations.append(DemoAffiliation(len(self.plan.people) - 1, home, original.title, None, None))


def build_demo_plan(seed: int = DEFAULT_SEED) -> DemoPlan:
    """The demo workspace as plain data; the same seed always gives the same plan."""
    return _Builder(seed).build()


# --- writing the plan ------------------------------------------------------------------------------


def _has_data(session: Session) -> bool:
    people = session.scalar(select(func.count(Person.id))) or 0
    organisations = session.scalar(select(func.count(Organisation.id))) or 0
    return bool(people or organisations)


def _days_ago(today: dt.date, days: int | None) -> dt.date | None:
    return None if days is None else today - dt.timedelta(days=days)


def _write_plan(session: Session, plan: DemoPlan, today: dt.date) -> None:
    organisations = [
        Organisation(
            name=org.name,
            name_key=name_key(org.name),
            org_type=org.org_type,
            sector=org.sector,
            website=org.website,
            area=org.area,
            notes=org.notes,
            source=SOURCE,
        )
        for org in plan.organisations
    ]
    people = [
        Person(
            name=p.name,
            name_key=name_key(p.name),
            email=p.email,
            phone=p.phone,
            other_emails=list(p.other_emails) or None,
            other_phones=list(p.other_phones) or None,
            title=p.title,
            notes=p.notes,
            is_staff=p.is_staff,
            source=SOURCE,
        )
        for p in plan.people
    ]
    session.add_all([*organisations, *people])
    session.flush()  # the ties below need the new records' ids

    def ids(end: End) -> dict[str, int | None]:
        kind, index = end
        if kind == "person":
            return {"person": people[index].id, "organisation": None}
        return {"person": None, "organisation": organisations[index].id}

    session.add_all(
        Affiliation(
            person_id=people[a.person].id,
            organisation_id=organisations[a.organisation].id,
            role=a.role,
            start_date=_days_ago(today, a.start_days_ago),
            end_date=_days_ago(today, a.end_days_ago),
        )
        for a in plan.affiliations
    )
    relations = []
    for r in plan.relations:
        source, target = ids(r.source), ids(r.target)
        relations.append(
            Relation(
                kind=r.kind,
                from_person_id=source["person"],
                from_organisation_id=source["organisation"],
                to_person_id=target["person"],
                to_organisation_id=target["organisation"],
                strength=r.strength,
                first_contact=_days_ago(today, r.first_days_ago),
                last_contact=_days_ago(today, r.last_days_ago),
                owner_id=people[r.owner].id if r.owner is not None else None,
                notes=r.notes,
            )
        )
    session.add_all(relations)
    session.flush()


def _result(session: Session, created: bool) -> dict[str, Any]:
    counts = workspace_counts(session)
    return {
        "people": counts["people"],
        "staff": counts["staff"],
        "organisations": counts["organisations"],
        "affiliations": counts["affiliations"],
        "relations": counts["relations"],
        "created": created,
    }


@requires("edit")
def create_demo_workspace(
    db: Database,
    *,
    seed: int = DEFAULT_SEED,
    today: dt.date | None = None,
    if_empty: bool = False,
    scale: int | None = None,
) -> dict[str, Any]:
    """Fill an empty workspace with the fictional Solbakke library, in one transaction.

    With ``scale`` the workspace holds that many people, and staff, organisations, relations, goals
    and partnerships in proportion (``lib.demo.scale``); at least ``lib.demo.scale.MIN_PEOPLE``, else
    ``UserFacingError("demo.scale_too_small")`` before anything is read.

    Returns the counts of people, staff, organisations, affiliations and relations, and ``created``.
    A workspace that already holds people or organisations is never touched: with ``if_empty`` the
    call returns its current counts and ``created=False``; without it, it raises
    ``UserFacingError("demo.not_empty")``.
    """
    from lib.demo import scale as scaling

    if scale is not None and scale < scaling.MIN_PEOPLE:
        raise UserFacingError("demo.scale_too_small", minimum=scaling.MIN_PEOPLE)
    today = today or dt.date.today()
    plan = build_demo_plan(seed)
    with db.write() as session:
        # Checked inside the write transaction, so nobody can add data between check and fill.
        if _has_data(session):
            if if_empty:
                return _result(session, created=False)
            raise UserFacingError("demo.not_empty")
        _write_plan(session, plan, today)
        # The demo has namesakes and typos on purpose, so the review queue has something to show. A
        # scaled demo's extras come after: their namesakes are drawn at random, not meant for review.
        from lib.contacts import queue_near_duplicates

        queue_near_duplicates(session)
        grown = scaling.grow_workspace(session, plan, seed, today, scale) if scale is not None else None
        strategy = write_strategy(session, seed, today)
        strategy |= write_organisation(session, seed, today)
        strategy |= write_strengths(session, seed, today)
        strategy |= write_radar(session, seed, today)
        set_setting(session, "demo", "1")
        set_setting(session, "library_name", LIBRARY_NAME)
        result = _result(session, created=True)
        details: dict[str, Any] = {key: value for key, value in result.items() if key != "created"}
        if grown is not None:
            details["scale"] = grown
        log_event(session, "demo_created", seed=seed, strategy=strategy, **details)
    return result
