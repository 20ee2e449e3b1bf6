// How the practice is open right now, for every screen: the banner and the disabled editing
// read it. `apply` is called with each start-up state (at launch, after restore or reopen).
import type { StartupState } from '../bindings/StartupState';

export const practice = $state({
  state: null as StartupState | null,
  /** Editing is off: the file cannot be changed (the banner says why). */
  readOnly: false,
});

export function apply(s: StartupState | null): void {
  practice.state = s;
  practice.readOnly = s?.status.kind === 'read_only';
}
