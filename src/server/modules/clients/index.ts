export { clientsRoutes, type ClientsRouteDeps } from './clients.routes';
export { connectPendingInvitations } from './connect-accountant';
export { deleteAccountFiles } from './delete-files';
export { reactivatableFrom, REACTIVATION_MONTHS } from './clients';
