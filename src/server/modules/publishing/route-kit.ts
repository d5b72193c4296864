import { requireScope } from '../../http/auth';
import type { AppDeps } from '../../http/deps';
import { assertCan, type Action } from '../access';

export const tags = ['Publishing'];

/** The caller's scope in the account, refused unless it may do `action`. */
export function scopedFor(deps: AppDeps) {
  return async (request: Parameters<typeof requireScope>[1], accountId: string, action: Action) => {
    const scope = await requireScope(deps, request, accountId);
    assertCan(scope, action);
    return scope;
  };
}
