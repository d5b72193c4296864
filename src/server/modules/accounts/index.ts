export { accountsRoutes } from './accounts.routes';
export { getAccount, listUsers } from './accounts.repo';
export { usersRoutes } from './users.routes';
export { addUser, type UserDeps } from './add-user';
export { updateUser, removeUser } from './update-user';
