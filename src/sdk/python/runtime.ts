// The static part of every generated Python SDK: the error type, a validator for the JSON Schema
// subset openws payloads use, and the client base class. No data from any spec is in here.
export const PYTHON_RUNTIME = String.raw`class OpenWsError(Exception):
    """An error with a stable OPENWS_ERR_* code: a $error frame from the server, or a local check."""

    def __init__(self, code: str, message: str, message_name: Optional[str] = None, id: Any = None, issues: Optional[List[Dict[str, Any]]] = None) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.message_name = message_name
        self.id = id
        self.issues = issues or []


# ---- validation: the JSON Schema subset openws payloads use --------------------------------

_MAX_DEPTH = 64
_PATTERNS: Dict[str, Any] = {}

# Formats, as openws checks them (src/runtime/validate/formats.ts): ASCII digits only, RFC 3339
# dates and times with a required offset (a leap second only at 23:59:60 UTC), RFC 3986 URIs.
_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_IPV4 = re.compile(r"(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])")
_HEX16 = re.compile(r"[0-9a-fA-F]{1,4}")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_EMAIL_LOCAL = re.compile(r"(?:[A-Za-z0-9!#$%&'*+/=?^_\x60{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_\x60{|}~-]+)*|\"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e])*\")")
_HOST = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*")
_PCHAR = r"(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})"
_AUTHORITY = r"(?:((?:[A-Za-z0-9._~!$&'()*+,;=:-]|%[0-9A-Fa-f]{2})*)@)?(\[[^\]]*\]|(?:[A-Za-z0-9._~!$&'()*+,;=-]|%[0-9A-Fa-f]{2})*)(?::[0-9]*)?"
_HIER = r"(?://" + _AUTHORITY + r"(?:/" + _PCHAR + r"*)*|/(?:" + _PCHAR + r"+(?:/" + _PCHAR + r"*)*)?|" + _PCHAR + r"+(?:/" + _PCHAR + r"*)*)?"
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:" + _HIER + r"(?:\?(?:" + _PCHAR + r"|[/?])*)?(?:#(?:" + _PCHAR + r"|[/?])*)?")
_IPVFUTURE = re.compile(r"v[0-9A-Fa-f]+\.[A-Za-z0-9._~!$&'()*+,;=:-]+")


def _digits(s: str, at: int, n: int) -> int:
    if at < 0 or at + n > len(s):
        return -1
    x = 0
    for ch in s[at:at + n]:
        if not ("0" <= ch <= "9"):
            return -1
        x = x * 10 + ord(ch) - 48
    return x


def _is_date_at(s: str, at: int) -> bool:
    year, month, day = _digits(s, at, 4), _digits(s, at + 5, 2), _digits(s, at + 8, 2)
    if year < 0 or s[at + 4:at + 5] != "-" or s[at + 7:at + 8] != "-" or not (1 <= month <= 12):
        return False
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 1 <= day <= (29 if month == 2 and leap else _DAYS[month])


def _is_time_at(s: str, at: int) -> bool:
    hour, minute, second = _digits(s, at, 2), _digits(s, at + 3, 2), _digits(s, at + 6, 2)
    if hour < 0 or minute < 0 or second < 0 or s[at + 2:at + 3] != ":" or s[at + 5:at + 6] != ":":
        return False
    i = at + 8
    if s[i:i + 1] == ".":
        i += 1
        first = i
        while i < len(s) and "0" <= s[i] <= "9":
            i += 1
        if i == first:
            return False
    z = s[i:i + 1]
    sign, tz_hour, tz_minute = 1, 0, 0
    if z in ("Z", "z"):
        if i + 1 != len(s):
            return False
    elif z in ("+", "-"):
        sign = -1 if z == "-" else 1
        tz_hour, tz_minute = _digits(s, i + 1, 2), _digits(s, i + 4, 2)
        if tz_hour < 0 or tz_minute < 0 or s[i + 3:i + 4] != ":" or i + 6 != len(s):
            return False
    else:
        return False
    if tz_hour > 23 or tz_minute > 59 or hour > 23 or minute > 59:
        return False
    if second <= 59:
        return True
    if second != 60:
        return False
    return (hour * 60 + minute - sign * (tz_hour * 60 + tz_minute)) % 1440 == 23 * 60 + 59


def _is_ipv4(s: str) -> bool:
    return _IPV4.fullmatch(s) is not None


def _is_ipv6(s: str) -> bool:
    if len(s) < 2 or len(s) > 45:
        return False
    groups, text = 8, s
    last_colon = text.rfind(":")
    if last_colon != -1 and text.find(".", last_colon) != -1:
        if not _is_ipv4(text[last_colon + 1:]):
            return False
        text, groups = text[:last_colon + 1] + "0", 7
    halves = text.split("::")
    if len(halves) > 2:
        return False

    def parts(h: str) -> Optional[List[str]]:
        if h == "":
            return []
        p = h.split(":")
        return p if all(_HEX16.fullmatch(x) for x in p) else None

    head = parts(halves[0])
    if head is None:
        return False
    if len(halves) == 1:
        return len(head) == groups
    tail = parts(halves[1])
    return tail is not None and len(head) + len(tail) < groups


def _is_email(s: str) -> bool:
    at = s.rfind("@")
    if at <= 0 or at == len(s) - 1 or _EMAIL_LOCAL.fullmatch(s[:at]) is None:
        return False
    domain = s[at + 1:]
    if domain.startswith("["):
        if not domain.endswith("]"):
            return False
        literal = domain[1:-1]
        return _is_ipv6(literal[5:]) if literal[:5].lower() == "ipv6:" else _is_ipv4(literal)
    return len(domain) <= 253 and _HOST.fullmatch(domain) is not None


def _is_uri(s: str) -> bool:
    m = _URI.fullmatch(s)
    if m is None:
        return False
    host = m.group(2)
    if host is not None and host.startswith("["):
        literal = host[1:-1]
        return _IPVFUTURE.fullmatch(literal) is not None or _is_ipv6(literal)
    return True


_FORMATS: Dict[str, Callable[[str], bool]] = {
    "date-time": lambda s: s[10:11] in ("T", "t") and _is_date_at(s, 0) and _is_time_at(s, 11),
    "date": lambda s: len(s) == 10 and _is_date_at(s, 0),
    "time": lambda s: _is_time_at(s, 0),
    "email": _is_email,
    "uuid": lambda s: _UUID.fullmatch(s) is not None,
    "uri": _is_uri,
    "ipv4": _is_ipv4,
    "ipv6": _is_ipv6,
}


def _format_ok(fmt: str, v: str) -> bool:
    check = _FORMATS.get(fmt)
    return check is None or check(v)


def _js_pattern(pattern: str) -> Any:
    r"""A JavaScript (u-flag) pattern as a compiled Python one: \d and \w are ASCII, $ is the end
    of input, \p{L}/\p{Letter} are letters, (?<name>) is a named group. None when Python's re
    cannot express it: that pattern is then not checked here (the server still checks it)."""
    out: List[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            n = pattern[i + 1]
            if n == "d":
                out.append("0-9" if in_class else "[0-9]")
            elif n == "w":
                out.append("A-Za-z0-9_" if in_class else "[A-Za-z0-9_]")
            elif n == "D" and not in_class:
                out.append("[^0-9]")
            elif n == "W" and not in_class:
                out.append("[^A-Za-z0-9_]")
            elif n in "pP":
                end = pattern.find("}", i)
                name = pattern[i + 3:end] if pattern[i + 2:i + 3] == "{" and end != -1 else None
                if in_class or name not in ("L", "Letter"):
                    return None
                out.append("[^\\W\\d_]" if n == "p" else "[\\W\\d_]")
                i = end + 1
                continue
            else:
                out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
        elif c == "$":
            out.append("\\Z")
            i += 1
            continue
        elif pattern.startswith("(?<", i) and pattern[i + 3:i + 4] not in ("=", "!"):
            out.append("(?P<")
            i += 3
            continue
        out.append(c)
        i += 1
    try:
        return re.compile("".join(out))
    except re.error:
        return None


def _pattern(pattern: str) -> Any:
    if pattern not in _PATTERNS:
        _PATTERNS[pattern] = _js_pattern(pattern)
    return _PATTERNS[pattern]


def _is_number(v: Any) -> bool:
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


# ---- the client -----------------------------------------------------------------------------

Handler = Callable[[Any], Any]


def _messages(role: str, names: List[str]) -> Dict[str, Any]:
    return {name: NETWORK["roles"][role]["messages"][name]["payload"] for name in names}


def _default_url(server_role: str, role: str) -> Optional[str]:
    endpoints = NETWORK["roles"][server_role].get("endpoints") or []
    if not endpoints:
        return None
    e = endpoints[0]
    return "%s://%s:%s%s/%s" % (e.get("scheme", "ws"), e["host"], e["port"], e["path"].rstrip("/"), role)


class _RoleClient:
    _ROLE = ""
    _SERVER_ROLE = ""
    _SENDS: Dict[str, Any] = {}
    _RECEIVES: Dict[str, Any] = {}

    def __init__(self, url: Optional[str] = None, *, max_issues: int = 10, **connect_options: Any) -> None:
        """url: ws(s)://host:port{path}/{role} (default: the server's first endpoint in the spec).
        connect_options go to websockets.connect."""
        chosen = url or _default_url(self._SERVER_ROLE, self._ROLE)
        if chosen is None:
            raise OpenWsError("OPENWS_ERR_INVALID_OPTION", "url is needed: the spec declares no endpoint for " + self._SERVER_ROLE)
        self.url: str = chosen
        self.max_issues = max_issues
        self._connect_options = connect_options
        self._handlers: Dict[str, List[Handler]] = {}
        self._error_handlers: List[Callable[[OpenWsError], Any]] = []
        self._ws: Any = None

    async def connect(self) -> "_RoleClient":
        self._ws = await websockets.connect(self.url, **self._connect_options)
        return self

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()

    async def __aenter__(self) -> Any:
        return await self.connect()

    async def __aexit__(self, *exc: Any) -> None:
        await self.close()

    def on(self, message_name: str, handler: Handler) -> Callable[[], None]:
        """Calls handler(payload) (sync or async) for each valid message_name frame. Returns an unsubscribe function."""
        if message_name not in self._RECEIVES:
            raise OpenWsError("OPENWS_ERR_UNKNOWN_MESSAGE", "the server sends no message " + json.dumps(message_name) + " to " + self._ROLE)
        self._handlers.setdefault(message_name, []).append(handler)
        return lambda: self._handlers[message_name].remove(handler)

    def on_error(self, handler: Callable[[OpenWsError], Any]) -> Callable[[], None]:
        """Receives $error frames and invalid inbound frames as OpenWsError instead of run() raising them."""
        self._error_handlers.append(handler)
        return lambda: self._error_handlers.remove(handler)

    async def send(self, message_name: str, payload: Any, *, id: Any = None, validate_payload: bool = True) -> None:
        """Validates payload against the message's schema (OpenWsError OPENWS_ERR_OUTBOUND_INVALID), then sends one frame."""
        if message_name not in self._SENDS:
            raise OpenWsError("OPENWS_ERR_OUTBOUND_UNKNOWN", self._ROLE + " sends no message " + json.dumps(message_name) + " to " + self._SERVER_ROLE)
        if validate_payload:
            issues = validate(self._SENDS[message_name], payload, self.max_issues)
            if issues:
                raise OpenWsError("OPENWS_ERR_OUTBOUND_INVALID", "invalid payload for " + message_name, message_name, id, issues)
        frame: Dict[str, Any] = {"fromRole": self._ROLE, "messageName": message_name, "payload": payload}
        if id is not None:
            frame["id"] = id
        if self._ws is None:
            raise OpenWsError("OPENWS_ERR_NOT_OPEN", "connect() first")
        await self._ws.send(json.dumps(frame, ensure_ascii=False, allow_nan=False))

    async def run(self) -> None:
        """Receives frames until the connection closes, calling handlers in order. A $error frame
        (or an invalid inbound frame) raises OpenWsError unless on_error handlers are registered."""
        if self._ws is None:
            raise OpenWsError("OPENWS_ERR_NOT_OPEN", "connect() first")
        async for data in self._ws:
            await self._receive(data)

    async def _fail(self, error: OpenWsError) -> None:
        if not self._error_handlers:
            raise error
        for handler in list(self._error_handlers):
            result = handler(error)
            if inspect.isawaitable(result):
                await result

    async def _receive(self, data: Any) -> None:
        if not isinstance(data, str):
            return await self._fail(OpenWsError("OPENWS_ERR_BINARY_FRAME", "binary frame from the server"))
        try:
            frame = json.loads(data)
        except ValueError:
            return await self._fail(OpenWsError("OPENWS_ERR_BAD_JSON", "the server sent a frame that is not JSON"))
        if not isinstance(frame, dict):
            return await self._fail(OpenWsError("OPENWS_ERR_BAD_ENVELOPE", "the server sent a frame that is not an envelope"))
        name = frame.get("messageName")
        payload = frame.get("payload")
        if name == "$error" and isinstance(payload, dict):
            return await self._fail(OpenWsError(str(payload.get("code")), str(payload.get("message")), payload.get("messageName"), payload.get("id"), payload.get("issues")))
        if frame.get("fromRole") != self._SERVER_ROLE:
            return await self._fail(OpenWsError("OPENWS_ERR_ROLE_MISMATCH", "frame from " + json.dumps(frame.get("fromRole")), name))
        if not isinstance(name, str) or name not in self._RECEIVES:
            return await self._fail(OpenWsError("OPENWS_ERR_UNKNOWN_MESSAGE", "unknown message " + json.dumps(name), name if isinstance(name, str) else None))
        issues = validate(self._RECEIVES[name], payload, self.max_issues)
        if issues:
            return await self._fail(OpenWsError("OPENWS_ERR_INVALID_PAYLOAD", "invalid payload for " + name, name, frame.get("id"), issues))
        for handler in list(self._handlers.get(name, [])):
            result = handler(payload)
            if inspect.isawaitable(result):
                await result
`
