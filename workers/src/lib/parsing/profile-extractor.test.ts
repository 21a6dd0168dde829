import { describe, expect, it } from 'vitest';
import { ZParsedResumeSchema, findSkills } from '@yunpin/shared';
import { degreeOf, extractProfile, headingKind, normaliseDate } from './profile-extractor.js';

/** Every skill id is justified: listed ones first, in order, then ones findSkills sees in the text. */
function expectSkills(parsed: string[], listed: string[], text: string) {
  expect(parsed.slice(0, listed.length)).toEqual(listed);
  const inText = findSkills(text);
  for (const id of parsed.slice(listed.length)) expect(inText, id).toContain(id);
  expect(new Set(parsed).size).toBe(parsed.length);
}

describe('degreeOf', () => {
  it.each([
    ['大专', 'junior_college'],
    ['专科', 'junior_college'],
    ['Associate Degree in Nursing', 'junior_college'],
    ['本科', 'bachelor'],
    ['学士学位', 'bachelor'],
    ['Bachelor of Arts', 'bachelor'],
    ['BSc Computer Science', 'bachelor'],
    ['B.Sc. in Physics', 'bachelor'],
    ['硕士', 'master'],
    ['硕士研究生', 'master'],
    ['研究生', 'master'],
    ['Master of Science', 'master'],
    ['MSc Finance', 'master'],
    ['MBA', 'master'],
    ['博士', 'doctorate'],
    ['博士研究生', 'doctorate'],
    ['PhD in Economics', 'doctorate'],
    ['Ph.D.', 'doctorate'],
    ['高中', 'other'],
    ['中专', 'other'],
  ])('%s → %s', (text, degree) => {
    expect(degreeOf(text)).toBe(degree);
  });

  it('finds nothing in a school name or a major', () => {
    expect(degreeOf('复旦大学')).toBeNull();
    expect(degreeOf('Fudan University')).toBeNull();
    expect(degreeOf('Mathematics')).toBeNull();
  });
});

describe('normaliseDate', () => {
  it.each([
    ['2022.07', '2022-07'],
    ['2022.7', '2022-07'],
    ['2022-07', '2022-07'],
    ['2022/07', '2022-07'],
    ['2022年7月', '2022-07'],
    ['07/2022', '2022-07'],
    ['Jul 2022', '2022-07'],
    ['September 2019', '2019-09'],
    ['Sept. 2019', '2019-09'],
    ['2019', '2019'],
    ['至今', null],
    ['Present', null],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseDate(raw)).toBe(expected);
  });
});

describe('headingKind', () => {
  it.each([
    ['教育背景', 'education'],
    ['【教育经历】', 'education'],
    ['EDUCATION', 'education'],
    ['教育背景 Education', 'education'],
    ['专业技能', 'skills'],
    ['技能', 'skills'],
    ['Technical Skills', 'skills'],
    ['工作经历', 'experience'],
    ['实习经历', 'experience'],
    ['项目经历', 'experience'],
    ['Work Experience', 'experience'],
    ['Internship', 'experience'],
    ['Projects', 'experience'],
    ['工作经历 / Work Experience', 'experience'],
    ['语言能力', 'languages'],
    ['Languages:', 'languages'],
    ['个人信息', 'contact'],
    ['基本信息', 'contact'],
    ['Contact', 'contact'],
    ['自我评价', 'other'],
  ])('%s → %s', (line, kind) => {
    expect(headingKind(line)).toBe(kind);
  });

  it('does not take content lines for headings', () => {
    expect(headingKind('熟练掌握 Java 和 Python 等编程语言')).toBeNull();
    expect(headingKind('Education consultant at Acme')).toBeNull();
    expect(headingKind('2019 – 2023')).toBeNull();
  });
});

