import type { Dayjs } from 'dayjs';
import type { TBooth } from '@yunpin/shared';
import { fromPickerValue, toPickerValue } from '../../lib/shanghai-time';
import type { TRotaSlot } from './booths-api';

/** One row of the rota editor; the pickers hold Beijing wall-clock times. */
export interface TRotaRow {
  userId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export function rotaRows(booth: TBooth): TRotaRow[] {
  return booth.rota.map((slot) => ({ userId: slot.userId, range: [toPickerValue(slot.startsAt), toPickerValue(slot.endsAt)] }));
}

/** The slots to save, or null when a row is incomplete or ends before it starts. */
export function rotaSlots(rows: TRotaRow[]): TRotaSlot[] | null {
  const slots: TRotaSlot[] = [];
  for (const row of rows) {
    const [start, end] = row.range ?? [];
    if (!row.userId || !start || !end || !end.isAfter(start)) return null;
    slots.push({ userId: row.userId, startsAt: fromPickerValue(start), endsAt: fromPickerValue(end) });
  }
  return slots;
}
