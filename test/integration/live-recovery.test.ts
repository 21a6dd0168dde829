import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/client.js';
import { createFixtures, PASSWORD } from '../support/fixtures.js';
import { createLiveFair, type LiveFixtures } from '../support/live-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { must, next, type TestSocket } from '../support/sockets.js';

describe('connection-state recovery', () => {
  let t: TestPlatform;
  let live: LiveFixtures;

  beforeAll(async () => {
    t = await startTestPlatform();
    live = await createLiveFair(t.platform.ctx.db, await createFixtures(t.platform.ctx.db), { graduateCount: 2 });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function reconnectingSocket(login: string): Promise<{ socket: TestSocket; api: ApiClient }> {
    const api = new ApiClient(t.url);
    await api.login(login, PASSWORD);
    const socket: TestSocket = io(t.url, { transports: ['websocket'], extraHeaders: { cookie: api.cookie ?? '' }, reconnectionDelay: 50, reconnectionDelayMax: 100, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return { socket, api };
  }

  it('recovers a dropped connection with its rooms, still receiving lobby updates', async () => {
    const { socket } = await reconnectingSocket(live.graduates[0]!.login);
    const other = await reconnectingSocket(live.graduates[1]!.login);
    const recruiter = await reconnectingSocket(live.logins.recruiterA);
    try {
      await must(socket, 'lobby:enter', { fairId: live.fairId });
      // Recovery resumes from the last message received through the adapter (one sent to this
      // user: booth snapshots are sent by each node to its own sockets, outside the adapter).
      await must(socket, 'queue:join', { boothId: live.booths.a });
      const incoming = next(socket, 'call:incoming');
      const call = await must(recruiter.socket, 'call:next', { boothId: live.booths.a });
      expect((await incoming).callId).toBe(call!.callId);
      await must(socket, 'call:decline', { callId: call!.callId });

      const reconnected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.io.engine.close();
      await reconnected;
      expect(socket.recovered).toBe(true);

      // Still in the lobby room without entering again.
      const update = next(socket, 'lobby:booth-updated', (b) => b.boothId === live.booths.b && b.waiting === 1);
      await must(other.socket, 'queue:join', { boothId: live.booths.b });
      expect((await update).fairId).toBe(live.fairId);
      await must(other.socket, 'queue:leave', { boothId: live.booths.b });
    } finally {
      socket.close();
      other.socket.close();
      recruiter.socket.close();
    }
  });

  it('re-checks the session when recovering: a logged-out session cannot come back', async () => {
    const { socket, api } = await reconnectingSocket(live.graduates[0]!.login);
    try {
      await must(socket, 'queue:mine', {});
      await api.post('/api/v1/auth/logout');
      const refused = new Promise<Error>((resolve) => socket.once('connect_error', resolve));
      socket.io.engine.close();
      expect((await refused).message).toBe('unauthenticated');
    } finally {
      socket.close();
    }
  });
});
