import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { iceServersFor, turnCredentials } from './turn-credentials.js';

describe('TURN REST credentials', () => {
  const turn = { urls: ['turn:198.51.100.7:3478?transport=udp', 'turns:turn.example.org:5349'], secret: 'a-shared-secret-of-coturn' };

  it('names the expiry and the peer, and signs them with HMAC-SHA1 of the shared secret', () => {
    const server = turnCredentials(turn, 'peer-1', 1_800_000_123_456);
    expect(server.urls).toEqual(turn.urls);
    expect(server.username).toBe('1800000123:peer-1');
    expect(server.credential).toBe(createHmac('sha1', turn.secret).update('1800000123:peer-1').digest('base64'));
  });

  it('gives no ICE servers without TURN (development)', () => {
    expect(iceServersFor(undefined, 'peer-1', Date.now())).toEqual([]);
    expect(iceServersFor(turn, 'peer-1', Date.now())).toHaveLength(1);
  });
});
