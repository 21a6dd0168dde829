/**
 * The esign bench's worker process (one process = one core): runs the offer pipeline the way the
 * offers worker does — render → sign as graduate → sign as employer → audit page → platform seal —
 * one offer after another, then the baseline (a bare CMS signature of the same rendered bytes),
 * and reports times, CPU and peak RSS over IPC. See bench/esign.bench.ts.
 */
import { performance } from 'node:perf_hooks';
import { appendAuditPage, loadEsignKeys, renderOfferPdf, sealPdf, sha256Hex, signPdf, verifyPdf, type OfferDocument, type SignerCredential } from '@yunpin/shared/node';
import { signDetached } from '../../shared/src/node/esign/cms.js';
import { STAGES, type EsignWorkerReply, type EsignWorkerRequest, type Stage } from './esign-protocol.js';

const send = (m: EsignWorkerReply) => process.send!(m);

const SURNAMES = ['李', '王', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];
const GIVEN = ['晓明', '思远', '海燕', '子涵', '浩然', '雨桐', '嘉怡', '俊杰', '欣然', '博文'];
const EMPLOYERS = ['杭州云端科技有限公司', '成都蓉城数据服务有限公司', '南京江宁智能制造有限公司', '深圳前海金融信息服务有限公司', '武汉光谷生物医药有限公司'];
const POSITIONS = ['前端开发工程师', '数据分析师', '机械设计助理工程师', '会计', '销售代表', '行政专员', '产品经理助理', '质量检验员'];
const CITIES = ['浙江省杭州市西湖区文三路', '四川省成都市高新区天府大道', '江苏省南京市江宁区胜太路', '广东省深圳市南山区科技园', '湖北省武汉市东湖高新区光谷大道'];
const CONDITIONS = [
  '须于入职前取得毕业证书和学位证书。Must hold the degree certificates before the start date.',
  '入职体检合格。Subject to a pre-employment medical check.',
  '五险一金，年假 10 天，包住宿。Social insurance and housing fund, 10 days of annual leave, accommodation provided.',
  '',
];

