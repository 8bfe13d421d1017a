/**
 * Aliyun's SDKs as the oracle of what the package sends. Everything the connector and the operator
 * commands put on the wire (package-traffic.ts, through a recorder in front of the sandbox) is
 * checked against the request model of its action in the pinned SDK (oracle-actions.ts): each
 * parameter other than the signature's common ones (fact sheet §1.1) is a wire name of the model
 * (`names()`), carries a value of the model's declared type, and each parameter whose generated
 * comment says "This parameter is required." is sent. An action the package names in `src/` (any
 * action of a pinned SDK) without an oracle row, or a row the traffic never exercises, fails.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { listModules } from '../import-graph.js';
import { commonParameters, listFallbacks, oracleActions, oracleRowOf, type OracleAction } from './oracle-actions.js';
import { drivePackage, type Hosts } from './package-traffic.js';
import { repositoryRoot, sdkPins } from './sdk-environment.js';
import { modelSource, readRequestModel, sdkActions, type WireType } from './sdk-models.js';
import { startWireRecorder, type Exchange } from './wire-recorder.js';

let sandbox: Sandbox;
let hosts: Hosts;
let exchanges: Exchange[];

beforeAll(async () => {
  sandbox = await startSandbox({ flowControl: false });
  // The sandbox serves billing on its SMS port; it has a recorder of its own, as it is a host of its own at Aliyun.
  hosts = {
    sms: await startWireRecorder(sandbox.endpoint, 'dysmsapi'),
    pnvs: await startWireRecorder(sandbox.pnvsEndpoint, 'dypnsapi'),
    business: await startWireRecorder(sandbox.endpoint, 'business'),
  };
  await drivePackage(sandbox, hosts);
  exchanges = [...hosts.sms.exchanges, ...hosts.pnvs.exchanges, ...hosts.business.exchanges];
}, 120_000);

afterAll(async () => {
  await Promise.all([hosts.sms.close(), hosts.pnvs.close(), hosts.business.close()]);
  await sandbox.close();
});

const rowKey = ({ service, version, action }: Pick<OracleAction, 'service' | 'version' | 'action'>) => `${service} ${version} ${action}`;
const exchangesOf = (row: OracleAction) => exchanges.filter((exchange) => oracleRowOf(exchange.service, exchange.params.Version, exchange.params.Action) === row);

/** How a parameter's text must look for the model's declared type (the wire carries text only). */
const wireForms: Partial<Record<WireType, RegExp>> = { number: /^-?\d+(?:\.\d+)?$/, boolean: /^(?:true|false)$/ };

/** The string literals of a module (code only, not comments), read with TypeScript's own parser. */
const stringLiterals = (file: string): string[] => {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false));
  return found;
};

/** Every string literal in `src/` that is an action some pinned SDK can call, with the first module naming it. */
const actionsNamedInSource = (): Map<string, string> => {
  const known = new Set(Object.keys(sdkPins).flatMap((sdk) => [...sdkActions(sdk)]));
  const named = new Map<string, string>();
  for (const module of listModules(repositoryRoot, ['src']).filter((file) => !file.endsWith('.test.ts'))) {
    for (const literal of stringLiterals(path.join(repositoryRoot, module))) {
      if (known.has(literal) && !named.has(literal)) named.set(literal, module);
    }
  }
  return named;
};

describe('what the package sends, against the SDKs\' request models', () => {
  it('sends only actions with an oracle row, and exercises every row', () => {
    expect(exchanges.filter((exchange) => oracleRowOf(exchange.service, exchange.params.Version, exchange.params.Action) === undefined).map((exchange) => `${exchange.service} ${exchange.params.Version} ${exchange.params.Action}`)).toEqual([]);
    expect(oracleActions.filter((row) => exchangesOf(row).length === 0).map(rowKey)).toEqual([]);
  });

  it('every action named in src/ that an SDK knows has an oracle row, or is a list whose items the readers accept', () => {
    const named = actionsNamedInSource();
    expect([...named.keys()]).toEqual(expect.arrayContaining(['SendSms', 'SendMessageWithTemplate', 'SendMessageToGlobe', 'SendSmsVerifyCode', 'QueryMessage']));
    // A list action whose items the template and signature readers accept (oracle-actions.ts) is read, never sent.
    const lists = listFallbacks.map((fallback) => fallback.declaredIn.model.replace(/ResponseBody$/, ''));
    const covered = new Set([...oracleActions.map((row) => row.action), ...lists]);
    expect([...named].filter(([action]) => !covered.has(action)).map(([action, module]) => `${action} (${module})`)).toEqual([]);
  });

  it.each(oracleActions.map((row) => [rowKey(row), row.request ? `${modelSource(row.request)}, ${sdkPins[row.request.sdk]}` : 'no request model: no parameters', row] as const))(
    '%s: parameter names, types and required parameters (%s)',
    (_key, _source, row) => {
      const model = readRequestModel(row.request);
      const sent = exchangesOf(row);
      expect(sent.length).toBeGreaterThan(0);
      const problems = sent.flatMap(({ params }) => [
        ...Object.entries(params)
          .filter(([name]) => !commonParameters.has(name))
          .flatMap(([name, value]) => {
            const declared = model.wireTypes.get(name);
            if (declared === undefined) return [`${name} is not a parameter of ${row.request?.model ?? row.action}`];
            return wireForms[declared]?.test(value) === false ? [`${name}=${JSON.stringify(value)} is not a ${declared}`] : [];
          }),
        ...model.required.filter((name) => params[name] === undefined || params[name] === '').map((name) => `required ${name} missing`),
      ]);
      expect([...new Set(problems)].join('\n')).toBe('');
    },
  );
});
