import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../logger.js';
import { freePort } from './free-port.js';

export const JANUS_INSTALL_HINT =
  'janus was not found on PATH. Install it (Debian/Ubuntu: sudo apt-get install -y janus) or set JANUS_WS_URL=ws://host:8188 to use a running Janus.';

/** Where distributions put Janus's plugins and transports (Debian: /usr/lib/<triplet>/janus). */
const JANUS_LIB_CANDIDATES = ['/usr/lib/x86_64-linux-gnu/janus', '/usr/lib/aarch64-linux-gnu/janus', '/usr/lib/janus', '/usr/local/lib/janus', '/opt/janus/lib/janus'];
const START_TIMEOUT_MS = 15_000;
const STOP_GRACE_MS = 5_000;
const RESTART_DELAY_MS = 300;

export interface JanusLaunchOptions {
  /** Folder for the generated configuration; a fresh temporary folder when omitted. */
  dir?: string;
  /** Address Janus offers for ICE; the host's first non-loopback IPv4 address when omitted. */
  iceAddress?: string;
  wsPort?: number;
  /** RTP/RTCP ports Janus may use, inclusive. */
  rtpPorts?: { min: number; max: number };
  /** Start Janus again when it exits unexpectedly (the media server then recreates its rooms). */
  restartOnExit?: boolean;
  binary?: string;
  libDir?: string;
}

export interface JanusProcess {
  readonly url: string;
  readonly iceAddress: string;
  readonly wsPort: number;
  /** Secret Janus asks for before creating rooms. */
  readonly adminKey: string;
  /** Process id of the running Janus, undefined while it is down. */
  pid(): number | undefined;
  stop(): Promise<void>;
}

/** The host's own non-loopback IPv4 address: Janus skips loopback when gathering ICE candidates. */
export function findIceAddress(interfaces = os.networkInterfaces()): string {
  const candidates: string[] = [];
  for (const entries of Object.values(interfaces)) {
    for (const entry of entries ?? []) {
      if (entry.family === 'IPv4' && !entry.internal && !entry.address.startsWith('169.254.')) candidates.push(entry.address);
    }
  }
  const address = candidates[0];
  if (!address) {
    throw new Error('No non-loopback IPv4 address found: Janus does not gather ICE candidates on loopback, so media needs a network interface (any private address will do).');
  }
  return address;
}

function findLibDir(): string {
  const found = JANUS_LIB_CANDIDATES.find((dir) => existsSync(path.join(dir, 'plugins', 'libjanus_videoroom.so')));
  if (!found) throw new Error(`Janus's videoroom plugin was not found in ${JANUS_LIB_CANDIDATES.join(', ')}. ${JANUS_INSTALL_HINT}`);
  return found;
}

/** A run of `count` UDP ports above 20000 that are all free now, picked at random so parallel Januses rarely meet. */
async function freeRtpRange(count = 100): Promise<{ min: number; max: number }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const min = 20_000 + Math.floor(Math.random() * 400) * count;
    const ports = Array.from({ length: count }, (_, i) => min + i);
    if ((await Promise.all(ports.map(udpPortIsFree))).every(Boolean)) return { min, max: min + count - 1 };
  }
  throw new Error('no free range of UDP ports for Janus RTP');
}

function udpPortIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, () => socket.close(() => resolve(true)));
  });
}

function janusConfig(options: { dir: string; libDir: string; iceAddress: string; rtpPorts: { min: number; max: number } }): string {
  return `general: {
  configs_folder = "${options.dir}"
  plugins_folder = "${path.join(options.dir, 'plugins')}"
  transports_folder = "${path.join(options.dir, 'transports')}"
  events_folder = "${path.join(options.dir, 'none')}"
  loggers_folder = "${path.join(options.dir, 'none')}"
  debug_level = 3
  server_name = "yunpin-media"
  session_timeout = 60
}
media: {
  rtp_port_range = "${options.rtpPorts.min}-${options.rtpPorts.max}"
}
nat: {
  ice_enforce_list = "${options.iceAddress}"
  ignore_mdns = true
  nice_debug = false
}
events: {
  broadcast = false
}
`;
}

