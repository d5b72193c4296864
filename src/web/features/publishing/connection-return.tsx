import { Navigate, useLocation, useParams } from 'react-router';
import { paths } from '../../app/paths';

/**
 * The OAuth callback sends the browser back to /accounts/:accountId/settings/connections?connection=…;
 * the app's Connections page is /a/:accountId/business-settings/connections. Keeps the query string.
 */
export function ConnectionReturn() {
  const { accountId = '' } = useParams();
  const { search } = useLocation();
  return <Navigate to={`${paths.connections(accountId)}${search}`} replace />;
}
