// janode ships JavaScript only; these are the parts of its API the Janus adapter uses.
declare module 'janode' {
  import type { EventEmitter } from 'node:events';

  export interface JanodeJsep {
    type: 'offer' | 'answer';
    sdp: string;
    trickle?: boolean;
  }

  export interface JanodeCandidate {
    candidate: string;
    sdpMid?: string | null;
    sdpMLineIndex?: number | null;
  }

  export class JanodeHandle extends EventEmitter {
    readonly id: number;
    detach(): Promise<void>;
    hangup(): Promise<void>;
    trickle(candidate: JanodeCandidate): Promise<void>;
    trickleComplete(): Promise<void>;
  }

  export class JanodeSession extends EventEmitter {
    readonly id: number;
    attach<H extends JanodeHandle>(plugin: { id: string; Handle: new (...args: never[]) => H }): Promise<H>;
    destroy(): Promise<void>;
  }

  export class JanodeConnection extends EventEmitter {
    create(keepAliveSeconds?: number): Promise<JanodeSession>;
    getInfo(): Promise<{ name: string; version_string: string; [key: string]: unknown }>;
    close(): Promise<void>;
  }

  export interface JanodeServerConfig {
    address: { url: string } | { url: string }[];
    retry_time_secs?: number;
    max_retries?: number;
  }

  const Janode: {
    connect(config: JanodeServerConfig): Promise<JanodeConnection>;
    Logger: { setLevel(level: 'none' | 'error' | 'warning' | 'info' | 'verbose' | 'debug'): string };
    EVENT: {
      CONNECTION_CLOSED: string;
      CONNECTION_ERROR: string;
      SESSION_DESTROYED: string;
      HANDLE_DETACHED: string;
      HANDLE_ICE_FAILED: string;
      HANDLE_HANGUP: string;
      HANDLE_WEBRTCUP: string;
      HANDLE_TRICKLE: string;
    };
  };
  export default Janode;
}

declare module 'janode/plugins/videoroom' {
  import type { JanodeHandle, JanodeJsep } from 'janode';

  export class VideoRoomHandle extends JanodeHandle {
    create(params: { room: number; secret?: string; is_private?: boolean; max_publishers?: number; bitrate?: number; description?: string; videocodec?: string; audiocodec?: string; admin_key?: string }): Promise<{ room: number }>;
    destroy(params: { room: number; secret?: string }): Promise<unknown>;
    exists(params: { room: number }): Promise<{ room: number; exists: boolean }>;
    /** Every room; private ones only with the admin_key. */
    list(params?: { admin_key?: string }): Promise<{ list: { room: number; description?: string; num_participants?: number }[] }>;
    kick(params: { room: number; feed: number; secret?: string }): Promise<unknown>;
    listParticipants(params: { room: number; secret?: string }): Promise<{ room: number; participants: { feed: number; display?: string; publisher: boolean }[] }>;
    joinPublisher(params: { room: number; feed: number; display?: string }): Promise<{ feed: number }>;
    publish(params: { jsep: JanodeJsep; audio?: boolean; video?: boolean }): Promise<{ configured: string; jsep?: JanodeJsep }>;
    configure(params: { jsep?: JanodeJsep; restart?: boolean; keyframe?: boolean }): Promise<{ configured: string; jsep?: JanodeJsep }>;
    joinConfigurePublisher(params: { room: number; feed: number; display?: string; audio?: boolean; video?: boolean; jsep: JanodeJsep }): Promise<{ feed: number; jsep?: JanodeJsep }>;
    joinSubscriber(params: { room: number; streams: { feed: number; mid?: string }[]; private_id?: number }): Promise<{ room: number; jsep?: JanodeJsep }>;
    start(params: { jsep: JanodeJsep }): Promise<unknown>;
    leave(): Promise<unknown>;
    unpublish(): Promise<unknown>;
  }

  const VideoRoomPlugin: {
    id: string;
    Handle: typeof VideoRoomHandle;
    EVENT: Record<string, string>;
  };
  export default VideoRoomPlugin;
}
