// The client form's pure logic: what the inputs hold, how that becomes ClientDetails, and which
// input a core error belongs to. The core validates (and names the field, e.g. "client.email");
// the form only checks what it must to send well-typed data (dates), then shows each error next
// to its input and keeps everything the coach typed.
import type { Client } from '../bindings/Client';
import type { ClientDetails } from '../bindings/ClientDetails';
import type { EngagementStatus } from '../bindings/EngagementStatus';
import type { Stage } from '../bindings/Stage';

/** What the inputs hold: text for everything (dates "YYYY-MM-DD" or ""), tags comma-separated. */
export interface ClientFormValues {
  name: string;
  email: string;
  phone: string;
  organisation: string;
  role: string;
  stage: Stage;
  promotion_date: string;
  sponsor_name: string;
  sponsor_email: string;
  status: EngagementStatus;
  engagement_start: string;
  engagement_end: string;
  background: string;
  tags: string;
}

export type FormField = keyof ClientFormValues;

export const LABELS: Record<FormField, string> = {
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  organisation: 'Organisation',
  role: 'Role',
  stage: 'Leadership stage',
  promotion_date: 'Promotion date',
  sponsor_name: 'Sponsor name',
  sponsor_email: 'Sponsor email',
  status: 'Engagement status',
  engagement_start: 'Engagement start',
  engagement_end: 'Engagement end',
  background: 'Background',
  tags: 'Tags',
};

/** A new client: most coaches add someone they are starting to work with. */
export function emptyValues(): ClientFormValues {
  return {
    name: '',
    email: '',
    phone: '',
    organisation: '',
    role: '',
    stage: 'first_time_manager',
    promotion_date: '',
    sponsor_name: '',
    sponsor_email: '',
    status: 'active',
    engagement_start: '',
    engagement_end: '',
    background: '',
    tags: '',
  };
}

export function valuesOf(client: Client): ClientFormValues {
  return {
    name: client.name,
    email: client.email,
    phone: client.phone,
    organisation: client.organisation,
    role: client.role,
    stage: client.stage,
    promotion_date: client.promotion_date ?? '',
    sponsor_name: client.sponsor_name,
    sponsor_email: client.sponsor_email,
    status: client.status,
    engagement_start: client.engagement_start ?? '',
    engagement_end: client.engagement_end ?? '',
    background: client.background,
    tags: client.tags.join(', '),
  };
}

/** "a, b,, a , c" → ["a", "b", "c"]: trimmed, empties and repeats dropped. */
export function parseTags(text: string): string[] {
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim();
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export type FieldErrors = Partial<Record<FormField, string>>;

/**
 * The details to send, or the errors that keep it from being sent. Single-line text is trimmed
 * (a pasted " name@example.com " is still an email); the background is kept as typed.
 */
export function toDetails(v: ClientFormValues): { details: ClientDetails } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const date = (field: 'promotion_date' | 'engagement_start' | 'engagement_end'): string | null => {
    const text = v[field].trim();
    if (!text) return null;
    if (!isRealDate(text)) errors[field] = `${LABELS[field]} must be a date like 2026-03-31`;
    return text;
  };
  const details: ClientDetails = {
    name: v.name.trim(),
    email: v.email.trim(),
    phone: v.phone.trim(),
    organisation: v.organisation.trim(),
    role: v.role.trim(),
    stage: v.stage,
    promotion_date: date('promotion_date'),
    sponsor_name: v.sponsor_name.trim(),
    sponsor_email: v.sponsor_email.trim(),
    status: v.status,
    engagement_start: date('engagement_start'),
    engagement_end: date('engagement_end'),
    background: v.background,
    tags: parseTags(v.tags),
  };
  return Object.keys(errors).length ? { errors } : { details };
}

/** The input a core error field names ("client.email" → "email"), or null for the whole form. */
export function inputFor(field: string | null | undefined): FormField | null {
  if (!field) return null;
  const name = field.startsWith('client.') ? field.slice('client.'.length) : field;
  return Object.hasOwn(LABELS, name) ? (name as FormField) : null;
}

/**
 * The sentence shown next to the input: "client.email: must be an email address…" becomes
 * "Email must be an email address…", and field names inside the rule become their labels.
 */
export function errorText(field: FormField, message: string): string {
  let rule = message;
  const colon = rule.indexOf(': ');
  if (colon > 0 && /^[\w.]+$/.test(rule.slice(0, colon))) rule = rule.slice(colon + 2);
  rule = rule.replace(/\bclient\.(\w+)/g, (whole, name: string) =>
    Object.hasOwn(LABELS, name) ? LABELS[name as FormField].toLowerCase() : whole,
  );
  return `${LABELS[field]} ${rule}`;
}

/** The form's fields in page order: the first one with an error gets the focus. */
export const FIELD_ORDER: FormField[] = [
  'name', 'email', 'phone', 'organisation', 'role', 'stage', 'promotion_date', 'status',
  'engagement_start', 'engagement_end', 'sponsor_name', 'sponsor_email', 'tags', 'background',
];
