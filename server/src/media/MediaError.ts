/** Why a media request was refused; the socket layer maps these to its `{ ok: false, error }` answers. */
export type MediaErrorCode =
  | 'grant-invalid'
  | 'grant-expired'
  | 'grant-revoked'
  | 'forbidden'
  | 'room-not-found'
  | 'room-failed'
  | 'peer-not-found'
  | 'not-found'
  | 'join-timeout'
  | 'join-cancelled'
  | 'unavailable'
  | 'backend-error';

/** An error with a code a client can act on and a reason for the logs. */
export class MediaError extends Error {
  readonly code: MediaErrorCode;

  constructor(code: MediaErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MediaError';
    this.code = code;
  }

  static grantInvalid(reason = 'the grant is not valid'): MediaError {
    return new MediaError('grant-invalid', reason);
  }

  static forbidden(reason: string): MediaError {
    return new MediaError('forbidden', reason);
  }

  static roomNotFound(roomId: string): MediaError {
    return new MediaError('room-not-found', `no media room ${roomId}`);
  }

  static roomFailed(roomId: string): MediaError {
    return new MediaError('room-failed', `media room ${roomId} is recovering from a media server failure`);
  }

  static peerNotFound(roomId: string, peerId: string): MediaError {
    return new MediaError('peer-not-found', `peer ${peerId} has not joined room ${roomId}`);
  }

  static timeout(what: string, ms: number): MediaError {
    return new MediaError('join-timeout', `${what} did not finish within ${ms} ms`);
  }

  /** A newer join for the same peer id, or the peer's removal, overtook this join. */
  static cancelled(peerId: string): MediaError {
    return new MediaError('join-cancelled', `the join of peer ${peerId} was overtaken by a newer join or a removal`);
  }

  static unavailable(reason = 'the media server is unavailable'): MediaError {
    return new MediaError('unavailable', reason);
  }

  static backend(reason: string, cause?: unknown): MediaError {
    return new MediaError('backend-error', reason, { cause });
  }
}
