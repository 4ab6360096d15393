"""Texts of the network as lists (components/network_list.py): the points and ties of a map in two
sortable tables a screen reader can use (issue 15)."""

TEXTS = {
    "netlist.expander": {"da": "Se netværket som liste", "en": "See the network as a list"},
    "netlist.intro": {
        "da": "De samme punkter og forbindelser som kortet ovenfor viser, med de samme filtre, som tabeller.",
        "en": "The same points and ties as the map above shows, with the same filters, as tables.",
    },
    "netlist.nodes": {"da": "Punkter", "en": "Points"},
    "netlist.ties": {"da": "Forbindelser", "en": "Ties"},
    "netlist.sort_by": {"da": "Sortér efter", "en": "Sort by"},
    "netlist.order": {"da": "Rækkefølge", "en": "Order"},
    "netlist.order.ascending": {"da": "Stigende", "en": "Ascending"},
    "netlist.order.descending": {"da": "Faldende", "en": "Descending"},
    "netlist.page": {"da": "Side", "en": "Page"},
    "netlist.showing": {
        "da": "Viser {first}–{last} af {total} · side {page} af {pages}.",
        "en": "Showing {first}–{last} of {total} · page {page} of {pages}.",
    },
    "netlist.empty": {"da": "Der er intet at vise her.", "en": "There is nothing to show here."},
    "netlist.col.row": {"da": "Nr.", "en": "No."},
    "netlist.col.name": {"da": "Navn", "en": "Name"},
    "netlist.col.kind": {"da": "Slags", "en": "Kind"},
    "netlist.col.organisation": {"da": "Organisation eller type", "en": "Organisation or type"},
    "netlist.col.sector": {"da": "Sektor", "en": "Sector"},
    "netlist.col.ties": {"da": "Antal forbindelser", "en": "Number of ties"},
    "netlist.col.betweenness_place": {"da": "Brobygger, nr.", "en": "Bridge builder, place"},
    "netlist.col.reach": {"da": "Rækkevidde", "en": "Reach"},
    "netlist.col.source": {"da": "Fra", "en": "From"},
    "netlist.col.target": {"da": "Til", "en": "To"},
    "netlist.col.tie": {"da": "Slags forbindelse", "en": "Kind of tie"},
    "netlist.col.strength": {"da": "Styrke", "en": "Strength"},
    "netlist.col.last_contact": {"da": "Seneste kontakt", "en": "Last contact"},
}
