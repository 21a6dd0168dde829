/**
 * Plain browser helpers for the pre-interview device check: camera and microphone streams, a
 * microphone level meter, a speaker test tone and a network round-trip measurement. No UI here.
 */

export type TMediaProblem = 'insecure' | 'unsupported' | 'denied' | 'not_found' | 'in_use' | 'other';

export interface TDeviceLists {
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
}

export type TNetworkQuality = 'good' | 'fair' | 'poor' | 'offline';

export interface TNetworkResult {
  /** Round-trip times of the requests that answered, in milliseconds, in order. */
  samplesMs: number[];
  failures: number;
  medianMs: number | null;
  maxMs: number | null;
  quality: TNetworkQuality;
}

/** Median round trip up to this is good for video; up to FAIR_MS it works with some delay. */
export const GOOD_MS = 150;
export const FAIR_MS = 400;

/** Why media cannot be used at all in this page, or null when getUserMedia is there. */
export function mediaUnavailableReason(): TMediaProblem | null {
  if (typeof window !== 'undefined' && window.isSecureContext === false) return 'insecure';
  if (typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia) return 'unsupported';
  return null;
}

/** Sorts a getUserMedia or enumerateDevices failure into what the person can do about it. */
export function mediaProblemOf(error: unknown): TMediaProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'not_found';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'in_use';
    case 'TypeError':
      return 'unsupported';
    default:
      return 'other';
  }
}

/** Cameras and microphones; their labels are empty until the page has been allowed to use one. */
export async function listDevices(): Promise<TDeviceLists> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return {
    cameras: devices.filter((device) => device.kind === 'videoinput'),
    microphones: devices.filter((device) => device.kind === 'audioinput'),
  };
}

export function openCamera(deviceId: string | null): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({
    video: deviceId ? { deviceId: { exact: deviceId } } : { width: { ideal: 1280 }, height: { ideal: 720 } },
    audio: false,
  });
}

export function openMicrophone(deviceId: string | null): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({ audio: deviceId ? { deviceId: { exact: deviceId } } : true, video: false });
}

export function stopStream(stream: MediaStream | null): void {
  stream?.getTracks().forEach((track) => track.stop());
}

/** The device id of the stream's first track, to show which device the browser picked. */
export function streamDeviceId(stream: MediaStream): string | null {
  const track = stream.getTracks()[0];
  return track?.getSettings().deviceId ?? null;
}

/**
 * Reports the microphone's loudness (0–1, RMS of the waveform, scaled) about 20 times a second
 * through an AnalyserNode; the returned function stops it and closes the audio context.
 */
export function startLevelMeter(stream: MediaStream, onLevel: (level: number) => void): () => void {
  const context = new AudioContext();
  const source = context.createMediaStreamSource(stream);
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const sample of samples) sum += sample * sample;
    const rms = Math.sqrt(sum / samples.length);
    onLevel(Math.min(1, rms * 4));
  }, 50);
  // Some browsers start an AudioContext suspended until a gesture; the meter resumes it if allowed.
  void context.resume().catch(() => undefined);
  return () => {
    clearInterval(timer);
    source.disconnect();
    void context.close().catch(() => undefined);
  };
}

/** Plays a short two-note chime through the default output, to check speakers or headphones. */
export async function playTestTone(): Promise<void> {
  const context = new AudioContext();
  try {
    await context.resume();
    const gain = context.createGain();
    gain.gain.value = 0.15;
    gain.connect(context.destination);
    for (const [index, frequency] of [660, 880].entries()) {
      const oscillator = context.createOscillator();
      oscillator.frequency.value = frequency;
      oscillator.connect(gain);
      const start = context.currentTime + index * 0.35;
      oscillator.start(start);
      oscillator.stop(start + 0.3);
    }
    await new Promise((resolve) => setTimeout(resolve, 800));
  } finally {
    await context.close().catch(() => undefined);
  }
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function networkQuality(medianMs: number | null, failures: number, total: number): TNetworkQuality {
  if (medianMs === null || failures >= total) return 'offline';
  if (failures > 0) return 'poor';
  if (medianMs <= GOOD_MS) return 'good';
  return medianMs <= FAIR_MS ? 'fair' : 'poor';
}

/**
 * Times `count` GET requests to the server's health check one after another (uncached, each
 * with a timeout) and grades the median round trip.
 */
export async function measureNetwork(options: { url?: string; count?: number; timeoutMs?: number; signal?: AbortSignal } = {}): Promise<TNetworkResult> {
  const { url = '/healthz', count = 5, timeoutMs = 3000, signal } = options;
  const samplesMs: number[] = [];
  let failures = 0;
  for (let index = 0; index < count; index += 1) {
    if (signal?.aborted) break;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort);
    const started = performance.now();
    try {
      const response = await fetch(url, {
        cache: 'no-store',
        credentials: 'same-origin',
        signal: controller.signal,
      });
      await response.arrayBuffer();
      if (response.ok) samplesMs.push(Math.round(performance.now() - started));
      else failures += 1;
    } catch {
      failures += 1;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
  const medianMs = median(samplesMs);
  return {
    samplesMs,
    failures,
    medianMs,
    maxMs: samplesMs.length > 0 ? Math.max(...samplesMs) : null,
    quality: networkQuality(medianMs, failures, samplesMs.length + failures),
  };
}
