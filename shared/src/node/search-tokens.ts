/**
 * Tokens for PostgreSQL full-text search with the 'simple' configuration, which cannot segment
 * Chinese: documents and queries are segmented here (jieba) and stored or queried as
 * space-separated tokens. Known skills add their canonical id, so a search for "会计" finds a job
 * that only says "Accounting".
 */
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import type * as JiebaModule from '@node-rs/jieba';
import type * as JiebaDict from '@node-rs/jieba/dict.js';
import { findSkillMentions, findSkills } from '../screening/skills.js';

let jieba: Jieba | null = null;

/** The segmenter, created on first use: loading its dictionary takes over 100 ms. */
function segmenter(): Jieba {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof JiebaModule;
    const { dict } = require('@node-rs/jieba/dict.js') as typeof JiebaDict;
    jieba = JiebaClass.withDict(dict);
  }
  return jieba;
}

const STOPWORDS = new Set([
  '的', '地', '得', '和', '与', '及', '或', '等', '了', '在', '是', '并', '对', '之', '其', '为', '以', '于', '把', '被', '从', '也', '而', '又',
  '及其', '以及', '等等', '或者', '并且', '我们', '你们', '他们',
  'a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'from', 'by', 'as', 'is', 'are', 'be',
]);

const CJK_RUN = /([\u3400-\u9fff]+)/;
const isCjkRun = (s: string) => /^[\u3400-\u9fff]/.test(s);
const LATIN_WORD = /[\p{L}\p{N}_+#.-]+/gu;

/** A token reduced to the characters a tsquery accepts literally, or null when nothing is left. */
function clean(token: string): string | null {
  const t = token.replace(/[^\p{L}\p{N}_+#.-]/gu, '').replace(/^[.-]+|[.-]+$/g, '');
  if (!t || !/[\p{L}\p{N}]/u.test(t) || STOPWORDS.has(t)) return null;
  return t;
}

const normalise = (s: string) => s.normalize('NFKC').toLowerCase();

/**
 * The search tokens of a document (job title, description, skills...): jieba search-mode words
 * for Chinese, lower-case Latin words and numbers, then the canonical ids of the skills it
 * mentions. Space-joined, for to_tsvector('simple', ...).
 */
export function searchTokens(text: string): string {
  const t = normalise(text);
  const out: string[] = [];
  for (const part of t.split(CJK_RUN)) {
    if (!part) continue;
    const words = isCjkRun(part) ? segmenter().cutForSearch(part, true) : (part.match(LATIN_WORD) ?? []);
    for (const w of words) {
      const c = clean(w);
      if (c) out.push(c);
    }
  }
  out.push(...findSkills(t));
  return out.join(' ');
}

/**
 * The tokens of a search query, all of which a document must contain (an AND tsquery). Words that
 * name a known skill become its canonical id, which every document mentioning the skill in any
 * language carries; other Chinese is segmented in jieba's precise mode (documents carry the
 * search-mode words, a superset). Deduplicated, in query order.
 */
export function searchQueryTokens(query: string): string[] {
  const t = normalise(query);
  const mentions = findSkillMentions(t);
  const covered = (start: number, end: number) => mentions.some((m) => start >= m.start && end <= m.end);
  const found: { at: number; token: string }[] = mentions.map((m) => ({ at: m.start, token: m.id }));
  let offset = 0;
  for (const part of t.split(CJK_RUN)) {
    if (isCjkRun(part)) {
      let at = offset;
      for (const w of segmenter().cut(part, true)) {
        const c = covered(at, at + w.length) ? null : clean(w);
        if (c) found.push({ at, token: c });
        at += w.length;
      }
    } else {
      for (const m of part.matchAll(LATIN_WORD)) {
        const at = offset + m.index;
        const c = covered(at, at + m[0].length) ? null : clean(m[0]);
        if (c) found.push({ at, token: c });
      }
    }
    offset += part.length;
  }
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.token))];
}