describe('extractProfile: Chinese', () => {
  const text = [
    '个人简历',
    '姓名：李雷    性别：男',
    '手机：+86 139-0013-8000  邮箱：lilei@163.com',
    '【教育背景】',
    '2016.09-2020.06 深圳职业技术学院 软件技术 大专',
    '【专业技能】',
    '编程语言：Java、Python；数据库：MySQL、Redis',
    '熟悉Linux操作系统，掌握HTML/CSS、Kotlin',
    '办公软件：Word、Excel、PPT',
    '【工作经历】',
    '上海某某网络科技有限公司',
    '2020年7月 - 2022年3月',
    'Java开发工程师',
    '负责订单系统的开发，参与需求评审。',
    '2022.04 - 至今\t上海另一家数据有限公司\t后端工程师',
    '• 维护接口文档。',
    '【语言能力】',
    '英语：大学英语四级，口语流利',
    '日语N1',
    '普通话二级甲等',
  ].join('\n');
  const p = extractProfile(text);

  it('reads labelled contact details and normalises the phone number', () => {
    expect(p.contact).toEqual({ name: '李雷', phone: '13900138000', email: 'lilei@163.com' });
  });

  it('reads a one-line education entry', () => {
    expect(p.education).toEqual([{ school: '深圳职业技术学院', major: '软件技术', degree: 'junior_college', startYear: 2016, endYear: 2020 }]);
  });

  it('maps listed skills to canonical ids, keeping unknown tool names', () => {
    expectSkills(p.skills, ['java', 'python', 'mysql', 'redis', 'linux', 'html_css', 'kotlin', 'office', 'excel'], text);
  });

  it('reads experience whose company, dates and title are on separate lines, and keeps descriptions as written', () => {
    expect(p.experience).toEqual([
      { organisation: '上海某某网络科技有限公司', title: 'Java开发工程师', start: '2020-07', end: '2022-03', description: '负责订单系统的开发，参与需求评审。' },
      { organisation: '上海另一家数据有限公司', title: '后端工程师', start: '2022-04', end: null, description: '维护接口文档。' },
    ]);
  });

  it('reads language levels: CET from 大学英语四级, JLPT from 日语N1, 普通话 grades', () => {
    expect(p.languages).toEqual([
      { language: 'english', level: 'CET-4' },
      { language: 'japanese', level: 'JLPT N1' },
      { language: 'mandarin', level: '二级甲等' },
    ]);
  });

  it('fits the output contract', () => {
    expect(ZParsedResumeSchema.parse(p)).toEqual(p);
  });
});

describe('extractProfile: English', () => {
  const text = [
    'JOHN SMITH',
    'Shanghai · john.smith@gmail.com · (+86) 13512345678',
    'EDUCATION',
    'University of Manchester — BSc (Hons) Computer Science, 2016 – 2019',
    'Shanghai Jiao Tong University',
    'MSc in Electrical Engineering    Sep 2019 – Jun 2021',
    'EXPERIENCE',
    'Acme Robotics Ltd.',
    'Embedded Software Engineer    Jul 2021 – Present',
    '- Wrote firmware for motor controllers.',
    'Software Intern at Globex Corporation    06/2020 – 09/2020',
    '- Automated regression tests.',
    'SKILLS',
    'C++, Python, Git, Tableau, Power BI',
    'LANGUAGES',
    'English (native), Mandarin (HSK 5), French B2',
    'IELTS 8.0',
  ].join('\n');
  const p = extractProfile(text);

  it('reads the name from the first line and the phone with its country code', () => {
    expect(p.contact).toEqual({ name: 'JOHN SMITH', phone: '13512345678', email: 'john.smith@gmail.com' });
  });

  it('reads degree and major from "BSc (Hons) X" and "MSc in X" on the school line or the next', () => {
    expect(p.education).toEqual([
      { school: 'University of Manchester', major: 'Computer Science', degree: 'bachelor', startYear: 2016, endYear: 2019 },
      { school: 'Shanghai Jiao Tong University', major: 'Electrical Engineering', degree: 'master', startYear: 2019, endYear: 2021 },
    ]);
  });

  it('reads "Company" above "Title  dates", and "Title at Company  dates"', () => {
    expect(p.experience.map(({ description: _d, ...rest }) => rest)).toEqual([
      { organisation: 'Acme Robotics Ltd.', title: 'Embedded Software Engineer', start: '2021-07', end: null },
      { organisation: 'Globex Corporation', title: 'Software Intern', start: '2020-06', end: '2020-09' },
    ]);
    expect(p.experience[0]!.description).toBe('Wrote firmware for motor controllers.');
  });

  it('keeps listed skills in order, unknown tools by name', () => {
    expectSkills(p.skills, ['cpp', 'python', 'git', 'tableau', 'power bi'], text);
  });

  it('reads several languages from one line; a test score beats a plain level', () => {
    expect(p.languages).toEqual([
      { language: 'english', level: 'IELTS 8.0' },
      { language: 'mandarin', level: 'HSK 5' },
      { language: 'french', level: 'B2' },
    ]);
  });
});

