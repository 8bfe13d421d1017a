/**
 * Aliyun's SDKs as the oracle of the answers the package reads. Official SDK clients
 * (sdk-clients.ts: explicit sandbox credentials, loopback endpoint, plain http, no other host
 * reachable) ask the sandbox every action the package reads (sdk-traffic.ts); the answers are
 * judged raw, as they crossed the wire, never through the SDK's parsed model (which drops unknown
 * keys and converts types). Every field of every answer is declared in the action's response model
 * with the declared type; every field the package reads (found by running it: field-reads.ts) is
 * declared there too and comes back in the sandbox's answers, with that type.
 */
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { declaredType, gatewayErrorFields, jsonPaths } from './answer-shapes.js';
import { recordFieldReads, type AnswerReads } from './field-reads.js';
import { listFallbacks, oracleActions, oracleRowOf, upcomingActions, type OracleAction } from './oracle-actions.js';
import { drivePackage } from './package-traffic.js';
import { sdkPins } from './sdk-environment.js';
import { matchesDeclared, modelSource, readResponseModel, wireTypeOf, type WireType } from './sdk-models.js';
import { driveSdks, sdkClients, type SdkClients, type SdkHosts } from './sdk-traffic.js';
import { startWireRecorder, type Exchange } from './wire-recorder.js';

let sandbox: Sandbox;
let hosts: SdkHosts;
let clients: SdkClients;
let packageReads: AnswerReads[];
let sdkAnswers: Exchange[];

const allExchanges = () => Object.values(hosts).flatMap((recorder) => recorder.exchanges);

beforeAll(async () => {
  // Nothing leaves the machine: only the loopback sandbox and its recorders are reachable.
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  sandbox = await startSandbox({ flowControl: false });
  // The sandbox serves billing and STS on its SMS port; each has a recorder of its own, as each is a host of its own at Aliyun.
  hosts = {
    sms: await startWireRecorder(sandbox.endpoint, 'dysmsapi'),
    pnvs: await startWireRecorder(sandbox.pnvsEndpoint, 'dypnsapi'),
    business: await startWireRecorder(sandbox.endpoint, 'business'),
    sts: await startWireRecorder(sandbox.endpoint, 'sts'),
  };
  packageReads = await recordFieldReads([hosts.sms, hosts.pnvs, hosts.business], () => drivePackage(sandbox, hosts));
  const before = new Set(allExchanges());
  sandbox.records.reset();
  clients = sdkClients(sandbox, hosts);
  await driveSdks(sandbox, clients);
  sdkAnswers = allExchanges().filter((exchange) => !before.has(exchange));
}, 120_000);

afterAll(async () => {
  await Promise.all(Object.values(hosts).map((recorder) => recorder.close()));
  await sandbox.close();
  nock.enableNetConnect();
});

const rowOf = (exchange: Exchange) => oracleRowOf(exchange.service, exchange.params.Version, exchange.params.Action, [...oracleActions, ...upcomingActions]);
const rowKey = ({ service, version, action }: OracleAction) => `${service} ${version} ${action}`;

/** What an answer of `row` may hold: its response model, and for an HTTP error also a gateway error's fields. */
const allowedFields = (row: OracleAction, status: number): ReadonlyMap<string, WireType> => {
  const model = readResponseModel(row.response);
  // A gateway error's fields are the gateway's, whatever the action's own answer declares under the same name.
  return status >= 400 ? new Map([...model, ...gatewayErrorFields]) : model;
};

/**
 * Where a reader may look for a field an answer lacks: a path some action's model or a gateway error
 * declares (`ResponseCode` on a 2017-05-25 answer, `Model` on an SMS one), or a list item's field.
 */
const declaredAnywhere = (path: string): boolean =>
  declaredType(gatewayErrorFields, path) !== undefined ||
  oracleActions.some((row) => declaredType(readResponseModel(row.response), path) !== undefined) ||
  listFallbacks.some((fallback) => fallback.path === path);

const described = (row: OracleAction) => [rowKey(row), `${modelSource(row.response)}, ${sdkPins[row.response.sdk]}`, row] as const;
const rows = oracleActions.map(described);

