import { useCallback } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { TMyQueues, TQueuePlace } from '@yunpin/shared';
import { useCurrentUser } from '../../app/current-user';
import { useLiveRequest } from '../live/live-connection';
import { LIVE_KEY, useLiveKey, useLiveQuery } from '../live/use-live-query';

const MY_QUEUES = ['queues'] as const;

/** A graduate's places, open call and conversations, as the server keeps them (queue:mine, again on every reconnect). */
export function useMyQueues() {
  const user = useCurrentUser();
  return useLiveQuery(MY_QUEUES, 'queue:mine', {}, user.role === 'graduate');
}

/** Changes the cached queue:mine state in place, as events and acks arrive. */
export function useUpdateMyQueues(): (change: (queues: TMyQueues) => TMyQueues) => void {
  const queryClient = useQueryClient();
  const key = useLiveKey(MY_QUEUES);
  return useCallback(
    (change) => queryClient.setQueryData<TMyQueues>(key, (current) => current && change(current)),
    [queryClient, key],
  );
}

/** Asks the server for the whole state again, e.g. after a call ends and a missed call may have been counted. */
export function useRefreshMyQueues(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: [...LIVE_KEY, ...MY_QUEUES] }), [queryClient]);
}

export function withoutPlace(queues: TMyQueues, boothId: string): TMyQueues {
  return { ...queues, places: queues.places.filter((place) => place.boothId !== boothId) };
}

function withPlace(queues: TMyQueues, place: TQueuePlace): TMyQueues {
  const others = withoutPlace(queues, place.boothId);
  return { ...others, places: [...others.places, place] };
}

export function withConversation(queues: TMyQueues, conversationId: string): TMyQueues {
  if (queues.conversationIds.includes(conversationId)) return queues;
  return { ...queues, conversationIds: [...queues.conversationIds, conversationId] };
}

export function useJoinQueue() {
  const send = useLiveRequest();
  const update = useUpdateMyQueues();
  return useMutation({
    mutationFn: (boothId: string) => send('queue:join', { boothId }),
    onSuccess: (place) => update((queues) => withPlace(queues, place)),
  });
}

export function useLeaveQueue() {
  const send = useLiveRequest();
  const update = useUpdateMyQueues();
  return useMutation({
    mutationFn: (boothId: string) => send('queue:leave', { boothId }).then(() => boothId),
    onSuccess: (boothId) => update((queues) => withoutPlace(queues, boothId)),
  });
}

/** Accepting a call starts the conversation and opens the chat. */
export function useAcceptCall() {
  const send = useLiveRequest();
  const update = useUpdateMyQueues();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (callId: string) => send('call:accept', { callId }),
    onSuccess: (conversation) => {
      update((queues) => withConversation({ ...queues, call: null }, conversation.id));
      void navigate(`/graduate/conversations/${encodeURIComponent(conversation.id)}`);
    },
  });
}

export function useDeclineCall() {
  const send = useLiveRequest();
  const update = useUpdateMyQueues();
  return useMutation({
    mutationFn: (callId: string) => send('call:decline', { callId }),
    onSuccess: () => update((queues) => ({ ...queues, call: null })),
  });
}
