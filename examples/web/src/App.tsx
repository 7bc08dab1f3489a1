import { useState, type FormEvent } from "react";
import { TaskStatus, type Task } from "@wrikekit/client/v2";
import { useTaskAdd, useTaskFilter, useTaskUpdate } from "@wrikekit/react/v2";

function TaskList({ status, label, testId }: { status: TaskStatus; label: string; testId: string }) {
  const tasks = useTaskFilter({ statuses: [status] });
  const complete = useTaskUpdate();
  if (tasks.isPending) return <p aria-busy="true">Loading {label.toLowerCase()}…</p>;
  if (tasks.isError) return <p role="alert">Could not load {label.toLowerCase()}: {tasks.error.message}</p>;
  const list: Task[] = "list" in tasks.data ? tasks.data.list : [];
  return (
    <section aria-label={label}>
      <h2>
        {label} ({list.length})
      </h2>
      <ul data-testid={testId}>
        {list.map((task) => (
          <li key={task.id} data-task-id={task.id}>
            <span className="title">{task.title}</span>
            {status === TaskStatus.active ? (
              <button type="button" disabled={complete.isPending} onClick={() => complete.mutate({ id: task.id, title: task.title ?? "", status: TaskStatus.completed })}>
                Complete “{task.title}”
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function NewTask() {
  const [title, setTitle] = useState("");
  const add = useTaskAdd({ onSuccess: () => setTitle("") });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim()) add.mutate({ title: title.trim() });
  };
  return (
    <form onSubmit={submit}>
      <label>
        New task <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <button type="submit" disabled={add.isPending}>
        Add task
      </button>
      {add.isError ? <p role="alert">{add.error.message}</p> : null}
    </form>
  );
}

export function App() {
  return (
    <main>
      <h1>Tasks</h1>
      <NewTask />
      <TaskList status={TaskStatus.active} label="Active" testId="active" />
      <TaskList status={TaskStatus.completed} label="Completed" testId="completed" />
    </main>
  );
}
