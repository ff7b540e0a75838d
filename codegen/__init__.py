"""Turns the YAML specs under schema/ into the Python under generated/.

The pipeline has one module per stage: load -> check -> model -> render -> write.
"""
