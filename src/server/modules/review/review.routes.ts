import type { AppDeps, ZodApp } from '../../http/deps';
import { itemsRoutes } from './items.routes';
import { listsRoutes } from './lists.routes';

/** Review: items (Inbox, Archive, search, edits, merge/split) and lists with rules. */
export function reviewRoutes(app: ZodApp, deps: AppDeps): void {
  itemsRoutes(app, deps);
  listsRoutes(app, deps);
}
