/** Engine test fixtures: a seeded or users-only state under a hand-driven clock. */
import { expect } from "vitest";
import { createEmptyState, EmulatorError, seedState, SEED_CREDENTIALS, type Caller, type ErrorCode, type State } from "../../src/index.js";

/** Wednesday 2024-03-13 10:30 UTC. */
export const T0 = Date.UTC(2024, 2, 13, 10, 30, 0);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const SECOND = 1000;

export const UID = { me: SEED_CREDENTIALS.user.uid, viewer: SEED_CREDENTIALS.viewer.uid, alexey: "GCG7DDZ4Q1ic", dmitry: "t3acIwjcblNN" } as const;

export interface Fixture {
  state: State;
  now: number;
  /** A caller for `uid` at the fixture's current time. */
  as(uid: string): Caller;
  me(): Caller;
  viewer(): Caller;
  alexey(): Caller;
  advance(ms: number): void;
}

function fixture(state: State, start: number): Fixture {
  const f: Fixture = {
    state,
    now: start,
    as: (uid) => ({ user: state.users.get(uid)!, at: f.now }),
    me: () => f.as(UID.me),
    viewer: () => f.as(UID.viewer),
    alexey: () => f.as(UID.alexey),
    advance: (ms) => {
      f.now += ms;
    },
  };
  return f;
}

export function seeded(start = T0): Fixture {
  return fixture(seedState(start), start);
}

/** The seeded users and nothing else, for tests that count tasks. */
export function usersOnly(start = T0): Fixture {
  const state = createEmptyState();
  for (const [uid, user] of seedState(start).users) state.users.set(uid, user);
  return fixture(state, start);
}

export function folderId(state: State, title: string): number {
  const folder = [...state.folders.values()].find((f) => f.title === title);
  if (folder === undefined) throw new Error(`no folder ${title}`);
  return folder.id;
}

export function taskId(state: State, title: string): number {
  const task = [...state.tasks.values()].find((t) => t.title === title);
  if (task === undefined) throw new Error(`no task ${title}`);
  return task.id;
}

/** Asserts that `run` throws an EmulatorError with this code, and a message matching `message`. */
export function expectError(run: () => unknown, code: ErrorCode, message?: RegExp): EmulatorError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(EmulatorError);
  const error = caught as EmulatorError;
  expect(error.code).toBe(code);
  if (message !== undefined) expect(error.message).toMatch(message);
  return error;
}

/** A snapshot of the state, to show that a refused call changed nothing. */
export function snapshot(state: State): string {
  return JSON.stringify(state, (_key, value: unknown) => (value instanceof Map ? [...value] : value instanceof Uint8Array ? [...value] : value));
}
