import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import type { TSessionUser } from '@yunpin/shared';
import { useCurrentUser } from '../current-user';
import { portalHome } from '../portals';

interface TRequirePermissionProps {
  allows: (user: TSessionUser) => boolean;
  children: ReactNode;
}

/** Pages only some roles of a portal may open; the others land on their portal home. */
export function RequirePermission({ allows, children }: TRequirePermissionProps) {
  const user = useCurrentUser();
  return allows(user) ? children : <Navigate to={portalHome(user.role)} replace />;
}
