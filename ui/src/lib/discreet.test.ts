import { describe, expect, it } from 'vitest';
import { HIDDEN_NAME, clientLabel, discreetGroups, discreetHits } from './discreet.svelte';

const hit = (client_id: string, is_private: boolean) => ({ client_id, is_private });
const groups = [
  { client_id: 'zoe', hits: [hit('zoe', false), hit('zoe', true)] },
  { client_id: 'ola', hits: [hit('ola', false)] },
  { client_id: 'sam', hits: [hit('sam', true)] },
];

describe('discreet mode', () => {
  it('shows only the open client’s name', () => {
    expect(clientLabel('Zoë Ashford', 'zoe', 'zoe', true)).toBe('Zoë Ashford');
    expect(clientLabel('Ola Nordmann', 'ola', 'zoe', true)).toBe(HIDDEN_NAME);
    expect(clientLabel('Ola Nordmann', 'ola', null, true)).toBe(HIDDEN_NAME);
    expect(clientLabel('Ola Nordmann', 'ola', 'zoe', false)).toBe('Ola Nordmann');
  });

  it('keeps the open client’s search hits, never a private one, and no other client’s', () => {
    expect(discreetGroups(groups, 'zoe', true)).toEqual([{ client_id: 'zoe', hits: [hit('zoe', false)] }]);
    // A client whose only hits are private is not shown at all.
    expect(discreetGroups(groups, 'sam', true)).toEqual([]);
    expect(discreetGroups(groups, null, true)).toEqual([]);
    expect(discreetGroups(groups, 'zoe', false)).toBe(groups);
    expect(discreetHits(groups[0].hits, true)).toEqual([hit('zoe', false)]);
    expect(discreetHits(groups[0].hits, false)).toHaveLength(2);
  });
});
