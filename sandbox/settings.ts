/**
 * Run-time switches for behaviour Aliyun does not document or that a test may want off: the API
 * call rate (`Throttling.User`), whether `QuerySendStatistics` counts international-site sends,
 * and the longest date range it answers. Set by `SandboxOptions.settings` and `POST /api/settings`.
 *
 * @module
 */

/** The switches and their values. */
export type SettingsValues = {
  /** Refuse calls over Aliyun's per-account rate (QuerySendStatistics: 20 a second) with `Throttling.User`. Default on. */
  queryRateLimit: boolean;
  /** Count 2018-05-01 (international-site) sends in QuerySendStatistics. Default off (assumption A34). */
  statisticsInternationalSite: boolean;
  /** The most days (both ends counted) one QuerySendStatistics call may span. Default 30 (assumption A32). */
  statisticsMaxDays: number;
};

const defaults: SettingsValues = { queryRateLimit: true, statisticsInternationalSite: false, statisticsMaxDays: 30 };

/** Checks a partial set of switches (SandboxOptions or the operator API); throws a TypeError naming the field. */
export function parseSettings(value: unknown): Partial<SettingsValues> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError('settings must be an object');
  }
  const input = value as Record<string, unknown>;
  const unknown = Object.keys(input).find((name) => !Object.hasOwn(defaults, name));
  if (unknown !== undefined) {
    throw new TypeError(`${unknown} is not a setting; the settings are ${Object.keys(defaults).join(', ')}`);
  }
  const flag = (name: 'queryRateLimit' | 'statisticsInternationalSite') => {
    const value = input[name];
    if (value !== undefined && typeof value !== 'boolean') {
      throw new TypeError(`${name} must be true or false`);
    }
    return value === undefined ? {} : { [name]: value };
  };
  const days = input.statisticsMaxDays;
  if (days !== undefined && (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 3660)) {
    throw new TypeError('statisticsMaxDays must be a whole number of days from 1 to 3660');
  }
  return { ...flag('queryRateLimit'), ...flag('statisticsInternationalSite'), ...(days === undefined ? {} : { statisticsMaxDays: days }) };
}

/** The live switches; `reset()` returns to the values the sandbox started with. */
export class SandboxSettings {
  readonly #initial: SettingsValues;
  #current: SettingsValues;

  /** Starts from the defaults overridden by `initial`. */
  constructor(initial: Partial<SettingsValues> = {}) {
    this.#initial = { ...defaults, ...parseSettings(initial) };
    this.#current = { ...this.#initial };
  }

  /** The current values. */
  get(): SettingsValues {
    return { ...this.#current };
  }

  /** Changes the given switches. */
  set(change: Partial<SettingsValues>): SettingsValues {
    this.#current = { ...this.#current, ...parseSettings(change) };
    return this.get();
  }

  /** Back to the starting values. */
  reset(): void {
    this.#current = { ...this.#initial };
  }
}
