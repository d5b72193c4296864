/**
 * Publishing's own URLs. They live here rather than in app/paths.ts so that this feature adds no
 * edits to a file other features change at the same time.
 */

/** One item's publishing state (the PublishPanel on a page of its own). */
export function publicationPath(accountId: string, itemId: string): string {
  return `/a/${accountId}/business-settings/connections/items/${itemId}`;
}

/** Where Docket's OAuth callback sends the browser back (the server's path for Connections). */
export const CONNECTION_RETURN_ROUTE = '/accounts/:accountId/settings/connections';
