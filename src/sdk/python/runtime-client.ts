// Python source shared by every generated SDK (no spec data in here): the asyncio client base
// class over `websockets` (validated sends, handlers, $error frames raised as OpenWsError).
export const PYTHON_CLIENT = String.raw`# ---- the client -----------------------------------------------------------------------------

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
