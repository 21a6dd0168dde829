import { Navigate, Outlet } from 'react-router';
import { useSession } from '../../features/auth/session';
import { portalHome } from '../portals';
import { FullPageSpinner } from '../ui/FullPageSpinner';

/** Login and registration: a logged-in user goes on to their portal. */
export function GuestOnly() {
  const session = useSession();
  if (session.isPending) return <FullPageSpinner />;
  if (session.data) return <Navigate to={portalHome(session.data.user.role)} replace />;
  return <Outlet />;
}
