/**
 * @module sdk-models
 * Reads Aliyun's generated models the way the SDK itself uses them: `names()` maps each field to
 * its wire name and `types()` to its declared type (`'string'`, `'number'`, `'boolean'`, a nested
 * model class, or `{ type: 'array' | 'map', itemType | valueType }`). Whether a request parameter
 * is required is not in the classes but in the generated comment above the field ("This parameter
 * is required."), so that is read from the model's source file, which the package ships in `src/models/`.
 */
import { readFileSync } from 'node:fs';

import { loadSdkModule, sdkFile, type ModelClass } from './sdk-environment.js';

/** A declared type, reduced to what a JSON value can be. */
export type WireType = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'any';

/** One SDK model: which package, and the class name, e.g. `SendSmsRequest`. */
export type ModelRef = { sdk: string; model: string };

/** Where a model's source lives, for test names and failure messages. */
export const modelSource = ({ sdk, model }: ModelRef): string => `${sdk} src/models/${model}.ts`;

/** One model class, from its own module (loading a whole SDK takes seconds: hundreds of models and the client). */
const modelClass = ({ sdk, model }: ModelRef): ModelClass => {
  const found = loadSdkModule(sdk, `dist/models/${model}.js`)[model];
  if (typeof found !== 'function') {
    throw new TypeError(`${sdk} exports no model ${model}`);
  }
  return found as ModelClass;
};

const isModelClass = (value: unknown): value is ModelClass =>
  typeof value === 'function' && typeof (value as Partial<ModelClass>).names === 'function';

/** A request model's parameters: every wire name, the declared type of each, and the required ones. */
export type RequestModel = { wireTypes: ReadonlyMap<string, WireType>; required: readonly string[] };

const primitive = (declared: unknown): WireType => {
  if (declared === 'string' || declared === 'number' || declared === 'boolean' || declared === 'any') {
    return declared;
  }
  if (isModelClass(declared)) {
    return 'object';
  }
  const shape = declared as { type?: string } | undefined;
  return shape?.type === 'array' ? 'array' : shape?.type === 'map' ? 'object' : 'any';
};

/** The fields whose generated comment says "This parameter is required.", by field (not wire) name. */
const requiredFields = (source: string): Set<string> => {
  const required = new Set<string>();
  for (const [, comment, field] of source.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*(\w+)\?:/g)) {
    if (comment!.includes('This parameter is required.')) {
      required.add(field!);
    }
  }
  return required;
};

/** Reads a request model: `names()`, `types()` and the required fields of its source file; none: no parameters. */
export const readRequestModel = (ref: ModelRef | undefined): RequestModel => {
  if (ref === undefined) {
    return { wireTypes: new Map(), required: [] };
  }
  const model = modelClass(ref);
  const names = model.names();
  const types = model.types();
  const required = requiredFields(readFileSync(sdkFile(ref.sdk, `src/models/${ref.model}.ts`), 'utf8'));
  return {
    wireTypes: new Map(Object.entries(names).map(([field, wire]) => [wire, primitive(types[field])])),
    required: Object.entries(names).flatMap(([field, wire]) => (required.has(field) ? [wire] : [])),
  };
};

/**
 * A response model flattened to paths of wire names: `Code`, `AuditInfo.RejectInfo`,
 * `SmsSendDetailDTOs.SmsSendDetailDTO[].SendStatus` (`[]` marks the items of an array, `.*` any
 * key of a map).
 */
export const readResponseModel = (ref: ModelRef): ReadonlyMap<string, WireType> => {
  const paths = new Map<string, WireType>();
  const walk = (model: ModelClass, prefix: string, depth: number) => {
    const types = model.types();
    for (const [field, wire] of Object.entries(model.names())) {
      const declared = types[field];
      const at = `${prefix}${wire}`;
      paths.set(at, primitive(declared));
      if (depth > 8) {
        continue;
      }
      if (isModelClass(declared)) {
        walk(declared, `${at}.`, depth + 1);
        continue;
      }
      const shape = declared as { type?: string; itemType?: unknown } | undefined;
      if (shape?.type === 'map') {
        paths.set(`${at}.*`, 'any');
      }
      if (shape?.type === 'array') {
        paths.set(`${at}[]`, primitive(shape.itemType));
        if (isModelClass(shape.itemType)) {
          walk(shape.itemType, `${at}[].`, depth + 1);
        }
      }
    }
  };
  walk(modelClass(ref), '', 0);
  return paths;
};

/** The JSON type of a value as {@link WireType} names it. */
export const wireTypeOf = (value: unknown): WireType =>
  Array.isArray(value) ? 'array' : value === null ? 'any' : typeof value === 'object' ? 'object' : (typeof value as WireType);

/** True when a value on the wire has the declared type (`any` accepts everything). */
export const matchesDeclared = (declared: WireType, value: unknown): boolean => declared === 'any' || wireTypeOf(value) === declared;

/** The action names a pinned SDK's client can call, read from its generated client (`action: "SendSms"`). */
export const sdkActions = (sdk: string): Set<string> =>
  new Set([...readFileSync(sdkFile(sdk, 'dist/client.js'), 'utf8').matchAll(/\baction: "(\w+)"/g)].map(([, action]) => action!));
