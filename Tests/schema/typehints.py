#!/usr/bin/env python3
# DealFinance — exact deal finance. The Python binding's TypedDicts, written from schemas/.
"""Writes bindings/python/dealfinance/types.py from the JSON Schemas in schemas/.

    typehints.py            rewrite the file
    typehints.py --check    exit 1 when the file differs from what the schemas give

One TypedDict per request and result kind (LoanRequest, LoanResult, …), one per nested object
(LoanRequestTax, …) and per lead definition (Lead, LeadRecord, Activity, …). A key the schema
lists in `required` is required; every other key is optional (total=False). Decimals, dates
and instants are `str` (money is never a float).
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any, Dict, List, Tuple

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHEMAS = os.path.join(ROOT, "schemas")
TARGET = os.path.join(ROOT, "bindings", "python", "dealfinance", "types.py")
ACRONYMS = {"apr": "APR", "tvm": "TVM", "adf": "ADF", "vin": "VIN"}
TEXT_DEFS = {"decimal": "DecimalText", "amount": "DecimalText", "date": "DateText", "instant": "InstantText",
             "currency": "str", "localTime": "str", "utcOffset": "str"}


def pascal(name: str) -> str:
    for short, long in ACRONYMS.items():
        if name.startswith(short) and (len(name) == len(short) or name[len(short)].isupper()):
            return long + name[len(short):]
    return name[:1].upper() + name[1:]


class Writer:
    def __init__(self) -> None:
        self.schemas: Dict[str, Any] = {}
        for file in sorted(os.listdir(SCHEMAS)):
            if file.endswith(".json"):
                with open(os.path.join(SCHEMAS, file), encoding="utf-8") as handle:
                    self.schemas[file] = json.load(handle)
        self.kinds: List[str] = self.schemas["request.schema.json"]["properties"]["calculate"]["enum"]
        self.blocks: List[str] = []
        self.named: Dict[Tuple[str, str], str] = {}   # (file, $defs name) -> class name
        self.shapes: Dict[str, str] = {}   # an object schema (as JSON) -> its class name
        self.defining: set = set()   # the definitions being written

    def lookup(self, ref: str, base: str) -> Tuple[Any, str, str]:
        file, _, pointer = ref.partition("#")
        file = file or base
        schema = self.schemas[file]
        parts = [p for p in pointer.split("/") if p]
        for part in parts:
            schema = schema[part]
        return schema, file, parts[-1] if parts else ""

    @staticmethod
    def object_parts(schema: Dict[str, Any]) -> Tuple[Dict[str, Any], List[str]]:
        """Properties (of the schema and its oneOf/anyOf/allOf/then/else branches) and the keys
        every answer has (the schema's own `required`, or those all oneOf branches require)."""
        properties: Dict[str, Any] = dict(schema.get("properties", {}))
        required = list(schema.get("required", []))
        alternatives = [b for b in schema.get("oneOf", []) if "properties" in b]
        for branch in alternatives:
            for name, sub in branch["properties"].items():
                properties.setdefault(name, sub)
        if alternatives and not required:
            common = set.intersection(*(set(b.get("required", [])) for b in alternatives))
            required = [name for name in alternatives[0].get("required", []) if name in common]
        return properties, required

    def annotation(self, schema: Any, base: str, owner: str) -> str:
        if not isinstance(schema, dict):
            return "Any"
        if "$ref" in schema:
            target, file, name = self.lookup(schema["$ref"], base)
            if file == "common.schema.json" and name in TEXT_DEFS:
                return TEXT_DEFS[name]
            if name == "" and file.endswith(".schema.json"):
                kind, part = file.split(".")[:2]
                return pascal(kind) + pascal(part)
            return self.define(target, file, name)
        if "const" in schema:
            return f"Literal[{schema['const']!r}]"
        if "enum" in schema:
            return "Literal[" + ", ".join(repr(value) for value in schema["enum"]) + "]"
        for key in ("oneOf", "anyOf"):
            if key in schema and "type" not in schema:
                options = list(dict.fromkeys(self.annotation(sub, base, owner + pascal(sub.get("title", "")))
                                             for sub in schema[key]))
                return options[0] if len(options) == 1 else "Union[" + ", ".join(options) + "]"
        kind = schema.get("type")
        if isinstance(kind, list):
            return "Union[" + ", ".join(self.annotation(dict(schema, type=one), base, owner) for one in kind) + "]"
        if kind == "string":
            return "str"
        if kind == "integer":
            return "int"
        if kind == "boolean":
            return "bool"
        if kind == "array":
            return f"List[{self.annotation(schema.get('items'), base, owner)}]"
        if kind == "object":
            if "properties" in schema:
                return self.typed_dict(owner, schema, base, schema.get("description", f"The `{owner}` object."))
            values = schema.get("additionalProperties")
            if isinstance(values, dict):
                return f"Dict[str, {self.annotation(values, base, owner)}]"
            return "Dict[str, Any]"
        return "Any"

    def define(self, schema: Dict[str, Any], file: str, name: str) -> str:
        key = (file, name)
        if key in self.defining:
            return repr(self.named[key])   # a recursive definition (an XML element's children): a forward reference
        if key not in self.named:
            class_name = pascal(name)
            self.named[key] = class_name
            self.defining.add(key)
            if "properties" in schema:
                self.typed_dict(class_name, schema, file, schema.get("description", f"`{name}` of {file}."))
            else:
                self.named[key] = self.annotation(schema, file, class_name)
            self.defining.discard(key)
        return self.named[key]

    def typed_dict(self, name: str, schema: Dict[str, Any], base: str, doc: str) -> str:
        text = json.dumps(schema, sort_keys=True)
        shape = text if '"$ref": "#' not in text else base + text   # local refs depend on the file
        if shape in self.shapes:
            return self.shapes[shape]   # the same object in another place (a trade-in of a loan and of a lease)
        self.shapes[shape] = name
        properties, required = self.object_parts(schema)
        fields = {key: self.annotation(sub, base, name + pascal(key)) for key, sub in properties.items()}
        needed = [key for key in properties if key in required]
        optional = [key for key in properties if key not in required]

        def mapping(keys: List[str]) -> str:
            if len(keys) < 2:
                return "{" + ", ".join(f"{key!r}: {fields[key]}" for key in keys) + "}"
            return "{\n" + "".join(f"    {key!r}: {fields[key]},\n" for key in keys) + "}"
        lines, bases = [], []
        if needed or not optional:
            lines.append(f"_{name}Required = TypedDict({('_' + name + 'Required')!r}, {mapping(needed)})")
            bases.append(f"_{name}Required")
        if optional:
            lines.append(f"_{name}Optional = TypedDict({('_' + name + 'Optional')!r}, {mapping(optional)}, total=False)")
            bases.append(f"_{name}Optional")
        lines += ["", "", f"class {name}({', '.join(bases)}):", f'    """{doc.splitlines()[0] if doc else name}"""']
        self.blocks.append("\n".join(lines))
        return name

    def module(self) -> str:
        self.typed_dict("ErrorAnswer", self.schemas["error.schema.json"], "error.schema.json", "The answer to a request that fails.")
        for kind in self.kinds:
            for part in ("request", "result"):
                file = f"{kind}.{part}.schema.json"
                schema = self.schemas[file]
                self.typed_dict(pascal(kind) + pascal(part), schema, file, schema.get("description", f"The {kind} {part}."))
        requests = ", ".join(pascal(kind) + "Request" for kind in self.kinds)
        results = ", ".join(pascal(kind) + "Result" for kind in self.kinds)
        kinds = "".join(f"    {kind!r}: ({pascal(kind)}Request, {pascal(kind)}Result),\n" for kind in self.kinds)
        header = '''# DealFinance — exact deal finance. TypedDicts of the JSON requests and results (schemas/).
# Written by Tests/schema/typehints.py from schemas/*.schema.json: do not edit by hand; make
# schema-test fails when this file and the schemas differ.
"""The request and result objects of `dealfinance.calculate` as TypedDicts.

Each kind has a `…Request` and a `…Result` (LoanRequest, LoanResult, LeaseRequest, …) whose
keys are the properties of schemas/KIND.request.schema.json and KIND.result.schema.json:
required there, required here; every other key optional. Money, rates, dates and instants are
strings (DecimalText, DateText, InstantText), never floats.

>>> from dealfinance.types import LoanRequest
>>> request: LoanRequest = {"calculate": "loan", "sellingPrice": "30000.00", "apr": "6", "term": 60}
"""

from typing import Any, Dict, List, Literal, TypedDict, Union

DecimalText = str
"""An exact decimal as text: "30000.00", "-0.5" (digits, one optional '.', optional '-')."""
DateText = str
"""A date YYYY-MM-DD."""
InstantText = str
"""An instant YYYY-MM-DDTHH:MM:SSZ (or with an offset ±HH:MM in requests)."""

'''
        footer = f'''

Request = Union[{requests}]
"""Any request object."""
Result = Union[{results}]
"""Any result object (an error raises DealFinanceError instead)."""
KINDS = {{
{kinds}}}
"""Each `calculate` value with its request and result TypedDict."""
'''
        return header + "\n\n\n".join(self.blocks) + "\n" + footer


def main() -> int:
    text = Writer().module()
    if "--check" in sys.argv[1:]:
        with open(TARGET, encoding="utf-8") as handle:
            current = handle.read()
        if current != text:
            print(f"typehints: {os.path.relpath(TARGET, ROOT)} differs from schemas/: run Tests/schema/typehints.py")
            return 1
        print(f"typehints: {os.path.relpath(TARGET, ROOT)} matches schemas/")
        return 0
    with open(TARGET, "w", encoding="utf-8") as handle:
        handle.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
