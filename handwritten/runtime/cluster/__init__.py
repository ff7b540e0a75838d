"""More than one server: read replicas and their roles."""
