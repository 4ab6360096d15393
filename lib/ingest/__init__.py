"""Reading the files people upload: checks before parsing, the parse child, finding tables,
mapping columns, and importing contact lists and planning tables as batches that can be undone."""