function offerFor(i: number): OfferDocument {
  const pick = <T>(list: readonly T[], salt: number) => list[(i * 7 + salt) % list.length]!;
  const issued = new Date(Date.UTC(2026, 10, 1) + i * 3_600_000);
  return {
    offerId: `bench-offer-${i}`,
    reference: `YP-BENCH-${String(i).padStart(6, '0')}`,
    employerName: pick(EMPLOYERS, 1),
    graduateName: `${pick(SURNAMES, 2)}${pick(GIVEN, i)}`,
    position: `${pick(POSITIONS, 3)}（${2027 + (i % 2)} 届）`,
    salaryMonthlyYuan: 6000 + ((i * 137) % 9000),
    startDate: `2027-0${1 + (i % 9)}-1${i % 10}`,
    probationMonths: i % 7,
    location: `${pick(CITIES, 4)} ${100 + (i % 900)} 号`,
    conditions: pick(CONDITIONS, 5),
    expiresAt: new Date(issued.getTime() + 14 * 86_400_000).toISOString(),
    issuedAt: issued.toISOString(),
  };
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function run(req: EsignWorkerRequest): Promise<void> {
  let t = performance.now();
  const keys = await loadEsignKeys(req.dataDir);
  const keysMs = performance.now() - t;

  // Signers as on the platform: many graduates, fewer employers' staff; issued before timing.
  t = performance.now();
  const graduates: SignerCredential[] = [];
  const employers: SignerCredential[] = [];
  for (let i = 0; i < 12; i++) graduates.push(await keys.signerCredential({ id: `bench-graduate-${i}`, name: `${SURNAMES[i]}${GIVEN[i % GIVEN.length]}`, role: 'graduate' }));
  for (let i = 0; i < EMPLOYERS.length; i++) employers.push(await keys.signerCredential({ id: `bench-employer-${i}`, name: `${SURNAMES[(i + 5) % SURNAMES.length]}经理`, role: 'employer', organisation: EMPLOYERS[i]! }));
  const credentialsMs = performance.now() - t;

  const stageMs = Object.fromEntries(STAGES.map((s) => [s, [] as number[]])) as Record<Stage, number[]>;
  const sizes = { rendered: [] as number[], sealed: [] as number[] };
  const sealedSample: Uint8Array[] = [];
  const renderedAll: Uint8Array[] = [];

  async function one(i: number, record: boolean): Promise<void> {
    const doc = offerFor(i);
    const graduate = graduates[i % graduates.length]!;
    const employer = employers[i % employers.length]!;
    // Signing times come from the server's clock (after the signer certificates were issued).
    const base = Date.now();
    let at = performance.now();
    const lap = (stage: Stage) => {
      const now = performance.now();
      if (record) stageMs[stage].push(now - at);
      at = now;
    };
    const rendered = await renderOfferPdf(doc);
    lap('render');
    const byGraduate = await signPdf(rendered, { credential: graduate, signingTime: new Date(base), reason: '接受录用 Offer accepted' });
    lap('signGraduate');
    const byEmployer = await signPdf(byGraduate, { credential: employer, signingTime: new Date(base + 60_000), reason: '确认录用 Offer confirmed' });
    lap('signEmployer');
    const audited = await appendAuditPage(
      byEmployer,
      [
        { signer: graduate.name, role: 'graduate', signedAt: new Date(base).toISOString(), ip: '203.0.113.7', otpVerified: true, documentSha256: sha256Hex(rendered) },
        { signer: `${employer.name}（${employer.organisation}）`, role: 'employer', signedAt: new Date(base + 60_000).toISOString(), ip: '198.51.100.2', otpVerified: true, documentSha256: sha256Hex(byGraduate) },
      ],
      { offerId: doc.offerId, reference: doc.reference },
    );
    lap('audit');
    const sealed = await sealPdf(audited, keys, new Date(base + 120_000));
    lap('seal');
    if (record) {
      sizes.rendered.push(rendered.length);
      sizes.sealed.push(sealed.length);
      renderedAll.push(rendered);
      if (i % 10 === 0) sealedSample.push(sealed);
    }
  }

  for (let i = 0; i < req.warmup; i++) await one(1_000_000 + i, false);

  const cpu0 = cpuMs();
  const wall0 = performance.now();
  for (let i = 0; i < req.offers; i++) await one(i, true);
  const pipelineWallMs = performance.now() - wall0;
  const pipelineCpuMs = cpuMs() - cpu0;

  // Baseline: one bare CMS signature (SHA-256 + RSA-2048, same attributes, native crypto) of each rendered offer.
  const signer = { certDer: graduates[0]!.certDer, chainDer: [...graduates[0]!.chainDer], privateKey: graduates[0]!.privateKey };
  for (let i = 0; i < Math.min(20, renderedAll.length); i++) signDetached(renderedAll[i]!, signer, new Date());
  const bareCpu0 = cpuMs();
  const bareWall0 = performance.now();
  const rounds = 3;
  for (let r = 0; r < rounds; r++) for (const bytes of renderedAll) signDetached(bytes, signer, new Date(Date.UTC(2026, 10, 27, 9, r)));
  const bareWallMs = performance.now() - bareWall0;
  const bareCpuMs = cpuMs() - bareCpu0;

  // Every tenth sealed offer through our verifier (not timed).
  const verifyFailures: string[] = [];
  for (const pdf of sealedSample) {
    const report = verifyPdf(pdf, keys.caCertPem);
    if (!report.allValid || !report.sealed || report.modifiedAfterLastSignature || report.signatures.length !== 3) verifyFailures.push(report.sha256);
  }

  send({
    type: 'result',
    offers: req.offers,
    keysMs,
    credentialsMs,
    credentials: graduates.length + employers.length,
    pipelineWallMs,
    pipelineCpuMs,
    stageMs,
    bareSigns: rounds * renderedAll.length,
    bareWallMs,
    bareCpuMs,
    sizes,
    verified: sealedSample.length,
    verifyFailures,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  });
}

process.on('message', (m: EsignWorkerRequest) => {
  if (m.type === 'run') run(m).catch((e: unknown) => send({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) }));
});
send({ type: 'ready' });
