import type { ServerToClientEvents, TBoothChanges } from '@yunpin/shared';

/** Room names, one place: lobby watchers, queue watchers, a booth's staff, one user's sockets, presentation followers. */
export const rooms = {
  lobby: (fairId: string) => `fair:${fairId}`,
  queue: (boothId: string) => `booth:${boothId}`,
  staff: (boothId: string) => `staff:${boothId}`,
  user: (userId: string) => `user:${userId}`,
  /** Everyone following a booth's presentation (booth page visitors and its staff). */
  presentation: (boothId: string) => `presentation:${boothId}`,
};

/**
 * How the live fair reaches people; the Socket.IO layer implements it (across nodes through the
 * Redis adapter), so the domain never imports Socket.IO.
 */
export interface Broadcaster {
  /** Sends to everyone in the room, or in any of the rooms (once each): one message between nodes either way. */
  emit<E extends keyof ServerToClientEvents>(room: string | string[], event: E, ...args: Parameters<ServerToClientEvents[E]>): void;
  /** Sends to this node's sockets in the room only. */
  emitLocal<E extends keyof ServerToClientEvents>(room: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): void;
  /** Whether any socket on this node is in the room. */
  hasLocal(room: string): boolean;
  /** Tells the other nodes which booths changed, so each re-broadcasts them to its own sockets. */
  shareChanges(changes: TBoothChanges): void;
  /** Makes every socket in `fromRoom` (e.g. all of a user's tabs, on any node) join or leave `room`. */
  join(fromRoom: string, room: string): void;
  leave(fromRoom: string, room: string): void;
}
