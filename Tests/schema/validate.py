#!/usr/bin/env python3
# DealFinance — exact deal finance. The JSON Schemas in schemas/ against the vectors and the decoder.
"""Checks schemas/ (JSON Schema draft 2020-12) against the engine.

    validate.py DEALCALC [--schemas DIR] [--vectors DIR]

1. Every schema is a valid draft 2020-12 schema; every vector file matches vectors.schema.json.
2. Every vector request matches request.schema.json, except that a case with `expectError` may
   break it on purpose: such a case is counted as "refused by the schema" or "refused by the
   engine only" (the engine refuses both kinds; `dealcalc check` holds it to the expected code).
3. Every vector request is answered by `DEALCALC quote -`; each answer (results, and every loan
   and lease again with includeSchedule and explain) matches result.schema.json, each error
   error.schema.json.
4. The schemas and the decoder agree, probed from a minimal valid request of each kind
   (Tests/schema/examples.json): (a) without a property the schema requires, the engine answers
   invalid_argument at that path (and a property the schema does not require may be left out);
   (b) with an unknown property, at the top or in any nested object, the schema refuses and the
   engine answers invalid_argument naming it at its path; (c) every property a schema lists is
   read by the decoder (adding it never yields "unknown field").
5. Samples/ (its leads, deals and ADF files, and the built-in examples of `dealcalc quote
   --example`) match the schemas, and so do their answers.
6. Every member name a result schema lists appears in some answer above, and every field name
   the decoders read (Sources/DealRequests) is a property of some request schema.

Prints counts and ends with `schema: N passed, M failed`; exits 1 on any failure.
"""

from __future__ import annotations

import copy
import glob
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict, Iterator, List, Optional, Tuple

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
UNKNOWN = "zzUnknownField"


