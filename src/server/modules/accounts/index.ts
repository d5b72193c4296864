export { accountsRoutes } from './accounts.routes';
export { getAccount, listUsers } from './accounts.repo';
export { usersRoutes } from './users.routes';
