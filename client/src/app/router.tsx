import { createBrowserRouter, Navigate, Outlet } from 'react-router';
import { AccountPage } from '../features/account/AccountPage';
import { MyApplicationsPage } from '../features/applications/MyApplicationsPage';
import { LoginPage } from '../features/auth/LoginPage';
import { RegisterPage } from '../features/auth/RegisterPage';
import { BoothPage } from '../features/booth/BoothPage';
import { InboxPage } from '../features/booth-messages/InboxPage';
import { MyBoothMessagesPage } from '../features/booth-messages/MyBoothMessagesPage';
import { ConversationPage } from '../features/chat/ConversationPage';
import { ConsolePage } from '../features/console/ConsolePage';
import { BalancePage } from '../features/dashboard/BalancePage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { EmployerHome } from '../features/employer/EmployerHome';
import { BoothApplyPage } from '../features/employer-booths/BoothApplyPage';
import { BoothManagePage } from '../features/employer-booths/BoothManagePage';
import { EmployerFairsPage } from '../features/employer-booths/EmployerFairsPage';
import { FairCreatePage, FairEditPage } from '../features/fair-admin/FairFormPages';
import { FairLivePage } from '../features/fair-admin/FairLivePage';
import { FairManagePage } from '../features/fair-admin/FairManagePage';
import { FairsAdminPage } from '../features/fair-admin/FairsAdminPage';
import { FairsPage } from '../features/fairs/FairsPage';
import { GraduateHome } from '../features/graduate/GraduateHome';
import { MyFilePage } from '../features/graduate/MyFilePage';
import { canPostJobs, canReviewJobs, canViewSystemHealth } from '../features/jobs/job-permissions';
import { JobCreatePage, JobEditPage } from '../features/jobs/JobFormPages';
import { JobDetailPage } from '../features/jobs/JobDetailPage';
import { JobReviewPage } from '../features/jobs/JobReviewPage';
import { JobSearchPage } from '../features/jobs/JobSearchPage';
import { MyJobsPage } from '../features/jobs/MyJobsPage';
import { LobbyPage } from '../features/lobby/LobbyPage';
import { AuditPage } from '../features/office/AuditPage';
import { GraduatesPage } from '../features/office/GraduatesPage';
import { DeviceCheckPage } from '../features/interviews/DeviceCheckPage';
import { InterviewRoomPage } from '../features/interviews/InterviewRoomPage';
import { InterviewSchedulePage } from '../features/interviews/InterviewSchedulePage';
import { MyInterviewsPage } from '../features/interviews/MyInterviewsPage';
import { MyOffersPage } from '../features/offers/MyOffersPage';
import { OfferDetailPage } from '../features/offers/OfferDetailPage';
import { OffersPage } from '../features/offers/OffersPage';
import { SubsidiesPage } from '../features/subsidies/SubsidiesPage';
import { FollowUpsPage } from '../features/followups/FollowUpsPage';
import { WeeklyReportsPage } from '../features/reports/WeeklyReportsPage';
import { OrganisationsPage } from '../features/office/OrganisationsPage';
import { PipelinePage } from '../features/pipeline/PipelinePage';
import { RecommendedJobsPage } from '../features/recommendations/RecommendedJobsPage';
import { RegionsPage } from '../features/office/RegionsPage';
import { MyResumesPage } from '../features/resumes/MyResumesPage';
import { SystemPage } from '../features/system/SystemPage';
import { UsersPage } from '../features/office/UsersPage';
import { VerifyPage } from '../features/verify/VerifyPage';
import { CensusPage } from '../features/registry/CensusPage';
import { DeletionRequestsPage } from '../features/registry/DeletionRequestsPage';
import { ImportPage } from '../features/registry/ImportPage';
import { canManageRegistry } from '../features/registry/registry-api';
import { canListUsers, canManageBooths, canManageFairs, canReadAudit } from '../lib/permissions';
import { CaseFilePage } from '../features/cases/CaseFilePage';
import { MyChecklistPage } from '../features/cases/MyChecklistPage';
import { CaseloadPage } from '../features/cases/CaseloadPage';
import { CaseSettingsPage } from '../features/cases/CaseSettingsPage';
import { NoServicePage } from '../features/cases/NoServicePage';
import { WorkloadPage } from '../features/cases/WorkloadPage';
import { canManageCaseSettings, canViewWorkload } from '../features/cases/case-permissions';
import { GuestOnly } from './guards/GuestOnly';
import { HomeRedirect } from './guards/HomeRedirect';
import { RequireAuth } from './guards/RequireAuth';
import { RequirePermission } from './guards/RequirePermission';
import { RequirePortal } from './guards/RequirePortal';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './ui/NotFoundPage';

