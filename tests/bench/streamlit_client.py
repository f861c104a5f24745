"""A light Streamlit client: one session over the app's websocket, in Streamlit's own protocol.

A browser tab speaks to `streamlit run` through `/_stcore/stream`: it sends `BackMsg`
protobufs (`rerun_script` with the page's query string, its page and every widget's value)
and draws the `ForwardMsg`s that come back (a `new_session` per run, the elements as deltas,
`script_finished`). This client does the same without drawing anything, so that a hundred
participants fit on a small machine next to the server: it learns the widgets from the deltas,
keeps their values as the browser's widget manager does (dropped when a full run no longer
draws them, kept over a fragment's run) and reruns a widget's fragment when the widget lies in
one. Enough for the questionnaire page (radios, text inputs, buttons), nothing more.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

#: A run that has not finished by then counts as failed.
RUN_TIMEOUT_S = 120.0
_DONE = {
    ForwardMsg.FINISHED_SUCCESSFULLY,
    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
}


class RunFailed(Exception):
    """The server did not finish a run, or it finished with an error."""


@dataclass
class Widget:
    """A widget the last run drew: its id, kind, label, options and fragment."""

    id: str
    kind: str
    label: str
    options: list[str] = field(default_factory=list)
    fragment_id: str = ""
    disabled: bool = False

    @property
    def key(self) -> str:
        """The key the app gave it (the part of the id after the hash), or ""."""
        parts = self.id.split("-", 2)
        return parts[2] if len(parts) == 3 and parts[2] != "None" else ""


class Session:
    """One browser tab's session: connect, rerun with widget values, read what was drawn."""

    def __init__(self, ws, query_string: str, page_name: str):
        self._ws = ws
        self.query_string = query_string
        self.page_name = page_name
        self.page_script_hash = ""
        self.widgets: dict[str, Widget] = {}
        self._values: dict[str, tuple[str, object]] = {}
        #: Tracebacks (exception elements) the server has drawn so far.
        self.exceptions = 0

    @classmethod
    async def open(cls, base_url: str, query_string: str, page_name: str) -> Session:
        """Connect to the server at `base_url` (http://host:port) and draw the page once."""
        ws = await websockets.connect(
            base_url.replace("http", "ws", 1) + "/_stcore/stream",
            subprotocols=["streamlit"],
            max_size=None,
            open_timeout=RUN_TIMEOUT_S,
        )
        session = cls(ws, query_string, page_name)
        await session.rerun()
        return session

    async def close(self) -> None:
        """Close the websocket (the server ends the session later)."""
        await self._ws.close()

    def find(self, kind: str, key_prefix: str = "", label: str = "") -> list[Widget]:
        """The widgets of `kind` whose key starts with `key_prefix` and whose label is `label`."""
        return [
            w
            for w in self.widgets.values()
            if w.kind == kind and w.key.startswith(key_prefix) and (not label or w.label == label)
        ]

    async def choose(self, radio: Widget, option: str) -> float:
        """Pick `option` of `radio`, as a click does; returns the seconds until the run ended."""
        self._values[radio.id] = ("string_value", option)
        return await self.rerun(radio.fragment_id)

    async def click(self, button: Widget) -> float:
        """Click `button` (a one-off trigger); returns the seconds until the run ended."""
        return await self.rerun(button.fragment_id, trigger=button.id)

    async def rerun(self, fragment_id: str = "", trigger: str = "") -> float:
        """Send one `rerun_script` and read until the run has finished; returns its seconds."""
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query_string
        state.page_name = self.page_name
        state.page_script_hash = self.page_script_hash
        state.fragment_id = fragment_id
        for widget_id, (kind, value) in self._values.items():
            widget_state = state.widget_states.widgets.add(id=widget_id)
            setattr(widget_state, kind, value)
        if trigger:
            state.widget_states.widgets.add(id=trigger, trigger_value=True)
        started = time.perf_counter()
        await self._ws.send(message.SerializeToString())
        try:
            await asyncio.wait_for(self._until_finished(), RUN_TIMEOUT_S)
        except TimeoutError:
            raise RunFailed(f"no script_finished within {RUN_TIMEOUT_S:.0f} s") from None
        return time.perf_counter() - started

    async def _until_finished(self) -> None:
        while True:
            message = ForwardMsg()
            message.ParseFromString(await self._ws.recv())
            kind = message.WhichOneof("type")
            if kind == "new_session" and not message.metadata.run.fragment_ids:
                self.widgets = {}  # a full run draws the page anew
            elif kind == "delta":
                self._take(message)
            elif kind == "page_info_changed":
                self.query_string = message.page_info_changed.query_string
            elif kind == "navigation":
                self.page_script_hash = message.navigation.page_script_hash
            elif kind == "script_finished" and message.script_finished in _DONE:
                if message.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    raise RunFailed("the page did not compile")
                if message.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                    # As the browser's widget manager: values of widgets no longer drawn go.
                    self._values = {k: v for k, v in self._values.items() if k in self.widgets}
                return

    def _take(self, message: ForwardMsg) -> None:
        delta = message.delta
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind == "exception":
            self.exceptions += 1
            return
        proto = getattr(element, kind)
        widget_id = getattr(proto, "id", "")
        if not widget_id or not hasattr(proto, "label"):
            return
        self.widgets[widget_id] = Widget(
            id=widget_id,
            kind=kind,
            label=proto.label,
            options=list(proto.options) if kind in ("radio", "selectbox") else [],
            fragment_id=delta.fragment_id,
            disabled=getattr(proto, "disabled", False),
        )
