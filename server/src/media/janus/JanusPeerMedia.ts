// The ambient janode types must reach every project that compiles these files, the test project included.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./janode.d.ts" />
import Janode, { type JanodeConnection, type JanodeSession } from 'janode';
import VideoRoomPlugin, { type VideoRoomHandle } from 'janode/plugins/videoroom';
import type { Logger } from '../../logger.js';
import type { MediaGrant } from '../grants.js';
import { MediaError } from '../MediaError.js';
import type { IceCandidate, MediaTarget, SessionDescription } from '../media-server.js';
import type { PeerMedia } from '../Peer.js';

/** How long a subscription waits for the publisher's WebRTC connection to come up. */
const PUBLISHER_UP_TIMEOUT_MS = 10_000;
const CLOSE_TIMEOUT_MS = 2_000;

export interface JanusPeerMediaOptions {
  connection: JanodeConnection;
  janusRoom: number;
  feed: number;
  grant: MediaGrant;
  logger: Logger;
}

const toBackendError = (what: string) => (error: unknown) => {
  const code = (error as { _code?: number })._code;
  throw MediaError.backend(`${what} failed${code ? ` (janus ${code})` : ''}: ${error instanceof Error ? error.message : String(error)}`, error);
};

/**
 * One peer's Janus session: a publisher handle when its grant may publish, and one subscriber handle per
 * subscription. Destroying the session detaches every handle, so Janus stops the peer's media at once.
 */
export class JanusPeerMedia implements PeerMedia {
  readonly #session: JanodeSession;
  readonly #janusRoom: number;
  readonly #feed: number;
  readonly #publisher: VideoRoomHandle | undefined;
  readonly #subscriptions = new Map<string, VideoRoomHandle>();
  readonly #publisherUp: Promise<void>;
  readonly #logger: Logger;
  #isPublishing = false;
  #hasPublished = false;
  #closing: Promise<void> | undefined;

  private constructor(session: JanodeSession, options: JanusPeerMediaOptions, publisher: VideoRoomHandle | undefined) {
    this.#session = session;
    this.#janusRoom = options.janusRoom;
    this.#feed = options.feed;
    this.#publisher = publisher;
    this.#logger = options.logger;
    this.#publisherUp = new Promise<void>((resolve) => publisher?.once(Janode.EVENT.HANDLE_WEBRTCUP, () => resolve()));
    // Rejections from these are read by whoever awaits them; the stored promise must not warn on its own.
    this.#publisherUp.catch(() => undefined);
  }

  /** Opens a Janus session; a peer that may publish also joins the VideoRoom as a publisher (not yet sending). */
  static async create(options: JanusPeerMediaOptions): Promise<JanusPeerMedia> {
    const session = await options.connection.create().catch(toBackendError('creating a Janus session'));
    try {
      let publisher: VideoRoomHandle | undefined;
      if (options.grant.rights.includes('publish')) {
        publisher = await session.attach(VideoRoomPlugin);
        await publisher.joinPublisher({ room: options.janusRoom, feed: options.feed, display: options.grant.peerId });
      }
      return new JanusPeerMedia(session, options, publisher);
    } catch (error) {
      await session.destroy().catch(() => undefined);
      return toBackendError('joining the Janus room')(error);
    }
  }

  get feed(): number {
    return this.#feed;
  }

  get isPublishing(): boolean {
    return this.#isPublishing;
  }

  async publish(offer: SessionDescription, onLive: () => void): Promise<SessionDescription> {
    const publisher = this.#publisher;
    if (!publisher) throw MediaError.forbidden('this peer may not publish');
    // A later offer (new tracks, an ICE restart) renegotiates the publication Janus already has.
    const isRenegotiation = this.#hasPublished;
    this.#hasPublished = true;
    const result = await (isRenegotiation ? publisher.configure({ jsep: offer }) : publisher.publish({ jsep: offer })).catch((error: unknown) => {
      if (!isRenegotiation) this.#hasPublished = false;
      return toBackendError(isRenegotiation ? 'renegotiating the publication' : 'publishing')(error);
    });
    if (!result.jsep) throw MediaError.backend('Janus sent no answer to the publish offer');
    if (isRenegotiation) return { type: 'answer', sdp: result.jsep.sdp };
    // Janus knows the feed only once its WebRTC connection is up; subscribing earlier answers 428.
    this.#publisherUp.then(() => {
      if (this.#closing) return;
      this.#isPublishing = true;
      onLive();
    }, () => undefined);
    return { type: 'answer', sdp: result.jsep.sdp };
  }

  async subscribe(subscriptionId: string, publisher: JanusPeerMedia): Promise<SessionDescription> {
    await publisher.whenLive();
    const handle = await this.#session.attach(VideoRoomPlugin).catch(toBackendError('attaching a subscriber'));
    this.#subscriptions.set(subscriptionId, handle);
    try {
      const joined = await handle.joinSubscriber({ room: this.#janusRoom, streams: [{ feed: publisher.feed }] });
      if (!joined.jsep) throw MediaError.backend('Janus sent no offer for the subscription');
      return { type: 'offer', sdp: joined.jsep.sdp };
    } catch (error) {
      this.#subscriptions.delete(subscriptionId);
      await handle.detach().catch(() => undefined);
      if (error instanceof MediaError) throw error;
      return toBackendError('subscribing')(error);
    }
  }

  async startSubscription(subscriptionId: string, answer: SessionDescription): Promise<void> {
    await this.#subscription(subscriptionId).start({ jsep: answer }).catch(toBackendError('starting the subscription'));
  }

  async unsubscribe(subscriptionId: string): Promise<void> {
    const handle = this.#subscriptions.get(subscriptionId);
    if (!handle) return;
    this.#subscriptions.delete(subscriptionId);
    await handle.detach().catch((error: unknown) => this.#logger.debug({ err: error, subscriptionId }, 'detaching a subscriber handle failed'));
  }

  async trickle(target: MediaTarget, candidate: IceCandidate | null): Promise<void> {
    const handle = target.kind === 'publish' ? this.#publisher : this.#subscriptions.get(target.subscriptionId);
    if (!handle) throw new MediaError('not-found', target.kind === 'publish' ? 'this peer does not publish' : `no subscription ${target.subscriptionId}`);
    if (candidate) await handle.trickle(candidate).catch(toBackendError('trickling a candidate'));
    else await handle.trickleComplete().catch(toBackendError('ending candidates'));
  }

  /** Resolves once the publisher's WebRTC connection is up. */
  async whenLive(): Promise<void> {
    if (this.#isPublishing) return;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.#publisherUp,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new MediaError('not-found', 'the publisher did not come up in time')), PUBLISHER_UP_TIMEOUT_MS);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Number of open subscriber handles (for leak checks). */
  get subscriptionCount(): number {
    return this.#subscriptions.size;
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#subscriptions.clear();
      // Destroying the session detaches every handle: Janus hangs up their PeerConnections right away.
      // A Janus that stopped answering never confirms: do not wait for it longer than a moment.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.#session.destroy().catch((error: unknown) => this.#logger.debug({ err: error }, 'destroying a Janus session failed (Janus may be gone)')),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_TIMEOUT_MS))),
      ]);
      clearTimeout(timer);
    })();
    return this.#closing;
  }

  #subscription(subscriptionId: string): VideoRoomHandle {
    const handle = this.#subscriptions.get(subscriptionId);
    if (!handle) throw new MediaError('not-found', `no subscription ${subscriptionId}`);
    return handle;
  }
}
