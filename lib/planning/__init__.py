"""Strategic partnership work: goals, candidate partners, partnerships with their agreements,
and evaluations."""
