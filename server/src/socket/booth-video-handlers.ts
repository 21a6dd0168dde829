import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import {
  AppError,
  BOOTH_VIDEO_CLIENT_EVENTS,
  BOOTH_VIDEO_EVENT_SCHEMAS,
  PRESENTATION_MAX_VIEWERS,
  type BoothVideoClientToServerEvents,
  type BoothVideoServerToClientEvents,
  type SocketData,
  type TConversation,
  type TMediaEntry,
  type TPresentationSource,
  type TPresentationStatus,
  type TPresentationViewer,
  type TRoomMediaClosed,
  type TSessionUser,
} from '@yunpin/shared';
import type { AppContext } from '../context.js';
import { rooms } from '../domain/live-fair/broadcaster.js';
import type { LiveFairService } from '../domain/live-fair/live-fair-service.js';
import { MediaError } from '../media/MediaError.js';
import type { MediaRole, MediaServer } from '../media/media-server.js';
import type { TurnConfig } from '../media/turn-credentials.js';
import { DEFAULT_MEDIA_RATE_LIMIT, MediaAccess, answerRequests, assertGrantFor, type MediaPeerRef } from './media-relay.js';
import { socketActor } from './socket-actor.js';

type VideoSocket = Socket<BoothVideoClientToServerEvents, BoothVideoServerToClientEvents, Record<string, never>, SocketData>;
type EventName = keyof BoothVideoClientToServerEvents;
type Payload<E extends EventName> = z.output<(typeof BOOTH_VIDEO_EVENT_SCHEMAS)[E]>;
type AckData<E extends EventName> = Parameters<Parameters<BoothVideoClientToServerEvents[E]>[1]>[0] extends infer A ? (A extends { ok: true; data: infer D } ? D : never) : never;

export interface BoothVideoOptions {
  /** The media server, created on first use; rejects when the media plane cannot start. */
  media: () => Promise<MediaServer>;
  /** TURN for the clients' RTCPeerConnection (credentials issued with each grant); none in development. */
  turn?: TurnConfig | undefined;
  /** Viewers one presentation takes (PRESENTATION_MAX_VIEWERS unless a test lowers it). */
  presentationMaxViewers?: number;
  rateLimit?: { burst: number; perSecond: number };
}

/** Conversation-video grants outlive a long conversation; a rejoin asks for a new one anyway. */
const VIDEO_GRANT_TTL_MS = 30 * 60_000;
const PRESENTATION_GRANT_TTL_MS = 30 * 60_000;
/** Media failures that end a conversation's video (back to text), as opposed to refusals. */
const MEDIA_FAILURES = new Set(['join-timeout', 'unavailable', 'backend-error', 'room-failed']);

/** Someone holding a grant for a stage's media room, on one socket. */
interface StageMember {
  socket: VideoSocket;
  userId: string;
  name: string;
  canPublish: boolean;
  /** In the media room now (after `room-media:join`). */
  isJoined: boolean;
}

/**
 * One media room at a booth and who may be in it: a conversation's video (recruiter and graduate, both
 * publishing) or a booth's presentation (the presenter publishing, graduates watching). Held in memory:
 * everyone in one stage must reach the same server node.
 */
interface Stage {
  kind: 'conversation' | 'presentation';
  /** The conversation id or the booth id. */
  key: string;
  roomId: string | undefined;
  creating: Promise<string> | undefined;
  /** user id → member. */
  members: Map<string, StageMember>;
  publishers: Set<string>;
  closed: boolean;
  /** A conversation's recruiter when its video opened: a hand-off ends the video. */
  recruiterId?: string;
  presentation?: {
    presenterId: string;
    presenterName: string;
    source: TPresentationSource;
    startedAt: Date;
    /** Viewers removed by the booth's staff: they cannot come back to this presentation. */
    removed: Set<string>;
  };
}

