import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TConversation, TStaffQueue } from '@yunpin/shared';
import { isApiError } from '../../lib/api-error';
import { useLiveEvent, useLiveRequest } from '../live/live-connection';
import { useLiveKey, useLiveQuery } from '../live/use-live-query';

/** The booth's active conversations after one started, changed hands or ended. */
export function withConversation(conversations: TConversation[], conversation: TConversation): TConversation[] {
  const others = conversations.filter((c) => c.id !== conversation.id);
  return conversation.status === 'active' ? [...others, conversation] : others;
}

/**
 * A booth's queue as its staff see it; opening it also tells the server this recruiter is at the
 * booth. Queue updates replace the queue unless older than it; conversations follow their own events.
 */
export function useConsole(boothId: string) {
  const queryClient = useQueryClient();
  const key = useLiveKey(['console', boothId]);
  const queue = useLiveQuery(['console', boothId], 'console:open', { boothId });
  useLiveEvent('console:updated', (next) => {
    if (next.boothId !== boothId) return;
    queryClient.setQueryData<TStaffQueue>(key, (current) => (current && current.version <= next.version ? { ...next, activeConversations: current.activeConversations } : current));
  });
  const onConversation = (conversation: TConversation) => {
    if (conversation.boothId !== boothId) return;
    queryClient.setQueryData<TStaffQueue>(key, (current) => current && { ...current, activeConversations: withConversation(current.activeConversations, conversation) });
  };
  useLiveEvent('conversation:started', onConversation);
  useLiveEvent('conversation:updated', onConversation);
  return queue;
}

/** Calling graduates: the next one, or for a call still ringing, skip it (a lapse for them) or put them back. */
export function useCallActions(boothId: string) {
  const send = useLiveRequest();
  return {
    next: useMutation({ mutationFn: () => send('call:next', { boothId }) }),
    skip: useMutation({ mutationFn: (callId: string) => send('call:skip', { callId }) }),
    putBack: useMutation({ mutationFn: (callId: string) => send('call:return', { callId }) }),
  };
}

/** Why the server refused a call or hand-off for lack of room, e.g. 'recruiter_full' when K conversations are open. */
export function conflictReason(error: unknown): unknown {
  if (!isApiError(error) || error.code !== 'conflict') return undefined;
  const { details } = error;
  return typeof details === 'object' && details !== null && 'reason' in details ? details.reason : undefined;
}

export function isRecruiterFull(error: unknown): boolean {
  return conflictReason(error) === 'recruiter_full';
}
