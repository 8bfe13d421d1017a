/**
 * The account's live state: every template's and signature's review, and the RAM actions each
 * AccessKey may not call. It starts from the registry, the operator API changes it while the
 * sandbox runs, and `reset()` returns to the registry. Sends and the read-only queries both ask it,
 * so a template put under review stops sending and is reported under review at the same moment.
 *
 * @module
 */
import type { AccountRegistry, RamDenial, RamDenialStyle } from './registry.js';
import type { ReviewedTemplate, Signature } from './template.js';

/** Live review and RAM state of the fake account. */
export class Account {
  readonly #registry: AccountRegistry;
  readonly #templates = new Map<string, ReviewedTemplate>();
  readonly #signatures = new Map<string, Signature>();
  readonly #denials = new Map<string, RamDenial>();

  /** Starts from `registry`, which is never modified. */
  constructor(registry: AccountRegistry) {
    this.#registry = registry;
    this.reset();
  }

  /** Back to the registry's templates, signatures and denials. */
  reset(): void {
    this.resetTemplates();
    this.resetSignatures();
    this.resetDenials();
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
