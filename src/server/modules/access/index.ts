export { can, actions, rolesFor, type Action, type Scope } from './policy';
export { resolveScope } from './access.repo';
import { Forbidden } from '../../lib/errors';
import { can, type Action, type Scope } from './policy';

/** Throws Forbidden with a message a person understands when the scope may not do `action`. */
export function assertCan(scope: Scope, action: Action): void {
  if (!can(scope, action)) {
    throw new Forbidden('Your role in this account does not allow this. Ask an Admin of the account.');
  }
}
