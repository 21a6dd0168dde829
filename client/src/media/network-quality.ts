/** Network quality of a call, from RTCPeerConnection.getStats(). */
export type TCallQuality = 'good' | 'fair' | 'poor' | 'unknown';

export interface TQualitySample {
  /** Packets lost over packets expected since the last sample, 0–1 (null when nothing was expected). */
  loss: number | null;
  /** Round-trip time in ms (null when not measured yet). */
  rttMs: number | null;
  /** Bits per second sent plus received since the last sample. */
  bitrate: number;
  quality: TCallQuality;
  /** Video frames decoded so far, over every subscription. */
  framesDecoded: number;
}

/** Counters read from one round of stats, summed over the connections. */
export interface TStatsCounters {
  at: number;
  packetsReceived: number;
  packetsLost: number;
  bytes: number;
  rttMs: number[];
  framesDecoded: number;
}

const GOOD_LOSS = 0.02;
const FAIR_LOSS = 0.08;
const GOOD_RTT_MS = 200;
const FAIR_RTT_MS = 450;
/** Below this, video is a slideshow. */
const POOR_BITRATE = 60_000;

/** Grades loss, round trip and bitrate: the worst of the three decides. */
export function gradeQuality(loss: number | null, rttMs: number | null, bitrate: number, isExpectingMedia: boolean): TCallQuality {
  if (loss === null && rttMs === null) return 'unknown';
  let grade = 0;
  if (loss !== null) grade = Math.max(grade, loss <= GOOD_LOSS ? 0 : loss <= FAIR_LOSS ? 1 : 2);
  if (rttMs !== null) grade = Math.max(grade, rttMs <= GOOD_RTT_MS ? 0 : rttMs <= FAIR_RTT_MS ? 1 : 2);
  if (isExpectingMedia && bitrate < POOR_BITRATE) grade = Math.max(grade, 1);
  return (['good', 'fair', 'poor'] as const)[grade]!;
}

/** Reads the counters that matter from the stats of several connections. */
export async function readCounters(connections: RTCPeerConnection[]): Promise<TStatsCounters> {
  const counters: TStatsCounters = { at: performance.now(), packetsReceived: 0, packetsLost: 0, bytes: 0, rttMs: [], framesDecoded: 0 };
  for (const pc of connections) {
    const report = await pc.getStats();
    report.forEach((stat: Record<string, unknown> & { type: string }) => {
      if (stat.type === 'inbound-rtp') {
        counters.packetsReceived += Number(stat.packetsReceived ?? 0);
        counters.packetsLost += Math.max(0, Number(stat.packetsLost ?? 0));
        counters.bytes += Number(stat.bytesReceived ?? 0);
        if (stat.kind === 'video') counters.framesDecoded += Number(stat.framesDecoded ?? 0);
      } else if (stat.type === 'outbound-rtp') {
        counters.bytes += Number(stat.bytesSent ?? 0);
      } else if (stat.type === 'remote-inbound-rtp') {
        // What the far end lost of what this side sent.
        counters.packetsLost += Math.max(0, Number(stat.packetsLost ?? 0));
        if (typeof stat.roundTripTime === 'number') counters.rttMs.push(stat.roundTripTime * 1000);
      } else if (stat.type === 'candidate-pair' && stat.nominated === true && typeof stat.currentRoundTripTime === 'number') {
        counters.rttMs.push(stat.currentRoundTripTime * 1000);
      }
    });
  }
  return counters;
}

/** One sample from two rounds of counters. */
export function sampleOf(previous: TStatsCounters | null, current: TStatsCounters, isExpectingMedia: boolean): TQualitySample {
  const seconds = previous ? (current.at - previous.at) / 1000 : 0;
  const received = previous ? current.packetsReceived - previous.packetsReceived : 0;
  const lost = previous ? current.packetsLost - previous.packetsLost : 0;
  const loss = previous && received + lost > 0 ? Math.max(0, lost) / (received + Math.max(0, lost)) : null;
  const bitrate = previous && seconds > 0 ? Math.max(0, ((current.bytes - previous.bytes) * 8) / seconds) : 0;
  const rttMs = current.rttMs.length ? Math.round(Math.max(...current.rttMs)) : null;
  return { loss, rttMs, bitrate: Math.round(bitrate), quality: previous ? gradeQuality(loss, rttMs, bitrate, isExpectingMedia) : 'unknown', framesDecoded: current.framesDecoded };
}
