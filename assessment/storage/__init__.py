"""Storage: SQLAlchemy engine and pragmas, tables, migrations and the repository functions."""
