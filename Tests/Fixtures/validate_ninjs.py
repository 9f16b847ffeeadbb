#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 the wirefeed authors
"""Validates ninjs objects against the IPTC schema: one JSON object per line on stdin (or in the
files named after the schema). Prints "N valid" and exits 0, or prints each failure and exits 1.

    python3 Tests/Fixtures/validate_ninjs.py SCHEMA.json [FILE.json ...] < lines.jsonl
"""
import json
import sys

import jsonschema


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    sources = [open(p, encoding="utf-8").read() for p in sys.argv[2:]] or [sys.stdin.read()]
    valid = 0
    failures = 0
    for source in sources:
        # One document per "\n"-ended line: str.splitlines would also split at U+0085 and U+2028,
        # which JSON strings may hold raw.
        for number, line in enumerate(source.split("\n"), 1):
            if not line.strip():
                continue
            errors = list(validator.iter_errors(json.loads(line)))
            if errors:
                failures += 1
                for error in errors:
                    print(f"line {number}: {error.json_path}: {error.message}")
            else:
                valid += 1
    print(f"{valid} valid, {failures} invalid")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
