import { afterEach, describe, expect, it } from 'vitest';
import { FormState } from './form.svelte';

type Name = 'title' | 'target';

function setup() {
  const root = document.createElement('form');
  root.innerHTML = '<input id="x-title"><input id="x-target">';
  document.body.append(root);
  const form = new FormState<Name>({ fields: ['title', 'target'], idOf: (f) => `x-${f}`, root: () => root, prefix: 'goal' });
  return { root, form };
}

afterEach(() => document.body.replaceChildren());

describe('FormState', () => {
  it('a save that works answers the result and clears earlier errors', async () => {
    const { form } = setup();
    await form.show({ title: 'Type a title' });
    expect(await form.save(async () => 'saved')).toBe('saved');
    expect(form.errors).toEqual({});
    expect(form.formError).toBeNull();
    expect(form.saving).toBe(false);
  });

  it('a refusal that names a field goes under that field, which gets the focus', async () => {
    const { form } = setup();
    const out = await form.save(async () => {
      throw { kind: 'invalid', field: 'goal.target', message: 'must be from 0 to 10' };
    });
    expect(out).toBeUndefined();
    expect(form.errors).toEqual({ target: 'must be from 0 to 10' });
    expect(form.formError).toBeNull();
    expect(document.activeElement?.id).toBe('x-target');
  });

  it('an error no field owns goes above the form', async () => {
    const { form } = setup();
    await form.show({ title: 'old' });
    await form.save(async () => {
      throw { kind: 'read_only', field: null, message: 'read-only: the disk does not allow changes' };
    });
    expect(form.errors).toEqual({});
    expect(form.formError).toBe('read-only: the disk does not allow changes');
  });

  it('a field of another form (another prefix) is not taken for one of these', async () => {
    const { form } = setup();
    await form.save(async () => {
      throw { kind: 'invalid', field: 'client.title', message: 'client.title: no' };
    });
    expect(form.errors).toEqual({});
    expect(form.formError).toBe('client.title: no');
  });

  it('a second submit while saving does not call again', async () => {
    const { form } = setup();
    let release = () => {};
    let calls = 0;
    const first = form.save(() => {
      calls += 1;
      return new Promise<string>((resolve) => (release = () => resolve('one')));
    });
    expect(form.saving).toBe(true);
    expect(await form.save(async () => (calls += 1))).toBeUndefined();
    release();
    expect(await first).toBe('one');
    expect(calls).toBe(1);
  });
});
