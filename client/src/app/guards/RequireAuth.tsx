import { Navigate, Outlet } from 'react-router';
import { useSession } from '../../features/auth/session';
import { CurrentUserContext } from '../current-user';
import { FullPageSpinner } from '../ui/FullPageSpinner';
import { QueryError } from '../ui/QueryError';

/** Lets logged-in users through and sends everyone else to /login. */
export function RequireAuth() {
  const session = useSession();
  if (session.isPending) return <FullPageSpinner />;
  if (session.isError) return <QueryError error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) return <Navigate to="/login" replace />;
  return (
    <CurrentUserContext value={session.data.user}>
      <Outlet />
    </CurrentUserContext>
  );
}
