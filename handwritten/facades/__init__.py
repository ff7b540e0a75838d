"""Query logic of each facade that a template cannot express: one module per facade, named as its spec."""
