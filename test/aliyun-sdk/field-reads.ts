/**
 * @module field-reads
 * Which fields of Aliyun's answers the package really reads, found by running it rather than by
 * reading its source: while `run` goes on, every answer body the package parses (`JSON.parse` of a
 * text that a {@link WireRecorder} saw cross the wire) is handed back wrapped in a proxy that notes
 * each property read, with its path (`SmsSendDetailDTOs.SmsSendDetailDTO[].SendStatus`), whether
 * the answer had it, and its value. A field the readers start to read shows up here without
 * anyone listing it.
 */
import type { Exchange, WireRecorder } from './wire-recorder.js';

/** One property read of one answer. */
export type FieldRead = { path: string; present: boolean; value: unknown };

/** The reads of one exchange's answer. */
export type AnswerReads = { exchange: Exchange; reads: FieldRead[] };

/** Keys that are not fields: the object protocol, promises, JSON. */
const protocolKeys = new Set(['constructor', 'then', 'toJSON', 'valueOf', 'toString', 'hasOwnProperty', 'length']);

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

const watch = (value: unknown, prefix: string, reads: FieldRead[]): unknown => {
  if (!isObject(value)) {
    return value;
  }
  const note = (target: object, key: string | symbol): void => {
    if (typeof key === 'string' && !protocolKeys.has(key) && !Array.isArray(target)) {
      reads.push({ path: `${prefix}${key}`, present: Object.hasOwn(target, key), value: (target as Record<string, unknown>)[key] });
    }
  };
  const childPrefix = (target: object, key: string | symbol): string => (Array.isArray(target) ? `${prefix.replace(/\.$/, '')}[].` : `${prefix}${String(key)}.`);
  return new Proxy(value, {
    get(target, key, receiver) {
      note(target, key);
      const child: unknown = Reflect.get(target, key, receiver);
      const isItem = Array.isArray(target) && typeof key === 'string' && /^\d+$/.test(key);
      return isItem || (!Array.isArray(target) && typeof key === 'string' && Object.hasOwn(target, key)) ? watch(child, childPrefix(target, key), reads) : child;
    },
    has(target, key) {
      note(target, key);
      return Reflect.has(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      note(target, key);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    ownKeys(target) {
      // Enumerating an answer reads every field it happens to have: note it, so the oracle says so.
      if (!Array.isArray(target)) {
        reads.push({ path: `${prefix}*`, present: true, value: undefined });
      }
      return Reflect.ownKeys(target);
    },
  });
};

/**
 * Runs `run` with `JSON.parse` watching the answers the recorders relay, and returns the reads of
 * each answer the package parsed. Other parses (configuration, template parameters) are untouched.
 */
export const recordFieldReads = async (recorders: readonly WireRecorder[], run: () => Promise<void>): Promise<AnswerReads[]> => {
  const parse = JSON.parse;
  const found: AnswerReads[] = [];
  const exchangeOf = (text: string): Exchange | undefined =>
    recorders.flatMap((recorder) => recorder.exchanges).findLast((exchange) => exchange.body === text);
  JSON.parse = function watchingParse(text: string, reviver?: (this: unknown, key: string, value: unknown) => unknown): unknown {
    const value: unknown = parse(text, reviver);
    const exchange = typeof text === 'string' ? exchangeOf(text) : undefined;
    if (exchange === undefined || !isObject(value)) {
      return value;
    }
    const answer = { exchange, reads: [] as FieldRead[] };
    found.push(answer);
    return watch(value, '', answer.reads);
  };
  try {
    await run();
  } finally {
    JSON.parse = parse;
  }
  return found;
};
