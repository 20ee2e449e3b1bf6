// Discreet mode, for a coach sharing a screen or sitting beside a client: one shortcut
// (Ctrl+Shift+D) or the sidebar's switch hides every private note, every private-note search hit,
// and every client's name but the one whose screen is open — until it is turned off. Hidden means
// not in the page at all (as behind the lock), never merely blurred. Pure helpers here, so the
// rules are tested without a screen.

export const discreet = $state({ on: false });

export function toggleDiscreet(): void {
  discreet.on = !discreet.on;
}

/** What stands in for a name that is hidden. */
export const HIDDEN_NAME = 'Another client';

/** The name to show for a client while `openId` is the client whose screen is open. */
export function clientLabel(name: string, clientId: string, openId: string | null, on = discreet.on): string {
  return on && clientId !== openId ? HIDDEN_NAME : name;
}

interface Hit {
  client_id: string;
  is_private: boolean;
}
interface Group<H extends Hit> {
  client_id: string;
  hits: H[];
}

/**
 * Search results as discreet mode allows them: only the open client's (another client's snippets
 * would show their notes even without their name), and never a private-note hit.
 */
export function discreetGroups<H extends Hit, G extends Group<H>>(groups: G[], openId: string | null, on = discreet.on): G[] {
  if (!on) return groups;
  return groups
    .filter((g) => g.client_id === openId)
    .map((g) => ({ ...g, hits: g.hits.filter((h) => !h.is_private) }))
    .filter((g) => g.hits.length > 0);
}

/** A client's own hits (the client screen's search) without the private ones while discreet. */
export function discreetHits<H extends Hit>(hits: H[], on = discreet.on): H[] {
  return on ? hits.filter((h) => !h.is_private) : hits;
}
