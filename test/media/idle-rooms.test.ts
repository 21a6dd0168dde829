import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/src/logger.js';
import { GrantAuthority } from '../../server/src/media/grants.js';
import { JanusMediaServer } from '../../server/src/media/janus/JanusMediaServer.js';
import { startJanus, type JanusProcess } from '../../server/src/services/janus-launcher.js';
import { createFixtures, PASSWORD, type Fixtures } from '../support/fixtures.js';
import { insertCallBooking, leaveCalls, openIdleCalls, type CallSocket } from '../support/interview-call.js';
import { listJanusRooms, openJanusControl, type JanusControl } from '../support/janus-rooms.js';
import { startTestPlatform, type TestPlatform } from '../support/platform.js';
import { connectAs, connectWithCookie } from '../support/sockets.js';

const ROOMS = 100;
const EMPTY_DUMP = { rooms: 0, roomSpecs: 0, peers: 0, joining: 0, subscriptions: 0, subscriberHandles: 0, revocations: 0 };

/** Real platform and Janus (its own, on free ports): interview rooms opened and closed through Socket.IO leave nothing behind. */
describe('100 idle interview rooms', () => {
  let janus: JanusProcess;
  let control: JanusControl;
  let media: JanusMediaServer | undefined;
  let t: TestPlatform;
  let f: Fixtures;
  const sockets: CallSocket[] = [];

  beforeAll(async () => {
    const logger = createLogger('silent');
    janus = await startJanus(logger);
    control = await openJanusControl(janus.url);
    t = await startTestPlatform({
      media: async () => {
        media = await JanusMediaServer.create({ url: janus.url, adminKey: janus.adminKey, grants: new GrantAuthority(randomBytes(32)), logger });
        return { media, close: () => media!.close() };
      },
    });
    f = await createFixtures(t.platform.ctx.db);
  });

  afterAll(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await t?.close();
    await control?.close();
    await janus?.stop();
  });

  it('open 100 rooms, close them, and neither the media server nor Janus keeps any room state', async () => {
    const bookingIds: string[] = [];
    for (let i = 0; i < ROOMS; i++) bookingIds.push(await insertCallBooking(t.platform.ctx.db, f));
    // One login; the interviewer is in each call from a socket (a tab) of its own.
    const { socket: first, api } = await connectAs(t.url, f.logins.recruiter, PASSWORD);
    sockets.push(first as unknown as CallSocket);
    while (sockets.length < ROOMS) sockets.push((await connectWithCookie(t.url, api.cookie!)) as unknown as CallSocket);
    const before = await listJanusRooms(control, janus.adminKey);

    const rooms = await openIdleCalls(sockets, bookingIds);
    expect(new Set(rooms).size).toBe(ROOMS);
    expect(media!.dump()).toMatchObject({ rooms: ROOMS, roomSpecs: ROOMS, peers: 0, joining: 0, subscriptions: 0, subscriberHandles: 0 });
    expect((await media!.health()).rooms).toBe(ROOMS);
    expect(await listJanusRooms(control, janus.adminKey)).toHaveLength(before.length + ROOMS);

    await leaveCalls(sockets, bookingIds);
    expect(media!.dump()).toEqual(EMPTY_DUMP);
    expect(await listJanusRooms(control, janus.adminKey)).toEqual(before);

    // The same bookings open again from scratch: nothing stale stands in the way, and a disconnect closes them too.
    await openIdleCalls(sockets.slice(0, 10), bookingIds.slice(0, 10));
    expect(media!.dump()).toMatchObject({ rooms: 10 });
    for (const socket of sockets.splice(0)) socket.close();
    await expect.poll(() => media!.dump(), { timeout: 10_000 }).toEqual(EMPTY_DUMP);
    await expect.poll(() => listJanusRooms(control, janus.adminKey), { timeout: 10_000 }).toEqual(before);
  });
});
