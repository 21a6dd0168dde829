import { randomInt } from 'node:crypto';
import type { JanodeConnection } from 'janode';
import type { VideoRoomHandle } from 'janode/plugins/videoroom';
import type { Logger } from '../../logger.js';
import type { MediaGrant } from '../grants.js';
import { MediaError } from '../MediaError.js';
import type { CreateRoomOptions } from '../media-server.js';
import type { RoomMedia } from '../Room.js';
import { JanusPeerMedia } from './JanusPeerMedia.js';

/** What recreates a room on a restarted Janus exactly as it was. */
export interface JanusRoomSpec {
  janusRoom: number;
  /** Janus asks for it before destroying or editing the room. */
  secret: string;
  options: CreateRoomOptions;
}

export interface JanusRoomMediaOptions {
  connection: JanodeConnection;
  control: VideoRoomHandle;
  spec: JanusRoomSpec;
  adminKey: string | undefined;
  logger: Logger;
}

/** Janus numbers feeds and rooms; random ones up to 2^48 stay exact in JSON. */
export const randomJanusId = (): number => randomInt(1, 2 ** 48 - 1);

/** A VideoRoom on one Janus connection; opens a Janus session per peer. */
export class JanusRoomMedia implements RoomMedia<JanusPeerMedia> {
  readonly #connection: JanodeConnection;
  readonly #control: VideoRoomHandle;
  readonly #spec: JanusRoomSpec;
  readonly #logger: Logger;
  #closing: Promise<void> | undefined;

  private constructor(options: JanusRoomMediaOptions) {
    this.#connection = options.connection;
    this.#control = options.control;
    this.#spec = options.spec;
    this.#logger = options.logger;
  }

  /** Creates the VideoRoom in Janus (private, guarded by the room's secret). */
  static async create(options: JanusRoomMediaOptions): Promise<JanusRoomMedia> {
    const { spec } = options;
    await options.control
      .create({
        room: spec.janusRoom,
        secret: spec.secret,
        is_private: true,
        max_publishers: spec.options.maxPublishers ?? 6,
        videocodec: 'vp8',
        audiocodec: 'opus',
        ...(spec.options.bitrate ? { bitrate: spec.options.bitrate } : {}),
        ...(spec.options.label ? { description: spec.options.label } : {}),
        ...(options.adminKey ? { admin_key: options.adminKey } : {}),
      })
      .catch((error: unknown) => {
        throw MediaError.backend(`creating Janus room ${spec.janusRoom} failed: ${error instanceof Error ? error.message : String(error)}`, error);
      });
    return new JanusRoomMedia(options);
  }

  openPeer(grant: MediaGrant): Promise<JanusPeerMedia> {
    return JanusPeerMedia.create({
      connection: this.#connection,
      janusRoom: this.#spec.janusRoom,
      feed: randomJanusId(),
      grant,
      logger: this.#logger.child({ peer: grant.peerId }),
    });
  }

  close(): Promise<void> {
    this.#closing ??= this.#control
      .destroy({ room: this.#spec.janusRoom, secret: this.#spec.secret })
      .then(
        () => undefined,
        (error: unknown) => this.#logger.debug({ err: error }, 'destroying the Janus room failed (Janus may be gone)'),
      );
    return this.#closing;
  }
}
