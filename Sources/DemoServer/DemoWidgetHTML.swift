/// The self-contained HTML of the two widget templates. Both read the tool's structured content
/// and build the page with `textContent`, never with server text as markup.
enum DemoWidgetHTML {
  /// The task list, for the legacy Apps SDK bridge (`window.openai.toolOutput`).
  static let taskList = """
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <title>Tasks</title>
    <style>
    body { font: 14px system-ui, sans-serif; margin: 0; padding: 12px; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { padding: 6px 0; border-bottom: 1px solid #eee; }
    .done { color: #888; text-decoration: line-through; }
    .tag { font-size: 12px; color: #555; margin-left: 6px; }
    </style>
    </head>
    <body>
    <ul id="tasks"><li>Loading tasks…</li></ul>
    <script>
    function render(output) {
      const list = document.getElementById("tasks");
      list.replaceChildren();
      const tasks = (output && output.tasks) || [];
      if (tasks.length === 0) {
        const empty = document.createElement("li");
        empty.textContent = "No tasks.";
        list.append(empty);
      }
      for (const task of tasks) {
        const item = document.createElement("li");
        item.textContent = task.title;
        if (task.status === "done") item.className = "done";
        for (const tag of task.tags || []) {
          const label = document.createElement("span");
          label.className = "tag";
          label.textContent = "#" + tag;
          item.append(label);
        }
        list.append(item);
      }
    }
    render(window.openai && window.openai.toolOutput);
    window.addEventListener("openai:set_globals", () => render(window.openai.toolOutput));
    </script>
    </body>
    </html>
    """

  /// The task card, for the MCP Apps bridge (`ui/notifications/tool-result` messages).
  static let taskCard = """
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <title>Task</title>
    <style>
    body { font: 14px system-ui, sans-serif; margin: 0; padding: 12px; }
    h1 { font-size: 16px; margin: 0 0 6px; }
    p { margin: 2px 0; color: #444; }
    </style>
    </head>
    <body>
    <h1 id="title">Loading the task…</h1>
    <p id="status"></p>
    <p id="due"></p>
    <p id="notes"></p>
    <script>
    function render(result) {
      const task = result && result.structuredContent && result.structuredContent.task;
      if (!task) return;
      document.getElementById("title").textContent = task.title;
      document.getElementById("status").textContent = task.status + ", " + task.priority + " priority";
      document.getElementById("due").textContent = task.due ? "Due " + task.due.date : "";
      document.getElementById("notes").textContent = task.notes || "";
    }
    window.addEventListener("message", (event) => {
      const message = event.data;
      if (message && message.jsonrpc === "2.0" && message.method === "ui/notifications/tool-result") {
        render(message.params);
      }
    });
    </script>
    </body>
    </html>
    """
}
