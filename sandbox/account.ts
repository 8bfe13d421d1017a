/**
 * The account's live state: every template's and signature's review, the RAM actions each
 * AccessKey may not call, the actions the account may not call at all, and the readings of
 * disputed facts it answers with (readings.ts). It starts from the registry, the operator API changes it while the
 * sandbox runs, and `reset()` returns to the registry. Sends and the read-only queries both ask it,
 * so a template put under review stops sending and is reported under review at the same moment.
 *
 * @module
 */
import { currentReadings } from './readings.js';
import type { Readings } from './readings.js';
import type { AccountRegistry, RamDenial, RamDenialStyle } from './registry.js';
import type { ReviewedTemplate, Signature } from './template.js';

/** The account's lists of actions: those it may not call at all, and those its endpoint does not know. */
export type ActionList = 'forbidden' | 'unknown';

/** Live review and RAM state of the fake account. */
export class Account {
  readonly #registry: AccountRegistry;
  readonly #templates = new Map<string, ReviewedTemplate>();
  readonly #signatures = new Map<string, Signature>();
  readonly #denials = new Map<string, RamDenial>();
  #readings: Readings = currentReadings;
  readonly #actionLists: Record<ActionList, Set<string>> = { forbidden: new Set(), unknown: new Set() };

  /** Starts from `registry`, which is never modified. */
  constructor(registry: AccountRegistry) {
    this.#registry = registry;
    this.reset();
  }

  /** Back to the registry's templates, signatures, denials, readings and forbidden actions. */
  reset(): void {
    this.resetTemplates();
    this.resetSignatures();
    this.resetDenials();
    this.resetReadings();
    this.resetActionLists();
  }

  /** Back to the registry's readings (the current ones where it names none). */
  resetReadings(): void {
    this.#readings = { ...currentReadings, ...this.#registry.readings };
  }

  /** Back to the registry's forbidden and unknown actions. */
  resetActionLists(): void {
    this.resetActionList('forbidden');
    this.resetActionList('unknown');
  }

  /** Back to the registry's list of one kind. */
  resetActionList(list: ActionList): void {
    this.#actionLists[list] = new Set(list === 'forbidden' ? this.#registry.forbiddenActions : this.#registry.unknownActions);
  }

  /** The readings of disputed facts in force (readings.ts). */
  readings(): Readings {
    return this.#readings;
  }

  /** Changes some readings; the others stay. */
  setReadings(readings: Partial<Readings>): void {
    this.#readings = { ...this.#readings, ...readings };
  }

  /** The actions of one list: `forbidden` (the account may not call them at all) or `unknown` (the endpoint does not know them). */
  actionList(list: ActionList): string[] {
    return [...this.#actionLists[list]];
  }

  /** Replaces one list; `[]` empties it. */
  setActionList(list: ActionList, actions: readonly string[]): void {
    this.#actionLists[list] = new Set(actions);
  }

  /** Whether the account may not call `action` at all (`ForbiddenAction`). */
  forbids(action: string): boolean {
    return this.#actionLists.forbidden.has(action);
  }

  /** Whether this endpoint knows `action` (else `InvalidAction.NotFound`, as one serving only the older actions). */
  knows(action: string): boolean {
    return !this.#actionLists.unknown.has(action);
  }

  /** Back to the registry's templates. */
  resetTemplates(): void {
    this.#templates.clear();
    for (const template of this.#registry.templates) {
      this.#templates.set(template.code, { ...template });
    }
  }

  /** Back to the registry's signatures. */
  resetSignatures(): void {
    this.#signatures.clear();
    for (const signature of this.#registry.signatures) {
      this.#signatures.set(signature.name, { ...signature });
    }
  }

  /** Back to the registry's RAM denials. */
  resetDenials(): void {
    this.#denials.clear();
    for (const { accessKeyId, denied } of this.#registry.credentials) {
      if (denied !== undefined) {
        this.#denials.set(accessKeyId, { actions: [...denied.actions], style: denied.style });
      }
    }
  }

  /** Every template, other accounts' included. */
  templates(): ReviewedTemplate[] {
    return [...this.#templates.values()];
  }

  /** Every signature, other accounts' included. */
  signatures(): Signature[] {
    return [...this.#signatures.values()];
  }

  /** The template as this account sees it, in any review state; undefined if unknown or another account's. */
  template(code: string): ReviewedTemplate | undefined {
    const template = this.#templates.get(code);
    return template?.owner === 'this' ? template : undefined;
  }

  /** The signature as this account sees it; undefined if unknown or another account's. */
  signature(name: string): Signature | undefined {
    const signature = this.#signatures.get(name);
    return signature?.owner === 'this' ? signature : undefined;
  }

  /** A template SendSms may use: this account's and approved. */
  sendableTemplate(code: string): ReviewedTemplate | undefined {
    const template = this.template(code);
    return template?.status === 'approved' ? template : undefined;
  }

  /** Whether SendSms may use this `SignName`: this account's and approved. */
  sendableSignature(name: string): boolean {
    return this.signature(name)?.status === 'approved';
  }

  /** Adds or replaces a template. */
  putTemplate(template: ReviewedTemplate): void {
    this.#templates.set(template.code, template);
  }

  /** Adds or replaces a signature. */
  putSignature(signature: Signature): void {
    this.#signatures.set(signature.name, signature);
  }

  /** Sets the RAM actions an AccessKey may not call; an empty list allows everything again. */
  setDenial(accessKeyId: string, denial: RamDenial): void {
    if (denial.actions.length === 0) {
      this.#denials.delete(accessKeyId);
    } else {
      this.#denials.set(accessKeyId, { actions: [...denial.actions], style: denial.style });
    }
  }

  /** Every AccessKey's denials. */
  denials(): Record<string, RamDenial> {
    return Object.fromEntries(this.#denials);
  }

  /** How a call of `ramAction` (e.g. `dysms:GetSmsTemplate`) by this key is refused; undefined if allowed. */
  denial(accessKeyId: string, ramAction: string): RamDenialStyle | undefined {
    const denial = this.#denials.get(accessKeyId);
    return denial?.actions.includes(ramAction) === true ? denial.style : undefined;
  }
}
