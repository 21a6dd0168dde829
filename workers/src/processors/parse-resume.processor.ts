import { UnrecoverableError, type Processor, type Queue } from 'bullmq';
import { JOB_NAMES, ZParseResumeJobSchema, prepareCandidate, prepareJob, resumeParsedJobId, scorePrepared, screeningCandidate, type TResumeParsedResult } from '@yunpin/shared';
import type { BlobStore } from '@yunpin/shared/node';
import { CorruptFileError, ParseLimitError } from '../lib/parsing/errors.js';
import type { ResumeParser } from '../lib/parsing/parse-pool.js';

/** What a graduate reads when their file cannot be used, by failure code. */
const FAILURE_MESSAGES: Record<string, string> = {
  FILE_CORRUPT: '文件已损坏或无法读取，请另存为 PDF 后重新上传 / The file is damaged or unreadable; save it as PDF and upload it again',
  PARSE_TIMEOUT: '文件过于复杂，无法在限定时间内读取 / The file is too complex to read in the time allowed',
  PARSE_MEMORY: '文件过于复杂，超出了读取所需的内存上限 / The file needs more memory to read than is allowed',
  PDF_ENCRYPTED: 'PDF 已加密，请去除密码后重新上传 / The PDF is password-protected; remove the password and upload it again',
  DOCX_ZIP_BOMB: '文件解压后过大，已拒绝 / The file expands to far more than a resume; refused',
  ZIP_PATH_ESCAPE: '文件内部结构不安全，已拒绝 / The file contains an unsafe entry; refused',
  FILE_MISSING: '文件已不在存储中，请重新上传 / The file is no longer stored; upload it again',
};

/**
 * Parses one uploaded resume in a sandboxed thread, scores the applications waiting for it, and posts
 * the result for the server to record.
 * A transient fault (Redis, disk) throws and BullMQ retries with backoff; a file that cannot be read
 * posts a failure the graduate sees and ends with UnrecoverableError, so it is never retried.
 */
export function parseResumeProcessor(deps: { blobs: BlobStore; parser: ResumeParser; results: Queue }): Processor {
  return async (job) => {
    const data = ZParseResumeJobSchema.parse(job.data);
    const post = (result: TResumeParsedResult) => deps.results.add(JOB_NAMES.resumeParsed, result, { jobId: resumeParsedJobId(data.resumeId) });
    const fail = async (code: string, detail: string) => {
      await post({ ok: false, resumeId: data.resumeId, code, message: FAILURE_MESSAGES[code] ?? detail });
      throw new UnrecoverableError(`${code}: ${detail}`);
    };
    let bytes: Buffer;
    try {
      bytes = await deps.blobs.get(data.sha256);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fail('FILE_MISSING', `blob ${data.sha256} not found`);
      throw error;
    }
    let output;
    try {
      output = await deps.parser.parse(bytes, data.kind);
    } catch (error) {
      if (error instanceof CorruptFileError) return fail(error.reason ?? error.code, error.message);
      if (error instanceof ParseLimitError) return fail(error.code, error.message);
      throw error;
    }
    // The applications waiting for this resume are scored here too, saving a trip through the screening queue;
    // the candidate's side of the scoring is prepared once for all of them.
    const candidate = data.screen.length ? prepareCandidate(screeningCandidate({ parsed: output.parsed, text: output.text }, data.file)) : undefined;
    const screenings = candidate ? data.screen.map((s) => ({ applicationId: s.applicationId, requirementsVersion: s.requirementsVersion, result: scorePrepared(prepareJob(s.job), candidate) })) : [];
    await post({ ok: true, resumeId: data.resumeId, output, screenings });
    return { pages: output.pages, skills: output.parsed.skills.length };
  };
}
