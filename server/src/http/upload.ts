import busboy from 'busboy';
import type { Request } from 'express';
import { AppError, type TResumeKind } from '@yunpin/shared';

export interface UploadedFile {
  filename: string;
  mimeType: string;
  bytes: Buffer;
}

/** Room for the multipart framing around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

export function tooLarge(maxBytes: number): AppError {
  const mb = Math.round(maxBytes / 1024 / 1024);
  return new AppError('payload_too_large', `文件不能超过 ${mb} MB / The file must not exceed ${mb} MB`, { details: { maxBytes } });
}

/**
 * Reads one file from a multipart/form-data request, field `file`. A body declared larger than the
 * limit is refused before any of it is read; an undeclared one is counted as it streams and refused
 * at the first byte over the limit, so an oversized file is never buffered whole.
 */
export function readSingleFile(req: Request, maxBytes: number): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const type = req.get('content-type') ?? '';
    if (!type.startsWith('multipart/form-data')) {
      reject(new AppError('unsupported_media_type', 'Send the file as multipart/form-data in a field named "file"'));
      return;
    }
    const declared = Number(req.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD) {
      reject(tooLarge(maxBytes));
      return;
    }
    let settled = false;
    const fail = (error: AppError) => {
      if (settled) return;
      settled = true;
      req.unpipe(bb);
      // Let the rest of the body drain so the client receives the answer instead of a reset.
      req.resume();
      reject(error);
    };
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: maxBytes, fields: 0, parts: 2 } });
    } catch {
      reject(new AppError('bad_request', 'Malformed multipart body'));
      return;
    }
    let found: UploadedFile | undefined;
    bb.on('file', (field, stream, info) => {
      if (field !== 'file') {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        chunks.push(chunk);
      });
      stream.on('limit', () => {
        chunks.length = 0;
        fail(tooLarge(maxBytes));
      });
      stream.on('end', () => {
        if (!settled) found = { filename: info.filename ?? '', mimeType: info.mimeType, bytes: Buffer.concat(chunks, size) };
      });
    });
    bb.on('filesLimit', () => fail(new AppError('bad_request', 'Send one file at a time')));
    bb.on('error', () => fail(new AppError('bad_request', 'Malformed multipart body')));
    bb.on('close', () => {
      if (settled) return;
      settled = true;
      if (!found || found.bytes.length === 0) reject(new AppError('validation_failed', 'No file: send it in a field named "file"', { details: [{ path: 'body.file', message: 'Required' }] }));
      else resolve(found);
    });
    req.pipe(bb);
  });
}

const EXTENSIONS: Record<string, TResumeKind> = { pdf: 'pdf', docx: 'docx' };
const MIME_TYPES: Record<string, TResumeKind> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

/** The type a resume claims by its name and its MIME type; both must agree when both are given. */
export function declaredResumeKind(file: { filename: string; mimeType: string }): TResumeKind {
  const ext = file.filename.toLowerCase().split('.').pop() ?? '';
  const byName = EXTENSIONS[ext];
  const byMime = MIME_TYPES[file.mimeType.toLowerCase()];
  if (!byName) throw new AppError('unsupported_media_type', '只接受 PDF 或 DOCX 简历 / Only PDF and DOCX resumes are accepted');
  if (byMime && byMime !== byName) throw new AppError('file_type_mismatch', '文件名与文件类型不符 / The file name and its type disagree');
  return byName;
}
