"""An MCP server that uses every feature a client sees besides tools, written with the official
Python SDK 2.x (mcp==2.3.0, the .venv-mcp2 environment).

    .venv-mcp2/bin/python Tests/InteropTests/Fixtures/sdk2_features.py            # stdio
    .venv-mcp2/bin/python Tests/InteropTests/Fixtures/sdk2_features.py --http --port 0

With --http it serves Streamable HTTP on 127.0.0.1 through http/_serve.py (one URL line on
stdout, path /mcp; see http/README.md for start-up and shutdown).

Server name "sdk2-features", version "1.0.0". It declares resources (with subscribe), prompts,
tools, completions and logging.

Resources (list order):
  notes://welcome          text/plain, "Welcome to the features fixture."
  config://app             application/json, {"theme": "dark", "retries": 3}
  images://logo            image/png, 16 bytes (blob): 89 50 4E 47 0D 0A 1A 0A then 00..07
  ui://widget/board.html   text/html+skybridge (an Apps SDK widget template)
Templates:
  notes://by-name/{name}   "Note called <name>." (text/plain)
  search://items{?q,limit} "Search for <q> (limit <limit>)." (text/plain)
Unknown URIs answer a JSON-RPC error.

Subscriptions: resources/subscribe and resources/unsubscribe are served. The tool touch(uri)
sends notifications/resources/updated for uri if this session is subscribed to it, and returns
"notified" or "not subscribed".

Prompts:
  greet(name, style="friendly")   one user message: "Say hello to <name> in a <style> way."
  review(code)                    a user message with the code, an assistant text reply, and a
                                  user message embedding the resource notes://welcome
Completions (completion/complete):
  prompt greet, argument style    from ["friendly", "formal", "pirate"] starting with the value
  template notes://by-name/{name}, argument name  from ["alice", "albert", "bob"] likewise

Logging: logging/setLevel is served (default level "debug"); the tool log_levels sends one
notifications/message per level debug, info, warning, error (logger "features"), dropping the
levels below the one set, and returns how many it sent.

Tools that make server-to-client requests (each tied to the call, so over HTTP they travel on
the call's stream):
  ask_colour    elicitation, form mode: {colour: string (default "blue"), shade: integer
                (1-9, default 5), glossy: boolean}; returns "accepted: <json>", "declined" or
                "cancelled"
  open_link     elicitation, URL mode: https://auth.example.com/start?session=1, id "el-1";
                returns the action
  need_url      fails with -32042 URL elicitation required (one URL, https://pay.example.com/x)
  summarize     sampling/createMessage with the text, system prompt and model preferences;
                returns "model <model> said: <text>" or "sampling failed: <error>"
  show_roots    roots/list; returns the root URIs, one a line, or "no roots"
  long_task(seconds=30)  sleeps in 100 ms steps reporting progress (when the request has a
                progressToken); writes "long_task cancelled" to stderr when cancelled; else
                returns "long_task finished"
"""

import argparse
import json
import os
import sys
import warnings

import anyio
from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.prompts.base import AssistantMessage, UserMessage
from mcp.shared.exceptions import MCPDeprecationWarning, UrlElicitationRequiredError
from mcp_types import (
    Completion,
    CreateMessageRequestParams,
    ElicitRequestURLParams,
    EmbeddedResource,
    EmptyResult,
    ModelHint,
    ModelPreferences,
    PromptReference,
    ResourceTemplateReference,
    SamplingMessage,
    SetLevelRequestParams,
    SubscribeRequestParams,
    TextContent,
    TextResourceContents,
    UnsubscribeRequestParams,
)
from pydantic import BaseModel, Field

warnings.simplefilter("ignore", MCPDeprecationWarning)
warnings.simplefilter("ignore", DeprecationWarning)

LEVELS = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"]
LOGO = bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 1, 2, 3, 4, 5, 6, 7])
WIDGET = "<!doctype html><div id='board'></div><script type='module'>/* board */</script>"


class ColourForm(BaseModel):
    colour: str = Field(default="blue", description="Your favourite colour")
    shade: int = Field(default=5, ge=1, le=9, description="How dark, 1-9")
    glossy: bool = Field(default=False, description="Glossy finish")


