import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { createLogger } from '../../server/src/logger.js';
import { createMediaServer } from '../../server/src/media/create-media-server.js';
import { GRANT_KEY_FILE } from '../../server/src/media/grants.js';

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('createMediaServer without JANUS_WS_URL', () => {
  it('starts Janus with a config in DATA_DIR, keeps the grant secret there, and stops Janus on close', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yp-media-'));
    try {
      const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
      const plane = await createMediaServer(config, createLogger('silent'));
      const pid = plane.janus?.pid();
      expect(pid).toBeTypeOf('number');
      const generated = await fs.readFile(path.join(dataDir, 'janus', 'janus.transport.websockets.jcfg'), 'utf8');
      expect(generated).toContain('ws_ip = "127.0.0.1"');
      expect(await fs.readFile(path.join(dataDir, 'janus', 'janus.jcfg'), 'utf8')).toContain(`ice_enforce_list = "${plane.janus!.iceAddress}"`);
      expect(plane.janus!.iceAddress).not.toMatch(/^127\./);
      await fs.access(path.join(dataDir, GRANT_KEY_FILE));
      const { roomId } = await plane.media.createRoom();
      await expect(plane.media.join(plane.media.issueGrant({ roomId, peerId: 'p', role: 'host' }))).resolves.toMatchObject({ roomId, peerId: 'p' });
      expect(await plane.media.health()).toMatchObject({ isUp: true, rooms: 1, peers: 1 });
      await Promise.all([plane.close(), plane.close()]);
      expect(isRunning(pid!)).toBe(false);
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
