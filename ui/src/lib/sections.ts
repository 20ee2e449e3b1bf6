// The sidebar's sections, declared once: a new section is one entry here (and its screen in
// App.svelte). Icons are 24×24 outline paths, drawn with the current colour.
import type { Route } from './router.svelte';

export type SectionName = 'today' | 'clients' | 'framework' | 'backups' | 'profile' | 'security' | 'import';

export interface Section {
  name: SectionName;
  label: string;
  /** Path data, each stroked (no fill). */
  icon: string[];
}

export const SECTIONS: readonly Section[] = [
  {
    name: 'today',
    label: 'Today',
    icon: ['M5.5 5h13a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2h-13a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z', 'M3.5 10h17M8 3v4M16 3v4'],
  },
  {
    name: 'clients',
    label: 'Clients',
    icon: [
      'M5.5 8.5a3.5 3.5 0 1 0 7 0a3.5 3.5 0 1 0-7 0',
      'M2.5 20c.6-3.6 3.2-5.5 6.5-5.5s5.9 1.9 6.5 5.5',
      'M16 4.6a3.5 3.5 0 0 1 0 7.3M18.5 14.8c1.7.8 2.7 2.5 3 5.2',
    ],
  },
  { name: 'framework', label: 'Framework', icon: ['M4 6h16M4 12h16M4 18h10'] },
  {
    name: 'backups',
    label: 'Backups',
    icon: [
      'M4.5 6a7.5 2.8 0 1 0 15 0a7.5 2.8 0 1 0-15 0',
      'M4.5 6v12c0 1.5 3.4 2.8 7.5 2.8s7.5-1.3 7.5-2.8V6M4.5 12c0 1.5 3.4 2.8 7.5 2.8s7.5-1.3 7.5-2.8',
    ],
  },
  {
    name: 'profile',
    label: 'Your profile',
    icon: [
      'M5.5 4.5h13a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2h-13a2 2 0 0 1-2-2v-11a2 2 0 0 1 2-2z',
      'M7.2 11a2.3 2.3 0 1 0 4.6 0a2.3 2.3 0 1 0-4.6 0',
      'M6 16.5c.5-1.7 1.8-2.6 3.5-2.6s3 .9 3.5 2.6M15 10h3M15 13.5h3',
    ],
  },
  { name: 'security', label: 'Security', icon: ['M12 3.5 5 6v5.5c0 4.2 2.9 7.6 7 9 4.1-1.4 7-4.8 7-9V6z'] },
  {
    name: 'import',
    label: 'Import',
    icon: ['M12 3.5v11M7.5 10l4.5 4.5 4.5-4.5', 'M4.5 15.5v3a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2v-3'],
  },
];

/**
 * The section a stack of screens belongs to: where it starts. A client opened from Today is
 * still "in Today"; every screen of a client (its form, sessions, goals) is under Clients.
 */
export function sectionOf(stack: readonly Route[]): SectionName {
  const root = stack[0]?.name;
  return SECTIONS.find((s) => s.name === root)?.name ?? 'clients';
}
