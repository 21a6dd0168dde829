import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { TDegree, TJobRequirements } from '@yunpin/shared';
import type { Database } from '../../db/schema.js';
import { jobSearchTokens } from '../jobs/job-search-text.js';
import { pick } from './demo-district.js';

interface JobTemplate {
  title: string;
  description: string;
  skills: string[];
  preferred: string[];
  degree: TDegree | null;
  majors: string[];
  languages?: string[];
}

const T = (title: string, description: string, skills: string[], preferred: string[], degree: TDegree | null, majors: string[], languages: string[] = []): JobTemplate => ({
  title, description, skills, preferred, degree, majors, languages,
});

/** Demo job posts by industry, with requirements screening can score. */
const TEMPLATES: Record<string, JobTemplate[]> = {
  电子信息: [
    T('Java 开发工程师', '参与企业级业务系统的后端开发，负责接口设计、数据库建模与性能优化。', ['Java', 'Spring Boot', 'MySQL'], ['Redis', 'Docker', 'Linux'], 'bachelor', ['计算机科学与技术', '软件工程']),
    T('嵌入式软件工程师', '负责工业控制器的嵌入式软件开发与调试，编写驱动与通信协议。', ['C语言', '嵌入式', '单片机'], ['Linux', 'PCB设计'], 'bachelor', ['电子信息工程', '自动化']),
    T('Front-end Developer', 'Build web front ends for our manufacturing execution system with React and TypeScript.', ['JavaScript', 'TypeScript', 'React'], ['HTML/CSS', 'Git'], 'bachelor', ['Computer Science', 'Software Engineering'], ['english']),
  ],
  智能制造: [
    T('机械设计工程师', '负责非标自动化设备的机械结构设计、出图与装配调试。', ['AutoCAD', 'SolidWorks', '机械设计'], ['精益生产'], 'bachelor', ['机械设计制造及其自动化', '机械工程']),
    T('电气工程师', '负责产线电气设计、PLC 程序编写与现场调试。', ['PLC编程', '电气设计'], ['AutoCAD', '工业自动化'], 'junior_college', ['电气工程及其自动化', '自动化']),
    T('质量工程师', '负责来料与过程质量控制，推动 ISO9001 体系运行与持续改进。', ['质量管理', 'Excel'], ['六西格玛', '精益生产'], 'bachelor', ['机械工程', '材料科学与工程']),
  ],
  生物医药: [
    T('质量控制专员', '按 GMP 要求完成原辅料与成品检验，记录并分析检验数据。', ['化学分析', '药学'], ['Excel'], 'bachelor', ['药学', '化学', '生物技术']),
    T('实验室技术员', '负责实验室日常检测、仪器维护与样品管理。', ['化学分析'], ['办公软件'], 'junior_college', ['化学', '生物技术']),
  ],
  现代物流: [
    T('物流专员', '负责仓储出入库管理、库存盘点与运输调度。', ['物流管理', 'Excel'], ['ERP系统', '叉车操作'], 'junior_college', ['物流管理', '供应链管理']),
    T('报关员', '负责进出口货物报关、单证制作与海关沟通。', ['外贸', '报关'], ['英语'], 'junior_college', ['国际经济与贸易', '物流管理'], ['english']),
  ],
  金融服务: [
    T('财务会计', '负责日常账务处理、纳税申报与月度报表编制。', ['会计', '税务', 'Excel'], ['ERP系统', '财务分析'], 'bachelor', ['会计学', '财务管理']),
    T('客户经理助理', '协助客户经理开展客户维护与业务办理。', ['客户服务', '沟通能力'], ['销售', 'Excel'], 'bachelor', ['金融学', '市场营销']),
  ],
  文化创意: [
    T('新媒体运营', '负责公众号、短视频平台的内容策划与日常运营。', ['新媒体运营', '文案写作'], ['视频剪辑', 'Photoshop'], 'junior_college', ['新闻学', '广告学', '汉语言文学']),
    T('视觉设计师', '负责品牌视觉、活动物料与电商页面设计。', ['平面设计', 'Photoshop'], ['UI设计', '视频剪辑'], 'junior_college', ['视觉传达设计', '数字媒体艺术']),
  ],
  新材料: [
    T('化验员', '负责原料及产品理化指标检测与记录。', ['化学分析'], ['质量管理'], 'junior_college', ['化学', '材料科学与工程']),
    T('材料研发工程师', '参与新型复合材料的配方研发与性能测试。', ['化学分析', '数据分析'], ['MATLAB'], 'master', ['材料科学与工程', '化学']),
  ],
  商贸零售: [
    T('电商运营', '负责天猫、京东店铺的日常运营、活动策划与数据分析。', ['电子商务', '数据分析'], ['直播带货', 'Excel'], 'junior_college', ['电子商务', '市场营销']),
    T('采购专员', '负责供应商开发与管理、采购订单跟进。', ['采购', 'Excel'], ['ERP系统', '沟通能力'], 'bachelor', ['物流管理', '工商管理']),
  ],
  教育培训: [
    T('小学英语教师', '负责小学英语课程教学与教研活动。', ['教学', '英语'], ['课程设计'], 'bachelor', ['英语', '小学教育'], ['english']),
    T('课程顾问', '为家长提供课程咨询，完成招生目标。', ['销售', '沟通能力'], ['客户服务'], 'junior_college', ['市场营销', '教育学']),
  ],
  建筑工程: [
    T('造价员', '负责工程量计算、预结算编制与成本控制。', ['AutoCAD', 'Excel'], ['项目管理'], 'junior_college', ['工程造价', '土木工程']),
    T('施工员', '负责现场施工组织、进度与质量安全管理。', ['项目管理', 'AutoCAD'], ['质量管理'], 'junior_college', ['土木工程', '建筑工程技术']),
  ],
};

