import type { ReactNode } from 'react';
import {
  AlertOutlined,
  AuditOutlined,
  FundOutlined,
  PieChartOutlined,
  FormOutlined,
  UploadOutlined,
  UserDeleteOutlined,
  BarChartOutlined,
  ContainerOutlined,
  OrderedListOutlined,
  BulbOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  ProfileOutlined,
  SendOutlined,
  ApartmentOutlined,
  BankOutlined,
  CalendarOutlined,
  CommentOutlined,
  HomeOutlined,
  IdcardOutlined,
  InboxOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import type { TSessionUser } from '@yunpin/shared';
import { canPostJobs, canReviewJobs, canViewSystemHealth } from '../../features/jobs/job-permissions';
import { canListUsers, canManageFairs, canReadAudit } from '../../lib/permissions';
import { portalOf } from '../portals';
import { canManageRegistry } from '../../features/registry/registry-api';
import { canManageCaseSettings, canViewWorkload } from '../../features/cases/case-permissions';

export type TNavKey =
  | 'home'
  | 'census'
  | 'registryImport'
  | 'deletionRequests'
  | 'myFile'
  | 'fairs'
  | 'boothMessages'
  | 'myBooths'
  | 'inbox'
  | 'fairAdmin'
  | 'graduates'
  | 'organisations'
  | 'regions'
  | 'audit'
  | 'users'
  | 'account'
  | 'jobSearch'
  | 'myResumes'
  | 'myApplications'
  | 'recommendedJobs'
  | 'myJobs'
  | 'jobReview'
  | 'system'
  | 'interviewSchedule'
  | 'myInterviews'
  | 'offers'
  | 'subsidies'
  | 'followUps'
  | 'weeklyReports'
  | 'dashboard'
  | 'balance'
  | 'myOffers'
  | 'caseload'
  | 'noService'
  | 'workload'
  | 'caseSettings'
  | 'myChecklist';

export interface TNavItem {
  path: string;
  labelKey: TNavKey;
  icon: ReactNode;
}

const ACCOUNT: TNavItem = { path: '/account', labelKey: 'account', icon: <SettingOutlined /> };
const FAIRS: TNavItem = { path: '/fairs', labelKey: 'fairs', icon: <CalendarOutlined /> };

function officeItems(user: TSessionUser): TNavItem[] {
  return [
    { path: '/office/dashboard', labelKey: 'dashboard', icon: <FundOutlined /> },
    { path: '/office/balance', labelKey: 'balance', icon: <PieChartOutlined /> },
    { path: '/office/graduates', labelKey: 'graduates', icon: <SolutionOutlined /> },
    { path: '/office/weekly-reports', labelKey: 'weeklyReports', icon: <FundOutlined /> },
    { path: '/office/subsidies', labelKey: 'subsidies', icon: <FileDoneOutlined /> },
    { path: '/office/followups', labelKey: 'followUps', icon: <CheckSquareOutlined /> },
    { path: '/office/census', labelKey: 'census', icon: <FormOutlined /> },
    ...(canManageRegistry(user) ? [{ path: '/office/registry-import', labelKey: 'registryImport' as const, icon: <UploadOutlined /> }] : []),
    { path: '/office/deletion-requests', labelKey: 'deletionRequests', icon: <UserDeleteOutlined /> },
    { path: '/office/caseload', labelKey: 'caseload', icon: <ContainerOutlined /> },
    { path: '/office/no-service', labelKey: 'noService', icon: <AlertOutlined /> },
    ...(canViewWorkload(user) ? [{ path: '/office/workload', labelKey: 'workload' as const, icon: <BarChartOutlined /> }] : []),
    ...(canManageCaseSettings(user) ? [{ path: '/office/case-settings', labelKey: 'caseSettings' as const, icon: <OrderedListOutlined /> }] : []),
    { path: '/office/organisations', labelKey: 'organisations', icon: <BankOutlined /> },
    { path: '/office/regions', labelKey: 'regions', icon: <ApartmentOutlined /> },
    FAIRS,
    ...(canManageFairs(user) ? [{ path: '/office/fairs', labelKey: 'fairAdmin' as const, icon: <ScheduleOutlined /> }] : []),
    ...(canReviewJobs(user) ? [{ path: '/office/job-review', labelKey: 'jobReview' as const, icon: <CheckSquareOutlined /> }] : []),
    ...(canViewSystemHealth(user) ? [{ path: '/office/system', labelKey: 'system' as const, icon: <DashboardOutlined /> }] : []),
    ...(canReadAudit(user) ? [{ path: '/office/audit', labelKey: 'audit' as const, icon: <AuditOutlined /> }] : []),
    ...(canListUsers(user) ? [{ path: '/office/users', labelKey: 'users' as const, icon: <TeamOutlined /> }] : []),
  ];
}

/** The side menu for the user's portal and role. */
export function navItemsFor(user: TSessionUser): TNavItem[] {
  switch (portalOf(user.role)) {
    case 'graduate':
      return [
        { path: '/graduate', labelKey: 'home', icon: <HomeOutlined /> },
        { path: '/graduate/file', labelKey: 'myFile', icon: <IdcardOutlined /> },
        { path: '/graduate/checklist', labelKey: 'myChecklist', icon: <OrderedListOutlined /> },
        { path: '/graduate/jobs', labelKey: 'jobSearch', icon: <FileSearchOutlined /> },
        { path: '/graduate/recommended-jobs', labelKey: 'recommendedJobs', icon: <BulbOutlined /> },
        { path: '/graduate/resumes', labelKey: 'myResumes', icon: <FileTextOutlined /> },
        { path: '/graduate/applications', labelKey: 'myApplications', icon: <SendOutlined /> },
        { path: '/graduate/interviews', labelKey: 'myInterviews', icon: <VideoCameraOutlined /> },
        { path: '/graduate/offers', labelKey: 'myOffers', icon: <FileDoneOutlined /> },
        { path: '/graduate/subsidies', labelKey: 'subsidies', icon: <FileDoneOutlined /> },
        { path: '/graduate/followups', labelKey: 'followUps', icon: <CheckSquareOutlined /> },
        FAIRS,
        { path: '/graduate/booth-messages', labelKey: 'boothMessages', icon: <CommentOutlined /> },
        ACCOUNT,
      ];
    case 'employer':
      return [
        { path: '/employer', labelKey: 'home', icon: <HomeOutlined /> },
        ...(canPostJobs(user) ? [{ path: '/employer/jobs', labelKey: 'myJobs' as const, icon: <ProfileOutlined /> }] : []),
        ...(canPostJobs(user) ? [{ path: '/employer/interviews', labelKey: 'interviewSchedule' as const, icon: <VideoCameraOutlined /> }] : []),
        ...(canPostJobs(user) ? [{ path: '/employer/offers', labelKey: 'offers' as const, icon: <FileDoneOutlined /> }] : []),
        FAIRS,
        { path: '/employer/fairs', labelKey: 'myBooths', icon: <ShopOutlined /> },
        { path: '/employer/inbox', labelKey: 'inbox', icon: <InboxOutlined /> },
        ...(canPostJobs(user) ? [{ path: '/employer/subsidies', labelKey: 'subsidies' as const, icon: <FileDoneOutlined /> }] : []),
        ...(canPostJobs(user) ? [{ path: '/employer/followups', labelKey: 'followUps' as const, icon: <CheckSquareOutlined /> }] : []),
        ACCOUNT,
      ];
    case 'office':
      return [...officeItems(user), ACCOUNT];
  }
}

/** The item whose path matches the most of the current location. */
export function selectedNavPath(items: TNavItem[], pathname: string): string | undefined {
  return items
    .filter((item) => pathname === item.path || pathname.startsWith(`${item.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;
}
