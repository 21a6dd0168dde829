import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findIceAddress } from '../../server/src/services/janus-launcher.js';

/** A coturn (`turnserver`, Debian package coturn) for one test file, checking TURN REST credentials with a random secret. */
export interface TestTurnServer {
  /** The host's non-loopback address coturn listens and relays on. */
  readonly address: string;
  readonly port: number;
  readonly secret: string;
  /** `turn:<address>:<port>?transport=udp`. */
  readonly url: string;
  /** What coturn printed (for a failing test's message). */
  log(): string;
  stop(): Promise<void>;
}

/** A port free for both TCP and UDP on `address` (coturn listens on both). */
async function freePort(address: string): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const isFree = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, address, () => server.close(() => resolve(true)));
    });
    if (isFree) return port;
  }
  throw new Error('no free port for coturn');
}

/** Sends one STUN binding request; true when a binding response comes back within 200 ms. */
function answersStun(address: string, port: number): Promise<boolean> {
  const request = Buffer.alloc(20);
  request.writeUInt16BE(0x0001, 0); // binding request, no attributes
  request.writeUInt32BE(0x2112a442, 4); // magic cookie
  randomBytes(12).copy(request, 8);
  const socket = dgram.createSocket('udp4');
  return new Promise((resolve) => {
    const finish = (isAnswered: boolean) => {
      clearTimeout(timer);
      socket.close();
      resolve(isAnswered);
    };
    const timer = setTimeout(() => finish(false), 200);
    socket.on('message', (reply) => finish(reply.length >= 20 && reply.readUInt16BE(0) === 0x0101 && reply.subarray(8, 20).equals(request.subarray(8, 20))));
    socket.on('error', () => finish(false));
    socket.send(request, port, address);
  });
}

/** Starts `turnserver` with `--use-auth-secret` and waits until its relay is ready. */
export async function startCoturn(): Promise<TestTurnServer> {
  const address = findIceAddress();
  const port = await freePort(address);
  const secret = randomBytes(24).toString('base64url');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'yp-coturn-'));
  const relayMin = 40_000 + Math.floor(Math.random() * 200) * 100;
  const args = [
    '-n',
    '--listening-ip', address,
    '--relay-ip', address,
    '--listening-port', String(port),
    '--min-port', String(relayMin),
    '--max-port', String(relayMin + 99),
    '--use-auth-secret',
    `--static-auth-secret=${secret}`,
    '--realm', 'yunpin',
    '--fingerprint',
    '--no-tls', '--no-dtls', '--no-cli',
    '--pidfile', path.join(dir, 'turnserver.pid'),
    '--userdb', path.join(dir, 'turndb'),
    '--log-file', 'stdout',
    '--simple-log',
  ];
  const child: ChildProcess = spawn('turnserver', args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    let failure: Error | undefined;
    child.once('error', (error) => (failure = new Error(`cannot start turnserver (apt-get install coturn): ${error.message}`)));
    child.once('exit', (code) => (failure ??= new Error(`coturn exited (${code}):\n${output}`)));
    const deadline = Date.now() + 10_000;
    // Ready when it answers a STUN binding request on its UDP port.
    while (!(await answersStun(address, port))) {
      if (failure) throw failure;
      if (Date.now() > deadline) throw new Error(`coturn did not answer STUN within 10 s:\n${output}`);
    }
  } catch (error) {
    if (child.exitCode === null) child.kill('SIGKILL');
    await fs.rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    address,
    port,
    secret,
    url: `turn:${address}:${port}?transport=udp`,
    log: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        process.kill(-child.pid!, 'SIGTERM');
        const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, 'SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