/**
 * Socket handlers of booth video: a conversation escalated to video once the graduate accepts (the media
 * room opens on the first `video:join`), and booth presentations watched listen-only by up to 50 graduates.
 * A media failure ends a conversation's video only (state `failed`); the chat goes on. The media
 * signalling (`room-media:*`) is relayed to the MediaServer port for the stage that owns the named room.
 */
export function attachBoothVideo(anyIo: object, ctx: AppContext, live: LiveFairService, options: BoothVideoOptions | undefined): void {
  const io = anyIo as unknown as Server<BoothVideoClientToServerEvents, BoothVideoServerToClientEvents, Record<string, never>, SocketData>;
  const logger = ctx.logger.child({ part: 'booth-video' });
  const maxViewers = options?.presentationMaxViewers ?? PRESENTATION_MAX_VIEWERS;
  const access = new MediaAccess({
    media: options ? options.media : () => Promise.reject(new Error('no media plane configured')),
    turn: options?.turn,
    logger,
    unavailableMessage: '视频服务暂不可用，请继续文字交流 / The video service is unavailable; carry on in text',
  });
  /** `conversation:<id>` or `presentation:<boothId>` → stage. */
  const stages = new Map<string, Stage>();
  const byRoom = new Map<string, Stage>();
  /** socket id → the stages it holds a membership in. */
  const stagesOfSocket = new Map<string, Set<Stage>>();

  const stageKey = (kind: Stage['kind'], key: string) => `${kind}:${key}`;
  const joinedMembers = (stage: Stage) => [...stage.members.values()].filter((m) => m.isJoined);

  access.onServer((server) => {
    server.on('publisherAdded', ({ roomId, peerId }) => {
      const stage = byRoom.get(roomId);
      if (!stage) return;
      stage.publishers.add(peerId);
      for (const m of joinedMembers(stage)) if (m.userId !== peerId) m.socket.emit('room-media:publisher-added', { roomId, peerId });
    });
    server.on('publisherRemoved', ({ roomId, peerId }) => {
      const stage = byRoom.get(roomId);
      if (!stage) return;
      stage.publishers.delete(peerId);
      for (const m of joinedMembers(stage)) if (m.userId !== peerId) m.socket.emit('room-media:publisher-removed', { roomId, peerId });
    });
    server.on('peerClosed', ({ roomId, peerId, reason }) => {
      const member = byRoom.get(roomId)?.members.get(peerId);
      if (member && reason !== 'replaced') member.isJoined = false;
    });
    server.on('roomFailed', ({ roomId, reason }) => {
      const stage = byRoom.get(roomId);
      if (!stage) return;
      logger.warn({ room: roomId, stage: stageKey(stage.kind, stage.key), reason }, 'booth media room failed');
      // No waiting for a recovery: a conversation goes back to text, a presentation stops.
      void failStage(stage, `media server failure: ${reason}`);
    });
    server.on('roomClosed', ({ roomId }) => {
      const stage = byRoom.get(roomId);
      byRoom.delete(roomId);
      if (stage && !stage.closed && stage.roomId === roomId) void closeStage(stage, 'ended');
    });
  });

  // ---- stages ----

  function openStage(kind: Stage['kind'], key: string): Stage {
    const existing = stages.get(stageKey(kind, key));
    if (existing) return existing;
    const stage: Stage = { kind, key, roomId: undefined, creating: undefined, members: new Map(), publishers: new Set(), closed: false };
    stages.set(stageKey(kind, key), stage);
    return stage;
  }

  async function ensureRoom(stage: Stage): Promise<string> {
    if (stage.roomId) return stage.roomId;
    stage.creating ??= (async () => {
      const server = await access.server();
      try {
        const { roomId } = await server.createRoom({
          label: `${stage.kind} ${stage.key}`,
          // A presentation room takes its presenter only: Janus refuses any other publisher too.
          maxPublishers: stage.kind === 'presentation' ? 1 : 2,
          closeWhenEmpty: false,
        });
        if (stage.closed) {
          await server.closeRoom(roomId);
          throw AppError.conflict('The video has ended');
        }
        stage.roomId = roomId;
        byRoom.set(roomId, stage);
        return roomId;
      } finally {
        stage.creating = undefined;
      }
    })();
    return stage.creating;
  }

  /** Grants `user` a way into the stage's room on this socket (a newer socket of the same person takes over). */
  async function admit(stage: Stage, socket: VideoSocket, user: TSessionUser, role: MediaRole): Promise<TMediaEntry> {
    const roomId = await ensureRoom(stage);
    const server = await access.server();
    const issued = access.issue(server, { roomId, peerId: user.id, role, ttlMs: stage.kind === 'presentation' ? PRESENTATION_GRANT_TTL_MS : VIDEO_GRANT_TTL_MS });
    const previous = stage.members.get(user.id);
    if (previous && previous.socket.id !== socket.id) stagesOfSocket.get(previous.socket.id)?.delete(stage);
    const canPublish = role !== 'viewer';
    stage.members.set(user.id, { socket, userId: user.id, name: user.name, canPublish, isJoined: previous?.socket.id === socket.id && previous.isJoined });
    let mine = stagesOfSocket.get(socket.id);
    if (!mine) stagesOfSocket.set(socket.id, (mine = new Set()));
    mine.add(stage);
    return { roomId, peerId: user.id, grant: issued.grant, expiresAt: issued.expiresAt.toISOString(), canPublish, iceServers: issued.iceServers };
  }

  /** Drops one member: their media leaves the room (or, when removed, their grants are revoked and media stops). */
  async function dropMember(stage: Stage, userId: string, how: 'leave' | 'remove'): Promise<void> {
    const member = stage.members.get(userId);
    if (!member) return;
    stage.members.delete(userId);
    stagesOfSocket.get(member.socket.id)?.delete(stage);
    if (!stage.roomId) return;
    const ref = { roomId: stage.roomId, peerId: userId };
    if (how === 'leave') return access.leave(ref);
    const server = await access.started();
    await server?.removePeer(ref.roomId, ref.peerId).catch((error: unknown) => logger.warn({ err: error, room: ref.roomId, peer: userId }, 'removing a peer failed'));
  }

  /** Closes the stage and its media room: every grant for it is refused from now on, every member is told. */
  async function closeStage(stage: Stage, reason: TRoomMediaClosed['reason']): Promise<void> {
    if (stage.closed) return;
    stage.closed = true;
    if (stages.get(stageKey(stage.kind, stage.key)) === stage) stages.delete(stageKey(stage.kind, stage.key));
    const roomId = stage.roomId ?? (await stage.creating?.catch(() => undefined));
    const peerIds = [...stage.members.keys()];
    for (const member of stage.members.values()) {
      stagesOfSocket.get(member.socket.id)?.delete(stage);
      if (roomId) member.socket.emit('room-media:closed', { roomId, reason });
    }
    stage.members.clear();
    if (stage.kind === 'presentation') announcePresentation(stage.key);
    if (!roomId) return;
    byRoom.delete(roomId);
    const server = await access.started();
    if (server) {
      // Revoked before the room goes, so nobody can slip back in with a grant while it closes.
      await Promise.all(peerIds.map((peerId) => server.removePeer(roomId, peerId).catch(() => undefined)));
      await server.closeRoom(roomId).catch((error: unknown) => logger.warn({ err: error, room: roomId }, 'closing a booth media room failed'));
    }
  }

  /** The media failed: a conversation goes back to text (video state `failed`, both told), a presentation stops. */
  async function failStage(stage: Stage, reason: string): Promise<void> {
    if (stage.closed) return;
    if (stage.kind === 'conversation') {
      logger.warn({ conversation: stage.key, reason }, 'conversation video failed; the chat goes on');
      await live.endVideo(stage.key, 'failed').catch((error: unknown) => logger.error({ err: error }, 'recording a failed video failed'));
    }
    await closeStage(stage, 'failed');
  }

  // ---- presentations ----

  function presentationStatus(boothId: string): TPresentationStatus {
    const stage = stages.get(stageKey('presentation', boothId));
    const p = stage?.presentation;
    return {
      boothId,
      isLive: Boolean(p && !stage.closed),
      presenterName: p?.presenterName ?? null,
      source: p?.source ?? null,
      viewers: stage ? viewersOf(stage).length : 0,
      maxViewers,
      startedAt: p?.startedAt.toISOString() ?? null,
    };
  }

  function viewersOf(stage: Stage): TPresentationViewer[] {
    return [...stage.members.values()].filter((m) => !m.canPublish).map((m) => ({ userId: m.userId, name: m.name }));
  }

  function announcePresentation(boothId: string): void {
    io.to(rooms.presentation(boothId)).emit('presentation:updated', presentationStatus(boothId));
    const stage = stages.get(stageKey('presentation', boothId));
    const presenter = stage?.presentation && stage.members.get(stage.presentation.presenterId);
    if (stage && presenter) presenter.socket.emit('presentation:viewers-changed', { boothId, viewers: viewersOf(stage) });
  }

  function livePresentation(boothId: string): Stage & { presentation: NonNullable<Stage['presentation']> } {
    const stage = stages.get(stageKey('presentation', boothId));
    if (!stage?.presentation || stage.closed) throw new AppError('conflict', '当前没有演示 / There is no presentation at this booth now', { details: { reason: 'no_presentation' } });
    return stage as Stage & { presentation: NonNullable<Stage['presentation']> };
  }

  // ---- the relay ----

  /** The socket's membership in the stage owning `roomId`. */
  function memberIn(socket: VideoSocket, roomId: string): { stage: Stage; member: StageMember } {
    const stage = byRoom.get(roomId);
    const member = stage?.members.get(socket.data.userId);
    if (!stage || stage.closed || !member || member.socket.id !== socket.id) throw new AppError('forbidden', 'You have no grant for this media room', { details: { media: 'grant-invalid' } });
    return { stage, member };
  }

  function peerIn(socket: VideoSocket, roomId: string): MediaPeerRef {
    const { member } = memberIn(socket, roomId);
    if (!member.isJoined) throw AppError.conflict('Join the media room first (room-media:join)');
    return { roomId, peerId: member.userId };
  }

  const handlers: { [E in EventName]: (socket: VideoSocket, payload: Payload<E>) => Promise<AckData<E>> } = {
    'video:join': async (socket, { conversationId }) => {
      const user = await socketActor(ctx, socket);
      const row = await live.videoConversation(user, conversationId);
      const stage = openStage('conversation', row.id);
      stage.recruiterId ??= row.recruiter_id;
      try {
        return { ...(await admit(stage, socket, user, 'participant')), conversationId: row.id };
      } catch (error) {
        // No media room (the media plane is down or would not create one): back to text.
        if (error instanceof MediaError || (error instanceof AppError && error.code === 'unavailable')) await failStage(stage, error.message);
        else if (stage.members.size === 0 && !stage.roomId) stages.delete(stageKey(stage.kind, stage.key));
        throw error;
      }
    },

    'video:hang-up': async (socket, { conversationId }) => {
      const user = await socketActor(ctx, socket);
      await live.hangUpVideo(user, conversationId);
      const stage = stages.get(stageKey('conversation', conversationId));
      if (stage) await closeStage(stage, 'ended');
      return null;
    },

    'video:report-failure': async (socket, { conversationId, reason }) => {
      const user = await socketActor(ctx, socket);
      await live.videoConversation(user, conversationId);
      const stage = stages.get(stageKey('conversation', conversationId));
      const why = `reported by ${user.role === 'graduate' ? 'the graduate' : 'the recruiter'}: ${reason}`;
      if (stage) await failStage(stage, why);
      else await live.endVideo(conversationId, 'failed');
      return null;
    },

    'presentation:status': async (socket, { boothId }) => {
      const user = await socketActor(ctx, socket);
      await live.boothAudience(user, boothId);
      await socket.join(rooms.presentation(boothId));
      return presentationStatus(boothId);
    },

    'presentation:start': async (socket, { boothId, source }) => {
      const user = await socketActor(ctx, socket);
      const booth = await live.presentStaff(user, boothId);
      const current = stages.get(stageKey('presentation', booth.id));
      if (current?.presentation && current.presentation.presenterId !== user.id) {
        throw new AppError('conflict', `${current.presentation.presenterName} 正在演示 / ${current.presentation.presenterName} is presenting at this booth`, { details: { reason: 'presentation_busy' } });
      }
      const stage = openStage('presentation', booth.id);
      stage.presentation ??= { presenterId: user.id, presenterName: user.name, source, startedAt: new Date(), removed: new Set() };
      stage.presentation.source = source;
      await socket.join(rooms.presentation(booth.id));
      let entry: TMediaEntry;
      try {
        entry = await admit(stage, socket, user, 'host');
      } catch (error) {
        if (stage.members.size === 0) await closeStage(stage, 'failed');
        throw error;
      }
      announcePresentation(booth.id);
      logger.info({ booth: booth.id, room: entry.roomId, presenter: user.id, source }, 'presentation started');
      return { ...entry, presentation: presentationStatus(booth.id) };
    },

    'presentation:stop': async (socket, { boothId }) => {
      const user = await socketActor(ctx, socket);
      await live.presentStaff(user, boothId);
      await closeStage(livePresentation(boothId), 'ended');
      return null;
    },

    'presentation:watch': async (socket, { boothId }) => {
      const user = await socketActor(ctx, socket);
      const audience = await live.boothAudience(user, boothId);
      if (audience.isStaff) throw AppError.forbidden('Graduates watch presentations; the booth’s staff present');
      const stage = livePresentation(boothId);
      if (stage.presentation.removed.has(user.id)) throw new AppError('forbidden', '你已被移出本场演示 / You were removed from this presentation', { details: { reason: 'removed' } });
      if (!stage.members.has(user.id) && viewersOf(stage).length >= maxViewers) {
        throw new AppError('conflict', `演示观众已满（最多 ${maxViewers} 人）/ This presentation is full (at most ${maxViewers} viewers)`, { details: { reason: 'presentation_full', maxViewers } });
      }
      await socket.join(rooms.presentation(boothId));
      const entry = await admit(stage, socket, user, 'viewer');
      announcePresentation(boothId);
      return { ...entry, presentation: presentationStatus(boothId) };
    },

    'presentation:leave': async (socket, { boothId }) => {
      const stage = stages.get(stageKey('presentation', boothId));
      const member = stage?.members.get(socket.data.userId);
      if (!stage || !member || member.socket.id !== socket.id || member.canPublish) return null;
      await dropMember(stage, member.userId, 'leave');
      announcePresentation(boothId);
      return null;
    },

    'presentation:viewers': async (socket, { boothId }) => {
      const user = await socketActor(ctx, socket);
      await live.presentStaff(user, boothId);
      const stage = stages.get(stageKey('presentation', boothId));
      return stage ? viewersOf(stage) : [];
    },

    'presentation:remove-viewer': async (socket, { boothId, viewerId }) => {
      const user = await socketActor(ctx, socket);
      await live.presentStaff(user, boothId);
      const stage = livePresentation(boothId);
      const member = stage.members.get(viewerId);
      if (!member || member.canPublish) throw AppError.notFound('Viewer');
      stage.presentation.removed.add(viewerId);
      const roomId = stage.roomId;
      // Revokes the viewer's grants and stops their media now.
      await dropMember(stage, viewerId, 'remove');
      if (roomId) member.socket.emit('room-media:closed', { roomId, reason: 'removed' });
      announcePresentation(boothId);
      logger.info({ booth: boothId, room: roomId, viewer: viewerId, by: user.id }, 'presentation viewer removed');
      return null;
    },

    'room-media:join': async (socket, { roomId, grant }) => {
      const { stage, member } = memberIn(socket, roomId);
      assertGrantFor(grant, { roomId, peerId: member.userId }, 'media room');
      let joined;
      try {
        joined = await access.join(grant);
      } catch (error) {
        if (stage.kind === 'conversation' && error instanceof MediaError && MEDIA_FAILURES.has(error.code)) await failStage(stage, error.message);
        throw error;
      }
      if (stage.closed || stage.members.get(member.userId) !== member) {
        await access.leave(joined);
        throw AppError.conflict('The video has ended');
      }
      member.isJoined = true;
      return { publishers: joined.publishers };
    },

    'room-media:publish': async (socket, { roomId, sdp }) => {
      const { member } = memberIn(socket, roomId);
      // Viewers hold a subscribe-only grant; the media server refuses them as well.
      if (!member.canPublish) throw new AppError('forbidden', 'Viewers watch only; they cannot publish', { details: { media: 'forbidden' } });
      return access.publish(peerIn(socket, roomId), sdp);
    },
    'room-media:subscribe': (socket, { roomId, publisherPeerId }) => access.subscribe(peerIn(socket, roomId), publisherPeerId),
    'room-media:answer': (socket, { roomId, subscriptionId, sdp }) => access.answer(peerIn(socket, roomId), subscriptionId, sdp),
    'room-media:unsubscribe': (socket, { roomId, subscriptionId }) => access.unsubscribe(peerIn(socket, roomId), subscriptionId),
    'room-media:trickle': (socket, { roomId, subscriptionId, candidate }) => access.trickle(peerIn(socket, roomId), subscriptionId, candidate),

    'room-media:leave': async (socket, { roomId }) => {
      const { member } = memberIn(socket, roomId);
      if (!member.isJoined) return null;
      member.isJoined = false;
      await access.leave({ roomId, peerId: member.userId });
      return null;
    },
  };

  /** A conversation that ended, moved to another recruiter or left video closes its media room. */
  live.watchConversations((conversation: TConversation) => {
    const stage = stages.get(stageKey('conversation', conversation.id));
    if (!stage || stage.closed) return;
    const recruiterMoved = stage.recruiterId !== undefined && stage.recruiterId !== conversation.recruiterId;
    if (conversation.status === 'active' && conversation.videoState === 'accepted' && !recruiterMoved) return;
    void (async () => {
      // A hand-off takes the conversation's video with it: the new recruiter invites again.
      if (conversation.status === 'active' && conversation.videoState === 'accepted') await live.endVideo(conversation.id, 'ended');
      await closeStage(stage, conversation.videoState === 'failed' ? 'failed' : 'ended');
    })().catch((error: unknown) => logger.error({ err: error, conversation: conversation.id }, 'closing a conversation video failed'));
  });

  /** A socket that goes takes its memberships with it: a conversation's video ends, a presenter's presentation stops. */
  async function socketGone(socket: VideoSocket): Promise<void> {
    const mine = stagesOfSocket.get(socket.id);
    stagesOfSocket.delete(socket.id);
    for (const stage of mine ?? []) {
      const member = stage.members.get(socket.data.userId);
      if (!member || member.socket.id !== socket.id) continue;
      if (stage.kind === 'conversation') {
        await live.endVideo(stage.key, 'ended');
        await closeStage(stage, 'ended');
      } else if (member.canPublish) {
        await closeStage(stage, 'ended');
      } else {
        await dropMember(stage, member.userId, 'leave');
        announcePresentation(stage.key);
      }
    }
  }

  io.on('connection', (socket) => {
    answerRequests(socket, { events: BOOTH_VIDEO_CLIENT_EVENTS, schemas: BOOTH_VIDEO_EVENT_SCHEMAS, handlers, rateLimit: options?.rateLimit ?? DEFAULT_MEDIA_RATE_LIMIT, logger, label: 'booth video' });
    socket.on('disconnect', () => {
      socketGone(socket).catch((error: unknown) => logger.error({ err: error, socket: socket.id }, 'leaving booth video failed'));
    });
  });
}
