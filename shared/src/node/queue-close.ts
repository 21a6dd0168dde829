/** What BullMQ's workers and queues offer to end their Redis connections. */
export interface BullmqClosable {
  close(): Promise<void>;
  disconnect(): Promise<void>;
}

/**
 * Closes BullMQ workers or queues gracefully, waiting at most `deadlineMs`; returns false when
 * the deadline passed. BullMQ's close waits for ioredis' "end" event, which never comes for a
 * connection that is reconnecting (just after a Redis outage, or while Redis is down): without a
 * bound, shutting down then would hang for good (BullMQ issue 4656). Past the deadline the
 * connections are dropped instead. A job cut short keeps its lock until the lock expires and then
 * runs again; jobs are idempotent, so nothing is lost or doubled.
 */
export async function closeWithin(targets: readonly BullmqClosable[], deadlineMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), deadlineMs);
  });
  try {
    const inTime = await Promise.race([Promise.all(targets.map((t) => t.close())).then(() => true as const), late]);
    // Dropping a connection that never says "end" clears its reconnect timer; the promise itself may never settle.
    if (!inTime) for (const target of targets) target.disconnect().catch(() => undefined);
    return inTime;
  } finally {
    clearTimeout(timer);
  }
}
