# Generated from schema/facades/*.yaml by codegen. Do not edit.
