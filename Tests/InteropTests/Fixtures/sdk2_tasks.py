"""A small "tasks" MCP server over stdio, written with the official Python SDK 2.x high-level API.

Needs mcp==2.3.0 (the .venv-mcp2 environment made by Scripts/setup-python.sh):

    .venv-mcp2/bin/python Tests/InteropTests/Fixtures/sdk2_tasks.py

Server name "sdk2-tasks", version "1.0.0", with instructions. Tools:
  list_tasks  readOnlyHint/idempotentHint true; typed return, so it has an outputSchema
  add_task    readOnlyHint/destructiveHint false; typed return (outputSchema)
  echo        no annotations, no outputSchema; returns its text unchanged
  sync_tasks  no annotations; sends one progress notification (if the request has a
              progressToken) and one info log notification per step, then returns a summary
"""

import warnings

import anyio
from mcp.server.mcpserver import Context, MCPServer
from mcp.shared.exceptions import MCPDeprecationWarning
from mcp_types import ToolAnnotations
from pydantic import BaseModel

# ctx.info() warns that logging is deprecated in 2026-07-28; keep stderr quiet.
warnings.simplefilter("ignore", MCPDeprecationWarning)

INSTRUCTIONS = "Tasks fixture (mcp 2.x). Call list_tasks before add_task."

server = MCPServer("sdk2-tasks", version="1.0.0", instructions=INSTRUCTIONS)


class Task(BaseModel):
    id: int
    title: str
    done: bool = False


class TaskList(BaseModel):
    tasks: list[Task]


TASKS = [Task(id=1, title="Write the README"), Task(id=2, title="Ship it", done=True)]


@server.tool(annotations=ToolAnnotations(read_only_hint=True, idempotent_hint=True))
def list_tasks() -> TaskList:
    """List all tasks."""
    return TaskList(tasks=TASKS)


@server.tool(annotations=ToolAnnotations(read_only_hint=False, destructive_hint=False))
def add_task(title: str) -> Task:
    """Add a task and return it."""
    task = Task(id=len(TASKS) + 1, title=title)
    TASKS.append(task)
    return task


@server.tool(structured_output=False)
def echo(text: str) -> str:
    """Return the text unchanged."""
    return text


@server.tool()
async def sync_tasks(ctx: Context, steps: int = 3) -> str:
    """Pretend to sync tasks, reporting progress and logging each step."""
    for step in range(1, steps + 1):
        await ctx.report_progress(step, steps, f"step {step} of {steps}")
        await ctx.info(f"synced step {step}")
        await anyio.sleep(0.05)
    return f"synced {steps} steps"


if __name__ == "__main__":
    server.run("stdio")
