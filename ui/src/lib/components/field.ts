// The attributes a labelled control needs, in one place: every form's inputs get their id,
// aria-invalid and aria-describedby from here, so a hint or an error is always read with the
// control and an error id is always `<id>-error` (tests and focus code rely on that).

/** What `Field` hands to the control it wraps: spread them onto the input, select or textarea. */
export interface ControlAttrs {
  id: string;
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
}

export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

/** The control's attributes for a field with this hint and error (either may be absent). */
export function controlAttrs(
  id: string,
  { hint, error, describedby }: { hint?: string | null; error?: string | null; describedby?: string } = {},
): ControlAttrs {
  const ids = [describedby, hint ? hintId(id) : null, error ? errorId(id) : null].filter(Boolean);
  return {
    id,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': ids.length ? ids.join(' ') : undefined,
  };
}