export interface DemoJobsInput {
  random: () => number;
  now: Date;
  towns: { id: string; name: string }[];
  organisations: { id: string; name: string; industry: string; town_id: string; is_verified: boolean }[];
  createdBy: Map<string, string>;
}

/** One to three jobs per employer: published for verified employers, waiting for review otherwise. */
export async function seedDemoJobs(db: Kysely<Database>, input: DemoJobsInput): Promise<number> {
  const townName = new Map(input.towns.map((t) => [t.id, t.name]));
  const rows = [];
  for (const org of input.organisations) {
    const templates = TEMPLATES[org.industry] ?? TEMPLATES['商贸零售']!;
    const count = 1 + Math.floor(input.random() * 3);
    for (let i = 0; i < count; i++) {
      const t = pick(input.random, templates);
      const requirements: TJobRequirements = { skills: t.skills, preferredSkills: t.preferred, degree: t.degree, majors: t.majors, languages: t.languages ?? [] };
      const base = 5000 + Math.floor(input.random() * 8) * 1000;
      const deadline = new Date(input.now.getTime() + (20 + Math.floor(input.random() * 60)) * 86_400_000).toISOString().slice(0, 10);
      rows.push({
        id: randomUUID(),
        organisation_id: org.id,
        title: t.title,
        description: t.description,
        requirements: JSON.stringify(requirements),
        town_id: org.town_id,
        salary_min: base,
        salary_max: base + 2000 + Math.floor(input.random() * 4) * 1000,
        headcount: 1 + Math.floor(input.random() * 5),
        deadline,
        status: org.is_verified ? ('published' as const) : ('review' as const),
        published_at: org.is_verified ? input.now : null,
        created_by: input.createdBy.get(org.id) ?? null,
        search_tokens: jobSearchTokens({ title: t.title, description: t.description, requirements, organisationName: org.name, townName: townName.get(org.town_id) ?? '' }),
      });
    }
  }
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('jobs').values(rows.slice(i, i + 200)).execute();
  return rows.length;
}
