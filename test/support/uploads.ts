import type { ApiClient } from './client.js';

export interface UploadResponse {
  status: number;
  body: any;
}

const MIME = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;

/** Uploads a file as a browser form would: multipart/form-data, field "file", with the session and CSRF token. */
export async function uploadFile(client: ApiClient, path: string, bytes: Uint8Array, filename: string, mimeType?: string): Promise<UploadResponse> {
  const ext = filename.split('.').pop() as keyof typeof MIME;
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: mimeType ?? MIME[ext] ?? 'application/octet-stream' }), filename);
  const res = await fetch(`${client.baseUrl}${path}`, {
    method: 'POST',
    headers: { cookie: client.cookie ?? '', 'x-csrf-token': client.csrfToken ?? '' },
    body: form,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/**
 * Streams a multipart body of `size` bytes without a Content-Length (chunked), so the server cannot
 * refuse it from the header and has to count as it reads.
 */
export async function uploadStreamed(client: ApiClient, path: string, size: number, filename = 'big.pdf'): Promise<UploadResponse> {
  const boundary = '----yunpin-test-boundary';
  const head = new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`);
  const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(head);
    },
    pull(controller) {
      if (sent >= size) {
        controller.enqueue(tail);
        controller.close();
        return;
      }
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  const res = await fetch(`${client.baseUrl}${path}`, {
    method: 'POST',
    headers: { cookie: client.cookie ?? '', 'x-csrf-token': client.csrfToken ?? '', 'content-type': `multipart/form-data; boundary=${boundary}` },
    body,
    duplex: 'half',
  } as RequestInit);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
