// Python source shared by every generated SDK (no spec data in here): the asyncio client base
// class over `websockets` (validated sends, handlers, $error frames raised as OpenWsError), and
// request/reply: a table of pending requests by id, settled by the `$reply` or `$error` carrying
// that id, a timeout, or the connection ending; requests from the server answered by handlers.
export const PYTHON_CLIENT = String.raw`# ---- the client -----------------------------------------------------------------------------

Handler = Callable[[Any], Any]


def _messages(role: str, names: List[str]) -> Dict[str, Any]:
    return {name: NETWORK["roles"][role]["messages"][name]["payload"] for name in names}


def _replies(role: str, names: List[str]) -> Dict[str, Any]:
    return {name: NETWORK["roles"][role]["messages"][name]["reply"] for name in names}


def _request_id(value: Any) -> Optional[int]:
    """The id of one of our requests (a positive integer, never a bool), else None."""
    return value if type(value) is int and value > 0 else None


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
    _REPLIES: Dict[str, Any] = {}
    """Reply schemas of the requests this role sends (messages with a reply)."""
    _ANSWERS: Dict[str, Any] = {}
    """Reply schemas of the requests the server sends to this role."""

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
        self._pending: Dict[int, Any] = {}
        # Ids of requests given up on (timed out, cancelled, not sent): their late answers are dropped.
        self._abandoned: Dict[int, None] = {}
        self._last_id = 0

    async def connect(self) -> "_RoleClient":
        self._ws = await websockets.connect(self.url, **self._connect_options)
        return self

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        self._fail_pending("the client was closed before the reply came")

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

    async def request(self, message_name: str, payload: Any, *, timeout: Optional[float] = 30.0, validate_payload: bool = True) -> Any:
        """Sends a message that has a reply schema and returns the server's reply, validated against it.
        Replies arrive while run() receives frames: run it as a task meanwhile. Raises OpenWsError with
        the server's code when it refuses the request ($error with the request's id),
        OPENWS_ERR_REPLY_INVALID, OPENWS_ERR_REQUEST_TIMEOUT after timeout seconds (None: never), or
        OPENWS_ERR_DISCONNECTED when the connection ends first. Cancelling the awaiting task cancels it."""
        if message_name in self._SENDS and message_name not in self._REPLIES:
            raise OpenWsError("OPENWS_ERR_INVALID_OPTION", json.dumps(message_name) + " has no reply: send() it", message_name)
        self._last_id += 1
        request_id = self._last_id
        future = asyncio.get_running_loop().create_future()
        self._pending[request_id] = (message_name, future)
        try:
            try:
                await self.send(message_name, payload, id=request_id, validate_payload=validate_payload)
            except websockets.ConnectionClosed:
                raise OpenWsError("OPENWS_ERR_DISCONNECTED", "the connection closed before the request was sent", message_name, request_id) from None
            if timeout is None:
                return await future
            try:
                return await asyncio.wait_for(future, timeout)
            except asyncio.TimeoutError:
                raise OpenWsError("OPENWS_ERR_REQUEST_TIMEOUT", "no reply within %s s" % timeout, message_name, request_id) from None
        finally:
            if self._pending.pop(request_id, None) is not None:
                self._abandoned[request_id] = None
                if len(self._abandoned) > 1024:  # keep the newest: an answer later than that is reported as unknown
                    del self._abandoned[next(iter(self._abandoned))]

    async def run(self) -> None:
        """Receives frames until the connection closes, calling handlers in order (and answering the
        server's requests with their return values). A $error frame (or an invalid inbound frame)
        raises OpenWsError unless on_error handlers are registered; $reply frames and $error frames
        with the id of a pending request settle that request instead, and those with an id no
        request waits for are reported and dropped (see _report). When run() ends, every pending
        request fails with OPENWS_ERR_DISCONNECTED."""
        if self._ws is None:
            raise OpenWsError("OPENWS_ERR_NOT_OPEN", "connect() first")
        try:
            async for data in self._ws:
                await self._receive(data)
        finally:
            self._fail_pending("the connection closed before the reply came")

    def _fail_pending(self, why: str) -> None:
        for request_id, (message_name, future) in list(self._pending.items()):
            if not future.done():
                future.set_exception(OpenWsError("OPENWS_ERR_DISCONNECTED", why, message_name, request_id))
        self._pending.clear()

    def _take_pending(self, value: Any) -> Any:
        """The pending request with this id, taken out of the table; None when there is none (unknown, timed out, settled)."""
        request_id = _request_id(value)
        entry = self._pending.pop(request_id, None) if request_id is not None else None
        return entry if entry is not None and not entry[1].done() else None

    async def _send_frame(self, frame: Dict[str, Any]) -> None:
        await self._ws.send(json.dumps(frame, ensure_ascii=False, allow_nan=False))

    async def _fail(self, error: OpenWsError) -> None:
        if not self._error_handlers:
            raise error
        for handler in list(self._error_handlers):
            result = handler(error)
            if inspect.isawaitable(result):
                await result

    async def _report(self, error: OpenWsError) -> None:
        """A late or unknown answer (its request timed out, was cancelled or settled): dropped, never
        fatal, since a timeout racing its reply is normal. on_error handlers get it; without any it is
        logged as a warning (logger "openws") and run() goes on."""
        if self._error_handlers:
            return await self._fail(error)
        logging.getLogger("openws").warning("%s", error)

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
            error = OpenWsError(str(payload.get("code")), str(payload.get("message")), payload.get("messageName"), payload.get("id"), payload.get("issues"))
            refused = self._take_pending(payload.get("id"))
            if refused is not None:  # the server refused that request: only it fails
                return refused[1].set_exception(error)
            given_up = payload.get("id")
            if type(given_up) is int and self._abandoned.pop(given_up, False) is None:  # the answer to a request given up on
                return await self._report(error)
            return await self._fail(error)
        if frame.get("fromRole") != self._SERVER_ROLE:
            return await self._fail(OpenWsError("OPENWS_ERR_ROLE_MISMATCH", "frame from " + json.dumps(frame.get("fromRole")), name))
        if name == "$reply":
            entry = self._take_pending(frame.get("id"))
            if entry is None:
                return await self._report(OpenWsError("OPENWS_ERR_UNEXPECTED_REPLY", "a $reply for id " + json.dumps(frame.get("id")) + ", which no pending request has (unknown, timed out or settled): dropped", None, frame.get("id")))
            message_name, future = entry
            issues = validate(self._REPLIES[message_name], payload, self.max_issues)
            if issues:
                return future.set_exception(OpenWsError("OPENWS_ERR_REPLY_INVALID", "the reply does not match the reply schema", message_name, frame.get("id"), issues))
            return future.set_result(payload)
        if not isinstance(name, str) or name not in self._RECEIVES:
            return await self._fail(OpenWsError("OPENWS_ERR_UNKNOWN_MESSAGE", "unknown message " + json.dumps(name), name if isinstance(name, str) else None))
        issues = validate(self._RECEIVES[name], payload, self.max_issues)
        if issues:
            return await self._fail(OpenWsError("OPENWS_ERR_INVALID_PAYLOAD", "invalid payload for " + name, name, frame.get("id"), issues))
        request_id = frame.get("id")
        asked = name in self._ANSWERS and request_id is not None
        answered = False
        answer: Any = None
        try:
            for handler in list(self._handlers.get(name, [])):
                result = handler(payload)
                if inspect.isawaitable(result):
                    result = await result
                if not answered:
                    answered, answer = True, result
        except Exception:
            if asked:
                await self._send_frame({"fromRole": self._ROLE, "messageName": "$error", "payload": {"code": "OPENWS_ERR_HANDLER_FAILED", "message": "the handler failed", "messageName": name, "id": request_id}})
            raise
        if asked:
            # A request from the server: the first handler's return value is the reply.
            issues = validate(self._ANSWERS[name], answer, self.max_issues)
            if issues:
                await self._send_frame({"fromRole": self._ROLE, "messageName": "$error", "payload": {"code": "OPENWS_ERR_REPLY_INVALID", "message": "the reply does not match the reply schema", "messageName": name, "id": request_id}})
                return await self._fail(OpenWsError("OPENWS_ERR_REPLY_INVALID", "the reply to " + name + " does not match the reply schema", name, request_id, issues))
            await self._send_frame({"fromRole": self._ROLE, "messageName": "$reply", "payload": answer, "id": request_id})
`
