"""Benchmark: finding organisation duplicates through blocking keys against comparing every pair.

Run on demand (not part of the tests)::

    .venv/bin/python benchmarks/bench_org_duplicates.py                 # 4,000 and 20,000 organisations
    .venv/bin/python benchmarks/bench_org_duplicates.py --sizes 1000 8000

For each size it generates a register the way libraries' lists look (``generate_register``): place
and kind ("Harlev Bibliotek", "Musikskole Viby"), numbered branches ("Viby Skole 3", "afd. 2"),
firms ("Holm & Lund ApS"), associations ("Foreningen …"), every name once (as the importer keeps
them), and one in eight written a second time another way: other case, å/aa, ø/oe, a legal form, a
hyphen or a typo. The names are folded once (timed on its own: both ways need it), then, in the
same run and process:

* baseline: ``pairs_by_comparing_all``: rapidfuzz ``process.cdist`` of every name against every
  other (one core, in row blocks), then the same rules;
* ours: ``find_pairs``: blocking keys (the folded name with one character left out), then the
  same rules on the names that share a key.

It checks that both find the same pairs and prints seconds, the pairs found and the ratio
baseline / ours. The target: ours at least ten times faster at 20,000 organisations.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PLACES = (
    "Aarhus",
    "Aalborg",
    "Odense",
    "Esbjerg",
    "Randers",
    "Kolding",
    "Horsens",
    "Vejle",
    "Roskilde",
    "Herning",
    "Silkeborg",
    "Næstved",
    "Fredericia",
    "Viborg",
    "Køge",
    "Holstebro",
    "Taastrup",
    "Slagelse",
    "Hillerød",
    "Sønderborg",
    "Svendborg",
    "Hjørring",
    "Holbæk",
    "Frederikshavn",
    "Nørresundby",
    "Ringsted",
    "Haderslev",
    "Skive",
    "Ølstykke",
    "Birkerød",
    "Farum",
    "Smørum",
    "Kalundborg",
    "Ballerup",
    "Lyngby",
    "Brøndby",
    "Vordingborg",
    "Ikast",
    "Grenå",
    "Thisted",
    "Middelfart",
    "Aabenraa",
    "Hobro",
    "Tønder",
    "Brønderslev",
    "Skanderborg",
    "Ebeltoft",
    "Rønne",
    "Nakskov",
    "Varde",
    "Hammel",
    "Solbjerg",
    "Tranbjerg",
    "Viby",
    "Brabrand",
    "Hasle",
    "Risskov",
    "Egå",
    "Lystrup",
    "Åbyhøj",
    "Gellerup",
    "Trige",
    "Skødstrup",
    "Hinnerup",
    "Sabro",
    "Galten",
    "Skovby",
    "Stilling",
    "Odder",
    "Hørning",
    "Malling",
    "Beder",
    "Mårslet",
    "Harlev",
    "Tilst",
    "Kolt",
    "Hjortshøj",
    "Vestervang",
    "Østbyen",
    "Nordby",
    "Sønderbro",
    "Havnebyen",
    "Søndervang",
    "Bakkegården",
    "Elmehøj",
    "Lindehøj",
    "Ryparken",
    "Kildebakke",
    "Skovbakken",
    "Fjordsiden",
    "Engdalen",
    "Mosebakken",
    "Solbakke",
    "Holme",
    "Holmen",
    "Vesterbro",
    "Nørrebro",
    "Østerbro",
    "Valby",
    "Vanløse",
)
KINDS = (
    "Skole",
    "Bibliotek",
    "Kommune",
    "Idrætsforening",
    "Museum",
    "Musikskole",
    "Aftenskole",
    "Spejdergruppe",
    "Menighedsråd",
    "Boligforening",
    "Kulturhus",
    "Jobcenter",
    "Sundhedscenter",
    "Borgerforening",
    "Lokalarkiv",
    "Ungdomsskole",
    "Børnehave",
    "Fritidscenter",
    "Teater",
    "Seniorklub",
    "Gymnasium",
    "Efterskole",
    "Højskole",
    "Handelsskole",
    "Erhvervsråd",
    "Turistforening",
    "Kunstforening",
    "Lokalhistorisk Forening",
    "Vandrerhjem",
    "Medborgerhus",
    "Beboerforening",
    "Sportsklub",
    "Svømmeklub",
    "Rideklub",
    "Skakklub",
    "Sangkor",
    "Orkester",
    "Kirke",
    "Plejecenter",
    "Væksthus",
    "Bogcafé",
    "Filmklub",
    "Læsekreds",
    "Frivilligcenter",
    "Sprogcafé",
    "Lektiecafé",
    "Ældreråd",
    "Integrationsråd",
)
SURNAMES = (
    "Hansen",
    "Jensen",
    "Nielsen",
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
    "Østergaard",
    "Bach",
    "Holm",
    "Lund",
    "Juhl",
    "Kjær",
    "Dahl",
    "Bak",
)
LEGAL_FORMS = ("ApS", "A/S", "I/S", "IVS", "K/S", "P/S")
WORDS = ("Læs", "Skriv", "Leg", "Lær", "Kunst", "Musik", "Natur", "Kultur", "Fællesskab", "Sundhed", "Bevægelse")


def _name(rng: random.Random) -> str:
    place, kind = rng.choice(PLACES), rng.choice(KINDS)
    pattern = rng.random()
    if pattern < 0.40:
        return f"{place} {kind}"
    if pattern < 0.50:
        return f"{kind} {place}"
    if pattern < 0.58:
        return f"{place}s {kind}"
    if pattern < 0.70:
        return f"{place} {kind} {rng.randint(1, 12)}"
    if pattern < 0.78:
        return f"{place} {kind}, afd. {rng.randint(1, 6)}"
    if pattern < 0.88:
        return f"{rng.choice(SURNAMES)} & {rng.choice(SURNAMES)} {rng.choice(LEGAL_FORMS)}"
    if pattern < 0.94:
        return f"Foreningen {rng.choice(WORDS)} & {rng.choice(WORDS)} {place}"
    return f"{rng.choice(SURNAMES)}s {kind} {rng.choice(LEGAL_FORMS)}"


def _written_another_way(name: str, rng: random.Random) -> str:
    way = rng.randrange(7)
    if way == 0:
        return name.lower()
    if way == 1:
        return name.replace("Aa", "Å").replace("aa", "å") if "aa" in name.lower() else name.replace("å", "aa")
    if way == 2:
        return name.replace("ø", "oe").replace("Ø", "Oe")
    if way == 3:
        return f"{name} {rng.choice(LEGAL_FORMS)}"
    if way == 4:
        return name.replace(" ", "-", 1)
    at = rng.randrange(len(name))
    if way == 5:
        return name[:at] + name[at + 1 :]
    return name[:at] + rng.choice("aeiklnorst") + name[at:]


def generate_register(size: int, seed: int = 7) -> list[str]:
    """``size`` organisation names, each once (by the importer's name key), one in eight a second spelling."""
    from lib.core.normalize import name_key

    rng = random.Random(seed)
    names: list[str] = []
    seen: set[str] = set()

    def add(name: str) -> None:
        key = name_key(name)
        if key and key not in seen and len(names) < size:
            seen.add(key)
            names.append(name)

    while len(names) < size:
        name = _name(rng)
        add(name)
        if rng.random() < 0.125:
            add(_written_another_way(name, rng))
    return names


def run(size: int) -> dict[str, float | int | bool]:
    from lib.contacts.organisation_duplicates import OrganisationName, find_pairs, pairs_by_comparing_all

    names = generate_register(size)
    started = time.perf_counter()
    organisations = [OrganisationName(number, name) for number, name in enumerate(names, start=1)]
    folding = time.perf_counter() - started
    started = time.perf_counter()
    baseline_pairs = pairs_by_comparing_all(organisations)
    baseline = time.perf_counter() - started
    started = time.perf_counter()
    ours_pairs = find_pairs(organisations)
    ours = time.perf_counter() - started
    return {
        "size": size,
        "folding": folding,
        "baseline": baseline,
        "ours": ours,
        "pairs": len(ours_pairs),
        "same": ours_pairs == baseline_pairs,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[4000, 20000], help="register sizes")
    args = parser.parse_args(argv)
    print(
        f"{'organisations':>13}  {'pairs':>6}  {'folding s':>9}  {'all pairs s':>11}  {'ours s':>7}  "
        f"{'ratio':>6}  same pairs"
    )
    for size in args.sizes:
        result = run(size)
        ratio = result["baseline"] / result["ours"] if result["ours"] else float("inf")
        print(
            f"{result['size']:>13,}  {result['pairs']:>6,}  {result['folding']:>9.3f}  {result['baseline']:>11.3f}  "
            f"{result['ours']:>7.3f}  {ratio:>5.1f}×  {'yes' if result['same'] else 'NO'}"
        )
        if not result["same"]:
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
