// Test data shaped like the core's answers (the generated types keep them honest).
import type { Client } from '../bindings/Client';
import type { ClientOverview } from '../bindings/ClientOverview';
import type { ClientSummary } from '../bindings/ClientSummary';
import type { Goal } from '../bindings/Goal';
import type { SearchHit } from '../bindings/SearchHit';
import type { SessionSummary } from '../bindings/SessionSummary';

export function summary(name: string, more: Partial<ClientSummary> = {}): ClientSummary {
  return {
    id: `id-${name.toLowerCase().replace(/\W+/g, '-')}`,
    name,
    organisation: 'Sable Insurance',
    role: 'Team Lead',
    stage: 'first_time_manager',
    status: 'active',
    archived: false,
    sessions_held: 3,
    last_session_at: '2026-10-06T17:00:00-05:00',
    next_session_at: null,
    open_assignments: 0,
    ...more,
  };
}

export function client(more: Partial<Client> = {}): Client {
  return {
    id: 'c1',
    archived_at: null,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    name: 'Dana Brooks',
    email: 'dana@example.com',
    phone: '',
    organisation: 'Sable Insurance',
    role: 'Head of Claims',
    stage: 'executive',
    promotion_date: null,
    sponsor_name: 'Sam Lee',
    sponsor_email: 'sam@example.com',
    status: 'active',
    engagement_start: '2026-01-10',
    engagement_end: null,
    background: '',
    tags: [],
    ...more,
  };
}

export function sessions(count: number, from = 0): SessionSummary[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const day = new Date(Date.UTC(2026, 10, 1) - i * 7 * 86_400_000).toISOString().slice(0, 10);
    return {
      id: `s${i}`,
      starts_at: `${day}T09:00:00+01:00`,
      duration_minutes: 60,
      format: 'one_to_one',
      medium: 'video',
      status: 'held',
      headline: `Session ${i}`,
      has_private_notes: i % 2 === 0,
    };
  });
}

export function overview(total: number, more: Partial<ClientOverview> = {}): ClientOverview {
  return {
    client: client(),
    goals: [],
    assignments: [],
    sessions: { total, offset: 0, items: sessions(Math.min(50, total)) },
    ...more,
  };
}

export function goal(more: Partial<Goal> = {}): Goal {
  return {
    id: '7d3f5f0e-3a61-4c55-9a1e-2f4b8f0f00a1',
    client_id: 'c1',
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    competency_id: null,
    title: 'Delegate the plan',
    success_criteria: '',
    baseline: 3,
    target: 7,
    started_on: null,
    target_date: null,
    status: 'active',
    ...more,
  };
}

export function searchHit(more: Partial<SearchHit> = {}): SearchHit {
  return {
    kind: 'session_notes',
    record: 'session',
    record_id: 's1',
    client_id: 'c1',
    client_name: 'Dana Brooks',
    client_archived: false,
    date: '2026-11-12',
    snippet: 'We «rehearsed» saying no',
    is_private: false,
    score: 1,
    ...more,
  };
}
