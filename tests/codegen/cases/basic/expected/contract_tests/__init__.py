# Generated from schema/*.yaml by codegen. Do not edit.
