import { Navigate } from 'react-router';
import { useCurrentUser } from '../current-user';
import { portalHome } from '../portals';

export function HomeRedirect() {
  const user = useCurrentUser();
  return <Navigate to={portalHome(user.role)} replace />;
}
