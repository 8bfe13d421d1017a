/**
 * @module console-form
 * A model of the connector form in Logto's Console, to push this connector's `formItems` through
 * the same serialisation an operator's Save and Send go through. Read from logto-io/logto at
 * commit 4a6f244508467fcb1d35dc1d53e0a4f4ed926255:
 * - `packages/console/src/utils/connector-form.ts`: `initFormData` (a new connector starts from
 *   each item's `defaultValue`, an edited one from the stored config with `{}` for a missing Json
 *   item; Json values become `JSON.stringify(value, null, 2)`) and `parseFormConfig` (drops `''`
 *   and NaN numbers, parses Json text);
 * - `packages/console/src/components/ConnectorForm/ConfigForm/ConfigFormFields/index.tsx`: Text,
 *   MultilineText and Number items are native inputs registered with react-hook-form (`required`,
 *   `valueAsNumber` for Number), the others are Controllers (Json must be a string that
 *   `JSON.parse` accepts, `utils/validator.ts` `jsonValidator`); items whose `showConditions` do
 *   not hold are not rendered, so not registered and not validated.
 * The Console's Send (`ConnectorTester`) validates the same form first (`trigger()`), and the
 * config reaches Logto as JSON over HTTP, which drops `undefined` values.
 */
import { ConnectorConfigFormItemType, type ConnectorConfigFormItem } from '@logto/connector-kit';

/** The form's values, keyed by form item. */
export type FormValues = Record<string, unknown>;

const { Json, MultiSelect, Number: NumberItem, Text, MultilineText } = ConnectorConfigFormItemType;

/** Native inputs: react-hook-form reads an empty one as `''`, or NaN with `valueAsNumber`. */
const isNativeInput = (item: ConnectorConfigFormItem) => [Text, MultilineText, NumberItem].includes(item.type);

/** Whether the item is rendered (and so registered and validated) for these values. */
export const isShown = (item: ConnectorConfigFormItem, values: FormValues): boolean =>
  (item.showConditions ?? []).every(({ targetKey, expectValue }) => values[targetKey] === expectValue);

/** What an empty native input holds once registered: `''`, or NaN for a Number item. */
const emptyInput = (item: ConnectorConfigFormItem) => (item.type === NumberItem ? Number.NaN : '');

/**
 * The form's starting values: from each item's `defaultValue` for a new connector, or from the
 * stored config when editing one. A rendered native input with no value reads as empty.
 */
export const initialValues = (items: readonly ConnectorConfigFormItem[], stored?: Record<string, unknown>): FormValues => {
  const values: FormValues = Object.fromEntries(
    items.map((item) => {
      const fromConfig = stored?.[item.key] ?? (item.type === Json ? {} : item.type === MultiSelect ? [] : undefined);
      const value = stored ? fromConfig : item.defaultValue;
      return [item.key, item.type === Json ? JSON.stringify(value, null, 2) : value];
    })
  );
  for (const item of items) {
    if (isNativeInput(item) && isShown(item, values) && (values[item.key] === undefined || values[item.key] === null)) {
      values[item.key] = emptyInput(item);
    }
  }
  return values;
};

/** Keys whose field stops Save and Send, with the reason the Console shows under it. */
export const refusals = (items: readonly ConnectorConfigFormItem[], values: FormValues): string[] =>
  items
    .filter((item) => isShown(item, values))
    .flatMap((item) => {
      const value = values[item.key];
      const empty = value === undefined || value === null || value === '' || Number.isNaN(value);
      if (item.required && item.type !== ConnectorConfigFormItemType.Switch && empty) {
        return [`${item.key}: required`];
      }
      if (item.type === Json && !(typeof value === 'string' && isJsonText(value))) {
        return [`${item.key}: invalid JSON format`];
      }
      return [];
    });

const isJsonText = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** The config Save and Send submit: `parseFormConfig`, then the JSON trip to Logto. */
export const submittedConfig = (items: readonly ConnectorConfigFormItem[], values: FormValues): Record<string, unknown> => {
  const entries = Object.entries(values).flatMap(([key, value]): Array<[string, unknown]> => {
    const item = items.find((candidate) => candidate.key === key);
    if (value === '' || !item) {
      return [];
    }
    if (item.type === NumberItem) {
      return Number.isNaN(value) ? [] : [[key, Number(value)]];
    }
    if (item.type === Json) {
      return [[key, typeof value === 'string' && isJsonText(value) ? JSON.parse(value) : {}]];
    }
    return [[key, value]];
  });
  return JSON.parse(JSON.stringify(Object.fromEntries(entries))) as Record<string, unknown>;
};

/** The form after the operator typed into some fields, with newly shown native inputs registered empty. */
export const edit = (items: readonly ConnectorConfigFormItem[], values: FormValues, changes: FormValues): FormValues => {
  const next = { ...values, ...changes };
  for (const item of items) {
    if (isNativeInput(item) && isShown(item, next) && next[item.key] === undefined) {
      next[item.key] = emptyInput(item);
    }
  }
  return next;
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * `clean-deep` with its default options, which Logto applies to the config it stores on Save
 * (logto-io/logto `packages/core/src/routes/connector/index.ts`, `cleanDeep(config)` on POST and
 * PATCH, after validating the uncleaned config): arrays and plain objects are cleaned first, then
 * `''`, `null`, `undefined`, empty arrays and empty objects are dropped, from objects and arrays
 * alike; NaN stays (`NaNValues: false`). Read from nunofgs/clean-deep 3.4.0 `src/index.js`.
 */
export const cleanDeep = <T>(value: T): T => {
  const clean = (item: unknown): unknown => (Array.isArray(item) || isPlainObject(item) ? cleanDeep(item) : item);
  const isEmpty = (item: unknown) =>
    item === '' ||
    item === null ||
    item === undefined ||
    (Array.isArray(item) && item.length === 0) ||
    (isPlainObject(item) && Object.keys(item).length === 0);
  if (Array.isArray(value)) {
    return value.map(clean).filter((item) => !isEmpty(item)) as T;
  }
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value)
        .map(([key, item]) => [key, clean(item)] as const)
        .filter(([, item]) => !isEmpty(item))
    ) as T;
  }
  return value;
};
