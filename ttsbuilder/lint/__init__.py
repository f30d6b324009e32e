"""Linting stored prompt definitions: JSON and YAML files → problems with positions."""
