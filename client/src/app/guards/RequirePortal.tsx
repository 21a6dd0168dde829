import { Navigate, Outlet } from 'react-router';
import { useCurrentUser } from '../current-user';
import { portalHome, portalOf, type TPortal } from '../portals';

/** A user who opens another role's portal is sent to their own. */
export function RequirePortal({ portal }: { portal: TPortal }) {
  const user = useCurrentUser();
  if (portalOf(user.role) !== portal) return <Navigate to={portalHome(user.role)} replace />;
  return <Outlet />;
}
