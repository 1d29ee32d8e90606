#!/usr/bin/env python3
"""Builds data/currencies.tsv (ISO 4217 code and name) from pycountry's packaged iso4217.json.

Usage: python3 data/build/currencies.py pyc/pycountry/databases > data/currencies.tsv
"""
import json
import sys

rows = sorted((c["alpha_3"], c["name"]) for c in
              json.load(open(f"{sys.argv[1]}/iso4217.json", encoding="utf-8"))["4217"])
print("# ISO 4217 codes and names, from pycountry's iso4217.json (Debian iso-codes). "
      "Regenerate with data/build/currencies.py.")
for code, name in rows:
    print(f"{code}\t{name}")
