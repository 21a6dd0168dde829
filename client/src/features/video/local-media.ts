/** Camera and microphone, or whatever of them opens; an empty stream when neither does. */
export async function openLocalMedia(): Promise<{ stream: MediaStream; isPartial: boolean }> {
  const devices = navigator.mediaDevices;
  if (!devices?.getUserMedia) return { stream: new MediaStream(), isPartial: true };
  for (const constraints of [{ video: true, audio: true }, { audio: true }, { video: true }] as MediaStreamConstraints[]) {
    try {
      return { stream: await devices.getUserMedia(constraints), isPartial: !(constraints.video && constraints.audio) };
    } catch {
      // try with less
    }
  }
  return { stream: new MediaStream(), isPartial: true };
}

/** The screen (or a window) to present; rejects when the person cancels the picker. */
export async function openScreen(): Promise<{ stream: MediaStream; isPartial: boolean }> {
  return { stream: await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false }), isPartial: false };
}

/** Nothing to send: a viewer watches listen-only. */
export async function noLocalMedia(): Promise<{ stream: MediaStream; isPartial: boolean }> {
  return { stream: new MediaStream(), isPartial: false };
}
