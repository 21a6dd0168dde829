import type { TBoothQueueSnapshot } from './socket-events.js';

export interface TPlaceFigures {
  position: number;
  waitingTotal: number;
  isHeld: boolean;
  estimatedWaitSeconds: number | null;
}

/** Estimated wait for someone at `position`: full rounds of the booth's capacity × mean service time. */
export function estimateWaitSeconds(position: number, servers: number, averageServiceSeconds: number | null): number | null {
  if (averageServiceSeconds === null) return null;
  return Math.ceil(position / Math.max(1, servers)) * averageServiceSeconds;
}

/**
 * A ticket's place in a booth queue: only those ahead who can be called now count
 * (held graduates keep their place but are skipped). Undefined when the ticket is not queued.
 */
export function placeOf(snapshot: TBoothQueueSnapshot, ticket: string): TPlaceFigures | undefined {
  let ahead = 0;
  for (const entry of snapshot.entries) {
    if (entry.ticket === ticket) {
      const position = ahead + 1;
      return {
        position,
        waitingTotal: snapshot.entries.length,
        isHeld: entry.isHeld,
        estimatedWaitSeconds: estimateWaitSeconds(position, snapshot.servers, snapshot.averageServiceSeconds),
      };
    }
    if (!entry.isHeld) ahead += 1;
  }
  return undefined;
}
