export { applyRules, settleItem } from './settle';
export { reviewRoutes } from './review.routes';
