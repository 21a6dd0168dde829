import { useState } from 'react';
import { useLiveRequest } from '../live/live-connection';
import { useUpdateConversation, withMessage } from './use-conversation';

/** A message on its way: shown greyed until the server stores it, with a retry when that failed. */
export interface TOutgoingMessage {
  clientMessageId: string;
  body: string;
  hasFailed: boolean;
}

/** Sends chat messages; a retry reuses the message's client id, so the server never stores it twice. */
export function useSendMessage(conversationId: string) {
  const send = useLiveRequest();
  const update = useUpdateConversation(conversationId);
  const [outgoing, setOutgoing] = useState<TOutgoingMessage[]>([]);

  const deliver = (message: TOutgoingMessage) => {
    const { clientMessageId, body } = message;
    setOutgoing((list) => [...list.filter((item) => item.clientMessageId !== clientMessageId), { ...message, hasFailed: false }]);
    send('conversation:send', { conversationId, body, clientMessageId }).then(
      (stored) => {
        update((detail) => withMessage(detail, stored));
        setOutgoing((list) => list.filter((item) => item.clientMessageId !== clientMessageId));
      },
      () =>
        setOutgoing((list) =>
          list.map((item) => (item.clientMessageId === clientMessageId ? { ...item, hasFailed: true } : item)),
        ),
    );
  };

  return {
    outgoing,
    send: (body: string) => deliver({ clientMessageId: crypto.randomUUID(), body, hasFailed: false }),
    retry: deliver,
  };
}