/** Writes a configs folder holding only the videoroom plugin and the WebSocket transport. */
async function writeConfig(dir: string, libDir: string, iceAddress: string, wsPort: number, rtpPorts: { min: number; max: number }, adminKey: string): Promise<void> {
  for (const sub of ['plugins', 'transports', 'none']) await fs.mkdir(path.join(dir, sub), { recursive: true });
  const links: [string, string][] = [
    [path.join(libDir, 'plugins', 'libjanus_videoroom.so'), path.join(dir, 'plugins', 'libjanus_videoroom.so')],
    [path.join(libDir, 'transports', 'libjanus_websockets.so'), path.join(dir, 'transports', 'libjanus_websockets.so')],
  ];
  for (const [target, link] of links) {
    await fs.rm(link, { force: true });
    await fs.symlink(target, link);
  }
  await fs.writeFile(path.join(dir, 'janus.jcfg'), janusConfig({ dir, libDir, iceAddress, rtpPorts }));
  await fs.writeFile(
    path.join(dir, 'janus.transport.websockets.jcfg'),
    `general: {\n  json = "compact"\n  ws = true\n  ws_port = ${wsPort}\n  ws_ip = "127.0.0.1"\n  wss = false\n}\nadmin: {\n  admin_ws = false\n  admin_wss = false\n}\n`,
  );
  // No rooms in the file: the media server creates its own, and admin_key stops anyone else creating any.
  await fs.writeFile(path.join(dir, 'janus.plugin.videoroom.jcfg'), `general: {\n  admin_key = "${adminKey}"\n}\n`);
}

/** Resolves once the WebSocket transport accepts connections (the HTTP upgrade answers 101). */
async function waitForWs(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`janus exited (${child.exitCode ?? child.signalCode}) while starting`);
    if (await wsAnswers(port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`janus did not answer on ws://127.0.0.1:${port} within ${START_TIMEOUT_MS / 1000} s`);
}

function wsAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => {
      const key = randomBytes(16).toString('base64');
      socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: janus-protocol\r\n\r\n`);
    });
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) done(answer.startsWith('HTTP/1.1 101'));
    });
  });
}

function spawnJanus(binary: string, dir: string): Promise<ChildProcess> {
  // Its own process group, so stop() reaches anything Janus starts.
  const child = spawn(binary, ['-F', dir, '-C', path.join(dir, 'janus.jcfg'), '-o'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  return new Promise((resolve, reject) => {
    child.once('spawn', () => resolve(child));
    child.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new Error(JANUS_INSTALL_HINT) : error));
  });
}

function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-pid, signal);
      } catch {
        // the group is already gone
      }
    };
    // Janus takes 1–3 s to exit after SIGTERM.
    const timer = setTimeout(() => kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    kill('SIGTERM');
  });
}

/** Starts Janus from PATH with a generated loopback-only configuration, for development and tests. */
export async function startJanus(logger: Logger, options: JanusLaunchOptions = {}): Promise<JanusProcess> {
  const binary = options.binary ?? 'janus';
  const iceAddress = options.iceAddress ?? findIceAddress();
  const libDir = options.libDir ?? findLibDir();
  const ownsDir = !options.dir;
  const dir = options.dir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'yp-janus-')));
  const wsPort = options.wsPort ?? (await freePort());
  const rtpPorts = options.rtpPorts ?? (await freeRtpRange());
  const adminKey = randomBytes(18).toString('base64url');
  await fs.mkdir(dir, { recursive: true });
  await writeConfig(dir, libDir, iceAddress, wsPort, rtpPorts, adminKey);
  const log = logger.child({ janus: `ws://127.0.0.1:${wsPort}` });

  let child: ChildProcess | undefined;
  let isStopping = false;
  // Janus runs in its own process group, so it would outlive a parent that exits without stop().
  const killOnExit = () => {
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', killOnExit);
  const launch = async (): Promise<void> => {
    const started = await spawnJanus(binary, dir);
    if (isStopping) {
      await stopGroup(started);
      return;
    }
    child = started;
    started.stdout?.on('data', (chunk: Buffer) => log.debug({ out: chunk.toString().trim() }, 'janus'));
    started.stderr?.on('data', (chunk: Buffer) => log.warn({ out: chunk.toString().trim() }, 'janus'));
    started.once('exit', (code, signal) => {
      if (isStopping) return;
      log.warn({ code, signal }, 'janus exited unexpectedly');
      if (child === started) child = undefined;
      if (options.restartOnExit) {
        setTimeout(() => {
          if (isStopping) return;
          launch().then(
            () => log.info('janus restarted'),
            (error: unknown) => log.error({ err: error }, 'janus did not restart'),
          );
        }, RESTART_DELAY_MS);
      }
    });
    try {
      await waitForWs(wsPort, started);
    } catch (error) {
      await stopGroup(started);
      throw error;
    }
  };
  try {
    await launch();
  } catch (error) {
    process.off('exit', killOnExit);
    if (ownsDir) await fs.rm(dir, { recursive: true, force: true });
    throw error;
  }
  log.info({ iceAddress, rtpPorts, dir }, 'janus started');

  let stopping: Promise<void> | undefined;
  return {
    url: `ws://127.0.0.1:${wsPort}`,
    iceAddress,
    wsPort,
    adminKey,
    pid: () => child?.pid,
    stop() {
      stopping ??= (async () => {
        isStopping = true;
        if (child) await stopGroup(child);
        process.off('exit', killOnExit);
        if (ownsDir) await fs.rm(dir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}
