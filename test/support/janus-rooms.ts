import Janode, { type JanodeConnection, type JanodeSession } from 'janode';
import VideoRoomPlugin, { type VideoRoomHandle } from 'janode/plugins/videoroom';

/** A janode connection of its own to a Janus, with one VideoRoom handle: to look at Janus from outside the adapter. */
export interface JanusControl {
  connection: JanodeConnection;
  session: JanodeSession;
  videoroom: VideoRoomHandle;
  close(): Promise<void>;
}

export async function openJanusControl(url: string): Promise<JanusControl> {
  Janode.Logger.setLevel('none');
  const connection = await Janode.connect({ address: { url }, retry_time_secs: 1, max_retries: 0 });
  try {
    const session = await connection.create();
    const videoroom = await session.attach(VideoRoomPlugin);
    return {
      connection,
      session,
      videoroom,
      async close() {
        await session.destroy().catch(() => undefined);
        await connection.close().catch(() => undefined);
      },
    };
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw error;
  }
}

/** The VideoRoom rooms Janus holds now, private ones included (they are listed only with the admin key). */
export async function listJanusRooms(control: JanusControl, adminKey: string): Promise<number[]> {
  const { list } = await control.videoroom.list({ admin_key: adminKey });
  return list.map((r) => r.room);
}
