import type { z } from 'zod';
import {
  ZAnswerVideoSchema,
  ZBoothRefSchema,
  ZCallRefSchema,
  ZConversationRefSchema,
  ZEmptySchema,
  ZEndConversationSchema,
  ZExtendConversationSchema,
  ZFairRefSchema,
  ZHandOffSchema,
  ZSendMessageSchema,
  type ClientToServerEvents,
  type TSessionUser,
} from '@yunpin/shared';
import type { LiveFairService } from '../domain/live-fair/live-fair-service.js';
import { rooms } from '../domain/live-fair/broadcaster.js';

type EventName = keyof ClientToServerEvents;
type AckData<E extends EventName> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0] extends infer A ? (A extends { ok: true; data: infer D } ? D : never) : never;

/** What a handler may do to its own socket besides answering. */
export interface SocketHandle {
  join(room: string): void;
  leave(room: string): void;
}

interface EventSpec<S extends z.ZodType, E extends EventName> {
  schema: S;
  run: (actor: TSessionUser, payload: z.output<S>, socket: SocketHandle) => Promise<AckData<E>>;
}

type EventTable = { [E in EventName]: EventSpec<z.ZodType, E> };

function spec<S extends z.ZodType, E extends EventName>(schema: S, run: EventSpec<S, E>['run']): EventSpec<S, E> {
  return { schema, run };
}

/** One entry per client event: its payload schema and the use case it calls. Thin by design. */
export function eventTable(live: LiveFairService): EventTable {
  return {
    'lobby:enter': spec(ZFairRefSchema, async (actor, p, socket) => {
      const lobby = await live.enterLobby(actor, p.fairId);
      socket.join(rooms.lobby(p.fairId));
      return lobby;
    }),
    'lobby:leave': spec(ZFairRefSchema, async (_actor, p, socket) => {
      socket.leave(rooms.lobby(p.fairId));
      return null;
    }),
    'queue:join': spec(ZBoothRefSchema, (actor, p) => live.joinQueue(actor, p.boothId)),
    'queue:leave': spec(ZBoothRefSchema, (actor, p) => live.leaveQueue(actor, p.boothId)),
    'queue:mine': spec(ZEmptySchema, (actor) => live.myQueues(actor)),
    'console:open': spec(ZBoothRefSchema, (actor, p) => live.openConsole(actor, p.boothId)),
    'call:next': spec(ZBoothRefSchema, (actor, p) => live.callNext(actor, p.boothId)),
    'call:skip': spec(ZCallRefSchema, (actor, p) => live.skipCall(actor, p.callId)),
    'call:return': spec(ZCallRefSchema, (actor, p) => live.returnCall(actor, p.callId)),
    'call:accept': spec(ZCallRefSchema, (actor, p) => live.acceptCall(actor, p.callId)),
    'call:decline': spec(ZCallRefSchema, (actor, p) => live.declineCall(actor, p.callId)),
    'conversation:open': spec(ZConversationRefSchema, (actor, p) => live.openConversation(actor, p.conversationId)),
    'conversation:send': spec(ZSendMessageSchema, (actor, p) => live.sendMessage(actor, p)),
    'conversation:extend': spec(ZExtendConversationSchema, (actor, p) => live.extendConversation(actor, p.conversationId, p.minutes)),
    'conversation:end': spec(ZEndConversationSchema, (actor, p) => live.endConversation(actor, p)),
    'conversation:hand-off': spec(ZHandOffSchema, (actor, p) => live.handOff(actor, p.conversationId, p.toRecruiterId)),
    'conversation:invite-video': spec(ZConversationRefSchema, (actor, p) => live.inviteVideo(actor, p.conversationId)),
    'conversation:answer-video': spec(ZAnswerVideoSchema, (actor, p) => live.answerVideo(actor, p.conversationId, p.accept)),
  };
}
