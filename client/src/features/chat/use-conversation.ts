import { useCallback, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TChatMessage, TConversation, TConversationDetail } from '@yunpin/shared';
import { useLiveEvent, useLiveRequest } from '../live/live-connection';
import { useLiveKey, useLiveQuery } from '../live/use-live-query';

type TConversationChange = (change: (detail: TConversationDetail) => TConversationDetail) => void;

function conversationKey(conversationId: string): readonly unknown[] {
  return ['conversation', conversationId];
}

/** Adds a message once: a resend with the same client id comes back with the same id. */
export function withMessage(detail: TConversationDetail, message: TChatMessage): TConversationDetail {
  if (detail.messages.some((item) => item.id === message.id)) return detail;
  return { ...detail, messages: [...detail.messages, message].sort((a, b) => a.sentAt.localeCompare(b.sentAt)) };
}

function withConversation(conversation: TConversation): (detail: TConversationDetail) => TConversationDetail {
  return (detail) => ({ ...detail, conversation });
}

/** Changes the cached conversation in place, as acks and events arrive. */
export function useUpdateConversation(conversationId: string): TConversationChange {
  const queryClient = useQueryClient();
  const key = useLiveKey(conversationKey(conversationId));
  return useCallback(
    (change) => queryClient.setQueryData<TConversationDetail>(key, (detail) => detail && change(detail)),
    [queryClient, key],
  );
}

/**
 * One conversation: its history from conversation:open (again after a reconnect), then new
 * messages and state changes as they arrive. `warnedFor` is the soft limit the server warned about.
 */
export function useConversation(conversationId: string) {
  const query = useLiveQuery(conversationKey(conversationId), 'conversation:open', { conversationId });
  const update = useUpdateConversation(conversationId);
  const [warnedFor, setWarnedFor] = useState<string | null>(null);

  useLiveEvent('conversation:message', (message) => {
    if (message.conversationId === conversationId) update((detail) => withMessage(detail, message));
  });
  useLiveEvent('conversation:updated', (conversation) => {
    if (conversation.id === conversationId) update(withConversation(conversation));
  });
  useLiveEvent('conversation:time-warning', (warning) => {
    if (warning.conversationId === conversationId) setWarnedFor(warning.softLimitAt);
  });

  return { query, warnedFor };
}

interface TConversationOutcome {
  notes?: string;
  rating?: number;
}

/** Requests that change a conversation; each answers with its new state, which replaces the cached one. */
export function useConversationActions(conversationId: string) {
  const send = useLiveRequest();
  const update = useUpdateConversation(conversationId);
  const onSuccess = (conversation: TConversation) => update(withConversation(conversation));
  return {
    extend: useMutation({ mutationFn: (minutes: number) => send('conversation:extend', { conversationId, minutes }), onSuccess }),
    inviteVideo: useMutation({ mutationFn: () => send('conversation:invite-video', { conversationId }), onSuccess }),
    answerVideo: useMutation({
      mutationFn: (accept: boolean) => send('conversation:answer-video', { conversationId, accept }),
      onSuccess,
    }),
    end: useMutation({
      mutationFn: (outcome: TConversationOutcome) => send('conversation:end', { conversationId, ...outcome }),
      onSuccess,
    }),
    handOff: useMutation({
      mutationFn: (toRecruiterId: string) => send('conversation:hand-off', { conversationId, toRecruiterId }),
      onSuccess,
    }),
  };
}
