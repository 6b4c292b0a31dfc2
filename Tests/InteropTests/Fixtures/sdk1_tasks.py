"""A small "tasks" MCP server over stdio, written with the official Python SDK 1.x FastMCP API.

Needs mcp==1.30.0 (the .venv-mcp1 environment made by Scripts/setup-python.sh):

    .venv-mcp1/bin/python Tests/InteropTests/Fixtures/sdk1_tasks.py

The same tools as sdk2_tasks.py, with the 1.x API. Server name "sdk1-tasks", with instructions.
  list_tasks  readOnlyHint/idempotentHint true; typed return, so it has an outputSchema
  add_task    readOnlyHint/destructiveHint false; typed return (outputSchema)
  echo        no annotations, no outputSchema; returns its text unchanged
  sync_tasks  no annotations; sends one progress notification (if the request has a
              progressToken) and one info log notification per step, then returns a summary
"""

import anyio
from mcp.server.fastmcp import Context, FastMCP
from mcp.types import ToolAnnotations
from pydantic import BaseModel

INSTRUCTIONS = "Tasks fixture (mcp 1.x). Call list_tasks before add_task."

server = FastMCP("sdk1-tasks", instructions=INSTRUCTIONS)


class Task(BaseModel):
    id: int
    title: str
    done: bool = False


class TaskList(BaseModel):
    tasks: list[Task]


TASKS = [Task(id=1, title="Write the README"), Task(id=2, title="Ship it", done=True)]


@server.tool(annotations=ToolAnnotations(readOnlyHint=True, idempotentHint=True))
def list_tasks() -> TaskList:
    """List all tasks."""
    return TaskList(tasks=TASKS)


@server.tool(annotations=ToolAnnotations(readOnlyHint=False, destructiveHint=False))
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
