import { ApiClient } from './client.js';
import { uploadFile, type UploadResponse } from './uploads.js';
import { waitFor } from './wait.js';

/** An offer's terms for an application; it expires `expiresInMs` from now and starts a month later. */
export function offerTerms(applicationId: string, expiresInMs = 7 * 86_400_000) {
  const start = new Date(Date.now() + Math.max(expiresInMs, 0) + 30 * 86_400_000).toISOString().slice(0, 10);
  return {
    applicationId,
    position: 'Java 开发工程师',
    salaryMonthlyYuan: 9000,
    startDate: start,
    probationMonths: 3,
    location: '上海市松江区泗泾镇',
    conditions: '提供住宿；缴纳五险一金。',
    expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
  };
}

/**
 * The newest one-time code sent to this user for the offer, read from their notifications (the local
 * Notifier's outbox), as the person would read the text message.
 */
export async function latestCode(client: ApiClient, offerId: string, after = ''): Promise<string> {
  return waitFor(async () => {
    const items = (await client.get('/api/v1/account/notifications')).body.items as { id: string; body: string; createdAt: string }[];
    const message = items.find((m) => m.id.startsWith(`offer-otp-${offerId}-`) && m.id !== after);
    return message ? /验证码 (\d{6})/.exec(message.body)?.[1] : undefined;
  }, 'one-time code message');
}

/** The public verification page's upload, with no login. */
export function uploadPdf(baseUrl: string, pdf: Uint8Array): Promise<UploadResponse> {
  return uploadFile(new ApiClient(baseUrl), '/api/v1/verify', pdf, 'offer.pdf');
}

/**
 * Appends a valid incremental update (one new object, its xref section and a trailer pointing back),
 * the way an editor would change a signed PDF without touching its signed bytes.
 */
export function appendIncrementalUpdate(pdf: Uint8Array): Buffer {
  const text = Buffer.from(pdf).toString('latin1');
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const size = Number(/\/Size (\d+)/.exec(trailer)?.[1]);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)?.[1];
  const prev = Number(/startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf('startxref')))?.[1]);
  if (!size || !root || !Number.isFinite(prev)) throw new Error('no classic trailer to extend');
  const objectAt = pdf.length + 1;
  const object = `\n${size} 0 obj\n(appended after signing)\nendobj\n`;
  const xrefAt = pdf.length + object.length;
  const update = `${object}xref\n${size} 1\n${String(objectAt).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${size + 1} /Root ${root} /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([Buffer.from(pdf), Buffer.from(update, 'latin1')]);
}
