"""A clean server for `preflight check`, written with the official Python SDK 2.x.

Needs mcp==2.3.0 (.venv-mcp2):

    .venv-mcp2/bin/python Tests/EndToEndTests/Fixtures/check_sdk_clean.py

Every tool sets readOnlyHint, destructiveHint and openWorldHint as booleans, has a useful
description and an object input schema, so the connector check finds no errors or warnings.
"""

from mcp.server.mcpserver import MCPServer
from mcp_types import ToolAnnotations
from pydantic import BaseModel

server = MCPServer(
    "sdk-clean-notes", version="1.0.0",
    instructions="Notes server. Use list_notes to read notes and add_note to add one.",
)


class NoteList(BaseModel):
    notes: list[str]


NOTES = ["first", "second"]


@server.tool(
    annotations=ToolAnnotations(read_only_hint=True, destructive_hint=False, open_world_hint=False)
)
def list_notes() -> NoteList:
    """List every note, oldest first, as plain text."""
    return NoteList(notes=NOTES)


@server.tool(
    annotations=ToolAnnotations(read_only_hint=False, destructive_hint=False, open_world_hint=False)
)
def add_note(text: str) -> str:
    """Add a note with the given text and return a confirmation."""
    NOTES.append(text)
    return "added"


if __name__ == "__main__":
    server.run("stdio")
