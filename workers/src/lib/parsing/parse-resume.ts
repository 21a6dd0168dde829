/**
 * One resume file in, the parse output (profile, text, language, pages, warnings) out. Runs the
 * same safety checks as the upload route first, so it is safe on bytes from anywhere.
 */
import { ZResumeParseOutputSchema, type TResumeKind, type TResumeParseOutput } from '@yunpin/shared';
import { detectPdfJavaScript, inspectResumeFile } from '@yunpin/shared/node';
import { CorruptFileError } from './errors.js';
import { extractText } from './extract-text.js';
import { extractProfile } from './profile-extractor.js';

/** Text kept with the parse output, in characters. */
export const MAX_TEXT_CHARS = 20_000;

/**
 * The main language of a text, from the share of Han characters against Latin words (a Chinese
 * resume still has emails and tool names; an English one may have a name in Chinese). A text
 * without letters counts as Chinese, the platform's default.
 */
export function detectLanguage(text: string): 'zh' | 'en' | 'mixed' {
  const han = text.match(/[\u3400-\u9fff\uf900-\ufaff]/g)?.length ?? 0;
  const words = text.match(/[A-Za-z]{2,}/g)?.length ?? 0;
  if (han + words === 0) return 'zh';
  const share = han / (han + 2 * words);
  return share >= 0.7 ? 'zh' : share <= 0.15 ? 'en' : 'mixed';
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

export async function parseResume(bytes: Uint8Array, kind: TResumeKind): Promise<TResumeParseOutput> {
  const inspection = await inspectResumeFile(bytes, kind);
  if (!inspection.ok) throw new CorruptFileError(inspection.message, inspection.code);
  const warnings: string[] = [];
  // pdf.js never runs a document's scripts; the warning tells the reviewer the file carried some.
  if (kind === 'pdf' && detectPdfJavaScript(bytes)) warnings.push('pdf_javascript_ignored');

  const extracted = await extractText(bytes, kind, { maxChars: MAX_TEXT_CHARS });
  if (extracted.text.trim() === '') warnings.push('no_text_layer');
  const text = truncate(extracted.text, MAX_TEXT_CHARS);
  if (text.length < extracted.text.length) warnings.push('text_truncated');

  return ZResumeParseOutputSchema.parse({
    parsed: extractProfile(text),
    text,
    language: detectLanguage(text),
    pages: extracted.pages,
    warnings,
  });
}
