import { TICKET_LENGTH, type TBoothQueueSnapshot } from './socket-events.js';

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

/** A ticket's index in the snapshot's call order and its held flag, or undefined when it is not queued. */
export function findTicket(snapshot: TBoothQueueSnapshot, ticket: string): { index: number; isHeld: boolean } | undefined {
  for (let at = 0; at < snapshot.tickets.length; at += TICKET_LENGTH) {
    if (snapshot.tickets.startsWith(ticket, at)) {
      const index = at / TICKET_LENGTH;
      return { index, isHeld: snapshot.held[index] === '1' };
    }
  }
  return undefined;
}

/**
 * A ticket's place in a booth queue: only those ahead who can be called now count
 * (held graduates keep their place but are skipped). Undefined when the ticket is not queued.
 */
export function placeOf(snapshot: TBoothQueueSnapshot, ticket: string): TPlaceFigures | undefined {
  const found = findTicket(snapshot, ticket);
  if (!found) return undefined;
  let ahead = 0;
  for (let i = 0; i < found.index; i++) if (snapshot.held[i] !== '1') ahead += 1;
  return placeFigures({ ahead, waitingTotal: snapshot.held.length, isHeld: found.isHeld, servers: snapshot.servers, averageServiceSeconds: snapshot.averageServiceSeconds });
}

/** A place's figures from those ahead who can be called now, however they were counted. */
export function placeFigures(o: { ahead: number; waitingTotal: number; isHeld: boolean; servers: number; averageServiceSeconds: number | null }): TPlaceFigures {
  const position = o.ahead + 1;
  return { position, waitingTotal: o.waitingTotal, isHeld: o.isHeld, estimatedWaitSeconds: estimateWaitSeconds(position, o.servers, o.averageServiceSeconds) };
}
