import { useTranslation } from 'react-i18next';

/** The subsidy rates card's texts, Chinese first; `en` is typed against them. */
export const ratesZhCN = {
  title: '补贴标准',
  current: '现行标准（元）',
  scheduledFrom: (amount: number, date: string) => `${date} 起 ${amount} 元`,
  history: '调整记录',
  schedule: '设定新标准',
  kind: '补贴类型',
  effectiveFrom: '生效日期',
  effectiveFromHint: '今天或以后的日期（北京时间）；当天起新提交的申请按新标准计算，已提交的申请金额不变',
  amount: '金额（元）',
  amountRule: (max: number) => `请输入 1–${max} 之间的整数`,
  note: '备注（如政策文号）',
  state: '状态',
  states: { scheduled: '待生效', current: '现行', past: '已替换' },
  setBy: '设置人',
  platform: '平台初始',
  setAt: '设置时间',
  delete: '删除',
  deleteConfirm: '删除这条尚未生效的标准？',
  saved: '已保存',
  deleted: '已删除',
  exportName: '补贴标准',
  readOnly: '补贴标准由区级组织者和管理员设定',
};

export type TRatesTexts = typeof ratesZhCN;

export const ratesEn: TRatesTexts = {
  title: 'Subsidy rates',
  current: 'Current rate (CNY)',
  scheduledFrom: (amount: number, date: string) => `${amount} from ${date}`,
  history: 'History',
  schedule: 'Schedule a rate',
  kind: 'Subsidy',
  effectiveFrom: 'Effective from',
  effectiveFromHint: 'Today or a later date (Beijing time); claims made from that day take the new amount, claims already made keep theirs',
  amount: 'Amount (CNY)',
  amountRule: (max: number) => `Enter a whole number from 1 to ${max}`,
  note: 'Note (e.g. the policy document)',
  state: 'State',
  states: { scheduled: 'Scheduled', current: 'Current', past: 'Replaced' },
  setBy: 'Set by',
  platform: 'Platform',
  setAt: 'Set at',
  delete: 'Delete',
  deleteConfirm: 'Delete this rate before it takes effect?',
  saved: 'Saved',
  deleted: 'Deleted',
  exportName: 'subsidy-rates',
  readOnly: 'Subsidy rates are set by district organisers and administrators',
};

export function useRatesTexts(): TRatesTexts {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? ratesEn : ratesZhCN;
}
