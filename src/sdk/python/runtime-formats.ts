// Python source shared by every generated SDK (no spec data in here): the error type and the
// format and pattern checks, matching src/runtime/validate/formats.ts and JavaScript `u` patterns.
export const PYTHON_FORMATS = String.raw`class OpenWsError(Exception):
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


`