class Checker:
    def __init__(self, dealcalc: str, schemas: str, vectors: str) -> None:
        self.dealcalc = dealcalc
        self.vectors = vectors
        self.passed = 0
        self.failures: List[str] = []
        self.schemas: Dict[str, Any] = {}
        registry = Registry()
        for path in sorted(glob.glob(os.path.join(schemas, "*.json"))):
            with open(path, encoding="utf-8") as handle:
                schema = json.load(handle)
            self.schemas[os.path.basename(path)] = schema
            registry = registry.with_resource(schema["$id"], Resource.from_contents(schema))
        self.registry = registry
        self.validators = {name: Draft202012Validator(schema, registry=registry) for name, schema in self.schemas.items()}
        self.kinds: List[str] = self.schemas["request.schema.json"]["properties"]["calculate"]["enum"]
        self.probed: set = set()
        self.seen: set = set()
        self.skipped: set = set()

    # -- bookkeeping ------------------------------------------------------------------------
    def check(self, ok: bool, what: str) -> bool:
        if ok:
            self.passed += 1
        else:
            self.failures.append(what)
            print(f"FAIL {what}")
        return ok

    def errors(self, schema: str, instance: Any) -> List[str]:
        return [f"{'/'.join(str(p) for p in e.absolute_path) or '(top)'}: {e.message[:160]}"
                for e in self.validators[schema].iter_errors(instance)]

    def valid(self, schema: str, instance: Any) -> bool:
        return self.validators[schema].is_valid(instance)

    # -- the engine -------------------------------------------------------------------------
    def answer(self, request: Any) -> Any:
        done = subprocess.run([self.dealcalc, "quote", "-"], input=json.dumps(request).encode(), capture_output=True, timeout=120)
        return json.loads(done.stdout.decode())

    def answers(self, requests: List[Any]) -> List[Any]:
        with ThreadPoolExecutor(max_workers=4) as pool:
            return list(pool.map(self.answer, requests))

    # -- 1, 2, 3: schemas, vectors, results -------------------------------------------------
    def schemas_and_vectors(self) -> None:
        for name, schema in self.schemas.items():
            try:
                Draft202012Validator.check_schema(schema)
                self.check(True, name)
            except Exception as error:  # jsonschema.SchemaError
                self.check(False, f"{name}: not a draft 2020-12 schema: {error}")
        for kind in self.kinds:
            for part in ("request", "result"):
                self.check(f"{kind}.{part}.schema.json" in self.schemas, f"schemas/{kind}.{part}.schema.json exists")

        cases: List[Tuple[str, Dict[str, Any]]] = []
        for path in sorted(glob.glob(os.path.join(self.vectors, "**", "*.json"), recursive=True)):
            with open(path, encoding="utf-8") as handle:
                document = json.load(handle)
            label = os.path.relpath(path, self.vectors)
            problems = self.errors("vectors.schema.json", document)
            self.check(not problems, f"{label}: vectors.schema.json: {problems[:3]}")
            cases += [(f"{label}#{case.get('id')}", case) for case in document.get("cases", [])]

        refused_by_schema = refused_by_engine = 0
        requests: List[Any] = []
        labels: List[str] = []
        for label, case in cases:
            problems = self.errors("request.schema.json", case["request"])
            if "expectError" in case:
                if problems:
                    refused_by_schema += 1
                else:
                    refused_by_engine += 1
            else:
                self.check(not problems, f"{label}: request.schema.json: {problems[:3]}")
            requests.append(case["request"])
            labels.append(label)
            kind = case["request"].get("calculate") if isinstance(case["request"], dict) else None
            if kind in ("loan", "lease") and "expectError" not in case:
                requests.append(dict(case["request"], includeSchedule=True, explain=True))
                labels.append(label + " (includeSchedule, explain)")
        answers = self.answers(requests)
        results = errors = 0
        for label, answer, request in zip(labels, answers, requests):
            problems = self.errors("result.schema.json", answer)
            self.check(not problems, f"{label}: the answer breaks result.schema.json: {problems[:3]}")
            if isinstance(answer, dict) and "error" in answer:
                errors += 1
            else:
                results += 1
            self.note_result(answer)
        error_cases = refused_by_schema + refused_by_engine
        print(f"schema: {len(cases)} vector requests ({len(cases) - error_cases} valid; {error_cases} expectError: "
              f"{refused_by_schema} refused by the schema, {refused_by_engine} by the engine only)")
        print(f"schema: {len(answers)} answers checked against result.schema.json ({results} results, {errors} errors)")

    def note_result(self, answer: Any) -> None:
        """Remembers every member name of an answer (for the coverage of the result schemas)."""
        for _, value in self.objects(answer):
            self.seen.update(value.keys())

    def result_coverage(self) -> None:
        listed = set()
        for name, schema in self.schemas.items():
            if name.split(".")[0] in self.skipped:
                continue
            if name.endswith(".result.schema.json") or name in ("error.schema.json",):
                self.walk_properties(schema, listed)
        self.walk_properties(self.schemas["lead.schema.json"]["$defs"]["leadRecord"], listed)
        never = sorted(listed - self.seen)
        self.check(not never, f"result schemas list members no answer had: {', '.join(never)}")
        print(f"schema: {len(listed)} member names in the result schemas, each seen in an answer"
              + (f" (not those of {', '.join(sorted(self.skipped))})" if self.skipped else ""))

    @staticmethod
    def walk_properties(value: Any, into: set) -> None:
        if isinstance(value, dict):
            into.update(value.get("properties", {}).keys())
            for sub in value.values():
                Checker.walk_properties(sub, into)
        elif isinstance(value, list):
            for sub in value:
                Checker.walk_properties(sub, into)

    def samples(self, folder: str) -> None:
        """Samples/: each lead of leads/*.jsonl is a `lead`, each deal of deals/*.json a loan
        request, each ADF file an adfParse request; their answers and those of `dealcalc quote
        --example NAME` match the result schemas."""
        lead = Draft202012Validator({"$ref": self.schemas["lead.schema.json"]["$id"] + "#/$defs/lead"}, registry=self.registry)
        requests: List[Any] = []
        leads = 0
        for path in sorted(glob.glob(os.path.join(folder, "leads", "*.jsonl"))):
            with open(path, encoding="utf-8") as handle:
                for number, line in enumerate(handle, 1):
                    if line.strip():
                        problems = [e.message[:160] for e in lead.iter_errors(json.loads(line))]
                        self.check(not problems, f"{os.path.relpath(path, folder)}:{number}: lead.schema.json#/$defs/lead: {problems[:3]}")
                        leads += 1
        for path in sorted(glob.glob(os.path.join(folder, "deals", "*.json"))):
            with open(path, encoding="utf-8") as handle:
                requests.append(dict(json.load(handle), calculate="loan"))
        for path in sorted(glob.glob(os.path.join(folder, "leads", "*.xml"))):
            with open(path, encoding="utf-8") as handle:
                requests.append({"calculate": "adfParse", "xml": handle.read(), "receivedAt": "2026-01-01T00:00:00Z"})
        for request in requests:
            problems = self.errors("request.schema.json", request)
            self.check(not problems, f"Samples {request['calculate']} request: {problems[:3]}")
        answers = self.answers(requests)
        for name in ("loan", "lease"):
            done = subprocess.run([self.dealcalc, "quote", "--example", name], capture_output=True, timeout=120)
            answers.append(json.loads(done.stdout.decode()))
        for answer in answers:
            problems = self.errors("result.schema.json", answer)
            self.check(not problems and "error" not in answer, f"Samples answer: {problems[:3] or answer.get('error')}")
            self.note_result(answer)
        print(f"schema: Samples: {leads} leads, {len(requests)} requests and {len(answers)} answers (with the two built-in examples) checked")

    # -- 4: decoder agreement ----------------------------------------------------------------
    def resolve(self, schema: Any, base: str) -> Tuple[Any, str]:
        """Follows $ref (relative to the schema file `base`)."""
        while isinstance(schema, dict) and "$ref" in schema and len(set(schema) - {"$ref", "description"}) == 0:
            target = schema["$ref"]
            file, _, pointer = target.partition("#")
            base = file or base
            schema = self.schemas[base]
            for part in [p for p in pointer.split("/") if p]:
                schema = schema[part]
        return schema, base

    def branches(self, schema: Any, base: str) -> Iterator[Tuple[Dict[str, Any], str]]:
        """The schema and every subschema of allOf/anyOf/oneOf/then/else, refs followed."""
        schema, base = self.resolve(schema, base)
        if not isinstance(schema, dict):
            return
        yield schema, base
        for key in ("allOf", "anyOf", "oneOf"):
            for sub in schema.get(key, []):
                yield from self.branches(sub, base)
        for key in ("then", "else"):
            if key in schema:
                yield from self.branches(schema[key], base)

    def properties(self, schema: Any, base: str) -> Dict[str, Tuple[Any, str]]:
        found: Dict[str, Tuple[Any, str]] = {}
        for branch, where in self.branches(schema, base):
            for name, sub in branch.get("properties", {}).items():
                if not (isinstance(sub, dict) and set(sub) <= {"const", "enum"} and name in found):
                    found.setdefault(name, (sub, where))
        return found

    def is_map(self, schema: Any, base: str) -> bool:
        """An object whose member names are data (no listed properties, a schema for every value)."""
        schema, _ = self.resolve(schema, base)
        return isinstance(schema, dict) and "properties" not in schema and isinstance(schema.get("additionalProperties"), dict)

    def sample(self, schema: Any, base: str, depth: int = 0) -> Any:
        """A plausible value of a schema, for the "read by the decoder" probes."""
        schema, base = self.resolve(schema, base)
        if depth > 6 or not isinstance(schema, dict):
            return "1"
        if "const" in schema:
            return schema["const"]
        if "enum" in schema:
            return schema["enum"][0]
        for key in ("oneOf", "anyOf", "allOf"):
            if key in schema and "type" not in schema:
                return self.sample(schema[key][0], base, depth + 1)
        kind = schema.get("type")
        pattern = schema.get("pattern", "")
        if kind == "string":
            if "T[0-9]{2}" in pattern:
                return "2026-01-15T10:00:00Z"
            if pattern.startswith("^[0-9]{4}-"):
                return "2026-01-15"
            if "0-9]+(" in pattern:
                return "1"
            if pattern.startswith("^[A-Z]{3}"):
                return "USD"
            if ":" in pattern and "[+-]" in pattern:
                return "+00:00"
            if ":" in pattern:
                return "09:00"
            return "x"
        if kind == "integer":
            return schema.get("minimum", 1)
        if kind == "boolean":
            return False
        if kind == "array":
            return []
        if kind == "object":
            props = self.properties(schema, base)
            return {name: self.sample(props[name][0], props[name][1], depth + 1)
                    for name in schema.get("required", []) if name in props}
        return "1"

    def engine_error(self, answer: Any) -> Optional[Dict[str, Any]]:
        return answer.get("error") if isinstance(answer, dict) else None

    def objects(self, value: Any, path: Tuple[Any, ...] = ()) -> Iterator[Tuple[Tuple[Any, ...], Dict[str, Any]]]:
        """Every JSON object inside a request with its path (list indices included)."""
        if isinstance(value, dict):
            yield path, value
            for key, sub in value.items():
                yield from self.objects(sub, path + (key,))
        elif isinstance(value, list):
            for index, sub in enumerate(value):
                yield from self.objects(sub, path + (index,))

    def schema_at(self, kind: str, path: Tuple[Any, ...]) -> Optional[Tuple[Any, str]]:
        schema: Any = self.schemas[f"{kind}.request.schema.json"]
        base = f"{kind}.request.schema.json"
        for part in path:
            if isinstance(part, int):
                items = [(b["items"], where) for b, where in self.branches(schema, base) if "items" in b]
                if not items:
                    return None
                schema, base = items[0]
                continue
            props = self.properties(schema, base)
            if part not in props:
                return None
            schema, base = props[part]
        return schema, base

    @staticmethod
    def edit(request: Any, path: Tuple[Any, ...], change) -> Any:
        probe = copy.deepcopy(request)
        target = probe
        for part in path:
            target = target[part]
        change(target)
        return probe

    def decoder_agreement(self, examples_path: str) -> None:
        with open(examples_path, encoding="utf-8") as handle:
            examples: Dict[str, List[Any]] = json.load(handle)["examples"]
        probes: List[Tuple[str, str, Any, Any]] = []   # (kind, description, request, expectation)
        for kind in self.kinds:
            self.check(kind in examples, f"Tests/schema/examples.json has an example of {kind}")
        base_answers = self.answers([example for kind in self.kinds for example in examples.get(kind, [])])
        index = 0
        for kind in self.kinds:
            for example in examples.get(kind, []):
                answer = base_answers[index]
                index += 1
                problems = self.errors(f"{kind}.request.schema.json", example)
                self.check(not problems, f"{kind} example matches its schema: {problems[:3]}")
                error = self.engine_error(answer)
                if error and error.get("path") == "calculate":
                    self.skipped.add(kind)   # a kind this build does not compute (merged from another branch)
                    continue
                self.check(error is None, f"{kind} example is answered: {error}")
                probes += self.probes_for(kind, example)
        answers = self.answers([probe[2] for probe in probes])
        counts = {"required": 0, "unknown": 0, "optional": 0}
        for (kind, what, request, expect), answer in zip(probes, answers):
            counts[expect[0]] += 1
            error = self.engine_error(answer)
            label = f"{kind} {what}"
            problems = self.errors("result.schema.json", answer)
            self.check(not problems, f"{label}: the answer breaks result.schema.json: {problems[:3]}")
            self.note_result(answer)
            if expect[0] == "required":
                schema_refuses, path, plain = expect[1], expect[2], expect[3]
                if schema_refuses and plain:
                    self.check(error is not None and error["code"] == "invalid_argument" and error["path"] == path,
                               f"{label}: the schema requires it; expected invalid_argument at {path}, got {error}")
                elif schema_refuses:
                    # required with another field, or one of several (exactly one of amount and
                    # percent, a target with solveFor): the decoder names the field it looked for
                    self.check(error is not None and error["code"] in ("invalid_argument", "unsupported"),
                               f"{label}: the schema refuses the request without it; the engine answered {error}")
                else:
                    self.check(error is None or error["path"] != path or "required" not in error["message"],
                               f"{label}: the schema does not require it; the engine does: {error}")
            elif expect[0] == "unknown":
                schema_refuses, path = expect[1], expect[2]
                self.check(schema_refuses, f"{label}: the schema accepts an unknown field at {path}")
                self.check(error is not None and error["code"] == "invalid_argument" and error["path"] == path and "unknown field" in error["message"],
                           f"{label}: expected invalid_argument naming the unknown field at {path}, got {error}")
            else:
                path, schema_refuses = expect[1], expect[2]
                self.check(schema_refuses or not (error and error["path"] == path and "unknown field" in error["message"]),
                           f"{label}: the schema accepts {path} here; the decoder calls it unknown: {error}")
        print(f"schema: decoder agreement: {len(answers)} probe answers checked against result.schema.json")
        print(f"schema: decoder agreement: {counts['required']} required-field probes, {counts['unknown']} unknown-field probes, "
              f"{counts['optional']} optional-field probes" + (f"; skipped (not computed by this build): {', '.join(sorted(self.skipped))}" if self.skipped else ""))

    def probes_for(self, kind: str, example: Dict[str, Any]) -> List[Tuple[str, str, Any, Any]]:
        probes: List[Tuple[str, str, Any, Any]] = []
        schema_name = f"{kind}.request.schema.json"
        for path, value in self.objects(example):
            dotted = ".".join(str(p) for p in path)
            prefix = dotted + "." if dotted else ""
            located = self.schema_at(kind, path)
            if located is None:
                continue
            shape = (id(located[0]), tuple(sorted(value)), value.get("type") if isinstance(value.get("type"), str) else None)
            if path and shape in self.probed:
                continue   # the same object (a lead, an activity …) was probed in an earlier request
            self.probed.add(shape)
            # (a) each property left out
            required = set(self.resolve(*located)[0].get("required", []))
            for key in value:
                if key == "calculate" and not path:
                    continue
                probe = self.edit(example, path, lambda target, key=key: target.pop(key))
                probes.append((kind, f"without {prefix}{key}", probe, ("required", not self.valid(schema_name, probe), prefix + key, key in required)))
            # (b) an unknown property
            if self.is_map(*located):
                continue   # a map (spend, rules.sources, quoted …): names are data, not fields
            probe = self.edit(example, path, lambda target: target.__setitem__(UNKNOWN, "x"))
            refuses = not self.valid(schema_name, probe)
            probes.append((kind, f"with {prefix}{UNKNOWN}", probe, ("unknown", refuses, prefix + UNKNOWN)))
            # (c) every listed property added
            for key, (sub, base) in self.properties(*located).items():
                if key in value:
                    continue
                sample = self.sample(sub, base)
                probe = self.edit(example, path, lambda target, key=key, sample=sample: target.__setitem__(key, sample))
                probes.append((kind, f"with {prefix}{key}", probe, ("optional", prefix + key, not self.valid(schema_name, probe))))
        return probes

    # -- 5: every field the decoders read is in a schema --------------------------------------
    def decoder_fields(self, sources: str) -> None:
        reads = re.compile(r'[A-Za-z]\.(?:string|decimal|requiredDecimal|integer|requiredInteger|bool|choice|date|array|object|instant|'
                           r'requiredInstant|requiredString|amount|count|localTime|strings|has|missing|suppliedElsewhere)\("([A-Za-z0-9]+)"')
        names = set()
        for path in glob.glob(os.path.join(sources, "*.swift")):
            with open(path, encoding="utf-8") as handle:
                names |= set(reads.findall(handle.read()))
        listed = set()

        def walk(value: Any) -> None:
            if isinstance(value, dict):
                listed.update(value.get("properties", {}).keys())
                for sub in value.values():
                    walk(sub)
            elif isinstance(value, list):
                for sub in value:
                    walk(sub)
        for name, schema in self.schemas.items():
            if name.endswith(".request.schema.json") or name in ("lead.schema.json", "common.schema.json"):
                walk(schema)
        for name in sorted(names):
            self.check(name in listed, f"the decoder reads \"{name}\"; no request schema lists it")
        print(f"schema: {len(names)} field names read by the decoders, each listed by a request schema")


def main() -> int:
    arguments = sys.argv[1:]
    if not arguments:
        print(__doc__)
        return 2
    dealcalc = arguments[0]
    schemas = os.path.join(ROOT, "schemas")
    vectors = os.path.join(ROOT, "Vectors")
    if "--schemas" in arguments:
        schemas = arguments[arguments.index("--schemas") + 1]
    if "--vectors" in arguments:
        vectors = arguments[arguments.index("--vectors") + 1]
    checker = Checker(dealcalc, schemas, vectors)
    checker.schemas_and_vectors()
    checker.samples(os.path.join(ROOT, "Samples"))
    checker.decoder_agreement(os.path.join(ROOT, "Tests", "schema", "examples.json"))
    checker.result_coverage()
    checker.decoder_fields(os.path.join(ROOT, "Sources", "DealRequests"))
    print(f"schema: {len(checker.schemas)} schemas; {checker.passed} passed, {len(checker.failures)} failed")
    return 1 if checker.failures else 0


if __name__ == "__main__":
    sys.exit(main())
