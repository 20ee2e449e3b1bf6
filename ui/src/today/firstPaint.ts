// Tells the shell once per launch that Today is on screen: `make bench` times launch → first
// paint from it (scripts/bench-app.sh). Waits for the frame to be painted, never throws.
import { api } from '../lib/api';

let reported = false;

export function reportFirstPaint(): void {
  if (reported) return;
  reported = true;
  const send = () => void api.firstPaint().catch(() => {});
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(send, 0));
  else send();
}
