// Python source shared by every generated SDK (no spec data in here): the validator for the
// JSON Schema subset openws payloads use, reporting issues as {path, code, expected?}.
export const PYTHON_VALIDATE = String.raw`def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and (not isinstance(v, float) or math.isfinite(v))


def _is_integer(v: Any) -> bool:
    return _is_number(v) and (isinstance(v, int) or float(v).is_integer())


def _type_ok(t: str, v: Any) -> bool:
    if t == "null":
        return v is None
    if t == "boolean":
        return isinstance(v, bool)
    if t == "object":
        return isinstance(v, dict)
    if t == "array":
        return isinstance(v, list)
    if t == "string":
        return isinstance(v, str)
    if t == "number":
        return _is_number(v)
    if t == "integer":
        return _is_integer(v)
    return False


def _equal(a: Any, b: Any) -> bool:
    """JSON equality: 1 == 1.0, but True is not 1."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if _is_number(a) and _is_number(b):
        return a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


def _pointer(path: str, key: Any) -> str:
    return path + "/" + str(key).replace("~", "~0").replace("/", "~1")


def _resolve(root: Any, ref: str) -> Any:
    if not ref.startswith("#"):
        raise OpenWsError("OPENWS_ERR_UNSUPPORTED_KEYWORD", "only local $ref is supported: " + ref)
    fragment = urllib.parse.unquote(ref[1:])
    node = root
    if fragment in ("", "/"):
        return node
    for raw in fragment[1:].split("/"):
        segment = raw.replace("~1", "/").replace("~0", "~")
        node = node[int(segment)] if isinstance(node, list) else node[segment]
    return node


class _Check:
    def __init__(self, root: Any, max_issues: int) -> None:
        self.root = root
        self.max_issues = max_issues
        self.issues: List[Dict[str, Any]] = []

    def add(self, path: str, code: str, expected: Any = None) -> None:
        if len(self.issues) < self.max_issues:
            issue: Dict[str, Any] = {"path": path, "code": code}
            if expected is not None:
                issue["expected"] = expected
            self.issues.append(issue)

    def passes(self, schema: Any, value: Any, path: str, depth: int) -> bool:
        inner = _Check(self.root, 1)
        inner.run(schema, value, path, depth)
        return not inner.issues

    def run(self, schema: Any, value: Any, path: str, depth: int) -> None:
        if len(self.issues) >= self.max_issues:
            return
        if depth > _MAX_DEPTH:
            self.add(path, "depth")
            return
        if schema is True:
            return
        if schema is False:
            self.add(path, "false")
            return
        if not isinstance(schema, dict):
            return
        if "$ref" in schema:
            self.run(_resolve(self.root, schema["$ref"]), value, path, depth + 1)
        t = schema.get("type")
        if t is not None:
            types = t if isinstance(t, list) else [t]
            if not any(_type_ok(x, value) for x in types):
                self.add(path, "type", t)
                return
        if "const" in schema and not _equal(schema["const"], value):
            self.add(path, "const", schema["const"])
        if "enum" in schema and not any(_equal(e, value) for e in schema["enum"]):
            self.add(path, "enum", schema["enum"])
        if _is_number(value):
            self._number(schema, value, path)
        elif isinstance(value, str):
            self._string(schema, value, path)
        elif isinstance(value, list):
            self._array(schema, value, path, depth)
        elif isinstance(value, dict):
            self._object(schema, value, path, depth)
        for sub in schema.get("allOf", []):
            self.run(sub, value, path, depth + 1)
        if "anyOf" in schema and not any(self.passes(s, value, path, depth + 1) for s in schema["anyOf"]):
            self.add(path, "anyOf")
        if "oneOf" in schema and sum(1 for s in schema["oneOf"] if self.passes(s, value, path, depth + 1)) != 1:
            self.add(path, "oneOf")
        if "not" in schema and self.passes(schema["not"], value, path, depth + 1):
            self.add(path, "not")

    def _number(self, schema: Dict[str, Any], value: Any, path: str) -> None:
        if "minimum" in schema and value < schema["minimum"]:
            self.add(path, "minimum", schema["minimum"])
        if "maximum" in schema and value > schema["maximum"]:
            self.add(path, "maximum", schema["maximum"])
        if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
            self.add(path, "exclusiveMinimum", schema["exclusiveMinimum"])
        if "exclusiveMaximum" in schema and value >= schema["exclusiveMaximum"]:
            self.add(path, "exclusiveMaximum", schema["exclusiveMaximum"])
        if "multipleOf" in schema:
            q = value / schema["multipleOf"]
            if not math.isfinite(q) or abs(q - round(q)) > 1e-9 * max(1.0, abs(q)):
                self.add(path, "multipleOf", schema["multipleOf"])

    def _string(self, schema: Dict[str, Any], value: str, path: str) -> None:
        if "minLength" in schema and len(value) < schema["minLength"]:
            self.add(path, "minLength", schema["minLength"])
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            self.add(path, "maxLength", schema["maxLength"])
        if "pattern" in schema:
            compiled = _pattern(schema["pattern"])
            if compiled is not None and not compiled.search(value):
                self.add(path, "pattern", schema["pattern"])
        if "format" in schema and not _format_ok(schema["format"], value):
            self.add(path, "format", schema["format"])

    def _array(self, schema: Dict[str, Any], value: List[Any], path: str, depth: int) -> None:
        if "minItems" in schema and len(value) < schema["minItems"]:
            self.add(path, "minItems", schema["minItems"])
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            self.add(path, "maxItems", schema["maxItems"])
        if schema.get("uniqueItems") is True:
            for i in range(len(value)):
                if any(_equal(value[i], value[j]) for j in range(i)):
                    self.add(path, "uniqueItems")
                    break
        if "items" in schema:
            for i, item in enumerate(value):
                self.run(schema["items"], item, _pointer(path, i), depth + 1)

    def _object(self, schema: Dict[str, Any], value: Dict[str, Any], path: str, depth: int) -> None:
        for name in schema.get("required", []):
            if name not in value:
                self.add(_pointer(path, name), "required")
        if "minProperties" in schema and len(value) < schema["minProperties"]:
            self.add(path, "minProperties", schema["minProperties"])
        if "maxProperties" in schema and len(value) > schema["maxProperties"]:
            self.add(path, "maxProperties", schema["maxProperties"])
        properties = schema.get("properties", {})
        patterns = schema.get("patternProperties", {})
        for key, item in value.items():
            matched = False
            if key in properties:
                matched = True
                self.run(properties[key], item, _pointer(path, key), depth + 1)
            for pattern, sub in patterns.items():
                compiled = _pattern(pattern)
                if compiled is not None and compiled.search(key):
                    matched = True
                    self.run(sub, item, _pointer(path, key), depth + 1)
            if not matched and "additionalProperties" in schema:
                extra = schema["additionalProperties"]
                if extra is False:
                    self.add(_pointer(path, key), "additionalProperties")
                else:
                    self.run(extra, item, _pointer(path, key), depth + 1)


def validate(schema: Any, value: Any, max_issues: int = 10) -> List[Dict[str, Any]]:
    """The issues of value against schema (each {path, code, expected?}); empty when valid."""
    check = _Check(schema, max_issues)
    check.run(schema, value, "", 0)
    return check.issues


`
