"""The library's network: who knows whom, which organisations are partners, and where the risks are.

Modules
-------
graph
    The graph model built from the database, its filters and its derived views (organisations only,
    one staff member's network, ego networks, the partnership rings) and a stable signature.
metrics
    Centrality per node, communities and whole-network figures, fast enough for 10,000 nodes.
health
    Ties going cold, organisations that hang on one staff member, ties per staff member, and every
    organisation that is not a partner yet, ranked, with the reason in words.
timeline
    The network as it was on a date, and what changed between two dates.

Nothing here imports Streamlit; every text a user sees is a translation key in
``lib/core/translations/network.py``.
"""
