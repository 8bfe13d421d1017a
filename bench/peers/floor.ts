/**
 * @module peers/floor
 * The floor: the least a SendSms client can do. One `node:https` keep-alive agent, a form POST,
 * a tiny signature V1 signer (fact sheet §1.2) and `JSON.parse` of the answer; no validation, no
 * timeout, no error mapping. Written for the benchmark only; it imports nothing from `src/`.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:https';

import type { Fixture } from '../fixture.js';
import type { PeerSends, Send } from '../workload.js';

const agent = new Agent({ keepAlive: true });

/** §1.2 step 3: RFC 3986, so `! ' ( ) *` are encoded too. */
const encode = (value: string) =>
  encodeURIComponent(value).replaceAll(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);

const post = (body: string) =>
  new Promise<string>((resolve, reject) => {
    const outgoing = request(
      'https://dysmsapi.aliyuncs.com/',
      { method: 'POST', agent, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          resolve(text);
        });
        response.on('error', reject);
      }
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });

/** The floor's send: one client for every send, so only the reused mode. */
export const createPeer = (fixture: Fixture): Promise<PeerSends> => {
  const send: Send = async (to, code) => {
    const parameters: Record<string, string> = {
      AccessKeyId: fixture.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      PhoneNumbers: to,
      RegionId: 'cn-hangzhou',
      SignName: fixture.signName,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: randomUUID(),
      SignatureVersion: '1.0',
      TemplateCode: fixture.templateCode.china,
      TemplateParam: JSON.stringify({ code }),
      Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
    };
    // Written in code-point order already (§1.2 step 2), so no sort is needed.
    const query = Object.entries(parameters)
      .map(([name, value]) => `${encode(name)}=${encode(value)}`)
      .join('&');
    const signature = createHmac('sha1', `${fixture.accessKeySecret}&`).update(`POST&%2F&${encode(query)}`).digest('base64');
    const answer = JSON.parse(await post(`${query}&Signature=${encode(signature)}`)) as { Code?: string; Message?: string };
    if (answer.Code !== 'OK') {
      throw new Error(`SendSms answered ${answer.Code ?? 'no code'}: ${answer.Message ?? ''}`);
    }
  };
  return Promise.resolve({ reused: send });
};
