// What every form does with errors: find which of its fields a core error names, say the rule
// without repeating the field (the error sits right under it), and put the focus on the first
// field that needs attention so the keyboard user lands where the problem is.
import { tick } from 'svelte';

/** The form's own name for the field a core error names (`goal.title` → `title`), if it has it. */
export function fieldOf<F extends string>(
  field: string | null | undefined,
  prefix: string,
  fields: readonly F[],
): F | null {
  if (!field) return null;
  const name = field.startsWith(`${prefix}.`) ? field.slice(prefix.length + 1) : field;
  return (fields as readonly string[]).includes(name) ? (name as F) : null;
}

/** `coach.name: must be …` → `Must be …` (or `must be …` when `capitalise` is false). */
export function ruleOf(message: string, field: string | null | undefined, capitalise = true): string {
  const rule = field && message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
  return capitalise ? rule.charAt(0).toUpperCase() + rule.slice(1) : rule;
}

/**
 * After the errors are shown: focuses the control of the first field in `order` that has one.
 * `idOf` gives the control's id (Field's `id`).
 */
export async function focusFirstError<F extends string>(
  root: ParentNode | null | undefined,
  order: readonly F[],
  errors: Partial<Record<F, unknown>>,
  idOf: (f: F) => string,
): Promise<void> {
  await tick();
  const first = order.find((f) => errors[f]);
  if (first) root?.querySelector<HTMLElement>(`[id="${idOf(first)}"]`)?.focus();
}
