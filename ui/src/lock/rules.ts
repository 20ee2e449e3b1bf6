// The rules of the passphrase forms, checked before anything is sent (the core checks again).

/** The core's rule for a new passphrase (coachbook::store::MIN_NEW_LEN). */
export const MIN_LENGTH = 8;

export interface NewPassphraseErrors {
  passphrase?: string;
  confirm?: string;
}

/** What is wrong with a new passphrase and its confirmation, by field; empty when fine. */
export function checkNew(passphrase: string, confirm: string): NewPassphraseErrors {
  const errors: NewPassphraseErrors = {};
  if ([...passphrase].length < MIN_LENGTH) {
    errors.passphrase = `Use at least ${MIN_LENGTH} characters.`;
  } else if (confirm !== passphrase) {
    errors.confirm = 'This does not match the passphrase above.';
  }
  return errors;
}

/** "Lock after" as typed: minutes, 0 for never; null when it is not a number in range. */
export function parseMinutes(text: string): number | null {
  const n = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1440) return null;
  return n;
}
