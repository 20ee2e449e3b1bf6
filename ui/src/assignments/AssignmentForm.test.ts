// The assignment and goal forms against a mocked IPC: the core's error lands on its field,
// retired competencies are not offered.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import AssignmentForm from './AssignmentForm.svelte';
import GoalForm from '../goals/GoalForm.svelte';

const CLIENT = '7d3f5f0e-3a61-4c55-9a1e-2f4b8f0f0002';
let created: unknown[] = [];

beforeEach(() => {
  mockWindows('main');
  created = [];
  mockIPC(async (cmd, args) => {
    const a = (args ?? {}) as { details?: { stakes: number; support_plan: string } };
    switch (cmd) {
      case 'client_goals':
        return [];
      case 'competencies':
        return [
          { id: 'c1', name: 'Composure', group: 'Self', description: '', position: 1, retired: false },
          { id: 'c2', name: 'Old thing', group: 'Self', description: '', position: 2, retired: true },
        ];
      case 'create_assignment':
        if (a.details!.stakes >= 4 && !a.details!.support_plan.trim()) {
          throw {
            kind: 'invalid',
            field: 'assignment.support_plan',
            message: 'assignment.support_plan: is required when stakes are 4 or higher',
          };
        }
        created.push(a.details);
        return { id: 'a1', client_id: CLIENT, ...a.details };
      default:
        return null;
    }
  });
});

afterEach(() => clearMocks());

describe('AssignmentForm', () => {
  it('shows the support plan error on its field at stakes 5, then saves with a plan', async () => {
    let saved = 0;
    render(AssignmentForm, { clientId: CLIENT, onsaved: () => saved++, oncancel: () => {} });
    await fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Lead the P1 bridge' } });
    await fireEvent.change(screen.getByLabelText('Stakes'), { target: { value: '5' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Create assignment' }));
    const plan = await screen.findByLabelText('Support plan (required from stakes 4)');
    await waitFor(() => expect(plan.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('af-support-plan-error')?.textContent).toMatch(/required when stakes/);
    expect(document.activeElement).toBe(plan);
    await fireEvent.input(plan, { target: { value: 'On call all day' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Create assignment' }));
    await waitFor(() => expect(saved).toBe(1));
    expect(created).toHaveLength(1);
  });
});

describe('GoalForm', () => {
  it('offers only competencies that are not retired', async () => {
    render(GoalForm, { clientId: CLIENT, onsaved: () => {}, oncancel: () => {} });
    await screen.findByRole('option', { name: 'Self · Composure' });
    expect(screen.queryByRole('option', { name: /Old thing/ })).toBeNull();
  });
});
