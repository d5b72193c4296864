import type { AppDeps, ZodApp } from '../../http/deps';
import { connectionRoutes } from './connection.routes';
import type { PublishingContext } from './context';
import { publicationRoutes } from './publication.routes';
import { settingsRoutes } from './settings.routes';

/** The publishing module's HTTP adapter, by concern. */
export function publishingRoutes(app: ZodApp, deps: AppDeps, ctx: PublishingContext): void {
  connectionRoutes(app, deps, ctx);
  settingsRoutes(app, deps, ctx);
  publicationRoutes(app, deps, ctx);
}
