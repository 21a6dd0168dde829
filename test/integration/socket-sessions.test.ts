import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { createLiveFair, type LiveFixtures } from '../support/live-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { ask, connectAs, must, next, type TestSocket } from '../support/sockets.js';
import { waitFor } from '../support/wait.js';

/** Sessions behind sockets are re-read in the background, many at once, every half of this. */
const RECHECK_MS = 800;

describe('socket sessions: re-read in the background, cut when they end', () => {
  let t: TestPlatform;
  let f: Fixtures;
  let live: LiveFixtures;
  const open: TestSocket[] = [];

  async function connect(login: string) {
    const c = await connectAs(t.url, login, PASSWORD);
    open.push(c.socket);
    return c;
  }

  /** Resolves with the disconnect reason, or fails after `ms`: the socket sends nothing meanwhile. */
  function cutWithin(socket: TestSocket, ms: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`socket still connected after ${ms} ms`)), ms);
      socket.once('disconnect', (reason) => {
        clearTimeout(timer);
        resolve(reason);
      });
    });
  }

  beforeAll(async () => {
    t = await startTestPlatform({ socket: { sessionRecheckMs: RECHECK_MS, rateLimit: { burst: 1000, perSecond: 1000 } } });
    f = await createFixtures(t.platform.ctx.db);
    live = await createLiveFair(t.platform.ctx.db, f, { graduateCount: 3, maxChats: 2 });
  });
  afterEach(() => {
    for (const s of open.splice(0)) s.disconnect();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('cuts a socket whose session was logged out, though the socket sends nothing', async () => {
    const { socket, api } = await connect(live.graduates[0]!.login);
    expect((await ask(socket, 'queue:mine', {})).ok).toBe(true);
    const cut = cutWithin(socket, 5 * RECHECK_MS);
    expect((await api.post('/api/v1/auth/logout')).status).toBe(204);
    expect(await cut).toBe('io server disconnect');
  });

  it("cuts every socket of a user whose password changed, except through the session that changed it", async () => {
    const other = await connect(live.graduates[1]!.login);
    const own = await connect(live.graduates[1]!.login);
    const cut = cutWithin(other.socket, 5 * RECHECK_MS);
    const changed = await own.api.post('/api/v1/account/password', { currentPassword: PASSWORD, newPassword: 'N3w-passw0rd-2026' });
    expect(changed.status).toBe(204);
    expect(await cut).toBe('io server disconnect');
    // The session that made the change lives on, and so does its socket.
    await new Promise((r) => setTimeout(r, 2 * RECHECK_MS));
    expect(own.socket.connected).toBe(true);
    expect((await ask(own.socket, 'queue:mine', {})).ok).toBe(true);
  });

  it("cuts a disabled user's socket", async () => {
    const { socket } = await connect(live.graduates[2]!.login);
    expect((await ask(socket, 'queue:mine', {})).ok).toBe(true);
    const cut = cutWithin(socket, 5 * RECHECK_MS);
    await t.platform.ctx.db.updateTable('users').set({ is_disabled: true }).where('id', '=', live.graduates[2]!.id).execute();
    try {
      expect(await cut).toBe('io server disconnect');
    } finally {
      await t.platform.ctx.db.updateTable('users').set({ is_disabled: false }).where('id', '=', live.graduates[2]!.id).execute();
    }
  });

  it('acts as the user is now: a recruiter renamed while connected calls under the new name', async () => {
    const graduate = await connect(live.graduates[0]!.login);
    const recruiter = await connect(live.logins.recruiterB);
    await must(graduate.socket, 'queue:join', { boothId: live.booths.b });
    expect((await recruiter.api.patch('/api/v1/account', { name: '乙公司 王老师' })).status).toBe(200);
    // Until the session is read again the old name may still show; the call goes back to the queue then.
    const name = await waitFor(async () => {
      const incoming = next(graduate.socket, 'call:incoming');
      const call = await must(recruiter.socket, 'call:next', { boothId: live.booths.b });
      const { recruiterName } = await incoming;
      if (recruiterName === '乙公司 王老师') return recruiterName;
      await must(recruiter.socket, 'call:return', { callId: call!.callId });
      await new Promise((r) => setTimeout(r, RECHECK_MS / 4));
      return undefined;
    }, 'the new name on a call', 10 * RECHECK_MS);
    expect(name).toBe('乙公司 王老师');
  });
});
