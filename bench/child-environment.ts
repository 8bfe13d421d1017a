/**
 * @module child-environment
 * The environment every benchmark child process starts with: the parent's, without
 * `NODE_OPTIONS`, so no loader hook or flag of the parent (tsx's, say) reaches a measured process.
 */

/** The parent's environment minus `NODE_OPTIONS`, plus `extra`. */
export const childEnvironment = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => {
  const environment: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete environment.NODE_OPTIONS;
  return environment;
};
