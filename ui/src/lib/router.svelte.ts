// Where the coach is: a stack of screens, so Esc always goes back to where they came from.

/** A session opened from a search hit: the field to focus and the matched text to select. */
export interface SessionFocus {
  field: 'agenda' | 'notes' | 'private_notes' | 'takeaways' | 'next_steps';
  text: string;
}

/** A client opened from a goal or assignment hit: the row to scroll to. */
export interface ClientFocus {
  kind: 'goal' | 'assignment';
  id: string;
}

export type Route =
  | { name: 'today' }
  | { name: 'clients' }
  | { name: 'client'; id: string; focus?: ClientFocus }
  | { name: 'client-form'; id: string | null }
  | { name: 'session'; id: string; clientId: string; focus?: SessionFocus }
  /** A goal's chart and check-ins; id null: a new goal for the client. */
  | { name: 'goal'; id: string | null; clientId: string }
  /** A crisis-exposure assignment; id null: a new one for the client. */
  | { name: 'assignment'; id: string | null; clientId: string }
  /** Settings: the competency framework. */
  | { name: 'framework' }
  /** Settings: backups of the practice, and where they go. */
  | { name: 'backups' }
  /** Settings: the coach's name, credentials and logo (they head reports), paper size. */
  | { name: 'profile' }
  /** Settings: the passphrase and the idle lock. */
  | { name: 'security' }
  /** Settings: bring clients and sessions in from a CSV or a folder of Markdown notes. */
  | { name: 'import' };

export const nav = $state({ stack: [{ name: 'today' }] as Route[] });

export function current(): Route {
  return nav.stack[nav.stack.length - 1];
}

/** Opens a screen on top of the current one. */
export function go(route: Route): void {
  nav.stack.push(route);
}

/** Switches section (Today, Clients): starts a fresh stack. */
export function section(route: Route): void {
  nav.stack = [route];
}

/** Replaces the current screen (e.g. a form that becomes the record it created). */
export function replace(route: Route): void {
  nav.stack[nav.stack.length - 1] = route;
}

export function back(): boolean {
  if (nav.stack.length <= 1) return false;
  nav.stack.pop();
  return true;
}

/** The client the coach has open, if any: Ctrl+N starts a session for them. */
export function openClientId(): string | null {
  const r = current();
  if (r.name === 'client') return r.id;
  if (r.name === 'session' || r.name === 'goal' || r.name === 'assignment') return r.clientId;
  return null;
}