describe('the SDK clients', () => {
  it('reach only the sandbox, signed with its key (never the default credential chain)', async () => {
    for (const client of Object.values(clients)) {
      const resolved = await client.resolved();
      expect(resolved).toEqual({ endpoint: expect.stringMatching(/^127\.0\.0\.1:\d+$/), credentialType: 'access_key', accessKeyId: sandbox.accessKeyId });
    }
    // Every call got an answer from the sandbox, and none was refused for its key or signature (V3).
    expect(sdkAnswers.length).toBeGreaterThan(50);
    expect(sdkAnswers.filter(({ body }) => /InvalidAccessKeyId|SignatureDoesNotMatch|IncompleteSignature/.test(body)).map(({ body }) => body)).toEqual([]);
  });
});

describe('the sandbox\'s answers, raw, against the SDKs\' response models', () => {
  it.each([...rows, ...upcomingActions.map(described)])('%s: every field is declared, with its type (%s)', (_key, _source, row) => {
    const answers = sdkAnswers.filter((exchange) => rowOf(exchange) === row);
    expect(answers.length).toBeGreaterThan(0);
    const problems = answers.flatMap(({ status, body }) => {
      const allowed = allowedFields(row, status);
      return jsonPaths(JSON.parse(body)).flatMap(({ path, value }) => {
        const declared = declaredType(allowed, path);
        if (declared === undefined) return [`HTTP ${status}: ${path} is not declared`];
        return matchesDeclared(declared, value) ? [] : [`HTTP ${status}: ${path} is ${wireTypeOf(value)} ${JSON.stringify(value)}, declared ${declared}`];
      });
    });
    expect([...new Set(problems)].join('\n')).toBe('');
  });
});

describe('the fields the package reads, against the SDKs\' response models', () => {
  it('reads answers of every action it sends', () => {
    const read = new Set(packageReads.map(({ exchange }) => rowOf(exchange)));
    expect(oracleActions.filter((row) => !read.has(row)).map(rowKey)).toEqual([]);
    expect(packageReads.filter(({ reads }) => reads.some((read) => read.path.endsWith('*'))).map(({ exchange }) => exchange.params.Action)).toEqual([]);
  });

  it.each(listFallbacks.map((fallback) => [fallback.path, `${modelSource(fallback.declaredIn)} ${fallback.at}`, fallback] as const))(
    'a single-item answer\'s %s is read as the list item\'s (%s)',
    (_path, _source, { declaredIn, at }) => {
      expect(declaredType(readResponseModel(declaredIn), at)).toBeDefined();
    },
  );

  it.each(rows)('%s: each field read is declared, and the sandbox answers it with the declared type (%s)', (_key, _source, row) => {
    const ofRow = packageReads.filter(({ exchange }) => rowOf(exchange) === row);
    const problems = new Set<string>();
    const modelReads = new Set<string>();
    for (const { exchange, reads } of ofRow) {
      const allowed = allowedFields(row, exchange.status);
      for (const { path, present, value } of reads) {
        const declared = declaredType(allowed, path);
        if (present && declared === undefined) problems.add(`reads ${path}, which the answer has but ${row.response.model} does not declare`);
        if (present && declared !== undefined && !matchesDeclared(declared, value)) problems.add(`reads ${path} as ${wireTypeOf(value)}, declared ${declared}`);
        if (!present && declared === undefined && !declaredAnywhere(path)) problems.add(`reads ${path}, which no SDK model declares`);
        if (declaredType(readResponseModel(row.response), path) !== undefined) modelReads.add(path);
      }
    }
    // Each field of the model that the package reads comes back from the sandbox at least once, so its type was checked.
    const answered = new Set(sdkAnswers.filter((exchange) => rowOf(exchange) === row).flatMap(({ body }) => jsonPaths(JSON.parse(body)).map(({ path }) => path)));
    for (const path of modelReads) {
      if (!answered.has(path)) problems.add(`reads ${path}, which no answer of the sandbox to the SDK carries`);
    }
    expect([...problems].join('\n')).toBe('');
  });
});
