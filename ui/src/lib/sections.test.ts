import { describe, expect, it } from 'vitest';
import { SECTIONS, sectionOf } from './sections';

describe('sections', () => {
  it('a stack belongs to the section it starts in', () => {
    expect(sectionOf([{ name: 'today' }, { name: 'client', id: 'c1' }])).toBe('today');
    expect(sectionOf([{ name: 'backups' }])).toBe('backups');
  });

  it('a stack that starts on a client screen is under Clients', () => {
    expect(sectionOf([{ name: 'client', id: 'c1' }, { name: 'session', id: 's1', clientId: 'c1' }])).toBe('clients');
    expect(sectionOf([{ name: 'client-form', id: null }])).toBe('clients');
  });

  it('each section is listed once, with a label and an icon', () => {
    const names = SECTIONS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const s of SECTIONS) {
      expect(s.label).not.toBe('');
      expect(s.icon.length).toBeGreaterThan(0);
    }
  });
});
