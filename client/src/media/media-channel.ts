import type { TIceCandidate, TIceServer, TMediaOffer } from '@yunpin/shared';

/**
 * How a MediaSession reaches one media room over the session's socket: how it gets a grant (an interview
 * call, a conversation's video, a booth presentation) and how its signalling is relayed. The session
 * itself only knows grants, SDP and ICE candidates.
 */

/** What entering gives: a grant (none while waiting to be admitted), ICE servers, and state to show. */
export interface TMediaEntryResult {
  grant: string | null;
  iceServers: TIceServer[];
  /** Feature-specific state for the page (role, times, people …). */
  details?: TMediaEntryDetails;
}

export interface TMediaEntryDetails {
  role?: 'interviewer' | 'candidate' | null;
  startsAt?: string | null;
  endsAt?: string | null;
  candidateWaiting?: boolean;
  candidateName?: string | null;
  people?: { peerId: string; name: string; role: 'interviewer' | 'candidate' }[];
}

/** Why the server closed this side's media: the media failed, this person was removed, or the video ended. */
export type TMediaClosedReason = 'failed' | 'removed' | 'ended';

/** What the server pushes, as the session hears it. */
export interface MediaChannelHandlers {
  details(details: TMediaEntryDetails): void;
  /** Let in with a grant (interviews: admitted from the waiting room). */
  admitted(grant: string, iceServers: TIceServer[]): void;
  /** Back to waiting; the media was stopped. */
  sentBack(): void;
  endingSoon(): void;
  publisherAdded(peerId: string): void;
  publisherRemoved(peerId: string): void;
  /** The media server failed; a recovery may follow. */
  roomFailed(): void;
  roomRecovered(): void;
  closed(reason: TMediaClosedReason): void;
  /** A new socket connection: the server knows nothing of this side any more. */
  reconnected(): void;
}

export interface MediaChannel {
  /** Asks for a way in (again after an expired grant or a reconnection). */
  enter(): Promise<TMediaEntryResult>;
  join(grant: string): Promise<{ publishers: string[] }>;
  publish(sdp: string): Promise<{ sdp: string }>;
  subscribe(publisherPeerId: string): Promise<TMediaOffer>;
  answer(subscriptionId: string, sdp: string): Promise<unknown>;
  /** One ICE candidate of the publication (no subscription id) or of a subscription; `null` ends them. */
  trickle(subscriptionId: string | undefined, candidate: TIceCandidate | null): Promise<unknown>;
  /** Leaves the room and whatever it belongs to (the call, the video, the audience). */
  leave(): Promise<unknown>;
  /** Follows the server's events until the returned function is called. */
  listen(handlers: MediaChannelHandlers): () => void;
  /** Tells the server this side's media failed (ICE), when the feature falls back on it (booth video). */
  reportFailure?(reason: string): Promise<unknown>;
}