export const router = createBrowserRouter([
  { path: '/verify', element: <VerifyPage /> },
  {
    element: <GuestOnly />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/register', element: <RegisterPage /> },
    ],
  },
  {
    element: <RequireAuth />,
    children: [
      { index: true, element: <HomeRedirect /> },
      {
        element: <AppLayout />,
        children: [
          {
            path: '/graduate',
            element: <RequirePortal portal="graduate" />,
            children: [
              { index: true, element: <GraduateHome /> },
              { path: 'file', element: <MyFilePage /> },
              { path: 'checklist', element: <MyChecklistPage /> },
              { path: 'booth-messages', element: <MyBoothMessagesPage /> },
              { path: 'jobs', element: <JobSearchPage /> },
              { path: 'jobs/:jobId', element: <JobDetailPage /> },
              { path: 'resumes', element: <MyResumesPage /> },
              { path: 'applications', element: <MyApplicationsPage /> },
              { path: 'interviews', element: <MyInterviewsPage /> },
              { path: 'offers', element: <MyOffersPage /> },
              { path: 'offers/:offerId', element: <OfferDetailPage /> },
              { path: 'subsidies', element: <SubsidiesPage /> },
              { path: 'followups', element: <FollowUpsPage /> },
              { path: 'recommended-jobs', element: <RecommendedJobsPage /> },
              { path: 'conversations/:conversationId', element: <ConversationPage /> },
            ],
          },
          {
            path: '/employer',
            element: <RequirePortal portal="employer" />,
            children: [
              { index: true, element: <EmployerHome /> },
              { path: 'fairs', element: <EmployerFairsPage /> },
              {
                path: 'fairs/:fairId/apply',
                element: (
                  <RequirePermission allows={canManageBooths}>
                    <BoothApplyPage />
                  </RequirePermission>
                ),
              },
              { path: 'fairs/:fairId/booths/:boothId', element: <BoothManagePage /> },
              { path: 'fairs/:fairId/booths/:boothId/console', element: <ConsolePage /> },
              { path: 'inbox', element: <InboxPage /> },
              { path: 'subsidies', element: <SubsidiesPage /> },
              { path: 'followups', element: <FollowUpsPage /> },
              {
                path: 'interviews',
                element: (
                  <RequirePermission allows={canPostJobs}>
                    <InterviewSchedulePage />
                  </RequirePermission>
                ),
              },
              {
                path: 'offers',
                element: (
                  <RequirePermission allows={canPostJobs}>
                    <Outlet />
                  </RequirePermission>
                ),
                children: [
                  { index: true, element: <OffersPage /> },
                  { path: ':offerId', element: <OfferDetailPage /> },
                ],
              },
              {
                path: 'jobs',
                element: (
                  <RequirePermission allows={canPostJobs}>
                    <Outlet />
                  </RequirePermission>
                ),
                children: [
                  { index: true, element: <MyJobsPage /> },
                  { path: 'new', element: <JobCreatePage /> },
                  { path: ':jobId/edit', element: <JobEditPage /> },
                  { path: ':jobId/pipeline', element: <PipelinePage /> },
                ],
              },
            ],
          },
          {
            path: '/office',
            element: <RequirePortal portal="office" />,
            children: [
              { index: true, element: <Navigate to="graduates" replace /> },
              { path: 'graduates', element: <GraduatesPage /> },
              { path: 'subsidies', element: <SubsidiesPage /> },
              { path: 'followups', element: <FollowUpsPage /> },
              { path: 'weekly-reports', element: <WeeklyReportsPage /> },
              { path: 'dashboard', element: <DashboardPage /> },
              { path: 'balance', element: <BalancePage /> },
              { path: 'census', element: <CensusPage /> },
              {
                path: 'registry-import',
                element: (
                  <RequirePermission allows={canManageRegistry}>
                    <ImportPage />
                  </RequirePermission>
                ),
              },
              { path: 'deletion-requests', element: <DeletionRequestsPage /> },
              { path: 'caseload', element: <CaseloadPage /> },
              { path: 'cases/:graduateId', element: <CaseFilePage /> },
              { path: 'no-service', element: <NoServicePage /> },
              {
                path: 'workload',
                element: (
                  <RequirePermission allows={canViewWorkload}>
                    <WorkloadPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'case-settings',
                element: (
                  <RequirePermission allows={canManageCaseSettings}>
                    <CaseSettingsPage />
                  </RequirePermission>
                ),
              },
              { path: 'organisations', element: <OrganisationsPage /> },
              { path: 'regions', element: <RegionsPage /> },
              {
                path: 'fairs',
                element: (
                  <RequirePermission allows={canManageFairs}>
                    <Outlet />
                  </RequirePermission>
                ),
                children: [
                  { index: true, element: <FairsAdminPage /> },
                  { path: 'new', element: <FairCreatePage /> },
                  { path: ':fairId', element: <FairManagePage /> },
                  { path: ':fairId/edit', element: <FairEditPage /> },
                  { path: ':fairId/live', element: <FairLivePage /> },
                ],
              },
              {
                path: 'job-review',
                element: (
                  <RequirePermission allows={canReviewJobs}>
                    <JobReviewPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'system',
                element: (
                  <RequirePermission allows={canViewSystemHealth}>
                    <SystemPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'audit',
                element: (
                  <RequirePermission allows={canReadAudit}>
                    <AuditPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'users',
                element: (
                  <RequirePermission allows={canListUsers}>
                    <UsersPage />
                  </RequirePermission>
                ),
              },
            ],
          },
          { path: '/fairs', element: <FairsPage /> },
          { path: '/fairs/:fairId/lobby', element: <LobbyPage /> },
          { path: '/fairs/:fairId/booths/:boothId', element: <BoothPage /> },
          { path: '/account', element: <AccountPage /> },
          { path: '/interviews/:bookingId/check', element: <DeviceCheckPage /> },
          { path: '/interviews/:bookingId/room', element: <InterviewRoomPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
