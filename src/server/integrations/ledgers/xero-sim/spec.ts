import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { sharedDataPath } from '../../../../../test/support/shared-data';
import { isRecord } from '../sim-kit/http';

/**
 * Request-body validation against Xero's own OpenAPI description (xero_accounting.yaml),
 * compiled with ajv. The spec lives in the shared test-data folder, never in the repository;
 * when it is absent the simulator still runs and says so instead of validating.
 */

export type SpecCheck =
  | { readonly status: 'valid' }
  | { readonly status: 'invalid'; readonly messages: readonly string[] }
  | { readonly status: 'unavailable'; readonly reason: string };

const SPEC_ID = 'xero-accounting';

// ajv-formats ships CommonJS; its default export arrives wrapped under ESM interop.
const addFormats = ('default' in addFormatsModule
  ? addFormatsModule.default
  : addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

export class XeroSpec {
  readonly #ajv: Ajv;
  readonly #compiled = new Map<string, ValidateFunction>();
  readonly #schemaNames: ReadonlySet<string>;

  private constructor(schemas: Record<string, unknown>) {
    this.#ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.#ajv);
    this.#ajv.addSchema({ $id: SPEC_ID, components: { schemas } });
    this.#schemaNames = new Set(Object.keys(schemas));
  }

  /** Reads the spec from the shared data folder; null when the folder or file is missing. */
  static load(): XeroSpec | null {
    const dir = sharedDataPath('api-specs', 'xero');
    if (dir === null) return null;
    const document: unknown = parse(readFileSync(join(dir, 'xero_accounting.yaml'), 'utf8'));
    if (!isRecord(document) || !isRecord(document['components'])) return null;
    const schemas = document['components']['schemas'];
    return isRecord(schemas) ? new XeroSpec(schemas) : null;
  }

  hasSchema(name: string): boolean {
    return this.#schemaNames.has(name);
  }

  /** Validates `body` against `#/components/schemas/<name>`. */
  check(name: string, body: unknown): SpecCheck {
    const validate = this.#validator(name);
    if (validate(body)) return { status: 'valid' };
    return { status: 'invalid', messages: (validate.errors ?? []).map(describe) };
  }

  #validator(name: string): ValidateFunction {
    let validate = this.#compiled.get(name);
    if (!validate) {
      const found = this.#ajv.getSchema(`${SPEC_ID}#/components/schemas/${name}`);
      if (!found) throw new Error(`The Xero spec has no schema named ${name}`);
      validate = found;
      this.#compiled.set(name, validate);
    }
    return validate;
  }
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'The request body' : pathToXero(error.instancePath);
  if (error.keyword === 'enum') {
    const allowed =
      isRecord(error.params) && Array.isArray(error.params['allowedValues'])
        ? error.params['allowedValues']
        : [];
    const shown = allowed.slice(0, 12).map(String).join(', ');
    return `${where} must be one of: ${shown}${allowed.length > 12 ? ', …' : ''}`;
  }
  return `${where} ${error.message ?? 'is not valid'}`;
}

/** "/Invoices/0/LineItems/1/Quantity" -> "Invoices[0].LineItems[1].Quantity" */
function pathToXero(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '');
}

let cached: { spec: XeroSpec | null } | undefined;

/** One parsed spec per process: the YAML is large and tests start many simulators. */
export function xeroSpec(): XeroSpec | null {
  cached ??= { spec: XeroSpec.load() };
  return cached.spec;
}

export const XERO_SPEC_UNAVAILABLE =
  'The Xero OpenAPI spec (api-specs/xero/xero_accounting.yaml) is not available; request bodies were not validated.';
