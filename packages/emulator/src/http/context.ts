/** What every route handler works with. */
import type { State } from "../engine/state.js";

export interface HandlerContext {
  readonly state: State;
  /** The emulator's clock, in milliseconds. */
  readonly now: () => number;
  /** Approve request tokens without showing the approval page. */
  readonly autoApprove: boolean;
}
