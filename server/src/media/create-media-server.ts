import path from 'node:path';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { startJanus, type JanusLaunchOptions, type JanusProcess } from '../services/janus-launcher.js';
import { GrantAuthority, loadGrantSecret } from './grants.js';
import { JanusMediaServer, type JanusMediaServerOptions } from './janus/JanusMediaServer.js';
import type { MediaServer } from './media-server.js';

export interface MediaPlane {
  media: MediaServer;
  /** The Janus this process started (when JANUS_WS_URL is unset). */
  janus: JanusProcess | undefined;
  /** Closes the media server, then stops the Janus it started. */
  close(): Promise<void>;
}

export interface CreateMediaServerOptions {
  /** Grant signing secret; read from (or created in) DATA_DIR when omitted. */
  grantSecret?: Buffer;
  launch?: JanusLaunchOptions;
  tuning?: Pick<JanusMediaServerOptions, 'joinTimeoutMs' | 'emptyRoomGraceMs' | 'healthIntervalMs' | 'healthTimeoutMs' | 'reconnectIntervalMs'>;
}

/** Connects to JANUS_WS_URL, or starts a supervised Janus from PATH when it is unset (development). */
export async function createMediaServer(config: Config, logger: Logger, options: CreateMediaServerOptions = {}): Promise<MediaPlane> {
  const grants = new GrantAuthority(options.grantSecret ?? (await loadGrantSecret(config.dataDir)));
  const janus = config.janusWsUrl ? undefined : await startJanus(logger, { dir: path.join(config.dataDir, 'janus'), restartOnExit: true, ...options.launch });
  const url = janus?.url ?? config.janusWsUrl;
  if (!url) throw new Error('no Janus URL');
  let media: JanusMediaServer;
  try {
    media = await JanusMediaServer.create({
      url,
      grants,
      logger,
      ...(janus ? { adminKey: janus.adminKey } : {}),
      ...options.tuning,
    });
  } catch (error) {
    await janus?.stop();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    media,
    janus,
    close() {
      closing ??= (async () => {
        await media.close();
        await janus?.stop();
      })();
      return closing;
    },
  };
}
