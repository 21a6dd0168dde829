import type { Dayjs } from 'dayjs';
import { ZCreateFairSchema, type TCreateFair, type TFair, type TFairLevel, type TPriorityLane } from '@yunpin/shared';
import { fromPickerValue, toPickerValue } from '../../lib/shanghai-time';

/** The fields of the fair form; the range pickers hold Beijing wall-clock times. */
export interface TFairFormValues {
  title?: string;
  description?: string;
  level?: TFairLevel;
  townIds?: string[];
  regionIds?: string[];
  range?: [Dayjs | null, Dayjs | null] | null;
  capacity?: number | null;
  priorityLanes?: TPriorityLane[];
  callTimeoutSeconds?: number | null;
}

export const NEW_FAIR_VALUES: TFairFormValues = {
  level: 'district',
  townIds: [],
  regionIds: [],
  priorityLanes: [],
  callTimeoutSeconds: 60,
};

export function fairFormValues(fair: TFair): TFairFormValues {
  return {
    title: fair.title,
    description: fair.description,
    level: fair.level,
    townIds: fair.hosts.townIds,
    regionIds: fair.hosts.regionIds,
    range: [toPickerValue(fair.startsAt), toPickerValue(fair.endsAt)],
    capacity: fair.capacity,
    priorityLanes: fair.priorityLanes,
    callTimeoutSeconds: fair.callTimeoutSeconds,
  };
}

/** The request body, checked with the server's schema (end after start included); null when invalid. */
export function fairPayload(values: TFairFormValues): TCreateFair | null {
  const [start, end] = values.range ?? [];
  const parsed = ZCreateFairSchema.safeParse({
    title: values.title?.trim(),
    description: values.description?.trim() ?? '',
    level: values.level,
    hosts: { townIds: values.townIds ?? [], regionIds: values.regionIds ?? [] },
    startsAt: start ? fromPickerValue(start) : undefined,
    endsAt: end ? fromPickerValue(end) : undefined,
    capacity: values.capacity ?? undefined,
    priorityLanes: values.priorityLanes ?? [],
    callTimeoutSeconds: values.callTimeoutSeconds ?? undefined,
  });
  return parsed.success ? parsed.data : null;
}
