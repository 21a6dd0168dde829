import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../../features/auth/session';
import { portalHome } from '../portals';
import { FullPageSpinner } from '../ui/FullPageSpinner';
import { redirectTarget } from './redirect-target';

/** Login and registration: a logged-in user goes on to where they were heading, or to their portal. */
export function GuestOnly() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <FullPageSpinner />;
  if (session.data) return <Navigate to={redirectTarget(location.state) ?? portalHome(session.data.user.role)} replace />;
  return <Outlet />;
}
