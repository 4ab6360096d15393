"""Alembic environment: migrations run on the connection handed over by ``lib.storage``."""

from alembic import context

from lib.storage import Base

target_metadata = Base.metadata
connection = context.config.attributes.get("connection")

if connection is None:  # offline SQL generation, e.g. ``alembic upgrade --sql``
    context.configure(url=context.config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata)
    with context.begin_transaction():
        context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
