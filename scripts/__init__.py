"""Maintenance scripts: ``python -m scripts.<name>`` (capture_fixture, gen_portals_table)."""
