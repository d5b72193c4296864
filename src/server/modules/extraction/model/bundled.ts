import weights from './supplier-weights.json' with { type: 'json' };
import { parseSupplierModel, type SupplierModel } from './supplier-model';

/**
 * The supplier model trained by `npm run train` on all of the shared training data, committed as data.
 * Null when the file holds no usable weights: the reader then uses the hand-written rules alone.
 */
export const bundledModel: SupplierModel | null = parseSupplierModel(weights);
