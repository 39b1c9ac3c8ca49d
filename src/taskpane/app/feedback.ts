/**
 * The shell's feedback state (a reducer, unit-tested in test/taskpane/shell-state.test.ts):
 * - a success or info message replaces the previous one (one "done" at a time, never stacked);
 * - errors and warnings are kept (at most MAX_PROBLEMS), but an identical one is not added again:
 *   it moves to the end and counts the repeat;
 * - every entry keeps its Notice (key + params or the error itself), so it is re-rendered in the
 *   current language after a language switch.
 */
import type { Notice } from "../context";

export const MAX_PROBLEMS = 3;

export interface FeedbackEntry {
  id: number;
  notice: Notice;
  /** How many times this same message was raised. */
  count: number;
  /** Identity for de-duplication. */
  sig: string;
}

export interface FeedbackState {
  entries: FeedbackEntry[];
  nextId: number;
}

export type FeedbackAction = { type: "notify"; notice: Notice; sig: string } | { type: "dismiss"; id: number } | { type: "clear" };

export const initialFeedback: FeedbackState = { entries: [], nextId: 1 };

const isProblem = (n: Notice) => n.intent === "error" || n.intent === "warning";

/** The identity of a notice: its intent and the words it renders to (in one fixed language). */
export function noticeSignature(n: Notice, rendered: string): string {
  return `${n.intent}\u0000${rendered}`;
}

export function feedbackReducer(state: FeedbackState, action: FeedbackAction): FeedbackState {
  switch (action.type) {
    case "notify": {
      const { notice, sig } = action;
      const same = state.entries.find((e) => e.sig === sig);
      let entries = state.entries.filter((e) => e.sig !== sig);
      if (!isProblem(notice)) entries = entries.filter((e) => isProblem(e.notice));
      const entry: FeedbackEntry = { id: same ? same.id : state.nextId, notice, count: same ? same.count + 1 : 1, sig };
      entries = [...entries, entry];
      const problems = entries.filter((e) => isProblem(e.notice));
      if (problems.length > MAX_PROBLEMS) {
        const drop = new Set(problems.slice(0, problems.length - MAX_PROBLEMS).map((e) => e.id));
        entries = entries.filter((e) => !drop.has(e.id));
      }
      return { entries, nextId: same ? state.nextId : state.nextId + 1 };
    }
    case "dismiss":
      return { ...state, entries: state.entries.filter((e) => e.id !== action.id) };
    case "clear":
      return { ...state, entries: [] };
  }
}
