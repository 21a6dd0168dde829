import { createBrowserRouter, Navigate } from 'react-router';
import { AccountPage } from '../features/account/AccountPage';
import { LoginPage } from '../features/auth/LoginPage';
import { RegisterPage } from '../features/auth/RegisterPage';
import { EmployerHome } from '../features/employer/EmployerHome';
import { GraduateHome } from '../features/graduate/GraduateHome';
import { MyFilePage } from '../features/graduate/MyFilePage';
import { AuditPage } from '../features/office/AuditPage';
import { GraduatesPage } from '../features/office/GraduatesPage';
import { OrganisationsPage } from '../features/office/OrganisationsPage';
import { RegionsPage } from '../features/office/RegionsPage';
import { UsersPage } from '../features/office/UsersPage';
import { canListUsers, canReadAudit } from '../lib/permissions';
import { GuestOnly } from './guards/GuestOnly';
import { HomeRedirect } from './guards/HomeRedirect';
import { RequireAuth } from './guards/RequireAuth';
import { RequirePermission } from './guards/RequirePermission';
import { RequirePortal } from './guards/RequirePortal';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './ui/NotFoundPage';

export const router = createBrowserRouter([
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
            ],
          },
          {
            path: '/employer',
            element: <RequirePortal portal="employer" />,
            children: [{ index: true, element: <EmployerHome /> }],
          },
          {
            path: '/office',
            element: <RequirePortal portal="office" />,
            children: [
              { index: true, element: <Navigate to="graduates" replace /> },
              { path: 'graduates', element: <GraduatesPage /> },
              { path: 'organisations', element: <OrganisationsPage /> },
              { path: 'regions', element: <RegionsPage /> },
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
          { path: '/account', element: <AccountPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