def build_server() -> MCPServer:
    server = MCPServer("sdk2-features", version="1.0.0", log_level="WARNING")
    state = {"level": "debug", "subscriptions": set()}

    @server.resource("notes://welcome", name="welcome", title="Welcome note", mime_type="text/plain")
    def welcome() -> str:
        return "Welcome to the features fixture."

    @server.resource("config://app", name="config", mime_type="application/json")
    def config() -> str:
        return json.dumps({"theme": "dark", "retries": 3})

    @server.resource("images://logo", name="logo", mime_type="image/png")
    def logo() -> bytes:
        return LOGO

    @server.resource("ui://widget/board.html", name="board", mime_type="text/html+skybridge")
    def board() -> str:
        return WIDGET

    @server.resource("notes://by-name/{name}", name="note", mime_type="text/plain")
    def note(name: str) -> str:
        return f"Note called {name}."

    @server.resource("search://items{?q,limit}", name="search", mime_type="text/plain")
    def search(q: str = "", limit: str = "10") -> str:
        return f"Search for {q} (limit {limit})."

    async def on_subscribe(ctx, params: SubscribeRequestParams) -> EmptyResult:
        state["subscriptions"].add(str(params.uri))
        return EmptyResult()

    async def on_unsubscribe(ctx, params: UnsubscribeRequestParams) -> EmptyResult:
        state["subscriptions"].discard(str(params.uri))
        return EmptyResult()

    async def on_set_level(ctx, params: SetLevelRequestParams) -> EmptyResult:
        state["level"] = params.level
        return EmptyResult()

    low = server._lowlevel_server
    low.add_request_handler("resources/subscribe", SubscribeRequestParams, on_subscribe)
    low.add_request_handler("resources/unsubscribe", UnsubscribeRequestParams, on_unsubscribe)
    low.add_request_handler("logging/setLevel", SetLevelRequestParams, on_set_level)

    @server.prompt(title="Greeting")
    def greet(name: str, style: str = "friendly") -> str:
        """Greet someone in a style."""
        return f"Say hello to {name} in a {style} way."

    @server.prompt()
    def review(code: str) -> list:
        """Review some code."""
        return [
            UserMessage(f"Please review:\n{code}"),
            AssistantMessage("It looks fine; what should I focus on?"),
            UserMessage(
                EmbeddedResource(
                    type="resource",
                    resource=TextResourceContents(
                        uri="notes://welcome", mime_type="text/plain", text="Welcome to the features fixture."
                    ),
                )
            ),
        ]

    @server.completion()
    async def complete(ref, argument, context):
        if isinstance(ref, PromptReference) and ref.name == "greet" and argument.name == "style":
            options = ["friendly", "formal", "pirate"]
        elif isinstance(ref, ResourceTemplateReference) and argument.name == "name":
            options = ["alice", "albert", "bob"]
        else:
            return None
        return Completion(values=[o for o in options if o.startswith(argument.value)])

    @server.tool()
    async def touch(ctx: Context, uri: str) -> str:
        """Send notifications/resources/updated for uri if subscribed."""
        if uri not in state["subscriptions"]:
            return "not subscribed"
        await ctx.request_context.session.send_resource_updated(uri)
        return "notified"

    @server.tool()
    async def log_levels(ctx: Context) -> str:
        """Send one log message per level from debug to error."""
        threshold = LEVELS.index(state["level"])
        sent = 0
        for level in ["debug", "info", "warning", "error"]:
            if LEVELS.index(level) >= threshold:
                await ctx.log(level, f"a {level} message", logger_name="features")
                sent += 1
        return f"sent {sent}"

    @server.tool()
    async def ask_colour(ctx: Context) -> str:
        """Ask the user for a colour (form elicitation)."""
        result = await ctx.elicit("Pick a colour for the board", ColourForm)
        if result.action == "accept":
            return "accepted: " + json.dumps(result.data.model_dump(), sort_keys=True)
        return result.action + "d" if result.action == "decline" else "cancelled"

    @server.tool()
    async def open_link(ctx: Context) -> str:
        """Ask the user to open a URL (URL elicitation)."""
        result = await ctx.elicit_url(
            "Sign in to continue", "https://auth.example.com/start?session=1", "el-1"
        )
        return result.action

    @server.tool()
    async def need_url(ctx: Context) -> str:
        """Fail with -32042: the user must open a URL first."""
        raise UrlElicitationRequiredError(
            [
                ElicitRequestURLParams(
                    message="Pay first", url="https://pay.example.com/x", elicitation_id="pay-1"
                )
            ]
        )

    @server.tool()
    async def summarize(ctx: Context, text: str) -> str:
        """Ask the client's model to summarize text (sampling)."""
        try:
            result = await ctx.request_context.session.create_message(
                messages=[SamplingMessage(role="user", content=TextContent(type="text", text=text))],
                max_tokens=100,
                system_prompt="You summarize in one line.",
                model_preferences=ModelPreferences(hints=[ModelHint(name="small")], speed_priority=0.8),
                related_request_id=ctx.request_id,
            )
        except Exception as error:  # the client rejected or failed
            return f"sampling failed: {error}"
        content = result.content
        text_out = content.text if isinstance(content, TextContent) else str(content)
        return f"model {result.model} said: {text_out}"

    @server.tool()
    async def show_roots(ctx: Context) -> str:
        """List the client's roots."""
        result = await ctx.request_context.session.list_roots()
        if not result.roots:
            return "no roots"
        return "\n".join(str(r.uri) for r in result.roots)

    @server.tool()
    async def long_task(ctx: Context, seconds: float = 30) -> str:
        """Sleep in 100 ms steps, reporting progress; cancellable."""
        steps = max(1, int(seconds * 10))
        try:
            for step in range(1, steps + 1):
                await anyio.sleep(0.1)
                await ctx.report_progress(step, steps, f"step {step} of {steps}")
        except anyio.get_cancelled_exc_class():
            print("long_task cancelled", file=sys.stderr, flush=True)
            raise
        return "long_task finished"

    return server


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="features fixture (mcp 2.x)")
    parser.add_argument("--http", action="store_true", help="serve Streamable HTTP instead of stdio")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    if args.http:
        sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "http"))
        from _serve import serve

        serve(build_server().streamable_http_app(), port=args.port, path="/mcp", verbose=args.verbose)
    else:
        build_server().run("stdio")
