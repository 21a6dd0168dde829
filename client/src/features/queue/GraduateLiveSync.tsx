import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { placeOf, type TMyQueues, type TQueuePlace } from '@yunpin/shared';
import { useLiveEvent } from '../live/live-connection';
import { IncomingCallModal } from './IncomingCallModal';
import { useRefreshMyQueues, useUpdateMyQueues, withConversation, withoutPlace } from './use-my-queues';

function withoutConversation(queues: TMyQueues, conversationId: string): TMyQueues {
  return { ...queues, conversationIds: queues.conversationIds.filter((id) => id !== conversationId) };
}

/**
 * Keeps a graduate's live state current wherever they are in the portal: places follow the booth
 * broadcasts (positions computed with placeOf, older snapshots ignored), calls ring in the modal (which also keeps the
 * queue:mine query loaded), conversations are tracked.
 */
export function GraduateLiveSync() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateMyQueues();
  const refresh = useRefreshMyQueues();

  useLiveEvent('queue:booth-updated', (snapshot) =>
    update((queues) => ({
      ...queues,
      places: queues.places.flatMap((place): TQueuePlace[] => {
        // Another booth, or an older snapshot than the figures shown (snapshots may cross on the way).
        if (place.boothId !== snapshot.boothId || snapshot.version < place.version) return [place];
        const figures = placeOf(snapshot, place.ticket);
        return figures ? [{ ...place, ...figures, version: snapshot.version }] : [];
      }),
    })),
  );
  useLiveEvent('queue:place-removed', ({ boothId, reason }) => {
    update((queues) => withoutPlace(queues, boothId));
    if (reason !== 'served' && reason !== 'left') void message.warning(t(`queue.removed.${reason}`));
  });
  useLiveEvent('call:incoming', (call) => update((queues) => ({ ...queues, call })));
  useLiveEvent('call:cancelled', ({ callId, reason }) => {
    update((queues) => (queues.call?.callId === callId ? { ...queues, call: null } : queues));
    if (reason === 'expired' || reason === 'skipped') void message.warning(t(`call.cancelled.${reason}`));
    refresh();
  });
  useLiveEvent('conversation:started', (conversation) => update((queues) => withConversation(queues, conversation.id)));
  useLiveEvent('conversation:updated', (conversation) => {
    if (conversation.status === 'ended') update((queues) => withoutConversation(queues, conversation.id));
  });

  return <IncomingCallModal />;
}
