export { applyRules, settleItem } from './settle';
export { reviewRoutes } from './review.routes';
export * as publishingHooks from './publishing-hooks';
