/**
 * @module config-endpoint
 * The guard for `endpoint` and `pnvsEndpoint`: https anywhere, plain http only to a loopback
 * host such as the local sandbox (the rule itself: plan/endpoint.ts), normalised to a bare origin.
 */
import { z } from 'zod';

import { guardIssue, said } from './config-issues.js';
import { endpointProblem } from '../plan/endpoint.js';

/** Checks and normalises one endpoint key: a bare origin, no trailing slash; `example` is the key's usual host. */
export const endpointGuard = (field: string, example: string) => {
  const fix = `use an https:// URL such as ${example} (http:// only for a loopback host such as http://127.0.0.1:8787, the local sandbox)`;
  return z
    .string({ invalid_type_error: said(`${field} must be a string`, fix) })
    .trim()
    .superRefine((value, context) => {
      const problem = endpointProblem(value);
      if (problem) {
        context.addIssue(guardIssue({ path: [], summary: `${field} ${problem}`, fix }));
      }
    })
    .transform((value) => value.replace(/\/$/, ''));
};
