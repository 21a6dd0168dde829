import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, TAck } from '@yunpin/shared';
import { ApiClient } from './client.js';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Logs in over HTTP, then opens a real Socket.IO connection carrying the session cookie. */
export async function connectAs(baseUrl: string, login: string, password: string): Promise<{ socket: TestSocket; api: ApiClient }> {
  const api = new ApiClient(baseUrl);
  await api.login(login, password);
  const socket = await connectWithCookie(baseUrl, api.cookie ?? '');
  return { socket, api };
}

export function connectWithCookie(baseUrl: string, cookie: string): Promise<TestSocket> {
  const socket: TestSocket = io(baseUrl, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

type Payload<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[0];
type Data<E extends keyof ClientToServerEvents> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0] extends TAck<infer D> ? D : never;

/** Sends a request and returns the whole ack. */
export async function ask<E extends keyof ClientToServerEvents>(socket: TestSocket, event: E, payload: Payload<E>): Promise<TAck<Data<E>>> {
  const timed = socket.timeout(10_000);
  const emit = timed.emitWithAck as (e: string, p: unknown) => Promise<TAck<Data<E>>>;
  return emit.call(timed, event, payload);
}

/** Sends a request and returns its data, failing the test on an error ack. */
export async function must<E extends keyof ClientToServerEvents>(socket: TestSocket, event: E, payload: Payload<E>): Promise<Data<E>> {
  const ack = await ask(socket, event, payload);
  if (!ack.ok) throw new Error(`${event} failed: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

/** Resolves with the next `event` whose payload satisfies `match`. */
export function next<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
  match: (...args: Parameters<ServerToClientEvents[E]>) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener as never);
      reject(new Error(`timed out waiting for ${event}`));
    }, timeoutMs);
    const listener = (...args: Parameters<ServerToClientEvents[E]>) => {
      if (!match(...args)) return;
      clearTimeout(timer);
      socket.off(event, listener as never);
      resolve(args[0]);
    };
    socket.on(event, listener as never);
  });
}

/** Collects every `event` from now on. */
export function collect<E extends keyof ServerToClientEvents>(socket: TestSocket, event: E): Parameters<ServerToClientEvents[E]>[0][] {
  const seen: Parameters<ServerToClientEvents[E]>[0][] = [];
  socket.on(event, ((...args: Parameters<ServerToClientEvents[E]>) => seen.push(args[0])) as never);
  return seen;
}

/** Sockets opened by one test file, logged in by phone or email, closed together after each test. */
export function socketPool(baseUrl: () => string, password: string) {
  const open: TestSocket[] = [];
  return {
    async as(login: string): Promise<TestSocket> {
      const { socket } = await connectAs(baseUrl(), login, password);
      open.push(socket);
      return socket;
    },
    track(socket: TestSocket): TestSocket {
      open.push(socket);
      return socket;
    },
    closeAll(): void {
      for (const s of open.splice(0)) s.close();
    },
  };
}
