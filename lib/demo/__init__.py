"""The demo library: a fictional Danish library workspace to explore the product with."""
