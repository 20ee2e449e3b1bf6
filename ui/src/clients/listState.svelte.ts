// The clients list remembers its filters, sort, typed text and highlighted client for the whole
// app session: open a client, press Esc, and the list is exactly as it was, on the same row.
import type { EngagementStatus } from '../bindings/EngagementStatus';
import type { Stage } from '../bindings/Stage';
import type { SortKey } from './list';

export const listState = $state({
  status: '' as EngagementStatus | '',
  stage: '' as Stage | '',
  archived: false,
  sort: 'name' as SortKey,
  query: '',
  highlightId: null as string | null,
});
