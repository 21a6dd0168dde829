import { describe, expect, it } from 'vitest';
import { searchQueryTokens, searchTokens } from './search-tokens.js';

const doc = (text: string) => new Set(searchTokens(text).split(' '));
/** Whether an AND query built from the query tokens would find the document. */
const finds = (query: string, text: string) => {
  const q = searchQueryTokens(query);
  const d = doc(text);
  return q.length > 0 && q.every((t) => d.has(t));
};

describe('searchTokens', () => {
  it('segments Chinese, lower-cases Latin words and adds skill ids', () => {
    expect(searchTokens('招聘Java软件工程师')).toBe('招聘 java 软件 工程 工程师 java');
    expect(searchTokens('Electrical Automation Engineer (PLC)')).toBe('electrical automation engineer plc plc');
    expect(searchTokens('会计助理，负责账务处理和纳税申报。')).toBe('会计 助理 负责 账务 处理 纳税 申报 accounting tax');
  });

  it('drops punctuation, whitespace and stopwords, keeps numbers and programming names', () => {
    const tokens = searchTokens('熟悉Spring Boot、Node.js 和 C++ 与 C#；月薪1.2万 的 the and');
    expect(tokens.split(' ')).toEqual(['熟悉', 'spring', 'boot', 'node.js', 'c++', 'c#', '月薪', '1.2', '万', 'cpp', 'csharp', 'spring', 'nodejs']);
    expect(tokens).not.toMatch(/[、；，。()（）]/);
    expect(searchTokens('')).toBe('');
  });

  it('only produces characters a tsquery takes literally', () => {
    const tokens = searchTokens("O'Brien's (C++) «QA» 100% 测试——自动化！ e-mail: a|b & c:*").split(' ');
    for (const t of tokens) expect(t).toMatch(/^[\p{L}\p{N}_+#.-]+$/u);
  });
});

describe('searchQueryTokens', () => {
  it('finds a Chinese title word in a longer Chinese title', () => {
    const q = searchQueryTokens('软件工程师');
    expect(q).toEqual(['软件', '工程师']);
    for (const t of q) expect(doc('招聘Java软件工程师').has(t)).toBe(true);
  });

  it('finds English words', () => {
    expect(searchQueryTokens('Engineer')).toEqual(['engineer']);
    expect(finds('engineer', 'Electrical Automation Engineer (PLC)')).toBe(true);
    expect(finds('engineers', 'Electrical Automation Engineer (PLC)')).toBe(false);
  });

  it('handles mixed Chinese and English queries', () => {
    expect(searchQueryTokens('Java 工程师')).toEqual(['java', '工程师']);
    expect(finds('Java 工程师', '招聘Java软件工程师')).toBe(true);
    expect(finds('Spring Boot开发', '负责后端开发，熟悉Spring Boot')).toBe(true);
    expect(finds('Python 工程师', '招聘Java软件工程师')).toBe(false);
  });

  it('turns skill names into canonical ids so either language finds the other', () => {
    expect(searchQueryTokens('会计')).toEqual(['accounting']);
    expect(finds('会计', 'Accounting Assistant')).toBe(true);
    expect(finds('accounting', '会计助理')).toBe(true);
    expect(finds('仓储', 'Warehouse management specialist')).toBe(true);
    expect(searchQueryTokens('数据分析师')).toEqual(['data_analysis', '分析师']);
    expect(finds('数据分析师', '招聘数据分析师')).toBe(true);
  });

  it('drops stopwords and deduplicates', () => {
    expect(searchQueryTokens('的和与')).toEqual([]);
    expect(searchQueryTokens('  ')).toEqual([]);
    expect(searchQueryTokens('会计 和 会计核算 and Accounting')).toEqual(['accounting']);
  });
});
