/**
 * A subscriber that counts RTP packets without decoding them: a node-datachannel (libdatachannel)
 * PeerConnection answering the server's offer. @roamhq/wrtc decodes every video track it receives,
 * sink or not, and N VP8 decoders in Node saturate 2 cores long before Janus does; libdatachannel
 * only decrypts (SRTP) and hands each packet over, so it measures the SFU's delivery, not the client.
 */
import nodeDataChannel, { type PeerConnection, type Track } from 'node-datachannel';
import type { MediaServer } from '../../server/src/media/media-server.js';
import { subscriptionCandidates } from '../../test/support/media-peers.js';

export interface RtpReceiver {
  /** RTP packets of the offered VP8 payload type received so far (RTCP and any other payload type apart). */
  packets(): number;
  /** RTP packets of other payload types (RTX) received so far. */
  otherPackets(): number;
  /** Resolves once DTLS is up (media may flow); rejects if the connection fails or after `timeoutMs`. */
  connected(timeoutMs?: number): Promise<void>;
  close(): void;
}

/** RFC 5761: with rtcp-mux, RTCP packet types 192–223 sit where RTP has its marker bit and payload type. */
const isRtcp = (packet: Buffer) => packet.length >= 2 && packet[1]! >= 192 && packet[1]! <= 223;

/** Subscribes `peerId` to `publisherPeerId` through the port and counts the packets that arrive. */
export async function startRtpReceiver(media: MediaServer, roomId: string, peerId: string, publisherPeerId: string): Promise<RtpReceiver> {
  const subscription = await media.subscribe(roomId, peerId, publisherPeerId);
  const vp8 = Number(/a=rtpmap:(\d+) VP8\/90000/i.exec(subscription.offer.sdp)?.[1] ?? Number.NaN);
  if (!Number.isFinite(vp8)) throw new Error('the offer carries no VP8');
  const pc: PeerConnection = new nodeDataChannel.PeerConnection(peerId, { iceServers: [] });
  // The JS Track must stay referenced: once garbage-collected, libdatachannel closes it and packets stop.
  const tracks: Track[] = [];
  let packets = 0;
  let other = 0;
  pc.onTrack((track) => {
    tracks.push(track);
    track.onMessage((packet) => {
      if (isRtcp(packet)) return;
      if ((packet[1]! & 0x7f) === vp8) packets += 1;
      else other += 1;
    });
  });
  let state = 'new';
  const stateWaiters: (() => void)[] = [];
  pc.onStateChange((s) => {
    state = s;
    for (const wake of stateWaiters.splice(0)) wake();
  });
  const candidates = subscriptionCandidates(media, roomId, peerId, subscription.subscriptionId);
  pc.onLocalCandidate((candidate, mid) => candidates.found({ candidate: candidate.replace(/^a=/, ''), sdpMid: mid }));
  pc.onGatheringStateChange((s) => {
    if (s === 'complete') candidates.found(null);
  });
  const answer = new Promise<string>((resolve) => pc.onLocalDescription((sdp, type) => type === 'answer' && resolve(sdp)));
  const close = () => {
    for (const track of tracks) track.close();
    pc.close();
  };
  try {
    // libdatachannel answers a remote offer by itself (recvonly for Janus's sendonly video).
    pc.setRemoteDescription(subscription.offer.sdp, 'offer');
    await candidates.answer({ type: 'answer', sdp: await answer });
  } catch (error) {
    close();
    throw error;
  }
  return {
    packets: () => packets,
    otherPackets: () => other,
    connected(timeoutMs = 10_000) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${peerId}: not connected within ${timeoutMs} ms (state ${state})`)), timeoutMs);
        const check = () => {
          if (state === 'connected') resolve();
          else if (state === 'failed' || state === 'closed') reject(new Error(`${peerId}: connection ${state}`));
          else return stateWaiters.push(check);
          clearTimeout(timer);
        };
        check();
      });
    },
    close,
  };
}
