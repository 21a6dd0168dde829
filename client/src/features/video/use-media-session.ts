import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { MediaChannel } from '../../media/media-channel';
import { MediaSession, type TMediaSessionState } from '../../media/MediaSession';

export interface TMediaSessionHandle {
  session: MediaSession | null;
  state: TMediaSessionState | null;
  /** The local devices could not all be opened (camera or microphone missing). */
  isPartial: boolean;
  /** Opening the local media failed outright (a cancelled screen picker). */
  openError: unknown;
}

/**
 * Runs a MediaSession on `channel` while the component is mounted (and `channel` stays the same): opens
 * the local media, enters, and on unmount leaves and stops the local tracks. Pass a memoised channel and
 * a stable `openLocal` (one of ./local-media's functions).
 */
export function useMediaSession(channel: MediaChannel | null, openLocal: () => Promise<{ stream: MediaStream; isPartial: boolean }>): TMediaSessionHandle {
  const [session, setSession] = useState<MediaSession | null>(null);
  const [isPartial, setIsPartial] = useState(false);
  const [openError, setOpenError] = useState<unknown>(null);

  useEffect(() => {
    if (!channel) return undefined;
    let cancelled = false;
    let opened: MediaSession | null = null;
    let local: MediaStream | null = null;
    openLocal().then(
      async ({ stream, isPartial: partial }) => {
        local = stream;
        if (cancelled) {
          for (const track of stream.getTracks()) track.stop();
          return;
        }
        setIsPartial(partial);
        opened = new MediaSession({ channel, localStream: stream });
        setSession(opened);
        await opened.start();
      },
      (error: unknown) => {
        if (!cancelled) setOpenError(error);
      },
    );
    return () => {
      cancelled = true;
      void opened?.leave();
      for (const track of local?.getTracks() ?? []) track.stop();
      setSession(null);
      setOpenError(null);
    };
  }, [channel, openLocal]);

  const idle = useRef<TMediaSessionState | null>(null);
  const state = useSyncExternalStore(session?.subscribe ?? (() => () => undefined), session?.snapshot ?? (() => idle.current));
  return { session, state, isPartial, openError };
}
