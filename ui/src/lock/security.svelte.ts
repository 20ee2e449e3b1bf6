// Whether the open practice has a passphrase and when it locks itself: read when it opens and
// after the Security screen changes either. The idle lock and the Lock button read it.
import { api } from '../lib/api';

export const security = $state({
  encrypted: false,
  /** 0: never. */
  lockAfterMinutes: 0,
});

export async function refreshSecurity(): Promise<void> {
  try {
    const s = await api.securityStatus();
    security.encrypted = s.encrypted;
    security.lockAfterMinutes = s.lock_after_minutes;
  } catch {
    // Without the status the app simply does not lock by itself; the screen says more.
  }
}
