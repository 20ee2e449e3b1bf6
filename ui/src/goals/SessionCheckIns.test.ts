// Quick check-in from the session editor: open, type a score, Enter — saved with the session.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { goal as goalFixture } from '../test/fixtures';
import SessionCheckIns from './SessionCheckIns.svelte';

const goal = goalFixture({ client_id: 'c' });
let calls: Record<string, unknown>[] = [];

beforeEach(() => {
  mockWindows('main');
  calls = [];
  mockIPC((cmd, args) => {
    if (cmd === 'add_check_in') {
      calls.push(args as Record<string, unknown>);
      return { id: 'ci1', goal_id: goal.id, ...(args as { details: object }).details };
    }
    return null;
  });
});

afterEach(() => clearMocks());

it('opens on the score field and saves the check-in with the session', async () => {
  render(SessionCheckIns, { goals: [goal], sessionId: 's1', clientId: 'c' });
  await fireEvent.click(screen.getByRole('button', { name: 'Check in on “Delegate the plan”' }));
  const score = await screen.findByLabelText('Score (0–10)');
  await waitFor(() => expect(document.activeElement).toBe(score));
  await fireEvent.input(score, { target: { value: '7' } });
  await fireEvent.submit(score.closest('form')!);
  await waitFor(() => expect(calls).toHaveLength(1));
  expect(calls[0]).toMatchObject({ goalId: goal.id, details: { score: 7, rater: 'coach', session_id: 's1' } });
  await screen.findByText('1 recorded this session');
});