describe('extractProfile: other layouts', () => {
  it('reads bilingual headings, bar-separated columns and 2018-2021 ranges', () => {
    const p = extractProfile(
      ['张伟 Zhang Wei', '电话 13800138000 | wei.zhang@example.com', '教育经历 Education', '复旦大学 | 计算机科学与技术 | 硕士研究生 | 2018-2021', '工作经验', '2021.07~至今 华为技术有限公司 软件工程师'].join('\n'),
    );
    expect(p.contact).toEqual({ name: '张伟', phone: '13800138000', email: 'wei.zhang@example.com' });
    expect(p.education).toEqual([{ school: '复旦大学', major: '计算机科学与技术', degree: 'master', startYear: 2018, endYear: 2021 }]);
    expect(p.experience).toEqual([{ organisation: '华为技术有限公司', title: '软件工程师', start: '2021-07', end: null, description: '' }]);
  });

  it('finds language tests outside a languages section and keeps the better CET result', () => {
    const p = extractProfile('王芳\n证书\n大学英语四级（CET-4）\n大学英语六级（CET-6）');
    expect(p.languages).toEqual([{ language: 'english', level: 'CET-6' }]);
  });

  it('reads TOEFL, TOPIK and 韩语 levels', () => {
    const p = extractProfile('Languages\nEnglish: TOEFL iBT 105\n韩语：TOPIK 5级\n德语：良好');
    expect(p.languages).toEqual([
      { language: 'english', level: 'TOEFL 105' },
      { language: 'korean', level: 'TOPIK 5' },
      { language: 'german', level: '良好' },
    ]);
  });

  it('still finds schools and dated jobs in a resume without headings', () => {
    const p = extractProfile(['赵敏', '13700001111', 'zhaomin@example.cn', '2015.09-2019.06 浙江大学 会计学 本科', '2019.07-2021.12 杭州某某会计师事务所 审计助理', '负责凭证整理'].join('\n'));
    expect(p.contact).toEqual({ name: '赵敏', phone: '13700001111', email: 'zhaomin@example.cn' });
    expect(p.education).toEqual([{ school: '浙江大学', major: '会计学', degree: 'bachelor', startYear: 2015, endYear: 2019 }]);
    expect(p.experience).toEqual([{ organisation: '杭州某某会计师事务所', title: '审计助理', start: '2019-07', end: '2021-12', description: '负责凭证整理' }]);
  });

  it('does not read an email address\'s digits as a phone number, and accepts a landline when labelled', () => {
    const p = extractProfile('陈晨\n邮箱：13912345678abc@example.com\n电话：021-57681234');
    expect(p.contact).toEqual({ name: '陈晨', phone: '021-57681234', email: '13912345678abc@example.com' });
  });

  it('returns an empty profile for empty text', () => {
    expect(extractProfile('')).toEqual({ contact: { name: null, phone: null, email: null }, education: [], skills: [], experience: [], languages: [] });
  });

  it('keeps within the contract limits on a very long, repetitive text', () => {
    const block = ['教育背景', '2016.09-2020.06 某某大学 软件工程 本科', '工作经历', '2020.07-2021.06 某某有限公司 工程师', '负责'.repeat(3000)].join('\n');
    const p = extractProfile(Array.from({ length: 30 }, () => block).join('\n'));
    expect(() => ZParsedResumeSchema.parse(p)).not.toThrow();
    expect(p.education.length).toBe(10);
    expect(p.experience.length).toBe(20);
  });
});
