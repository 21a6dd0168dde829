import { createHmac } from 'node:crypto';
import type { TIceServer } from '@yunpin/shared';

/** A TURN server (coturn) sharing a secret with us: `use-auth-secret` / `static-auth-secret`. */
export interface TurnConfig {
  /** turn: and turns: URLs, e.g. `turn:turn.example.gov.cn:3478?transport=udp`. */
  urls: string[];
  secret: string;
}

/**
 * TURN REST API credentials (the scheme coturn checks with `--use-auth-secret`): the username is
 * `<expiry unix seconds>:<peer id>` and the credential is base64(HMAC-SHA1(secret, username)), so
 * they stop working when the grant they came with expires and need no state on either side.
 */
export function turnCredentials(turn: TurnConfig, peerId: string, expiresAtMs: number): TIceServer {
  const username = `${Math.floor(expiresAtMs / 1000)}:${peerId}`;
  const credential = createHmac('sha1', turn.secret).update(username).digest('base64');
  return { urls: [...turn.urls], username, credential };
}

/** What a client passes to RTCPeerConnection: TURN when configured, nothing in development. */
export function iceServersFor(turn: TurnConfig | undefined, peerId: string, expiresAtMs: number): TIceServer[] {
  return turn ? [turnCredentials(turn, peerId, expiresAtMs)] : [];
}
